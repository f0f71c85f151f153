package org.gaitform.io.watch;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import org.gaitform.io.archive.InflationBudget;
import org.gaitform.model.GaitformException;

/**
 * Opens watch exports, transparently decompressing {@code .gz} files (Strava's bulk export compresses every
 * activity), with a limit on the decompressed size so that a small "zip bomb" cannot exhaust memory; every byte
 * decompressed also counts against the batch's {@link InflationBudget}.
 */
final class WatchFiles {
    /** Largest export read, after decompression (bytes). */
    static final long MAX_BYTES = 512L << 20;

    private WatchFiles() {
    }

    static boolean gzipped(Path file) {
        return file.getFileName() != null && file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz");
    }

    /**
     * The whole file, decompressed when it is {@code .gz}, at most {@code maxBytes} of it (more is an error naming
     * {@code what}, for example "a FIT file").
     */
    static byte[] readAll(Path file, String source, long maxBytes, String what) throws IOException {
        return readAll(Files.newInputStream(file), gzipped(file), source, maxBytes, what);
    }

    /** A stream of the file's content, decompressed when it is {@code .gz}, that stops at {@link #MAX_BYTES}. */
    static InputStream open(Path file, String source) throws IOException {
        return open(file, source, MAX_BYTES, "an export");
    }

    static InputStream open(Path file, String source, long maxBytes, String what) throws IOException {
        return open(Files.newInputStream(file), gzipped(file), source, maxBytes, what);
    }

    /**
     * A stream of {@code raw}'s content (an entry of an account export, say), decompressed when {@code gz}, that stops
     * at {@code maxBytes}; decompressed bytes count against the batch's {@link InflationBudget}. Closing it closes
     * {@code raw}.
     */
    static InputStream open(InputStream raw, boolean gz, String source, long maxBytes, String what) throws IOException {
        try {
            InputStream in = gz ? new GZIPInputStream(raw, 1 << 16) : raw;
            return new Limited(in, maxBytes, source, what, gz ? InflationBudget.current() : null);
        } catch (IOException e) {
            raw.close();
            throw GaitformException.badInput(source, "", "a gzip-compressed export", "data that do not decompress ("
                    + e.getMessage() + ")");
        }
    }

    /** The whole of {@code raw}, decompressed when {@code gz}, at most {@code maxBytes} of it; closes {@code raw}. */
    static byte[] readAll(InputStream raw, boolean gz, String source, long maxBytes, String what) throws IOException {
        try (InputStream in = open(raw, gz, source, maxBytes, what)) {
            return in.readAllBytes();
        } catch (java.util.zip.ZipException | java.io.EOFException e) {
            throw GaitformException.badInput(source, "", "a gzip-compressed export", "data that do not decompress ("
                    + e.getMessage() + ")");
        }
    }

    private static final class Limited extends FilterInputStream {
        private final long max;
        private final String what;
        private long left;
        private final String source;
        private final InflationBudget budget;

        Limited(InputStream in, long max, String source, String what, InflationBudget budget) {
            super(in);
            this.max = max;
            this.left = max;
            this.source = source;
            this.what = what;
            this.budget = budget;
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
                throw GaitformException.badInput(source, "", what + " of at most " + (max >> 20) + " MiB",
                        "more data than that" + (budget != null ? " (after decompression)" : "") + ": the file is too large "
                                + "to read (split the export, or export a shorter activity)");
            }
            if (budget != null) {
                budget.charge(n, source);
            }
        }
    }
}
