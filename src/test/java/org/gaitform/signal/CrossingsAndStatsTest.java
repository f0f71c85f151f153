package org.gaitform.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;

class CrossingsAndStatsTest {
    @Test
    void crossingsAreInterpolatedBetweenSamples() {
        double[] x = {0, 0, 1, 2, 3, 2, 1, 0, 0};
        // rising through 1.5 between index 2 (1) and 3 (2)
        assertThat(Crossings.lastRiseBefore(x, 4, 0, 1.5)).isCloseTo(2.5, offset(1e-12));
        // falling through 0.5 between index 6 (1) and 7 (0)
        assertThat(Crossings.firstFallAfter(x, 4, 8, 0.5)).isCloseTo(6.5, offset(1e-12));
        assertThat(Crossings.lastRiseBefore(new double[] {5, 5, 5}, 2, 0, 1)).isNaN();
        assertThat(Crossings.firstFallAfter(new double[] {5, 5, 5}, 0, 2, 1)).isNaN();
        assertThat(Crossings.valueAt(x, 3.5)).isCloseTo(2.5, offset(1e-12));
        // rising through 1.5 searching forwards from the start, falling through 0.5 searching backwards from the end
        assertThat(Crossings.firstRiseAfter(x, 0, 8, 1.5)).isCloseTo(2.5, offset(1e-12));
        assertThat(Crossings.lastFallBefore(x, 8, 0, 0.5)).isCloseTo(6.5, offset(1e-12));
        assertThat(Crossings.firstRiseAfter(x, 4, 8, 1.5)).as("already above at the start").isNaN();
        assertThat(Crossings.lastFallBefore(x, 4, 0, 1.5)).as("already above at the start").isNaN();
        assertThat(Crossings.firstRiseAfter(x, 0, 8, 9)).isNaN();
        assertThat(Crossings.lastFallBefore(x, 8, 0, 9)).isNaN();
    }

    @Test
    void statisticsSkipMissingValues() {
        double[] x = {1, Double.NaN, 3, 5};
        assertThat(Stats.mean(x)).isEqualTo(3);
        assertThat(Stats.median(x)).isEqualTo(3);
        assertThat(Stats.sd(x)).isCloseTo(2, offset(1e-12));
        assertThat(Stats.count(x)).isEqualTo(3);
        assertThat(Stats.percentile(new double[] {0, 10}, 25)).isEqualTo(2.5);
        assertThat(Stats.mean(new double[0])).isNaN();
        assertThat(Stats.sd(new double[] {1})).isNaN();
    }

    @Test
    void parabolicVertexFindsAPeakBetweenSamples() {
        double[] x = new double[21];
        for (int i = 0; i < x.length; i++) {
            x[i] = -Math.pow(i - 10.3, 2);
        }
        int i = Extrema.argMax(x, 0, x.length);
        assertThat(Extrema.parabolicVertex(x, i)).isCloseTo(10.3, offset(1e-9));
    }

    @Test
    void resamplingOntoAUniformGridInterpolatesLinearly() {
        double[] t = {0, 0.011, 0.019, 0.031};
        double[] v = {0, 11, 19, 31};
        double[] grid = Resampler.uniformGrid(t, 100);
        assertThat(grid).containsExactly(0, 0.01, 0.02, 0.03);
        double[] r = Resampler.interpolate(t, v, grid);
        assertThat(r[1]).isCloseTo(10, offset(1e-9));
        assertThat(r[3]).isCloseTo(30, offset(1e-9));
    }

    /** The sorting definition of a percentile, for comparison. */
    private static double percentileBySorting(double[] x, double p) {
        double[] v = java.util.Arrays.stream(x).filter(a -> !Double.isNaN(a)).map(a -> a == 0 ? 0.0 : a).sorted()
                .toArray();
        if (v.length == 0) {
            return Double.NaN;
        }
        double pos = p / 100.0 * (v.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(v.length - 1, lo + 1);
        return v[lo] * (1 - (pos - lo)) + v[hi] * (pos - lo);
    }

    /** Selection gives exactly the sorted order statistics, whatever the shape of the data. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
    void percentileBySelectionEqualsSorting(long seed) {
        java.util.Random rnd = new java.util.Random(seed);
        for (int trial = 0; trial < 40; trial++) {
            int n = rnd.nextInt(trial < 20 ? 70 : 5000) + 1;
            double[] x = new double[n];
            int shape = rnd.nextInt(6);
            for (int i = 0; i < n; i++) {
                x[i] = switch (shape) {
                    case 0 -> rnd.nextGaussian();
                    case 1 -> rnd.nextInt(4); // many duplicates (quantised sensors)
                    case 2 -> i; // sorted
                    case 3 -> n - i; // reversed
                    case 4 -> i < n / 2 ? i : n - i; // organ pipe
                    default -> rnd.nextInt(10) == 0 ? Double.NaN : rnd.nextInt(20) == 0
                            ? (rnd.nextBoolean() ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY)
                            : rnd.nextBoolean() ? -0.0 : rnd.nextDouble();
                };
            }
            double[] copy = x.clone();
            for (double p : new double[] {0, 1, 2, 5, 25, 50, 73.3, 95, 99, 100, rnd.nextDouble() * 100}) {
                double want = percentileBySorting(x, p);
                double got = Stats.percentile(x, p);
                // Double.equals: NaN (infinities of both signs interpolated) equals NaN, -0.0 differs from 0.0
                assertThat(Double.valueOf(got)).as("seed %d trial %d shape %d n %d p %.2f", seed, trial, shape, n, p)
                        .isEqualTo(Double.valueOf(want));
            }
            assertThat(x).as("input untouched").isEqualTo(copy);
        }
    }
}
