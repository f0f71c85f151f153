package org.gaitform.quality;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.gaitform.kinematics.FrontalPerspective;
import org.gaitform.model.Channel;
import org.gaitform.model.ImuSensor;
import org.gaitform.model.Keypoint;
import org.gaitform.model.PoseRecording;
import org.gaitform.signal.Periodicity;
import org.gaitform.signal.Stats;

/**
 * Cadence from the periodicity of the raw signal, without any contact detector: the autocorrelation of a signal
 * that repeats once per step (trunk acceleration) or once per stride (a foot or shank sensor, the distance between
 * the two feet in keypoints), pooled over stretches of a recording. For the trunk the step period is the first
 * dominant peak of the autocorrelation of the acceleration (its second dominant peak is the stride), after
 * Moe-Nilssen and Helbostad 2004; the peak value is their step regularity. A foot or shank sensor repeats once per
 * stride of its own leg; the difference between the left and right feet's positions changes sign every step, so its
 * autocorrelation is negative at one step and peaks at one stride. The period is refined with the peaks at its
 * multiples, which makes it precise to a fraction of a sample even at 30 frames per second.
 *
 * <p>Moe-Nilssen R, Helbostad JL. Estimation of gait cycle characteristics by trunk accelerometry. J Biomech
 * 2004;37(1):121–126.
 */
public final class SignalCadence {
    /** Signals are averaged down to about this rate (Hz) before the autocorrelation; periods are refined anyway. */
    static final double WORK_RATE_HZ = 100;
    /** Step periods searched in running (s): 260 down to 110 steps/min. */
    static final double[] RUNNING_STEP_S = {60.0 / 260, 60.0 / 110};
    /** Step periods searched in walking (s): 160 down to 60 steps/min. */
    static final double[] WALKING_STEP_S = {60.0 / 160, 60.0 / 60};
    /** Stride periods searched for one leg or two feet (s). */
    static final double[] STRIDE_S = {0.4, 2.2};
    /** Longest lag of the autocorrelation (s), for the multiples that refine the period. */
    static final double MAX_LAG_S = 2.5;
    /** A peak is a candidate for the first dominant peak when it reaches this share of the highest one. */
    static final double DOMINANT_SHARE = 0.6;
    /** A peak at half the best stride lag replaces it when it reaches this share of it. */
    static final double HALF_STRIDE_SHARE = 0.85;
    /**
     * A higher autocorrelation peak within this ratio of the first dominant peak's lag is the same period, the first a
     * side lobe of it: a simulated downhill rearfoot step (an impact and a rebound 25 ms apart) gave lobes of 0.56 at
     * 0.88 and 1.13 times the step's lag beside its 0.93, and the first was taken, 5 % short (SimulatedQualityTest's
     * trunk seed 11: 182 steps/min against 174). The next period (the stride) lies at twice the lag.
     */
    static final double SIDE_LOBE_LAG_RATIO = 1.25;
    /** Fewest periods a stretch must hold to give one (an autocorrelation over fewer is too coarse). */
    static final int MIN_CYCLES = 4;
    /** Below this autocorrelation the signal is too irregular to give a period. */
    static final double MIN_REGULARITY = 0.2;

    private SignalCadence() {
    }

    /**
     * A cadence estimate.
     *
     * @param cadenceSpm steps of both feet per minute, {@code NaN} when none could be found
     * @param regularity autocorrelation at the period found (−1..1), {@code NaN} when none
     * @param basis      what it was computed from, or why there is none
     */
    public record Estimate(double cadenceSpm, double regularity, String basis) {
        static Estimate none(String why) {
            return new Estimate(Double.NaN, Double.NaN, why);
        }

        /** True when a cadence was found. */
        public boolean available() {
            return Double.isFinite(cadenceSpm);
        }
    }

    /** How a source repeats. */
    enum Cycle {
        /** Once per step: the first dominant peak is the step. */
        STEP,
        /** Once per stride of one leg. */
        STRIDE,
        /** Once per stride, changing sign every step (left minus right). */
        STRIDE_ANTIPHASE
    }

    /**
     * A signal prepared once (averaged down to about {@link #WORK_RATE_HZ}) and asked for the cadence of any
     * stretches of the recording.
     */
    public static final class Source {
        private final List<double[]> signals;
        private final int factor;
        private final double rate;
        private final int length;
        private final Cycle cycle;
        private final String what;

        private Source(List<double[]> signals, double fs, int length, Cycle cycle, String what) {
            this.factor = (int) Math.max(1, Math.floor(fs / WORK_RATE_HZ));
            this.rate = fs / factor;
            this.length = length;
            this.cycle = cycle;
            this.what = what;
            List<double[]> s = new ArrayList<>();
            for (double[] x : signals) {
                s.add(average(x, factor));
            }
            this.signals = s;
        }

        /** What the signal is, in words. */
        public String what() {
            return what;
        }

        /** True when the signal repeats once per stride rather than once per step. */
        public boolean perStride() {
            return cycle != Cycle.STEP;
        }

        /**
         * The cadence of some stretches.
         *
         * @param spans   sample ranges {from, to} of the recording
         * @param walking true to search walking cadences (trunk), false for running
         */
        public Estimate estimate(List<int[]> spans, boolean walking) {
            List<Double> periods = new ArrayList<>();
            double reg = Double.NaN;
            boolean tooShort = false;
            for (double[] x : signals) {
                List<int[]> ranges = ranges(spans, x.length);
                int longest = ranges.stream().mapToInt(r -> r[1] - r[0]).max().orElse(0);
                int maxLag = (int) Math.max(2, Math.min(Math.round(MAX_LAG_S * rate), longest - 1));
                double[][] both = Periodicity.pooledAutocorrelations(x, ranges, maxLag);
                double[] acf = both[0];
                int lag = switch (cycle) {
                    case STEP -> {
                        double[] r = walking ? WALKING_STEP_S : RUNNING_STEP_S;
                        yield firstDominantPeak(acf, lag(r[0]), lag(r[1]));
                    }
                    case STRIDE -> strideLag(acf, lag(STRIDE_S[0]), lag(STRIDE_S[1]));
                    case STRIDE_ANTIPHASE -> {
                        int best = bestPeak(acf, lag(STRIDE_S[0]), lag(STRIDE_S[1]));
                        yield best >= 0 && acf[best] >= MIN_REGULARITY ? best : -1;
                    }
                };
                if (lag < 0) {
                    continue;
                }
                if (longest < MIN_CYCLES * lag) {
                    tooShort = true;
                    continue;
                }
                // the biased function chose the peak (it prefers the shorter of two equal periods); the unbiased one,
                // not tapered towards long lags, places it and its multiples
                periods.add(Periodicity.refinedPeriod(both[1], lag)[0] / rate);
                reg = Double.isNaN(reg) ? acf[lag] : Math.min(reg, acf[lag]);
            }
            if (periods.isEmpty()) {
                String cycleWord = perStride() ? "stride" : "step";
                return Estimate.none(tooShort ? String.format(Locale.ROOT, "the analysed stretch holds fewer than %d "
                        + "%ss, too few for a period", MIN_CYCLES, cycleWord)
                        : what + " shows no regular " + cycleWord + " pattern");
            }
            double period = periods.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            double cadence = (perStride() ? 120 : 60) / period;
            return new Estimate(cadence, reg, String.format(Locale.ROOT, "%s period %.3f s from the autocorrelation "
                    + "of %s, regularity %.2f", perStride() ? "stride" : "step", period, what, reg));
        }

        /**
         * How regularly a stretch repeats at a period: the highest autocorrelation within ±10 % of it.
         *
         * @return −1..1, {@code NaN} when the stretch is shorter than two periods
         */
        public double regularity(int from, int to, double periodS) {
            int centre = lag(periodS);
            int tol = Math.max(1, centre / 10);
            double best = Double.NaN;
            for (double[] x : signals) {
                List<int[]> ranges = ranges(List.of(new int[] {from, to}), x.length);
                if (ranges.isEmpty() || ranges.get(0)[1] - ranges.get(0)[0] < 2 * centre || centre < 2) {
                    continue;
                }
                double[] acf = Periodicity.pooledAutocorrelation(x, ranges, centre + tol);
                for (int i = Math.max(1, centre - tol); i <= centre + tol && i < acf.length; i++) {
                    best = Double.isNaN(best) ? acf[i] : Math.max(best, acf[i]);
                }
            }
            return best;
        }

        /** Sample ranges of the recording as ranges of a working signal (axes of a pose source lie back to back). */
        private List<int[]> ranges(List<int[]> spans, int workLength) {
            int perAxis = length / factor;
            int axes = perAxis == 0 ? 0 : workLength / perAxis;
            List<int[]> out = new ArrayList<>();
            for (int a = 0; a < Math.max(1, axes); a++) {
                for (int[] s : spans) {
                    int from = a * perAxis + s[0] / factor;
                    int to = a * perAxis + Math.min(perAxis, s[1] / factor);
                    if (to - from >= 2) {
                        out.add(new int[] {from, to});
                    }
                }
            }
            return out;
        }

        private int lag(double seconds) {
            return (int) Math.round(seconds * rate);
        }
    }

    /** A trunk sensor: the acceleration magnitude (orientation-free), repeating once per step. */
    public static Source trunk(ImuSensor sensor, double fs) {
        return new Source(List.of(accMagnitude(sensor)), fs, sensor.size(), Cycle.STEP,
                "the acceleration magnitude");
    }

    /** Leg sensors (foot or shank): each one's angular speed (acceleration without a gyroscope), once per stride. */
    public static Source legs(List<ImuSensor> sensors, double fs) {
        List<double[]> s = new ArrayList<>();
        for (ImuSensor x : sensors) {
            s.add(legSignal(x));
        }
        return new Source(s, fs, sensors.get(0).size(), Cycle.STRIDE, sensors.size() > 1
                ? "each leg sensor's angular speed" : "the leg sensor's angular speed");
    }

    /**
     * Keypoints or markers: the difference between one foot point of each side (the same point on both), every
     * coordinate, which changes sign every step; empty when no foot point is named on both sides.
     */
    public static Optional<Source> pose(PoseRecording rec) {
        return pose(rec, false);
    }

    /**
     * As {@link #pose(PoseRecording)}; for a frontal video ({@code frontal}) each foot point is taken from its own
     * side's knee when both knees are named. Seen from behind or ahead, a foot's image height mixes its height above
     * the ground (which scales with 1/distance) with its depth ahead of or behind the body (1/distance²); for a
     * runner moving away or coming closer the share of each changes and the difference's waveform drifts in phase,
     * which the autocorrelation reads as a shorter period: +0.8 to +2.3 steps/min on twelve simulated runners
     * without jitter (FrontalSignalCadenceTest). The foot and knee of one leg stand at nearly one depth, so their
     * difference keeps mostly the shank's own swing: +0.0 to +0.9 steps/min there, and the same within 0.3 steps/min
     * on a treadmill. Each frame's difference is then divided by the runner's image scale ({@link #imageScale}), so that
     * the stretch near the camera does not outweigh the far one: +0.03 to +0.74 steps/min on those runners, and on
     * Fukuchi's four real runners filmed from behind by eleven cameras (FrontalGaitDecisionTest) a mean |error| of 0.27
     * steps/min against the clip's 3D cadence, at most 0.62 (without it a mean of 0.55, at most 1.43).
     */
    public static Optional<Source> pose(PoseRecording rec, boolean frontal) {
        Keypoint[] pair = footPair(rec);
        if (pair == null) {
            return Optional.empty();
        }
        int n = rec.size();
        int dims = rec.dimensions();
        int factor = (int) Math.max(1, Math.floor(rec.frameRateHz() / WORK_RATE_HZ));
        int perAxis = n / factor;
        double[] diff = new double[dims * perAxis * factor];
        Keypoint[] knees = frontal ? kneePair(rec) : null;
        double[] scale = frontal ? imageScale(rec) : null;
        for (int a = 0; a < dims; a++) {
            double[] l = pair[0].axis(a);
            double[] r = pair[1].axis(a);
            double[] kl = knees == null ? null : knees[0].axis(a);
            double[] kr = knees == null ? null : knees[1].axis(a);
            for (int i = 0; i < perAxis * factor; i++) {
                double d = knees == null ? l[i] - r[i] : (l[i] - kl[i]) - (r[i] - kr[i]);
                diff[a * perAxis * factor + i] = scale == null ? d : d / scale[i];
            }
        }
        return Optional.of(new Source(List.of(diff), rec.frameRateHz(), perAxis * factor, Cycle.STRIDE_ANTIPHASE,
                knees == null ? pair[0].name() + " minus " + pair[1].name() : String.format(Locale.ROOT,
                        "%s (from %s) minus %s (from %s)", pair[0].name(), knees[0].name(), pair[1].name(),
                        knees[1].name())));
    }

    /**
     * The first local maximum in [lo, hi] that reaches {@link #DOMINANT_SHARE} of the highest one there, or −1; when a
     * higher one follows within {@link #SIDE_LOBE_LAG_RATIO} of its lag, that one (a side lobe is not a period).
     */
    static int firstDominantPeak(double[] acf, int lo, int hi) {
        List<Integer> peaks = peaks(acf, lo, hi);
        double best = peaks.stream().mapToDouble(i -> acf[i]).max().orElse(Double.NaN);
        if (!(best >= MIN_REGULARITY)) {
            return -1;
        }
        for (int k = 0; k < peaks.size(); k++) {
            int p = peaks.get(k);
            if (acf[p] >= DOMINANT_SHARE * best) {
                // a step with two landing peaks (a downhill impact and its rebound) puts side lobes a few tens of
                // milliseconds either side of the step's own peak; the stride's peak lies at twice the lag
                for (int j = k + 1; j < peaks.size() && peaks.get(j) <= SIDE_LOBE_LAG_RATIO * peaks.get(k); j++) {
                    if (acf[peaks.get(j)] > acf[p]) {
                        p = peaks.get(j);
                    }
                }
                return p;
            }
        }
        return -1;
    }

    /** The highest local maximum in [lo, hi], replaced by one near half its lag when that is nearly as high. */
    static int strideLag(double[] acf, int lo, int hi) {
        int best = bestPeak(acf, lo, hi);
        if (best < 0 || acf[best] < MIN_REGULARITY) {
            return -1;
        }
        int halfCentre = best / 2;
        if (halfCentre >= lo) {
            int tol = Math.max(1, best / 10);
            for (int p : peaks(acf, Math.max(lo, halfCentre - tol), halfCentre + tol)) {
                if (acf[p] >= HALF_STRIDE_SHARE * acf[best]) {
                    return p;
                }
            }
        }
        return best;
    }

    private static int bestPeak(double[] acf, int lo, int hi) {
        int best = -1;
        for (int p : peaks(acf, lo, hi)) {
            if (best < 0 || acf[p] > acf[best]) {
                best = p;
            }
        }
        return best;
    }

    private static List<Integer> peaks(double[] acf, int lo, int hi) {
        List<Integer> out = new ArrayList<>();
        for (int i = Math.max(1, lo); i <= Math.min(acf.length - 2, hi); i++) {
            if (Double.isFinite(acf[i]) && acf[i] > acf[i - 1] && acf[i] >= acf[i + 1]) {
                out.add(i);
            }
        }
        return out;
    }

    /**
     * A frontal video's image scale per frame, over its median: the trunk's image length (the neck, or the shoulders'
     * midpoint, to the hips' midpoint), gaps filled and smoothed below {@link FrontalPerspective#SCALE_CUTOFF_HZ} as for
     * the perspective correction; null when the trunk's points are not named or are seen too rarely.
     */
    static double[] imageScale(PoseRecording rec) {
        Keypoint neck = null;
        Keypoint[] shoulders = new Keypoint[2];
        Keypoint[] hips = new Keypoint[2];
        for (Keypoint k : rec.keypoints()) {
            String[] sp = sideAndPart(k.name());
            if (k.name().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "").equals("neck")) {
                neck = k;
            } else if (sp != null && (sp[1].equals("shoulder") || sp[1].equals("hip"))) {
                (sp[1].equals("hip") ? hips : shoulders)[sp[0].equals("L") ? 0 : 1] = k;
            }
        }
        if (hips[0] == null || hips[1] == null || neck == null && (shoulders[0] == null || shoulders[1] == null)) {
            return null;
        }
        int n = rec.size();
        double[] trunk = new double[n];
        for (int i = 0; i < n; i++) {
            double[] top = neck != null ? new double[] {neck.axis(0)[i], neck.axis(1)[i]}
                    : new double[] {(shoulders[0].axis(0)[i] + shoulders[1].axis(0)[i]) / 2,
                        (shoulders[0].axis(1)[i] + shoulders[1].axis(1)[i]) / 2};
            trunk[i] = Math.hypot(top[0] - (hips[0].axis(0)[i] + hips[1].axis(0)[i]) / 2,
                    top[1] - (hips[0].axis(1)[i] + hips[1].axis(1)[i]) / 2);
        }
        double[] scale = FrontalPerspective.smoothFilled(trunk, rec.frameRateHz());
        if (scale == null) {
            return null;
        }
        double median = Stats.median(java.util.Arrays.stream(scale).filter(v -> Double.isFinite(v) && v > 0)
                .toArray());
        if (!(median > 0)) {
            return null;
        }
        for (int i = 0; i < n; i++) {
            scale[i] = scale[i] > 0 ? scale[i] / median : Double.NaN;
        }
        return scale;
    }

    /** The left and right knees, or null when either is not named or is seen in fewer than half the frames. */
    static Keypoint[] kneePair(PoseRecording rec) {
        Keypoint l = null;
        Keypoint r = null;
        for (Keypoint k : rec.keypoints()) {
            String[] sp = sideAndPart(k.name());
            if (sp != null && sp[1].contains("knee")) {
                if (sp[0].equals("L")) {
                    l = k;
                } else {
                    r = k;
                }
            }
        }
        return l == null || r == null || Math.min(l.presentFrames(), r.presentFrames()) < 0.5 * rec.size() ? null
                : new Keypoint[] {l, r};
    }

    /** Left and right foot points with the same name, the best present pair, or null. */
    static Keypoint[] footPair(PoseRecording rec) {
        Keypoint[] best = null;
        int bestScore = -1;
        for (Keypoint l : rec.keypoints()) {
            String[] ls = sideAndPart(l.name());
            if (ls == null || !ls[0].equals("L") || !isFoot(ls[1])) {
                continue;
            }
            for (Keypoint r : rec.keypoints()) {
                String[] rs = sideAndPart(r.name());
                if (rs == null || !rs[0].equals("R") || !rs[1].equals(ls[1])) {
                    continue;
                }
                int score = Math.min(l.presentFrames(), r.presentFrames()) * 4 + footRank(ls[1]);
                if (score > bestScore) {
                    bestScore = score;
                    best = new Keypoint[] {l, r};
                }
            }
        }
        return best != null && Math.min(best[0].presentFrames(), best[1].presentFrames()) >= 0.5 * rec.size()
                ? best : null;
    }

    private static final String[] FOOT_WORDS = {"heel", "hee", "cal", "toe", "hallux", "footindex", "foot", "ank",
        "malleol", "mal", "mt1", "mt2", "mt5", "meta"};

    private static boolean isFoot(String part) {
        for (String w : FOOT_WORDS) {
            if (part.contains(w)) {
                return true;
            }
        }
        return false;
    }

    /** Heel and ankle points first: they stay in one place through the stance. */
    private static int footRank(String part) {
        return part.contains("heel") || part.contains("cal") ? 3 : part.contains("ank") ? 2 : part.contains("toe") ? 1
                : 0;
    }

    /** {"L" or "R", the rest of the name in lower-case letters and digits}, or null when no side is named. */
    static String[] sideAndPart(String name) {
        String n = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        String o = name.trim();
        if (n.startsWith("left")) {
            return new String[] {"L", n.substring(4)};
        }
        if (n.startsWith("right")) {
            return new String[] {"R", n.substring(5)};
        }
        if (n.length() > 1 && (o.charAt(0) == 'L' || o.charAt(0) == 'l')) {
            return new String[] {"L", n.substring(1)};
        }
        if (n.length() > 1 && (o.charAt(0) == 'R' || o.charAt(0) == 'r')) {
            return new String[] {"R", n.substring(1)};
        }
        return null;
    }

    /** The signal of a leg sensor: its angular speed, or its acceleration magnitude without a gyroscope. */
    static double[] legSignal(ImuSensor s) {
        return s.hasGyroscope() ? magnitude(s, Channel.GYR_X, Channel.GYR_Y, Channel.GYR_Z) : accMagnitude(s);
    }

    static double[] accMagnitude(ImuSensor s) {
        if (!s.hasRawAccelerometer()) {
            return s.channel(Channel.ACC_V);
        }
        return magnitude(s, Channel.ACC_X, Channel.ACC_Y, Channel.ACC_Z);
    }

    private static double[] magnitude(ImuSensor s, Channel cx, Channel cy, Channel cz) {
        double[] x = s.channel(cx);
        double[] y = s.channel(cy);
        double[] z = s.channel(cz);
        double[] m = new double[x.length];
        for (int i = 0; i < m.length; i++) {
            m[i] = Math.sqrt(x[i] * x[i] + y[i] * y[i] + z[i] * z[i]);
        }
        return m;
    }

    private static double[] average(double[] x, int f) {
        if (f == 1) {
            return x;
        }
        double[] out = new double[x.length / f];
        for (int j = 0; j < out.length; j++) {
            double sum = 0;
            for (int k = 0; k < f; k++) {
                sum += x[j * f + k];
            }
            out[j] = sum / f;
        }
        return out;
    }
}
