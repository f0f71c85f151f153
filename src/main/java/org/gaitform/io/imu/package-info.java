/**
 * IMU exports in delimited text: column roles from common header names (or {@code --column}
 * overrides), units from the headers or the signal, the time base, and checks of the time axis.
 */
package org.gaitform.io.imu;
