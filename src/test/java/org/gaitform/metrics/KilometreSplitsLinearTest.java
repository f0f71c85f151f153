package org.gaitform.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.gaitform.model.Activity;
import org.gaitform.model.WatchChannel;
import org.gaitform.model.WatchRecording;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The one-pass splits and the binary-search look-ups (issue 11: the splits copied every channel for every kilometre,
 * quadratic time on multi-day exports) give exactly the values of the straightforward per-split computation they
 * replaced, kept here as the reference, on random recordings: pauses, standing, stretches without altitude or
 * cadence, GPS jumps of more than a kilometre, short last splits. The time they take is measured by the benchmark
 * (docs/benchmark.md), not here.
 */
class KilometreSplitsLinearTest {
    static final WatchMetricSettings S = WatchMetricSettings.DEFAULTS;

    static WatchRecording random(long seed, int n) {
        Random rnd = new Random(seed);
        double[] t = new double[n];
        double[] dist = new double[n];
        double[] cad = new double[n];
        double[] alt = new double[n];
        double[] contact = new double[n];
        double[] hr = new double[n];
        double time = 0;
        double d = 0;
        for (int i = 0; i < n; i++) {
            time += rnd.nextInt(50) == 0 ? 60 + rnd.nextInt(600) : 1 + rnd.nextInt(3); // pauses
            t[i] = time;
            int mode = (i / 200) % 5;
            double speed = mode == 4 ? 0 : mode == 3 ? 1.4 : 2.5 + rnd.nextDouble();
            d += rnd.nextInt(3000) == 0 ? 1500 + rnd.nextInt(2000) : speed * (1 + rnd.nextInt(3));
            dist[i] = rnd.nextInt(500) == 0 ? Double.NaN : d;
            cad[i] = (i / 700) % 7 == 6 ? Double.NaN : mode == 4 ? 0 : mode == 3 ? 110 : 160 + rnd.nextInt(20);
            alt[i] = (i / 300) % 6 == 5 ? Double.NaN : 300 + 40 * Math.sin(d / 900) + rnd.nextGaussian();
            contact[i] = 200 + rnd.nextInt(80);
            hr[i] = 120 + rnd.nextInt(50);
        }
        Map<WatchChannel, double[]> ch = new EnumMap<>(WatchChannel.class);
        ch.put(WatchChannel.DISTANCE_M, dist);
        ch.put(WatchChannel.CADENCE_SPM, cad);
        ch.put(WatchChannel.ALTITUDE_M, alt);
        ch.put(WatchChannel.CONTACT_MS, contact);
        ch.put(WatchChannel.HEART_RATE_BPM, hr);
        List<Activity> act = new ArrayList<>(Collections.nCopies(n, Activity.UNKNOWN));
        return new WatchRecording("r", "csv", t, 1.7e9, Double.NaN, ch, Map.of(), act, List.of(), Map.of(), Map.of(),
                List.of(), List.of());
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void theOnePassSplitsEqualThePerSplitComputation(long seed) {
        WatchRecording rec = random(seed, 6000 + (int) seed * 1000);
        WatchIntervals iv = WatchIntervals.of(rec, S);
        for (double length : new double[] {1000, 250, 1609.344}) {
            List<KilometreSplits.Split> fast = KilometreSplits.of(rec, iv, S, length);
            List<KilometreSplits.Split> reference = reference(rec, iv, S, length);
            assertThat(fast).as("length %s", length).hasSizeGreaterThan(10).isEqualTo(reference);
        }
        Random rnd = new Random(seed);
        double total = iv.cumulative(iv.size() - 1);
        for (int k = 0; k < 2000; k++) {
            double m = k < 3 ? new double[] {-5, 0, total + 10}[k] : rnd.nextDouble() * total;
            assertThat(iv.altitudeAtDistance(m)).isEqualTo(altitudeAtDistance(iv, m));
            assertThat(iv.timeAtDistance(m)).isEqualTo(timeAtDistance(iv, m));
            double at = iv.time(0) + rnd.nextDouble() * (iv.time(iv.size() - 1) - iv.time(0));
            assertThat(iv.distanceAt(at)).isEqualTo(distanceAt(iv, at));
        }
    }

    /**
     * Work counted, not timed: the bytes the splits allocate do not grow with the number of splits. A 200 km run of
     * 80 000 records has 200 kilometres; copying the channels per kilometre (the quadratic code) allocated about 200 ×
     * 9 channels × 640 kB = 1.2 GB, the one-pass splits allocate a few copies of one channel.
     */
    @org.junit.jupiter.api.Test
    void theWorkOfTheSplitsDoesNotGrowWithTheirNumber() {
        int n = 80_000;
        double[] t = new double[n];
        double[] dist = new double[n];
        double[] cad = new double[n];
        double[] alt = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = i;
            dist[i] = 2.5 * i;
            cad[i] = 170;
            alt[i] = 100 + 50 * Math.sin(i / 3000.0);
        }
        Map<WatchChannel, double[]> ch = new EnumMap<>(WatchChannel.class);
        ch.put(WatchChannel.DISTANCE_M, dist);
        ch.put(WatchChannel.CADENCE_SPM, cad);
        ch.put(WatchChannel.ALTITUDE_M, alt);
        WatchRecording rec = new WatchRecording("r", "csv", t, 1.7e9, Double.NaN, ch, Map.of(),
                new ArrayList<>(Collections.nCopies(n, Activity.UNKNOWN)), List.of(), Map.of(), Map.of(), List.of(),
                List.of());
        WatchIntervals iv = WatchIntervals.of(rec, S);
        KilometreSplits.of(rec, iv, S, 1000); // class loading and first-use indexes aside
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory
                .getThreadMXBean();
        long before = mx.getCurrentThreadAllocatedBytes();
        List<KilometreSplits.Split> splits = KilometreSplits.of(rec, iv, S, 1000);
        long allocated = mx.getCurrentThreadAllocatedBytes() - before;
        assertThat(splits).hasSize(200);
        long oneChannel = 8L * n;
        assertThat(allocated).as("bytes allocated for %d splits of %d records", splits.size(), n)
                .isLessThan(20 * oneChannel);
    }

    /** The computation before issue 11: every split walks every record (and copies every channel). */
    static List<KilometreSplits.Split> reference(WatchRecording rec, WatchIntervals iv, WatchMetricSettings s,
                                                 double lengthM) {
        int n = iv.size();
        List<KilometreSplits.Split> out = new ArrayList<>();
        double total = iv.cumulative(n - 1);
        int count = (int) Math.ceil(total / lengthM - 1e-9);
        int[] splitOf = new int[n];
        for (int i = 1; i < n; i++) {
            double mid = (iv.cumulative(i - 1) + iv.cumulative(i)) / 2;
            splitOf[i] = Math.min(Math.max(0, count - 1), (int) Math.floor(mid / lengthM));
        }
        for (int k = 0; k < count; k++) {
            double startM = k * lengthM;
            double endM = Math.min((k + 1) * lengthM, total);
            boolean partial = endM - startM < lengthM - 1e-6;
            if (partial && endM - startM < s.minPartialFraction() * lengthM) {
                continue;
            }
            final int kk = k;
            Map<String, Double> form = WatchMetrics.form(rec, iv, i -> splitOf[i] == kk);
            double moving = 0;
            for (int i = 1; i < n; i++) {
                if (splitOf[i] == k && iv.activity(i) != Activity.STANDING) {
                    moving += iv.dt(i);
                }
            }
            double change = altitudeAtDistance(iv, endM) - altitudeAtDistance(iv, startM);
            double grade = 100 * change / (endM - startM);
            KilometreSplits.Terrain terrain = Double.isNaN(grade) ? KilometreSplits.Terrain.UNKNOWN
                    : grade <= -s.flatGradePct() ? KilometreSplits.Terrain.DOWNHILL
                    : grade >= s.flatGradePct() ? KilometreSplits.Terrain.UPHILL : KilometreSplits.Terrain.FLAT;
            out.add(new KilometreSplits.Split(out.size() + 1, startM, endM, timeAtDistance(iv, startM),
                    timeAtDistance(iv, endM), moving, form.get("running_s"), change, grade, terrain,
                    form.get("cadence_spm"), form.get("step_length_m"), form.get("contact_ms"),
                    form.get("vertical_oscillation_cm"), form.get("vertical_ratio_pct"),
                    form.get("contact_balance_left_pct"), form.get("heart_rate_bpm"), partial));
        }
        return out;
    }

    static double altitudeAtDistance(WatchIntervals iv, double metres) {
        int before = -1;
        int after = -1;
        for (int i = 0; i < iv.size(); i++) {
            if (Double.isNaN(iv.altitude(i))) {
                continue;
            }
            if (iv.cumulative(i) <= metres) {
                before = i;
            } else {
                after = i;
                break;
            }
        }
        if (before < 0 && after < 0) {
            return Double.NaN;
        }
        if (before < 0) {
            return iv.altitude(after);
        }
        if (after < 0) {
            return iv.altitude(before);
        }
        double span = iv.cumulative(after) - iv.cumulative(before);
        double f = span > 0 ? (metres - iv.cumulative(before)) / span : 0;
        return iv.altitude(before) + f * (iv.altitude(after) - iv.altitude(before));
    }

    static double timeAtDistance(WatchIntervals iv, double metres) {
        int n = iv.size();
        if (metres <= iv.cumulative(0)) {
            return iv.time(0);
        }
        for (int i = 1; i < n; i++) {
            if (iv.cumulative(i) >= metres) {
                double span = iv.cumulative(i) - iv.cumulative(i - 1);
                double f = span > 0 ? (metres - iv.cumulative(i - 1)) / span : 1;
                return iv.time(i - 1) + f * (iv.time(i) - iv.time(i - 1));
            }
        }
        return iv.time(n - 1);
    }

    static double distanceAt(WatchIntervals iv, double at) {
        int n = iv.size();
        if (at <= iv.time(0)) {
            return iv.cumulative(0);
        }
        for (int i = 1; i < n; i++) {
            if (iv.time(i) >= at) {
                double f = (at - iv.time(i - 1)) / (iv.time(i) - iv.time(i - 1));
                return iv.cumulative(i - 1) + f * (iv.cumulative(i) - iv.cumulative(i - 1));
            }
        }
        return iv.cumulative(n - 1);
    }
}
