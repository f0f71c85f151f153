package org.gaitform.support;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.gaitform.io.InputReaders;
import org.gaitform.io.ReadOptions;
import org.gaitform.kinematics.Landmark;
import org.gaitform.kinematics.LandmarkMapping;
import org.gaitform.model.PoseRecording;
import org.gaitform.simulate.PinholeCamera;

/**
 * Real 3D marker trajectories filmed by a virtual pinhole camera: the landmarks gaitform maps from the markers
 * (heels, toes, ankles, knees, hip joint centres, shoulders, neck; a knee or ankle with a medial marker as well at the
 * joint's centre between the two) projected into an image and written as an
 * OpenPose BODY_25-style keypoint CSV ({@code frame,<Name>_x,_y,_c}, pixels, y down) at a video frame rate, with
 * seeded Gaussian jitter; a point outside the picture is not detected (written as 0, 0 with confidence 0). A
 * treadmill trial can be turned into overground running by moving the runner forward at the belt speed, so that a
 * camera behind or in front sees the runner move away or come closer (perspective scaling with distance), as a real
 * rear-view video does.
 *
 * <p>Lab axes of the inputs used here (Fukuchi et al. 2017, Hamner &amp; Delp 2013): x forward, y up, z to the
 * runner's right.
 */
public final class MarkerCamera {
    /** BODY_25 names of the landmarks written. */
    static final Map<Landmark, String> NAMES = new EnumMap<>(Landmark.class);

    static {
        NAMES.put(Landmark.HEAD, "Nose");
        NAMES.put(Landmark.NECK, "Neck");
        NAMES.put(Landmark.SHOULDER_LEFT, "LShoulder");
        NAMES.put(Landmark.SHOULDER_RIGHT, "RShoulder");
        NAMES.put(Landmark.HIP_LEFT, "LHip");
        NAMES.put(Landmark.HIP_RIGHT, "RHip");
        NAMES.put(Landmark.KNEE_LEFT, "LKnee");
        NAMES.put(Landmark.KNEE_RIGHT, "RKnee");
        NAMES.put(Landmark.ANKLE_LEFT, "LAnkle");
        NAMES.put(Landmark.ANKLE_RIGHT, "RAnkle");
        NAMES.put(Landmark.HEEL_LEFT, "LHeel");
        NAMES.put(Landmark.HEEL_RIGHT, "RHeel");
        NAMES.put(Landmark.TOE_LEFT, "LBigToe");
        NAMES.put(Landmark.TOE_RIGHT, "RBigToe");
    }

    /** The medial marker that, with a lateral one, puts a joint's centre between them. */
    static final Map<Landmark, Landmark> MEDIAL = Map.of(Landmark.KNEE_LEFT, Landmark.KNEE_MEDIAL_LEFT,
            Landmark.KNEE_RIGHT, Landmark.KNEE_MEDIAL_RIGHT, Landmark.ANKLE_LEFT, Landmark.ANKLE_MEDIAL_LEFT,
            Landmark.ANKLE_RIGHT, Landmark.ANKLE_MEDIAL_RIGHT);

    /** The landmarks of a marker file in metres (lab axes), with the frame times. */
    public record Tracks(double[] timeS, Map<Landmark, double[][]> points) {
    }

    private MarkerCamera() {
    }

    /** Reads a marker file with gaitform's readers and maps its landmarks (lab axes, metres). */
    public static Tracks landmarks(Path markerFile) {
        PoseRecording rec = (PoseRecording) new InputReaders().read(markerFile, markerFile.getFileName().toString(),
                ReadOptions.DEFAULTS);
        double mmPerUnit = switch (rec.unit()) {
            case "mm" -> 1;
            case "cm" -> 10;
            case "m" -> 1000;
            default -> throw new IllegalArgumentException("markers in metric units expected, got " + rec.unit());
        };
        LandmarkMapping.Mapped m = LandmarkMapping.map(rec, Map.of(), mmPerUnit);
        Map<Landmark, double[][]> out = new EnumMap<>(Landmark.class);
        for (Map.Entry<Landmark, double[][]> e : m.tracks().entrySet()) {
            if (!NAMES.containsKey(e.getKey())) {
                continue;
            }
            double[][] t = e.getValue();
            // a pose estimator sees a joint's centre: between a lateral and a medial marker when the file has both
            Landmark medial = MEDIAL.get(e.getKey());
            if (medial != null && m.tracks().containsKey(medial)) {
                t = mean(t, m.tracks().get(medial));
            }
            double[][] s = new double[3][t[0].length];
            for (int d = 0; d < 3; d++) {
                for (int i = 0; i < t[0].length; i++) {
                    s[d][i] = t[d][i] * mmPerUnit / 1000;
                }
            }
            out.put(e.getKey(), s);
        }
        if (!out.containsKey(Landmark.NECK) && out.containsKey(Landmark.SHOULDER_LEFT)
                && out.containsKey(Landmark.SHOULDER_RIGHT)) {
            out.put(Landmark.NECK, mean(out.get(Landmark.SHOULDER_LEFT), out.get(Landmark.SHOULDER_RIGHT)));
        }
        if (!out.containsKey(Landmark.NECK) && out.containsKey(Landmark.HIP_LEFT) && out.containsKey(Landmark.HIP_RIGHT)) {
            // no trunk markers (Fukuchi's running set): a neck half a metre above the hip centres
            double[][] n = mean(out.get(Landmark.HIP_LEFT), out.get(Landmark.HIP_RIGHT));
            for (int i = 0; i < n[1].length; i++) {
                n[1][i] += 0.5;
            }
            out.put(Landmark.NECK, n);
        }
        return new Tracks(rec.timeS(), out);
    }

    private static double[][] mean(double[][] a, double[][] b) {
        double[][] m = new double[3][a[0].length];
        for (int d = 0; d < 3; d++) {
            for (int i = 0; i < a[0].length; i++) {
                m[d][i] = (a[d][i] + b[d][i]) / 2;
            }
        }
        return m;
    }

    /**
     * The keypoint table.
     *
     * @param tracks        landmarks in metres
     * @param cam           the camera (world: x forward from the runner's start, y up, z right)
     * @param fps           video frame rate
     * @param travelMps     forward speed added to the runner (m/s): the belt speed turns a treadmill trial into
     *                      overground running; 0 keeps the runner in place
     * @param jitterPx      keypoint noise (pixels, standard deviation)
     * @param seed          seed of the noise
     * @return CSV text; frame k is at {@code timeS[0] + k / fps}
     */
    public static String keypointCsv(Tracks tracks, PinholeCamera cam, double fps, double travelMps, double jitterPx, long seed) {
        double[] t = tracks.timeS();
        return keypointCsv(tracks, cam, fps, travelMps, jitterPx, seed, t[0], t[t.length - 1] - t[0]);
    }

    /**
     * The keypoint table of a stretch of the recording: frame k is at {@code fromS + k / fps}; the runner is at the
     * camera's reference position (distance {@link PinholeCamera#distanceM()}) at {@code fromS}, sideways where the lab
     * recorded it.
     */
    public static String keypointCsv(Tracks tracks, PinholeCamera cam, double fps, double travelMps, double jitterPx, long seed,
                                     double fromS, double durationS) {
        return keypointCsv(tracks, cam, fps, travelMps, jitterPx, seed, fromS, durationS, Double.NaN);
    }

    /**
     * As above, with the runner's hips (their median midpoint) {@code lateralM} metres to the right of the camera's
     * axis, or where the lab recorded them when NaN (Fukuchi's treadmill is about 1.5 m to the side of the lab's
     * origin, so a camera at that origin sees the runner obliquely).
     */
    public static String keypointCsv(Tracks tracks, PinholeCamera cam, double fps, double travelMps, double jitterPx, long seed,
                                     double fromS, double durationS, double lateralM) {
        return keypointCsv(tracks, cam, fps, travelMps, jitterPx, seed, fromS, durationS, lateralM, 0, 0);
    }

    /**
     * As above, with the runner {@code startXM} metres along the path from the camera's reference position at
     * {@code fromS}, and the path sheared by {@code pathDeg} about the vertical (every point moves {@code tan(pathDeg)}
     * metres to the runner's right per metre forward, a planted foot stays where it is: a side camera sees the runner
     * move away or come closer while passing).
     */
    public static String keypointCsv(Tracks tracks, PinholeCamera cam, double fps, double travelMps, double jitterPx, long seed,
                                     double fromS, double durationS, double lateralM, double startXM, double pathDeg) {
        double z0 = Double.isNaN(lateralM) ? 0 : medianHipLateral(tracks) - lateralM;
        double slope = Math.tan(Math.toRadians(pathDeg));
        Random rnd = new Random(seed);
        double[] t = tracks.timeS();
        List<Landmark> ls = new ArrayList<>(tracks.points().keySet());
        StringBuilder sb = new StringBuilder("frame");
        for (Landmark l : ls) {
            String n = NAMES.get(l);
            sb.append(',').append(n).append("_x,").append(n).append("_y,").append(n).append("_c");
        }
        sb.append('\n');
        double x0 = startX(tracks);
        int frames = (int) Math.floor(Math.min(durationS, t[t.length - 1] - fromS) * fps);
        for (int k = 0; k < frames; k++) {
            double tk = fromS + k / fps;
            sb.append(k);
            for (Landmark l : ls) {
                double[][] p = tracks.points().get(l);
                double fwd = at(t, p[0], tk) - x0 + startXM + travelMps * (tk - fromS);
                double[] w = {fwd, at(t, p[1], tk), at(t, p[2], tk) - z0 + slope * fwd};
                double[] img = cam.project(w);
                double x = img[0] + rnd.nextGaussian() * jitterPx;
                double y = img[1] + rnd.nextGaussian() * jitterPx;
                if (x >= 0 && x <= cam.widthPx() && y >= 0 && y <= cam.heightPx()) {
                    sb.append(String.format(Locale.ROOT, ",%.2f,%.2f,%.3f", x, y, 0.9));
                } else {
                    // outside the picture: not detected, written as OpenPose does
                    sb.append(",0,0,0");
                }
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** The median lateral position of the hips' midpoint. */
    private static double medianHipLateral(Tracks tr) {
        double[] l = tr.points().get(Landmark.HIP_LEFT)[2];
        double[] r = tr.points().get(Landmark.HIP_RIGHT)[2];
        double[] z = new double[l.length];
        for (int i = 0; i < z.length; i++) {
            z[i] = (l[i] + r[i]) / 2;
        }
        java.util.Arrays.sort(z);
        return z[z.length / 2];
    }

    /** The median forward position of the hips (the runner's place on the treadmill). */
    private static double startX(Tracks tr) {
        double[][] h = tr.points().getOrDefault(Landmark.HIP_LEFT, tr.points().values().iterator().next());
        double[] x = h[0].clone();
        java.util.Arrays.sort(x);
        return x[x.length / 2];
    }

    private static double at(double[] t, double[] v, double tk) {
        int i = java.util.Arrays.binarySearch(t, tk);
        if (i >= 0) {
            return v[i];
        }
        int b = Math.min(t.length - 1, Math.max(1, -i - 1));
        int a = b - 1;
        return v[a] + (v[b] - v[a]) * (tk - t[a]) / (t[b] - t[a]);
    }

    /** A copy of the landmarks with other points (for tests that need a subset). */
    public static Tracks only(Tracks tr, List<Landmark> keep) {
        Map<Landmark, double[][]> m = new LinkedHashMap<>();
        for (Landmark l : keep) {
            if (tr.points().containsKey(l)) {
                m.put(l, tr.points().get(l));
            }
        }
        return new Tracks(tr.timeS(), new EnumMap<>(m));
    }
}
