package org.gaitform.io.pose;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.gaitform.signal.Stats;

/**
 * Finds and undoes the left–right switches of a pose estimator: frames in which the keypoints of the left and the
 * right leg (or of the whole figure, an arm, the lower leg, the ankle and foot, or one keypoint) carry each other's
 * labels. 2D pose estimators do this often where the legs overlap in the image (a runner filmed from behind or from
 * the front, the far leg in a side view). Stenum et al. 2021 corrected such switches before finding gait events by
 * inspecting the ankles' image positions over frames and exchanging the hip, knee, ankle, heel and toe keypoints
 * of the two legs in the switched frames (and clearing the frames where a leg was not identifiable); this class
 * makes that decision automatically.
 *
 * <p>The rule is physical: a limb's point moves smoothly, so its acceleration from frame to frame is limited, while
 * a switch makes it jump by the distance between the legs and back. For each group of left/right keypoint pairs the
 * labelling (kept or exchanged, per frame) is chosen that gives the smallest sum of squared second differences
 * {@code |p(t) − 2 p(t−1) + p(t−2)|²} of all the group's points over the whole recording, in units of the body's
 * size in the image at that frame (so that a runner far from the camera counts as much as one near it). The
 * optimum over all 2ⁿ labellings is found exactly by dynamic programming over the pair of the last two frames'
 * choices (Viterbi 1967). Two costs keep the estimator's labels unless the evidence is clear, both in units of the
 * recording's own typical squared acceleration of the group's points ({@code m0}, the median over frames): each
 * change between kept and exchanged costs {@link Settings#switchPenalty()} {@code m0} per point, and each exchanged
 * frame {@link Settings#framePrior()} {@code m0} per point plus {@link Settings#distancePrior()} times the squared
 * distance between the points it exchanges (the estimator is right most of the time, and mixes up points that are
 * close in the image), and labels only
 * change next to a frame where the two sides are further apart than {@link Settings#minSeparation()} times the jitter
 * (points within the jitter of each other, which no smoothness can tell apart, keep their labels). A recording without switches is
 * therefore left as it is. A point missing in a frame (confidence below the threshold) adds {@code m0} instead of
 * its term, so that missing points favour neither choice.
 *
 * <p>The groups are corrected in order from the largest to the smallest: each leg (hip to toes, the switch Stenum et
 * al. corrected), the lower leg (knee to toes), the ankle and foot, the foot (heel and toes), each arm, the forearm
 * and hand, then each keypoint pair on its own (only the ankles, only the heels). Keypoints are paired by name: a
 * leading {@code L}/{@code left} or {@code R}/{@code right} (OpenPose {@code LHeel}, BlazePose {@code left_heel}) with
 * the same remainder.
 *
 * <p>Stenum J, Rossi C, Roemmich RT. Two-dimensional video-based analysis of human gait using pose estimation. PLoS
 * Comput Biol 2021;17(4):e1008935. | Viterbi AJ. Error bounds for convolutional codes and an asymptotically optimum
 * decoding algorithm. IEEE Trans Inf Theory 1967;13(2):260–269.
 */
public final class LeftRightSwitchCorrection {
    /** The citation printed with the decision. */
    public static final String CITATION = "Stenum J, Rossi C, Roemmich RT. Two-dimensional video-based analysis of "
            + "human gait using pose estimation. PLoS Comput Biol 2021;17(4):e1008935.";

    /**
     * Settings of the correction.
     *
     * @param switchPenalty how many of the recording's typical squared accelerations (per point of the group) a
     *                      change between kept and exchanged labels must remove; default 3 (a run of exchanged frames
     *                      has two changes, so it must remove six typical frames' worth of every point's acceleration)
     * @param framePrior    how many of the recording's typical squared accelerations (per point of the group) each
     *                      exchanged frame costs; default 1 (the estimator is right most of the time: an exchange must
     *                      remove more than it adds frames, and points within the jitter of each other, which no
     *                      smoothness can tell apart, keep their labels)
     * @param distancePrior each exchanged frame also costs this share of the squared distance between the points it
     *                      exchanges; default 0.05 (an estimator mixes up points that are close in the image: the two
     *                      ends of a run of exchanged frames remove about 8 squared distances per point, so a run of
     *                      legs kept apart is only taken up to about 160 frames, 5 s at 30 fps; longer ones are more
     *                      likely a trade between groups than a mistake the estimator kept making)
     * @param minSeparation labels may only change next to a frame in which the group's left and right points are
     *                      further apart than this many times the jitter (estimated from the typical squared
     *                      acceleration as if it were all noise); default 6 (the difference of two points has √2 times
     *                      their jitter per axis, so this is about four standard deviations of it: closer points cannot
     *                      be told apart, and exchanging them changes nothing that can be measured; the members of a group
     *                      that stay this close throughout a run, the two hips in a side view, are not exchanged)
     * @param scaleWindowS  the body's image size is the running median of its height over this window (s); default 0.5
     *                      (longer than a step, shorter than the time in which a runner's distance to the camera
     *                      changes much)
     * @param typicalWindowS the typical squared acceleration is the median over this window (s); default 2 (a few
     *                      strides, so that every phase of the stride is in it, and short enough to follow a runner
     *                      coming closer and jitter that changes)
     */
    public record Settings(double switchPenalty, double framePrior, double distancePrior, double minSeparation,
                           double scaleWindowS, double typicalWindowS) {
        /** The defaults above. */
        public static final Settings DEFAULTS = new Settings(3, 1, 0.05, 6, 0.5, 2);

        public Settings {
            if (!(switchPenalty > 0) || !(framePrior > 0) || !(distancePrior >= 0) || !(minSeparation >= 0)
                    || !(scaleWindowS > 0)
                    || !(typicalWindowS > 0)) {
                throw new IllegalArgumentException("the switch penalty and the scale window must be positive");
            }
        }
    }

    /** What a keypoint is, for the groups. */
    enum Role { HIP, KNEE, ANKLE, FOOT, SHOULDER, ELBOW, HAND, HEAD }

    private static final Set<Role> LEG = EnumSet.of(Role.HIP, Role.KNEE, Role.ANKLE, Role.FOOT);

    /** True for the points of a leg (hip to toes). */
    static boolean isLeg(Role r) {
        return LEG.contains(r);
    }

    /** The groups, largest first: label and roles. */
    private static final List<Map.Entry<String, Set<Role>>> GROUPS = List.of(
            Map.entry("leg", LEG),
            Map.entry("lower leg", EnumSet.of(Role.KNEE, Role.ANKLE, Role.FOOT)),
            Map.entry("ankle and foot", EnumSet.of(Role.ANKLE, Role.FOOT)),
            Map.entry("foot", EnumSet.of(Role.FOOT)),
            Map.entry("arm", EnumSet.of(Role.SHOULDER, Role.ELBOW, Role.HAND)),
            Map.entry("forearm", EnumSet.of(Role.ELBOW, Role.HAND)));

    /**
     * A left/right pair of tracks: {x, y, z or null, confidence or null} of each side, changed in place.
     *
     * @param name  the pair's name without the side (for messages)
     * @param role  what it is
     * @param left  the left point's arrays
     * @param right the right point's arrays
     */
    record Pair(String name, Role role, double[][] left, double[][] right) {
    }

    /**
     * The outcome.
     *
     * @param frames          frames in the recording
     * @param legFrames       frames in which at least one leg keypoint pair was exchanged
     * @param wholeLegFrames  of these, frames in which every leg pair present was exchanged (the whole leg)
     * @param upperFrames     frames in which an arm or head pair was exchanged
     * @param pairs           the pairs found (0 when the names give no left/right pairs)
     * @param perPairFrames   pair name → frames in which it was exchanged (pairs never exchanged are left out)
     * @param switched        per frame, true when any pair was exchanged
     */
    public record Result(int frames, int legFrames, int wholeLegFrames, int upperFrames, int pairs,
                         Map<String, Integer> perPairFrames, boolean[] switched) {
        /** Frames with any exchange. */
        public int switchedFrames() {
            int k = 0;
            for (boolean b : switched) {
                if (b) {
                    k++;
                }
            }
            return k;
        }
    }

    private final Settings settings;

    public LeftRightSwitchCorrection(Settings settings) {
        this.settings = settings;
    }

    public LeftRightSwitchCorrection() {
        this(Settings.DEFAULTS);
    }

    /** {side (0 left, 1 right), remainder} of a point name, or null when it names no side. */
    static Object[] side(String original) {
        String o = original.trim();
        String n = o.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        if (n.startsWith("left") && n.length() > 4) {
            return new Object[] {0, n.substring(4)};
        }
        if (n.startsWith("right") && n.length() > 5) {
            return new Object[] {1, n.substring(5)};
        }
        if (n.length() > 1 && n.startsWith("l") && (o.startsWith("L") || o.startsWith("l"))) {
            return new Object[] {0, n.substring(1)};
        }
        if (n.length() > 1 && n.startsWith("r") && (o.startsWith("R") || o.startsWith("r"))) {
            return new Object[] {1, n.substring(1)};
        }
        return null;
    }

    /** The role of a point from its name without the side, or null. */
    static Role role(String rest) {
        if (rest.contains("heel") || rest.contains("calc") || rest.contains("toe") || rest.contains("footindex")
                || rest.contains("hallux") || rest.matches("hee|mt\\d|meta\\d|\\dmeta|foot\\d?")) {
            return Role.FOOT;
        }
        if (rest.contains("ankle") || rest.contains("malleolus") || rest.matches("[lm]mal")) {
            return Role.ANKLE;
        }
        if (rest.contains("knee") || rest.matches("[lm]fe")) {
            return Role.KNEE;
        }
        if (rest.contains("hip") || rest.equals("hjc")) {
            return Role.HIP;
        }
        if (rest.contains("shoulder") || rest.contains("acromion")) {
            return Role.SHOULDER;
        }
        if (rest.contains("elbow")) {
            return Role.ELBOW;
        }
        if (rest.contains("wrist") || rest.contains("pinky") || rest.contains("index") || rest.contains("thumb")
                || rest.contains("hand")) {
            return Role.HAND;
        }
        if (rest.contains("eye") || rest.contains("ear") || rest.contains("mouth")) {
            return Role.HEAD;
        }
        return null;
    }

    /**
     * Pairs the points by name.
     *
     * @param names  point names
     * @param tracks per point {x, y, z or null, confidence or null}, in the order of {@code names}
     */
    static List<Pair> pairs(List<String> names, List<double[][]> tracks) {
        Map<String, double[][][]> bySide = new LinkedHashMap<>();
        Map<String, Role> roles = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            Object[] s = side(names.get(i));
            if (s == null) {
                continue;
            }
            String rest = (String) s[1];
            Role r = role(rest);
            if (r == null) {
                continue;
            }
            double[][][] lr = bySide.computeIfAbsent(rest, k -> new double[2][][]);
            int side = (Integer) s[0];
            if (lr[side] == null) {
                lr[side] = tracks.get(i);
                roles.put(rest, r);
            }
        }
        List<Pair> out = new ArrayList<>();
        for (Map.Entry<String, double[][][]> e : bySide.entrySet()) {
            double[][][] lr = e.getValue();
            if (lr[0] != null && lr[1] != null) {
                out.add(new Pair(e.getKey(), roles.get(e.getKey()), lr[0], lr[1]));
            }
        }
        return out;
    }

    /**
     * Corrects the tracks in place.
     *
     * @param names  point names
     * @param tracks per point {x, y, z or null, confidence or null} (missing points NaN), in the order of {@code names}
     * @param rateHz frame rate
     */
    public Result correct(List<String> names, List<double[][]> tracks, double rateHz) {
        int n = tracks.isEmpty() ? 0 : tracks.get(0)[0].length;
        List<Pair> pairs = pairs(names, tracks);
        boolean[][] exchanged = new boolean[pairs.size()][n];
        if (n >= 4 && !pairs.isEmpty()) {
            double[] scale = bodyScale(tracks, n, settings.scaleWindowS() * rateHz);
            int half = typicalHalf(settings.typicalWindowS() * rateHz);
            boolean[][] pairApart = new boolean[pairs.size()][];
            // each pair's terms and typical term, kept for its own labelling below while its tracks are unchanged
            double[][][] pairTerms = new double[pairs.size()][][];
            double[][] pairTypical = new double[pairs.size()][];
            boolean[] changed = new boolean[pairs.size()];
            for (int p = 0; p < pairs.size(); p++) {
                pairTerms[p] = terms(List.of(pairs.get(p)), scale, n);
                pairTypical[p] = typical(pairTerms[p], n, half);
                pairApart[p] = apart(List.of(pairs.get(p)), scale, n, pairTypical[p]);
            }
            List<List<Integer>> groups = new ArrayList<>();
            for (Map.Entry<String, Set<Role>> g : GROUPS) {
                List<Integer> members = new ArrayList<>();
                for (int p = 0; p < pairs.size(); p++) {
                    if (g.getValue().contains(pairs.get(p).role())) {
                        members.add(p);
                    }
                }
                if (!members.isEmpty() && !groups.contains(members)) {
                    groups.add(members);
                }
            }
            for (int p = 0; p < pairs.size(); p++) {
                List<Integer> single = List.of(p);
                if (!groups.contains(single)) {
                    groups.add(single);
                }
            }
            for (List<Integer> g : groups) {
                List<Pair> members = g.stream().map(pairs::get).toList();
                boolean own = g.size() == 1 && !changed[g.get(0)];
                double[][] terms = own ? pairTerms[g.get(0)] : terms(members, scale, n);
                boolean[] swap = labelling(members, scale, n, terms,
                        own ? pairTypical[g.get(0)] : null, half);
                // each run of exchanged frames, for the members told apart somewhere in it or next to it (exchanging
                // two points that stay within the jitter of each other changes nothing, and is not done)
                for (int a = 0; a < n; a++) {
                    if (!swap[a]) {
                        continue;
                    }
                    int b = a;
                    while (b + 1 < n && swap[b + 1]) {
                        b++;
                    }
                    for (int p : g) {
                        boolean apart = false;
                        for (int t = Math.max(0, a - 1); t <= Math.min(n - 1, b + 1) && !apart; t++) {
                            apart = pairApart[p][t];
                        }
                        if (apart) {
                            changed[p] = true;
                            for (int t = a; t <= b; t++) {
                                exchange(pairs.get(p), t);
                                exchanged[p][t] = !exchanged[p][t];
                            }
                        }
                    }
                    a = b;
                }
            }
        }
        boolean[] any = new boolean[n];
        int leg = 0;
        int wholeLeg = 0;
        int upper = 0;
        Map<String, Integer> perPair = new LinkedHashMap<>();
        for (int p = 0; p < pairs.size(); p++) {
            int k = 0;
            for (int t = 0; t < n; t++) {
                // an exchange of two missing points is no exchange
                exchanged[p][t] &= present(pairs.get(p).left(), t) || present(pairs.get(p).right(), t);
                if (exchanged[p][t]) {
                    k++;
                }
            }
            if (k > 0) {
                perPair.put(pairs.get(p).name(), k);
            }
        }
        for (int t = 0; t < n; t++) {
            boolean l = false;
            boolean allLeg = true;
            int legPresent = 0;
            boolean u = false;
            for (int p = 0; p < pairs.size(); p++) {
                boolean isLeg = LEG.contains(pairs.get(p).role());
                if (exchanged[p][t]) {
                    any[t] = true;
                    if (isLeg) {
                        l = true;
                    } else {
                        u = true;
                    }
                }
                if (isLeg && present(pairs.get(p).left(), t) && present(pairs.get(p).right(), t)) {
                    legPresent++;
                    allLeg &= exchanged[p][t];
                }
            }
            leg += l ? 1 : 0;
            wholeLeg += l && allLeg && legPresent >= 2 ? 1 : 0;
            upper += u ? 1 : 0;
        }
        return new Result(n, leg, wholeLeg, upper, pairs.size(), perPair, any);
    }

    /** Half the window of the typical term, in frames. */
    private static int typicalHalf(double typicalWindowFrames) {
        return Math.max(4, (int) Math.round(typicalWindowFrames / 2));
    }

    /**
     * Per frame, true where the group's labels are to be exchanged.
     *
     * @param terms   the group's {@link #terms} with the labels as they are
     * @param typical their {@link #typical} values, or null to compute them here
     * @param half    half the window of the typical term (frames)
     */
    private boolean[] labelling(List<Pair> members, double[] scale, int n, double[][] terms, double[] typical,
                                int half) {
        // the typical squared acceleration per point and side around each frame, with the labels as they are (the
        // median over a window of a few strides: it follows a runner coming closer and jitter that changes)
        int valid = 0;
        for (double[] row : terms) {
            for (double v : row) {
                valid += Double.isNaN(v) ? 0 : 1;
            }
        }
        if (valid < 8) {
            return new boolean[n];
        }
        double[] m0 = typical != null ? typical : typical(terms, n, half);
        double[] lambda = new double[n];
        double[] mu = new double[n];
        boolean[] apart = new boolean[n];
        // labels may only change next to a frame where the two sides are told apart: further apart than minSeparation
        // times the jitter, estimated from m0 as if it were all noise (noiseToTypical), which overestimates it where the
        // points move much and so errs towards keeping
        int dims = members.get(0).left()[2] == null ? 2 : 3;
        for (int t = 0; t < n; t++) {
            lambda[t] = settings.switchPenalty() * m0[t] * members.size();
            // each exchanged frame costs a typical frame's squared acceleration of every point: the estimator is right
            // most of the time, so of two labellings that are about as smooth the one closer to its labels is taken
            double minSep = settings.minSeparation() * Math.sqrt(m0[t] / noiseToTypical(dims));
            double sum = 0;
            double sumSq = 0;
            int k = 0;
            for (Pair p : members) {
                double d = distance(p.left(), p.right(), t);
                if (!Double.isNaN(d)) {
                    sum += d / scale[t];
                    sumSq += (d / scale[t]) * (d / scale[t]);
                    k++;
                }
            }
            apart[t] = k > 0 && sum / k >= minSep;
            // and a share of the squared distance between the points it exchanges: an estimator mixes up points that
            // are close in the image; a labelling that says it mixed up far-apart points for long is unlikely
            mu[t] = settings.framePrior() * m0[t] * members.size() + settings.distancePrior() * sumSq;
        }
        boolean[] anyPresent = new boolean[n];
        for (int t = 0; t < n; t++) {
            for (Pair p : members) {
                if (present(p.left(), t) || present(p.right(), t)) {
                    anyPresent[t] = true;
                    break;
                }
            }
        }
        // dp over (s[t-1], s[t]) ∈ {0,1}²: index 2·a + b
        double[][] cost = new double[n][4];
        int[][] from = new int[n][4];
        for (int ab = 0; ab < 4; ab++) {
            int a = ab >> 1;
            int b = ab & 1;
            cost[1][ab] = (a != b ? (apart[0] || apart[1] ? lambda[1] : Double.POSITIVE_INFINITY) : 0) + (a == 1 && anyPresent[0] ? mu[0] : 0) + (b == 1 && anyPresent[1] ? mu[1] : 0);
        }
        double[] frame = new double[8];
        double[] terms8 = new double[8];
        for (int t = 2; t < n; t++) {
            frameCosts(members, t, scale[t], m0[t], terms8, frame);
            for (int bc = 0; bc < 4; bc++) {
                int b = bc >> 1;
                int c = bc & 1;
                double best = Double.POSITIVE_INFINITY;
                int arg = 0;
                for (int a = 0; a < 2; a++) {
                    double v = cost[t - 1][2 * a + b] + frame[4 * a + 2 * b + c]
                            + (b != c ? (apart[t - 1] || apart[t] ? lambda[t] : Double.POSITIVE_INFINITY) : 0)
                            + (c == 1 && anyPresent[t] ? mu[t] : 0);
                    if (v < best) {
                        best = v;
                        arg = a;
                    }
                }
                cost[t][bc] = best;
                from[t][bc] = arg;
            }
        }
        int bc = 0;
        for (int k = 1; k < 4; k++) {
            if (cost[n - 1][k] < cost[n - 1][bc]) {
                bc = k;
            }
        }
        boolean[] swap = new boolean[n];
        swap[n - 1] = (bc & 1) == 1;
        for (int t = n - 1; t >= 2; t--) {
            int b = bc >> 1;
            int a = from[t][bc];
            swap[t - 1] = b == 1;
            bc = 2 * a + b;
            if (t == 2) {
                swap[0] = a == 1;
            }
        }
        return swap;
    }

    /**
     * The group's cost at frame t for each choice a, b, c at t−2, t−1, t (1 = exchanged), into {@code out[4a + 2b + c]}:
     * per member, the left side's term takes its points from (a, b, c) and the right side's from the opposite choices,
     * a missing term counting as the typical one. Each member's 8 distinct terms are computed once
     * ({@code terms8[4x + 2y + z]}: the points at t−2, t−1, t from the left (0) or right (1) track) and added in the
     * order a member-by-member, left-then-right sum would add them.
     */
    private static void frameCosts(List<Pair> members, int t, double scale, double m0, double[] terms8, double[] out) {
        java.util.Arrays.fill(out, 0);
        for (Pair p : members) {
            double[][] l = p.left();
            double[][] r = p.right();
            for (int k = 0; k < 8; k++) {
                double v = term((k & 4) == 0 ? l : r, (k & 2) == 0 ? l : r, (k & 1) == 0 ? l : r, t, scale);
                terms8[k] = Double.isNaN(v) ? m0 : v;
            }
            for (int k = 0; k < 8; k++) {
                out[k] += terms8[k];
                out[k] += terms8[7 - k];
            }
        }
    }

    /** Squared second difference of the point taken from s2 at t−2, s1 at t−1, s0 at t, over scale²; NaN if missing. */
    private static double term(double[][] s2, double[][] s1, double[][] s0, int t, double scale) {
        double sum = 0;
        for (int d = 0; d < 3; d++) {
            if (s0[d] == null) {
                continue;
            }
            double v = s0[d][t] - 2 * s1[d][t - 1] + s2[d][t - 2];
            if (Double.isNaN(v)) {
                return Double.NaN;
            }
            sum += v * v;
        }
        return sum / (scale * scale);
    }

    /**
     * The typical (median) squared second difference of a point with white jitter of variance 1 per axis: 6 (a second
     * difference has 6 times the variance) times the median of a chi-squared variable with as many degrees of freedom
     * as axes (1.386 for 2, 2.366 for 3).
     */
    static double noiseToTypical(int dims) {
        return 6 * (dims == 2 ? 1.386 : 2.366);
    }

    /** Per frame, true where the group's left and right points are told apart (see {@link Settings#minSeparation()}). */
    private boolean[] apart(List<Pair> members, double[] scale, int n, double[] m0) {
        int dims = members.get(0).left()[2] == null ? 2 : 3;
        boolean[] out = new boolean[n];
        for (int t = 0; t < n; t++) {
            double minSep = settings.minSeparation() * Math.sqrt(m0[t] / noiseToTypical(dims));
            double sum = 0;
            int k = 0;
            for (Pair p : members) {
                double d = distance(p.left(), p.right(), t);
                if (!Double.isNaN(d)) {
                    sum += d / scale[t];
                    k++;
                }
            }
            out[t] = k > 0 && sum / k >= minSep;
        }
        return out;
    }

    /** Per point and side (rows 2m, 2m+1), the terms with the labels as they are. */
    private static double[][] terms(List<Pair> members, double[] scale, int n) {
        double[][] terms = new double[2 * members.size()][n];
        for (int m = 0; m < members.size(); m++) {
            Pair p = members.get(m);
            for (int side = 0; side < 2; side++) {
                double[][] s = side == 0 ? p.left() : p.right();
                double[] row = terms[2 * m + side];
                Arrays.fill(row, Double.NaN);
                for (int t = 2; t < n; t++) {
                    row[t] = term(s, s, s, t, scale[t]);
                }
            }
        }
        return terms;
    }

    /**
     * The median of the finite terms within {@code half} frames of each frame (evaluated every few frames and held),
     * at least a small positive number.
     */
    private static double[] typical(double[][] terms, int n, int half) {
        double[] out = new double[n];
        Arrays.fill(out, Double.NaN);
        int stride = Math.max(1, half / 2);
        // at most about 256 terms per median (long recordings): every skip-th frame of the window
        int skip = Math.max(1, terms.length * (2 * half + 1) / 256);
        double[] buf = new double[terms.length * (2 * half + 1)];
        double last = Double.NaN;
        for (int t0 = 0; t0 < n; t0 += stride) {
            int k = 0;
            for (double[] row : terms) {
                for (int t = Math.max(0, t0 - half); t < Math.min(n, t0 + half + 1); t += skip) {
                    if (!Double.isNaN(row[t])) {
                        buf[k++] = row[t];
                    }
                }
            }
            double m = k >= 4 ? Stats.median(Arrays.copyOf(buf, k)) : last;
            last = m;
            for (int t = t0; t < Math.min(n, t0 + stride); t++) {
                out[t] = m;
            }
        }
        // frames before the first window with enough terms take the first value found
        double first = Double.NaN;
        for (double v : out) {
            if (Double.isFinite(v)) {
                first = v;
                break;
            }
        }
        for (int t = 0; t < n; t++) {
            if (!Double.isFinite(out[t])) {
                out[t] = first;
            }
            out[t] = Math.max(Double.isFinite(out[t]) ? out[t] : 0, 1e-12);
        }
        return out;
    }

    /** Distance between the two points at frame t, NaN when one is missing. */
    private static double distance(double[][] l, double[][] r, int t) {
        double sum = 0;
        for (int d = 0; d < 3; d++) {
            if (l[d] == null || r[d] == null) {
                continue;
            }
            double v = l[d][t] - r[d][t];
            sum += v * v;
        }
        return Math.sqrt(sum);
    }

    private static boolean present(double[][] s, int t) {
        return !Double.isNaN(s[0][t]) && !Double.isNaN(s[1][t]);
    }

    /** Exchanges the pair's values at frame t (coordinates and confidences). */
    private static void exchange(Pair p, int t) {
        for (int d = 0; d < 4; d++) {
            double[] l = p.left()[d];
            double[] r = p.right()[d];
            if (l == null || r == null) {
                continue;
            }
            double v = l[t];
            l[t] = r[t];
            r[t] = v;
        }
    }

    /** The body's size at each frame: the running median of the extent of all present points (at least 1). */
    private static double[] bodyScale(List<double[][]> tracks, int n, double windowFrames) {
        double[] size = new double[n];
        for (int t = 0; t < n; t++) {
            double[] lo = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
            double[] hi = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
            for (double[][] k : tracks) {
                for (int d = 0; d < 3; d++) {
                    double v = k[d] == null ? 0 : k[d][t];
                    if (!Double.isNaN(v)) {
                        lo[d] = Math.min(lo[d], v);
                        hi[d] = Math.max(hi[d], v);
                    }
                }
            }
            double m = Math.max(hi[0] - lo[0], Math.max(hi[1] - lo[1], hi[2] - lo[2]));
            size[t] = m > 0 ? m : Double.NaN;
        }
        int half = Math.max(1, (int) Math.round(windowFrames / 2));
        double[] out = new double[n];
        double last = Double.NaN;
        double[] buf = new double[2 * half + 1];
        for (int t = 0; t < n; t++) {
            int k = 0;
            for (int i = Math.max(0, t - half); i < Math.min(n, t + half + 1); i++) {
                if (Double.isFinite(size[i])) {
                    buf[k++] = size[i];
                }
            }
            double m = k == 0 ? last : Stats.median(Arrays.copyOf(buf, k));
            out[t] = Double.isFinite(m) && m > 0 ? m : 1;
            last = m;
        }
        return out;
    }
}
