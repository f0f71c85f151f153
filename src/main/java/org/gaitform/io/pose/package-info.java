/**
 * Readers of body keypoints and motion-capture markers: OpenPose BODY_25 (per-frame JSON folder and CSV),
 * MediaPipe BlazePose CSV, generic keypoint CSV, marker text exports (Fukuchi-style TSV), OpenSim
 * {@code .trc} and C3D. Each produces a {@link org.gaitform.model.PoseRecording} with the input's own
 * coordinates, a uniform frame grid and the decisions taken (format, frame rate, unit, missing points, and for video
 * keypoints the frames whose left and right keypoints the pose estimator exchanged, undone by
 * {@link org.gaitform.io.pose.LeftRightSwitchCorrection}).
 */
package org.gaitform.io.pose;
