package org.gaitform.io.archive;

import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import org.gaitform.model.GaitformException;
import org.gaitform.model.Printable;

/**
 * A zip archive read within bounds, for inputs that come zipped (Sensor Logger exports, a runner's account export).
 * Written from the zip file format (PKWARE's APPNOTE): the central directory is read and checked before any entry
 * is inflated — at most {@link Limits#maxEntries()} entries, every entry's data inside the archive and before the
 * directory, no two entries sharing data (the trick of "overlapping" zip bombs: many entries pointing into one
 * deflate stream). Entries are streamed, never extracted to disk; every inflated byte is counted against the entry's
 * stated size (an entry that inflates to more than the directory says is refused: sizes are understated only in
 * crafted or damaged archives), against a limit per entry and a budget for the whole archive
 * ({@link Limits}; nested archives included), against {@value #MAX_RATIO} times what was read of the archive, and
 * against the batch's {@link InflationBudget}. Stored and deflated entries are read; their CRC-32 is checked at the
 * end. An archive inside the archive (a Garmin Connect export holds zips of FIT files) is read as a stream, entry
 * by entry ({@link #forEachNested}), within the same limits.
 */
public final class ZipArchive implements Closeable {
    /** Most entries an archive may have. Sensor Logger writes one per sensor stream, a few dozen at most. */
    public static final int MAX_ENTRIES = 1000;
    /** Most bytes the entries read from one archive may unpack to, MiB. */
    public static final int MAX_UNPACKED_MIB = 2048;

    /**
     * The bounds of one archive.
     *
     * @param maxEntries       entries the archive (and each archive nested in it) may have
     * @param maxEntryBytes    bytes one entry may unpack to
     * @param maxUnpackedBytes bytes all the entries read from the archive, nested archives included, may unpack to
     */
    public record Limits(int maxEntries, long maxEntryBytes, long maxUnpackedBytes) {
        /** A recording's archive (Sensor Logger): {@value #MAX_ENTRIES} entries, {@value #MAX_UNPACKED_MIB} MiB. */
        public static final Limits RECORDING = new Limits(MAX_ENTRIES, (long) MAX_UNPACKED_MIB << 20,
                (long) MAX_UNPACKED_MIB << 20);
        /**
         * A runner's account export (Strava bulk export, Garmin Connect data export): 200 000 entries (a Strava
         * export of 20 years holds a few thousand), 512 MiB per entry (a nested archive of FIT files; one activity is
         * rarely 10 MiB), 64 GiB in all (an account of 20 years of daily runs is a few GiB).
         */
        public static final Limits ACCOUNT_EXPORT = new Limits(200_000, 512L << 20, 64L << 30);

        public Limits {
            if (maxEntries < 1 || maxEntryBytes < 1 || maxUnpackedBytes < 1) {
                throw new IllegalArgumentException("limits must be positive");
            }
        }
    }
    /** CSV text compresses a few times; an archive that inflates to more than this ratio is refused as a zip bomb. */
    public static final int MAX_RATIO = 100;
    /** Unpacked bytes below which the ratio is not checked (tiny entries compress oddly). */
    static final long RATIO_FLOOR = 1 << 20;
    private static final int EOCD = 0x06054b50;
    private static final int EOCD64 = 0x06064b50;
    private static final int EOCD64_LOCATOR = 0x07064b50;
    private static final int CEN = 0x02014b50;
    private static final int LOC = 0x04034b50;
    private static final long MAX_DIRECTORY_BYTES = 64L << 20;

    /**
     * One entry as the central directory states it.
     *
     * @param name           its name in the archive
     * @param method         0 stored, 8 deflated
     * @param flags          general-purpose flags (bit 0: encrypted)
     * @param crc            CRC-32 of its content
     * @param compressedSize bytes of data in the archive
     * @param size           bytes it unpacks to
     * @param offset         position of its local header in the file
     */
    public record Entry(String name, int method, int flags, long crc, long compressedSize, long size, long offset) {
        public Entry {
            Objects.requireNonNull(name, "name");
        }

        /** True for a folder entry. */
        public boolean isDirectory() {
            return name.endsWith("/") || name.endsWith("\\");
        }

        /** The name after its last folder separator. */
        public String baseName() {
            String e = name.replace('\\', '/');
            return e.substring(e.lastIndexOf('/') + 1);
        }
    }

    private final FileChannel channel;
    private final String source;
    private final Limits limits;
    private final long fileSize;
    private final long directoryStart;
    private final List<Entry> entries;
    private long unpacked;
    /** Set once a limit of the whole archive (or the batch) is broken: nothing more is inflated from it. */
    private GaitformException spent;
    private long consumed;

    private ZipArchive(FileChannel channel, String source, Limits limits, long fileSize, long directoryStart,
                       List<Entry> entries) {
        this.channel = channel;
        this.source = source;
        this.limits = limits;
        this.fileSize = fileSize;
        this.directoryStart = directoryStart;
        this.entries = List.copyOf(entries);
    }

    /**
     * Opens a recording's archive ({@link Limits#RECORDING}) and checks its directory.
     *
     * @param zip    the file
     * @param source the name to report it by
     * @throws GaitformException for a damaged or crafted archive (nothing has been inflated then)
     */
    public static ZipArchive open(Path zip, String source) throws IOException {
        return open(zip, source, Limits.RECORDING);
    }

    /**
     * Opens an archive within {@code limits} and checks its directory.
     *
     * @throws GaitformException for a damaged or crafted archive (nothing has been inflated then)
     */
    public static ZipArchive open(Path zip, String source, Limits limits) throws IOException {
        FileChannel ch = FileChannel.open(zip, StandardOpenOption.READ);
        try {
            ZipArchive a = read(ch, source, limits);
            a.checkLayout();
            return a;
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    /**
     * The entry names of an archive (however many), or an empty list when it is not a readable zip: for recognising
     * inputs; reading the archive then applies every limit.
     */
    public static List<String> names(Path zip) {
        try (FileChannel ch = FileChannel.open(zip, StandardOpenOption.READ)) {
            return read(ch, zip.toString(), null).entries.stream().map(Entry::name).toList();
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    /** The entries, in the directory's order. */
    public List<Entry> entries() {
        return entries;
    }

    /** Size of the archive file (bytes). */
    public long fileSize() {
        return fileSize;
    }

    /** Bytes unpacked from this archive so far. */
    public long unpacked() {
        return unpacked;
    }

    /** The archive's limits. */
    public Limits limits() {
        return limits;
    }

    /**
     * True once the archive as a whole broke a limit (its budget, its ratio or the batch's budget): every later read
     * fails at once, and a reader that goes on past a failed entry should stop.
     */
    public boolean spent() {
        return spent != null;
    }

    /**
     * Checks, before inflating anything, that the entries a reader needs stay within bounds by what the directory
     * states: each at most {@code maxEntryBytes}, all together at most the archive's
     * {@link Limits#maxUnpackedBytes()}, none claiming more than {@value #MAX_RATIO} times its compressed size.
     */
    public void requireWithinBounds(List<Entry> needed, long maxEntryBytes, String expected) {
        long sum = 0;
        for (Entry e : needed) {
            String where = "entry '" + shown(e.name()) + "'";
            if (e.size() > maxEntryBytes) {
                throw GaitformException.badInput(source, where, expected + " of at most " + (maxEntryBytes >> 20)
                        + " MiB", "one that claims " + (e.size() >> 20) + " MiB");
            }
            if (e.size() > RATIO_FLOOR && e.size() > (long) MAX_RATIO * Math.max(1, e.compressedSize())) {
                throw bomb(where);
            }
            sum += e.size();
        }
        if (sum > limits.maxUnpackedBytes()) {
            throw GaitformException.badInput(source, "", "entries that unpack to at most " + mib(limits.maxUnpackedBytes())
                    + " MiB together", "entries that claim " + (sum >> 20) + " MiB; nothing was unpacked");
        }
    }

    /**
     * Refuses an entry name that climbs out of the archive (absolute, a drive letter, {@code ..}) or holds control
     * characters: such names come only from damaged or crafted archives.
     *
     * @param expected what the reader expects the names to be, for the message
     */
    public static void checkName(String source, String name, String expected) {
        String n = name.replace('\\', '/');
        boolean climbs = n.startsWith("/") || n.matches("^[A-Za-z]:.*") || n.equals("..") || n.startsWith("../")
                || n.endsWith("/..") || n.contains("/../");
        if (climbs) {
            throw GaitformException.badInput(source, "entry '" + shown(name) + "'", expected, "a name that climbs out "
                    + "of it (an absolute path or '..'): the archive is damaged or crafted, and nothing was unpacked");
        }
        if (n.chars().anyMatch(c -> c < 0x20 || c == 0x7F)) {
            // found by fuzzing: a NUL byte in a name is no file name at all
            throw GaitformException.badInput(source, "entry '" + shown(name) + "'", "entry names of printable "
                    + "characters", "control characters in a name (shown as ?): the archive is damaged");
        }
    }

    /**
     * A stream of an entry's content, inflated as it is read and counted: more bytes than the directory states, more
     * than the archive's budget, more than {@value #MAX_RATIO} times what was read of the archive, or more than the
     * batch's budget raise {@link GaitformException}; so do damaged data and a CRC that does not match.
     */
    public InputStream open(Entry e) throws IOException {
        if (spent != null) {
            throw spent;
        }
        String where = "entry '" + shown(e.name()) + "'";
        if (e.size() > limits.maxEntryBytes()) {
            throw GaitformException.badInput(source, where, "an entry of at most " + mib(limits.maxEntryBytes())
                    + " MiB", "one that claims " + (e.size() >> 20) + " MiB; nothing was unpacked");
        }
        if ((e.flags() & 1) != 0) {
            throw GaitformException.badInput(source, where, "an entry that is not encrypted", "an encrypted entry");
        }
        if (e.method() != 0 && e.method() != 8) {
            throw GaitformException.badInput(source, where, "a stored or deflated entry (methods 0 and 8)",
                    "compression method " + e.method());
        }
        ByteBuffer loc = readAt(e.offset(), 30);
        if (loc.getInt(0) != LOC) {
            throw GaitformException.badInput(source, where, "a local entry header where the directory points",
                    "other data: the archive is damaged");
        }
        long dataStart = e.offset() + 30 + (loc.getShort(26) & 0xFFFF) + (loc.getShort(28) & 0xFFFF);
        if (dataStart + e.compressedSize() > directoryStart) {
            throw GaitformException.badInput(source, where, "entry data before the archive's directory",
                    "data that run into it: the archive is damaged or crafted");
        }
        return new EntryStream(e, where, dataStart);
    }

    /** What {@link #forEachNested} hands over: one entry of an archive inside this one. */
    @FunctionalInterface
    public interface NestedVisitor {
        /**
         * @param name    the entry's name in the nested archive (checked: it does not climb out)
         * @param content its content, inflated as it is read and counted; read it before returning (the next entry
         *                follows in the same stream)
         */
        void accept(String name, InputStream content) throws IOException;
    }

    /**
     * Reads an archive stored in this one as a stream, entry by entry, without extracting it: at most
     * {@link Limits#maxEntries()} entries, each at most {@link Limits#maxEntryBytes()}, their inflated bytes counted
     * against this archive's budget (on top of the nested archive's own bytes: never less than was inflated), its
     * ratio and the batch's {@link InflationBudget}. Folder entries are skipped.
     *
     * @throws GaitformException when the nested archive is damaged or breaks a limit
     */
    public void forEachNested(Entry outer, NestedVisitor visitor) throws IOException {
        String where = source + "!" + shown(outer.name());
        try (InputStream raw = open(outer); ZipInputStream z = new ZipInputStream(raw)) {
            ZipEntry e;
            int count = 0;
            while ((e = z.getNextEntry()) != null) {
                if (++count > limits.maxEntries()) {
                    throw tooMany(where, limits.maxEntries(), count);
                }
                checkName(where, e.getName(), "entry names inside the archive");
                if (e.isDirectory()) {
                    continue;
                }
                visitor.accept(e.getName(), new NestedStream(z, "entry '" + shown(e.getName()) + "'", where));
            }
        } catch (ZipException e) {
            throw GaitformException.badInput(where, "", "a zip archive", "a damaged or non-zip file ("
                    + e.getMessage() + ")");
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    // ------------------------------------------------------------------ directory

    /** Reads the directory; {@code limits} {@code null} reads every entry's name (for recognising inputs). */
    private static ZipArchive read(FileChannel ch, String source, Limits limits) throws IOException {
        boolean limitEntries = limits != null;
        int maxEntries = limitEntries ? limits.maxEntries() : Integer.MAX_VALUE;
        long size = ch.size();
        if (size < 22) {
            throw notZip(source, "a file of " + size + " bytes");
        }
        int tail = (int) Math.min(size, 22 + 65535);
        ByteBuffer end = ByteBuffer.allocate(tail).order(ByteOrder.LITTLE_ENDIAN);
        readFully(ch, end, size - tail);
        int at = -1;
        for (int i = tail - 22; i >= 0; i--) {
            if (end.getInt(i) == EOCD && i + 22 + (end.getShort(i + 20) & 0xFFFF) <= tail) {
                at = i;
                break;
            }
        }
        if (at < 0) {
            throw notZip(source, "no end of central directory");
        }
        long eocdPos = size - tail + at;
        long count = end.getShort(at + 10) & 0xFFFF;
        long cenSize = end.getInt(at + 12) & 0xFFFFFFFFL;
        long cenOff = end.getInt(at + 16) & 0xFFFFFFFFL;
        long cenEnd = eocdPos;
        boolean zip64 = eocdPos >= 20 && readAt(ch, eocdPos - 20, 20).getInt(0) == EOCD64_LOCATOR;
        if (zip64 || cenSize == 0xFFFFFFFFL || cenOff == 0xFFFFFFFFL) {
            if (!zip64) {
                throw notZip(source, "a ZIP64 directory without its locator");
            }
            ByteBuffer locator = readAt(ch, eocdPos - 20, 20);
            long recPos = locator.getLong(8);
            if (recPos < 0 || recPos + 56 > eocdPos) {
                throw notZip(source, "a ZIP64 directory record outside the file");
            }
            ByteBuffer rec = readAt(ch, recPos, 56);
            if (rec.getInt(0) != EOCD64) {
                throw notZip(source, "a damaged ZIP64 directory record");
            }
            count = rec.getLong(32);
            cenSize = rec.getLong(40);
            cenOff = rec.getLong(48);
            cenEnd = recPos;
        }
        if (!zip64 && count == 0xFFFF) {
            count = 0; // 65535 or more without ZIP64 records: counted from the directory itself
        }
        if (count < 0 || (limitEntries && count > maxEntries)) {
            throw tooMany(source, maxEntries, count < 0 ? Long.MAX_VALUE : count);
        }
        if (cenSize < 0 || cenSize > cenEnd) {
            throw notZip(source, "a central directory larger than the file");
        }
        if (cenSize > MAX_DIRECTORY_BYTES) {
            throw tooMany(source, maxEntries, cenSize / 46);
        }
        long cenStart = cenEnd - cenSize;
        long base = cenStart - cenOff; // data prepended to the archive (self-extracting files) shift every offset
        if (base < 0) {
            throw notZip(source, "a central directory that points before the file");
        }
        ByteBuffer cen = readAt(ch, cenStart, (int) cenSize);
        List<Entry> entries = new ArrayList<>();
        int p = 0;
        while (p + 46 <= cenSize) {
            if (cen.getInt(p) != CEN) {
                throw notZip(source, "a damaged central directory at byte " + (cenStart + p));
            }
            if (limitEntries && entries.size() >= maxEntries) {
                throw tooMany(source, maxEntries, maxEntries + 1L);
            }
            int flags = cen.getShort(p + 8) & 0xFFFF;
            int method = cen.getShort(p + 10) & 0xFFFF;
            long crc = cen.getInt(p + 16) & 0xFFFFFFFFL;
            long csize = cen.getInt(p + 20) & 0xFFFFFFFFL;
            long usize = cen.getInt(p + 24) & 0xFFFFFFFFL;
            int nameLen = cen.getShort(p + 28) & 0xFFFF;
            int extraLen = cen.getShort(p + 30) & 0xFFFF;
            int commentLen = cen.getShort(p + 32) & 0xFFFF;
            long off = cen.getInt(p + 42) & 0xFFFFFFFFL;
            int next = p + 46 + nameLen + extraLen + commentLen;
            if (next > cenSize) {
                throw notZip(source, "a central directory cut inside an entry");
            }
            byte[] nameBytes = new byte[nameLen];
            cen.get(p + 46, nameBytes);
            String name = new String(nameBytes, StandardCharsets.UTF_8);
            // ZIP64 extra field: the sizes and offset that did not fit in 32 bits, in this order
            int x = p + 46 + nameLen;
            int xEnd = x + extraLen;
            while (x + 4 <= xEnd) {
                int id = cen.getShort(x) & 0xFFFF;
                int len = cen.getShort(x + 2) & 0xFFFF;
                int q = x + 4;
                if (q + len > xEnd) {
                    break;
                }
                if (id == 0x0001) {
                    if (usize == 0xFFFFFFFFL && q + 8 <= x + 4 + len) {
                        usize = cen.getLong(q);
                        q += 8;
                    }
                    if (csize == 0xFFFFFFFFL && q + 8 <= x + 4 + len) {
                        csize = cen.getLong(q);
                        q += 8;
                    }
                    if (off == 0xFFFFFFFFL && q + 8 <= x + 4 + len) {
                        off = cen.getLong(q);
                    }
                }
                x += 4 + len;
            }
            if (usize < 0 || csize < 0 || off < 0) {
                throw notZip(source, "an entry with an impossible size or position");
            }
            entries.add(new Entry(name, method, flags, crc, csize, usize, base + off));
            p = next;
        }
        return new ZipArchive(ch, source, limits, size, cenStart, entries);
    }

    /** Every entry's data inside the file, before the directory, and apart from every other entry's. */
    private void checkLayout() {
        List<Entry> byOffset = new ArrayList<>(entries);
        byOffset.sort(Comparator.comparingLong(Entry::offset));
        Entry previous = null;
        long previousEnd = 0;
        for (Entry e : byOffset) {
            long nameBytes = e.name().getBytes(StandardCharsets.UTF_8).length;
            long end = e.offset() + 30 + nameBytes + e.compressedSize();
            if (end > directoryStart || end < e.offset()) {
                throw GaitformException.badInput(source, "entry '" + shown(e.name()) + "'", "entry data inside the "
                        + "archive, before its directory", "an entry whose data would reach beyond it (" + e.compressedSize()
                        + " bytes at byte " + e.offset() + " of " + fileSize + "): the archive is damaged or crafted, "
                        + "and nothing was unpacked");
            }
            if (previous != null && e.offset() < previousEnd) {
                throw GaitformException.badInput(source, "entries '" + shown(previous.name()) + "' and '"
                        + shown(e.name()) + "'", "entries stored one after the other", "entries that share their "
                        + "data (a crafted archive, an 'overlapping' zip bomb); nothing was unpacked");
            }
            previous = e;
            previousEnd = end;
        }
    }

    // ------------------------------------------------------------------ reading

    private final class EntryStream extends InputStream {
        private final Entry entry;
        private final String where;
        private final Inflater inflater;
        private final CRC32 crc = new CRC32();
        private final byte[] in = new byte[1 << 16];
        private final InflationBudget batch = InflationBudget.current();
        private long position;
        private long rawLeft;
        private long produced;
        private boolean done;

        EntryStream(Entry entry, String where, long dataStart) {
            this.entry = entry;
            this.where = where;
            this.position = dataStart;
            this.rawLeft = entry.compressedSize();
            this.inflater = entry.method() == 8 ? new Inflater(true) : null;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n <= 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            if (done) {
                return -1;
            }
            int n = inflater == null ? readStored(b, off, len) : readDeflated(b, off, len);
            if (n < 0) {
                finish();
                return -1;
            }
            count(b, off, n);
            return n;
        }

        private int readStored(byte[] b, int off, int len) throws IOException {
            if (rawLeft == 0) {
                return -1;
            }
            int want = (int) Math.min(len, rawLeft);
            ByteBuffer buf = ByteBuffer.wrap(b, off, want);
            int n = channel.read(buf, position);
            if (n <= 0) {
                throw cut();
            }
            position += n;
            rawLeft -= n;
            consumed += n;
            return n;
        }

        private int readDeflated(byte[] b, int off, int len) throws IOException {
            try {
                while (true) {
                    int n = inflater.inflate(b, off, len);
                    if (n > 0) {
                        return n;
                    }
                    if (inflater.finished()) {
                        return -1;
                    }
                    if (inflater.needsDictionary()) {
                        throw damaged("a deflate stream that needs a preset dictionary");
                    }
                    if (inflater.needsInput()) {
                        if (rawLeft == 0) {
                            throw cut();
                        }
                        int want = (int) Math.min(in.length, rawLeft);
                        int got = channel.read(ByteBuffer.wrap(in, 0, want), position);
                        if (got <= 0) {
                            throw cut();
                        }
                        position += got;
                        rawLeft -= got;
                        consumed += got;
                        inflater.setInput(in, 0, got);
                    }
                }
            } catch (DataFormatException e) {
                throw damaged("a damaged or cut stream (" + e.getMessage() + ")");
            }
        }

        private void count(byte[] b, int off, int n) {
            produced += n;
            crc.update(b, off, n);
            if (produced > entry.size()) {
                throw GaitformException.badInput(source, where, "as many bytes as the archive's directory states ("
                        + entry.size() + ")", "more: the archive understates its sizes (a crafted archive, a zip "
                        + "bomb?); reading stopped");
            }
            countUnpacked(n, source, where, batch);
        }

        private void finish() {
            done = true;
            if (produced != entry.size()) {
                throw GaitformException.badInput(source, where, entry.size() + " bytes, as the archive's directory "
                        + "states", produced + " bytes: the archive is damaged");
            }
            if (crc.getValue() != entry.crc()) {
                throw GaitformException.badInput(source, where, "content matching its CRC-32 check", String.format(
                        java.util.Locale.ROOT, "0x%08X where the directory states 0x%08X: the archive is damaged",
                        crc.getValue(), entry.crc()));
            }
        }

        private GaitformException cut() {
            return damaged("a damaged or cut stream (the compressed data end too early)");
        }

        private GaitformException damaged(String found) {
            return GaitformException.badInput(source, where, "compressed data that inflate to the end", found);
        }

        @Override
        public void close() {
            if (inflater != null) {
                inflater.end();
            }
        }
    }

    /** Counts inflated bytes against the archive's budget, its ratio and the batch's budget. */
    private void countUnpacked(long n, String from, String where, InflationBudget batch) {
        if (spent != null) {
            throw spent;
        }
        unpacked += n;
        if (unpacked > limits.maxUnpackedBytes()) {
            spent = GaitformException.badInput(from, where, "entries that unpack to at most "
                    + mib(limits.maxUnpackedBytes()) + " MiB together", "more; reading stopped");
            throw spent;
        }
        if (unpacked > RATIO_FLOOR && unpacked > (long) MAX_RATIO * Math.max(1, consumed)) {
            spent = bomb(from, where);
            throw spent;
        }
        try {
            batch.charge(n, from);
        } catch (GaitformException e) {
            spent = e;
            throw e;
        }
    }

    /** An entry of a nested archive: counted as it is read; closing it leaves the nested archive's stream open. */
    private final class NestedStream extends FilterInputStream {
        private final String where;
        private final String nestedSource;
        private final InflationBudget batch = InflationBudget.current();
        private long produced;

        NestedStream(InputStream in, String where, String nestedSource) {
            super(in);
            this.where = where;
            this.nestedSource = nestedSource;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n <= 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                produced += n;
                if (produced > limits.maxEntryBytes()) {
                    throw GaitformException.badInput(nestedSource, where, "an entry that unpacks to at most "
                            + mib(limits.maxEntryBytes()) + " MiB", "more (a zip bomb?); reading stopped");
                }
                countUnpacked(n, nestedSource, where, batch);
            }
            return n;
        }

        @Override
        public void close() {
            // the nested archive's stream stays open for its next entry
        }
    }

    private static long mib(long bytes) {
        return bytes >> 20;
    }

    private GaitformException bomb(String where) {
        return bomb(source, where);
    }

    private GaitformException bomb(String from, String where) {
        return GaitformException.badInput(from, where, limits == Limits.RECORDING ? "CSV that compresses like text"
                : "data that compress like recordings (FIT, CSV, XML)", "data that inflate to more than " + MAX_RATIO
                + " times its compressed size (a zip bomb?)");
    }

    private ByteBuffer readAt(long pos, int len) throws IOException {
        if (pos < 0 || pos + len > fileSize) {
            throw GaitformException.badInput(source, "", "a zip archive", "a damaged or non-zip file (an entry "
                    + "outside the file)");
        }
        return readAt(channel, pos, len);
    }

    private static ByteBuffer readAt(FileChannel ch, long pos, int len) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(len).order(ByteOrder.LITTLE_ENDIAN);
        readFully(ch, b, pos);
        return b;
    }

    private static void readFully(FileChannel ch, ByteBuffer b, long pos) throws IOException {
        long p = pos;
        while (b.hasRemaining()) {
            int n = ch.read(b, p);
            if (n < 0) {
                throw new java.io.EOFException("the file ends early");
            }
            p += n;
        }
        b.flip();
    }

    private static GaitformException notZip(String source, String what) {
        return GaitformException.badInput(source, "", "a zip archive", "a damaged or non-zip file (" + what + ")");
    }

    private static GaitformException tooMany(String source, int max, long count) {
        return GaitformException.badInput(source, "", "a zip archive of at most " + max + " entries",
                (count == Long.MAX_VALUE ? "more" : String.valueOf(count)) + " entries (a crafted archive?); nothing "
                        + "was unpacked");
    }

    /** An entry name as printed in messages. */
    public static String shown(String name) {
        return Printable.clip(name, 80);
    }
}
