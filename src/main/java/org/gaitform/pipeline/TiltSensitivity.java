package org.gaitform.pipeline;

import java.util.ArrayList;
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
 * Toe-offs of a tilted pre-aligned trunk export read on two verticals, and how much they disagree. The contacts are
 * found a second time on the vertical turned onto gravity ({@link TrunkAlignment#gravityAligned}, the static tilt
 * correction of Moe-Nilssen 1998, Clin Biomech 13:320). Toe-off is where the trunk falls back to free fall; when the
 * export's "vertical" column leans forwards by θ it also reads sin θ of the forward acceleration of push-off, and the
 * two verticals reach free fall at different times. On most recordings they differ by a steady amount (the
 * gravity-aligned vertical gets there {@value #GRAVITY_ALIGNED_TO_EXTRA_MS} ms later, a constant chosen on the tuning
 * trials of {@code docs/tuning-split.csv}); when they do not, the toe-off is not pinned down by the signal and the
 * quality check {@code sensor_tilt} says so.
 *
 * <p>The reported toe-offs are drawn from the export's reading towards the gravity-aligned one by sin θ, the share of
 * the forward acceleration in the tilted column (no constant fitted: a column leaning 10° keeps 83 % of its own
 * reading, one leaning 35° 43 %). On the 13 Alcantara tuning trials this took the mean |contact-time error| from 6.8 to
 * 4.6 ms, and on the 5 held-out ones from 11.4 to 4.9 ms (trial29, −5°: −29.8 to −1.8 ms); equal weights (0.5) and
 * 0.3–0.6 were measured too, the held-out trials printed alongside (docs/quality.md).
 */
final class TiltSensitivity {
    /**
     * How much later the gravity-aligned vertical comes back to free fall than the export's own vertical, added to
     * the toe-off latency for the second detection (ms): the median over the 13 tuning trials (22.7 ms).
     */
    static final double GRAVITY_ALIGNED_TO_EXTRA_MS = 23;
    /** Key of the decision that carries the shift. */
    static final String DECISION = "tilt_contact_shift";

    /** Largest difference of the two readings' initial contacts for them to be the same contact (ms). */
    static final double SAME_CONTACT_MS = 40;

    /**
     * The check's decision and the contacts with toe-offs from both readings.
     *
     * @param decision the decision {@value #DECISION}
     * @param contacts the reported contacts, toe-offs combined
     */
    record Outcome(Decision decision, List<DetectedContact> contacts) {
    }

    private TiltSensitivity() {
    }

    /**
     * The decision {@value #DECISION} ("+X.X ms at Y.Y°": the median contact time on the gravity-aligned vertical
     * minus the one on the export's vertical, and the tilt) and the contacts with their toe-offs from both readings;
     * empty, and the contacts left as read, when the export is not a tilted pre-aligned one or the second detection
     * finds too few contacts.
     */
    static Optional<Outcome> check(ImuSensor sensor, TrunkSignals signals, List<IndexRange> running,
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
        double weight = Math.sin(Math.toRadians(tilted.get().tiltDeg()));
        double shiftMs = (Stats.median(durations(second)) - Stats.median(durations(contacts))) / fs * 1000;
        Decision d = new Decision(DECISION, String.format(Locale.ROOT, "%+.1f ms at %.1f°", shiftMs,
                tilted.get().tiltDeg()), String.format(Locale.ROOT, "the export's vertical column is %.1f° from "
                + "gravity (the mean acceleration); with the vertical turned onto gravity (Moe-Nilssen 1998) the "
                + "median contact time changes by %+.1f ms; the reported toe-offs are moved %.0f %% (the sine of the "
                + "tilt) of the way to that reading's", tilted.get().tiltDeg(), shiftMs, weight * 100));
        return Optional.of(new Outcome(d, combined(contacts, second, fs, weight)));
    }

    /**
     * Each contact with its toe-off moved {@code weight} (0–1) of the way to the toe-off of the gravity-aligned contact
     * with the same initial contact (within {@value #SAME_CONTACT_MS} ms); contacts without one, those whose other
     * toe-off falls on or after the next contact's initial contact (a running contact ends before the next one
     * starts: two steps merged in the other reading) and any whose toe-off would not stay after its initial contact
     * are kept as read.
     */
    static List<DetectedContact> combined(List<DetectedContact> asRead, List<DetectedContact> aligned, double fs,
                                          double weight) {
        double tol = SAME_CONTACT_MS / 1000 * fs;
        List<DetectedContact> out = new ArrayList<>(asRead.size());
        int j = 0;
        for (int i = 0; i < asRead.size(); i++) {
            DetectedContact c = asRead.get(i);
            while (j < aligned.size() && aligned.get(j).icIndex() < c.icIndex() - tol) {
                j++;
            }
            DetectedContact m = j < aligned.size() && Math.abs(aligned.get(j).icIndex() - c.icIndex()) <= tol
                    ? aligned.get(j) : null;
            double nextIc = i + 1 < asRead.size() ? asRead.get(i + 1).icIndex() : Double.POSITIVE_INFINITY;
            double to = m == null || m.toIndex() >= nextIc ? c.toIndex()
                    : c.toIndex() + weight * (m.toIndex() - c.toIndex());
            out.add(to > c.icIndex() ? new DetectedContact(c.icIndex(), to, c.icMethod(), c.peakG()) : c);
        }
        return List.copyOf(out);
    }

    private static double[] durations(List<DetectedContact> cs) {
        return cs.stream().mapToDouble(c -> c.toIndex() - c.icIndex()).toArray();
    }
}
