package org.gaitform.io.force;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gaitform.io.pose.C3dParameters;
import org.gaitform.model.Decision;
import org.gaitform.model.GaitformException;
import org.gaitform.model.Side;

/**
 * Reads the vertical force of the force plates of a C3D file (c3d.org, "Force platforms"): the analog samples that
 * follow the 3D points of every frame ({@code ANALOG:USED} channels, {@code ANALOG:RATE} / {@code POINT:RATE}
 * samples per frame, scaled as (value − {@code ANALOG:OFFSET}) × {@code ANALOG:SCALE} × {@code ANALOG:GEN_SCALE}),
 * and the plates described by {@code FORCE_PLATFORM:USED}, {@code TYPE} and {@code CHANNEL}: types 1 and 2 give Fz
 * on their third channel, type 3 (Kistler) the sum of its four Fz channels, type 4 the third row of
 * {@code FORCE_PLATFORM:CAL_MATRIX} applied to its six channels. Plate z usually points down (the force on the
 * plate), so a plate whose mean force is negative is turned around: the ground pushes the runner up. The unit is
 * the channel's {@code ANALOG:UNITS} when it names one. Plates are not tied to a foot.
 */
public final class C3dForceReader {
    private static final int INTEL = 84;

    /** Reads a file. */
    public ForceRecording read(Path file, String source, ForceReadOptions options) throws IOException {
        long size = Files.size(file);
        if (size > 1L << 30) {
            throw GaitformException.badInput(source, "", "a C3D file of at most 1024 MiB", (size >> 20) + " MiB");
        }
        byte[] b = Files.readAllBytes(file);
        if (b.length < C3dParameters.BLOCK || (b[1] & 0xFF) != 0x50) {
            throw GaitformException.badInput(source, "header", "a C3D file (key 0x50 in byte 2)", "another file");
        }
        int paramBlock = b[0] & 0xFF;
        long paramStart = (long) (paramBlock - 1) * C3dParameters.BLOCK;
        if (paramBlock < 2 || paramStart + 4 > b.length || (b[(int) paramStart + 3] & 0xFF) != INTEL) {
            throw GaitformException.badInput(source, "parameter section", "an Intel-order C3D parameter section",
                    "none, or another processor type");
        }
        ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        int points = bb.getShort(2) & 0xFFFF;
        int analogPerFrame = bb.getShort(4) & 0xFFFF;
        int first = bb.getShort(6) & 0xFFFF;
        int last = bb.getShort(8) & 0xFFFF;
        float scale = bb.getFloat(12);
        int dataBlock = bb.getShort(16) & 0xFFFF;
        double pointRate = bb.getFloat(20);
        Map<String, C3dParameters.Param> p = C3dParameters.parse(b, (int) paramStart, source);
        double[] v = C3dParameters.numbers(p.get("POINT:USED"));
        if (v.length > 0) {
            points = (int) v[0] & 0xFFFF;
        }
        v = C3dParameters.numbers(p.get("POINT:DATA_START"));
        if (v.length > 0) {
            dataBlock = (int) v[0] & 0xFFFF;
        }
        v = C3dParameters.numbers(p.get("POINT:SCALE"));
        if (v.length > 0) {
            scale = (float) v[0];
        }
        v = C3dParameters.numbers(p.get("POINT:RATE"));
        if (v.length > 0) {
            pointRate = v[0];
        }
        int plates = (int) first(C3dParameters.numbers(p.get("FORCE_PLATFORM:USED")), 0);
        int channels = (int) first(C3dParameters.numbers(p.get("ANALOG:USED")), 0);
        if (plates <= 0 || channels <= 0 || analogPerFrame <= 0) {
            throw GaitformException.badInput(source, "FORCE_PLATFORM:USED", "force plates with analog channels "
                    + "(FORCE_PLATFORM and ANALOG parameters)", plates + " plate(s), " + channels + " analog channel(s)");
        }
        double analogRate = first(C3dParameters.numbers(p.get("ANALOG:RATE")), pointRate * analogPerFrame / channels);
        int perFrame = analogPerFrame / channels;
        if (!(pointRate > 0) || perFrame < 1 || perFrame * channels != analogPerFrame
                || Math.abs(analogRate - pointRate * perFrame) > 1e-3 * analogRate) {
            throw GaitformException.badInput(source, "ANALOG:RATE", "an analog rate that is a whole multiple of the "
                    + "frame rate (" + fmt(pointRate) + " Hz) matching " + analogPerFrame + " analog values per frame",
                    fmt(analogRate) + " Hz for " + channels + " channels");
        }
        int frames = last - first + 1;
        double[] pf = C3dParameters.numbers(p.get("POINT:FRAMES"));
        if (pf.length > 0 && pf[0] > frames) {
            frames = (int) pf[0];
        }
        boolean isFloat = scale < 0;
        int word = isFloat ? 4 : 2;
        long frameBytes = (long) (4 * points + analogPerFrame) * word;
        long start = (long) (dataBlock - 1) * C3dParameters.BLOCK;
        if (frames < 1 || dataBlock < 2 || start + frameBytes * frames > b.length) {
            throw GaitformException.badInput(source, "data section", frames + " frames of " + frameBytes + " bytes",
                    b.length + " bytes (truncated file)");
        }
        double[] chScale = C3dParameters.numbers(p.get("ANALOG:SCALE"));
        int[] chOffset = C3dParameters.ints(p.get("ANALOG:OFFSET"));
        double gen = first(C3dParameters.numbers(p.get("ANALOG:GEN_SCALE")), 1.0);
        List<String> labels = C3dParameters.strings(p.get("ANALOG:LABELS"));
        List<String> units = C3dParameters.strings(p.get("ANALOG:UNITS"));
        boolean unsigned = C3dParameters.strings(p.get("ANALOG:FORMAT")).stream()
                .anyMatch(s -> s.trim().equalsIgnoreCase("UNSIGNED"));
        int n = frames * perFrame;
        double[][] analog = new double[channels][n];
        for (int f = 0; f < frames; f++) {
            long base = start + frameBytes * f + (long) 4 * points * word;
            for (int s = 0; s < perFrame; s++) {
                for (int c = 0; c < channels; c++) {
                    int off = (int) (base + ((long) s * channels + c) * word);
                    double raw = isFloat ? bb.getFloat(off) : unsigned ? bb.getShort(off) & 0xFFFF : bb.getShort(off);
                    double o = c < chOffset.length ? chOffset[c] : 0;
                    double sc = c < chScale.length ? chScale[c] : 1.0;
                    analog[c][f * perFrame + s] = (raw - o) * sc * gen;
                }
            }
        }
        int[] types = C3dParameters.ints(p.get("FORCE_PLATFORM:TYPE"));
        C3dParameters.Param chParam = p.get("FORCE_PLATFORM:CHANNEL");
        int[] ch = C3dParameters.ints(chParam);
        int rows = chParam != null && chParam.dims().length > 0 ? chParam.dims()[0] : 6;
        double[] cal = C3dParameters.numbers(p.get("FORCE_PLATFORM:CAL_MATRIX"));
        List<Decision> decisions = new ArrayList<>();
        List<ForcePlate> out = new ArrayList<>();
        String unitText = null;
        for (int k = 0; k < plates; k++) {
            int type = k < types.length ? types[k] : 2;
            int[] mine = new int[rows];
            for (int r = 0; r < rows; r++) {
                int at = k * rows + r;
                mine[r] = at < ch.length ? ch[at] - 1 : -1;
            }
            double[] fz = new double[n];
            String fzLabel;
            switch (type) {
                case 1, 2 -> {
                    int c = channel(source, mine, 2, channels, k);
                    fz = analog[c].clone();
                    fzLabel = label(labels, c);
                    unitText = unitText == null && c < units.size() ? units.get(c) : unitText;
                }
                case 3 -> {
                    for (int r = 4; r < 8; r++) {
                        double[] a = analog[channel(source, mine, r, channels, k)];
                        for (int i = 0; i < n; i++) {
                            fz[i] += a[i];
                        }
                    }
                    int c = channel(source, mine, 4, channels, k);
                    fzLabel = "Fz1–Fz4 " + label(labels, c) + "…";
                    unitText = unitText == null && c < units.size() ? units.get(c) : unitText;
                }
                case 4 -> {
                    if (cal.length < (k + 1) * 36) {
                        throw GaitformException.badInput(source, "FORCE_PLATFORM:CAL_MATRIX", "a 6 × 6 calibration matrix "
                                + "for type-4 plate " + (k + 1), cal.length / 36 + " matrices");
                    }
                    for (int col = 0; col < 6; col++) {
                        // column-major (6, 6, plates): element (row 2, col)
                        double m = cal[k * 36 + col * 6 + 2];
                        double[] a = analog[channel(source, mine, col, channels, k)];
                        for (int i = 0; i < n; i++) {
                            fz[i] += m * a[i];
                        }
                    }
                    fzLabel = "calibrated Fz";
                }
                default -> throw GaitformException.badInput(source, "FORCE_PLATFORM:TYPE", "a force plate of type 1, 2, "
                        + "3 or 4", "type " + type + " for plate " + (k + 1));
            }
            double mean = ForceTableReader.mean(fz);
            if (mean < 0) {
                for (int i = 0; i < n; i++) {
                    fz[i] = -fz[i];
                }
                decisions.add(new Decision("force_sign_plate" + (k + 1), "inverted", "its mean is negative: plate z "
                        + "points down (the force on the plate); the ground pushes up"));
            }
            out.add(new ForcePlate("plate " + (k + 1) + " (" + fzLabel + ")", Side.UNKNOWN, fz));
            decisions.add(new Decision("force_plate" + (k + 1), "type " + type + ", " + fzLabel, "FORCE_PLATFORM"));
        }
        ForceUnit unit;
        if (options.unit().isPresent()) {
            unit = options.unit().get();
            decisions.add(new Decision("force_unit", unit.symbol(), "override"));
        } else if (unitText != null && ForceUnit.parse(unitText) != null) {
            unit = ForceUnit.parse(unitText);
            decisions.add(new Decision("force_unit", unit.symbol(), "ANALOG:UNITS"));
        } else {
            unit = ForceUnit.NEWTON;
            decisions.add(new Decision("force_unit", "N", "C3D force plates record newtons (ANALOG:UNITS says "
                    + (unitText == null ? "nothing" : "'" + unitText + "'") + ")"));
        }
        decisions.add(new Decision("force_rate_hz", fmt(analogRate), "ANALOG:RATE"));
        ForceRecording rec = new ForceRecording(source, (first - 1) / pointRate, analogRate, out, unit, decisions);
        ForceTableReader.checkMagnitude(source, rec, true);
        return rec;
    }

    private static int channel(String source, int[] mine, int row, int channels, int plate) {
        int c = row < mine.length ? mine[row] : -1;
        if (c < 0 || c >= channels) {
            throw GaitformException.badInput(source, "FORCE_PLATFORM:CHANNEL", "analog channels 1–" + channels
                    + " for plate " + (plate + 1), "channel " + (c + 1) + " in row " + (row + 1));
        }
        return c;
    }

    private static String label(List<String> labels, int c) {
        return c < labels.size() && !labels.get(c).isBlank() ? labels.get(c).trim() : "channel " + (c + 1);
    }

    private static double first(double[] v, double otherwise) {
        return v.length > 0 ? v[0] : otherwise;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.4g", v);
    }
}
