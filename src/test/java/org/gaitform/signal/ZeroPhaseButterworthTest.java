package org.gaitform.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ZeroPhaseButterworthTest {
    private static double[] sine(double freqHz, double rateHz, int n, double amp) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = amp * Math.sin(2 * Math.PI * freqHz * i / rateHz);
        }
        return x;
    }

    @Test
    void passesAConstantUnchangedIncludingTheEnds() {
        double[] x = new double[500];
        java.util.Arrays.fill(x, 0.98);
        double[] y = ZeroPhaseButterworth.lowPass(2, 10).apply(x, 100);
        for (double v : y) {
            assertThat(v).isCloseTo(0.98, offset(1e-9));
        }
    }

    @Test
    void lowPassKeepsPhaseOfASlowSine() {
        double fs = 200;
        double[] x = sine(2, fs, 2000, 1);
        double[] y = ZeroPhaseButterworth.lowPass(2, 20).apply(x, fs);
        // zero phase: the peaks stay where they were, the amplitude is kept (2 Hz ≪ 20 Hz)
        for (int i = 200; i < 1800; i++) {
            assertThat(y[i]).isCloseTo(x[i], offset(0.01));
        }
    }

    @ParameterizedTest(name = "{0} Hz through a {1} Hz low-pass keeps about {2} of its amplitude")
    @CsvSource({"10, 10, 0.5", "40, 10, 0.0039", "5, 10, 0.9412"})
    void attenuationIsTheSquareOfOnePass(double freq, double cutoff, double expectedGain) {
        double fs = 500;
        double[] x = sine(freq, fs, 5000, 1);
        double[] y = ZeroPhaseButterworth.lowPass(2, cutoff).apply(x, fs);
        double peak = 0;
        for (int i = 1000; i < 4000; i++) {
            peak = Math.max(peak, Math.abs(y[i]));
        }
        // |H|² of a 2nd-order Butterworth: 1 / (1 + (f/fc)^4)
        assertThat(peak).isCloseTo(expectedGain, offset(0.01));
    }

    @Test
    void highPassRemovesAnOffsetAndKeepsFastContent() {
        double fs = 100;
        double[] x = sine(10, fs, 1000, 1);
        for (int i = 0; i < x.length; i++) {
            x[i] += 5;
        }
        double[] y = ZeroPhaseButterworth.highPass(2, 0.5).apply(x, fs);
        for (int i = 300; i < 700; i++) {
            assertThat(y[i]).isCloseTo(x[i] - 5, offset(0.02));
        }
    }

    @Test
    void doesNotModifyItsInputAndHandlesTinySignals() {
        double[] x = {1, 2, 3};
        ZeroPhaseButterworth.lowPass(2, 5).apply(x, 100);
        assertThat(x).containsExactly(1, 2, 3);
        assertThat(ZeroPhaseButterworth.lowPass(2, 5).apply(new double[0], 100)).isEmpty();
        assertThat(ZeroPhaseButterworth.lowPass(2, 5).apply(new double[] {4}, 100)).containsExactly(4);
    }

    @Test
    void rejectsImpossibleSettings() {
        assertThatThrownBy(() -> ZeroPhaseButterworth.lowPass(0, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ZeroPhaseButterworth.lowPass(2, -1)).isInstanceOf(IllegalArgumentException.class);
        // a low-pass at or above Nyquist is the identity
        assertThat(ZeroPhaseButterworth.lowPass(2, 60).apply(new double[] {1, 5, 2}, 100)).containsExactly(1, 5, 2);
    }
}
