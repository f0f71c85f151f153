package org.gaitform.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.gaitform.model.Channel;
import org.gaitform.model.Decision;
import org.gaitform.model.ImuSensor;
import org.gaitform.model.Keypoint;
import org.gaitform.model.Placement;
import org.gaitform.model.PoseRecording;
import org.gaitform.model.Side;
import org.gaitform.signal.Periodicity;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Cadence from the signal alone, on signals with a known period, and the autocorrelation behind it. */
class SignalCadenceTest {

    /** A trunk-like vertical acceleration: a landing pulse every step, a little taller every other step. */
    private static double[] trunkSignal(double fs, double seconds, double cadence, long seed) {
        Random rnd = new Random(seed);
        int n = (int) Math.round(fs * seconds);
        double step = 60 / cadence;
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            double t = i / fs;
            int k = (int) Math.floor(t / step);
            double u = t - k * step;
            double pulse = u < 0.6 * step ? Math.sin(Math.PI * u / (0.6 * step)) : 0;
            v[i] = 1 + (k % 2 == 0 ? 1.6 : 1.4) * pulse - 0.9 * (u >= 0.6 * step ? 1 : 0) + 0.05 * rnd.nextGaussian();
        }
        return v;
    }

    @ParameterizedTest(name = "{0} steps/min at {1} Hz")
    @CsvSource({"150, 100", "172, 128", "196, 200", "232, 500", "135, 50"})
    void trunkStepPeriodIsTheFirstDominantPeak(double cadence, double fs) {
        double[] v = trunkSignal(fs, 12, cadence, 3);
        Map<Channel, double[]> ch = new EnumMap<>(Channel.class);
        ch.put(Channel.ACC_V, v);
        ImuSensor s = new ImuSensor("imu", Placement.SACRUM, Side.UNKNOWN, ch);
        SignalCadence.Estimate e = SignalCadence.trunk(s, fs).estimate(List.of(new int[] {0, v.length}), false);
        assertThat(e.available()).as(e.basis()).isTrue();
        // within 0.5 %: a stride (half the cadence) or a harmonic would be 50 % off
        assertThat(e.cadenceSpm()).isCloseTo(cadence, within(0.005 * cadence));
        assertThat(e.regularity()).isGreaterThan(0.5);
    }

    @ParameterizedTest(name = "{0} steps/min at {1} Hz")
    @CsvSource({"174, 250", "165, 250", "190, 500"})
    void aStepWithARingingLandingIsNotTakenShortBySideLobes(double cadence, double fs) {
        // a hard landing that rings: three equal peaks 35 ms apart on a small stance hump; the autocorrelation has
        // lobes at the step's lag minus and plus 35 ms that reach 0.6 of its own peak, the first of them 10 % short
        Random rnd = new Random(7);
        int n = (int) Math.round(fs * 12);
        double step = 60 / cadence;
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            double t = i / fs;
            double u = t - Math.floor(t / step) * step;
            v[i] = 1 + (u < 0.45 * step ? 0.3 * Math.sin(Math.PI * u / (0.45 * step)) : 0) + 0.03 * rnd.nextGaussian();
            for (int k = 0; k < 3; k++) {
                v[i] += 2.0 * Math.exp(-Math.pow((u - 0.01 - 0.035 * k) / 0.006, 2));
            }
        }
        Map<Channel, double[]> ch = new EnumMap<>(Channel.class);
        ch.put(Channel.ACC_V, v);
        ImuSensor s = new ImuSensor("imu", Placement.SACRUM, Side.UNKNOWN, ch);
        SignalCadence.Estimate e = SignalCadence.trunk(s, fs).estimate(List.of(new int[] {0, v.length}), false);
        assertThat(e.cadenceSpm()).as(e.basis()).isCloseTo(cadence, within(0.005 * cadence));
    }

    @ParameterizedTest(name = "{0} fps")
    @ValueSource(doubles = {30, 60, 150})
    void feetInAntiphaseGiveTheStrideEvenAtThirtyFramesPerSecondWithGaps(double fs) {
        double cadence = 168;
        double stride = 120 / cadence;
        int n = (int) Math.round(fs * 8);
        double[] t = new double[n];
        double[] lx = new double[n];
        double[] ly = new double[n];
        double[] rx = new double[n];
        double[] ry = new double[n];
        Random rnd = new Random(9);
        for (int i = 0; i < n; i++) {
            t[i] = i / fs;
            double ph = 2 * Math.PI * t[i] / stride;
            lx[i] = 300 * Math.sin(ph) + 2 * rnd.nextGaussian();
            rx[i] = 300 * Math.sin(ph + Math.PI) + 2 * rnd.nextGaussian();
            ly[i] = 40 * Math.max(0, Math.sin(ph + 1)) + 2 * rnd.nextGaussian();
            ry[i] = 40 * Math.max(0, Math.sin(ph + 1 + Math.PI)) + 2 * rnd.nextGaussian();
            if (i % 37 == 5) {
                lx[i] = Double.NaN; // a missing keypoint now and then
                ly[i] = Double.NaN;
            }
        }
        List<Keypoint> kps = new ArrayList<>();
        kps.add(new Keypoint("LHeel", lx, ly, null, null));
        kps.add(new Keypoint("RHeel", rx, ry, null, null));
        kps.add(new Keypoint("Neck", new double[n], new double[n], null, null));
        PoseRecording rec = new PoseRecording("clip.csv", "keypoint-csv", t, fs, "px", true, kps, List.<Decision>of(),
                List.of());
        SignalCadence.Estimate e = SignalCadence.pose(rec).orElseThrow().estimate(List.of(new int[] {0, n}), false);
        assertThat(e.available()).as(e.basis()).isTrue();
        assertThat(e.cadenceSpm()).isCloseTo(cadence, within(0.5));
        assertThat(e.basis()).contains("LHeel minus RHeel");
    }

    @org.junit.jupiter.api.Test
    void tooFewPeriodsGiveNoEstimate() {
        double[] v = trunkSignal(100, 1.0, 180, 1);
        Map<Channel, double[]> ch = new EnumMap<>(Channel.class);
        ch.put(Channel.ACC_V, v);
        SignalCadence.Estimate e = SignalCadence.trunk(new ImuSensor("imu", Placement.SACRUM, Side.UNKNOWN, ch), 100)
                .estimate(List.of(new int[] {0, v.length}), false);
        assertThat(e.available()).isFalse();
        assertThat(e.basis()).contains("fewer than 4");
    }

    @org.junit.jupiter.api.Test
    void theUnbiasedAutocorrelationIsNotTaperedAndTheMultiplesRefineThePeriod() {
        int n = 400;
        double period = 23.37;
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = Math.sin(2 * Math.PI * i / period);
        }
        double[] biased = Periodicity.pooledAutocorrelation(x, List.of(new int[] {0, n}), 200);
        double[] unbiased = Periodicity.pooledAutocorrelation(x, List.of(new int[] {0, n}), 200, true);
        // the biased function shrinks with the lag (1 − lag/n); the unbiased one stays near 1 at every period
        assertThat(biased[187]).isLessThan(0.6);
        assertThat(unbiased[187]).isGreaterThan(0.95);
        assertThat(Periodicity.refinedPeriod(unbiased, 23)[0]).isCloseTo(period, within(0.02));
        // two stretches pooled never pair samples across their border
        double[] joined = new double[2 * n];
        System.arraycopy(x, 0, joined, 0, n);
        System.arraycopy(x, 0, joined, n, n);
        double[] pooled = Periodicity.pooledAutocorrelation(joined, List.of(new int[] {0, n}, new int[] {n, 2 * n}), 50,
                true);
        assertThat(pooled[23]).isCloseTo(unbiased[23], within(1e-9));
    }
}
