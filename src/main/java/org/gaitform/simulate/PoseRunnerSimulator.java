package org.gaitform.simulate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A kinematic stick-figure runner (used for {@code sample-data/} and by the tests) on a treadmill with known events and form values, written as keypoint or
 * marker tables for the readers. Body frame: x forward, y up, z to the right (metres); the hip midpoint stays
 * at x = 0, y = {@code hipHeight} (plus a vertical oscillation of {@code oscillationM} peak to peak, lowest at
 * mid-stance). Feet: the heel on the ground from IC to heel-off, moving back at belt speed; the toe from foot
 * flat to TO; in swing the foot rises and comes down at about 1 m/s, as in running.
 *
 * @param fs             frame rate (Hz)
 * @param seconds        duration (s)
 * @param cadenceSpm     steps per minute
 * @param contactS       contact time (s)
 * @param beltMps        belt speed (m/s)
 * @param trunkLeanDeg   trunk lean (deg, forward +)
 * @param overstrideM    heel ahead of the hip midpoint at IC (m)
 * @param strikeDeg      foot angle at IC (deg, toe up +: rearfoot; negative: forefoot)
 * @param pelvicDropDeg  contralateral pelvic drop at mid-stance (deg)
 * @param kneeMedialM    medial displacement of the stance knee at mid-stance (m)
 * @param wristsCross    true when the wrists swing across the midline
 * @param compressionM   how far the foot's points keep sinking after the sole first touches the ground (m), over
 *                       {@link #COMPRESSION_S}: shoe and heel-pad compression and, for markers above the sole, their
 *                       offset (real heel markers sink 0–15 mm after the force plate's contact, forefoot markers about
 *                       15 mm); 0 for a rigid sole, which stops at once
 */
public record PoseRunnerSimulator(double fs, double seconds, double cadenceSpm, double contactS, double beltMps,
                              double trunkLeanDeg, double overstrideM, double strikeDeg, double pelvicDropDeg,
                              double kneeMedialM, boolean wristsCross, double compressionM) {
    public static final double HIP_HEIGHT = 0.92;
    public static final double THIGH = 0.45;
    public static final double SHANK = 0.45;
    public static final double FOOT = 0.20;
    public static final double ANKLE_UP = 0.07;
    public static final double ANKLE_FWD = 0.04;
    public static final double HIP_HALF_WIDTH = 0.09;
    public static final double FOOT_HALF_WIDTH = 0.10;
    /**
     * Half the width across the knee's epicondyles (m; the malleoli 0.7 of it): the 3D marker table puts a lateral and a
     * medial marker this far either side of each knee and ankle centre, as marker sets do, and a camera sees the
     * centres.
     */
    public static final double KNEE_HALF_WIDTH = 0.05;
    public static final double OSCILLATION = 0.08;
    public static final double TRUNK = 0.50;

    /** Time over which the compression settles after initial contact (s). */
    public static final double COMPRESSION_S = 0.03;

    /** A runner whose sole stops at once at initial contact (no compression). */
    public PoseRunnerSimulator(double fs, double seconds, double cadenceSpm, double contactS, double beltMps,
                               double trunkLeanDeg, double overstrideM, double strikeDeg, double pelvicDropDeg,
                               double kneeMedialM, boolean wristsCross) {
        this(fs, seconds, cadenceSpm, contactS, beltMps, trunkLeanDeg, overstrideM, strikeDeg, pelvicDropDeg, kneeMedialM,
                wristsCross, 0);
    }

    /** A rearfoot runner at 3 m/s with default values. */
    public static PoseRunnerSimulator typical() {
        return new PoseRunnerSimulator(150, 12, 170, 0.26, 3.0, 8.0, 0.20, 15, 6, 0.03, false);
    }

    public double stepS() {
        return 60.0 / cadenceSpm;
    }

    /** True initial contacts: {time, side (0 left, 1 right)}; the right foot lands first at 0.5 s. */
    public List<double[]> contacts() {
        List<double[]> out = new ArrayList<>();
        for (int k = 0; 0.5 + k * stepS() < seconds; k++) {
            out.add(new double[] {0.5 + k * stepS(), (k % 2 == 0) ? 1 : 0});
        }
        return out;
    }

    /** Positions at time t: name → {x, y, z} (m). */
    public Map<String, double[]> pose(double t) {
        Map<String, double[]> p = new LinkedHashMap<>();
        double stride = 2 * stepS();
        // pelvis height: lowest at each mid-stance
        double phaseStep = ((t - 0.5 - contactS / 2) / stepS()) % 1.0;
        if (phaseStep < 0) {
            phaseStep += 1;
        }
        double hipY = HIP_HEIGHT - OSCILLATION / 2 * Math.cos(2 * Math.PI * phaseStep);
        double[][] hips = new double[2][];
        double[][] feet = new double[2][];
        double[] stanceFrac = new double[2];
        for (int side = 0; side < 2; side++) {
            double first = 0.5 + (side == 1 ? 0 : stepS()) - stride;
            double tc = ((t - first) % stride + stride) % stride; // time since this foot's IC
            double heelX;
            double heelY;
            double pitch;
            double swing = stride - contactS;
            if (tc < contactS) {
                stanceFrac[side] = tc / contactS;
                heelX = overstrideM - beltMps * tc;
                double flatS = 0.05;
                double heelOffS = 0.07;
                if (strikeDeg >= 0) {
                    pitch = tc < flatS ? strikeDeg * (1 - tc / flatS) : 0;
                    heelY = 0;
                } else {
                    pitch = tc < flatS ? strikeDeg * (1 - tc / flatS) : 0;
                    heelY = pitch < 0 ? -FOOT * Math.sin(Math.toRadians(pitch)) : 0;
                }
                if (tc > contactS - heelOffS) {
                    double f = (tc - (contactS - heelOffS)) / heelOffS;
                    pitch = -25 * f;
                    heelY = FOOT * Math.sin(Math.toRadians(25 * f));
                }
                if (strikeDeg < 0 && tc < flatS) {
                    // toe on the ground, heel coming down
                    heelY = -FOOT * Math.sin(Math.toRadians(pitch));
                } else if (strikeDeg >= 0 && tc < contactS - heelOffS) {
                    heelY = 0;
                }
            } else {
                stanceFrac[side] = Double.NaN;
                double s = (tc - contactS) / swing;
                double toX = overstrideM - beltMps * contactS;
                heelX = toX + (overstrideM - toX) * (1 - Math.cos(Math.PI * s)) / 2;
                double lift = 0.15 * Math.sin(Math.PI * s);
                // pitch goes from -25 (toe-off) to the strike angle at landing
                pitch = -25 + (strikeDeg + 25) * (1 - Math.cos(Math.PI * s)) / 2;
                double heelAtLanding = strikeDeg < 0 ? -FOOT * Math.sin(Math.toRadians(strikeDeg)) : 0;
                double heelAtTo = FOOT * Math.sin(Math.toRadians(25));
                heelY = lift + heelAtTo + (heelAtLanding - heelAtTo) * (1 - Math.cos(Math.PI * s)) / 2;
            }
            if (compressionM > 0) {
                // the sole touches with the foot still compressionM above where it will rest, then sinks to rest
                double lift = tc < contactS ? (tc < COMPRESSION_S ? compressionM * (1 - tc / COMPRESSION_S) : 0)
                        : compressionM * (1 - Math.cos(Math.PI * (tc - contactS) / swing)) / 2;
                heelY += lift;
            }
            double z = side == 1 ? FOOT_HALF_WIDTH : -FOOT_HALF_WIDTH;
            double toeX = heelX + FOOT * Math.cos(Math.toRadians(pitch));
            double toeY = heelY + FOOT * Math.sin(Math.toRadians(pitch));
            feet[side] = new double[] {heelX, heelY, z, toeX, toeY};
        }
        // pelvis obliquity: the hip opposite the stance foot drops by pelvicDrop × sin(pi · stance fraction)
        double obl = 0; // right hip above left (deg)
        for (int side = 0; side < 2; side++) {
            if (!Double.isNaN(stanceFrac[side])) {
                double drop = pelvicDropDeg * Math.sin(Math.PI * stanceFrac[side]);
                obl += side == 0 ? -drop : drop;
            }
        }
        double dy = HIP_HALF_WIDTH * Math.tan(Math.toRadians(obl));
        hips[0] = new double[] {0, hipY - dy, -HIP_HALF_WIDTH};
        hips[1] = new double[] {0, hipY + dy, HIP_HALF_WIDTH};
        String[] names = {"L", "R"};
        for (int side = 0; side < 2; side++) {
            double[] f = feet[side];
            double[] hip = hips[side];
            double[] ankle = {f[0] + ANKLE_FWD, f[1] + ANKLE_UP, f[2]};
            double[] knee = knee(hip, ankle);
            if (!Double.isNaN(stanceFrac[side])) {
                double medial = kneeMedialM * Math.sin(Math.PI * stanceFrac[side]);
                knee[2] += side == 0 ? medial : -medial;
            }
            String n = names[side];
            p.put(n + "Hip", hip);
            p.put(n + "Knee", knee);
            p.put(n + "Ankle", ankle);
            double med = side == 0 ? KNEE_HALF_WIDTH : -KNEE_HALF_WIDTH;
            p.put(n + "Knee.Medial", new double[] {knee[0], knee[1], knee[2] + med});
            p.put(n + "Ankle.Medial", new double[] {ankle[0], ankle[1], ankle[2] + med * 0.7});
            p.put(n + "Heel", new double[] {f[0], f[1], f[2]});
            p.put(n + "BigToe", new double[] {f[3], f[4], f[2]});
        }
        double lean = Math.toRadians(trunkLeanDeg);
        double[] mid = {0, hipY, 0};
        for (int side = 0; side < 2; side++) {
            double z = side == 0 ? -0.18 : 0.18;
            p.put(names[side] + "Shoulder", new double[] {mid[0] + TRUNK * Math.sin(lean), mid[1] + TRUNK * Math.cos(lean), z});
            double swingPhase = 2 * Math.PI * ((t - 0.5) / (2 * stepS()));
            double wz = wristsCross ? (side == 0 ? 0.05 : -0.05) : (side == 0 ? -0.2 : 0.2);
            p.put(names[side] + "Wrist", new double[] {0.15 * Math.sin(swingPhase + side * Math.PI), mid[1] + 0.1, wz});
        }
        p.put("Neck", new double[] {TRUNK * Math.sin(lean), mid[1] + TRUNK * Math.cos(lean), 0});
        p.put("Nose", new double[] {(TRUNK + 0.2) * Math.sin(lean) + 0.08, mid[1] + (TRUNK + 0.2) * Math.cos(lean), 0});
        return p;
    }

    /** Knee by two-link inverse kinematics in the sagittal plane, bending forward. */
    static double[] knee(double[] hip, double[] ankle) {
        double dx = ankle[0] - hip[0];
        double dy = ankle[1] - hip[1];
        double d = Math.min(Math.hypot(dx, dy), THIGH + SHANK - 1e-6);
        double a = (THIGH * THIGH - SHANK * SHANK + d * d) / (2 * d);
        double h = Math.sqrt(Math.max(0, THIGH * THIGH - a * a));
        double ux = dx / d;
        double uy = dy / d;
        double px = hip[0] + a * ux;
        double py = hip[1] + a * uy;
        // the perpendicular that points forward (knee ahead of the hip–ankle line)
        double nx = -uy;
        double ny = ux;
        if (nx < 0) {
            nx = -nx;
            ny = -ny;
        }
        return new double[] {px + h * nx, py + h * ny, (hip[2] + ankle[2]) / 2};
    }

    /** The truth: one row per initial contact ({@code step,side,ic_s,to_s}), seconds on the table's time axis. */
    public String truthCsv() {
        StringBuilder sb = new StringBuilder("step,side,ic_s,to_s\n");
        int k = 1;
        for (double[] c : contacts()) {
            if (c[0] + contactS < seconds) {
                sb.append(String.format(Locale.ROOT, "%d,%s,%.4f,%.4f%n", k++, c[1] == 0 ? "left" : "right", c[0],
                        c[0] + contactS));
            }
        }
        return sb.toString();
    }

    /**
     * A 3D marker table in mm, tab separated, Fukuchi-style names ({@code RHeelX}); the knees and ankles as a lateral
     * ({@code RKnee}) and a medial ({@code RKnee.Medial}) marker either side of the joint ({@link #KNEE_HALF_WIDTH}).
     */
    public String markerTable() {
        StringBuilder sb = new StringBuilder("Time");
        List<String> names = new ArrayList<>(pose(0).keySet());
        for (String n : names) {
            sb.append('\t').append(n).append("X\t").append(n).append("Y\t").append(n).append("Z");
        }
        sb.append('\n');
        int frames = (int) Math.round(seconds * fs);
        for (int i = 0; i < frames; i++) {
            double t = i / fs;
            Map<String, double[]> p = pose(t);
            sb.append(String.format(Locale.ROOT, "%.4f", t));
            for (String n : names) {
                double[] v = p.get(n);
                double[] medial = p.get(n + ".Medial");
                if (medial != null) {
                    // the lateral marker, as far outside the joint's centre as the medial one is inside it
                    v = new double[] {2 * v[0] - medial[0], 2 * v[1] - medial[1], 2 * v[2] - medial[2]};
                }
                sb.append(String.format(Locale.ROOT, "\t%.2f\t%.2f\t%.2f", v[0] * 1000, v[1] * 1000, v[2] * 1000));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /**
     * OpenPose-style 2D keypoints ({@code frame,<Name>_x,_y,_c}) in pixels, y down, from a camera at the runner's
     * right ({@code frontal = false}: image x = forward) or behind ({@code frontal = true}: image x = right).
     */
    public String keypointTable(boolean frontal, double pxPerM) {
        return keypointTable(frontal, pxPerM, 0, 0);
    }

    /**
     * OpenPose-style 2D keypoints ({@code frame,<Name>_x,_y,_c}, pixels, y down) of the runner filmed by a pinhole
     * camera, with the treadmill turned into overground running at {@code travelMps} (0 keeps the runner in place):
     * from behind ({@link PinholeCamera.Placement#BEHIND}) the runner moves away and shrinks, from the front
     * ({@link PinholeCamera.Placement#AHEAD}) the runner comes closer and grows. Gaussian jitter of
     * {@code jitterPx} pixels (seeded); confidences 0.9. The truth ({@link #truthCsv()}) is unchanged: the events and
     * the form values do not depend on the camera.
     */
    public String cameraKeypointTable(PinholeCamera cam, double travelMps, double jitterPx, long seed) {
        return cameraKeypointTable(cam, travelMps, jitterPx, seed, false);
    }

    /**
     * The same, with a first column {@code time_s} (each frame's time in seconds, as tools that export keypoints
     * with the video's timestamps write it) when {@code timeColumn} is true, so that the frame rate is read from the
     * table rather than assumed.
     */
    public String cameraKeypointTable(PinholeCamera cam, double travelMps, double jitterPx, long seed,
                                      boolean timeColumn) {
        java.util.Random rnd = new java.util.Random(seed);
        List<String> names = new ArrayList<>(pose(0).keySet());
        names.removeIf(n -> n.contains("Medial"));
        StringBuilder sb = new StringBuilder(timeColumn ? "time_s,frame" : "frame");
        for (String n : names) {
            sb.append(',').append(n).append("_x,").append(n).append("_y,").append(n).append("_c");
        }
        sb.append('\n');
        int frames = (int) Math.round(seconds * fs);
        for (int i = 0; i < frames; i++) {
            double t = i / fs;
            Map<String, double[]> p = pose(t);
            if (timeColumn) {
                sb.append(String.format(Locale.ROOT, "%.4f,", t));
            }
            sb.append(i);
            for (String n : names) {
                double[] v = p.get(n);
                double[] img = cam.project(new double[] {v[0] + travelMps * t, v[1], v[2]});
                sb.append(String.format(Locale.ROOT, ",%.2f,%.2f,%.3f", img[0] + rnd.nextGaussian() * jitterPx,
                        img[1] + rnd.nextGaussian() * jitterPx, 0.9));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** The names of the points a camera sees (the medial knee and ankle markers are left out). */
    public List<String> cameraPointNames() {
        List<String> names = new ArrayList<>(pose(0).keySet());
        names.removeIf(n -> n.contains("Medial"));
        return names;
    }

    /**
     * The exact image points of the runner filmed by a pinhole camera, as {@link #cameraKeypointTable} films them
     * but without jitter: per frame, per point of {@link #cameraPointNames()}, {x, y (down)} in pixels.
     */
    public double[][][] cameraPoints(PinholeCamera cam, double travelMps) {
        List<String> names = cameraPointNames();
        int frames = (int) Math.round(seconds * fs);
        double[][][] out = new double[frames][names.size()][];
        for (int i = 0; i < frames; i++) {
            double t = i / fs;
            Map<String, double[]> p = pose(t);
            for (int j = 0; j < names.size(); j++) {
                double[] v = p.get(names.get(j));
                out[i][j] = cam.project(new double[] {v[0] + travelMps * t, v[1], v[2]});
            }
        }
        return out;
    }

    /**
     * An OpenPose-style keypoint table ({@code frame,<Name>_x,_y,_c}) of the given points; a point with confidence 0
     * is written as OpenPose writes a missing keypoint, {@code 0,0,0}.
     */
    public static String keypointCsv(List<String> names, double[][][] xy, double[][] confidence) {
        StringBuilder sb = new StringBuilder("frame");
        for (String n : names) {
            sb.append(',').append(n).append("_x,").append(n).append("_y,").append(n).append("_c");
        }
        sb.append('\n');
        for (int i = 0; i < xy.length; i++) {
            sb.append(i);
            for (int j = 0; j < names.size(); j++) {
                double c = confidence == null ? 0.9 : confidence[i][j];
                if (c == 0) {
                    sb.append(",0,0,0");
                } else {
                    sb.append(String.format(Locale.ROOT, ",%.2f,%.2f,%.3f", xy[i][j][0], xy[i][j][1], c));
                }
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /**
     * The same with keypoint jitter: Gaussian noise of {@code jitterPx} pixels (standard deviation) from a
     * generator seeded with {@code seed}, and confidences between 0.6 and 0.95.
     */
    public String keypointTable(boolean frontal, double pxPerM, double jitterPx, long seed) {
        java.util.Random rnd = new java.util.Random(seed);
        List<String> names = new ArrayList<>(pose(0).keySet());
        names.removeIf(n -> n.contains("Medial"));
        StringBuilder sb = new StringBuilder("frame");
        for (String n : names) {
            sb.append(',').append(n).append("_x,").append(n).append("_y,").append(n).append("_c");
        }
        sb.append('\n');
        int frames = (int) Math.round(seconds * fs);
        for (int i = 0; i < frames; i++) {
            Map<String, double[]> p = pose(i / fs);
            sb.append(i);
            for (String n : names) {
                double[] v = p.get(n);
                double x = 960 + (frontal ? v[2] : v[0]) * pxPerM + (jitterPx > 0 ? rnd.nextGaussian() * jitterPx : 0);
                double y = 1000 - v[1] * pxPerM + (jitterPx > 0 ? rnd.nextGaussian() * jitterPx : 0);
                double c = jitterPx > 0 ? 0.6 + 0.35 * rnd.nextDouble() : 0.9;
                sb.append(String.format(Locale.ROOT, ",%.2f,%.2f,%.3f", x, y, c));
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
