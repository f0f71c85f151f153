/**
 * A deterministic simulator of trunk-worn IMU sessions with known ground truth, used to make the
 * example sessions in {@code sample-data/} and to test event detection. See {@link
 * org.gaitform.simulate.TrunkImuSimulator} for the signal model.
 */
package org.gaitform.simulate;
