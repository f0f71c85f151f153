package org.gaitform.io.pose;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.gaitform.model.GaitformException;
import org.gaitform.model.StickFigure;

/**
 * Which of several people in a video's frames is the runner, for pose estimators that write every person they find
 * in a frame, in no fixed order (OpenPose's {@code people[]}, or a keypoint table with one row per person and frame).
 *
 * <p>The people are followed from frame to frame (multiple-object tracking by detection, in its simplest greedy form:
 * each frame's people are joined to the tracks whose predicted place they are nearest, within a gate):
 * <ul>
 *   <li>a person's place is the mean of their detected keypoints, their size the height of those keypoints in the
 *       picture; a track predicts its next place from its velocity over the last {@link #VELOCITY_S} seconds;</li>
 *   <li>a person joins a track when their place is within {@link #GATE_SIZES} of the track's sizes of the prediction
 *       (plus {@link #GATE_SIZES_PER_S} per second the track has been unseen) and their size within a factor
 *       {@link #MAX_SIZE_RATIO} of the track's; the tracks seen most recently are served first, and among them the
 *       nearest pairs (the matching cascade of Wojke, Bewley &amp; Paulus 2017, "Simple online and realtime tracking
 *       with a deep association metric", IEEE ICIP, pp. 3645-3649: a track unseen for a while has a wide gate and would
 *       otherwise take a person whom a track seen in the last frame follows);</li>
 *   <li>a track unseen for {@link #LOST_S} seconds ends; a person joining no track starts one.</li>
 * </ul>
 * The runner is the track with the largest score: its frames, each weighted by how much the legs move (the spread of
 * the ankles about the hips, in sizes, over the track; full weight from {@link #LEG_MOTION_SIZES}, so that people
 * standing by count little however long they are seen). Tracks that do not overlap the runner's in time and continue
 * it (within {@link #CHAIN_GAP_S} seconds, near the place and the size that the runner's track predicts, their legs
 * moving) are the runner found again after being hidden or lost, and are
 * joined to it. Frames in which none of the runner's tracks is seen hold no person.
 */
final class PersonTracks {
    /** Distance from a track's predicted place within which a person may join it, in the track's sizes. */
    static final double GATE_SIZES = 0.5;
    /** How much the gate grows per second the track has been unseen, in sizes. */
    static final double GATE_SIZES_PER_S = 1.5;
    /** Largest ratio between a person's size and the track's for the person to join it. */
    static final double MAX_SIZE_RATIO = 1.6;
    /** A track unseen for this long ends (s). */
    static final double LOST_S = 2.0;
    /** Window over which a track's velocity is measured (s). */
    static final double VELOCITY_S = 0.5;
    /** Spread of the ankles about the hips, in sizes, from which a track's frames count fully. */
    static final double LEG_MOTION_SIZES = 0.06;
    /** How many people are ranked at least (the runner and the next ones, named in the decision). */
    static final int RANKED = 3;
    /** Stretch at a track's end over which its place, size and their change are measured for joining it (s). */
    static final double END_S = 1.0;
    /** Longest time between the runner's tracks that are joined (s). */
    static final double CHAIN_GAP_S = 5.0;
    /**
     * Largest ratio between the size of a track that continues the runner's and the size the runner's track predicts
     * (its own rate of growth or shrinking carried on over the gap), at no gap.
     */
    static final double CHAIN_SIZE_RATIO = 1.3;
    /** How much {@link #CHAIN_SIZE_RATIO} grows per second of gap. */
    static final double CHAIN_SIZE_RATIO_PER_S = 0.15;

    /**
     * Where the hips and ankles are among a person's keypoints (indices of x, y, confidence triplets; -1 when the
     * keypoint is not in the layout).
     *
     * @param midHip     the point between the hips
     * @param leftHip    the left hip
     * @param rightHip   the right hip
     * @param leftAnkle  the left ankle
     * @param rightAnkle the right ankle
     */
    record Layout(int midHip, int leftHip, int rightHip, int leftAnkle, int rightAnkle) {
        /** OpenPose BODY_25. */
        static final Layout BODY_25 = new Layout(8, 12, 9, 14, 11);

        /**
         * The layout of keypoints named {@code names} (any naming: {@code LHip}, {@code left_hip}, {@code hip.R},
         * {@code RightAnkle}, {@code MidHip}, {@code pelvis}, …).
         */
        static Layout of(List<String> names) {
            int[] found = {-1, -1, -1, -1, -1};
            for (int i = 0; i < names.size(); i++) {
                String n = names.get(i).toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]", "");
                int part = n.contains("hip") ? 0 : n.contains("ankle") || n.matches("[lr]ank|ank[lr]") ? 1 : -1;
                if (n.matches("midhip|hipcenter|hipcentre|centerhip|centrehip|hips|pelvis|midpelvis")) {
                    found[0] = found[0] < 0 ? i : found[0];
                    continue;
                }
                if (part < 0) {
                    continue;
                }
                String rest = n.replace(part == 0 ? "hip" : n.contains("ankle") ? "ankle" : "ank", "");
                int side = rest.matches("l|left") ? 0 : rest.matches("r|right") ? 1 : -1;
                if (side >= 0) {
                    int k = 1 + 2 * part + side;
                    found[k] = found[k] < 0 ? i : found[k];
                }
            }
            return new Layout(found[0], found[1], found[2], found[3], found[4]);
        }

        /** True when the ankles and the hips (or the point between them) are known. */
        boolean legs() {
            return leftAnkle >= 0 && rightAnkle >= 0 && (midHip >= 0 || (leftHip >= 0 && rightHip >= 0));
        }
    }

    /** One person found in one frame: BODY_25 keypoints as x, y, confidence triplets. */
    record Person(int frame, double[] keypoints, double cx, double cy, double size) {
        static Person of(int frame, double[] v) {
            double sx = 0;
            double sy = 0;
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            int m = 0;
            for (int j = 0; j < v.length / 3; j++) {
                if (v[3 * j + 2] > 0) {
                    sx += v[3 * j];
                    sy += v[3 * j + 1];
                    lo = Math.min(lo, v[3 * j + 1]);
                    hi = Math.max(hi, v[3 * j + 1]);
                    m++;
                }
            }
            return m == 0 ? null : new Person(frame, v, sx / m, sy / m, Math.max(hi - lo, 1));
        }
    }

    /** A person followed over frames. */
    static final class Track {
        final List<Person> seen = new ArrayList<>();
        private final Layout layout;
        private double legMotion = Double.NaN;
        /** {@link #end} at the end and at the start, measured once the track is complete. */
        private double[] endCache;
        private double[] startCache;

        Track(Layout layout) {
            this.layout = layout;
        }

        Person last() {
            return seen.get(seen.size() - 1);
        }

        Person first() {
            return seen.get(0);
        }

        /** Velocity in px per frame over the last {@link #VELOCITY_S} seconds. */
        double[] velocity(double fps) {
            int span = Math.max(1, (int) Math.round(VELOCITY_S * fps));
            Person b = last();
            Person a = b;
            for (int i = seen.size() - 1; i >= 0 && b.frame() - seen.get(i).frame() <= span; i--) {
                a = seen.get(i);
            }
            int df = b.frame() - a.frame();
            return df == 0 ? new double[] {0, 0} : new double[] {(b.cx() - a.cx()) / df, (b.cy() - a.cy()) / df};
        }

        /**
         * Where the track is at its end ({@code atEnd}) or start, and how it moves there, robust to single frames: over
         * the last (first) {@link #END_S} seconds seen, the medians of the place and of the logarithm of the size in
         * its outer and inner thirds, and the change between them per frame. {frame, x, y, log size, vx, vy, log-size
         * rate}, all per frame.
         */
        double[] end(double fps, boolean atEnd) {
            double[] cached = atEnd ? endCache : startCache;
            if (cached == null) {
                cached = measureEnd(fps, atEnd);
                if (atEnd) {
                    endCache = cached;
                } else {
                    startCache = cached;
                }
            }
            return cached;
        }

        private double[] measureEnd(double fps, boolean atEnd) {
            int span = Math.max(2, (int) Math.round(END_S * fps));
            List<Person> w = new ArrayList<>();
            for (Person p : seen) {
                if (Math.abs(p.frame() - (atEnd ? last() : first()).frame()) <= span) {
                    w.add(p);
                }
            }
            int third = Math.max(1, w.size() / 3);
            List<Person> early = w.subList(0, third);
            List<Person> late = w.subList(w.size() - third, w.size());
            List<Person> outer = atEnd ? late : early;
            List<Person> inner = atEnd ? early : late;
            double[] o = medians(outer);
            double[] in = medians(inner);
            double df = o[0] - in[0];
            double[] out = {o[0], o[1], o[2], o[3], 0, 0, 0};
            if (df != 0) {
                for (int k = 1; k <= 3; k++) {
                    out[3 + k] = (o[k] - in[k]) / df;
                }
            }
            return out;
        }

        private static double[] medians(List<Person> ps) {
            double[][] v = new double[4][ps.size()];
            for (int i = 0; i < ps.size(); i++) {
                v[0][i] = ps.get(i).frame();
                v[1][i] = ps.get(i).cx();
                v[2][i] = ps.get(i).cy();
                v[3][i] = Math.log(ps.get(i).size());
            }
            double[] m = new double[4];
            for (int k = 0; k < 4; k++) {
                java.util.Arrays.sort(v[k]);
                int n = v[k].length;
                m[k] = n % 2 == 1 ? v[k][n / 2] : (v[k][n / 2 - 1] + v[k][n / 2]) / 2;
            }
            return m;
        }

        /** Spread of the ankles about the hips over the track, in sizes (computed once the track is complete). */
        double legMotion() {
            if (Double.isNaN(legMotion)) {
                legMotion = spreadOfAnkles();
            }
            return legMotion;
        }

        private double spreadOfAnkles() {
            if (!layout.legs()) {
                return LEG_MOTION_SIZES; // no hips or ankles to tell: every frame counts fully
            }
            double sum = 0;
            int sides = 0;
            for (int ankle : new int[] {layout.leftAnkle(), layout.rightAnkle()}) {
                List<double[]> u = new ArrayList<>();
                for (Person p : seen) {
                    double[] v = p.keypoints();
                    double[] hip = hip(v, layout);
                    if (hip != null && v[3 * ankle + 2] > 0) {
                        u.add(new double[] {(v[3 * ankle] - hip[0]) / p.size(), (v[3 * ankle + 1] - hip[1]) / p.size()});
                    }
                }
                if (u.size() >= 10) {
                    sum += Math.sqrt(variance(u, 0) + variance(u, 1));
                    sides++;
                }
            }
            return sides == 0 ? 0 : sum / sides;
        }

        double score() {
            return seen.size() * Math.min(1, legMotion() / LEG_MOTION_SIZES);
        }
    }

    /**
     * One person followed over the video: their tracks joined.
     *
     * @param frames     frames in which they are seen
     * @param firstFrame the first of them
     * @param lastFrame  the last of them
     * @param score      their frames, each weighted by how much their legs move (see {@link Track#score()})
     * @param x          their median place across the picture (px)
     * @param size       their median height in the picture (px)
     * @param keypoints  their keypoints in the frames they are seen (the frames' own arrays, compared by identity)
     */
    record Followed(int frames, int firstFrame, int lastFrame, double score, double x, double size,
                    Set<double[]> keypoints) {
    }

    /**
     * The choice made.
     *
     * @param perFrame the chosen person's keypoints per frame, {@code null} where they are not seen
     * @param tracks   the tracks followed
     * @param runner   how many of them are the chosen person's
     * @param left     frames in which a person was seen but none of them is the chosen one
     * @param people   the people, their tracks joined, ranked by score (the runner first)
     * @param chosen   the rank of the person taken (1-based)
     * @param unranked tracks left out of the ranking (people seen less, or parts of them)
     */
    record Choice(double[][] perFrame, int tracks, int runner, int left, List<Followed> people, int chosen,
                  int unranked) {
        /**
         * The strongest other person's score against the chosen one's: 0 when nobody else moves their legs; near 1
         * the choice rests on a few frames.
         */
        /** The rank of the person whose keypoints in some frame are {@code v} (the same array), 0 when not ranked. */
        int rankOf(double[] v) {
            for (int k = 0; k < people.size(); k++) {
                if (people.get(k).keypoints().contains(v)) {
                    return k + 1;
                }
            }
            return 0;
        }

        double rival() {
            double me = people.isEmpty() ? 0 : people.get(chosen - 1).score();
            double other = 0;
            for (int i = 0; i < people.size(); i++) {
                if (i != chosen - 1) {
                    other = Math.max(other, people.get(i).score());
                }
            }
            return me > 0 ? other / me : 0;
        }
    }

    private PersonTracks() {
    }

    /**
     * Follows the people of {@code frames} (per frame, the people found: x, y, confidence triplets in {@code layout})
     * and takes the one of rank {@code rank} (1: the runner, the person seen moving their legs in the most frames; 2:
     * the next; …), or {@code null} when fewer people were followed; {@code fps} is the frame rate (the constants are
     * in seconds).
     */
    static Choice choose(List<List<double[]>> frames, double fps, int rank, Layout layout) {
        List<Track> all = follow(frames, fps, layout);
        double[][] perFrame = new double[frames.size()][];
        if (all.isEmpty()) {
            return rank == 1 ? new Choice(perFrame, 0, 0, 0, List.of(), 1, 0) : null;
        }
        // the first three people, or up to the one asked for and the next: enough to name the choice and its rival
        Set<Track> taken = new HashSet<>();
        List<List<Track>> ranked = rank(all, fps, Math.max(RANKED, rank + 1), taken);
        if (rank > ranked.size()) {
            return null;
        }
        List<Followed> people = new ArrayList<>();
        for (List<Track> chain : ranked) {
            people.add(followed(chain));
        }
        List<Track> runner = ranked.get(rank - 1);
        for (Track t : runner) {
            for (Person p : t.seen) {
                perFrame[p.frame()] = p.keypoints();
            }
        }
        int left = 0;
        for (int f = 0; f < frames.size(); f++) {
            if (perFrame[f] == null && !frames.get(f).isEmpty()) {
                left++;
            }
        }
        return new Choice(perFrame, all.size(), runner.size(), left, List.copyOf(people), rank,
                all.size() - taken.size());
    }

    /**
     * The person to analyse among the people of {@code frames} (per frame, the people found as x, y, confidence
     * triplets in {@code layout}; {@code multi} frames show more than one): the one {@code --person} names, else the
     * runner; what was chosen, among whom and how surely is recorded on {@code a} (decisions {@code people},
     * {@code people_rival}, a warning, the frames that show only other people).
     *
     * @return per frame the keypoints taken, {@code null} where nobody is taken
     */
    static double[][] pick(PoseAssembler a, String source, List<List<double[]>> frames, int multi,
                           PoseReadOptions options, Layout layout, List<String> names) {
        int n = frames.size();
        int rank = options.person().orElse(1);
        if (multi == 0 && rank > 1) {
            throw GaitformException.badInput(source, "--person " + rank, "person 1: every frame shows one person at "
                    + "most", "person " + rank);
        }
        double[][] chosen = new double[n][];
        if (multi == 0) {
            for (int f = 0; f < n; f++) {
                chosen[f] = frames.get(f).isEmpty() ? null : frames.get(f).get(0);
            }
            return chosen;
        }
        double fps = options.fps().orElse(PoseReadOptions.DEFAULT_VIDEO_FPS);
        Choice choice = choose(frames, fps, rank, layout);
        if (choice == null) {
            throw GaitformException.badInput(source, "--person " + rank, "a person from 1 to "
                    + count(frames, fps, layout) + " (the people followed in the frames)", "person " + rank);
        }
        chosen = choice.perFrame();
        long runnerFrames = java.util.Arrays.stream(chosen).filter(java.util.Objects::nonNull).count();
        String who = options.person().isPresent() ? "person " + rank + " taken (--person " + rank + ")"
                : "the runner taken as the one seen moving their legs in the most frames";
        String what = multi + " frame(s) show more than one person; " + choice.tracks() + " people followed from "
                + "frame to frame; " + who + " (" + runnerFrames + " frames" + (choice.runner() > 1
                ? ", found again " + (choice.runner() - 1) + " time(s) after being lost" : "") + ")"
                + (choice.left() > 0 ? "; " + choice.left() + " frame(s) show only other people and are kept as "
                + "frames without " + (options.person().isPresent() ? "person " + rank : "the runner") : "");
        a.decide("people", choice.tracks() + " followed, " + (options.person().isPresent() ? "person " + rank
                : "runner") + " in " + runnerFrames + " frames", what + "; " + ranking(choice, fps));
        if (options.person().isEmpty()) {
            a.decide("people_rival", String.format(Locale.ROOT, "%.2f", choice.rival()), choice.people().size() < 2
                    ? "no other person was followed" : "the strongest other person's frames, weighted by leg "
                    + "motion, against the runner's");
        }
        a.warn(what);
        a.othersOnly(choice.left());
        a.people(picture(frames, choice, names));
        return chosen;
    }

    /**
     * Everyone in one frame of the picture, for the report: the frame, among those that show the person taken, that
     * shows the most of the ranked people (the nearest to the middle of the person's frames among equals); one figure
     * per person, with the keypoints that name a body part ({@link #roles}), image y turned up.
     */
    static List<StickFigure> picture(List<List<double[]>> frames, Choice choice, List<String> names) {
        double[][] chosen = choice.perFrame();
        int first = -1;
        int last = -1;
        for (int f = 0; f < chosen.length; f++) {
            if (chosen[f] != null) {
                first = first < 0 ? f : first;
                last = f;
            }
        }
        if (first < 0) {
            return List.of();
        }
        double middle = (first + last) / 2.0;
        int best = -1;
        int bestCount = -1;
        for (int f = first; f <= last; f++) {
            if (chosen[f] == null) {
                continue;
            }
            int count = 0;
            for (double[] v : frames.get(f)) {
                count += choice.rankOf(v) > 0 ? 1 : 0;
            }
            if (count > bestCount || (count == bestCount && Math.abs(f - middle) < Math.abs(best - middle))) {
                best = f;
                bestCount = count;
            }
        }
        Map<String, Integer> roles = roles(names);
        List<StickFigure> out = new ArrayList<>();
        int others = 0;
        for (double[] v : frames.get(best)) {
            int rank = choice.rankOf(v);
            Map<String, double[]> points = new java.util.LinkedHashMap<>();
            for (Map.Entry<String, Integer> e : roles.entrySet()) {
                int j = e.getValue();
                if (v[3 * j + 2] > 0) {
                    points.put(e.getKey(), new double[] {v[3 * j], -v[3 * j + 1]});
                }
            }
            if (points.isEmpty()) {
                continue;
            }
            String key = rank > 0 ? "people_p" + rank + (rank == choice.chosen() ? "_analysed" : "")
                    : "people_other_" + (++others);
            out.add(new StickFigure(key, "picture", "px", points, 0));
        }
        return out;
    }

    /**
     * The body parts among keypoints named {@code names} ({@code LHip}, {@code left_knee}, {@code RBigToe},
     * {@code right_heel}, {@code Nose}, …): part and side ({@code hip_left}, {@code toe_right}, {@code head},
     * {@code neck}) → the first keypoint that names it.
     */
    static Map<String, Integer> roles(List<String> names) {
        Map<String, Integer> out = new java.util.LinkedHashMap<>();
        String[][] parts = {{"hip", "hip"}, {"knee", "knee"}, {"ankle", "ankle"}, {"heel", "heel"}, {"toe", "toe"},
            {"footindex", "toe"}, {"shoulder", "shoulder"}, {"elbow", "elbow"}, {"wrist", "wrist"}};
        for (int i = 0; i < names.size(); i++) {
            String n = names.get(i).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
            if (n.equals("nose") || n.equals("head")) {
                out.putIfAbsent("head", i);
                continue;
            }
            if (n.equals("neck")) {
                out.putIfAbsent("neck", i);
                continue;
            }
            for (String[] p : parts) {
                int at = n.indexOf(p[0]);
                if (at < 0) {
                    continue;
                }
                String rest = n.substring(0, at) + n.substring(at + p[0].length());
                rest = rest.replaceAll("^(big|small)|(big|small)$", "").replace("big", "").replace("small", "");
                String side = rest.matches("l|left") ? "left" : rest.matches("r|right") ? "right" : null;
                if (side != null) {
                    out.putIfAbsent(p[1] + "_" + side, i);
                }
                break;
            }
        }
        return out;
    }

    /**
     * The people ranked, as {@code --person} counts them: where and when each was seen, so that the right one can be
     * named.
     */
    static String ranking(Choice choice, double fps) {
        StringBuilder sb = new StringBuilder("people by frames with their legs moving (--person N takes person N):");
        List<Followed> people = choice.people();
        for (int i = 0; i < people.size(); i++) {
            Followed p = people.get(i);
            sb.append(String.format(Locale.ROOT, "%s person %d%s: %d frame%s from %.1f to %.1f s, around x %.0f px, "
                            + "%.0f px tall, score %.0f", i == 0 ? "" : ";", i + 1, i + 1 == choice.chosen()
                            ? " (analysed)" : "", p.frames(), p.frames() == 1 ? "" : "s", p.firstFrame() / fps,
                    p.lastFrame() / fps, p.x(), p.size(), p.score()));
        }
        if (choice.unranked() > 0) {
            sb.append("; ").append(choice.unranked()).append(" more track(s) of people seen less");
        }
        return sb.toString();
    }

    /** How many people are followed in {@code frames}: their tracks joined, as {@link #choose} ranks them. */
    static int count(List<List<double[]>> frames, double fps, Layout layout) {
        List<Track> all = follow(frames, fps, layout);
        return rank(all, fps, Integer.MAX_VALUE, new HashSet<>()).size();
    }

    /**
     * The people, strongest first, at most {@code limit}: the best remaining track with the tracks that continue it,
     * each added to {@code taken}.
     */
    private static List<List<Track>> rank(List<Track> all, double fps, int limit, Set<Track> taken) {
        List<List<Track>> ranked = new ArrayList<>();
        while (taken.size() < all.size() && ranked.size() < limit) {
            Track best = all.stream().filter(t -> !taken.contains(t)).max(Comparator.comparingDouble(Track::score))
                    .orElseThrow();
            List<Track> chain = joined(best, all, taken, fps);
            ranked.add(chain);
            taken.addAll(chain);
        }
        return ranked;
    }

    private static Followed followed(List<Track> chain) {
        List<Person> seen = new ArrayList<>();
        double score = 0;
        for (Track t : chain) {
            seen.addAll(t.seen);
            score += t.score();
        }
        double[] x = seen.stream().mapToDouble(Person::cx).sorted().toArray();
        double[] size = seen.stream().mapToDouble(Person::size).sorted().toArray();
        Set<double[]> arrays = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (Person p : seen) {
            arrays.add(p.keypoints());
        }
        return new Followed(seen.size(), seen.stream().mapToInt(Person::frame).min().orElseThrow(),
                seen.stream().mapToInt(Person::frame).max().orElseThrow(), score, x[x.length / 2],
                size[size.length / 2], arrays);
    }

    /** The tracks of the people in {@code frames}, in the order they started. */
    private static List<Track> follow(List<List<double[]>> frames, double fps, Layout layout) {
        List<Track> all = new ArrayList<>();
        List<Track> active = new ArrayList<>();
        for (int f = 0; f < frames.size(); f++) {
            final int frame = f;
            active.removeIf(t -> frame - t.last().frame() > LOST_S * fps);
            List<Person> people = new ArrayList<>();
            for (double[] v : frames.get(f)) {
                Person p = Person.of(f, v);
                if (p != null) {
                    people.add(p);
                }
            }
            List<double[]> pairs = new ArrayList<>(); // frames unseen, cost, person, track
            for (int i = 0; i < people.size(); i++) {
                for (int t = 0; t < active.size(); t++) {
                    double cost = cost(active.get(t), people.get(i), fps);
                    if (cost <= 1) {
                        pairs.add(new double[] {f - active.get(t).last().frame(), cost, i, t});
                    }
                }
            }
            // the tracks seen most recently choose first (the matching cascade of DeepSORT): a track unseen for a while
            // has a wide gate and would otherwise take a person whom a track seen in the last frame follows
            pairs.sort(Comparator.<double[]>comparingDouble(a -> a[0]).thenComparingDouble(a -> a[1]));
            boolean[] personTaken = new boolean[people.size()];
            boolean[] trackTaken = new boolean[active.size()];
            for (double[] pr : pairs) {
                int i = (int) pr[2];
                int t = (int) pr[3];
                if (!personTaken[i] && !trackTaken[t]) {
                    personTaken[i] = true;
                    trackTaken[t] = true;
                    active.get(t).seen.add(people.get(i));
                }
            }
            for (int i = 0; i < people.size(); i++) {
                if (!personTaken[i]) {
                    Track t = new Track(layout);
                    t.seen.add(people.get(i));
                    active.add(t);
                    all.add(t);
                }
            }
        }
        return all;
    }

    /**
     * {@code first} and the tracks that continue it before and after (see {@link #continuation}), none of them among
     * {@code taken}.
     */
    private static List<Track> joined(Track first, List<Track> all, Set<Track> taken, double fps) {
        List<Track> chain = new ArrayList<>(List.of(first));
        boolean grown = true;
        while (grown) {
            grown = false;
            Track head = chain.stream().min(Comparator.comparingInt(t -> t.first().frame())).orElseThrow();
            Track tail = chain.stream().max(Comparator.comparingInt(t -> t.last().frame())).orElseThrow();
            Track next = continuation(all, chain, taken, tail, true, fps);
            if (next != null) {
                chain.add(next);
                grown = true;
            }
            Track before = continuation(all, chain, taken, head, false, fps);
            if (before != null) {
                chain.add(before);
                grown = true;
            }
        }
        return chain;
    }

    /** How far a person is from a track's prediction, as a share of the gate; above 1 the person cannot join. */
    private static double cost(Track t, Person p, double fps) {
        Person last = t.last();
        double ratio = p.size() / last.size();
        if (ratio > MAX_SIZE_RATIO || ratio < 1 / MAX_SIZE_RATIO) {
            return Double.POSITIVE_INFINITY;
        }
        int gap = p.frame() - last.frame();
        double[] v = t.velocity(fps);
        double dx = p.cx() - (last.cx() + v[0] * gap);
        double dy = p.cy() - (last.cy() + v[1] * gap);
        double gate = (GATE_SIZES + GATE_SIZES_PER_S * (gap - 1) / fps) * last.size();
        return Math.hypot(dx, dy) / gate;
    }

    /**
     * The track that continues {@code end} of the runner forwards ({@code forwards}) or backwards, without overlapping
     * any of the runner's tracks: the nearest in time to it, within {@link #CHAIN_GAP_S}, whose first (last) place lies
     * within the gate of the prediction, of a size within {@link #CHAIN_SIZE_RATIO} (growing with the gap) of the
     * predicted one, its legs moving; or {@code null}.
     */
    private static Track continuation(List<Track> all, List<Track> runner, Set<Track> taken, Track end,
                                      boolean forwards, double fps) {
        Track found = null;
        double bestGap = Double.MAX_VALUE;
        double[] from = end.end(fps, forwards);
        for (Track t : all) {
            if (runner.contains(t) || taken.contains(t) || runner.stream().anyMatch(r -> overlap(r, t))
                    || t.legMotion() < LEG_MOTION_SIZES / 2) {
                continue;
            }
            double[] to = t.end(fps, !forwards);
            double gap = forwards ? to[0] - from[0] : from[0] - to[0];
            if (gap <= 0 || gap > CHAIN_GAP_S * fps) {
                continue;
            }
            double step = forwards ? gap : -gap;
            double ratio = Math.exp(to[3] - (from[3] + from[6] * step));
            double allowed = CHAIN_SIZE_RATIO + CHAIN_SIZE_RATIO_PER_S * gap / fps;
            if (ratio > allowed || ratio < 1 / allowed) {
                continue;
            }
            double dx = to[1] - (from[1] + from[4] * step);
            double dy = to[2] - (from[2] + from[5] * step);
            double gate = (GATE_SIZES + GATE_SIZES_PER_S * gap / fps) * Math.exp(Math.max(from[3], to[3]));
            if (Math.hypot(dx, dy) <= gate && gap < bestGap) {
                found = t;
                bestGap = gap;
            }
        }
        return found;
    }

    private static boolean overlap(Track a, Track b) {
        return a.first().frame() <= b.last().frame() && b.first().frame() <= a.last().frame();
    }

    private static double[] hip(double[] v, Layout l) {
        int m = l.midHip();
        if (m >= 0 && v[3 * m + 2] > 0) {
            return new double[] {v[3 * m], v[3 * m + 1]};
        }
        int a = l.leftHip();
        int b = l.rightHip();
        if (a >= 0 && b >= 0 && v[3 * a + 2] > 0 && v[3 * b + 2] > 0) {
            return new double[] {(v[3 * a] + v[3 * b]) / 2, (v[3 * a + 1] + v[3 * b + 1]) / 2};
        }
        return null;
    }

    private static double variance(List<double[]> u, int k) {
        double mean = 0;
        for (double[] a : u) {
            mean += a[k];
        }
        mean /= u.size();
        double s = 0;
        for (double[] a : u) {
            s += (a[k] - mean) * (a[k] - mean);
        }
        return s / u.size();
    }
}
