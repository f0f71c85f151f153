package org.gaitform.io.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonReaderTest {
    @Test
    void parsesOpenPoseLikeDocuments() throws Exception {
        Object o = JsonReader.parse("{\"version\":1.3,\"people\":[{\"person_id\":[-1],\"pose_keypoints_2d\":[1.5,-2e2,0,"
                + "3]}],\"s\":\"a\\\"b\\u00e9\\n\",\"t\":true,\"f\":false,\"n\":null}");
        Map<?, ?> m = (Map<?, ?>) o;
        assertThat(m.get("version")).isEqualTo(1.3);
        List<?> people = (List<?>) m.get("people");
        assertThat(((Map<?, ?>) people.get(0)).get("pose_keypoints_2d")).isEqualTo(List.of(1.5, -200.0, 0.0, 3.0));
        assertThat(m.get("s")).isEqualTo("a\"bé\n");
        assertThat(m.get("t")).isEqualTo(true);
        assertThat(m.get("f")).isEqualTo(false);
        assertThat(m.containsKey("n")).isTrue();
        assertThat(m.get("n")).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{", "{\"a\":}", "{\"a\":1,}", "[1 2]", "{\"a\":1} x", "\"unterminated", "{a:1}", "[1,2",
        "tru", "{\"a\":-}", "[\"\\q\"]"})
    void rejectsMalformedJsonWithAPosition(String text) {
        assertThatThrownBy(() -> JsonReader.parse(text)).isInstanceOf(JsonReader.JsonException.class)
                .satisfies(e -> assertThat(((JsonReader.JsonException) e).where()).startsWith("line 1, column "));
    }

    @Test
    void reportsLineAndColumn() {
        assertThatThrownBy(() -> JsonReader.parse("{\n  \"a\": [1,\n  2,, 3]\n}"))
                .isInstanceOf(JsonReader.JsonException.class)
                .satisfies(e -> assertThat(((JsonReader.JsonException) e).where()).isEqualTo("line 3, column 5"));
    }

    @Test
    void arraysOfNumbersReadAsListsOfDoubles() throws Exception {
        StringBuilder many = new StringBuilder("[");
        List<Object> expected = new ArrayList<>();
        for (int i = 0; i < 1000; i++) { // past the first buffer's 8 and its doublings
            many.append(i == 0 ? "" : ",").append(i).append(".5");
            expected.add(i + 0.5);
        }
        List<?> l = (List<?>) JsonReader.parse(many.append("]").toString());
        assertThat(l).isEqualTo(expected).hasSameHashCodeAs(expected);
        assertThat(l.get(999)).isInstanceOf(Double.class).isEqualTo(999.5);
        assertThatExceptionOfType(IndexOutOfBoundsException.class).isThrownBy(() -> l.get(1000));
        assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> ((List<Object>) l).add(1.0));
        // an array whose numbers are followed by something else keeps every element, in order
        assertThat(JsonReader.parse("[1, 2, 3, 4, 5, 6, 7, 8, 9, \"x\", 10, null, [], [1], {}]")).isEqualTo(
                java.util.Arrays.asList(1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, "x", 10.0, null, List.of(),
                        List.of(1.0), Map.of()));
        assertThat(JsonReader.parse("[\"a\", 1, 2]")).isEqualTo(List.of("a", 1.0, 2.0));
        assertThat(JsonReader.parse("[true, -0.0, 1e300]")).isEqualTo(List.of(true, -0.0, 1e300));
        assertThat(JsonReader.parse("[]")).isEqualTo(List.of());
    }

    /**
     * Random documents (seeded) written as text and read back give the values they were written from: the compact
     * number arrays and the shared member names change nothing a reader sees.
     */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void randomDocumentsReadBackAsWritten(long seed) throws Exception {
        Random rnd = new Random(seed);
        for (int doc = 0; doc < 50; doc++) {
            StringBuilder text = new StringBuilder();
            Object value = randomValue(rnd, 0, text);
            assertThat(JsonReader.parse(text.toString())).as(text.toString()).isEqualTo(value);
        }
    }

    private static Object randomValue(Random rnd, int depth, StringBuilder out) {
        int kind = depth >= 4 ? 2 + rnd.nextInt(4) : rnd.nextInt(7);
        switch (kind) {
            case 0, 6 -> {
                Map<String, Object> m = new LinkedHashMap<>();
                out.append('{');
                int n = rnd.nextInt(5);
                for (int i = 0; i < n; i++) {
                    String k = List.of("image_id", "keypoints", "score", "id", "k" + rnd.nextInt(3)).get(rnd.nextInt(5));
                    if (m.containsKey(k)) {
                        continue;
                    }
                    out.append(m.isEmpty() ? "" : ",").append('"').append(k).append("\":");
                    m.put(k, randomValue(rnd, depth + 1, out));
                }
                out.append('}');
                return m;
            }
            case 1 -> {
                List<Object> l = new ArrayList<>();
                out.append('[');
                int n = rnd.nextInt(rnd.nextBoolean() ? 4 : 40);
                boolean numbers = rnd.nextBoolean();
                for (int i = 0; i < n; i++) {
                    out.append(i == 0 ? "" : ",");
                    l.add(numbers && rnd.nextInt(30) != 0 ? number(rnd, out) : randomValue(rnd, depth + 1, out));
                }
                out.append(']');
                return l;
            }
            case 2, 3 -> {
                return number(rnd, out);
            }
            case 4 -> {
                String s = "s" + rnd.nextInt(100);
                out.append('"').append(s).append('"');
                return s;
            }
            default -> {
                Object v = List.of(true, false, "null").get(rnd.nextInt(3));
                out.append(v);
                return v.equals("null") ? null : v;
            }
        }
    }

    private static Double number(Random rnd, StringBuilder out) {
        double v = rnd.nextBoolean() ? rnd.nextInt(2000) - 1000 : (rnd.nextDouble() - 0.5) * Math.pow(10, rnd.nextInt(9));
        String s = rnd.nextBoolean() ? String.format(Locale.ROOT, "%.3f", v) : Double.toString(v);
        out.append(s);
        return Double.parseDouble(s);
    }

    @Test
    void utf8TextIsCheckedWholeAndLosesItsByteOrderMark() throws Exception {
        String long8 = "[\"" + "é€𝄞".repeat(5000) + "\"]"; // multi-byte characters across the check's blocks
        assertThat(JsonReader.utf8Text(long8.getBytes(StandardCharsets.UTF_8))).isEqualTo(long8);
        assertThat(JsonReader.utf8Text(("\uFEFF" + long8).getBytes(StandardCharsets.UTF_8))).isEqualTo(long8);
        byte[] good = long8.getBytes(StandardCharsets.UTF_8);
        for (byte[] bad : List.of(new byte[] {'[', (byte) 0xC3, '(', ']'}, // a lead byte without its continuation
                java.util.Arrays.copyOf(good, good.length - 3), // a 4-byte character cut at the end
                new byte[] {'"', (byte) 0xC0, (byte) 0xAF, '"'}, // an overlong '/'
                "[\"é\"]".getBytes(StandardCharsets.UTF_16LE))) { // UTF-16 (ASCII alone would be UTF-8 with NULs)
            assertThatExceptionOfType(java.nio.charset.CharacterCodingException.class)
                    .isThrownBy(() -> JsonReader.utf8Text(bad));
        }
    }
}
