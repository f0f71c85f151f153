package org.gaitform.io.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.gaitform.model.GaitformException;

/**
 * Fuzz target for the JSON parser (Jazzer): whatever the text, {@link JsonReader#parse} returns a document of maps,
 * lists, strings, finite numbers, booleans and nulls, or reports malformed JSON with its line and column (turned
 * into a {@link GaitformException} as the readers do); nothing else may be thrown. Regression inputs are in
 * {@code src/test/resources/org/gaitform/io/json/JsonReaderFuzzTestInputs/json/} (docs/fuzzing.md).
 */
public class JsonReaderFuzzTest {

    /** Parses the bytes as UTF-8 JSON; malformed JSON becomes a {@link GaitformException} as in the readers. */
    public static Object jsonRun(byte[] data) {
        String text = new String(data, StandardCharsets.UTF_8);
        try {
            return JsonReader.parse(text);
        } catch (JsonReader.JsonException e) {
            assertThat(e.line()).isPositive();
            assertThat(e.column()).isPositive();
            throw GaitformException.badInput("fuzz.json", e.where(), "valid JSON", e.getMessage());
        }
    }

    private static void valid(Object v, int depth) {
        assertThat(depth).isLessThanOrEqualTo(201);
        if (v instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                assertThat(e.getKey()).isInstanceOf(String.class);
                valid(e.getValue(), depth + 1);
            }
        } else if (v instanceof List<?> l) {
            for (Object o : l) {
                valid(o, depth + 1);
            }
        } else if (v instanceof Double d) {
            assertThat(d).isFinite();
        } else {
            assertThat(v == null || v instanceof String || v instanceof Boolean).as(String.valueOf(v)).isTrue();
        }
    }

    @FuzzTest(maxDuration = "3m")
    void json(byte[] data) {
        try {
            valid(jsonRun(data), 0);
        } catch (GaitformException expected) {
            assertThat(expected.getMessage()).startsWith("fuzz.json: line ");
        }
    }
}
