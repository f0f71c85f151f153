package org.gaitform.io.json;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;

/**
 * A small strict JSON parser (RFC 8259): objects become {@link LinkedHashMap}s, arrays {@link List}s, numbers
 * {@link Double}s, and {@code true}/{@code false}/{@code null} their Java counterparts. Errors name the line and
 * column. Numbers beyond the range of a double (such as {@code 1e999}) are errors, not infinities; nesting is limited
 * to 200 levels.
 *
 * <p>Pose estimators' outputs are mostly arrays of numbers (a person's keypoints), repeated for every frame. An array
 * holding numbers only is therefore kept as one {@code double[]} behind a read-only list whose elements are
 * {@link Double}s (8 bytes a number instead of a boxed {@code Double} and its reference, about 20), and member names
 * that repeat share one string. A 10-minute, two-person COCO results file (20 MB) took 111 MB as a tree of boxed
 * numbers and takes 41 MB so (measured once, {@code System.gc()} before and after parsing). The lists returned are
 * unmodifiable, as a parsed document is only read.
 */
public final class JsonReader {
    /** Malformed JSON, with the line and column where parsing stopped. */
    public static final class JsonException extends Exception {
        private static final long serialVersionUID = 1L;
        private final int line;
        private final int column;

        JsonException(String message, int line, int column) {
            super(message);
            this.line = line;
            this.column = column;
        }

        public int line() {
            return line;
        }

        public int column() {
            return column;
        }

        /** "line L, column C". */
        public String where() {
            return "line " + line + ", column " + column;
        }
    }

    private static final int MAX_DEPTH = 200;
    private final String text;
    private int pos;
    private int depth;
    /** Member names seen so far: a name repeated in every frame's object is kept once. */
    private final Map<String, String> names = new HashMap<>();

    private JsonReader(String text) {
        this.text = text;
    }

    /** Parses a complete JSON document. */
    public static Object parse(String text) throws JsonException {
        JsonReader r = new JsonReader(text);
        r.skipWs();
        Object v = r.value();
        r.skipWs();
        if (r.pos < text.length()) {
            throw r.error("expected the end of the document, found '" + text.charAt(r.pos) + "'");
        }
        return v;
    }

    /**
     * The text of a JSON file's bytes, which must be UTF-8 (RFC 8259), without the byte-order mark some tools write
     * before it. The bytes are checked a block at a time, so no UTF-16 copy of the whole text is made on the way (a
     * 20 MB file would take 40 MB so).
     *
     * @throws CharacterCodingException when the bytes are not UTF-8
     */
    public static String utf8Text(byte[] bytes) throws CharacterCodingException {
        CharsetDecoder check = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer block = CharBuffer.allocate(8192);
        while (true) {
            CoderResult r = check.decode(in, block, true);
            if (r.isError()) {
                r.throwException();
            }
            block.clear();
            if (r.isUnderflow()) {
                break;
            }
        }
        CoderResult r = check.flush(block);
        if (r.isError()) {
            r.throwException();
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private Object value() throws JsonException {
        if (pos >= text.length()) {
            throw error("expected a value, found the end of the text");
        }
        char c = text.charAt(pos);
        return switch (c) {
            case '{' -> object();
            case '[' -> array();
            case '"' -> string();
            case 't' -> literal("true", Boolean.TRUE);
            case 'f' -> literal("false", Boolean.FALSE);
            case 'n' -> literal("null", null);
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) {
                    yield number();
                }
                throw error("expected a value, found '" + c + "'");
            }
        };
    }

    private Map<String, Object> object() throws JsonException {
        enter();
        pos++;
        Map<String, Object> m = new LinkedHashMap<>();
        skipWs();
        if (peek() == '}') {
            pos++;
            depth--;
            return m;
        }
        while (true) {
            skipWs();
            if (peek() != '"') {
                throw error("expected a quoted member name");
            }
            String k = names.computeIfAbsent(string(), n -> n);
            skipWs();
            expect(':');
            skipWs();
            m.put(k, value());
            skipWs();
            char c = peek();
            if (c == ',') {
                pos++;
            } else if (c == '}') {
                pos++;
                depth--;
                return m;
            } else {
                throw error("expected ',' or '}' in an object");
            }
        }
    }

    private List<Object> array() throws JsonException {
        enter();
        pos++;
        skipWs();
        if (peek() == ']') {
            pos++;
            depth--;
            return List.of();
        }
        double[] numbers = new double[8]; // the array's leading numbers, while nothing else has come
        int count = 0;
        List<Object> l = null;
        while (true) {
            skipWs();
            Object v = value();
            if (l == null && v instanceof Double d) {
                if (count == numbers.length) {
                    numbers = Arrays.copyOf(numbers, 2 * count);
                }
                numbers[count++] = d;
            } else {
                if (l == null) {
                    l = new ArrayList<>(count + 4);
                    for (int i = 0; i < count; i++) {
                        l.add(numbers[i]);
                    }
                }
                l.add(v);
            }
            skipWs();
            char c = peek();
            if (c == ',') {
                pos++;
            } else if (c == ']') {
                pos++;
                depth--;
                return l == null ? new Numbers(Arrays.copyOf(numbers, count)) : Collections.unmodifiableList(l);
            } else {
                throw error("expected ',' or ']' in an array");
            }
        }
    }

    /** An array of numbers only, read-only, its elements boxed when they are read. */
    private static final class Numbers extends AbstractList<Object> implements RandomAccess {
        private final double[] values;

        Numbers(double[] values) {
            this.values = values;
        }

        @Override
        public Object get(int index) {
            return values[index]; // bounds checked by the array
        }

        @Override
        public int size() {
            return values.length;
        }
    }

    private void enter() throws JsonException {
        if (++depth > MAX_DEPTH) {
            throw error("nesting deeper than " + MAX_DEPTH + " levels");
        }
    }

    private String string() throws JsonException {
        pos++;
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (pos >= text.length()) {
                throw error("unterminated string");
            }
            char c = text.charAt(pos++);
            if (c == '"') {
                return sb.toString();
            }
            if (c == '\\') {
                if (pos >= text.length()) {
                    throw error("unterminated escape");
                }
                char e = text.charAt(pos++);
                switch (e) {
                    case '"', '\\', '/' -> sb.append(e);
                    case 'b' -> sb.append('\b');
                    case 'f' -> sb.append('\f');
                    case 'n' -> sb.append('\n');
                    case 'r' -> sb.append('\r');
                    case 't' -> sb.append('\t');
                    case 'u' -> {
                        if (pos + 4 > text.length()) {
                            throw error("short \\u escape");
                        }
                        try {
                            sb.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                        } catch (NumberFormatException ex) {
                            throw error("bad \\u escape");
                        }
                        pos += 4;
                    }
                    default -> throw error("unknown escape '\\" + e + "'");
                }
            } else if (c < 0x20) {
                throw error("control character in a string");
            } else {
                sb.append(c);
            }
        }
    }

    private Double number() throws JsonException {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        while (pos < text.length() && "0123456789.eE+-".indexOf(text.charAt(pos)) >= 0) {
            pos++;
        }
        String s = text.substring(start, pos);
        String shown = s.length() > 40 ? s.substring(0, 37) + "..." : s;
        double v;
        try {
            v = Double.parseDouble(s);
        } catch (NumberFormatException e) {
            pos = start;
            throw error("malformed number '" + shown + "'");
        }
        if (Double.isInfinite(v)) {
            pos = start;
            throw error("number out of range '" + shown + "'");
        }
        return v;
    }

    private Object literal(String word, Object v) throws JsonException {
        if (!text.startsWith(word, pos)) {
            throw error("expected '" + word + "'");
        }
        pos += word.length();
        return v;
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private void expect(char c) throws JsonException {
        if (peek() != c) {
            throw error("expected '" + c + "'");
        }
        pos++;
    }

    private void skipWs() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                pos++;
            } else {
                break;
            }
        }
    }

    private JsonException error(String message) {
        int line = 1;
        int col = 1;
        for (int i = 0; i < Math.min(pos, text.length()); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                col = 1;
            } else {
                col++;
            }
        }
        return new JsonException(message, line, col);
    }
}
