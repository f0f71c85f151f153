package org.gaitform.io.fit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.gaitform.model.GaitformException;

/**
 * Decodes the binary FIT format (Garmin's Flexible and Interoperable Data Transfer protocol), written
 * for this project from the public protocol description; Garmin's SDK is not used (its licence does not
 * allow redistribution).
 *
 * <p>What it handles: the 12- or 14-byte file header and its check, definition messages (either byte
 * order), data messages, compressed time-stamp headers, developer fields described by
 * {@code field_description} messages (Stryd, RunScribe, Connect IQ), component expansion (with
 * accumulation), sub-fields, arrays and strings, chained files (several headers one after the other), and
 * the file check of every chained file.
 *
 * <p>Damaged input never throws anything but {@link GaitformException}: a file that is not FIT at all is an
 * error; a file cut inside a message, or whose structure breaks down part-way, keeps the messages decoded
 * before the damage and says so in {@link FitFile#warnings()}; a checksum that does not match is a warning
 * (or an error with {@code strictChecksum}). A file from which no data message can be decoded is an error.
 */
public final class FitDecoder {
    /** Largest file read (bytes); a day-long activity recorded every second is a few MiB. */
    public static final long MAX_FILE_BYTES = 64L << 20;
    /** Warnings of one kind kept per file (a chain of thousands of damaged files gives one summary after these). */
    private static final int MAX_SEGMENT_WARNINGS = 3;

    private final boolean strictChecksum;

    /** A lenient decoder: checksum mismatches are warnings. */
    public FitDecoder() {
        this(false);
    }

    /** @param strictChecksum true to refuse files whose checksum does not match */
    public FitDecoder(boolean strictChecksum) {
        this.strictChecksum = strictChecksum;
    }

    /** True when the bytes start like a FIT file ({@code .FIT} at offset 8 of a 12- or 14-byte header). */
    public static boolean looksLikeFit(byte[] head) {
        return head.length >= 12 && ((head[0] & 0xFF) == 12 || (head[0] & 0xFF) == 14) && head[8] == '.'
                && head[9] == 'F' && head[10] == 'I' && head[11] == 'T';
    }

    /** True when a file starts like a FIT file. */
    public static boolean looksLikeFit(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return looksLikeFit(in.readNBytes(14));
        } catch (IOException e) {
            return false;
        }
    }

    /** Reads and decodes a file. */
    public FitFile decode(Path file, String source) throws IOException {
        long size = Files.size(file);
        if (size > MAX_FILE_BYTES) {
            throw GaitformException.badInput(source, "", "a FIT file of at most " + (MAX_FILE_BYTES >> 20) + " MiB",
                    (size >> 20) + " MiB");
        }
        return decode(Files.readAllBytes(file), source);
    }

    /** Decodes the bytes of a FIT file. */
    public FitFile decode(byte[] b, String source) {
        if (b.length < 12) {
            throw GaitformException.badInput(source, "file header", "a FIT file (a 12- or 14-byte header, then messages)",
                    b.length + " byte(s)");
        }
        if (!looksLikeFit(b)) {
            throw GaitformException.badInput(source, "file header", "a FIT file: header size 12 or 14 and '.FIT' "
                    + "at byte 8", "header size " + (b[0] & 0xFF) + " and " + printable(b, 8, 4) + " at byte 8");
        }
        List<FitMessage> out = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        State st = new State();
        int pos = 0;
        int segment = 0;
        int protocol = b[1] & 0xFF;
        int profile = u16(b, 2, false);
        int headerMismatches = 0;
        int fileMismatches = 0;
        while (pos < b.length) {
            if (segment > 0 && (b.length - pos < 12 || !looksLikeFit(slice(b, pos, 12)))) {
                warnings.add(String.format(Locale.ROOT, "%d byte(s) after the end of the FIT data (byte %d) are not a "
                        + "chained FIT file and were ignored", b.length - pos, pos));
                break;
            }
            int headerSize = b[pos] & 0xFF;
            if (pos + headerSize > b.length) {
                warnings.add("the file ends inside the header of chained FIT file " + (segment + 1) + " at byte " + pos);
                break;
            }
            long dataSize = u32(b, pos + 4, false);
            if (headerSize >= 14) {
                int stored = u16(b, pos + 12, false);
                int computed = FitCrc.of(b, pos, 12);
                if (stored != 0 && stored != computed && ++headerMismatches <= MAX_SEGMENT_WARNINGS) {
                    warnings.add(String.format(Locale.ROOT, "header check of FIT file %d does not match (stored 0x%04X, "
                            + "computed 0x%04X)", segment + 1, stored, computed));
                }
            }
            int dataStart = pos + headerSize;
            long declaredEnd = dataStart + dataSize;
            boolean cut = declaredEnd + 2 > b.length;
            int dataEnd = (int) Math.min(declaredEnd, b.length);
            if (cut && b.length - dataStart >= 2 && u16(b, b.length - 2, false) == FitCrc.of(b, pos, b.length - 2 - pos)) {
                // the header's data size is wrong, but the file ends in a matching file check: read up to it
                warnings.add(String.format(Locale.ROOT, "the header says %d bytes of data but the file holds %d; the "
                        + "file check matches, so the data were read to the end", dataSize, b.length - 2 - dataStart));
                declaredEnd = b.length - 2;
                dataEnd = b.length - 2;
                cut = false;
            }
            if (!cut && !checkMatches(b, pos, dataEnd) && !boundary(b, dataEnd + 2)) {
                // the header may understate the data (0, or too few bytes): if the file check of everything up to a
                // later point matches there, and the file ends there (or a chained file starts), read up to it
                int realEnd = matchingEnd(b, pos, dataEnd);
                if (realEnd > dataEnd) {
                    warnings.add(String.format(Locale.ROOT, "the header says %d bytes of data but the file holds %d; "
                            + "the file check matches at the end of the data, so the data were read to the end",
                            dataSize, realEnd - dataStart));
                    declaredEnd = realEnd;
                    dataEnd = realEnd;
                }
            }
            int before = out.size();
            Damage damage = decodeSegment(b, dataStart, dataEnd, segment, st, out);
            int decoded = out.size() - before;
            if (damage != null) {
                String what = damage.cut
                        ? String.format(Locale.ROOT, "the file ends inside a message at byte %d (it was cut off)",
                                damage.at)
                        : String.format(Locale.ROOT, "the data are damaged at byte %d (%s)", damage.at, damage.why);
                if (out.isEmpty()) {
                    throw GaitformException.badInput(source, "byte " + damage.at, "FIT messages",
                            damage.cut ? "a file cut off before its first complete data message" : damage.why);
                }
                warnings.add(what + "; the " + out.size() + " messages before it are used and the rest is lost");
                break;
            }
            if (cut) {
                if (out.isEmpty()) {
                    throw GaitformException.badInput(source, "file header", dataSize + " bytes of data after the header",
                            (b.length - dataStart) + " bytes (the file was cut off)");
                }
                warnings.add(String.format(Locale.ROOT, "the file is shorter than its header says (%d of %d bytes): it "
                        + "was cut off after a complete message; the %d messages in it are used but the file check "
                        + "cannot be verified", b.length, declaredEnd + 2, out.size()));
                break;
            }
            int stored = u16(b, dataEnd, false);
            int computed = FitCrc.of(b, pos, dataEnd - pos);
            if (stored != computed) {
                String msg = String.format(Locale.ROOT, "the file check of FIT file %d does not match (stored 0x%04X, "
                        + "computed 0x%04X): the file is damaged", segment + 1, stored, computed);
                if (strictChecksum) {
                    throw GaitformException.badInput(source, "byte " + dataEnd, "a matching FIT file check",
                            String.format(Locale.ROOT, "0x%04X where the data give 0x%04X", stored, computed));
                }
                if (++fileMismatches <= MAX_SEGMENT_WARNINGS) {
                    warnings.add(msg + "; its " + decoded + " messages were decoded but may hold wrong values");
                }
            }
            pos = dataEnd + 2;
            segment++;
        }
        if (out.isEmpty()) {
            throw GaitformException.badInput(source, "", "FIT data messages", "none (only definitions or an empty file"
                    + (segment > 1 ? ", in " + segment + " chained files" : "") + ")");
        }
        if (headerMismatches > MAX_SEGMENT_WARNINGS) {
            warnings.add((headerMismatches - MAX_SEGMENT_WARNINGS) + " more chained FIT file header(s) have a check "
                    + "that does not match");
        }
        if (fileMismatches > MAX_SEGMENT_WARNINGS) {
            warnings.add((fileMismatches - MAX_SEGMENT_WARNINGS) + " more chained FIT file(s) have a file check that "
                    + "does not match: they are damaged");
        }
        if (!st.undescribed.isEmpty()) {
            warnings.add("developer field(s) without a description were kept with raw values: " + st.undescribed);
        }
        return new FitFile(out, Math.max(1, segment), protocol, profile, warnings);
    }

    /** True when a FIT file may end at {@code at}: the file ends there, or a chained FIT file starts. */
    private static boolean boundary(byte[] b, int at) {
        return at == b.length || (at < b.length && b.length - at >= 12 && looksLikeFit(slice(b, at, 12)));
    }

    /** True when the two bytes at {@code end} hold the file check of the bytes from {@code start} to {@code end}. */
    private static boolean checkMatches(byte[] b, int start, int end) {
        return end + 2 <= b.length && u16(b, end, false) == FitCrc.of(b, start, end - start);
    }

    /**
     * The end of a FIT file's data when its header understates them: the first position after {@code declaredEnd}
     * where the two bytes hold the file check of everything from {@code start}, and after which the file ends or a
     * chained FIT file starts; -1 when there is none. One pass with a running check.
     */
    private static int matchingEnd(byte[] b, int start, int declaredEnd) {
        int crc = 0;
        for (int i = start; i + 2 <= b.length; i++) {
            if (i > declaredEnd && u16(b, i, false) == crc) {
                if (boundary(b, i + 2)) {
                    return i;
                }
            }
            crc = FitCrc.update(crc, b[i]);
        }
        return -1;
    }

    // ------------------------------------------------------------------ decoding state

    private static final class Definition {
        int global;
        boolean bigEndian;
        int[] num;
        int[] size;
        FitBaseType[] type;
        int[] devNum;
        int[] devSize;
        int[] devIndex;
        int bytes;
    }

    private record DevDescription(String name, FitBaseType type, double scale, double offset, String units) {
    }

    private static final class State {
        final Map<Integer, DevDescription> developer = new HashMap<>();
        final Set<String> undescribed = new HashSet<>();
        final Map<Long, Long> accumulated = new HashMap<>();
        long lastTimestamp = -1;
    }

    private record Damage(int at, boolean cut, String why) {
    }

    private Damage decodeSegment(byte[] b, int start, int end, int segment, State st, List<FitMessage> out) {
        Map<Integer, Definition> defs = new HashMap<>();
        int p = start;
        while (p < end) {
            int at = p;
            int hb = b[p] & 0xFF;
            p++;
            try {
                if ((hb & 0x80) != 0) {
                    int local = (hb >> 5) & 0x3;
                    Definition d = defs.get(local);
                    if (d == null) {
                        return new Damage(at, false, "a data message of local type " + local + " before its definition");
                    }
                    if (p + d.bytes > end) {
                        return new Damage(at, true, "");
                    }
                    long ts = -1;
                    if (st.lastTimestamp >= 0) {
                        int offset = hb & 0x1F;
                        ts = (st.lastTimestamp & ~0x1FL) + offset;
                        if (offset < (st.lastTimestamp & 0x1F)) {
                            ts += 0x20;
                        }
                        st.lastTimestamp = ts;
                    }
                    out.add(decodeData(d, b, p, at, segment, ts, st));
                    p += d.bytes;
                } else if ((hb & 0x40) != 0) {
                    boolean dev = (hb & 0x20) != 0;
                    int local = hb & 0x0F;
                    if (p + 5 > end) {
                        return new Damage(at, true, "");
                    }
                    Definition d = new Definition();
                    d.bigEndian = b[p + 1] == 1;
                    if (b[p + 1] != 0 && b[p + 1] != 1) {
                        return new Damage(at, false, "a definition with byte order " + (b[p + 1] & 0xFF)
                                + " (only 0 and 1 exist)");
                    }
                    d.global = u16(b, p + 2, d.bigEndian);
                    int n = b[p + 4] & 0xFF;
                    p += 5;
                    if (p + 3L * n > end) {
                        return new Damage(at, true, "");
                    }
                    d.num = new int[n];
                    d.size = new int[n];
                    d.type = new FitBaseType[n];
                    for (int i = 0; i < n; i++) {
                        d.num[i] = b[p] & 0xFF;
                        d.size[i] = b[p + 1] & 0xFF;
                        FitBaseType t = FitBaseType.of(b[p + 2] & 0xFF);
                        if (t == null || d.size[i] % t.size() != 0) {
                            t = FitBaseType.BYTE;
                        }
                        d.type[i] = t;
                        d.bytes += d.size[i];
                        p += 3;
                    }
                    int m = 0;
                    if (dev) {
                        if (p + 1 > end) {
                            return new Damage(at, true, "");
                        }
                        m = b[p] & 0xFF;
                        p++;
                        if (p + 3L * m > end) {
                            return new Damage(at, true, "");
                        }
                    }
                    d.devNum = new int[m];
                    d.devSize = new int[m];
                    d.devIndex = new int[m];
                    for (int i = 0; i < m; i++) {
                        d.devNum[i] = b[p] & 0xFF;
                        d.devSize[i] = b[p + 1] & 0xFF;
                        d.devIndex[i] = b[p + 2] & 0xFF;
                        d.bytes += d.devSize[i];
                        p += 3;
                    }
                    defs.put(local, d);
                } else {
                    int local = hb & 0x0F;
                    Definition d = defs.get(local);
                    if (d == null) {
                        return new Damage(at, false, "a data message of local type " + local + " before its definition");
                    }
                    if (p + d.bytes > end) {
                        return new Damage(at, true, "");
                    }
                    out.add(decodeData(d, b, p, at, segment, -1, st));
                    p += d.bytes;
                }
            } catch (RuntimeException e) {
                return new Damage(at, false, "an undecodable message: " + e.getClass().getSimpleName());
            }
        }
        return null;
    }

    // ------------------------------------------------------------------ data messages

    /** A field on its way from bytes to a {@link FitField}. */
    private static final class Pending {
        int number;
        String name;
        String units;
        FitBaseType type;
        long[] raw;
        boolean[] invalid;
        String text;
        double scale = 1;
        double offset;
        double[] expanded; // values of a component (already scaled)
        FitProfile.Field profile;
    }

    private FitMessage decodeData(Definition d, byte[] b, int p, int at, int segment, long compressedTs, State st) {
        FitProfile.Message prof = FitProfile.message(d.global);
        List<Pending> fields = new ArrayList<>();
        Map<Integer, Long> refRaw = new HashMap<>();
        int q = p;
        for (int i = 0; i < d.num.length; i++) {
            Pending f = read(d.type[i], b, q, d.size[i], d.bigEndian);
            q += d.size[i];
            if (f == null) {
                continue;
            }
            f.number = d.num[i];
            FitProfile.Field pf = prof == null ? null : prof.field(f.number);
            f.profile = pf;
            f.name = pf == null ? "field_" + f.number : pf.name();
            f.units = pf == null ? "" : pf.units();
            if (pf != null && f.type.kind() != FitBaseType.Kind.TEXT) {
                f.scale = pf.scale();
                f.offset = pf.offset();
            }
            if (f.raw != null && f.raw.length > 0 && !f.invalid[0]) {
                refRaw.putIfAbsent(f.number, f.raw[0]);
            }
            fields.add(f);
        }
        // time stamps: a full one updates the reference of compressed headers
        Long ts = refRaw.get(FitProfile.TIMESTAMP);
        if (ts != null) {
            st.lastTimestamp = ts;
        } else if (compressedTs >= 0) {
            Pending t = new Pending();
            t.number = FitProfile.TIMESTAMP;
            t.name = "timestamp";
            t.units = "s";
            t.type = FitBaseType.UINT32;
            t.raw = new long[] {compressedTs};
            t.invalid = new boolean[] {false};
            fields.add(t);
            refRaw.put(FitProfile.TIMESTAMP, compressedTs);
        }
        // components
        if (prof != null) {
            List<Pending> expandedFields = new ArrayList<>();
            for (Pending f : fields) {
                if (f.profile == null) {
                    continue;
                }
                // a real field resets the accumulation of the components that target it
                for (FitProfile.Component c : accumulatingInto(prof, f.number)) {
                    if (f.raw != null && !f.invalid[0]) {
                        double value = f.type.toDouble(f.raw[0]) / f.scale - f.offset;
                        st.accumulated.put(key(d.global, c.target()), Math.round((value + c.offset()) * c.scale()));
                    }
                }
                if (f.profile.components().isEmpty() || f.raw == null || allInvalid(f)) {
                    continue;
                }
                int bitPos = 0;
                for (FitProfile.Component c : f.profile.components()) {
                    long bits = bits(f, bitPos, c.bits());
                    bitPos += c.bits();
                    if (bits < 0) {
                        break;
                    }
                    if (c.accumulate()) {
                        long k = key(d.global, c.target());
                        Long last = st.accumulated.get(k);
                        long mask = (1L << c.bits()) - 1;
                        long v = bits;
                        if (last != null) {
                            v = (last & ~mask) + bits;
                            if (bits < (last & mask)) {
                                v += mask + 1;
                            }
                        }
                        st.accumulated.put(k, v);
                        bits = v;
                    }
                    if (refRaw.containsKey(c.target()) || hasField(fields, c.target())) {
                        continue; // the message carries the target itself
                    }
                    FitProfile.Field target = prof.field(c.target());
                    Pending e = new Pending();
                    e.number = c.target();
                    e.profile = target;
                    e.name = target.name();
                    e.units = target.units();
                    e.type = target.type();
                    e.expanded = new double[] {bits / c.scale() - c.offset()};
                    refRaw.put(c.target(), bits);
                    expandedFields.add(e);
                }
            }
            fields.addAll(expandedFields);
        }
        // sub-fields
        for (Pending f : fields) {
            if (f.profile == null) {
                continue;
            }
            for (FitProfile.SubField s : f.profile.subFields()) {
                Long ref = refRaw.get(s.refField());
                if (ref != null && s.matches(ref)) {
                    f.name = s.name();
                    if (!s.units().isEmpty()) {
                        f.units = s.units();
                    }
                    if (f.expanded == null && f.type.kind() != FitBaseType.Kind.TEXT) {
                        f.scale = s.scale();
                        f.offset = s.offset();
                    }
                    break;
                }
            }
        }
        List<FitField> result = new ArrayList<>();
        for (Pending f : fields) {
            result.add(toField(f, false));
        }
        // developer fields
        for (int i = 0; i < d.devNum.length; i++) {
            int size = d.devSize[i];
            DevDescription desc = st.developer.get((d.devIndex[i] << 8) | d.devNum[i]);
            FitBaseType t = desc == null || size % desc.type.size() != 0 ? FitBaseType.BYTE : desc.type;
            Pending f = read(t, b, q, size, d.bigEndian);
            q += size;
            if (desc == null) {
                st.undescribed.add("developer " + d.devIndex[i] + " field " + d.devNum[i]);
            }
            if (f == null) {
                continue;
            }
            f.number = d.devNum[i];
            f.name = desc == null ? "developer_" + d.devIndex[i] + "_" + d.devNum[i] : desc.name;
            f.units = desc == null ? "" : desc.units;
            if (desc != null) {
                f.scale = desc.scale;
                f.offset = desc.offset;
            }
            result.add(toField(f, true));
        }
        FitMessage m = new FitMessage(d.global, prof == null ? "unknown_" + d.global : prof.name(), result, at, segment);
        if (d.global == FitProfile.FIELD_DESCRIPTION) {
            describe(m, st);
        }
        return m;
    }

    private static void describe(FitMessage m, State st) {
        double index = m.value("developer_data_index");
        double number = m.value("field_definition_number");
        double type = m.value("fit_base_type_id");
        if (Double.isNaN(index) || Double.isNaN(number) || Double.isNaN(type)) {
            return;
        }
        FitBaseType t = FitBaseType.of((int) type);
        double scale = m.value("scale");
        double offset = m.value("offset");
        String name = m.text("field_name").filter(s -> !s.isBlank()).orElse("developer_" + (int) index + "_" + (int) number);
        st.developer.put(((int) index << 8) | (int) number, new DevDescription(name.trim(),
                t == null ? FitBaseType.BYTE : t, Double.isNaN(scale) || scale == 0 ? 1 : scale,
                Double.isNaN(offset) ? 0 : offset, m.text("units").orElse("").trim()));
    }

    /** Per message profile, the accumulating components by the field they target (found once, not per message). */
    private static final java.util.concurrent.ConcurrentHashMap<Integer,
            Map<Integer, List<FitProfile.Component>>> ACCUMULATING = new java.util.concurrent.ConcurrentHashMap<>();

    private static List<FitProfile.Component> accumulatingInto(FitProfile.Message prof, int field) {
        return ACCUMULATING.computeIfAbsent(prof.number(), n -> {
            Map<Integer, List<FitProfile.Component>> m = new java.util.HashMap<>();
            for (FitProfile.Field other : prof.fields().values()) {
                for (FitProfile.Component c : other.components()) {
                    if (c.accumulate()) {
                        m.computeIfAbsent(c.target(), k -> new ArrayList<>()).add(c);
                    }
                }
            }
            return m;
        }).getOrDefault(field, List.of());
    }

    private static boolean hasField(List<Pending> fields, int number) {
        for (Pending f : fields) {
            if (f.number == number) {
                return true;
            }
        }
        return false;
    }

    private static long key(int global, int field) {
        return ((long) global << 16) | field;
    }

    private static boolean allInvalid(Pending f) {
        for (boolean i : f.invalid) {
            if (!i) {
                return false;
            }
        }
        return true;
    }

    /** {@code count} bits from bit {@code from} of the field's elements read as one little-endian bit stream; -1 past the end. */
    private static long bits(Pending f, int from, int count) {
        int elementBits = 8 * f.type.size();
        long out = 0;
        for (int k = 0; k < count; k++) {
            int bit = from + k;
            int e = bit / elementBits;
            if (e >= f.raw.length) {
                return -1;
            }
            long v = (f.raw[e] >>> (bit % elementBits)) & 1L;
            out |= v << k;
        }
        return out;
    }

    private static FitField toField(Pending f, boolean developer) {
        if (f.text != null) {
            return new FitField(f.number, f.name, f.units, new double[0], f.text, developer);
        }
        if (f.expanded != null) {
            return new FitField(f.number, f.name, f.units, f.expanded, null, developer);
        }
        double[] v = new double[f.raw.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = f.invalid[i] ? Double.NaN : f.type.toDouble(f.raw[i]) / f.scale - f.offset;
        }
        return new FitField(f.number, f.name, f.units, v, null, developer);
    }

    /** Reads a field's bytes; {@code null} when every element is invalid. */
    private static Pending read(FitBaseType t, byte[] b, int at, int size, boolean bigEndian) {
        Pending f = new Pending();
        f.type = t;
        if (t.kind() == FitBaseType.Kind.TEXT) {
            int len = 0;
            while (len < size && b[at + len] != 0) {
                len++;
            }
            if (len == 0) {
                return null;
            }
            f.text = new String(b, at, len, StandardCharsets.UTF_8);
            return f;
        }
        int n = size / t.size();
        if (n == 0) {
            return null;
        }
        f.raw = new long[n];
        f.invalid = new boolean[n];
        boolean any = false;
        for (int i = 0; i < n; i++) {
            f.raw[i] = t.readRaw(b, at + i * t.size(), bigEndian);
            f.invalid[i] = t.isInvalid(f.raw[i]);
            any |= !f.invalid[i];
        }
        if (!any && t != FitBaseType.BYTE) {
            return null;
        }
        if (!any) {
            return null;
        }
        return f;
    }

    // ------------------------------------------------------------------ bytes

    private static int u16(byte[] b, int at, boolean bigEndian) {
        return bigEndian ? ((b[at] & 0xFF) << 8) | (b[at + 1] & 0xFF) : (b[at] & 0xFF) | ((b[at + 1] & 0xFF) << 8);
    }

    private static long u32(byte[] b, int at, boolean bigEndian) {
        long v = 0;
        for (int i = 0; i < 4; i++) {
            int k = bigEndian ? i : 3 - i;
            v = (v << 8) | (b[at + k] & 0xFFL);
        }
        return v;
    }

    private static byte[] slice(byte[] b, int from, int n) {
        byte[] out = new byte[n];
        System.arraycopy(b, from, out, 0, n);
        return out;
    }

    private static String printable(byte[] b, int from, int n) {
        StringBuilder sb = new StringBuilder("'");
        for (int i = from; i < Math.min(b.length, from + n); i++) {
            int c = b[i] & 0xFF;
            sb.append(c >= 0x20 && c < 0x7F ? (char) c : '?');
        }
        return sb.append('\'').toString();
    }
}
