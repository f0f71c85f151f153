package org.gaitform.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.gaitform.model.Activity;
import org.gaitform.model.WatchChannel;
import org.gaitform.model.WatchRecording;
import org.gaitform.support.SyntheticRun;
import org.junit.jupiter.api.Test;

/** Session values, splits and the downhill comparison on records with known answers. */
class WatchMetricsTest {
    static final WatchMetricSettings S = WatchMetricSettings.DEFAULTS;

    /** A recording from per-record columns (NaN arrays for absent channels are left out). */
    static WatchRecording recording(double[] t, Map<WatchChannel, double[]> ch) {
        List<Activity> act = new ArrayList<>(Collections.nCopies(t.length, Activity.UNKNOWN));
        return new WatchRecording("test", "csv", t, 1.7e9, Double.NaN, ch, Map.of(), act, List.of(), Map.of(), Map.of(),
                List.of(), List.of());
    }

    static WatchRecording fromSynthetic(SyntheticRun run) {
        double[][] s = run.samples();
        int n = s.length;
        double[] t = new double[n];
        Map<WatchChannel, double[]> ch = new EnumMap<>(WatchChannel.class);
        WatchChannel[] cols = {null, WatchChannel.DISTANCE_M, WatchChannel.SPEED_MPS, WatchChannel.CADENCE_SPM,
            WatchChannel.ALTITUDE_M, WatchChannel.CONTACT_MS, WatchChannel.VERTICAL_OSCILLATION_MM,
            WatchChannel.CONTACT_BALANCE_LEFT_PCT, WatchChannel.HEART_RATE_BPM};
        for (int c = 1; c < cols.length; c++) {
            ch.put(cols[c], new double[n]);
        }
        for (int i = 0; i < n; i++) {
            t[i] = s[i][0];
            for (int c = 1; c < cols.length; c++) {
                ch.get(cols[c])[i] = s[i][c];
            }
        }
        return recording(t, ch);
    }

    @Test
    void dynamicsAreAveragedOverStepsAndCadenceOverTime() {
        int n = 601;
        double[] t = new double[n];
        double[] cad = new double[n];
        double[] contact = new double[n];
        double[] dist = new double[n];
        double[] bal = new double[n];
        double[] vo = new double[n];
        double d = 0;
        for (int i = 0; i < n; i++) {
            t[i] = i;
            boolean first = i <= 300;
            cad[i] = first ? 160 : 180;
            contact[i] = first ? 260 : 240;
            bal[i] = 51;
            vo[i] = 90;
            d += i == 0 ? 0 : cad[i] / 60 * 1.2; // 1.2 m steps, since the previous record
            dist[i] = d;
        }
        Map<WatchChannel, double[]> ch = new EnumMap<>(WatchChannel.class);
        ch.put(WatchChannel.CADENCE_SPM, cad);
        ch.put(WatchChannel.CONTACT_MS, contact);
        ch.put(WatchChannel.DISTANCE_M, dist);
        ch.put(WatchChannel.CONTACT_BALANCE_LEFT_PCT, bal);
        ch.put(WatchChannel.VERTICAL_OSCILLATION_MM, vo);
        WatchRecording r = recording(t, ch);
        WatchMetrics.Result res = WatchMetrics.session(r, WatchIntervals.of(r, S), S);
        Map<String, Double> m = res.metrics();
        assertThat(m.get("cadence_spm")).as("time-weighted").isCloseTo(170, within(1e-9));
        assertThat(m.get("contact_ms")).as("step-weighted").isCloseTo((160 * 260 + 180 * 240) / 340.0, within(1e-9));
        assertThat(m.get("n_steps")).isEqualTo(Math.rint(300 * 160 / 60.0 + 300 * 180 / 60.0));
        assertThat(m.get("step_length_m")).as("distance / steps, derived").isCloseTo(1.2, within(1e-9));
        assertThat(m.get("vertical_ratio_pct")).as("90 mm / 1200 mm").isCloseTo(7.5, within(1e-9));
        assertThat(m.get("flight_ms")).isCloseTo(60000 / 170.0 - m.get("contact_ms"), within(1e-9));
        assertThat(m.get("contact_ms_left")).isCloseTo(2 * m.get("contact_ms") * 0.51, within(1e-9));
        assertThat(m.get("running_s")).isEqualTo(600);
        assertThat(res.decisions()).extracting(x -> x.key()).contains("flight_time", "step_length_source",
                "vertical_ratio_source");
    }

    @Test
    void walkingStandingAndPausesAreSetApart() {
        // 0-100 s running 170 spm, 100-160 walking 110 spm at 1.3 m/s, 160-190 standing, a 120 s pause, 60 s running
        List<Double> tl = new ArrayList<>();
        for (int i = 0; i <= 190; i++) {
            tl.add((double) i);
        }
        for (int i = 310; i <= 370; i++) {
            tl.add((double) i);
        }
        int n = tl.size();
        double[] t = tl.stream().mapToDouble(Double::doubleValue).toArray();
        double[] cad = new double[n];
        double[] speed = new double[n];
        for (int i = 0; i < n; i++) {
            double x = t[i];
            cad[i] = x <= 100 || x > 300 ? 170 : x <= 160 ? 110 : 0;
            speed[i] = x <= 100 || x > 300 ? 3.2 : x <= 160 ? 1.3 : 0;
        }
        Map<WatchChannel, double[]> ch = new EnumMap<>(WatchChannel.class);
        ch.put(WatchChannel.CADENCE_SPM, cad);
        ch.put(WatchChannel.SPEED_MPS, speed);
        WatchRecording r = recording(t, ch);
        Map<String, Double> m = WatchMetrics.session(r, WatchIntervals.of(r, S), S).metrics();
        assertThat(m.get("running_s")).isEqualTo(160);
        assertThat(m.get("walking_s")).isEqualTo(60);
        assertThat(m.get("standing_s")).isEqualTo(30);
        assertThat(m.get("paused_s")).isEqualTo(120);
        assertThat(m.get("cadence_spm")).isCloseTo(170, within(1e-9));
        assertThat(m.get("distance_m")).as("speed × time without distance").isCloseTo(160 * 3.2 + 60 * 1.3, within(1e-6));
        assertThat(m.get("moving_s")).isEqualTo(220);
    }

    @Test
    void elevationIgnoresNoiseAndAltimeterJumps() {
        double[] t = new double[400];
        double[] alt = new double[400];
        for (int i = 0; i < 400; i++) {
            t[i] = i;
            alt[i] = 100 + (i % 2 == 0 ? 0.8 : -0.8) + (i >= 200 ? 60 : 0) + (i >= 300 ? 0.05 * (i - 300) : 0);
        }
        double[] gl = WatchMetrics.elevation(t, alt, S.elevationHysteresisM(), S.maxVerticalSpeedMps());
        // the 60 m jump at 200 s is a re-calibration; the 5 m climb after 300 s counts (give or take the ±0.8 m
        // noise and the 2 m steps)
        assertThat(gl[0]).isBetween(3.0, 6.7);
        assertThat(gl[1]).isLessThan(1e-9);
    }

    @Test
    void splitsCarryGradeAndTheDownhillComparisonFindsTheDrop() {
        // every 3 km: 1 km up (+40 m), 1 km down, 1 km flat; downhill: 160 steps/min at 3.6 m/s, flat 170 at 3.2
        SyntheticRun run = new SyntheticRun(1.7e9, 3400, 3.2, 170, 160, 3.6, new double[] {3000, 40, 1000});
        WatchRecording r = fromSynthetic(run);
        WatchIntervals iv = WatchIntervals.of(r, S);
        List<KilometreSplits.Split> splits = KilometreSplits.of(r, iv, S, 1000);
        assertThat(splits.size()).isGreaterThanOrEqualTo(9);
        assertThat(splits.subList(0, 6)).extracting(KilometreSplits.Split::terrain).containsExactly(
                KilometreSplits.Terrain.UPHILL, KilometreSplits.Terrain.DOWNHILL, KilometreSplits.Terrain.FLAT,
                KilometreSplits.Terrain.UPHILL, KilometreSplits.Terrain.DOWNHILL, KilometreSplits.Terrain.FLAT);
        assertThat(splits.get(0).gradePct()).isCloseTo(4, within(0.3));
        assertThat(splits.get(1).gradePct()).isCloseTo(-4, within(0.3));
        assertThat(splits.get(1).cadenceSpm()).isCloseTo(160, within(1.5));
        assertThat(splits.get(2).cadenceSpm()).isCloseTo(170, within(1e-6));
        assertThat(splits.get(2).paceSPerKm()).isCloseTo(1000 / 3.2, within(2.0));
        KilometreSplits.Comparison c = KilometreSplits.downhillVsFlat(r, iv, S, splits);
        assertThat(c.basis()).isEqualTo("kilometre splits");
        assertThat(c.cadenceChangePct()).isCloseTo(100 * (160 - 170) / 170.0, within(1.0));
        assertThat(c.stepLengthChangePct()).as("3.6/160 vs 3.2/170 m per step").isCloseTo(
                100 * ((3.6 * 60 / 160) / (3.2 * 60 / 170) - 1), within(2.0));
    }

    @Test
    void shortHillsAreComparedOnShorterStretches() {
        // every 1 km: 250 m up 10 m, 250 m down, 500 m flat — no kilometre is downhill as a whole
        SyntheticRun run = new SyntheticRun(1.7e9, 2000, 3.2, 170, 176, 3.4, new double[] {1000, 10, 250});
        WatchRecording r = fromSynthetic(run);
        WatchIntervals iv = WatchIntervals.of(r, S);
        List<KilometreSplits.Split> splits = KilometreSplits.of(r, iv, S, 1000);
        assertThat(splits).allMatch(s -> s.terrain() != KilometreSplits.Terrain.DOWNHILL);
        KilometreSplits.Comparison c = KilometreSplits.downhillVsFlat(r, iv, S, splits);
        assertThat(c.basis()).isEqualTo("250 m stretches");
        assertThat(c.reason()).contains("no downhill kilometre splits");
        assertThat(c.cadenceChangePct()).isPositive();
        // without altitude there is nothing to compare
        Map<WatchChannel, double[]> ch = new EnumMap<>(r.channels());
        ch.remove(WatchChannel.ALTITUDE_M);
        WatchRecording flat = recording(r.timeS(), ch);
        KilometreSplits.Comparison none = KilometreSplits.downhillVsFlat(flat, WatchIntervals.of(flat, S), S,
                KilometreSplits.of(flat, WatchIntervals.of(flat, S), S, 1000));
        assertThat(none.available()).isFalse();
        assertThat(none.reason()).contains("no altitude");
        assertThat(Arrays.stream(new double[] {none.cadenceChangePct()}).allMatch(Double::isNaN)).isTrue();
    }
}
