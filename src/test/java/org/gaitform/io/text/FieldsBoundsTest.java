package org.gaitform.io.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The in-place reading of unquoted rows ({@link Fields.Bounds}, {@link Numbers#parse(byte[], int, int, boolean)})
 * gives exactly what splitting into strings and parsing each gives, on random rows of numbers, blanks, signs,
 * exponents, words and empty cells.
 */
class FieldsBoundsTest {
    private static final String[] PIECES = {"0", "1", "-", "+", ".", ",", "e", "E", " ", "\t", "9", "7", "x", "", "5"};

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void boundsAndRangeParseAgreeWithSplitAndParse(long seed) {
        Random rnd = new Random(seed);
        for (char sep : new char[] {',', ';', '\t'}) {
            for (int row = 0; row < 500; row++) {
                StringBuilder line = new StringBuilder();
                int cells = 1 + rnd.nextInt(8);
                for (int c = 0; c < cells; c++) {
                    if (c > 0) {
                        line.append(sep);
                    }
                    int len = rnd.nextInt(10);
                    for (int i = 0; i < len; i++) {
                        line.append(PIECES[rnd.nextInt(PIECES.length)]);
                    }
                    if (rnd.nextInt(4) == 0) {
                        line.append(rnd.nextGaussian() * Math.pow(10, rnd.nextInt(8) - 4));
                    }
                }
                String l = line.toString();
                String[] split = Fields.split(l, sep);
                // the line somewhere inside a larger buffer, as ByteLineReader hands it over
                int at = rnd.nextInt(5);
                byte[] bytes = ("x".repeat(at) + l + "\n\"z").getBytes(StandardCharsets.US_ASCII);
                Fields.Bounds b = new Fields.Bounds();
                assertThat(b.find(bytes, at, at + l.length(), sep)).isTrue();
                assertThat(b.count()).as(l).isEqualTo(split.length);
                for (int i = 0; i < split.length; i++) {
                    assertThat(new String(bytes, b.from(i), b.to(i) - b.from(i), StandardCharsets.US_ASCII)).as(l)
                            .isEqualTo(split[i]);
                    for (boolean comma : new boolean[] {false, true}) {
                        assertThat(Double.doubleToLongBits(Numbers.parse(bytes, b.from(i), b.to(i), comma)))
                                .as(split[i]).isEqualTo(Double.doubleToLongBits(Numbers.parse(split[i], comma)));
                        assertThat(Double.doubleToLongBits(Numbers.parse(l, b.from(i) - at, b.to(i) - at, comma)))
                                .as(split[i]).isEqualTo(Double.doubleToLongBits(Numbers.parse(split[i], comma)));
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"a,b\",1", "1,\"2\""})
    void aRowWithAQuoteIsLeftToSplit(String line) {
        byte[] b = line.getBytes(StandardCharsets.US_ASCII);
        assertThat(new Fields.Bounds().find(b, 0, b.length, ',')).isFalse();
    }
}
