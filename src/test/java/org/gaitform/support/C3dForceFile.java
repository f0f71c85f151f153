package org.gaitform.support;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A C3D file with force-plate analog channels, written with the corpus's C3D record writers: two points (heel
 * markers) and one type-2 force plate (Fx Fy Fz Mx My Mz on six analog channels, several analog samples per frame),
 * in float storage. No shared C3D has analog force, so the force reader is checked on this.
 */
public final class C3dForceFile {
    /** Frame rate of the points (Hz). */
    public float pointRate = 100f;
    /** Analog samples per point frame. */
    public int perFrame = 10;
    /** Analog scale of every channel; the stored values are force / (scale × generalScale) + offset. */
    public float scale = 0.5f;
    public float generalScale = 2f;
    public int offset = 0;
    /** Plate z points down: the stored Fz is the force on the plate (negative of the ground reaction). */
    public boolean plateZDown = true;
    /** Unit written in ANALOG:UNITS. */
    public String unit = "N";

    /** The file, with the vertical ground-reaction force {@code vgrfN} (one value per analog sample). */
    public byte[] bytes(double[] vgrfN) {
        int channels = 6;
        int frames = vgrfN.length / perFrame;
        int points = 2;
        ByteBuffer header = ByteBuffer.allocate(512).order(ByteOrder.LITTLE_ENDIAN);
        header.put(0, (byte) 2).put(1, (byte) 0x50);
        header.putShort(2, (short) points).putShort(4, (short) (channels * perFrame)).putShort(6, (short) 1)
                .putShort(8, (short) frames).putShort(10, (short) 10).putFloat(12, -1f).putShort(16, (short) 6)
                .putShort(18, (short) perFrame).putFloat(20, pointRate);
        ByteArrayOutputStream p = new ByteArrayOutputStream();
        p.writeBytes(new byte[] {1, 0x50, 4, 84});
        MalformedFiles.C3d.group(p, "POINT", 1);
        MalformedFiles.C3d.param(p, "USED", 1, 2, new int[0], MalformedFiles.le16(points));
        MalformedFiles.C3d.param(p, "SCALE", 1, 4, new int[0], MalformedFiles.lef(-1f));
        MalformedFiles.C3d.param(p, "RATE", 1, 4, new int[0], MalformedFiles.lef(pointRate));
        MalformedFiles.C3d.param(p, "DATA_START", 1, 2, new int[0], MalformedFiles.le16(6));
        MalformedFiles.C3d.param(p, "LABELS", 1, -1, new int[] {4, points}, "LHEERHEE".getBytes(StandardCharsets.US_ASCII));
        MalformedFiles.C3d.param(p, "UNITS", 1, -1, new int[] {2}, "mm".getBytes(StandardCharsets.US_ASCII));
        MalformedFiles.C3d.group(p, "ANALOG", 2);
        MalformedFiles.C3d.param(p, "USED", 2, 2, new int[0], MalformedFiles.le16(channels));
        MalformedFiles.C3d.param(p, "RATE", 2, 4, new int[0], MalformedFiles.lef(pointRate * perFrame));
        MalformedFiles.C3d.param(p, "GEN_SCALE", 2, 4, new int[0], MalformedFiles.lef(generalScale));
        ByteBuffer sc = ByteBuffer.allocate(4 * channels).order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer off = ByteBuffer.allocate(2 * channels).order(ByteOrder.LITTLE_ENDIAN);
        for (int c = 0; c < channels; c++) {
            sc.putFloat(scale);
            off.putShort((short) offset);
        }
        MalformedFiles.C3d.param(p, "SCALE", 2, 4, new int[] {channels}, sc.array());
        MalformedFiles.C3d.param(p, "OFFSET", 2, 2, new int[] {channels}, off.array());
        MalformedFiles.C3d.param(p, "LABELS", 2, -1, new int[] {4, channels},
                "Fx1 Fy1 Fz1 Mx1 My1 Mz1 ".getBytes(StandardCharsets.US_ASCII));
        StringBuilder units = new StringBuilder();
        for (int c = 0; c < channels; c++) {
            units.append(String.format("%-4s", c < 3 ? unit : "Nmm"));
        }
        MalformedFiles.C3d.param(p, "UNITS", 2, -1, new int[] {4, channels},
                units.toString().getBytes(StandardCharsets.US_ASCII));
        MalformedFiles.C3d.group(p, "FORCE_PLATFORM", 3);
        MalformedFiles.C3d.param(p, "USED", 3, 2, new int[0], MalformedFiles.le16(1));
        MalformedFiles.C3d.param(p, "TYPE", 3, 2, new int[] {1}, MalformedFiles.le16(2));
        ByteBuffer ch = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
        for (int c = 1; c <= 6; c++) {
            ch.putShort((short) c);
        }
        MalformedFiles.C3d.param(p, "CHANNEL", 3, 2, new int[] {6, 1}, ch.array());
        byte[] params = Arrays.copyOf(p.toByteArray(), 4 * 512);
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        for (int f = 0; f < frames; f++) {
            ByteBuffer fb = ByteBuffer.allocate(4 * (4 * points + channels * perFrame)).order(ByteOrder.LITTLE_ENDIAN);
            for (int k = 0; k < points; k++) {
                fb.putFloat(100 * k).putFloat(50).putFloat(f).putFloat(0.5f);
            }
            for (int s = 0; s < perFrame; s++) {
                double fz = vgrfN[f * perFrame + s] * (plateZDown ? -1 : 1);
                double[] values = {3, 40, fz, 0, 0, 0};
                for (double v : values) {
                    fb.putFloat((float) (v / (scale * generalScale) + offset));
                }
            }
            data.writeBytes(fb.array());
        }
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.writeBytes(header.array());
        all.writeBytes(params);
        byte[] d = data.toByteArray();
        all.writeBytes(Arrays.copyOf(d, ((d.length + 511) / 512) * 512));
        return all.toByteArray();
    }
}
