package org.gaitform.io;

/** The families of input gaitform reads. */
public enum InputKind {
    /** IMU samples in delimited text. */
    IMU_CSV("imu-csv"),
    /** Keypoints or markers in delimited text (OpenPose or MediaPipe CSV, generic keypoint CSV, marker TSV). */
    POSE_CSV("pose-csv"),
    /** A folder of OpenPose per-frame JSON files. */
    OPENPOSE_JSON("openpose-json"),
    /** OpenSim marker file. */
    TRC("trc"),
    /** C3D motion-capture file. */
    C3D("c3d");

    private final String label;

    InputKind(String label) {
        this.label = label;
    }

    /** Name written in outputs. */
    public String label() {
        return label;
    }
}
