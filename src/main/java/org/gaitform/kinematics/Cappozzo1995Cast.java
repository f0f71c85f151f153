package org.gaitform.kinematics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.gaitform.model.Keypoint;
import org.gaitform.model.PoseRecording;
import org.gaitform.model.Side;

/**
 * Knee and ankle markers that a motion-capture session placed only for its standing trial, rebuilt in the movement
 * trial from the thigh and shank clusters: the calibrated anatomical systems technique of Cappozzo A, Catani F, Della
 * Croce U, Leardini A. Position and orientation in space of bones during movement: anatomical frame definition and
 * determination. Clin Biomech 1995;10(4):171–178. The standing trial gives each anatomical marker's place relative to
 * its segment's cluster; in each frame of the movement the cluster is fitted as a rigid body
 * ({@link Soderkvist1993ClusterFit}) and carries the marker with it. Fukuchi et al. 2017's running trials are recorded
 * this way: four-marker thigh and shank clusters, the femoral epicondyles and malleoli on the standing trial only.
 *
 * <p>Which markers: a knee marker (lateral or medial, by the names of {@link LandmarkMapping}) is carried by the
 * markers of the same side whose names hold {@code thigh}, an ankle marker by those holding {@code shank}, {@code tibia}
 * or {@code leg}; at least three of them seen in the standing trial and in most frames of the movement. A marker the
 * movement trial has in most frames is left as it is.
 */
public final class Cappozzo1995Cast {

    /** The segment tokens that carry each landmark (knees on the thigh, ankles on the shank). */
    static final Map<String, List<String>> CARRIED_BY = Map.of(
            "KNEE", List.of("thigh"), "KNEE_MEDIAL", List.of("thigh"),
            "ANKLE", List.of("shank", "tibia", "leg"), "ANKLE_MEDIAL", List.of("shank", "tibia", "leg"));

    /**
     * The movement trial with the rebuilt markers.
     *
     * @param recording    the movement trial, the rebuilt markers added (replacing columns of the same name that it
     *                     had too rarely to use)
     * @param rebuilt      per rebuilt marker, how: "L.Knee from 4 thigh markers, 0.6 mm from the fitted body at the
     *                     median"
     */
    public record Result(PoseRecording recording, List<String> rebuilt) {
    }

    private Cappozzo1995Cast() {
    }

    /**
     * Rebuilds the knee and ankle markers that {@code movement} lacks from {@code standing}, or returns empty when there
     * is none to rebuild (2D data, no such marker in the standing trial, no cluster of three).
     */
    public static Optional<Result> rebuild(PoseRecording standing, PoseRecording movement) {
        if (standing == null || standing.dimensions() != 3 || movement.dimensions() != 3) {
            return Optional.empty();
        }
        List<Keypoint> added = new ArrayList<>();
        List<String> how = new ArrayList<>();
        for (Side side : new Side[] {Side.LEFT, Side.RIGHT}) {
            for (Map.Entry<String, List<String>> e : CARRIED_BY.entrySet().stream()
                    .sorted(Map.Entry.comparingByKey()).toList()) {
                if (findLandmark(movement, side, e.getKey()) != null) {
                    continue;
                }
                Keypoint anatomical = findLandmark(standing, side, e.getKey());
                if (anatomical == null) {
                    continue;
                }
                List<String> cluster = cluster(standing, movement, side, e.getValue());
                if (cluster.size() < 3) {
                    continue;
                }
                Keypoint rebuilt = carry(standing, movement, anatomical, cluster, e.getKey().startsWith("KNEE") ? "thigh"
                        : "shank", how);
                if (rebuilt != null) {
                    added.add(rebuilt);
                }
            }
        }
        if (added.isEmpty()) {
            return Optional.empty();
        }
        List<String> names = added.stream().map(Keypoint::name).toList();
        List<Keypoint> points = new ArrayList<>(movement.keypoints().stream().filter(k -> !names.contains(k.name()))
                .toList());
        points.addAll(added);
        return Optional.of(new Result(new PoseRecording(movement.source(), movement.format(), movement.timeS(),
                movement.frameRateHz(), movement.unit(), movement.imageYDown(), points, movement.decisions(),
                movement.warnings(), movement.people()), how));
    }

    /** The standing trial's marker carried through the movement by the fitted cluster, or null. */
    private static Keypoint carry(PoseRecording standing, PoseRecording movement, Keypoint anatomical,
                                  List<String> cluster, String segment, List<String> how) {
        int ns = standing.size();
        int nm = movement.size();
        Map<String, double[][]> joined = new LinkedHashMap<>();
        for (String name : cluster) {
            joined.put(name, join(point(standing, name), point(movement, name)));
        }
        double[][] none = new double[3][nm];
        for (double[] axis : none) {
            Arrays.fill(axis, Double.NaN);
        }
        joined.put(anatomical.name(), join(coords(anatomical), none));
        Soderkvist1993ClusterFit.Fit fit = Soderkvist1993ClusterFit.fit(joined);
        if (fit == null) {
            return null;
        }
        double[][] carried = fit.markers().get(anatomical.name());
        double[] x = Arrays.copyOfRange(carried[0], ns, ns + nm);
        double[] y = Arrays.copyOfRange(carried[1], ns, ns + nm);
        double[] z = Arrays.copyOfRange(carried[2], ns, ns + nm);
        long seen = Arrays.stream(x).filter(Double::isFinite).count();
        if (seen < LandmarkMapping.MIN_PRESENT_FRACTION * nm) {
            return null;
        }
        how.add(String.format(Locale.ROOT, "%s from %d %s markers (%s), %.2f %s from the fitted body at the median, "
                        + "in %d of %d frames", anatomical.name(), cluster.size(), segment, String.join(", ",
                        cluster), fit.medianResidual(), movement.unit(), seen, nm));
        return new Keypoint(anatomical.name(), x, y, z, null);
    }

    /** Markers of one side whose names hold one of the tokens, usable in both trials. */
    private static List<String> cluster(PoseRecording standing, PoseRecording movement, Side side,
                                        List<String> tokens) {
        List<String> out = new ArrayList<>();
        for (Keypoint k : standing.keypoints()) {
            Object[] s = LandmarkMapping.sideOf(k.name());
            if (s == null || s[0] != side || tokens.stream().noneMatch(t -> ((String) s[1]).contains(t))) {
                continue;
            }
            Keypoint m = movement.keypoints().stream().filter(x -> x.name().equals(k.name())).findFirst().orElse(null);
            if (m != null && LandmarkMapping.usable(k) && m.presentFrames() >= 0.5 * m.size()) {
                out.add(k.name());
            }
        }
        return out;
    }

    /** The point of a trial that {@link LandmarkMapping} would take for the landmark, usable there, or null. */
    private static Keypoint findLandmark(PoseRecording rec, Side side, String landmark) {
        for (String want : LandmarkMapping.sidedNames(landmark)) {
            Keypoint k = LandmarkMapping.find(rec, side, want);
            if (k != null) {
                return k;
            }
        }
        return null;
    }

    private static double[][] point(PoseRecording rec, String name) {
        return coords(rec.keypoints().stream().filter(k -> k.name().equals(name)).findFirst().orElseThrow());
    }

    private static double[][] coords(Keypoint k) {
        return new double[][] {k.x(), k.y(), k.z()};
    }

    private static double[][] join(double[][] a, double[][] b) {
        double[][] out = new double[3][];
        for (int d = 0; d < 3; d++) {
            out[d] = new double[a[d].length + b[d].length];
            System.arraycopy(a[d], 0, out[d], 0, a[d].length);
            System.arraycopy(b[d], 0, out[d], a[d].length, b[d].length);
        }
        return out;
    }
}
