package org.gaitform.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link QualityChecks#springMassOscillationCm}, the closed form of Morin et al. 2005, against a body moved step by
 * step by the half-sine vertical force whose impulse over the contact equals its weight over the step: the centre of
 * mass's height integrated numerically, its range over a step the answer.
 */
class SpringMassOscillationTest {

    /** Peak-to-peak height (cm) of a body under a half-sine force over tc and free fall over the rest of the step. */
    private static double integrated(double cadenceSpm, double contactMs) {
        double step = 60 / cadenceSpm;
        double tc = contactMs / 1000;
        double peak = Math.PI / 2 * step / tc; // impulse F·2tc/π = m g step
        int n = 200_000;
        double dt = step / n;
        double[] v = new double[n];
        double speed = 0;
        for (int i = 0; i < n; i++) {
            double t = (i + 0.5) * dt;
            double a = t < tc ? QualityChecks.G * (peak * Math.sin(Math.PI * t / tc) - 1) : -QualityChecks.G;
            speed += a * dt;
            v[i] = speed;
        }
        double mean = IntStream.range(0, n).mapToDouble(i -> v[i]).average().orElseThrow();
        double y = 0;
        double lo = 0;
        double hi = 0;
        for (int i = 0; i < n; i++) {
            y += (v[i] - mean) * dt; // a periodic gait: no net vertical speed over the step
            lo = Math.min(lo, y);
            hi = Math.max(hi, y);
        }
        return 100 * (hi - lo);
    }

    static Stream<Arguments> gaits() {
        Random rnd = new Random(20051);
        return IntStream.range(0, 12).mapToObj(i -> {
            double cadence = 140 + 100 * rnd.nextDouble();
            double duty = 0.2 + 0.27 * rnd.nextDouble();
            return Arguments.of(cadence, duty * 2 * 60000 / cadence);
        });
    }

    @ParameterizedTest(name = "{0} steps/min, {1} ms of contact")
    @MethodSource("gaits")
    void theClosedFormIsTheIntegratedBody(double cadenceSpm, double contactMs) {
        double closed = QualityChecks.springMassOscillationCm(cadenceSpm, contactMs);
        assertThat(closed).isCloseTo(integrated(cadenceSpm, contactMs), within(0.01));
    }

    @Test
    void knownValuesAndNoFlight() {
        // Alcantara's trial 21 (+10°, 4.17 m/s) as gaitform reads it; its sacrum's oscillation is 3.0 cm
        assertThat(QualityChecks.springMassOscillationCm(233.5, 190.4)).isCloseTo(3.74, within(0.01));
        // the least within the plausible cadence and duty factor (240 steps/min, duty factor 0.47)
        assertThat(QualityChecks.springMassOscillationCm(240, 235)).isCloseTo(2.43, within(0.01));
        // a contact longer than the step leaves no flight: no model
        assertThat(QualityChecks.springMassOscillationCm(180, 340)).isNaN();
    }
}
