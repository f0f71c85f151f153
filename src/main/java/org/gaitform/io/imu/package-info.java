/**
 * IMU exports: delimited text with column roles from common header names (or {@code --column} overrides), one
 * sensor or several grouped by two-row headers or prefixes ({@code left_sensor/acc_x}, {@code right_acc_x});
 * headerless device exports recognised from their preamble (GENEActiv); Sensor Logger folders and zips (one CSV
 * per stream, merged on their common clock). Units come from the headers or the signal and are checked for
 * plausibility; the time base and its gaps are checked.
 */
package org.gaitform.io.imu;
