package org.gaitform.support;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.gaitform.io.pose.KeypointNames;
import org.gaitform.model.Activity;
import org.gaitform.signal.Vec3;
import org.gaitform.simulate.FootImuSimulator;
import org.gaitform.simulate.PoseRunnerSimulator;
import org.gaitform.simulate.RunnerProfile;
import org.gaitform.simulate.Segment;
import org.gaitform.simulate.SimulatedSession;
import org.gaitform.simulate.TrunkImuSimulator;

/**
 * Long simulated recordings for memory tests and the benchmark, written straight to disk (never committed):
 * a trunk IMU CSV (time in s, 3 accelerometer axes in g, 3 gyroscope axes in deg/s) of a long run with a
 * walking warm-up, stops at traffic lights, speed changes and hills; a bilateral foot IMU CSV; pose exports
 * (OpenPose BODY_25 and MediaPipe BlazePose CSV) and a TRC of a long treadmill run.
 */
public final class LongRecordings {
    private LongRecordings() {
    }

    /** The plan of a run of about {@code minutes} minutes. */
    public static List<Segment> longRunPlan(double minutes) {
        List<Segment> plan = new ArrayList<>();
        plan.add(Segment.stand(10));
        plan.add(Segment.walk(110, 1.4));
        double left = minutes * 60 - 120;
        double[] speeds = {2.8, 3.2, 3.6, 3.0, 4.0, 3.3};
        double[] slopes = {0, 0, 4, -4, 0, 2};
        int k = 0;
        while (left > 0) {
            double run = Math.min(left, 600);
            plan.add(Segment.run(run, speeds[k % speeds.length], slopes[k % slopes.length]));
            left -= run;
            if (left > 0) {
                double stop = Math.min(left, 20);
                plan.add(Segment.stand(stop));
                left -= stop;
            }
            k++;
        }
        return plan;
    }

    /** Simulates a long run. */
    public static SimulatedSession simulateLongRun(double minutes, double rateHz, long seed) {
        RunnerProfile runner = new RunnerProfile(RunnerProfile.Strike.REARFOOT, -4, 1.0);
        return new TrunkImuSimulator(runner, rateHz, seed, new Vec3(0.15, 0.99, 0.05), new Vec3(0.1, -0.15, 0.98))
                .simulate(longRunPlan(minutes), 0);
    }

    /**
     * Writes a trunk IMU CSV ({@code time_s,acc_x_g,acc_y_g,acc_z_g,gyr_x_dps,gyr_y_dps,gyr_z_dps}) of a
     * simulated session.
     *
     * @return the number of data rows
     */
    public static int writeTrunkCsv(SimulatedSession s, Path file) throws IOException {
        double[] t = s.timeS();
        double[][] acc = s.accG();
        double[][] gyr = s.gyrDps();
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            out.write("time_s,acc_x_g,acc_y_g,acc_z_g,gyr_x_dps,gyr_y_dps,gyr_z_dps\n".getBytes(StandardCharsets.US_ASCII));
            byte[] line = new byte[256];
            for (int i = 0; i < t.length; i++) {
                int p = fixed(t[i], 3, line, 0);
                for (int a = 0; a < 3; a++) {
                    line[p++] = ',';
                    p = fixed(acc[a][i], 4, line, p);
                }
                for (int a = 0; a < 3; a++) {
                    line[p++] = ',';
                    p = fixed(gyr[a][i], 2, line, p);
                }
                line[p++] = '\n';
                out.write(line, 0, p);
            }
        }
        return t.length;
    }

    /**
     * A session of a generated batch: standing, a walking warm-up, running at two speeds (the second on a slope),
     * standing; {@code variant} varies the foot strike, cadence, contact time, speeds, slope and sensor mounting.
     */
    public static SimulatedSession batchSession(double minutes, double rateHz, long seed, int variant) {
        RunnerProfile.Strike strike = RunnerProfile.Strike.values()[variant % 3];
        RunnerProfile runner = new RunnerProfile(strike, -12 + (variant * 7) % 25, 0.9 + (variant % 5) * 0.05);
        double run = minutes * 60 - 20;
        List<Segment> plan = List.of(Segment.stand(5), Segment.walk(10, 1.4), Segment.run(run / 2, 2.6 + (variant % 7) * 0.25),
                Segment.run(run / 2, 3.0 + (variant % 4) * 0.3, (variant % 3 - 1) * 3.0), Segment.stand(5));
        return new TrunkImuSimulator(runner, rateHz, seed, new Vec3(0.2, 1, 0.05 * (variant % 3)), new Vec3(0.1, -0.2, 1))
                .simulate(plan, 0);
    }

    /**
     * Writes a batch of {@code n} generated sessions ({@code s000_sacrum.csv}, …; 100 Hz, 6 axes) into {@code dir}.
     *
     * @return the files, in name order
     */
    public static List<Path> writeBatch(Path dir, int n, double minutes) throws IOException {
        return writeBatch(dir, n, minutes, 100);
    }

    /** Writes a batch of {@code n} generated sessions at {@code rateHz} into {@code dir}. */
    public static List<Path> writeBatch(Path dir, int n, double minutes, double rateHz) throws IOException {
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Path f = dir.resolve(String.format(Locale.ROOT, "s%03d_sacrum.csv", i));
            writeTrunkCsv(batchSession(minutes, rateHz, 1000 + i, i), f);
            files.add(f);
        }
        return files;
    }

    /** Writes a long trunk run of {@code minutes} at {@code rateHz} to {@code file}. */
    public static int writeLongTrunkCsv(Path file, double minutes, double rateHz, long seed) throws IOException {
        return writeTrunkCsv(simulateLongRun(minutes, rateHz, seed), file);
    }

    /**
     * Writes a bilateral foot IMU CSV of a long session at {@code rateHz}: a 2-minute walk, then running at 2.8 to
     * 3.8 m/s with a 10-second stop every 10 minutes; columns as {@code sample-data/two_feet_walk_run.csv}
     * ({@code time_s}, then {@code left_acc_x_g … right_gyr_z_dps}).
     *
     * @return the number of data rows
     */
    public static int writeLongFootCsv(Path file, double minutes, double rateHz, long seed) throws IOException {
        List<FootImuSimulator.Part> plan = new ArrayList<>();
        plan.add(new FootImuSimulator.Part(Activity.STANDING, 3, 0));
        plan.add(new FootImuSimulator.Part(Activity.WALKING, 117, 0));
        double left = minutes * 60 - 120;
        double[] speeds = {2.8, 3.3, 3.8};
        for (int k = 0; left > 0; k++) {
            double run = Math.min(left, 600);
            plan.add(new FootImuSimulator.Part(Activity.RUNNING, run, speeds[k % speeds.length]));
            left -= run;
            if (left > 0) {
                plan.add(new FootImuSimulator.Part(Activity.STANDING, Math.min(left, 10), 0));
                left -= Math.min(left, 10);
            }
        }
        FootImuSimulator.Session s = new FootImuSimulator(rateHz, seed).simulate(plan);
        double[] t = s.timeS();
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            StringBuilder h = new StringBuilder("time_s");
            for (String side : new String[] {"left", "right"}) {
                for (String a : new String[] {"x", "y", "z"}) {
                    h.append(',').append(side).append("_acc_").append(a).append("_g");
                }
                for (String a : new String[] {"x", "y", "z"}) {
                    h.append(',').append(side).append("_gyr_").append(a).append("_dps");
                }
            }
            out.write((h + "\n").getBytes(StandardCharsets.US_ASCII));
            byte[] line = new byte[512];
            for (int i = 0; i < t.length; i++) {
                int p = fixed(t[i], 3, line, 0);
                for (int side = 0; side < 2; side++) {
                    for (int a = 0; a < 3; a++) {
                        line[p++] = ',';
                        p = fixed(s.acc()[side][a][i], 3, line, p);
                    }
                    for (int a = 0; a < 3; a++) {
                        line[p++] = ',';
                        p = fixed(s.gyr()[side][a][i], 1, line, p);
                    }
                }
                line[p++] = '\n';
                out.write(line, 0, p);
            }
        }
        return t.length;
    }

    /** The long pose runner: a steady treadmill run of {@code minutes} at {@code fps}. */
    public static PoseRunnerSimulator longPoseRunner(double minutes, double fps) {
        return new PoseRunnerSimulator(fps, minutes * 60, 172, 0.25, 3.2, 7.0, 0.18, 12, 5, 0.02, false);
    }

    /** A point of the BODY_25 skeleton from the simulator's points (face, elbows, mid-hip, small toes derived). */
    private static double[] body25(String name, Map<String, double[]> p) {
        double[] v = p.get(name);
        if (v != null) {
            return v;
        }
        double[] nose = p.get("Nose");
        return switch (name) {
            case "MidHip" -> mid(p.get("LHip"), p.get("RHip"));
            case "RElbow" -> mid(p.get("RShoulder"), p.get("RWrist"));
            case "LElbow" -> mid(p.get("LShoulder"), p.get("LWrist"));
            case "REye" -> new double[] {nose[0] - 0.01, nose[1] + 0.03, 0.03};
            case "LEye" -> new double[] {nose[0] - 0.01, nose[1] + 0.03, -0.03};
            case "REar" -> new double[] {nose[0] - 0.08, nose[1] + 0.01, 0.07};
            case "LEar" -> new double[] {nose[0] - 0.08, nose[1] + 0.01, -0.07};
            case "LSmallToe" -> {
                double[] t = p.get("LBigToe");
                yield new double[] {t[0] - 0.02, t[1], t[2] - 0.04};
            }
            case "RSmallToe" -> {
                double[] t = p.get("RBigToe");
                yield new double[] {t[0] - 0.02, t[1], t[2] + 0.04};
            }
            default -> throw new IllegalArgumentException(name);
        };
    }

    private static double[] mid(double[] a, double[] b) {
        return new double[] {(a[0] + b[0]) / 2, (a[1] + b[1]) / 2, (a[2] + b[2]) / 2};
    }

    /**
     * Writes an OpenPose-style keypoint CSV of a long run seen from the side: {@code frame,time_s}, then the 25
     * BODY_25 keypoints as {@code <Name>_x,<Name>_y,<Name>_c} in pixels (1.5 px of seeded jitter, confidences
     * 0.55–0.95), one row per frame.
     *
     * @return the number of frames
     */
    public static int writeLongPoseCsv(Path file, double minutes, double fps, long seed) throws IOException {
        return writeKeypointCsv(file, minutes, fps, seed, KeypointNames.BODY_25, new String[] {"x", "y", "c"},
                (name, p, rnd, line, at) -> {
                    double[] v = body25(name, p);
                    at = cell(960 + v[0] * 600 + 1.5 * rnd.nextGaussian(), 2, line, at);
                    at = cell(1000 - v[1] * 600 + 1.5 * rnd.nextGaussian(), 2, line, at);
                    return cell(0.55 + 0.4 * rnd.nextDouble(), 3, line, at);
                });
    }

    /** Halpe's 26 keypoint names (AlphaPose) as the BODY_25 points they are. */
    private static final List<String> HALPE_AS_BODY25 = List.of("Nose", "LEye", "REye", "LEar", "REar", "LShoulder",
            "RShoulder", "LElbow", "RElbow", "LWrist", "RWrist", "LHip", "RHip", "LKnee", "RKnee", "LAnkle", "RAnkle",
            "Nose", "Neck", "MidHip", "LBigToe", "RBigToe", "LSmallToe", "RSmallToe", "LHeel", "RHeel");

    /**
     * Writes a COCO results file of a long run seen from the side, as AlphaPose writes it: one entry per person and
     * frame ({@code image_id} a frame's file name), Halpe's 26 keypoints as x, y, score triplets in pixels (1.5 px of
     * seeded jitter). {@code people} runners are in every frame, each 700 px to the left of the one before and 1.3 s
     * behind it in their stride.
     *
     * @return the file's size in bytes
     */
    public static long writeLongCocoJson(Path file, double minutes, double fps, int people, long seed)
            throws IOException {
        PoseRunnerSimulator r = longPoseRunner(minutes, fps);
        Random rnd = new Random(seed);
        int frames = (int) Math.round(minutes * 60 * fps);
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            out.write('[');
            byte[] line = new byte[8192];
            for (int i = 0; i < frames; i++) {
                for (int k = 0; k < people; k++) {
                    Map<String, double[]> p = r.pose((i / fps + 1.3 * k) % (minutes * 60));
                    byte[] head = String.format(Locale.ROOT, "%s{\"image_id\":\"%06d.jpg\",\"category_id\":1,"
                            + "\"score\":0.9,\"keypoints\":[", i == 0 && k == 0 ? "" : ",\n", i)
                            .getBytes(StandardCharsets.US_ASCII);
                    System.arraycopy(head, 0, line, 0, head.length);
                    int at = head.length - 1; // cell() writes the comma before each value: the first one replaces '['
                    for (String n : HALPE_AS_BODY25) {
                        double[] v = body25(n, p);
                        at = cell(960 - 700 * k + v[0] * 600 + 1.5 * rnd.nextGaussian(), 2, line, at);
                        at = cell(1000 - v[1] * 600 + 1.5 * rnd.nextGaussian(), 2, line, at);
                        at = cell(0.55 + 0.4 * rnd.nextDouble(), 3, line, at);
                    }
                    line[head.length - 1] = '[';
                    line[at++] = ']';
                    line[at++] = '}';
                    out.write(line, 0, at);
                }
            }
            out.write(']');
            out.write('\n');
        }
        return Files.size(file);
    }

    /** A BlazePose landmark from the simulator's points (face, elbows, hands derived; foot index = big toe). */
    private static double[] blaze(String name, Map<String, double[]> p) {
        boolean left = name.startsWith("left_");
        String s = left ? "L" : "R";
        double lat = left ? -1 : 1;
        double[] nose = p.get("Nose");
        String part = name.replaceFirst("^(left|right)_", "");
        return switch (part) {
            case "nose" -> nose;
            case "eye_inner", "eye", "eye_outer" -> new double[] {nose[0] - 0.01, nose[1] + 0.03,
                lat * (part.equals("eye_inner") ? 0.015 : part.equals("eye") ? 0.03 : 0.045)};
            case "ear" -> new double[] {nose[0] - 0.08, nose[1] + 0.01, lat * 0.07};
            case "mouth_left", "mouth_right" -> new double[] {nose[0], nose[1] - 0.04,
                part.equals("mouth_left") ? -0.02 : 0.02};
            case "shoulder", "hip", "knee", "ankle", "heel", "wrist" ->
                p.get(s + Character.toUpperCase(part.charAt(0)) + part.substring(1));
            case "elbow" -> mid(p.get(s + "Shoulder"), p.get(s + "Wrist"));
            case "pinky", "index", "thumb" -> {
                double[] w = p.get(s + "Wrist");
                yield new double[] {w[0] + 0.05, w[1] - 0.04, w[2] + lat * (part.equals("thumb") ? -0.02 : 0.02)};
            }
            case "foot_index" -> p.get(s + "BigToe");
            default -> throw new IllegalArgumentException(name);
        };
    }

    /**
     * Writes a MediaPipe BlazePose CSV of a long run seen from the side, as a pose estimator run over a 1920 × 1080
     * video writes it: {@code frame,time_s}, then the 33 landmarks as {@code <name>_x,<name>_y,<name>_z,
     * <name>_visibility} in normalised image coordinates (0.8 px of seeded jitter, visibilities 0.6–1), one row per
     * frame.
     *
     * @return the number of frames
     */
    public static int writeLongMediaPipeCsv(Path file, double minutes, double fps, long seed) throws IOException {
        return writeKeypointCsv(file, minutes, fps, seed, KeypointNames.BLAZEPOSE,
                new String[] {"x", "y", "z", "visibility"}, (name, p, rnd, line, at) -> {
                    double[] v = blaze(name, p);
                    at = cell((960 + v[0] * 600 + 0.8 * rnd.nextGaussian()) / 1920, 6, line, at);
                    at = cell((1000 - v[1] * 600 + 0.8 * rnd.nextGaussian()) / 1080, 6, line, at);
                    at = cell(v[2] * 0.5, 4, line, at);
                    return cell(0.6 + 0.4 * rnd.nextDouble(), 3, line, at);
                });
    }

    /** Writes the cells of one point in one frame at {@code at} of {@code line}; returns the end. */
    @FunctionalInterface
    private interface PointCells {
        int write(String name, Map<String, double[]> pose, Random rnd, byte[] line, int at);
    }

    /** {@code ,} and {@code v} with {@code decimals} decimals at {@code at}; returns the end. */
    private static int cell(double v, int decimals, byte[] line, int at) {
        line[at] = ',';
        return fixed(v, decimals, line, at + 1);
    }

    /**
     * Writes a keypoint table of the long pose runner: {@code frame,time_s}, then {@code <name>_<suffix>} columns
     * for every point, one row per frame.
     *
     * @return the number of frames
     */
    private static int writeKeypointCsv(Path file, double minutes, double fps, long seed, List<String> names,
                                        String[] suffixes, PointCells cells) throws IOException {
        PoseRunnerSimulator r = longPoseRunner(minutes, fps);
        Random rnd = new Random(seed);
        int frames = (int) Math.round(minutes * 60 * fps);
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            StringBuilder h = new StringBuilder("frame,time_s");
            for (String n : names) {
                for (String suffix : suffixes) {
                    h.append(',').append(n).append('_').append(suffix);
                }
            }
            out.write((h + "\n").getBytes(StandardCharsets.US_ASCII));
            byte[] line = new byte[8192];
            for (int i = 0; i < frames; i++) {
                double t = i / fps;
                Map<String, double[]> p = r.pose(t);
                byte[] head = (i + ",").getBytes(StandardCharsets.US_ASCII);
                System.arraycopy(head, 0, line, 0, head.length);
                int at = fixed(t, 5, line, head.length);
                for (String n : names) {
                    at = cells.write(n, p, rnd, line, at);
                }
                line[at++] = '\n';
                out.write(line, 0, at);
            }
        }
        return frames;
    }

    /** Markers a lab set adds to the simulator's points: technical clusters and trunk markers, offsets in m. */
    private static final String[][] EXTRA_MARKERS = {
        {"RTH1", "RKnee", "0.02", "0.12", "0.04"}, {"RTH2", "RKnee", "-0.02", "0.12", "0.04"},
        {"RTH3", "RKnee", "0.02", "0.18", "0.04"}, {"RTH4", "RKnee", "-0.02", "0.18", "0.04"},
        {"LTH1", "LKnee", "0.02", "0.12", "-0.04"}, {"LTH2", "LKnee", "-0.02", "0.12", "-0.04"},
        {"LTH3", "LKnee", "0.02", "0.18", "-0.04"}, {"LTH4", "LKnee", "-0.02", "0.18", "-0.04"},
        {"RSK1", "RAnkle", "0.02", "0.12", "0.04"}, {"RSK2", "RAnkle", "-0.02", "0.12", "0.04"},
        {"RSK3", "RAnkle", "0.02", "0.18", "0.04"}, {"RSK4", "RAnkle", "-0.02", "0.18", "0.04"},
        {"LSK1", "LAnkle", "0.02", "0.12", "-0.04"}, {"LSK2", "LAnkle", "-0.02", "0.12", "-0.04"},
        {"LSK3", "LAnkle", "0.02", "0.18", "-0.04"}, {"LSK4", "LAnkle", "-0.02", "0.18", "-0.04"},
        {"STRN", "Neck", "0.08", "-0.15", "0"}, {"T10", "Neck", "-0.1", "-0.25", "0"},
        {"CLAV", "Neck", "0.06", "-0.02", "0"}, {"RUPA", "RShoulder", "0", "-0.15", "0.05"},
        {"LUPA", "LShoulder", "0", "-0.15", "-0.05"}, {"RFRA", "RWrist", "0", "0.1", "0.03"},
        {"LFRA", "LWrist", "0", "0.1", "-0.03"}};

    /**
     * Writes an OpenSim TRC of a long treadmill run: the simulator's 17 points and 23 cluster and trunk markers (40
     * markers) in mm, with 0.5 mm of seeded noise.
     *
     * @return the number of frames
     */
    public static int writeLongTrc(Path file, double minutes, double fps, long seed) throws IOException {
        PoseRunnerSimulator r = longPoseRunner(minutes, fps);
        Random rnd = new Random(seed);
        int frames = (int) Math.round(minutes * 60 * fps);
        List<String> names = new ArrayList<>(r.pose(0).keySet());
        for (String[] e : EXTRA_MARKERS) {
            names.add(e[0]);
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            StringBuilder h = new StringBuilder("PathFileType\t4\t(X/Y/Z)\t" + file.getFileName() + "\n");
            h.append("DataRate\tCameraRate\tNumFrames\tNumMarkers\tUnits\tOrigDataRate\tOrigDataStartFrame\t"
                    + "OrigNumFrames\n");
            h.append(String.format(Locale.ROOT, "%.2f\t%.2f\t%d\t%d\tmm\t%.2f\t1\t%d%n", fps, fps, frames,
                    names.size(), fps, frames));
            h.append("Frame#\tTime");
            for (String n : names) {
                h.append('\t').append(n).append("\t\t");
            }
            h.append("\n\t");
            for (int m = 1; m <= names.size(); m++) {
                h.append("\tX").append(m).append("\tY").append(m).append("\tZ").append(m);
            }
            h.append("\n\n");
            out.write(h.toString().getBytes(StandardCharsets.US_ASCII));
            byte[] line = new byte[8192];
            for (int i = 0; i < frames; i++) {
                double t = i / fps;
                Map<String, double[]> p = r.pose(t);
                byte[] head = ((i + 1) + "\t").getBytes(StandardCharsets.US_ASCII);
                System.arraycopy(head, 0, line, 0, head.length);
                int at = fixed(t, 5, line, head.length);
                for (String n : names) {
                    double[] v = p.get(n);
                    if (v == null) {
                        for (String[] e : EXTRA_MARKERS) {
                            if (e[0].equals(n)) {
                                double[] b = p.get(e[1]);
                                v = new double[] {b[0] + Double.parseDouble(e[2]), b[1] + Double.parseDouble(e[3]),
                                    b[2] + Double.parseDouble(e[4])};
                            }
                        }
                    }
                    for (int a = 0; a < 3; a++) {
                        line[at++] = '\t';
                        at = fixed(v[a] * 1000 + 0.5 * rnd.nextGaussian(), 3, line, at);
                    }
                }
                line[at++] = '\n';
                out.write(line, 0, at);
            }
        }
        return frames;
    }

    /** Writes {@code v} with {@code decimals} decimals (rounded half away from zero) at {@code p}; returns the end. */
    static int fixed(double v, int decimals, byte[] b, int p) {
        long scale = 1;
        for (int i = 0; i < decimals; i++) {
            scale *= 10;
        }
        long m = Math.round(Math.abs(v) * scale);
        if (v < 0 && m != 0) {
            b[p++] = '-';
        }
        long whole = m / scale;
        long frac = m % scale;
        String w = Long.toString(whole);
        for (int i = 0; i < w.length(); i++) {
            b[p++] = (byte) w.charAt(i);
        }
        if (decimals > 0) {
            b[p++] = '.';
            for (long d = scale / 10; d > 0; d /= 10) {
                b[p++] = (byte) ('0' + (frac / d) % 10);
            }
        }
        return p;
    }

    /**
     * A watch export (TCX, one trackpoint a second, gzipped when the name ends in {@code .gz}) of a multi-day ultra of
     * {@code points} trackpoints: running at 2.2–3.2 m/s with walking breaks on the climbs, rolling hills (±150 m over
     * 10 km), position, altitude, distance and run cadence per trackpoint, and a night stop of six hours (the timer
     * paused) after every 18 hours. Written as it is generated: 1.6 million trackpoints are about 510 MB of XML (within
     * the readers' 512 MiB limit; about 30 MB gzipped).
     *
     * @return the number of trackpoints
     */
    public static int writeLongTcx(Path file, int points, long seed) throws IOException {
        Random rnd = new Random(seed);
        OutputStream raw = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
        OutputStream out = file.getFileName().toString().endsWith(".gz")
                ? new java.util.zip.GZIPOutputStream(raw, 1 << 16) : raw;
        try (out) {
            StringBuilder sb = new StringBuilder(1 << 16);
            sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<TrainingCenterDatabase xmlns=\"http://www.garmin.com/"
                    + "xmlschemas/TrainingCenterDatabase/v2\" xmlns:x=\"http://www.garmin.com/xmlschemas/"
                    + "ActivityExtension/v2\"><Activities><Activity Sport=\"Running\"><Id>2024-06-01T06:00:00Z</Id>"
                    + "<Lap StartTime=\"2024-06-01T06:00:00Z\"><Track>\n");
            long t = java.time.Instant.parse("2024-06-01T06:00:00Z").getEpochSecond();
            double dist = 0;
            double lat = 45.0;
            double lon = 6.0;
            java.time.format.DateTimeFormatter iso = java.time.format.DateTimeFormatter.ISO_INSTANT;
            for (int i = 0; i < points; i++) {
                long sinceStart = i % (18 * 3600);
                if (i > 0 && sinceStart == 0) {
                    t += 6 * 3600; // the night stop: no trackpoints, the timer paused
                }
                double alt = 800 + 150 * Math.sin(2 * Math.PI * dist / 10_000) + 30 * Math.sin(2 * Math.PI * dist / 1300);
                double slope = 150 * 2 * Math.PI / 10_000 * Math.cos(2 * Math.PI * dist / 10_000);
                boolean walking = slope > 0.06 || (i / 600) % 10 == 9;
                double speed = walking ? 1.3 + 0.2 * rnd.nextDouble() : 2.7 - 4 * slope + 0.3 * rnd.nextGaussian() * 0.3;
                int cadence = walking ? 55 + rnd.nextInt(4) : 84 + rnd.nextInt(5);
                dist += Math.max(0.5, speed);
                lat += Math.max(0.5, speed) * 0.7 / 111_320;
                lon += Math.max(0.5, speed) * 0.7 / 78_850;
                sb.append("<Trackpoint><Time>").append(iso.format(java.time.Instant.ofEpochSecond(t + i)))
                        .append("</Time><Position><LatitudeDegrees>");
                fixed(sb, lat, 6).append("</LatitudeDegrees><LongitudeDegrees>");
                fixed(sb, lon, 6).append("</LongitudeDegrees></Position><AltitudeMeters>");
                fixed(sb, alt, 1).append("</AltitudeMeters><DistanceMeters>");
                fixed(sb, dist, 1).append("</DistanceMeters><Extensions><x:TPX><x:RunCadence>").append(cadence)
                        .append("</x:RunCadence></x:TPX></Extensions></Trackpoint>\n");
                if (sb.length() > 60_000) {
                    out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
                    sb.setLength(0);
                }
            }
            sb.append("</Track></Lap></Activity></Activities></TrainingCenterDatabase>\n");
            out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
        }
        return points;
    }

    /** Appends {@code v} with {@code decimals} decimals (non-negative values), faster than String.format. */
    private static StringBuilder fixed(StringBuilder sb, double v, int decimals) {
        long scale = decimals == 6 ? 1_000_000L : decimals == 1 ? 10L : (long) Math.pow(10, decimals);
        long r = Math.round(v * scale);
        sb.append(r / scale).append('.');
        String frac = Long.toString(r % scale);
        for (int k = frac.length(); k < decimals; k++) {
            sb.append('0');
        }
        return sb.append(frac);
    }

    /**
     * {@code LongRecordings FILE MINUTES [RATE_HZ]}: writes a long trunk recording, or a MediaPipe CSV (a name
     * containing "mediapipe"), an OpenPose CSV (a name containing "pose") or a TRC ({@code .trc}), for trying things by hand;
     * {@code LongRecordings FILE.tcx[.gz] TRACKPOINTS} writes a multi-day watch export.
     */
    public static void main(String[] args) throws IOException {
        if (args[0].equals("--batch")) {
            // --batch DIR N MINUTES: a generated batch of N sessions
            writeBatch(Path.of(args[1]), Integer.parseInt(args[2]), Double.parseDouble(args[3]));
            return;
        }
        double rate = args.length > 2 ? Double.parseDouble(args[2]) : 200;
        long t0 = System.nanoTime();
        Path f = Path.of(args[0]);
        String lower = args[0].toLowerCase(Locale.ROOT);
        if (lower.endsWith(".tcx") || lower.endsWith(".tcx.gz")) {
            int points = writeLongTcx(f, Integer.parseInt(args[1]), 7L);
            System.out.printf("%d trackpoints, %.1f MB, %.1f s%n", points, Files.size(f) / 1e6, (System.nanoTime() - t0)
                    / 1e9);
            return;
        }
        int n = lower.contains("foot") || lower.contains("feet") ? writeLongFootCsv(f, Double.parseDouble(args[1]), rate, 7L)
                : lower.endsWith(".trc") ? writeLongTrc(f, Double.parseDouble(args[1]), rate, 7L)
                : lower.contains("mediapipe") ? writeLongMediaPipeCsv(f, Double.parseDouble(args[1]), rate, 7L)
                : lower.contains("pose") ? writeLongPoseCsv(f, Double.parseDouble(args[1]), rate, 7L)
                : writeLongTrunkCsv(f, Double.parseDouble(args[1]), rate, 7L);
        System.out.printf("%d rows, %.1f MB, %.1f s%n", n, Files.size(Path.of(args[0])) / 1e6, (System.nanoTime() - t0) / 1e9);
    }
}
