package org.gaitform.io.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Date-time stamps parsed without the regular expression (from a string, or from the bytes of an ASCII row) give exactly
 * what the patterns give, or defer to them.
 */
class TimeStampsDirectTest {
    private static final List<String> FORMS = List.of("2019-08-06 10:25:50:020", "2019-08-06T10:25:50.020Z",
            "2019-08-06 10:25:50.020+02:00", "2019-08-06 1:25:50", "2019-08-06T23:59:60,123456789-0530",
            "2020-02-29 00:00:00", "2019-08-06 10:25:50z", "2019-13-06 10:25:50", "2019-08-06 24:00:00",
            "2019-08-06 10:25:50.", "2019-08-06 10:25:50.1234567890", "2019-08-06X10:25:50", "10:25:50.020",
            "Sun Jun 11 07:34:09 PDT 2017", "2019-08-06 10:25:50+2:00", "2019-08-06 10:25:50+02:0");

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4})
    void directParsingAgreesWithThePatterns(long seed) {
        Random rnd = new Random(seed);
        String alphabet = "0123456789-:.,+TZz ٣";
        for (String base : FORMS) {
            check(base);
            for (int k = 0; k < 1000; k++) {
                StringBuilder sb = new StringBuilder(base);
                int edits = 1 + rnd.nextInt(3);
                for (int e = 0; e < edits; e++) {
                    int at = rnd.nextInt(sb.length() + 1);
                    switch (rnd.nextInt(3)) {
                        case 0 -> sb.insert(at, alphabet.charAt(rnd.nextInt(alphabet.length())));
                        case 1 -> {
                            if (at < sb.length()) {
                                sb.deleteCharAt(at);
                            }
                        }
                        default -> {
                            if (at < sb.length()) {
                                sb.setCharAt(at, alphabet.charAt(rnd.nextInt(alphabet.length())));
                            }
                        }
                    }
                }
                check(sb.toString().trim());
            }
        }
    }

    private static void check(String t) {
        double direct = TimeStamps.dateTimeDirect(t);
        double byPattern = TimeStamps.parseSecondsByPattern(t);
        if (!Double.isNaN(direct)) {
            assertThat(direct).as(t).isEqualTo(byPattern);
        }
        assertThat(Double.doubleToLongBits(TimeStamps.parseSeconds(t))).as(t)
                .isEqualTo(Double.doubleToLongBits(byPattern));
        if (t.chars().allMatch(c -> c < 0x80)) { // as a reader of ASCII rows hands a cell over: bytes inside a line
            byte[] line = ("x," + t + ",1").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            assertThat(Double.doubleToLongBits(TimeStamps.parseSeconds(line, 2, 2 + t.length()))).as(t)
                    .isEqualTo(Double.doubleToLongBits(byPattern));
        }
    }
}
