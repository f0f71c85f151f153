package org.gaitform.io.watch;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import org.gaitform.model.GaitformException;

/**
 * Opens watch exports, transparently decompressing {@code .gz} files (Strava's bulk export compresses every
 * activity), with a limit on the decompressed size so that a small "zip bomb" cannot exhaust memory.
 */
final class WatchFiles {
    /** Largest export read, after decompression (bytes). */
    static final long MAX_BYTES = 512L << 20;

    private WatchFiles() {
    }

    static boolean gzipped(Path file) {
        return file.getFileName() != null && file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz");
    }

    /** The whole file, decompressed when it is {@code .gz}. */
    static byte[] readAll(Path file, String source) throws IOException {
        try (InputStream in = open(file, source)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toByteArray();
        }
    }

    /** A stream of the file's content, decompressed when it is {@code .gz}, that stops at {@link #MAX_BYTES}. */
    static InputStream open(Path file, String source) throws IOException {
        InputStream raw = Files.newInputStream(file);
        try {
            InputStream in = gzipped(file) ? new GZIPInputStream(raw, 1 << 16) : raw;
            return new Limited(in, MAX_BYTES, source);
        } catch (IOException e) {
            raw.close();
            throw GaitformException.badInput(source, "", "a gzip-compressed export", "data that do not decompress ("
                    + e.getMessage() + ")");
        }
    }

    private static final class Limited extends FilterInputStream {
        private long left;
        private final String source;

        Limited(InputStream in, long max, String source) {
            super(in);
            this.left = max;
            this.source = source;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            left -= n;
            if (left < 0) {
                throw GaitformException.badInput(source, "", "an export of at most " + (MAX_BYTES >> 20) + " MiB",
                        "more data than that (after decompression)");
            }
        }
    }
}
