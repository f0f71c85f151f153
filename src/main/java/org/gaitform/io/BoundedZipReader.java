package org.gaitform.io;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import org.gaitform.model.GaitformException;

/**
 * Reads zip archives that gaitform did not write, within limits, so that a small hostile archive cannot exhaust
 * memory or disk: at most {@link Limits#maxEntries()} entries; every byte inflated counts against one budget for the
 * whole archive (nested archives included) and against a limit per entry; entries whose data overlap in the archive
 * (the "overlapping files" zip bomb, where many central-directory entries point at the same compressed data) are
 * refused before anything is inflated; names that are absolute or climb out with {@code ..} are refused. Nothing
 * is extracted to disk: entries are read as streams or, bounded, into memory.
 *
 * <p>An archive inside the archive (a Garmin Connect export holds zips of FIT files) is read as a stream
 * ({@link #forEachNested}), entry by entry, against the same budget.
 */
public final class BoundedZipReader implements Closeable {
    /**
     * The limits.
     *
     * @param maxEntries        entries in one archive (nested ones counted on their own)
     * @param maxEntryBytes     bytes one entry may inflate to
     * @param maxTotalBytes     bytes the whole archive, nested archives included, may inflate to
     */
    public record Limits(int maxEntries, long maxEntryBytes, long maxTotalBytes) {
        /**
         * Defaults for a runner's account export: 200 000 entries (a Strava export of 20 years holds a few
         * thousand), 512 MiB per entry (a nested archive of FIT files; one activity is rarely 10 MiB), 64 GiB in all
         * (an account of 20 years of daily runs is a few GiB).
         */
        public static final Limits ACCOUNT_EXPORT = new Limits(200_000, 512L << 20, 64L << 30);
    }

    /** Bytes inflated so far, shared by an archive and the archives nested in it. */
    public static final class Budget {
        private final long max;
        private long used;

        public Budget(long max) {
            this.max = max;
        }

        synchronized void take(long n, String source) {
            used += n;
            if (used > max) {
                throw GaitformException.badInput(source, "", "an archive that inflates to at most " + (max >> 20)
                        + " MiB", "more than that (a zip bomb?)");
            }
        }

        /** Bytes inflated so far. */
        public synchronized long used() {
            return used;
        }
    }

    private final ZipFile zip;
    private final String source;
    private final Limits limits;
    private final Budget budget;
    private final Map<String, ZipEntry> entries = new LinkedHashMap<>();

    private BoundedZipReader(ZipFile zip, String source, Limits limits, Budget budget) {
        this.zip = zip;
        this.source = source;
        this.limits = limits;
        this.budget = budget;
    }

    /**
     * Opens an archive after checking its central directory: entry count, overlapping entries, unsafe names.
     *
     * @throws GaitformException when the archive breaks a limit or is not a zip archive
     */
    public static BoundedZipReader open(Path file, String source, Limits limits) throws IOException {
        checkDirectory(file, source, limits);
        ZipFile z;
        try {
            z = new ZipFile(file.toFile());
        } catch (ZipException e) {
            throw GaitformException.badInput(source, "", "a zip archive", "data that are not one (" + e.getMessage()
                    + ")");
        }
        BoundedZipReader r = new BoundedZipReader(z, source, limits, new Budget(limits.maxTotalBytes()));
        try {
            var en = z.entries();
            while (en.hasMoreElements()) {
                ZipEntry e = en.nextElement();
                String name = e.getName();
                checkName(name, source);
                if (!e.isDirectory()) {
                    r.entries.put(name, e);
                }
            }
        } catch (RuntimeException e) {
            z.close();
            throw e;
        }
        return r;
    }

    private static void checkName(String name, String source) {
        String n = name.replace('\\', '/');
        if (n.startsWith("/") || n.matches("^[A-Za-z]:.*") || n.equals("..") || n.startsWith("../")
                || n.contains("/../") || n.endsWith("/..")) {
            throw GaitformException.badInput(source, "entry '" + name.replaceAll("\\p{Cntrl}", "?") + "'",
                    "relative names inside the archive", "a name that leaves it");
        }
    }

    /** The files of the archive (no folders), in archive order. */
    public List<String> names() {
        return List.copyOf(entries.keySet());
    }

    /** True when the archive has this file. */
    public boolean has(String name) {
        return entries.containsKey(name);
    }

    /** The budget this archive's reads count against. */
    public Budget budget() {
        return budget;
    }

    /** An entry's content as a stream, counted against the entry limit and the archive's budget. */
    public InputStream open(String name) throws IOException {
        ZipEntry e = entries.get(name);
        if (e == null) {
            throw GaitformException.badInput(source, "entry '" + name + "'", "an entry of the archive", "none");
        }
        return new Counted(zip.getInputStream(e), limits.maxEntryBytes(), budget, source + "!" + name);
    }

    /** An entry's content, at most {@code max} bytes (and within the limits). */
    public byte[] read(String name, long max) throws IOException {
        try (InputStream in = open(name)) {
            return readAll(in, max, source + "!" + name);
        }
    }

    /** Reads a stream into memory, at most {@code max} bytes. */
    public static byte[] readAll(InputStream in, long max, String what) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[1 << 16];
        long total = 0;
        int n;
        while ((n = in.read(buf)) > 0) {
            total += n;
            if (total > max) {
                throw GaitformException.badInput(what, "", "an entry of at most " + (max >> 20) + " MiB",
                        "more than that");
            }
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }

    /** What {@link #forEachNested} hands over: an entry of a nested archive. */
    public interface NestedEntry {
        void accept(String name, InputStream content) throws IOException;
    }

    /**
     * Reads an archive nested in this one as a stream, entry by entry (nothing is extracted), against the same
     * budget, at most {@link Limits#maxEntries()} entries. The consumer reads each entry's content (bounded by the
     * entry limit) before the next one is opened.
     */
    public void forEachNested(String name, NestedEntry consumer) throws IOException {
        try (InputStream raw = open(name); ZipInputStream z = new ZipInputStream(raw)) {
            ZipEntry e;
            int count = 0;
            while ((e = z.getNextEntry()) != null) {
                if (++count > limits.maxEntries()) {
                    throw GaitformException.badInput(source + "!" + name, "", "at most " + limits.maxEntries()
                            + " entries", "more");
                }
                checkName(e.getName(), source + "!" + name);
                if (e.isDirectory()) {
                    continue;
                }
                // the nested entries' inflated bytes count against the same budget (the nested archive's own
                // bytes were counted as they were read: conservative, never less than what was inflated)
                InputStream entry = new Counted(new NoClose(z), limits.maxEntryBytes(), budget,
                        source + "!" + name + "!" + e.getName());
                consumer.accept(e.getName(), entry);
            }
        } catch (ZipException e) {
            throw GaitformException.badInput(source + "!" + name, "", "a zip archive", "data that are not one ("
                    + e.getMessage() + ")");
        }
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }

    /** A stream that counts what it delivers against an entry limit and a shared budget. */
    private static final class Counted extends FilterInputStream {
        private final long max;
        private final Budget budget;
        private final String what;
        private long read;

        Counted(InputStream in, long max, Budget budget, String what) {
            super(in);
            this.max = max;
            this.budget = budget;
            this.what = what;
        }

        private void count(long n) {
            read += n;
            if (read > max) {
                throw GaitformException.badInput(what, "", "an entry that inflates to at most " + (max >> 20) + " MiB",
                        "more than that (a zip bomb?)");
            }
            budget.take(n, what);
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
    }

    /** A stream whose close does nothing (a nested entry is closed by moving to the next one). */
    private static final class NoClose extends FilterInputStream {
        NoClose(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
            // the archive stream stays open for the next entry
        }
    }

    /**
     * Reads the central directory and refuses the archive when it has too many entries or entries whose data
     * overlap. Each entry occupies, from its local header's offset, at least the 30-byte local header, its name
     * and its compressed data; two entries may not share a byte.
     */
    static void checkDirectory(Path file, String source, Limits limits) throws IOException {
        try (SeekableByteChannel ch = Files.newByteChannel(file)) {
            long size = ch.size();
            if (size < 22) {
                throw GaitformException.badInput(source, "", "a zip archive", "a file of " + size + " bytes");
            }
            // end of central directory: in the last 64 KiB + 22 bytes
            int tail = (int) Math.min(size, 65_557);
            ByteBuffer b = read(ch, size - tail, tail);
            int eocd = -1;
            for (int i = tail - 22; i >= 0; i--) {
                if (b.getInt(i) == 0x06054b50) {
                    eocd = i;
                    break;
                }
            }
            if (eocd < 0) {
                throw GaitformException.badInput(source, "", "a zip archive", "no end-of-central-directory record");
            }
            long entries = b.getShort(eocd + 10) & 0xFFFF;
            long cdSize = b.getInt(eocd + 12) & 0xFFFFFFFFL;
            long cdOffset = b.getInt(eocd + 16) & 0xFFFFFFFFL;
            if (entries == 0xFFFF || cdOffset == 0xFFFFFFFFL || cdSize == 0xFFFFFFFFL) {
                // ZIP64: its locator sits just before the end record
                long locPos = size - tail + eocd - 20;
                if (locPos >= 0) {
                    ByteBuffer loc = read(ch, locPos, 20);
                    if (loc.getInt(0) == 0x07064b50) {
                        ByteBuffer z64 = read(ch, loc.getLong(8), 56);
                        if (z64.getInt(0) == 0x06064b50) {
                            entries = z64.getLong(32);
                            cdSize = z64.getLong(40);
                            cdOffset = z64.getLong(48);
                        }
                    }
                }
            }
            if (entries > limits.maxEntries()) {
                throw GaitformException.badInput(source, "", "at most " + limits.maxEntries() + " entries in the archive",
                        entries + " entries");
            }
            if (cdOffset + cdSize > size || cdSize > 64L << 20) {
                throw GaitformException.badInput(source, "", "a zip archive with its directory inside the file",
                        "a directory beyond its end");
            }
            ByteBuffer cd = read(ch, cdOffset, (int) cdSize);
            List<long[]> spans = new ArrayList<>();
            int p = 0;
            while (p + 46 <= cdSize && cd.getInt(p) == 0x02014b50) {
                long comp = cd.getInt(p + 20) & 0xFFFFFFFFL;
                int nameLen = cd.getShort(p + 28) & 0xFFFF;
                int extraLen = cd.getShort(p + 30) & 0xFFFF;
                int commentLen = cd.getShort(p + 32) & 0xFFFF;
                long offset = cd.getInt(p + 42) & 0xFFFFFFFFL;
                long uncomp = cd.getInt(p + 24) & 0xFFFFFFFFL;
                // ZIP64 extra field: the 64-bit values of those that are 0xFFFFFFFF, in order
                int e = p + 46 + nameLen;
                int end = Math.min(e + extraLen, (int) cdSize);
                while (e + 4 <= end) {
                    int id = cd.getShort(e) & 0xFFFF;
                    int len = cd.getShort(e + 2) & 0xFFFF;
                    if (id == 0x0001) {
                        int q = e + 4;
                        if (uncomp == 0xFFFFFFFFL && q + 8 <= end) {
                            q += 8;
                        }
                        if (comp == 0xFFFFFFFFL && q + 8 <= end) {
                            comp = cd.getLong(q);
                            q += 8;
                        }
                        if (offset == 0xFFFFFFFFL && q + 8 <= end) {
                            offset = cd.getLong(q);
                        }
                    }
                    e += 4 + len;
                }
                spans.add(new long[] {offset, offset + 30 + nameLen + comp});
                if (spans.size() > limits.maxEntries()) {
                    throw GaitformException.badInput(source, "", "at most " + limits.maxEntries() + " entries in the "
                            + "archive", "more");
                }
                p += 46 + nameLen + extraLen + commentLen;
            }
            spans.sort(Comparator.comparingLong(s -> s[0]));
            for (int i = 1; i < spans.size(); i++) {
                if (spans.get(i)[0] < spans.get(i - 1)[1]) {
                    throw GaitformException.badInput(source, "", "a zip archive whose entries each have their own data",
                            "entries that overlap (a zip bomb?)");
                }
            }
            if (!spans.isEmpty() && spans.get(spans.size() - 1)[1] > cdOffset) {
                throw GaitformException.badInput(source, "", "entries before the archive's directory",
                        "an entry running into it");
            }
        } catch (IndexOutOfBoundsException | java.nio.BufferUnderflowException e) {
            throw GaitformException.badInput(source, "", "a zip archive", "a damaged or cut archive directory");
        }
    }

    private static ByteBuffer read(SeekableByteChannel ch, long pos, int len) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(len).order(ByteOrder.LITTLE_ENDIAN);
        ch.position(pos);
        while (b.hasRemaining()) {
            if (ch.read(b) < 0) {
                break;
            }
        }
        b.flip();
        return b.order(ByteOrder.LITTLE_ENDIAN);
    }
}
