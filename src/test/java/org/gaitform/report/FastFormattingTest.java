package org.gaitform.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The fast paths of report writing give exactly what the general ones give. */
class FastFormattingTest {

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void fixedDecimalsAreTheFormattersText(long seed) {
        Random rnd = new Random(seed);
        for (int i = 0; i < 40_000; i++) {
            int d = rnd.nextInt(6);
            double v = switch (i % 5) {
                case 0 -> rnd.nextGaussian() * 300;
                case 1 -> Math.round(rnd.nextGaussian() * 1e4) / 1e4 + 0.00005 * rnd.nextInt(3); // near halves
                case 2 -> (rnd.nextInt(20000) - 10000) / Math.pow(10, d + 1) + 5 / Math.pow(10, d + 1); // exact halves
                case 3 -> rnd.nextDouble() * Math.pow(10, rnd.nextInt(12));
                default -> -rnd.nextDouble() * 1e-3;
            };
            assertThat(CsvTables.fixed(v, d)).as("%s with %d decimals", v, d)
                    .isEqualTo(String.format(Locale.ROOT, "%." + d + "f", v));
        }
    }
}
