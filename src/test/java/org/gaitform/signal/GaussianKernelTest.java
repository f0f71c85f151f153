package org.gaitform.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;

class GaussianKernelTest {
    @Test
    void smoothingKeepsARampAndTheDerivativeIsItsSlope() {
        double[] x = new double[200];
        for (int i = 0; i < x.length; i++) {
            x[i] = 0.5 * i;
        }
        assertThat(GaussianKernel.smooth(x, 5)[100]).isCloseTo(50, offset(1e-9));
        assertThat(GaussianKernel.derivative(x, 5)[100]).isCloseTo(0.5, offset(1e-6));
    }

    @Test
    void derivativeOfASineIsTheCosineScaledByTheGaussianResponse() {
        int n = 1000;
        double w = 2 * Math.PI / 100;
        double sigma = 5;
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = Math.sin(w * i);
        }
        double gain = Math.exp(-0.5 * w * w * sigma * sigma);
        double[] d = GaussianKernel.derivative(x, sigma);
        assertThat(d[500]).isCloseTo(w * Math.cos(w * 500) * gain, offset(1e-4));
    }
}
