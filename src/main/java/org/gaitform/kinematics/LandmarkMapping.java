package org.gaitform.kinematics;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gaitform.model.GaitformException;
import org.gaitform.model.Keypoint;
import org.gaitform.model.PoseRecording;
import org.gaitform.model.Side;
import org.gaitform.signal.Vec3;

/**
 * Which input point is which body landmark. Names are compared without case and separators, the side taken
 * from a leading {@code L}/{@code left} or {@code R}/{@code right} (OpenPose {@code LHeel}, BlazePose
 * {@code left_heel}, Fukuchi {@code L.Heel.Bottom}, OpenCap {@code r_calc_study}), and a trailing
 * {@code study} ignored. The table, in order of preference:
 *
 * <table>
 * <caption>landmark ← accepted names (after the side)</caption>
 * <tr><td>heel</td><td>heelbottom, heel, calc, calcaneus, cal, hee, fcc (gaitmap's calcaneus marker); else
 *     heeltop, heellateral, heelmedial (a Fukuchi-style heel whose bottom marker is missing: on three of Fukuchi's
 *     force trials the top or the lateral heel marker still finds every contact, initial contact and toe-off within
 *     10 ms, MarkerEventAccuracyTest)</td></tr>
 * <tr><td>toe</td><td>bigtoe, footindex, toe, hallux, mt2, the mean of mt1 and mt5, mt1, 1meta, meta1</td></tr>
 * <tr><td>ankle (lateral)</td><td>ankle, latankle, anklelateral, lmal, lat_malleolus</td></tr>
 * <tr><td>ankle (medial)</td><td>anklemedial, mankle, medankle, mmal</td></tr>
 * <tr><td>knee (lateral)</td><td>knee, latknee, kneelateral, lfe</td></tr>
 * <tr><td>knee (medial)</td><td>kneemedial, mknee, medknee, mfe</td></tr>
 * <tr><td>hip joint centre</td><td>hjc, hipjointcentre, hipjointcenter; else from ASIS and PSIS
 *     ({@link Harrington2007HipJointCentre}); else hip, hipjoint (video keypoints)</td></tr>
 * <tr><td>ASIS / PSIS</td><td>asis, asi (Vicon Plug-in Gait) / psis, psi</td></tr>
 * <tr><td>shoulder, elbow, wrist</td><td>shoulder, acromion, acr, sho; elbow, lelbow; wrist, lwrist</td></tr>
 * <tr><td>mid-hip, neck, head</td><td>midhip; neck, c7; nose, head</td></tr>
 * <tr><td>foot / pelvis cluster</td><td>the mean of the markers named foot1…4 / pelvis1…4 (technical
 *     clusters without anatomical markers)</td></tr>
 * </table>
 *
 * {@code --landmark NAME=PREFIX} maps a landmark to the point named PREFIX and wins over the table.
 */
public final class LandmarkMapping {

    /**
     * The mapped landmarks.
     *
     * @param tracks     landmark → {x[], y[], z[] or null} in the input's axes and unit
     * @param sources    landmark → what it was made from
     * @param footMarkers per side, the markers of a foot cluster by name (used as heel and toe stand-ins when
     *                   the foot has no anatomical markers)
     */
    public record Mapped(Map<Landmark, double[][]> tracks, Map<Landmark, String> sources,
                         Map<Side, Map<String, double[][]>> footMarkers) {
        public boolean has(Landmark l) {
            return tracks.containsKey(l);
        }
    }

    private LandmarkMapping() {
    }

    private static final Map<String, List<String>> SIDED = new LinkedHashMap<>();
    private static final Map<Landmark, List<String>> MIDLINE = new EnumMap<>(Landmark.class);

    static {
        SIDED.put("HEEL", List.of("heelbottom", "heel", "calc", "calcaneus", "cal", "hee", "fcc", "heeltop",
                "heellateral", "heelmedial"));
        SIDED.put("TOE", List.of("bigtoe", "footindex", "toe", "hallux", "mt2", "mt1+mt5", "mt1", "1meta", "meta1"));
        SIDED.put("ANKLE", List.of("ankle", "latankle", "anklelateral", "lmal", "latmalleolus"));
        SIDED.put("ANKLE_MEDIAL", List.of("anklemedial", "mankle", "medankle", "mmal", "medmalleolus"));
        SIDED.put("KNEE", List.of("knee", "latknee", "kneelateral", "lfe"));
        SIDED.put("KNEE_MEDIAL", List.of("kneemedial", "mknee", "medknee", "mfe"));
        SIDED.put("ASIS", List.of("asis", "asi"));
        SIDED.put("PSIS", List.of("psis", "psi"));
        SIDED.put("SHOULDER", List.of("shoulder", "acromion", "acr", "sho"));
        SIDED.put("ELBOW", List.of("elbow", "lelbow"));
        SIDED.put("WRIST", List.of("wrist", "lwrist"));
        MIDLINE.put(Landmark.MID_HIP, List.of("midhip"));
        MIDLINE.put(Landmark.NECK, List.of("neck", "c7"));
        MIDLINE.put(Landmark.HEAD, List.of("nose", "head"));
    }

    /** Normalised name: lower case, letters and digits only, without a trailing "study". */
    static String norm(String name) {
        String s = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        if (s.endsWith("study") && s.length() > 5) {
            s = s.substring(0, s.length() - 5);
        }
        return s;
    }

    /** {side, remainder} of a normalised name, or null when it names no side. */
    static Object[] sideOf(String original) {
        String o = original.trim();
        String n = norm(o);
        if (n.startsWith("left")) {
            return new Object[] {Side.LEFT, n.substring(4)};
        }
        if (n.startsWith("right")) {
            return new Object[] {Side.RIGHT, n.substring(5)};
        }
        if (n.length() > 1 && (o.startsWith("L") || o.startsWith("l")) && n.startsWith("l")) {
            return new Object[] {Side.LEFT, n.substring(1)};
        }
        if (n.length() > 1 && (o.startsWith("R") || o.startsWith("r")) && n.startsWith("r")) {
            return new Object[] {Side.RIGHT, n.substring(1)};
        }
        return null;
    }

    /**
     * Maps a recording's points to landmarks.
     *
     * @param rec        the recording
     * @param overrides  landmark label → point name ({@code --landmark})
     * @param mmPerUnit  millimetres per coordinate unit (for the hip regression), NaN for image data
     */
    public static Mapped map(PoseRecording rec, Map<String, String> overrides, double mmPerUnit) {
        Map<Landmark, double[][]> tracks = new EnumMap<>(Landmark.class);
        Map<Landmark, String> sources = new EnumMap<>(Landmark.class);
        Map<Side, Map<String, double[][]>> footMarkers = new EnumMap<>(Side.class);
        for (Map.Entry<String, String> o : overrides.entrySet()) {
            Landmark l = Landmark.parse(o.getKey());
            if (l == null) {
                throw GaitformException.badInput(rec.source(), "--landmark " + o.getKey(), "a landmark name such as "
                        + "heel_left, toe_right, knee_left, hip_right, shoulder_left, wrist_right, mid_hip",
                        "'" + o.getKey() + "'");
            }
            Keypoint k = findPrefix(rec, o.getValue());
            if (k == null) {
                throw GaitformException.badInput(rec.source(), "--landmark " + o.getKey() + "=" + o.getValue(),
                        "a point of that name in the input", "none (points: " + abbreviated(rec) + ")");
            }
            tracks.put(l, coords(k));
            sources.put(l, k.name() + " (override)");
        }
        for (Side side : new Side[] {Side.LEFT, Side.RIGHT}) {
            for (Map.Entry<String, List<String>> e : SIDED.entrySet()) {
                Landmark l = Landmark.of(e.getKey(), side);
                if (tracks.containsKey(l)) {
                    continue;
                }
                for (String want : e.getValue()) {
                    if (want.contains("+")) {
                        String[] parts = want.split("\\+");
                        Keypoint a = find(rec, side, parts[0]);
                        Keypoint b = find(rec, side, parts[1]);
                        if (a != null && b != null) {
                            tracks.put(l, mean(List.of(a, b)));
                            sources.put(l, "mean of " + a.name() + " and " + b.name());
                            if (l == Landmark.of("TOE", side) && parts[0].equals("mt1") && parts[1].equals("mt5")) {
                                // the forefoot's two sides leave the ground at different times (the fifth metatarsal
                                // first): toe-off is when the last of them leaves, not their mean
                                tracks.put(Landmark.of("FOREFOOT_MEDIAL", side), coords(a));
                                sources.put(Landmark.of("FOREFOOT_MEDIAL", side), a.name());
                                tracks.put(Landmark.of("FOREFOOT_LATERAL", side), coords(b));
                                sources.put(Landmark.of("FOREFOOT_LATERAL", side), b.name());
                            }
                            break;
                        }
                        continue;
                    }
                    Keypoint k = find(rec, side, want);
                    if (k != null) {
                        tracks.put(l, coords(k));
                        sources.put(l, k.name());
                        break;
                    }
                }
            }
            Landmark foot = Landmark.of("FOOT_CLUSTER", side);
            List<Keypoint> cluster = clusterOf(rec, side, "foot");
            if (!cluster.isEmpty()) {
                Map<String, double[][]> m = new LinkedHashMap<>();
                for (Keypoint k : cluster) {
                    m.put(k.name(), coords(k));
                }
                // three or more markers in 3D: moved as the rigid body they are on, broken frames left out
                Soderkvist1993ClusterFit.Fit rigid = m.values().iterator().next().length == 3
                        ? Soderkvist1993ClusterFit.fit(m) : null;
                if (rigid != null) {
                    m = rigid.markers();
                }
                footMarkers.put(side, m);
                if (!tracks.containsKey(foot)) {
                    tracks.put(foot, meanOfTracks(m.values()));
                    sources.put(foot, "mean of " + cluster.size() + " foot cluster markers" + (rigid == null ? ""
                            : String.format(Locale.ROOT, ", moved as a rigid body (Söderkvist & Wedin 1993): markers "
                                    + "%.2f from it at the median, %.2f at the 95th percentile (input's unit); %d of %d "
                                    + "frames further than %.2f from any rigid placement left out as broken",
                                    rigid.medianResidual(), rigid.p95Residual(), rigid.brokenFrames(),
                                    rigid.fittedFrames(), rigid.limit())));
                }
            }
        }
        for (Map.Entry<Landmark, List<String>> e : MIDLINE.entrySet()) {
            if (tracks.containsKey(e.getKey())) {
                continue;
            }
            for (String want : e.getValue()) {
                Keypoint k = findUnsided(rec, want);
                if (k != null) {
                    tracks.put(e.getKey(), coords(k));
                    sources.put(e.getKey(), k.name());
                    break;
                }
            }
        }
        List<Keypoint> pelvis = clusterOf(rec, null, "pelvis");
        if (!pelvis.isEmpty()) {
            tracks.put(Landmark.PELVIS_CLUSTER, mean(pelvis));
            sources.put(Landmark.PELVIS_CLUSTER, "mean of " + pelvis.size() + " pelvis cluster markers");
        }
        hips(rec, tracks, sources, mmPerUnit);
        return new Mapped(tracks, sources, footMarkers);
    }

    private static void hips(PoseRecording rec, Map<Landmark, double[][]> tracks, Map<Landmark, String> sources,
                             double mmPerUnit) {
        for (Side side : new Side[] {Side.LEFT, Side.RIGHT}) {
            Landmark l = Landmark.of("HIP", side);
            if (tracks.containsKey(l)) {
                continue;
            }
            for (String want : List.of("hjc", "hipjointcentre", "hipjointcenter")) {
                Keypoint k = find(rec, side, want);
                if (k != null) {
                    tracks.put(l, coords(k));
                    sources.put(l, k.name());
                    break;
                }
            }
        }
        boolean pelvisMarkers = rec.dimensions() == 3 && Double.isFinite(mmPerUnit)
                && tracks.containsKey(Landmark.ASIS_LEFT) && tracks.containsKey(Landmark.ASIS_RIGHT)
                && tracks.containsKey(Landmark.PSIS_LEFT) && tracks.containsKey(Landmark.PSIS_RIGHT);
        if (pelvisMarkers && !(tracks.containsKey(Landmark.HIP_LEFT) && tracks.containsKey(Landmark.HIP_RIGHT))) {
            double[][] la = tracks.get(Landmark.ASIS_LEFT);
            double[][] ra = tracks.get(Landmark.ASIS_RIGHT);
            double[][] lp = tracks.get(Landmark.PSIS_LEFT);
            double[][] rp = tracks.get(Landmark.PSIS_RIGHT);
            int n = la[0].length;
            double[][] left = nanTrack(n, 3);
            double[][] right = nanTrack(n, 3);
            for (int i = 0; i < n; i++) {
                Vec3[] c = Harrington2007HipJointCentre.centres(v(la, i), v(ra, i), v(lp, i), v(rp, i), mmPerUnit);
                if (c == null || Double.isNaN(c[0].x())) {
                    continue;
                }
                set(left, i, c[0]);
                set(right, i, c[1]);
            }
            tracks.putIfAbsent(Landmark.HIP_LEFT, left);
            tracks.putIfAbsent(Landmark.HIP_RIGHT, right);
            sources.putIfAbsent(Landmark.HIP_LEFT, "Harrington 2007 regression from the ASIS and PSIS markers");
            sources.putIfAbsent(Landmark.HIP_RIGHT, "Harrington 2007 regression from the ASIS and PSIS markers");
        }
        for (Side side : new Side[] {Side.LEFT, Side.RIGHT}) {
            Landmark l = Landmark.of("HIP", side);
            if (tracks.containsKey(l)) {
                continue;
            }
            for (String want : List.of("hip", "hipjoint")) {
                Keypoint k = find(rec, side, want);
                if (k != null) {
                    tracks.put(l, coords(k));
                    sources.put(l, k.name());
                    break;
                }
            }
        }
    }

    private static Vec3 v(double[][] t, int i) {
        return new Vec3(t[0][i], t[1][i], t[2][i]);
    }

    private static void set(double[][] t, int i, Vec3 p) {
        t[0][i] = p.x();
        t[1][i] = p.y();
        t[2][i] = p.z();
    }

    private static double[][] nanTrack(int n, int dims) {
        double[][] t = new double[dims][n];
        for (double[] a : t) {
            java.util.Arrays.fill(a, Double.NaN);
        }
        return t;
    }

    /** Points present in fewer frames than this fraction are ignored (markers placed only in the static trial). */
    static final double MIN_PRESENT_FRACTION = 0.2;

    static boolean usable(Keypoint k) {
        return k.presentFrames() >= MIN_PRESENT_FRACTION * k.size();
    }

    /** The names a sided landmark ({@code HEEL}, {@code KNEE_MEDIAL}, …) is taken from, in order of preference. */
    static List<String> sidedNames(String landmark) {
        return SIDED.getOrDefault(landmark, List.of());
    }

    static Keypoint find(PoseRecording rec, Side side, String want) {
        for (Keypoint k : rec.keypoints()) {
            if (!usable(k)) {
                continue;
            }
            Object[] s = sideOf(k.name());
            if (s != null && s[0] == side && s[1].equals(want)) {
                return k;
            }
        }
        return null;
    }

    private static Keypoint findUnsided(PoseRecording rec, String want) {
        for (Keypoint k : rec.keypoints()) {
            if (usable(k) && norm(k.name()).equals(want)) {
                return k;
            }
        }
        return null;
    }

    private static Keypoint findPrefix(PoseRecording rec, String name) {
        for (Keypoint k : rec.keypoints()) {
            if (k.name().equals(name)) {
                return k;
            }
        }
        for (Keypoint k : rec.keypoints()) {
            if (k.name().equalsIgnoreCase(name) || norm(k.name()).equals(norm(name))) {
                return k;
            }
        }
        return null;
    }

    /** Points named {@code <side><part><digits>} ({@code L_foot_1}) or, for side null, {@code <part><digits>}. */
    private static List<Keypoint> clusterOf(PoseRecording rec, Side side, String part) {
        List<Keypoint> out = new ArrayList<>();
        for (Keypoint k : rec.keypoints()) {
            if (!usable(k)) {
                continue;
            }
            String rest;
            if (side == null) {
                rest = norm(k.name());
            } else {
                Object[] s = sideOf(k.name());
                if (s == null || s[0] != side) {
                    continue;
                }
                rest = (String) s[1];
            }
            if (rest.matches(part + "\\d+")) {
                out.add(k);
            }
        }
        return out;
    }

    private static double[][] coords(Keypoint k) {
        return k.is3d() ? new double[][] {k.x(), k.y(), k.z()} : new double[][] {k.x(), k.y()};
    }

    /** Frame-by-frame mean of points (missing where any is missing). */
    private static double[][] mean(List<Keypoint> ks) {
        return meanOfTracks(ks.stream().map(LandmarkMapping::coords).toList());
    }

    /** Frame-by-frame mean of tracks ({x[], y[], z[] or not}; missing where any is missing). */
    private static double[][] meanOfTracks(Collection<double[][]> tracks) {
        double[][] first = tracks.iterator().next();
        int dims = first.length;
        int n = first[0].length;
        double[][] out = new double[dims][n];
        for (double[][] c : tracks) {
            for (int d = 0; d < dims; d++) {
                for (int i = 0; i < n; i++) {
                    out[d][i] += c[d][i] / tracks.size();
                }
            }
        }
        return out;
    }

    private static String abbreviated(PoseRecording rec) {
        List<String> names = rec.keypoints().stream().map(Keypoint::name).limit(12).toList();
        return String.join(", ", names) + (rec.keypoints().size() > 12 ? ", …" : "");
    }
}
