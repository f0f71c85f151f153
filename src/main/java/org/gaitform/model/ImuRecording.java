package org.gaitform.model;

import java.util.List;
import java.util.Objects;

/**
 * Uniformly sampled IMU data from one input.
 *
 * @param source          the input
 * @param timeS           sample times (s) on the input's own time axis, strictly increasing and uniform
 *                        (resampled by the reader when the input's stamps jitter)
 * @param samplingRateHz  sampling rate (Hz)
 * @param sensors         one or more sensors sharing the time axis
 * @param decisions       what the reader decided
 * @param warnings        what the reader noticed
 */
public record ImuRecording(String source, double[] timeS, double samplingRateHz, List<ImuSensor> sensors,
                           List<Decision> decisions, List<String> warnings) implements Recording {
    public ImuRecording {
        Objects.requireNonNull(source, "source");
        if (!(samplingRateHz > 0) || !Double.isFinite(samplingRateHz)) {
            throw new IllegalArgumentException("sampling rate must be positive, got " + samplingRateHz);
        }
        if (sensors.isEmpty()) {
            throw new IllegalArgumentException("a recording needs at least one sensor");
        }
        for (ImuSensor s : sensors) {
            if (s.size() != timeS.length) {
                throw new IllegalArgumentException("sensor '" + s.name() + "' has " + s.size() + " samples for "
                        + timeS.length + " times");
            }
        }
        timeS = timeS == ADOPTED_TIME.get() ? timeS : timeS.clone();
        sensors = List.copyOf(sensors);
        decisions = List.copyOf(decisions);
        warnings = List.copyOf(warnings);
    }

    /** The time array being handed over by {@link #adopt} on this thread (compared by identity). */
    private static final ThreadLocal<double[]> ADOPTED_TIME = new ThreadLocal<>();

    /**
     * A recording that takes the time array over instead of copying it: for readers that build a fresh
     * array and hand it on (a long recording is then held once, not twice). The caller must not change
     * the array afterwards. Build the sensors with {@link ImuSensor#adopt} for the same reason.
     */
    public static ImuRecording adopt(String source, double[] timeS, double samplingRateHz, List<ImuSensor> sensors,
                                     List<Decision> decisions, List<String> warnings) {
        ADOPTED_TIME.set(timeS);
        try {
            return new ImuRecording(source, timeS, samplingRateHz, sensors, decisions, warnings);
        } finally {
            ADOPTED_TIME.remove();
        }
    }

    @Override
    public double[] timeS() {
        return timeS.clone();
    }

    /** Number of samples. */
    public int size() {
        return timeS.length;
    }

    /** Duration from the first to the last sample (s). */
    public double durationS() {
        return timeS.length < 2 ? 0 : timeS[timeS.length - 1] - timeS[0];
    }

    /** The time (s) at a fractional sample index, interpolated on the time axis. */
    public double timeAt(double index) {
        if (index <= 0) {
            return timeS[0] + index / samplingRateHz;
        }
        if (index >= timeS.length - 1) {
            return timeS[timeS.length - 1] + (index - (timeS.length - 1)) / samplingRateHz;
        }
        int i = (int) Math.floor(index);
        double f = index - i;
        return timeS[i] * (1 - f) + timeS[i + 1] * f;
    }

    /** A copy with different sensors (sharing the time axis, which neither recording changes). */
    public ImuRecording withSensors(List<ImuSensor> newSensors) {
        return adopt(source, timeS, samplingRateHz, newSensors, decisions, warnings);
    }

    /** A copy with different sensors and decisions (sharing the time axis). */
    public ImuRecording withSensors(List<ImuSensor> newSensors, List<Decision> newDecisions) {
        return adopt(source, timeS, samplingRateHz, newSensors, newDecisions, warnings);
    }

    /** A copy with different sensors, decisions and warnings (sharing the time axis). */
    public ImuRecording withSensors(List<ImuSensor> newSensors, List<Decision> newDecisions, List<String> newWarnings) {
        return adopt(source, timeS, samplingRateHz, newSensors, newDecisions, newWarnings);
    }
}
