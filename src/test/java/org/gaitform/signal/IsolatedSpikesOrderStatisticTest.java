package org.gaitform.signal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The quick upper order statistic of {@link IsolatedSpikes} (the 99.9th percentile of the jumps, from the candidates a
 * strided sample leaves) is exactly the full selection's value, leaves its input unchanged, and holds when the sample
 * misjudges: random, periodic (in step with the sample's stride), tied, constant signals and ones with NaN and
 * infinities, of sizes around the point where the quick way starts.
 */
class IsolatedSpikesOrderStatisticTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void sameValueAsTheFullSelection(long seed) {
        Random rnd = new Random(seed);
        for (int trial = 0; trial < 70; trial++) {
            int n = switch (trial % 4) {
                case 0 -> 1000 + rnd.nextInt(200);
                case 1 -> 5000 + rnd.nextInt(50_000);
                case 2 -> 180_000;
                default -> 10 + rnd.nextInt(2000);
            };
            double[] v = new double[n];
            int kind = trial % 7;
            for (int i = 0; i < n; i++) {
                v[i] = switch (kind) {
                    case 0 -> Math.abs(rnd.nextGaussian());
                    case 1 -> i % 16 == 0 ? 0 : 1 + rnd.nextDouble(); // the sample sees only the low values
                    case 6 -> i % 16 == 0 ? 1 + rnd.nextDouble() : rnd.nextDouble(); // only the high ones: misjudged
                    case 2 -> rnd.nextInt(4); // many ties
                    case 3 -> 2.5; // constant
                    case 4 -> Math.abs(Math.sin(i * 0.05)) + (rnd.nextInt(3000) == 0 ? 1e6 : 0); // periodic with spikes
                    default -> rnd.nextInt(500) == 0 ? (rnd.nextBoolean() ? Double.NaN : Double.POSITIVE_INFINITY)
                            : Math.abs(rnd.nextGaussian());
                };
            }
            int above = IsolatedSpikes.reference(n);
            for (int k : new int[] {n - 1 - above, n - 1, n - 2, n - 1 - 3 * above, n / 2}) {
                double[] before = v.clone();
                double quick = IsolatedSpikes.upperOrderStatistic(v, k);
                assertThat(v).as("unchanged").isEqualTo(before);
                double full = IsolatedSpikes.orderStatistic(v.clone(), k);
                assertThat(Double.doubleToLongBits(quick)).as("n=%d kind=%d k=%d", n, kind, k)
                        .isEqualTo(Double.doubleToLongBits(full));
            }
        }
    }
}
