package org.gaitform.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** One-to-one matching in time order within a tolerance: hand-checked cases and a property test against brute force. */
class EventMatcherTest {
    private static List<EventMatcher.Pair> m(double[] r, double[] d, double tol) {
        return EventMatcher.match(r, d, tol);
    }

    @Test
    void handCheckedCases() {
        // exact pairs, one missed reference (2.0) and one extra detection (3.5)
        assertThat(m(new double[] {1.0, 2.0, 3.0}, new double[] {1.01, 2.9, 3.5}, 0.04))
                .containsExactly(new EventMatcher.Pair(0, 0));
        assertThat(m(new double[] {1.0, 2.0, 3.0}, new double[] {1.01, 2.03, 2.98, 3.5}, 0.04))
                .containsExactly(new EventMatcher.Pair(0, 0), new EventMatcher.Pair(1, 1), new EventMatcher.Pair(2, 2));
        // two detections near one reference: the nearer wins, the other is extra
        assertThat(m(new double[] {1.0}, new double[] {0.97, 1.005}, 0.04)).containsExactly(new EventMatcher.Pair(0, 1));
        // one detection between two references: the nearer reference gets it
        assertThat(m(new double[] {1.0, 1.05}, new double[] {1.04}, 0.04)).containsExactly(new EventMatcher.Pair(1, 0));
        // more pairs beat a smaller error: 1.0-0.99 and 1.05-1.03 rather than 1.0-1.03 alone
        assertThat(m(new double[] {1.0, 1.05}, new double[] {0.99, 1.03}, 0.04))
                .containsExactly(new EventMatcher.Pair(0, 0), new EventMatcher.Pair(1, 1));
        // the tolerance is inclusive
        assertThat(m(new double[] {1.0}, new double[] {1.04}, 0.04 + 1e-12)).hasSize(1);
        assertThat(m(new double[] {1.0}, new double[] {1.0401}, 0.04)).isEmpty();
        assertThat(m(new double[0], new double[] {1}, 0.04)).isEmpty();
        assertThat(m(new double[] {1}, new double[0], 0.04)).isEmpty();
    }

    @Test
    void refusesUnsortedOrNonFiniteTimesAndNegativeTolerances() {
        assertThatThrownBy(() -> m(new double[] {2, 1}, new double[0], 0.04)).hasMessageContaining("time order");
        assertThatThrownBy(() -> m(new double[] {Double.NaN}, new double[0], 0.04)).hasMessageContaining("finite");
        assertThatThrownBy(() -> m(new double[0], new double[0], -1)).hasMessageContaining("tolerance");
    }

    static Stream<Long> seeds() {
        return LongStreamOf(40);
    }

    private static Stream<Long> LongStreamOf(int n) {
        return IntStream.range(0, n).mapToObj(i -> 1000L + 37L * i);
    }

    /** Brute force: the most pairs, then the least total error, over every non-crossing pairing. */
    private static double[] best(double[] r, double[] d, double tol, int i, int jFrom) {
        if (i == r.length) {
            return new double[] {0, 0};
        }
        double[] bestSoFar = best(r, d, tol, i + 1, jFrom);
        for (int j = jFrom; j < d.length; j++) {
            double e = Math.abs(d[j] - r[i]);
            if (e <= tol) {
                double[] rest = best(r, d, tol, i + 1, j + 1);
                double[] cand = {rest[0] + 1, rest[1] + e};
                if (cand[0] > bestSoFar[0] || (cand[0] == bestSoFar[0] && cand[1] < bestSoFar[1] - 1e-12)) {
                    bestSoFar = cand;
                }
            }
        }
        return bestSoFar;
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void matchesAreOneToOneInOrderWithinToleranceAndAsManyAsPossible(long seed) {
        Random rnd = new Random(seed);
        int n = rnd.nextInt(8);
        int k = rnd.nextInt(8);
        double tol = 0.01 + rnd.nextDouble() * 0.08;
        double[] r = new double[n];
        double[] d = new double[k];
        for (int i = 0; i < n; i++) {
            r[i] = rnd.nextDouble() * 0.6;
        }
        for (int i = 0; i < k; i++) {
            d[i] = rnd.nextBoolean() && n > 0 ? r[rnd.nextInt(n)] + (rnd.nextDouble() - 0.5) * 0.12 : rnd.nextDouble() * 0.6;
        }
        Arrays.sort(r);
        Arrays.sort(d);
        List<EventMatcher.Pair> pairs = m(r, d, tol);
        double cost = 0;
        for (int p = 0; p < pairs.size(); p++) {
            EventMatcher.Pair a = pairs.get(p);
            assertThat(Math.abs(d[a.detected()] - r[a.reference()])).isLessThanOrEqualTo(tol);
            cost += Math.abs(d[a.detected()] - r[a.reference()]);
            if (p > 0) {
                assertThat(a.reference()).isGreaterThan(pairs.get(p - 1).reference());
                assertThat(a.detected()).isGreaterThan(pairs.get(p - 1).detected());
            }
        }
        double[] expected = best(r, d, tol, 0, 0);
        assertThat((double) pairs.size()).as("pairs").isEqualTo(expected[0]);
        assertThat(cost).as("total error").isCloseTo(expected[1], within(1e-9));
    }

    @Test
    void longRecordingsAreMatchedQuicklyAndCompletely() {
        double[] r = new double[20_000];
        double[] d = new double[20_000];
        Random rnd = new Random(5);
        for (int i = 0; i < r.length; i++) {
            r[i] = i * 0.35;
            d[i] = r[i] + (rnd.nextDouble() - 0.5) * 0.03;
        }
        assertThat(m(r, d, 0.04)).hasSize(20_000);
        // a tolerance as long as a step joins everything into one cluster: the greedy fallback still pairs them
        assertThat(m(r, d, 0.5)).hasSize(20_000);
    }
}
