package org.gaitform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.gaitform.kinematics.Body;
import org.gaitform.kinematics.Landmark;
import org.gaitform.kinematics.View;
import org.gaitform.model.Side;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * A pelvis that moves as a body does: free fall in flight, and in stance a half-sine push whose impulse over a step
 * balances the weight. Its downward speed peaks where the push reaches the weight, {@code (Tc/π)·asin(2·Tc/(π·T))}
 * after landing ({@code Tc} the contact time, {@code T} the step time): the known answer.
 */
class PelvisDescentContactsTest {
    private static final double G = 9.81;

    /** The pelvis's height (m) at {@code rate}, steps of {@code stepS} with contacts of {@code contactS} from 0.2 s. */
    static double[] pelvis(double rate, double stepS, double contactS, int steps) {
        double fine = 2000;
        int n = (int) Math.round((0.2 + steps * stepS + 0.3) * fine);
        double[] v = new double[n];
        double[] y = new double[n];
        double peak = G * Math.PI * stepS / (2 * contactS);
        // lands at the speed a flight of (step - contact) gives, so that the pelvis keeps its mean height
        v[0] = -G * (stepS - contactS) / 2 + G * 0.2;
        for (int i = 1; i < n; i++) {
            double t = i / fine;
            double tau = ((t - 0.2) % stepS + stepS) % stepS;
            double a = (t >= 0.2 && tau < contactS ? peak * Math.sin(Math.PI * tau / contactS) : 0) - G;
            v[i] = v[i - 1] + a / fine;
            y[i] = y[i - 1] + v[i] / fine;
        }
        int frames = (int) Math.floor((n - 1) / fine * rate);
        double[] out = new double[frames];
        for (int k = 0; k < frames; k++) {
            out[k] = y[(int) Math.round(k / rate * fine)];
        }
        return out;
    }

    private static Body body(double rate, double[] up) {
        return body(rate, up, 1.0);
    }

    /** A frontal body with only the hips' midpoint, at that height; {@code scaleChange} its image's change of scale. */
    static Body body(double rate, double[] up, double scaleChange) {
        int n = up.length;
        double[] t = new double[n];
        double[] nan = new double[n];
        Arrays.fill(nan, Double.NaN);
        for (int i = 0; i < n; i++) {
            t[i] = i / rate;
        }
        Map<Landmark, double[][]> tracks = new EnumMap<>(Landmark.class);
        tracks.put(Landmark.MID_HIP, new double[][] {nan, up, new double[n]});
        return new Body(t, rate, View.FRONTAL, "m", true, 0.9, true, Double.NaN, tracks, Map.of(), List.of(), List.of(),
                null, Map.of(), Map.of(), Map.of(), Map.of(), Double.NaN, scaleChange);
    }

    /** The feet's contacts, {@code lateS} after the true landings, their toe-offs {@code toLateS} after the true. */
    private static List<FootContact> feet(double rate, double stepS, double contactS, int steps, double lateS,
                                          double toLateS) {
        List<FootContact> out = new ArrayList<>();
        for (int k = 1; k < steps; k++) {
            double ic = 0.2 + k * stepS;
            out.add(new FootContact(k % 2 == 0 ? Side.LEFT : Side.RIGHT, (ic + lateS) * rate,
                    (ic + contactS + toLateS) * rate, "heel", 0));
        }
        return out;
    }

    @ParameterizedTest(name = "{0} fps, step {1} s, contact {2} s, feet {3} s late")
    @CsvSource({
        "30, 0.35, 0.25, 0.15",
        "60, 0.35, 0.25, 0.15",
        "60, 0.33, 0.20, 0.0",
        "120, 0.38, 0.30, 0.18",
        "60, 0.31, 0.19, 0.10",
    })
    void eachLandingIsPutTheDelayBeforeThePelvissFastestDescent(double rate, double stepS, double contactS,
                                                                double lateS) {
        int steps = 20;
        Body b = body(rate, pelvis(rate, stepS, contactS, steps));
        List<FootContact> feet = feet(rate, stepS, contactS, steps, lateS, 0.03);
        PelvisDescentContacts.Result r = PelvisDescentContacts.retime(b, feet);
        double fastest = contactS / Math.PI * Math.asin(2 * contactS / (Math.PI * stepS));
        double expected = fastest - PelvisDescentContacts.LANDING_TO_FASTEST_DESCENT_S;
        assertThat(r.applied()).isTrue();
        assertThat(r.retimed()).as("contacts timed").isGreaterThanOrEqualTo(feet.size() - 1);
        for (FootContact c : r.contacts()) {
            double icS = c.icIndex() / rate;
            double landing = 0.2 + Math.round((icS - 0.2) / stepS) * stepS;
            // a frame's parabola places the minimum of a 6 Hz-smoothed speed to a few ms; smoothing moves it a little
            assertThat(icS - landing).as("initial contact - landing (s)").isCloseTo(expected, within(0.008));
            assertThat(c.toIndex()).as("toe-off kept from the feet").isGreaterThan(c.icIndex());
        }
        assertThat(r.meanShiftMs()).isCloseTo(1000 * (expected - lateS), within(8.0));
    }

    @Test
    void aToeOffTheFeetGiveEarlyMovesToWhereThePelvissLowestPointPutsIt() {
        // from ahead of a treadmill the feet seem to leave early (100 ms here); the half-sine push's pelvis is lowest at
        // mid-stance, so the toe-off goes to IC + (landing + Tc/2 - IC) / 0.424, never past the next landing
        double rate = 120;
        double stepS = 0.34;
        double contactS = 0.24;
        Body b = body(rate, pelvis(rate, stepS, contactS, 20));
        PelvisDescentContacts.Result r = PelvisDescentContacts.retime(b, feet(rate, stepS, contactS, 20, 0.10, -0.10));
        for (FootContact c : r.contacts()) {
            double icS = c.icIndex() / rate;
            double landing = 0.2 + Math.round((icS - 0.2) / stepS) * stepS;
            double expected = icS + (landing + contactS / 2 - icS) / PelvisDescentContacts.LOWEST_SHARE_OF_STANCE;
            double nextLanding = landing + stepS;
            assertThat(c.toIndex() / rate).as("toe-off (s)").isCloseTo(Math.min(expected, nextLanding), within(0.02))
                    .isLessThanOrEqualTo(nextLanding + 0.01);
        }
        // a feet's toe-off later than the pelvis's is kept
        List<FootContact> late = feet(rate, stepS, contactS, 20, 0.15, 0.09);
        PelvisDescentContacts.Result kept = PelvisDescentContacts.retime(b, late);
        for (FootContact c : kept.contacts()) {
            assertThat(late).anyMatch(f -> f.toIndex() == c.toIndex());
        }
    }

    @Test
    void theLastToeOffStaysInsideTheRecording() {
        // the recording ends 200 ms after the last landing, after the pelvis's lowest point (120 ms) but before where
        // that puts the toe-off (about 280 ms)
        double rate = 60;
        double stepS = 0.34;
        double contactS = 0.24;
        double[] full = pelvis(rate, stepS, contactS, 20);
        int end = (int) Math.round((0.2 + 19 * stepS + 0.2) * rate);
        double[] up = Arrays.copyOf(full, end);
        List<FootContact> feet = new ArrayList<>();
        for (FootContact c : feet(rate, stepS, contactS, 20, 0.02, -0.10)) {
            if (c.toIndex() < end - 1) {
                feet.add(c);
            }
        }
        PelvisDescentContacts.Result r = PelvisDescentContacts.retime(body(rate, up), feet);
        assertThat(r.applied()).isTrue();
        assertThat(r.contacts()).allSatisfy(c -> assertThat(c.toIndex()).isLessThanOrEqualTo(end - 1));
    }

    @Test
    void theFeetsLatenessDoesNotMatter() {
        double rate = 60;
        Body b = body(rate, pelvis(rate, 0.34, 0.24, 20));
        List<FootContact> onTime = PelvisDescentContacts.retime(b, feet(rate, 0.34, 0.24, 20, 0, 0)).contacts();
        List<FootContact> late = PelvisDescentContacts.retime(b, feet(rate, 0.34, 0.24, 20, 0.18, 0)).contacts();
        assertThat(late).hasSameSizeAs(onTime);
        for (int k = 0; k < late.size(); k++) {
            assertThat(late.get(k).icIndex()).isCloseTo(onTime.get(k).icIndex(), within(1e-9));
        }
    }

    @Test
    void withoutAPelvisTheContactsAreUnchanged() {
        double rate = 60;
        double[] flat = new double[600];
        Arrays.fill(flat, Double.NaN);
        List<FootContact> feet = feet(rate, 0.34, 0.24, 20, 0.15, 0);
        PelvisDescentContacts.Result r = PelvisDescentContacts.retime(body(rate, flat), feet);
        assertThat(r.applied()).isFalse();
        assertThat(r.contacts()).isEqualTo(feet);
        Body noHips = new Body(new double[600], rate, View.FRONTAL, "px", false, 1, true, Double.NaN,
                new EnumMap<>(Landmark.class), Map.of(), List.of(), List.of(), null, Map.of(), Map.of(), Map.of(),
                Map.of(), Double.NaN, 1.0);
        assertThat(PelvisDescentContacts.retime(noHips, feet).contacts()).isEqualTo(feet);
    }

    @Test
    void withThePelvisSeenInHalfTheStepsNothingChanges() {
        double rate = 60;
        double[] up = pelvis(rate, 0.34, 0.24, 20);
        // the hips are not seen for the second half: leaving those contacts out would leave strides passing for steps
        Arrays.fill(up, up.length / 2, up.length, Double.NaN);
        List<FootContact> feet = feet(rate, 0.34, 0.24, 20, 0.15, 0);
        PelvisDescentContacts.Result r = PelvisDescentContacts.retime(body(rate, up), feet);
        assertThat(r.applied()).isFalse();
        assertThat(r.contacts()).isEqualTo(feet);
    }

    @Test
    void aStretchWithoutThePelvisLosesItsContactsNotTheOthers() {
        double rate = 60;
        double[] up = pelvis(rate, 0.34, 0.24, 20);
        // the hips are not seen for 1.2 s in the middle
        Arrays.fill(up, (int) (3.0 * rate), (int) (4.2 * rate), Double.NaN);
        List<FootContact> feet = feet(rate, 0.34, 0.24, 20, 0.15, 0);
        PelvisDescentContacts.Result r = PelvisDescentContacts.retime(body(rate, up), feet);
        assertThat(r.applied()).isTrue();
        assertThat(r.dropped()).isBetween(3, 6);
        assertThat(r.contacts()).hasSize(feet.size() - r.dropped());
        for (FootContact c : r.contacts()) {
            double icS = c.icIndex() / rate;
            assertThat(icS < 3.05 || icS > 4.2).as("IC %.3f s outside the gap", icS).isTrue();
        }
    }
}
