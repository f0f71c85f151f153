package org.gaitform.io;

/** The families of input gaitform reads. */
public enum InputKind {
    /** IMU samples in delimited text. */
    IMU_CSV("imu-csv"),
    /** A phone's Sensor Logger export: a folder, or a zip, with one CSV per sensor stream. */
    SENSOR_LOGGER("sensor-logger"),
    /** A watch's FIT activity file (also {@code .fit.gz}). */
    WATCH_FIT("watch-fit"),
    /** A Training Center XML activity (also {@code .tcx.gz}). */
    WATCH_TCX("watch-tcx"),
    /** A GPX track (also {@code .gpx.gz}). */
    WATCH_GPX("watch-gpx"),

    /** Keypoints or markers in delimited text (OpenPose or MediaPipe CSV, generic keypoint CSV, marker TSV). */
    POSE_CSV("pose-csv"),
    /** A folder of OpenPose per-frame JSON files. */
    OPENPOSE_JSON("openpose-json"),
    /**
     * One JSON file of keypoints in COCO's layouts (AlphaPose, Detectron2, YOLO-pose, MMPose), or a folder of MMPose's
     * one-image outputs.
     */
    COCO_JSON("coco-json"),
    /** The labels folder of an Ultralytics YOLO pose model: one text file per video frame. */
    YOLO_POSE_TXT("yolo-pose-txt"),
    /**
     * A runner's whole account: a Strava bulk export (folder or zip with {@code activities.csv}) or a Garmin Connect
     * data export (zip of zips of FIT files), analysed as a history rather than as one recording.
     */
    ACCOUNT_EXPORT("account-export"),
    /** OpenSim marker file. */
    TRC("trc"),
    /** A Vicon Nexus export (CSV or tab-separated text) with a Trajectories section. */
    VICON_CSV("vicon-csv"),
    /** A Qualisys Track Manager 3D export (TSV with its header block). */
    QUALISYS_TSV("qualisys-tsv"),
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
