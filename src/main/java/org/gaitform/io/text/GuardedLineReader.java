package org.gaitform.io.text;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import org.gaitform.model.GaitformException;

/**
 * A fast line reader that refuses absurdly long lines, so that a file of binary garbage or a single
 * gigabyte-long line cannot exhaust memory. Lines end at {@code \n}, {@code \r\n} or {@code \r}.
 * Not thread-safe.
 */
public final class GuardedLineReader implements Closeable {
    /** Longest line accepted (characters). */
    public static final int MAX_LINE_CHARS = 1 << 20;

    private final Reader in;
    private final String source;
    private final char[] buf = new char[1 << 16];
    private int pos;
    private int len;
    private long lineNumber;
    private boolean pendingCr;

    /**
     * @param in     the text (closed with this reader)
     * @param source file name used in error messages
     */
    public GuardedLineReader(Reader in, String source) {
        this.in = in;
        this.source = source;
    }

    /** 1-based number of the line most recently returned (0 before the first). */
    public long lineNumber() {
        return lineNumber;
    }

    /** The next line without its terminator, or {@code null} at the end of the input. */
    public String readLine() throws IOException {
        StringBuilder sb = null;
        while (true) {
            if (pos >= len) {
                len = in.read(buf, 0, buf.length);
                pos = 0;
                if (len <= 0) {
                    len = 0;
                    if (sb == null) {
                        return null;
                    }
                    lineNumber++;
                    return sb.toString();
                }
            }
            if (pendingCr) {
                pendingCr = false;
                if (buf[pos] == '\n') {
                    pos++;
                    continue;
                }
            }
            int start = pos;
            while (pos < len) {
                char c = buf[pos];
                if (c == '\n' || c == '\r') {
                    String line;
                    if (sb == null) {
                        line = new String(buf, start, pos - start);
                    } else {
                        sb.append(buf, start, pos - start);
                        line = sb.toString();
                    }
                    checkLength(line.length());
                    pos++;
                    if (c == '\r') {
                        if (pos < len) {
                            if (buf[pos] == '\n') {
                                pos++;
                            }
                        } else {
                            pendingCr = true;
                        }
                    }
                    lineNumber++;
                    return line;
                }
                pos++;
            }
            if (sb == null) {
                sb = new StringBuilder(Math.max(128, pos - start));
            }
            sb.append(buf, start, pos - start);
            checkLength(sb.length());
        }
    }

    private void checkLength(int n) {
        if (n > MAX_LINE_CHARS) {
            throw GaitformException.badInput(source, "line " + (lineNumber + 1),
                    "lines of at most " + MAX_LINE_CHARS + " characters",
                    "a longer line (binary data or a damaged file?)");
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
