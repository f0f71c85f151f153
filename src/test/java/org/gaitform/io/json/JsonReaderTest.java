package org.gaitform.io.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
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
}
