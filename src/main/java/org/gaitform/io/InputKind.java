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
    WATCH_GPX("watch-gpx");

    private final String label;

    InputKind(String label) {
        this.label = label;
    }

    /** Name written in outputs. */
    public String label() {
        return label;
    }
}
