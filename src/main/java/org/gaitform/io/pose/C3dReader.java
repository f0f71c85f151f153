package org.gaitform.io.pose;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
 * with a message. Analog channels are skipped here; {@code io.force.C3dForceReader} reads the force plates.
 */
public final class C3dReader {
    private static final int BLOCK = 512;
    private static final int INTEL = 84;

    /** Largest file read (bytes). */
    public static final long MAX_FILE_BYTES = 1L << 30;
    /** Highest frame rate accepted (Hz). */
    static final double MAX_RATE_HZ = 100_000;

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
        Map<String, C3dParameters.Param> params = C3dParameters.parse(b, (int) paramStart, source);
        C3dParameters.Param used = params.get("POINT:USED");
        if (used != null && used.type() == 2) {
            points = (int) C3dParameters.firstValue(used, "POINT:USED", source);
        }
        C3dParameters.Param ds = params.get("POINT:DATA_START");
        if (ds != null && ds.type() == 2) {
            dataBlock = (int) C3dParameters.firstValue(ds, "POINT:DATA_START", source);
        }
        C3dParameters.Param ps = params.get("POINT:SCALE");
        if (ps != null && ps.type() == 4) {
            scale = (float) C3dParameters.firstValue(ps, "POINT:SCALE", source);
        }
        double rate = headerRate;
        C3dParameters.Param pr = params.get("POINT:RATE");
        if (pr != null && pr.type() == 4) {
            rate = C3dParameters.firstValue(pr, "POINT:RATE", source);
        }
        if (points == 0) {
            throw GaitformException.notAnalysable(source, "the C3D file holds no 3D points (only analog data)");
        }
        if (!(rate > 0 && rate <= MAX_RATE_HZ)) {
            throw GaitformException.badInput(source, pr != null && pr.type() == 4 ? "POINT:RATE" : "header, frame rate",
                    "a frame rate above 0 and at most " + (long) MAX_RATE_HZ + " Hz", PoseAssembler.fmt(rate));
        }
        List<String> labels = new ArrayList<>(C3dParameters.strings(params.get("POINT:LABELS")));
        for (int k = 2; labels.size() < points && params.containsKey("POINT:LABELS" + k); k++) {
            labels.addAll(C3dParameters.strings(params.get("POINT:LABELS" + k)));
        }
        while (labels.size() < points) {
            labels.add("point" + (labels.size() + 1));
        }
        String unit = "mm";
        C3dParameters.Param pu = params.get("POINT:UNITS");
        Optional<String> unitHint = Optional.empty();
        if (pu != null) {
            List<String> u = C3dParameters.strings(pu);
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
        C3dParameters.Param pf = params.get("POINT:FRAMES");
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

}
