package org.gaitform.io.pose;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.gaitform.model.GaitformException;
import org.gaitform.model.PoseRecording;

/**
 * Reads the 3D points of a C3D file (the motion-capture lab standard, c3d.org): the 512-byte header
 * (parameter block, point count, analog words per frame, first/last frame, scale factor, data block,
 * frame rate), the parameter section ({@code POINT:LABELS}/{@code LABELS2}, {@code POINT:UNITS},
 * {@code POINT:RATE}, {@code POINT:USED}, {@code POINT:SCALE}, {@code POINT:DATA_START}), then the frames
 * in float or scaled 16-bit integer storage. Points with a negative residual word are missing. Intel byte
 * order (processor type 84) is read; files written for DEC (85) or SGI/MIPS (86) processors are rejected
 * with a message. Analog channels are skipped.
 */
public final class C3dReader {
    private static final int BLOCK = 512;
    private static final int INTEL = 84;

    /** Largest file read (bytes). */
    public static final long MAX_FILE_BYTES = 1L << 30;
    /** Highest frame rate accepted (Hz). */
    static final double MAX_RATE_HZ = 100_000;

    /** One parameter: its type (-1 char, 1 byte, 2 int16, 4 float), dimensions and raw bytes. */
    private record Param(int type, int[] dims, byte[] data) {
        long count() {
            long n = 1;
            for (int d : dims) {
                n = Math.min(n * d, 1L << 40); // dimensions of up to 255 each cannot overflow past this cap
            }
            return n;
        }
    }

    /**
     * The first value of an integer (type 2, read unsigned) or float (type 4) parameter; a parameter that declares
     * that type but holds no value is a damaged file.
     */
    private static double firstValue(Param p, String name, String source) {
        int size = Math.abs(p.type());
        if (p.data().length < size) {
            throw GaitformException.badInput(source, "parameter " + name, (p.type() == 4 ? "a float" : "an integer")
                    + " value", p.data().length == 0 ? "no value" : p.data().length + " byte(s)");
        }
        ByteBuffer v = ByteBuffer.wrap(p.data()).order(ByteOrder.LITTLE_ENDIAN);
        return p.type() == 4 ? v.getFloat(0) : v.getShort(0) & 0xFFFF;
    }

    /** Reads one file. */
    public PoseRecording read(Path file, String source, PoseReadOptions options) throws IOException {
        long size = Files.size(file);
        if (size > MAX_FILE_BYTES) {
            throw GaitformException.badInput(source, "", "a C3D file of at most " + (MAX_FILE_BYTES >> 20) + " MiB",
                    (size >> 20) + " MiB");
        }
        byte[] b = Files.readAllBytes(file);
        if (b.length < BLOCK) {
            throw GaitformException.badInput(source, "header", "a C3D header of 512 bytes", b.length + " bytes");
        }
        if ((b[1] & 0xFF) != 0x50) {
            throw GaitformException.badInput(source, "header byte 2", "the C3D key 0x50", String.format(Locale.ROOT,
                    "0x%02X: not a C3D file", b[1] & 0xFF));
        }
        int paramBlock = b[0] & 0xFF;
        long paramStart = (long) (paramBlock - 1) * BLOCK;
        if (paramBlock < 2 || paramStart + 4 > b.length) {
            throw GaitformException.badInput(source, "header", "a parameter section inside the file",
                    "parameter block " + paramBlock + " beyond its " + b.length + " bytes (truncated file?)");
        }
        int processor = b[(int) paramStart + 3] & 0xFF;
        if (processor != INTEL) {
            String name = switch (processor) {
                case 85 -> "DEC (VAX floating point)";
                case 86 -> "SGI/MIPS (big-endian)";
                default -> "unknown type " + processor;
            };
            throw GaitformException.badInput(source, "parameter section, processor type",
                    "a C3D file written for Intel processors (type 84)", "one written for " + name
                            + "; convert it to Intel byte order (for example with Mokka or ezc3d) and try again");
        }
        ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        int points = bb.getShort(2) & 0xFFFF;
        int analogPerFrame = bb.getShort(4) & 0xFFFF;
        int first = bb.getShort(6) & 0xFFFF;
        int last = bb.getShort(8) & 0xFFFF;
        float scale = bb.getFloat(12);
        int dataBlock = bb.getShort(16) & 0xFFFF;
        float headerRate = bb.getFloat(20);
        Map<String, Param> params = parameters(b, (int) paramStart, source);
        Param used = params.get("POINT:USED");
        if (used != null && used.type() == 2) {
            points = (int) firstValue(used, "POINT:USED", source);
        }
        Param ds = params.get("POINT:DATA_START");
        if (ds != null && ds.type() == 2) {
            dataBlock = (int) firstValue(ds, "POINT:DATA_START", source);
        }
        Param ps = params.get("POINT:SCALE");
        if (ps != null && ps.type() == 4) {
            scale = (float) firstValue(ps, "POINT:SCALE", source);
        }
        double rate = headerRate;
        Param pr = params.get("POINT:RATE");
        if (pr != null && pr.type() == 4) {
            rate = firstValue(pr, "POINT:RATE", source);
        }
        if (points == 0) {
            throw GaitformException.notAnalysable(source, "the C3D file holds no 3D points (only analog data)");
        }
        if (!(rate > 0 && rate <= MAX_RATE_HZ)) {
            throw GaitformException.badInput(source, pr != null && pr.type() == 4 ? "POINT:RATE" : "header, frame rate",
                    "a frame rate above 0 and at most " + (long) MAX_RATE_HZ + " Hz", PoseAssembler.fmt(rate));
        }
        List<String> labels = new ArrayList<>(strings(params.get("POINT:LABELS")));
        for (int k = 2; labels.size() < points && params.containsKey("POINT:LABELS" + k); k++) {
            labels.addAll(strings(params.get("POINT:LABELS" + k)));
        }
        while (labels.size() < points) {
            labels.add("point" + (labels.size() + 1));
        }
        String unit = "mm";
        Param pu = params.get("POINT:UNITS");
        Optional<String> unitHint = Optional.empty();
        if (pu != null) {
            List<String> u = strings(pu);
            if (!u.isEmpty()) {
                String uu = u.get(0).trim().toLowerCase(Locale.ROOT);
                if (uu.matches("mm|cm|m")) {
                    unit = uu;
                    unitHint = Optional.of(uu);
                }
            }
        }
        long frames = last - first + 1;
        if (frames < 1) {
            throw GaitformException.badInput(source, "header", "a last frame at or after the first", "frames " + first
                    + " to " + last);
        }
        // more than 65535 frames: the header's count is full and POINT:FRAMES holds the real one
        Param pf = params.get("POINT:FRAMES");
        if (pf != null && (pf.type() == 4 || pf.type() == 2) && pf.data().length >= Math.abs(pf.type())) {
            ByteBuffer v = ByteBuffer.wrap(pf.data()).order(ByteOrder.LITTLE_ENDIAN);
            double declared = pf.type() == 4 ? v.getFloat(0) : v.getShort(0) & 0xFFFF;
            if (declared > frames) {
                if (!(declared == Math.rint(declared) && declared < Integer.MAX_VALUE)) {
                    throw GaitformException.badInput(source, "POINT:FRAMES", "a whole number of frames",
                            PoseAssembler.fmt(declared));
                }
                frames = (long) declared;
            }
        }
        boolean isFloat = scale < 0;
        int word = isFloat ? 4 : 2;
        long frameBytes = (long) (4 * points + analogPerFrame) * word;
        long start = (long) (dataBlock - 1) * BLOCK;
        long needed = start + frameBytes * frames;
        if (dataBlock < 2 || needed > b.length) {
            long complete = dataBlock < 2 ? 0 : Math.max(0, (b.length - start) / frameBytes);
            throw GaitformException.badInput(source, "data section", frames + " frames of " + frameBytes + " bytes ("
                    + needed + " bytes in all)", b.length + " bytes, room for " + complete + " complete frames "
                    + "(truncated file)");
        }
        double absScale = Math.abs(scale);
        int nf = (int) frames;
        double[][] x = new double[points][nf];
        double[][] y = new double[points][nf];
        double[][] z = new double[points][nf];
        int missing = 0;
        for (int f = 0; f < nf; f++) {
            long base = start + frameBytes * f;
            for (int p = 0; p < points; p++) {
                int off = (int) (base + (long) p * 4 * word);
                double px;
                double py;
                double pz;
                double res;
                if (isFloat) {
                    px = bb.getFloat(off);
                    py = bb.getFloat(off + 4);
                    pz = bb.getFloat(off + 8);
                    res = bb.getFloat(off + 12);
                } else {
                    px = bb.getShort(off) * absScale;
                    py = bb.getShort(off + 2) * absScale;
                    pz = bb.getShort(off + 4) * absScale;
                    res = bb.getShort(off + 6);
                }
                if (res < 0 || (px == 0 && py == 0 && pz == 0)) {
                    px = Double.NaN;
                    py = Double.NaN;
                    pz = Double.NaN;
                    missing++;
                }
                x[p][f] = px;
                y[p][f] = py;
                z[p][f] = pz;
            }
        }
        PoseAssembler a = new PoseAssembler(source, "c3d");
        a.decide("input_format", "c3d", "C3D, Intel byte order, " + (isFloat ? "float" : "16-bit integer (scale "
                + absScale + ")") + " storage, " + points + " points, " + frames + " frames at " + PoseAssembler.fmt(rate)
                + " Hz, unit " + unit);
        if (missing > 0) {
            a.decide("c3d_missing_positions", String.valueOf(missing), "point positions flagged invalid (negative "
                    + "residual) are missing");
        }
        List<PoseAssembler.Raw> raw = new ArrayList<>();
        for (int p = 0; p < points; p++) {
            raw.add(new PoseAssembler.Raw(labels.get(p).trim(), x[p], y[p], z[p], null));
        }
        double[] time = new double[nf];
        for (int f = 0; f < nf; f++) {
            time[f] = (first - 1 + f) / rate;
        }
        PoseReadOptions o = options;
        return a.build(raw, time, rate, false, unitHint.isPresent() ? unitHint : Optional.of(unit), o);
    }

    private static Map<String, Param> parameters(byte[] b, int start, String source) {
        Map<String, Param> out = new HashMap<>();
        Map<Integer, String> groups = new HashMap<>();
        List<Object[]> pending = new ArrayList<>();
        int nBlocks = b[start + 2] & 0xFF;
        int end = Math.min(b.length, start + Math.max(1, nBlocks) * BLOCK);
        int pos = start + 4;
        while (pos + 2 <= end) {
            int nameLen = Math.abs(b[pos]);
            int id = b[pos + 1];
            if (nameLen == 0) {
                break;
            }
            if (pos + 2 + nameLen + 2 > end) {
                throw GaitformException.badInput(source, "parameter section", "complete parameter records",
                        "a record running past the section (truncated or corrupt file)");
            }
            String name = new String(b, pos + 2, nameLen, StandardCharsets.US_ASCII).toUpperCase(Locale.ROOT);
            int offPos = pos + 2 + nameLen;
            int next = (short) ((b[offPos] & 0xFF) | ((b[offPos + 1] & 0xFF) << 8));
            if (next < 0) {
                throw GaitformException.badInput(source, "parameter section, record '" + name + "'",
                        "parameter records that follow one another", "a record pointing back (offset " + next + ")");
            }
            int body = offPos + 2;
            if (id < 0) {
                groups.put(-id, name);
            } else if (body + 2 <= end) {
                int type = b[body];
                int nd = b[body + 1] & 0xFF;
                int[] dims = new int[nd];
                int q = body + 2;
                if (q + nd > end) {
                    throw GaitformException.badInput(source, "parameter " + name, "its dimensions", "the end of the section");
                }
                for (int i = 0; i < nd; i++) {
                    dims[i] = b[q + i] & 0xFF;
                }
                q += nd;
                Param p = new Param(type, dims, new byte[0]);
                long len = p.count() * Math.abs(type);
                if (q + len > end) {
                    throw GaitformException.badInput(source, "parameter " + name, len + " bytes of data",
                            "the end of the parameter section (truncated or corrupt file)");
                }
                byte[] data = new byte[(int) len];
                System.arraycopy(b, q, data, 0, (int) len);
                pending.add(new Object[] {id, name, new Param(type, dims, data)});
            }
            if (next == 0) {
                break;
            }
            pos = offPos + next;
        }
        for (Object[] p : pending) {
            String g = groups.getOrDefault((Integer) p[0], "?");
            out.put(g + ":" + p[1], (Param) p[2]);
        }
        return out;
    }

    /** A char parameter as a list of strings (one per column of its first dimension). */
    private static List<String> strings(Param p) {
        List<String> out = new ArrayList<>();
        if (p == null || p.type() != -1) {
            return out;
        }
        if (p.dims().length == 0) {
            out.add(new String(p.data(), StandardCharsets.US_ASCII).trim());
            return out;
        }
        int len = p.dims()[0];
        if (len <= 0) {
            return out;
        }
        // never beyond the data (found by fuzzing: more dimensions than two, one of them 0, hold no data at all)
        int n = Math.min(p.dims().length > 1 ? p.dims()[1] : 1, p.data().length / len);
        for (int i = 0; i < n; i++) {
            out.add(new String(p.data(), i * len, len, StandardCharsets.US_ASCII).trim());
        }
        return out;
    }
}
