package org.gaitform.io.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.gaitform.model.GaitformException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link ByteLineReader} gives the lines, line numbers and text that {@link GuardedLineReader} gives for the same bytes
 * and encoding: on random texts of ASCII and other characters, every kind of line break (also split between two reads
 * and at the end), in UTF-8 with and without a byte-order mark, windows-1252 and UTF-16, read whole or a few bytes at a
 * time; its ASCII lines are the bytes the file holds.
 */
class ByteLineReaderTest {
    private static final String[] PIECES = {"a", "1", ",", ";", ".", "-", " ", "\t", "\n", "\r", "\r\n", "\"", "é",
        "€", "\u3000", "\u0000", "\u001F", "2019-08-06 10:25:50:020", "-0.4620,0.7319,0.4453"};

    @ParameterizedTest
    @CsvSource({"UTF-8,0,1", "UTF-8,3,2", "windows-1252,0,3", "UTF-16LE,2,4", "UTF-16BE,0,5", "UTF-8,0,6",
        "windows-1252,0,7"})
    void sameLinesAsTheCharacterReader(String charsetName, int bomBytes, long seed) throws IOException {
        Charset cs = Charset.forName(charsetName);
        Random rnd = new Random(seed);
        for (int text = 0; text < 12; text++) {
            StringBuilder sb = new StringBuilder();
            int pieces = rnd.nextInt(text < 6 ? 40 : 40_000); // long texts cross the reader's 64 KiB buffer
            for (int i = 0; i < pieces; i++) {
                String p = PIECES[rnd.nextInt(PIECES.length)];
                sb.append(cs.newEncoder().canEncode(p) ? p : "?");
                if (rnd.nextInt(5000) == 0) {
                    sb.append("x".repeat(70_000 + rnd.nextInt(70_000))); // a line longer than the buffer
                }
            }
            byte[] body = sb.toString().getBytes(cs);
            if (rnd.nextBoolean() && cs.equals(StandardCharsets.UTF_8) && body.length > 2) {
                body[rnd.nextInt(body.length)] = (byte) 0xC3; // a broken multi-byte sequence: replaced the same way
            }
            byte[] bytes = withBom(body, cs, bomBytes);
            TextDecoding dec = new TextDecoding(cs, bomBytes, "test");
            boolean chunky = rnd.nextBoolean();
            ByteSource src = () -> chunky ? new Chunky(bytes, rnd.nextLong()) : new ByteArrayInputStream(bytes);
            assertThat(byteLines(src, dec)).as("text %d, %s", text, cs).isEqualTo(charLines(src, dec));
        }
    }

    @Test
    void asciiLinesAreTheFilesBytesInPlace() throws IOException {
        byte[] bytes = "t,x\r\n1,2.5\n\n é,3\r4,5".getBytes(StandardCharsets.UTF_8);
        try (ByteLineReader r = ByteLineReader.open(() -> new ByteArrayInputStream(bytes),
                new TextDecoding(StandardCharsets.UTF_8, 0, "test"), "f.csv")) {
            assertThat(r.next()).isTrue();
            assertThat(r.ascii()).isTrue();
            assertThat(new String(r.bytes(), r.from(), r.to() - r.from(), StandardCharsets.US_ASCII)).isEqualTo("t,x");
            assertThat(r.next()).isTrue();
            assertThat(r.line()).isEqualTo("1,2.5");
            assertThat(r.next()).isTrue();
            assertThat(r.ascii()).isTrue();
            assertThat(r.to()).isEqualTo(r.from());
            assertThat(r.next()).isTrue();
            assertThat(r.ascii()).isFalse();
            assertThat(r.line()).isEqualTo(" é,3");
            assertThat(r.next()).isTrue();
            assertThat(r.line()).isEqualTo("4,5");
            assertThat(r.lineNumber()).isEqualTo(5);
            assertThat(r.next()).isFalse();
        }
    }

    @Test
    void anAbsurdlyLongLineIsRefusedAsByTheCharacterReader() throws IOException {
        int max = GuardedLineReader.MAX_LINE_CHARS;
        for (String line : List.of("7".repeat(max), "7".repeat(max + 1), "é".repeat(max / 2 + 1), "é".repeat(max + 1))) {
            byte[] bytes = ("a\n" + line + "\nb\n").getBytes(StandardCharsets.UTF_8);
            TextDecoding dec = new TextDecoding(StandardCharsets.UTF_8, 0, "test");
            ByteSource src = () -> new ByteArrayInputStream(bytes);
            if (line.length() <= max) {
                assertThat(byteLines(src, dec)).isEqualTo(charLines(src, dec));
                continue;
            }
            String expected = null;
            try {
                charLines(src, dec);
            } catch (GaitformException e) {
                expected = e.getMessage();
            }
            assertThat(expected).contains("line 2");
            assertThatThrownBy(() -> byteLines(src, dec)).isInstanceOf(GaitformException.class).hasMessage(expected);
        }
    }

    private static List<String> byteLines(ByteSource src, TextDecoding dec) throws IOException {
        List<String> out = new ArrayList<>();
        try (ByteLineReader r = ByteLineReader.open(src, dec, "f.csv")) {
            while (r.next()) {
                String line = r.line();
                if (r.ascii()) {
                    assertThat(line.chars().allMatch(c -> c < 0x80)).isTrue();
                    assertThat(new String(r.bytes(), r.from(), r.to() - r.from(), StandardCharsets.US_ASCII))
                            .isEqualTo(line);
                } else {
                    assertThat(line.chars().anyMatch(c -> c >= 0x80)).as(line).isTrue();
                }
                out.add(r.lineNumber() + ":" + line);
            }
        }
        return out;
    }

    private static List<String> charLines(ByteSource src, TextDecoding dec) throws IOException {
        List<String> out = new ArrayList<>();
        try (GuardedLineReader r = new GuardedLineReader(dec.open(src), "f.csv")) {
            String line;
            while ((line = r.readLine()) != null) {
                out.add(r.lineNumber() + ":" + line);
            }
        }
        return out;
    }

    private static byte[] withBom(byte[] body, Charset cs, int bomBytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (bomBytes > 0) {
            byte[] bom = cs.equals(StandardCharsets.UTF_8) ? new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}
                    : cs.equals(StandardCharsets.UTF_16LE) ? new byte[] {(byte) 0xFF, (byte) 0xFE}
                    : new byte[] {(byte) 0xFE, (byte) 0xFF};
            out.writeBytes(bom);
        }
        out.writeBytes(body);
        return out.toByteArray();
    }

    /** A stream that gives a few bytes at a time, as a network or archive stream may. */
    private static final class Chunky extends InputStream {
        private final byte[] bytes;
        private final Random rnd;
        private int at;

        Chunky(byte[] bytes, long seed) {
            this.bytes = bytes;
            this.rnd = new Random(seed);
        }

        @Override
        public int read() {
            return at < bytes.length ? bytes[at++] & 0xFF : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (at >= bytes.length) {
                return -1;
            }
            int n = Math.min(Math.min(len, 1 + rnd.nextInt(9)), bytes.length - at);
            System.arraycopy(bytes, at, b, off, n);
            at += n;
            return n;
        }
    }
}
