package org.gaitform.io.text;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import org.gaitform.model.GaitformException;

/**
 * Lines of a text table for a reader of many rows, without a string per line: a line that holds only ASCII characters
 * (nearly every line of a numeric export) is handed over as the bytes the file holds ({@link #bytes()} from
 * {@link #from()} to {@link #to()}), to be split and parsed in place; any other line as the text it decodes to
 * ({@link #line()}). The lines, their numbers and their text are exactly those {@link GuardedLineReader} gives for the
 * same {@link TextDecoding} — lines end at {@code \n}, {@code \r\n} or {@code \r}, absurdly long lines are refused with
 * the same message — so a reader may use either.
 *
 * <p>Files in an encoding that writes ASCII characters as single bytes of the same value (UTF-8, windows-1252,
 * Latin-1, US-ASCII) are read as bytes: a line break, a separator, a digit can be found without decoding, and a byte
 * of a multi-byte character is never one of them. Others (UTF-16) are decoded by a {@link GuardedLineReader} and
 * their ASCII lines converted to bytes. Not thread-safe.
 */
public final class ByteLineReader implements Closeable {
    private static final Set<String> ASCII_COMPATIBLE = Set.of("UTF-8", "windows-1252", "ISO-8859-1", "US-ASCII");

    private final InputStream in;
    private final GuardedLineReader chars;
    private final Charset charset;
    private final String source;
    private byte[] buf = new byte[1 << 16];
    private int pos;
    private int len;
    private boolean eof;
    private boolean pendingCr;
    private long lineNumber;
    private int from;
    private int to;
    private String line;

    private ByteLineReader(InputStream in, GuardedLineReader chars, Charset charset, String source) {
        this.in = in;
        this.chars = chars;
        this.charset = charset;
        this.source = source;
    }

    /**
     * Opens a table.
     *
     * @param file     its bytes
     * @param decoding its encoding (the byte-order mark is skipped)
     * @param source   its name in messages
     */
    public static ByteLineReader open(ByteSource file, TextDecoding decoding, String source) throws IOException {
        if (!ASCII_COMPATIBLE.contains(decoding.charset().name())) {
            return new ByteLineReader(null, new GuardedLineReader(decoding.open(file), source), decoding.charset(),
                    source);
        }
        InputStream in = file.open();
        try {
            if (in.skip(decoding.bomBytes()) != decoding.bomBytes()) {
                throw new IOException("could not skip the byte-order mark");
            }
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
        return new ByteLineReader(in, null, decoding.charset(), source);
    }

    /** 1-based number of the current line (0 before the first). */
    public long lineNumber() {
        return lineNumber;
    }

    /** True when the current line holds only ASCII characters: its bytes are {@link #bytes()} from {@link #from()}. */
    public boolean ascii() {
        return line == null;
    }

    /** The buffer that holds the current line when it is {@linkplain #ascii() ASCII} (valid until {@link #next}). */
    public byte[] bytes() {
        return buf;
    }

    /** Where the current ASCII line starts in {@link #bytes()}. */
    public int from() {
        return from;
    }

    /** Where the current ASCII line ends (exclusive, without its terminator) in {@link #bytes()}. */
    public int to() {
        return to;
    }

    /** As {@link String#isBlank} of the current line, without making a string of an ASCII line. */
    public boolean blank() {
        if (line != null) {
            return line.isBlank();
        }
        for (int i = from; i < to; i++) {
            if (!Character.isWhitespace((char) buf[i])) {
                return false;
            }
        }
        return true;
    }

    /** True when the current line holds the character {@code c} (an ASCII character). */
    public boolean has(char c) {
        if (line != null) {
            return line.indexOf(c) >= 0;
        }
        for (int i = from; i < to; i++) {
            if (buf[i] == c) {
                return true;
            }
        }
        return false;
    }

    /** The current line as text. */
    public String line() {
        return line != null ? line : new String(buf, from, to - from, StandardCharsets.ISO_8859_1);
    }

    /** Moves to the next line; false at the end of the input. */
    public boolean next() throws IOException {
        return chars != null ? nextDecoded() : nextBytes();
    }

    private boolean nextDecoded() throws IOException {
        String s = chars.readLine();
        if (s == null) {
            return false;
        }
        lineNumber = chars.lineNumber();
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                line = s;
                return true;
            }
        }
        if (buf.length < s.length()) {
            buf = new byte[s.length()];
        }
        for (int i = 0; i < s.length(); i++) {
            buf[i] = (byte) s.charAt(i); // ASCII: one byte per character
        }
        line = null;
        from = 0;
        to = s.length();
        return true;
    }

    private boolean nextBytes() throws IOException {
        if (pendingCr) {
            while (pos >= len) {
                if (!fill(pos)) {
                    return false;
                }
            }
            pendingCr = false;
            if (buf[pos] == '\n') {
                pos++;
            }
        }
        int scan = pos;
        boolean ascii = true;
        while (true) {
            if (scan >= len) {
                int start = pos;
                if (!fill(scan)) {
                    // the end: the last line has no terminator, or there is none
                    return pos < len && found(pos, len, ascii, len);
                }
                scan -= start - pos; // the line moved to the start of the buffer
                continue;
            }
            byte b = buf[scan];
            if (b == '\n' || b == '\r') {
                pendingCr = b == '\r';
                return found(pos, scan, ascii, scan + 1);
            }
            if (b < 0) {
                ascii = false;
            }
            scan++;
        }
    }

    /** The line of bytes {@code a} to {@code b}; reading goes on at {@code next}. */
    private boolean found(int a, int b, boolean ascii, int next) {
        if (ascii) {
            checkLength(b - a);
            line = null;
            from = a;
            to = b;
        } else {
            String s = new String(buf, a, b - a, charset);
            checkLength(s.length());
            line = s;
        }
        pos = next;
        lineNumber++;
        return true;
    }

    /**
     * Reads more bytes after those of the line being read (from {@link #pos}), moving them to the start of the buffer
     * or growing it; false at the end of the input.
     *
     * @param scanned where the search for the line's end has got to
     */
    private boolean fill(int scanned) throws IOException {
        if (eof) {
            return false;
        }
        // a line of more than MAX_LINE_CHARS characters is refused, as GuardedLineReader does: at least a third as
        // many characters as bytes whatever the encoding, and one per byte when ASCII (checked when the line ends)
        if (scanned - pos > 3 * GuardedLineReader.MAX_LINE_CHARS) {
            checkLength(Integer.MAX_VALUE);
        }
        int kept = len - pos;
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, kept);
            pos = 0;
            len = kept;
        }
        if (len == buf.length) {
            buf = Arrays.copyOf(buf, buf.length * 2);
        }
        int n = in.read(buf, len, buf.length - len);
        if (n < 0) {
            eof = true;
            return false;
        }
        len += n;
        return true;
    }

    private void checkLength(int n) {
        if (n > GuardedLineReader.MAX_LINE_CHARS) {
            throw GaitformException.badInput(source, "line " + (lineNumber + 1),
                    "lines of at most " + GuardedLineReader.MAX_LINE_CHARS + " characters",
                    "a longer line (binary data or a damaged file?)");
        }
    }

    @Override
    public void close() throws IOException {
        if (chars != null) {
            chars.close();
        } else {
            in.close();
        }
    }
}
