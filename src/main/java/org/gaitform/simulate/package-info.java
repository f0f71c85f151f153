/**
 * Deterministic simulators of sessions with known ground truth, used to make the example sessions in
 * {@code sample-data/} and to test the methods: trunk-worn IMUs ({@link org.gaitform.simulate.TrunkImuSimulator}),
 * foot IMUs ({@link org.gaitform.simulate.FootImuSimulator}), a stick-figure runner as markers or video keypoints
 * ({@link org.gaitform.simulate.PoseRunnerSimulator}) filmed by a pinhole camera
 * ({@link org.gaitform.simulate.PinholeCamera}), and the faults a pose estimator adds to such keypoints
 * ({@link org.gaitform.simulate.EstimatorFaults}).
 */
package org.gaitform.simulate;
