package org.gaitform.support;

import static org.gaitform.io.fit.FitWriter.f;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.gaitform.io.fit.FitWriter;
import org.gaitform.io.pose.KeypointNames;
import org.gaitform.simulate.PoseRunnerSimulator;

/**
 * Good files of every format gaitform reads, small and generated in code, for the malformed-input corpus to
 * damage: keypoint tables (OpenPose, MediaPipe, generic), marker tables (Fukuchi-style TSV, TRC), C3D, OpenPose
 * JSON frames, FIT activities and Sensor Logger streams.
 */
public final class MalformedFiles {
    private MalformedFiles() {
    }

    /** The runner every pose file shows: 8 s at 30 fps, side view. */
    public static PoseRunnerSimulator runner() {
        return new PoseRunnerSimulator(30, 8, 170, 0.26, 3.0, 8.0, 0.20, 15, 6, 0.03, false);
    }

    /** OpenPose-style CSV ({@code frame,<Name>_x,_y,_c}), 240 frames in pixels. */
    public static String openPoseCsv() {
        return runner().keypointTable(false, 600);
    }

    private static final Map<String, String> BLAZE = Map.ofEntries(Map.entry("Nose", "nose"),
            Map.entry("LShoulder", "left_shoulder"), Map.entry("RShoulder", "right_shoulder"),
            Map.entry("LWrist", "left_wrist"), Map.entry("RWrist", "right_wrist"), Map.entry("LHip", "left_hip"),
            Map.entry("RHip", "right_hip"), Map.entry("LKnee", "left_knee"), Map.entry("RKnee", "right_knee"),
            Map.entry("LAnkle", "left_ankle"), Map.entry("RAnkle", "right_ankle"), Map.entry("LHeel", "left_heel"),
            Map.entry("RHeel", "right_heel"), Map.entry("LBigToe", "left_foot_index"),
            Map.entry("RBigToe", "right_foot_index"));

    /** MediaPipe-style CSV with a time column ({@code time_s,<landmark>_x,_y,_z,_visibility}), normalised. */
    public static String mediaPipeCsv() {
        PoseRunnerSimulator r = runner();
        List<String> names = new ArrayList<>(r.pose(0).keySet());
        names.removeIf(n -> !BLAZE.containsKey(n));
        StringBuilder sb = new StringBuilder("time_s");
        for (String n : names) {
            String b = BLAZE.get(n);
            sb.append(',').append(b).append("_x,").append(b).append("_y,").append(b).append("_z,").append(b)
                    .append("_visibility");
        }
        sb.append('\n');
        int frames = (int) Math.round(r.seconds() * r.fs());
        for (int i = 0; i < frames; i++) {
            Map<String, double[]> p = r.pose(i / r.fs());
            sb.append(String.format(Locale.ROOT, "%.4f", i / r.fs()));
            for (String n : names) {
                double[] v = p.get(n);
                sb.append(String.format(Locale.ROOT, ",%.6f,%.6f,%.4f,0.95", (960 + v[0] * 600) / 1920,
                        (1000 - v[1] * 600) / 1080, -0.1));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** A generic keypoint CSV: the OpenPose table with names no estimator uses ({@code r.hip_x}, {@code neck_x}). */
    public static String genericKeypointCsv() {
        String[] lines = openPoseCsv().split("\n", -1);
        String[] head = lines[0].split(",");
        for (int i = 1; i < head.length; i++) {
            String h = head[i];
            int u = h.lastIndexOf('_');
            String name = h.substring(0, u);
            boolean sided = name.length() > 1 && (name.charAt(0) == 'L' || name.charAt(0) == 'R')
                    && Character.isUpperCase(name.charAt(1));
            head[i] = (sided ? name.substring(0, 1).toLowerCase(Locale.ROOT) + "." + name.substring(1)
                    .toLowerCase(Locale.ROOT) : name.toLowerCase(Locale.ROOT)) + h.substring(u);
        }
        lines[0] = String.join(",", head);
        return String.join("\n", lines);
    }

    /** A Fukuchi-style 3D marker table (tab separated, {@code Time}, {@code RHeelX}, mm). */
    public static String markerTsv() {
        return runner().markerTable();
    }

    /** An OpenSim TRC marker file (mm, 30 fps, 240 frames); {@code numFrames} is written in the header. */
    public static String trc(String numFrames) {
        PoseRunnerSimulator r = runner();
        List<String> names = new ArrayList<>(r.pose(0).keySet());
        int frames = (int) Math.round(r.seconds() * r.fs());
        StringBuilder sb = new StringBuilder("PathFileType\t4\t(X/Y/Z)\trun.trc\n");
        sb.append("DataRate\tCameraRate\tNumFrames\tNumMarkers\tUnits\tOrigDataRate\tOrigDataStartFrame\tOrigNumFrames\n");
        sb.append("30.00\t30.00\t").append(numFrames).append('\t').append(names.size()).append("\tmm\t30.00\t1\t")
                .append(numFrames).append('\n');
        sb.append("Frame#\tTime");
        for (String n : names) {
            sb.append('\t').append(n).append("\t\t");
        }
        sb.append("\n\t");
        for (int m = 1; m <= names.size(); m++) {
            sb.append("\tX").append(m).append("\tY").append(m).append("\tZ").append(m);
        }
        sb.append("\n\n");
        for (int i = 0; i < frames; i++) {
            Map<String, double[]> p = r.pose(i / r.fs());
            sb.append(i + 1).append('\t').append(String.format(Locale.ROOT, "%.5f", i / r.fs()));
            for (String n : names) {
                double[] v = p.get(n);
                sb.append(String.format(Locale.ROOT, "\t%.3f\t%.3f\t%.3f", v[0] * 1000, v[1] * 1000, v[2] * 1000));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** The TRC with 240 frames declared. */
    public static String trc() {
        return trc("240");
    }

    /** One OpenPose frame ({@code {"version":1.3,"people":[{"pose_keypoints_2d":[75 numbers]}]}}) of the runner. */
    public static String openPoseFrame(int frame) {
        PoseRunnerSimulator r = runner();
        Map<String, double[]> p = r.pose(frame / r.fs());
        StringBuilder sb = new StringBuilder("{\"version\":1.3,\"people\":[{\"person_id\":[-1],\"pose_keypoints_2d\":[");
        for (int k = 0; k < KeypointNames.BODY_25.size(); k++) {
            String n = KeypointNames.BODY_25.get(k);
            double[] v = p.get(n);
            if (n.equals("MidHip")) {
                double[] l = p.get("LHip");
                double[] rr = p.get("RHip");
                v = new double[] {(l[0] + rr[0]) / 2, (l[1] + rr[1]) / 2, 0};
            }
            if (k > 0) {
                sb.append(',');
            }
            if (v == null) {
                sb.append("0,0,0");
            } else {
                sb.append(String.format(Locale.ROOT, "%.3f,%.3f,0.9", 960 + v[0] * 600, 1000 - v[1] * 600));
            }
        }
        sb.append("],\"face_keypoints_2d\":[],\"hand_left_keypoints_2d\":[],\"hand_right_keypoints_2d\":[]}]}");
        return sb.toString();
    }

    /** The name of frame {@code f} in an OpenPose output folder. */
    public static String openPoseFrameName(int f) {
        return String.format(Locale.ROOT, "run_%012d_keypoints.json", f);
    }

    /** An OpenPose folder of {@code frames} good frames, as relative path → bytes. */
    public static Map<String, byte[]> openPoseFolder(int frames) {
        Map<String, byte[]> m = new LinkedHashMap<>();
        for (int f = 0; f < frames; f++) {
            m.put(openPoseFrameName(f), openPoseFrame(f).getBytes(StandardCharsets.UTF_8));
        }
        return m;
    }

    // ---------------------------------------------------------------------------------------------- C3D

    /** A C3D file to damage: every header and parameter field can be set. */
    public static final class C3d {
        public int points = 4;
        public int frames = 60;
        public int headerPoints = -1;
        public int firstFrame = 1;
        public int lastFrame = -1;
        public int processor = 84;
        public int paramBlock = 2;
        public int paramBlocks = 2;
        public int dataStart = 4;
        public float rate = 100f;
        public float scale = -0.1f;
        public int used = -1;
        /** POINT:FRAMES as a float parameter, or NaN for none. */
        public float pointFrames = Float.NaN;
        /** Offset to the next record written in the first parameter record, or 0 to compute it. */
        public int firstNextOffset;
        /** Dimensions of POINT:LABELS, or null for {8, points}. */
        public int[] labelDims;
        /** Type byte of POINT:LABELS. */
        public int labelType = -1;
        /** Bytes to cut from the end, or 0. */
        public int cut;

        /** The file. */
        public byte[] bytes() {
            int last = lastFrame >= 0 ? lastFrame : firstFrame + frames - 1;
            ByteBuffer header = ByteBuffer.allocate(512).order(ByteOrder.LITTLE_ENDIAN);
            header.put(0, (byte) paramBlock).put(1, (byte) 0x50);
            header.putShort(2, (short) (headerPoints >= 0 ? headerPoints : points)).putShort(4, (short) 0)
                    .putShort(6, (short) firstFrame).putShort(8, (short) last).putShort(10, (short) 10)
                    .putFloat(12, scale).putShort(16, (short) dataStart).putShort(18, (short) 0).putFloat(20, rate);
            ByteArrayOutputStream params = new ByteArrayOutputStream();
            params.writeBytes(new byte[] {1, 0x50, (byte) paramBlocks, (byte) processor});
            group(params, "POINT", 1);
            int usedAt = params.size();
            param(params, "USED", 1, 2, new int[0], le16(used >= 0 ? used : points));
            if (firstNextOffset != 0) {
                byte[] p = params.toByteArray();
                // the USED record's offset field follows its name length, group id and the name "USED"
                ByteBuffer.wrap(p).order(ByteOrder.LITTLE_ENDIAN).putShort(usedAt + 2 + 4, (short) firstNextOffset);
                params.reset();
                params.writeBytes(p);
            }
            param(params, "SCALE", 1, 4, new int[0], lef(scale));
            param(params, "RATE", 1, 4, new int[0], lef(rate));
            param(params, "DATA_START", 1, 2, new int[0], le16(dataStart));
            if (!Float.isNaN(pointFrames)) {
                param(params, "FRAMES", 1, 4, new int[0], lef(pointFrames));
            }
            StringBuilder labels = new StringBuilder();
            String[] names = {"LHEE", "RHEE", "LTOE", "RTOE", "LASI", "RASI", "LKNE", "RKNE"};
            for (int p = 0; p < points; p++) {
                labels.append(String.format("%-8s", p < names.length ? names[p] : "M" + p));
            }
            int[] dims = labelDims != null ? labelDims : new int[] {8, points};
            byte[] lb = labels.toString().getBytes(StandardCharsets.US_ASCII);
            param(params, "LABELS", 1, labelType, dims, labelDims != null ? Arrays.copyOf(lb, 16) : lb);
            param(params, "UNITS", 1, -1, new int[] {4}, "mm  ".getBytes(StandardCharsets.US_ASCII));
            byte[] pb = Arrays.copyOf(params.toByteArray(), 1024);
            ByteArrayOutputStream data = new ByteArrayOutputStream();
            for (int f = 0; f < frames; f++) {
                ByteBuffer fb = ByteBuffer.allocate(16 * points).order(ByteOrder.LITTLE_ENDIAN);
                for (int p = 0; p < points; p++) {
                    fb.putFloat(10 * p + f).putFloat(100 + f).putFloat(1000 * p + 5).putFloat(0.5f);
                }
                data.writeBytes(fb.array());
            }
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            all.writeBytes(header.array());
            all.writeBytes(pb);
            byte[] d = data.toByteArray();
            all.writeBytes(Arrays.copyOf(d, ((d.length + 511) / 512) * 512));
            byte[] out = all.toByteArray();
            return Arrays.copyOf(out, out.length - cut);
        }

        /** Writes a C3D parameter group record. */
        public static void group(ByteArrayOutputStream o, String name, int id) {
            byte[] n = name.getBytes(StandardCharsets.US_ASCII);
            o.write(n.length);
            o.write(-id);
            o.writeBytes(n);
            o.writeBytes(le16(2 + 1));
            o.write(0);
        }

        /** Writes a C3D parameter record. */
        public static void param(ByteArrayOutputStream o, String name, int group, int type, int[] dims,
                                 byte[] value) {
            byte[] n = name.getBytes(StandardCharsets.US_ASCII);
            o.write(n.length);
            o.write(group);
            o.writeBytes(n);
            int rest = 1 + 1 + dims.length + value.length + 1;
            o.writeBytes(le16(2 + rest));
            o.write(type);
            o.write(dims.length);
            for (int d : dims) {
                o.write(d);
            }
            o.writeBytes(value);
            o.write(0);
        }
    }

    /** Two bytes, little-endian. */
    public static byte[] le16(int v) {
        return ByteBuffer.allocate(2).order(ByteOrder.LITTLE_ENDIAN).putShort((short) v).array();
    }

    /** A float, little-endian. */
    public static byte[] lef(float v) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putFloat(v).array();
    }

    // ---------------------------------------------------------------------------------------------- FIT

    /** FIT epoch seconds of the activity's start (2024-03-04 07:00 UTC). */
    static final long FIT_START = 1_709_535_600L - 631_065_600L;

    /**
     * A FIT running activity: a file id, {@code seconds} records at 1 Hz (distance, speed, cadence per leg, stance
     * time, heart rate) and a running session.
     */
    public static FitWriter fitRun(int seconds) {
        FitWriter w = new FitWriter()
                .define(0, 0, f(0, 1, 0x00), f(1, 2, 0x84), f(4, 4, 0x86))
                .data(0, 4L, 1L, FIT_START)
                .define(1, 20, f(253, 4, 0x86), f(5, 4, 0x86), f(6, 2, 0x84), f(4, 1, 0x02), f(41, 2, 0x84),
                        f(3, 1, 0x02));
        for (int i = 0; i < seconds; i++) {
            w.data(1, FIT_START + i, (long) (320 * i), 3200L, 85L, 2450L + (i % 7), 150L);
        }
        w.define(2, 18, f(253, 4, 0x86), f(2, 4, 0x86), f(5, 1, 0x00))
                .data(2, FIT_START + seconds, FIT_START, 1L);
        return w;
    }

    /** The bytes of {@link #fitRun}. */
    public static byte[] fitRunBytes(int seconds) {
        return fitRun(seconds).bytes();
    }

    // ---------------------------------------------------------------------------------------------- zips

    /** A zip of the given entries (name → bytes), deflated. */
    public static byte[] zip(Map<String, byte[]> entries) {
        try {
            ByteArrayOutputStream bo = new ByteArrayOutputStream();
            try (ZipOutputStream z = new ZipOutputStream(bo)) {
                z.setLevel(Deflater.BEST_SPEED);
                for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                    z.putNextEntry(new ZipEntry(e.getKey()));
                    z.write(e.getValue());
                    z.closeEntry();
                }
            }
            return bo.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A zip with one stored entry whose central directory claims an uncompressed size of {@code claimed} bytes. */
    public static byte[] zipClaimingSize(String name, byte[] content, long claimed) {
        try {
            ByteArrayOutputStream bo = new ByteArrayOutputStream();
            try (ZipOutputStream z = new ZipOutputStream(bo)) {
                ZipEntry e = new ZipEntry(name);
                e.setMethod(ZipEntry.STORED);
                e.setSize(content.length);
                e.setCompressedSize(content.length);
                CRC32 crc = new CRC32();
                crc.update(content);
                e.setCrc(crc.getValue());
                z.putNextEntry(e);
                z.write(content);
                z.closeEntry();
            }
            byte[] b = bo.toByteArray();
            // central directory header (PK\1\2): uncompressed size at offset 24
            for (int i = b.length - 22; i >= 0; i--) {
                if (b[i] == 'P' && b[i + 1] == 'K' && b[i + 2] == 1 && b[i + 3] == 2) {
                    ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(i + 24, (int) claimed);
                    break;
                }
            }
            return b;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A Sensor Logger stream ({@code time,seconds_elapsed,z,y,x}) of a phone in a pocket: a 2.8 Hz bounce. */
    public static String sensorLoggerStream(double rateHz, double seconds, double zOffset, double amp) {
        StringBuilder sb = new StringBuilder("time,seconds_elapsed,z,y,x\n");
        long t0 = 1_700_000_000_000_000_000L;
        int n = (int) Math.round(rateHz * seconds);
        for (int i = 0; i < n; i++) {
            double t = i / rateHz;
            double s = Math.sin(2 * Math.PI * 2.8 * t);
            sb.append(t0 + Math.round(t * 1e9)).append(',').append(String.format(Locale.ROOT, "%.4f,%.4f,%.4f,%.4f%n",
                    t, zOffset + amp * s, 0.3 * amp * Math.cos(2 * Math.PI * 1.4 * t), 0.2 * amp * s));
        }
        return sb.toString();
    }
}
