package org.gaitform.pipeline;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.gaitform.events.DetectedContact;
import org.gaitform.events.FlightPhaseTrunkEvents;
import org.gaitform.events.IndexRange;
import org.gaitform.events.TrunkAlignment;
import org.gaitform.events.TrunkEventSettings;
import org.gaitform.events.TrunkSignals;
import org.gaitform.model.Decision;
import org.gaitform.model.ImuSensor;
import org.gaitform.signal.Stats;

/**
 * How much a pre-aligned trunk export's contact times depend on the sensor's tilt: the contacts are found a second
 * time on the vertical turned onto gravity ({@link TrunkAlignment#gravityAligned}, Moe-Nilssen 1998), and the two
 * median contact times are compared. Toe-off is where the trunk falls back to free fall; when the export's
 * "vertical" column leans forwards it also reads the forward acceleration of push-off, and the two verticals reach
 * free fall at different times. On most recordings they differ by a steady amount (the gravity-aligned vertical gets
 * there {@value #GRAVITY_ALIGNED_TO_EXTRA_MS} ms later, a constant chosen on the tuning trials of
 * {@code docs/tuning-split.csv}); when they do not, the toe-off is not pinned down by the signal and the quality
 * check {@code sensor_tilt} says so. The reported contacts stay those of the export's own vertical.
 */
final class TiltSensitivity {
    /**
     * How much later the gravity-aligned vertical comes back to free fall than the export's own vertical, added to
     * the toe-off latency for the second detection (ms): the median over the 13 tuning trials (22.7 ms).
     */
    static final double GRAVITY_ALIGNED_TO_EXTRA_MS = 23;
    /** Key of the decision that carries the shift. */
    static final String DECISION = "tilt_contact_shift";

    private TiltSensitivity() {
    }

    /**
     * The decision {@value #DECISION}: "+X.X ms at Y.Y°", the median contact time on the gravity-aligned vertical
     * minus the reported one, and the tilt; empty when the export is not a tilted pre-aligned one or the second
     * detection finds too few contacts.
     */
    static Optional<Decision> check(ImuSensor sensor, TrunkSignals signals, List<IndexRange> running,
                                    List<DetectedContact> contacts, TrunkEventSettings settings) {
        Optional<TrunkAlignment.Tilted> tilted = TrunkAlignment.gravityAligned(sensor);
        if (tilted.isEmpty()) {
            return Optional.empty();
        }
        double fs = signals.samplingRateHz();
        TrunkSignals aligned = TrunkSignals.adopt(fs, tilted.get().verticalG(), signals.apG(), null);
        List<DetectedContact> second = new FlightPhaseTrunkEvents(settings.withToFreeFallLatencyMs(
                settings.toFreeFallLatencyMs() + GRAVITY_ALIGNED_TO_EXTRA_MS)).detect(aligned, running);
        if (second.size() < contacts.size() / 2 || second.isEmpty()) {
            return Optional.empty();
        }
        double shiftMs = (Stats.median(durations(second)) - Stats.median(durations(contacts))) / fs * 1000;
        return Optional.of(new Decision(DECISION, String.format(Locale.ROOT, "%+.1f ms at %.1f°", shiftMs,
                tilted.get().tiltDeg()), String.format(Locale.ROOT, "the export's vertical column is %.1f° from "
                + "gravity (the mean acceleration); with the vertical turned onto gravity (Moe-Nilssen 1998) the "
                + "median contact time changes by %+.1f ms", tilted.get().tiltDeg(), shiftMs)));
    }

    private static double[] durations(List<DetectedContact> cs) {
        return cs.stream().mapToDouble(c -> c.toIndex() - c.icIndex()).toArray();
    }
}
