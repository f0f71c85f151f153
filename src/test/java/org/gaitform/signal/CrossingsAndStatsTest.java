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
}
