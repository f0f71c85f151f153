package org.gaitform.io.pose;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.gaitform.model.Decision;
import org.gaitform.model.GaitformException;
import org.gaitform.model.Keypoint;
import org.gaitform.model.PoseRecording;
import org.gaitform.model.StickFigure;
import org.gaitform.signal.Stats;

/**
 * The steps every keypoint reader shares once it has columns of numbers: missing and low-confidence
 * points become {@code NaN}, frames without a person are counted, the time axis is built (from the file's
 * time column, its frame numbers and {@code --fps}, or the frame rate the file records), normalised image
 * coordinates are scaled with {@code --image-size}, and the coordinate unit is taken from the file or
 * from the size of the body.
 */
final class PoseAssembler {
    /** Gaps of a keypoint up to this long are interpolated downstream (s): {@code BodyFrame.MAX_FILLED_GAP_S}. */
    static final double INTERPOLATED_GAP_S = 0.1;

    /** Confidence below which a video keypoint is treated as missing (OpenPose scores, BlazePose visibility). */
    static final double MIN_CONFIDENCE = 0.1;
    /** Stamps whose intervals stray more than this fraction from their mean count as dropped frames. */
    static final double DROP_TOLERANCE = 0.5;
    /** Largest coordinate accepted in any unit (10 km in mm, 10 million pixels): larger values are damage. */
    static final double MAX_COORDINATE = 1e7;
    static final String MAX_COORDINATE_TEXT = "1e7";

    /** A point's raw columns. */
    record Raw(String name, double[] x, double[] y, double[] z, double[] c) {
    }

    private final String source;
    private final String format;
    /** The video beside the keypoint file, if one was found: its frame rate and size when the file has neither. */
    private Optional<VideoHeaders.Header> videoBeside = Optional.empty();
    private final List<Decision> decisions = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    /** Frames in which the reader found people but not the runner ({@link #othersOnly(int)}). */
    private int othersOnly;
    private List<StickFigure> people = List.of();

    PoseAssembler(String source, String format) {
        this.source = source;
        this.format = format;
    }

    /** The people in one frame of the picture, for the report (a reader that chose among people). */
    void people(List<StickFigure> figures) {
        people = List.copyOf(figures);
    }

    /** Says that {@code frames} frames without the runner show other people (a reader that chose among people). */
    void othersOnly(int frames) {
        othersOnly = frames;
    }

    /**
     * The video found beside the keypoint file ({@link VideoHeaders#beside}): it gives the frame rate when neither
     * {@code --fps} nor the file does, and the picture's size for normalised coordinates without {@code --image-size}.
     */
    void videoBeside(Optional<VideoHeaders.Header> video) {
        videoBeside = video;
    }

    /** The input format named in outputs ({@code coco-json}, {@code pose-csv}, …). */
    String format() {
        return format;
    }

    void decide(String key, String value, String reason) {
        decisions.add(new Decision(key, value, reason));
    }

    void warn(String w) {
        warnings.add(w);
    }

    /**
     * Builds the recording.
     *
     * @param rawIn       points (arrays of the same length); the build takes them over and empties the list, so
     *                    that each track can be released as soon as it is converted
     * @param timeRaw     times from the file (s) or {@code null}
     * @param fileRateHz  frame rate recorded in the file, or NaN
     * @param video       true for video keypoints (0 = missing, confidences, px or normalised)
     * @param unitHint    unit named by the file, or empty
     * @param options     user overrides
     */
    PoseRecording build(List<Raw> rawIn, double[] timeRaw, double fileRateHz, boolean video, Optional<String> unitHint,
                        PoseReadOptions options) {
        List<Raw> raw = new ArrayList<>(rawIn);
        rawIn.clear(); // the tracks are released one by one as they become keypoints (long recordings)
        if (raw.isEmpty()) {
            throw GaitformException.badInput(source, "header", "keypoint or marker columns (<name>_x, <name>_y, …)",
                    "none");
        }
        int n = raw.get(0).x().length;
        if (n < 1) {
            throw GaitformException.notAnalysable(source, "no frames of data");
        }
        for (Raw r : raw) {
            checkCoordinates(r, r.x(), "x");
            checkCoordinates(r, r.y(), "y");
            if (r.z() != null) {
                checkCoordinates(r, r.z(), "z");
            }
        }
        boolean is3d = raw.get(0).z() != null;
        // missing and low-confidence points
        if (video) {
            boolean anyConf = false;
            boolean anyPositive = false;
            for (Raw r : raw) {
                if (r.c() != null) {
                    anyConf = true;
                    for (double v : r.c()) {
                        if (v > 0) {
                            anyPositive = true;
                            break;
                        }
                    }
                }
            }
            if (anyConf && !anyPositive) {
                throw GaitformException.badInput(source, "confidence columns", "keypoints detected with a confidence above 0",
                        "every confidence is 0 or empty: the pose estimator found no person in any frame");
            }
            int masked = 0;
            for (Raw r : raw) {
                for (int i = 0; i < n; i++) {
                    boolean zero = r.x()[i] == 0 && r.y()[i] == 0;
                    boolean low = r.c() != null && !(r.c()[i] >= MIN_CONFIDENCE);
                    if (zero || low) {
                        if (!Double.isNaN(r.x()[i]) && !zero) {
                            masked++;
                        }
                        r.x()[i] = Double.NaN;
                        r.y()[i] = Double.NaN;
                        if (r.z() != null) {
                            r.z()[i] = Double.NaN;
                        }
                    }
                }
            }
            if (anyConf) {
                decide("min_confidence", fmt(MIN_CONFIDENCE), "keypoints with a lower confidence (" + masked
                        + " in all) and keypoints at (0, 0) are treated as missing");
            }
        }
        int empty = 0;
        for (int i = 0; i < n; i++) {
            boolean any = false;
            for (Raw r : raw) {
                if (!Double.isNaN(r.x()[i]) && !Double.isNaN(r.y()[i])) {
                    any = true;
                    break;
                }
            }
            if (!any) {
                empty++;
            }
        }
        if (empty == n) {
            throw GaitformException.notAnalysable(source, "no frame has a detected person or a marker position");
        }
        if (empty > 0) {
            warn(empty + " of " + n + (othersOnly > 0 ? " frames do not show the runner (" + othersOnly + " of them show "
                    + "only other people)" : " frames have no person (no keypoint detected)") + "; they are skipped");
        }
        // time axis
        double[] t;
        double rate;
        if (n == 1) {
            rate = Double.isFinite(fileRateHz) && fileRateHz > 0 ? fileRateHz : options.fps().orElse(1.0);
            t = new double[] {timeRaw != null ? timeRaw[0] : 0};
            decide("frame_rate_hz", fmt(rate), "a single frame (a standing calibration trial)");
        } else if (options.fps().isPresent()) {
            rate = options.fps().get();
            double t0 = timeRaw != null ? timeRaw[0] : 0;
            t = grid(n, t0, rate);
            decide("frame_rate_hz", fmt(rate), "override (--fps)");
        } else if (timeRaw != null) {
            double[] tr = timeRaw;
            double mean = (tr[n - 1] - tr[0]) / (n - 1);
            if (!(mean > 0)) {
                throw GaitformException.badInput(source, "time column", "times that increase", "times that do not");
            }
            for (int i = 1; i < n; i++) {
                if (!(tr[i] > tr[i - 1])) {
                    throw GaitformException.badInput(source, "frame " + (i + 1) + ", time column",
                            "time that increases from frame to frame", fmt(tr[i - 1]) + " followed by " + fmt(tr[i]));
                }
            }
            double[] d = new double[n - 1];
            for (int i = 1; i < n; i++) {
                d[i - 1] = tr[i] - tr[i - 1];
            }
            double typical = Stats.median(d);
            int drops = 0;
            for (double di : d) {
                if (Math.abs(di - typical) > DROP_TOLERANCE * typical) {
                    drops++;
                }
            }
            if (drops == 0) {
                rate = niceRate(1 / mean, fileRateHz);
                t = grid(n, tr[0], rate);
                decide("frame_rate_hz", fmt(rate), "frames over the span of the time column (stamps rounded to "
                        + "their resolution are evened out)");
            } else {
                rate = 1 / typical;
                int m = (int) Math.floor((tr[n - 1] - tr[0]) * rate + 1e-6) + 1;
                double[] uniform = grid(m, tr[0], rate);
                raw.replaceAll(r -> resample(tr, r, uniform));
                t = uniform;
                n = m;
                decide("frame_rate_hz", fmt(rate), "1 / median frame interval");
                warn(drops + " irregular frame interval(s) (dropped or repeated frames): positions were interpolated "
                        + "onto a uniform " + fmt(rate) + " fps grid");
            }
        } else if (Double.isFinite(fileRateHz) && fileRateHz > 0) {
            rate = fileRateHz;
            t = grid(n, 0, rate);
            decide("frame_rate_hz", fmt(rate), "recorded in the file");
        } else if (video && videoBeside.isPresent() && videoBeside.get().fps() > 0) {
            rate = videoBeside.get().fps();
            t = grid(n, 0, rate);
            decide("frame_rate_hz", fmt(rate), "the video beside the keypoints (" + videoBeside.get().file() + "): "
                    + videoBeside.get().fpsReason());
        } else if (video) {
            rate = PoseReadOptions.DEFAULT_VIDEO_FPS;
            t = grid(n, 0, rate);
            decide("frame_rate_hz", fmt(rate), "the file records no frame rate; " + fmt(rate) + " fps assumed");
            warn("the frame rate is not recorded in the file: " + fmt(rate) + " fps was assumed; give --fps, "
                    + "since every time, cadence and contact time scales with it");
        } else {
            throw GaitformException.badInput(source, "header", "a time column or a recorded frame rate",
                    "neither; give the frame rate with --fps");
        }
        if (video) {
            legKeypointsMissing(raw, n, rate);
        }
        // unit (first, so that the left/right correction below compares distances in the picture's own proportions)
        String unit;
        boolean imageYDown = false;
        if (options.unit().isPresent()) {
            unit = options.unit().get();
            decide("coordinate_unit", unit, "override (--unit)");
        } else if (unitHint.isPresent()) {
            unit = unitHint.get();
            decide("coordinate_unit", unit, "named by the file");
        } else if (!is3d) {
            double maxAbs = 0;
            for (Raw r : raw) {
                for (int i = 0; i < n; i++) {
                    if (!Double.isNaN(r.x()[i])) {
                        maxAbs = Math.max(maxAbs, Math.max(Math.abs(r.x()[i]), Math.abs(r.y()[i])));
                    }
                }
            }
            unit = maxAbs <= 1.5 ? "normalised" : "px";
            decide("coordinate_unit", unit, unit.equals("px") ? "2D coordinates up to " + fmt(maxAbs)
                    + ": image pixels" : "2D coordinates within 0–1.5: normalised image coordinates");
        } else {
            double size = bodySize(raw, n);
            unit = size < 5 ? "m" : size < 400 ? "cm" : "mm";
            decide("coordinate_unit", unit, "the markers span " + fmt(size) + " units, a body size in " + unit);
        }
        if (!is3d) {
            imageYDown = true;
            decide("image_axes", "y down", "2D image coordinates: x to the right, y down");
        }
        if (unit.equals("normalised")) {
            if (options.imageWidth().isPresent()) {
                int w = options.imageWidth().get();
                int h = options.imageHeight().orElse(w);
                scale(raw, n, w, h);
                unit = "px";
                decide("image_size", w + "x" + h, "override (--image-size): normalised coordinates scaled to pixels");
            } else if (videoBeside.isPresent()) {
                int w = videoBeside.get().width();
                int h = videoBeside.get().height();
                scale(raw, n, w, h);
                unit = "px";
                decide("image_size", w + "x" + h, "the size of the video beside the keypoints ("
                        + videoBeside.get().file() + "): normalised coordinates scaled to pixels");
            } else {
                Optional<ImageAspect.Estimate> shape = is3d ? Optional.empty() : ImageAspect.of(legSegments(raw));
                if (shape.isPresent() && !shape.get().shape().isEmpty()) {
                    scale(raw, n, shape.get().ratio(), 1);
                    decide("image_aspect", shape.get().shape(), shape.get().describe() + "; coordinates in picture "
                            + "heights (give --image-size WxH to set it)");
                } else {
                    // a ratio far from every video shape is not the picture's: the view is likely oblique, whose
                    // foreshortening also changes the legs' lengths as they turn
                    warn("normalised image coordinates without --image-size WxH: horizontal and vertical distances "
                            + "are compared as if the image were square, which tilts angles in a non-square video"
                            + shape.map(e -> " (" + e.describe() + ", not taken)").orElse(""));
                }
            }
        }
        correctSwitches(raw, n, rate, video, options);
        List<Keypoint> kps = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            Raw r = raw.set(i, null);
            kps.add(new Keypoint(r.name(), r.x(), r.y(), r.z(), r.c()));
        }
        return new PoseRecording(source, format, t, rate, unit, imageYDown, kps, decisions, warnings, people);
    }

    /** Multiplies every point's x by {@code sx} and y by {@code sy} (the first {@code n} frames). */
    private static void scale(List<Raw> raw, int n, double sx, double sy) {
        for (Raw r : raw) {
            for (int i = 0; i < n; i++) {
                r.x()[i] *= sx;
                r.y()[i] *= sy;
            }
        }
    }

    /**
     * The thighs and shanks of both sides, {x1, y1, x2, y2} from the upper end to the lower, for the picture's shape
     * ({@link ImageAspect}); the first hip, knee and ankle point of each side by name.
     */
    private static List<double[][]> legSegments(List<Raw> raw) {
        Raw[][] ends = new Raw[2][3];
        for (Raw r : raw) {
            Object[] side = LeftRightSwitchCorrection.side(r.name());
            if (side == null) {
                continue;
            }
            LeftRightSwitchCorrection.Role role = LeftRightSwitchCorrection.role((String) side[1]);
            int k = role == LeftRightSwitchCorrection.Role.HIP ? 0 : role == LeftRightSwitchCorrection.Role.KNEE ? 1
                    : role == LeftRightSwitchCorrection.Role.ANKLE ? 2 : -1;
            int sd = (Integer) side[0];
            if (k >= 0 && ends[sd][k] == null) {
                ends[sd][k] = r;
            }
        }
        List<double[][]> out = new ArrayList<>();
        for (Raw[] e : ends) {
            for (int k = 0; k < 2; k++) {
                if (e[k] != null && e[k + 1] != null) {
                    out.add(new double[][] {e[k].x(), e[k].y(), e[k + 1].x(), e[k + 1].y()});
                }
            }
        }
        return out;
    }

    /**
     * Records in how many frames with a person a leg keypoint is missing (hip, knee, ankle, heel or toe of either side,
     * among those the file gives in at least a fifth of the frames): low confidence, the runner partly out of the
     * picture or hidden, or too small for the estimator; and in how many of them every missing leg keypoint lies in a
     * gap short enough to be interpolated ({@link #INTERPOLATED_GAP_S}, inside the recording). The others' gaps are
     * longer: their steps lose the values instead.
     */
    private void legKeypointsMissing(List<Raw> raw, int n, double rate) {
        List<Raw> leg = new ArrayList<>();
        for (Raw r : raw) {
            Object[] side = LeftRightSwitchCorrection.side(r.name());
            LeftRightSwitchCorrection.Role role = side == null ? null : LeftRightSwitchCorrection.role((String) side[1]);
            if (role == null || !LeftRightSwitchCorrection.isLeg(role)) {
                continue;
            }
            int present = 0;
            for (int i = 0; i < n; i++) {
                present += Double.isNaN(r.x()[i]) ? 0 : 1;
            }
            if (present >= 0.2 * n) {
                leg.add(r);
            }
        }
        if (leg.isEmpty()) {
            return;
        }
        int maxGap = Math.max(1, (int) Math.round(INTERPOLATED_GAP_S * rate));
        List<boolean[]> longGap = new ArrayList<>();
        for (Raw r : leg) {
            longGap.add(longGaps(r, n, maxGap));
        }
        int withPerson = 0;
        int missing = 0;
        int interpolated = 0;
        for (int i = 0; i < n; i++) {
            boolean any = false;
            for (Raw r : raw) {
                if (!Double.isNaN(r.x()[i])) {
                    any = true;
                    break;
                }
            }
            if (!any) {
                continue;
            }
            withPerson++;
            boolean miss = false;
            boolean inLong = false;
            for (int k = 0; k < leg.size(); k++) {
                Raw r = leg.get(k);
                if (Double.isNaN(r.x()[i]) || Double.isNaN(r.y()[i])) {
                    miss = true;
                    inLong |= longGap.get(k)[i];
                }
            }
            missing += miss ? 1 : 0;
            interpolated += miss && !inLong ? 1 : 0;
        }
        if (withPerson > 0) {
            decide("leg_keypoints_missing", missing + " of " + withPerson, String.format(Locale.ROOT, "%.1f %% of the "
                    + "frames with a person miss at least one of %d leg keypoints (missing or below the confidence "
                    + "threshold); short gaps are interpolated", 100.0 * missing / withPerson, leg.size()));
            decide("leg_keypoints_interpolated", interpolated + " of " + withPerson, String.format(Locale.ROOT,
                    "%.1f %% of the frames with a person miss leg keypoints only in gaps up to %.0f ms, which are "
                    + "interpolated; in the other %d frame(s) missing a leg keypoint the gap is longer (or reaches "
                    + "the recording's start or end), and the steps there lose the values instead",
                    100.0 * interpolated / withPerson, 1000 * INTERPOLATED_GAP_S, missing - interpolated));
        }
    }

    /** Frames in a gap of the keypoint that is not interpolated: longer than {@code maxGap}, or at an end. */
    private static boolean[] longGaps(Raw r, int n, int maxGap) {
        boolean[] out = new boolean[n];
        int i = 0;
        while (i < n) {
            if (!(Double.isNaN(r.x()[i]) || Double.isNaN(r.y()[i]))) {
                i++;
                continue;
            }
            int start = i;
            while (i < n && (Double.isNaN(r.x()[i]) || Double.isNaN(r.y()[i]))) {
                i++;
            }
            if (start == 0 || i == n || i - start > maxGap) {
                java.util.Arrays.fill(out, start, i, true);
            }
        }
        return out;
    }

    /**
     * Undoes the pose estimator's left–right switches ({@link LeftRightSwitchCorrection}) in video keypoints, or in
     * any input when asked ({@code --lr-switch-correction on}), and records what it did.
     */
    private void correctSwitches(List<Raw> raw, int n, double rate, boolean video, PoseReadOptions options) {
        boolean on = options.lrSwitchCorrection().orElse(video);
        String why = options.lrSwitchCorrection().isPresent() ? "override (--lr-switch-correction "
                + (on ? "on" : "off") + ")" : video ? "video keypoints: pose estimators exchange the left and right "
                + "legs in some frames" : "motion-capture markers are labelled by the capture software";
        if (!on || n < 4) {
            decide("lr_switch_correction", "off", why + (on ? "; too few frames" : ""));
            return;
        }
        List<String> names = new ArrayList<>();
        List<double[][]> tracks = new ArrayList<>();
        for (Raw r : raw) {
            names.add(r.name());
            tracks.add(new double[][] {r.x(), r.y(), r.z(), r.c()});
        }
        LeftRightSwitchCorrection.Result res = new LeftRightSwitchCorrection().correct(names, tracks, rate);
        if (res.pairs() == 0) {
            decide("lr_switch_correction", "off", why + "; but no left/right pairs of points were recognised by name");
            return;
        }
        int k = res.switchedFrames();
        decide("lr_switch_correction", "on", why + "; the labelling of each left/right group (leg, "
                + "lower leg, ankle and foot, foot, arm, single points) with the smoothest trajectories is taken, "
                + "after Stenum et al. 2021 (" + LeftRightSwitchCorrection.CITATION + ")");
        String share = String.format(Locale.ROOT, "%.1f %%", 100.0 * k / n);
        StringBuilder detail = new StringBuilder();
        detail.append(res.legFrames()).append(" frame(s) with leg keypoints exchanged (").append(res.wholeLegFrames())
                .append(" of them the whole leg), ").append(res.upperFrames()).append(" with arm or head keypoints");
        if (!res.perPairFrames().isEmpty()) {
            List<String> per = new ArrayList<>();
            res.perPairFrames().forEach((p, f) -> per.add(p + " " + f));
            detail.append("; per point pair: ").append(String.join(", ", per));
        }
        decide("lr_switched_frames", k + " of " + n, share + " of the frames: " + detail);
        if (k > 0) {
            warn("the pose estimator exchanged left and right keypoints in " + k + " of " + n + " frames (" + share
                    + "): " + detail + "; they were swapped back (--lr-switch-correction off keeps them as read)");
        }
    }

    private void checkCoordinates(Raw r, double[] v, String axis) {
        for (int i = 0; i < v.length; i++) {
            if (Math.abs(v[i]) > MAX_COORDINATE) {
                throw GaitformException.badInput(source, "keypoint '" + r.name() + "', " + axis + " of frame " + (i + 1),
                        "a coordinate within ±" + MAX_COORDINATE_TEXT, String.format(Locale.ROOT, "%.3g", v[i]));
            }
        }
    }

    /** The file's own rate when the stamps agree with it within 0.5 %, else the rate rounded when within 0.01 %. */
    private static double niceRate(double rate, double fileRateHz) {
        if (Double.isFinite(fileRateHz) && Math.abs(rate - fileRateHz) < 0.005 * fileRateHz) {
            return fileRateHz;
        }
        double r = Math.rint(rate);
        return Math.abs(rate - r) < 1e-4 * rate ? r : rate;
    }

    private static double[] grid(int n, double t0, double rate) {
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = t0 + i / rate;
        }
        return t;
    }

    private static Raw resample(double[] tr, Raw r, double[] t) {
        double[] x = interp(tr, r.x(), t);
        double[] y = interp(tr, r.y(), t);
        double[] z = r.z() == null ? null : interp(tr, r.z(), t);
        double[] c = r.c() == null ? null : interp(tr, r.c(), t);
        return new Raw(r.name(), x, y, z, c);
    }

    private static double[] interp(double[] tr, double[] v, double[] t) {
        double[] out = new double[t.length];
        int j = 0;
        for (int i = 0; i < t.length; i++) {
            while (j + 1 < tr.length - 1 && tr[j + 1] < t[i]) {
                j++;
            }
            double f = (t[i] - tr[j]) / (tr[j + 1] - tr[j]);
            f = Math.max(0, Math.min(1, f));
            out[i] = v[j] * (1 - f) + v[j + 1] * f;
        }
        return out;
    }

    /** Median over frames of the largest distance between two present points. */
    private static double bodySize(List<Raw> raw, int n) {
        List<Double> sizes = new ArrayList<>();
        for (int i = 0; i < n; i += Math.max(1, n / 200)) {
            double lo0 = Double.POSITIVE_INFINITY;
            double hi0 = Double.NEGATIVE_INFINITY;
            double lo1 = lo0;
            double hi1 = hi0;
            double lo2 = lo0;
            double hi2 = hi0;
            for (Raw r : raw) {
                double x = r.x()[i];
                double y = r.y()[i];
                double z = r.z()[i];
                if (Double.isNaN(x) || Double.isNaN(y) || Double.isNaN(z)) {
                    continue;
                }
                lo0 = Math.min(lo0, x);
                hi0 = Math.max(hi0, x);
                lo1 = Math.min(lo1, y);
                hi1 = Math.max(hi1, y);
                lo2 = Math.min(lo2, z);
                hi2 = Math.max(hi2, z);
            }
            if (hi0 > lo0) {
                sizes.add(Math.max(hi0 - lo0, Math.max(hi1 - lo1, hi2 - lo2)));
            }
        }
        return Stats.median(sizes.stream().mapToDouble(Double::doubleValue).toArray());
    }

    static String fmt(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e9) {
            return String.valueOf((long) v);
        }
        return String.format(Locale.ROOT, "%.3f", v).replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}
