package org.gaitform.io;

/** The families of input gaitform reads. */
public enum InputKind {
    /** IMU samples in delimited text. */
    IMU_CSV("imu-csv"),
    /** A phone's Sensor Logger export: a folder, or a zip, with one CSV per sensor stream. */
    SENSOR_LOGGER("sensor-logger");

    private final String label;

    InputKind(String label) {
        this.label = label;
    }

    /** Name written in outputs. */
    public String label() {
        return label;
    }
}
