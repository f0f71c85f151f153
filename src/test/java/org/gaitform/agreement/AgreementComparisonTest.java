package org.gaitform.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.gaitform.model.Activity;
import org.gaitform.model.Bout;
import org.gaitform.model.Placement;
import org.gaitform.model.SessionResult;
import org.gaitform.model.Side;
import org.gaitform.model.Step;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Comparison of detected steps with a reference: a small case checked by hand, and a property test whose bias, SD,
 * limits of agreement, recall and precision are computed independently (plain loops over the known offsets).
 */
class AgreementComparisonTest {
    static SessionResult session(List<Step> steps, double cadence, double contact) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("n_steps", (double) steps.size());
        m.put("cadence_spm", cadence);
        m.put("contact_ms", contact);
        double end = steps.isEmpty() ? 1 : steps.get(steps.size() - 1).icS() + 1;
        return new SessionResult("s", "run.csv", "imu-csv", Placement.SACRUM, 100,
                List.of(new Bout(0, end, Activity.RUNNING)), steps, m, Map.of("measurement_kind", "trunk-imu"), List.of(),
                List.of(), List.of(), List.of());
    }

    static List<Step> steps(double[] ic, double[] to, Side[] sides) {
        List<Step> out = new ArrayList<>();
        for (int i = 0; i < ic.length; i++) {
            out.add(new Step(i + 1, sides[i], Activity.RUNNING, ic[i], to[i], i + 1 < ic.length ? ic[i + 1] : Double.NaN,
                    "test"));
        }
        return out;
    }

    @Test
    void handCheckedCase() {
        // reference: contacts at 1.00, 1.40, 1.80, 2.20 s (250 ms each), feet L R L R
        List<ReferenceContact> refs = List.of(new ReferenceContact(1.00, 1.25, Side.LEFT),
                new ReferenceContact(1.40, 1.65, Side.RIGHT), new ReferenceContact(1.80, 2.05, Side.LEFT),
                new ReferenceContact(2.20, 2.45, Side.RIGHT));
        Reference ref = Reference.ofContacts("ref.csv", ReferenceKind.EVENTS, "test", refs, List.of());
        // detected: +10 ms, −20 ms, (2nd left missed), +30 ms with the wrong foot, and an extra one at 2.0 s
        SessionResult r = session(steps(new double[] {1.01, 1.38, 2.00, 2.23}, new double[] {1.27, 1.66, 2.06, 2.44},
                new Side[] {Side.LEFT, Side.RIGHT, Side.LEFT, Side.LEFT}), 150.5, 255);
        RecordingAgreement a = AgreementComparison.compare(r, ref, 40, Map.of("input_kind", "trunk-imu"));
        AgreementFigures f = AgreementFigures.of(List.of(a));
        assertThat(f.ic().referenceN()).isEqualTo(4);
        assertThat(f.ic().detectedN()).isEqualTo(4);
        assertThat(f.ic().matchedN()).isEqualTo(3);
        assertThat(f.ic().recallPct()).isEqualTo(75.0);
        assertThat(f.ic().precisionPct()).isEqualTo(75.0);
        // IC errors +10, −20, +30 ms: bias 6.667, SD sqrt(((3.333)² + (26.667)² + (23.333)²) / 2) = 25.166
        assertThat(f.ic().timingMs().bias()).isCloseTo(20.0 / 3, within(1e-6));
        assertThat(f.ic().timingMs().sd()).isCloseTo(25.1661, within(1e-3));
        assertThat(f.ic().timingMs().mae()).isCloseTo(20.0, within(1e-6));
        // TO: 1.27/1.25 (+20), 1.66/1.65 (+10), 2.06/2.05 (+10), 2.44/2.45 (−10); all within 40 ms
        assertThat(f.to().matchedN()).isEqualTo(4);
        assertThat(f.to().timingMs().bias()).isCloseTo(7.5, within(1e-6));
        // contact per matched step: 260−250, 280−250, 210−250 → +10, +30, −40
        assertThat(f.contactPerStepMs().n()).isEqualTo(3);
        assertThat(f.contactPerStepMs().bias()).isCloseTo(0.0, within(1e-6));
        // feet: 2 of 3 right
        assertThat(f.sidesKnownN()).isEqualTo(3);
        assertThat(f.sidesRightPct()).isCloseTo(200.0 / 3, within(1e-9));
        // session values: reference cadence 60 / 0.4 s = 150, mean contact 250 ms
        assertThat(a.referenceCadenceSpm()).isCloseTo(150.0, within(1e-9));
        assertThat(a.referenceContactMs()).isCloseTo(250.0, within(1e-9));
        assertThat(f.cadenceSpm().bias()).isCloseTo(0.5, within(1e-9));
        assertThat(f.contactMs().bias()).isCloseTo(5.0, within(1e-9));
        assertThat(a.events()).filteredOn(e -> e.event().equals("ic")).extracting(EventRow::status)
                .containsExactly("matched", "matched", "missed", "extra", "matched");
    }

    @Test
    void strideRowsPairToeOffsWithTheNextContactOfTheSameFoot() {
        // gaitmap style: a row's toe-off (tc) precedes its initial contact; pairing takes the next toe-off of the foot
        List<ReferenceEvent> ics = List.of(new ReferenceEvent(1.0, Side.LEFT), new ReferenceEvent(1.55, Side.RIGHT),
                new ReferenceEvent(2.1, Side.LEFT), new ReferenceEvent(2.65, Side.RIGHT));
        List<ReferenceEvent> tos = List.of(new ReferenceEvent(0.8, Side.RIGHT), new ReferenceEvent(1.35, Side.LEFT),
                new ReferenceEvent(1.9, Side.RIGHT), new ReferenceEvent(2.45, Side.LEFT));
        Reference ref = Reference.ofEvents("strides.csv", ReferenceKind.EVENTS, "test", ics, tos, List.of());
        assertThat(ref.contacts()).extracting(ReferenceContact::toS).containsExactly(1.35, 1.9, 2.45, Double.NaN);
        assertThat(ref.toeOffs()).hasSize(4);
        assertThat(ref.referenceCadenceSpm()).isCloseTo(60 / 0.55, within(1e-9));
    }

    @Test
    void cadenceLeavesOutPausesAndStatedValuesWin() {
        List<ReferenceContact> c = new ArrayList<>();
        for (double t : new double[] {0, 0.4, 0.8, 1.2, 5.0, 5.4, 5.8}) {
            c.add(new ReferenceContact(t, t + 0.2, Side.UNKNOWN));
        }
        Reference r = Reference.ofContacts("r", ReferenceKind.EVENTS, "", c, List.of());
        assertThat(r.referenceCadenceSpm()).isCloseTo(150.0, within(1e-9));
        Reference s = Reference.ofSessionValues("s", "", OptionalDouble.of(171), OptionalDouble.of(244), List.of());
        assertThat(s.referenceCadenceSpm()).isEqualTo(171.0);
        assertThat(s.referenceContactMs()).isEqualTo(244.0);
        assertThat(s.hasEvents()).isFalse();
    }

    static Stream<Long> seeds() {
        return IntStream.range(0, 30).mapToObj(i -> 500L + 13L * i);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void biasLimitsRecallAndPrecisionAgreeWithAnIndependentComputation(long seed) {
        Random rnd = new Random(seed);
        int n = 20 + rnd.nextInt(200);
        double step = 0.3 + rnd.nextDouble() * 0.15;
        double bias = (rnd.nextDouble() - 0.5) * 0.02;
        List<ReferenceContact> refs = new ArrayList<>();
        List<double[]> detected = new ArrayList<>();
        List<Double> icErr = new ArrayList<>();
        List<Double> gctErr = new ArrayList<>();
        int missed = 0;
        for (int i = 0; i < n; i++) {
            double ic = 1 + i * step;
            double gct = 0.18 + rnd.nextDouble() * 0.1;
            refs.add(new ReferenceContact(ic, ic + gct, i % 2 == 0 ? Side.LEFT : Side.RIGHT));
            if (rnd.nextDouble() < 0.08) {
                missed++;
                continue;
            }
            double e = bias + (rnd.nextDouble() - 0.5) * 0.03; // within ±25 ms: always inside the 40 ms tolerance
            double g = gct + (rnd.nextDouble() - 0.5) * 0.02;
            detected.add(new double[] {ic + e, ic + e + g});
            icErr.add(e * 1000);
            gctErr.add((g - gct) * 1000);
        }
        int extra = 0;
        for (int i = 0; i + 1 < n; i++) {
            if (rnd.nextDouble() < 0.05) { // halfway between two contacts: never within 40 ms of one
                double t = 1 + (i + 0.5) * step;
                detected.add(new double[] {t, t + 0.02});
                extra++;
            }
        }
        detected.sort((a, b) -> Double.compare(a[0], b[0]));
        List<Step> st = new ArrayList<>();
        for (int i = 0; i < detected.size(); i++) {
            st.add(new Step(i + 1, Side.UNKNOWN, Activity.RUNNING, detected.get(i)[0], detected.get(i)[1],
                    i + 1 < detected.size() ? detected.get(i + 1)[0] : Double.NaN, "test"));
        }
        Reference ref = Reference.ofContacts("ref", ReferenceKind.EVENTS, "", refs, List.of());
        RecordingAgreement a = AgreementComparison.compare(session(st, 170, 230), ref, 40, Map.of());
        AgreementFigures f = AgreementFigures.of(List.of(a));
        // independent computation
        double mean = icErr.stream().mapToDouble(Double::doubleValue).sum() / icErr.size();
        double ss = icErr.stream().mapToDouble(x -> (x - mean) * (x - mean)).sum();
        double sd = Math.sqrt(ss / (icErr.size() - 1));
        assertThat(f.ic().referenceN()).isEqualTo(n);
        assertThat(f.ic().matchedN()).isEqualTo(n - missed);
        assertThat(f.ic().detectedN()).isEqualTo(n - missed + extra);
        assertThat(f.ic().recallPct()).isCloseTo(100.0 * (n - missed) / n, within(1e-9));
        assertThat(f.ic().precisionPct()).isCloseTo(100.0 * (n - missed) / (n - missed + extra), within(1e-9));
        assertThat(f.ic().timingMs().bias()).isCloseTo(mean, within(1e-6));
        assertThat(f.ic().timingMs().sd()).isCloseTo(sd, within(1e-6));
        assertThat(f.ic().timingMs().loaLow()).isCloseTo(mean - 1.96 * sd, within(1e-6));
        assertThat(f.ic().timingMs().loaHigh()).isCloseTo(mean + 1.96 * sd, within(1e-6));
        double gMean = gctErr.stream().mapToDouble(Double::doubleValue).sum() / gctErr.size();
        assertThat(f.contactPerStepMs().n()).isEqualTo(n - missed);
        assertThat(f.contactPerStepMs().bias()).isCloseTo(gMean, within(1e-6));
    }
}
