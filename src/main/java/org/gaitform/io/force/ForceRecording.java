package org.gaitform.io.force;

import java.util.List;
import java.util.Objects;
import org.gaitform.model.Decision;

/**
 * A force recording: the vertical force of one or more plates on a common uniform time axis.
 *
 * @param source          the file as named in messages
 * @param startS          time of the first sample on the recording's clock (s)
 * @param samplingRateHz  sampling rate (Hz)
 * @param plates          the plates (one under both feet, or one per foot)
 * @param unit            the unit of the forces
 * @param decisions       what the reader decided (columns, unit, axis, time)
 */
public record ForceRecording(String source, double startS, double samplingRateHz, List<ForcePlate> plates,
                             ForceUnit unit, List<Decision> decisions) {
    public ForceRecording {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(unit, "unit");
        plates = List.copyOf(plates);
        decisions = List.copyOf(decisions);
        if (plates.isEmpty()) {
            throw new IllegalArgumentException("a force recording needs a plate");
        }
        if (!(samplingRateHz > 0) || !Double.isFinite(startS)) {
            throw new IllegalArgumentException("bad time axis: start " + startS + " s, rate " + samplingRateHz + " Hz");
        }
    }

    /** Number of samples. */
    public int size() {
        return plates.get(0).size();
    }

    /** Time of sample {@code i} (s). */
    public double timeS(double i) {
        return startS + i / samplingRateHz;
    }

    /** Duration from the first to the last sample (s). */
    public double durationS() {
        return (size() - 1) / samplingRateHz;
    }

    /** Mean over the samples of the summed vertical force of every plate (the recording's unit). */
    public double meanTotalForce() {
        double sum = 0;
        int n = size();
        for (ForcePlate p : plates) {
            double[] f = p.verticalForce();
            for (double v : f) {
                sum += Double.isFinite(v) ? v : 0;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }
}
