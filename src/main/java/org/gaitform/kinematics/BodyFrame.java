package org.gaitform.kinematics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gaitform.model.Decision;
import org.gaitform.model.GaitformException;
import org.gaitform.model.PoseRecording;
import org.gaitform.model.Side;
import org.gaitform.signal.Stats;
import org.gaitform.signal.ZeroPhaseButterworth;

/**
 * Builds the {@link Body} of a recording: maps landmarks, fills short gaps, smooths, finds the vertical and
 * the direction of travel (or takes {@code --vertical}/{@code --forward}), tells the view (sagittal, frontal,
 * 3D; {@code --view}), calibrates ({@code --height-cm} for pixels) and tells treadmill from overground
 * ({@code --treadmill}/{@code --overground}).
 *
 * <p>Automatic choices (this project's, each recorded as a decision):
 * <ul>
 *   <li>vertical: the axis along which the head, shoulders or pelvis sit furthest above the feet; images have
 *       y down;</li>
 *   <li>direction of travel: the horizontal axis of the pelvis's net travel when it moves more than
 *       {@link #OVERGROUND_TRAVEL_LEGS} leg lengths (overground), else the axis and sign of the mean
 *       heel → toe vector (treadmill);</li>
 *   <li>2D view: frontal when the two hips (or shoulders) are apart by more than {@link #FRONTAL_WIDTH_RATIO}
 *       of the trunk length, else sagittal; in a frontal view the runner's right is the image side of the
 *       right hip;</li>
 *   <li>pixels to metres with {@code --height-cm}: hip–knee–ankle is 0.491 of body height (segment
 *       proportions of Drillis &amp; Contini in Winter, Biomechanics and Motor Control of Human Movement,
 *       2009);</li>
 *   <li>smoothing: 4th-order zero-phase Butterworth low-pass at {@link #CUTOFF_HZ} Hz, at most a quarter of
 *       the frame rate.</li>
 * </ul>
 */
public final class BodyFrame {
    /** Gaps up to this long are interpolated (s). */
    public static final double MAX_FILLED_GAP_S = 0.1;
    /** Smoothing cut-off (Hz). */
    public static final double CUTOFF_HZ = 15.0;
    /** Net pelvis travel above this many leg lengths means overground running. */
    public static final double OVERGROUND_TRAVEL_LEGS = 1.5;
    /** Hip (or shoulder) width over trunk length above which a 2D view is frontal. */
    public static final double FRONTAL_WIDTH_RATIO = 0.25;
    /** Decision key: whether a frontal view's left and right labels were kept or exchanged ({@link FrontalFacing}). */
    public static final String LR_LABELS = "lr_labels";
    /**
     * In a frontal view corrected for perspective, the pelvis height's slow drift (below 0.5 Hz) over the recording may
     * reach this fraction of leg length before heights (vertical oscillation) are no longer trusted: a runner at an
     * even pace keeps the pelvis at one mean height, and the floor line's model errors leave a few per cent; more
     * means a moving or tilting camera.
     */
    public static final double PELVIS_DRIFT_LEGS = 0.15;
    /** Hip–knee–ankle length as a fraction of body height (Drillis &amp; Contini). */
    public static final double LEG_FRACTION_OF_HEIGHT = 0.491;

    private BodyFrame() {
    }

    /** The smoothing cut-off used for a frame rate (Hz): {@link #CUTOFF_HZ}, at most a quarter of the rate. */
    public static double smoothingCutoffHz(double rateHz) {
        return Math.min(CUTOFF_HZ, rateHz / 4);
    }

    /**
     * Cut-off of the heel heights kept for timing a landing's impact (Hz): the heel's deceleration at touchdown
     * lasts 20–40 ms and its frequency content lies at 10–20 Hz (the impact range of Gruber et al. 2014, Impact
     * shock frequency components and attenuation in rearfoot and forefoot running, J Sport Health Sci 3:113–121;
     * Shorten &amp; Winslow 1992, J Appl Biomech 8:288–304), which the 15 Hz smoothing of the trajectories halves and
     * smears over about 38 ms; this band keeps it.
     */
    public static final double IMPACT_CUTOFF_HZ = 25.0;

    /** The impact band used for a frame rate (Hz): {@link #IMPACT_CUTOFF_HZ}, at most a quarter of the rate. */
    public static double impactCutoffHz(double rateHz) {
        return Math.min(IMPACT_CUTOFF_HZ, rateHz / 4);
    }

    /** Builds the body. */
    public static Body build(PoseRecording rec, BodyFrameSettings o) {
        List<Decision> decisions = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        String source = rec.source();
        int dims = rec.dimensions();
        double mmPerUnit = switch (rec.unit()) {
            case "mm" -> 1;
            case "cm" -> 10;
            case "m" -> 1000;
            default -> Double.NaN;
        };
        LandmarkMapping.Mapped mapped = LandmarkMapping.map(rec, o.landmarks(), mmPerUnit);
        // the mapped tracks (in landmark order) are projected and released one by one below
        Map<Landmark, double[][]> raw = mapped.tracks();
        if (raw.isEmpty()) {
            throw GaitformException.badInput(source, "keypoint names", "body landmarks (heels, toes, ankles, knees, hips, "
                    + "shoulders; see docs/pose-input.md) or --landmark NAME=POINT", "none recognised");
        }
        boolean feet = false;
        for (Side s : new Side[] {Side.LEFT, Side.RIGHT}) {
            feet |= raw.containsKey(Landmark.of("HEEL", s)) || raw.containsKey(Landmark.of("TOE", s))
                    || raw.containsKey(Landmark.of("ANKLE", s)) || raw.containsKey(Landmark.of("FOOT_CLUSTER", s));
        }
        if (!feet) {
            throw GaitformException.badInput(source, "keypoint names", "foot points (heel, toe, ankle or a foot marker "
                    + "cluster) for both feet, or --landmark heel_left=POINT …", "none among "
                    + rec.keypoints().size() + " points");
        }
        Decision landmarksDecision = landmarksDecision(mapped.sources());
        decisions.add(landmarksDecision);
        boolean labelsExchanged = false;
        // gaps, then smoothing
        int maxGap = Math.max(1, (int) Math.round(MAX_FILLED_GAP_S * rec.frameRateHz()));
        int filled = 0;
        int longGaps = 0;
        List<String> longGapNames = new ArrayList<>();
        double cutoff = smoothingCutoffHz(rec.frameRateHz());
        // the heels also in the wider impact band, for timing a landing (FootClearanceEvents, LandingImpact)
        double impactCutoff = impactCutoffHz(rec.frameRateHz());
        Map<Landmark, double[][]> wide = new EnumMap<>(Landmark.class);
        if (impactCutoff > cutoff) {
            for (Landmark l : new Landmark[] {Landmark.HEEL_LEFT, Landmark.HEEL_RIGHT}) {
                double[][] t = raw.get(l);
                if (t == null) {
                    continue;
                }
                double[][] w = new double[t.length][];
                for (int d = 0; d < t.length; d++) {
                    w[d] = t[d].clone();
                    fillGaps(w[d], maxGap);
                    w[d] = smooth(w[d], rec.frameRateHz(), impactCutoff);
                }
                wide.put(l, w);
            }
        }
        // the keypoints' own jitter, measured before the smoothing hides it (video keypoints only)
        KeypointNoise.Estimate noise = dims == 2 ? KeypointNoise.measure(raw, rec.frameRateHz(), cutoff) : null;
        if (dims == 2) {
            // frames lost without a trace shorten the time axis: every moving point then steps twice as far
            FrameTiming.Result timing = FrameTiming.measure(raw, noise == null ? 0 : noise.pointPx());
            if (timing.judged() > 0) {
                decisions.add(new Decision(FrameTiming.KEY, timing.skipped() + " of " + timing.judged(), String.format(
                        Locale.ROOT, "video keypoints: across %d of %d frame intervals (%.1f %%) every moving point "
                        + "travels about twice as far as the frames around predict, as across a frame lost without a "
                        + "trace (the frames are taken as one period apart)", timing.skipped(), timing.judged(),
                        100 * timing.skippedShare())));
            }
        }
        for (Map.Entry<Landmark, double[][]> e : raw.entrySet()) {
            int[] counts = new int[2];
            double[][] t = e.getValue();
            for (int d = 0; d < t.length; d++) {
                int[] c = fillGaps(t[d], maxGap);
                if (d == 0) {
                    counts = c;
                }
                t[d] = smooth(t[d], rec.frameRateHz(), cutoff);
            }
            filled += counts[0];
            if (counts[1] > 0 && !isMinor(e.getKey())) {
                longGaps += counts[1];
                longGapNames.add(e.getKey().label());
            }
        }
        decisions.add(new Decision("gap_fill", filled + " frame(s)", "gaps up to " + maxGap + " frame(s) ("
                + fmt(MAX_FILLED_GAP_S * 1000) + " ms) interpolated linearly, summed over landmarks"));
        if (longGaps > 0) {
            warnings.add(longGaps + " longer gap(s) in " + String.join(", ", longGapNames) + " were not filled: steps "
                    + "touching them are left out");
        }
        decisions.add(new Decision("smoothing", fmt(cutoff) + " Hz", "4th-order zero-phase Butterworth low-pass"));
        // vertical
        int upAxis;
        int upSign;
        if (o.vertical().isPresent()) {
            int[] a = BodyFrameSettings.axis(o.vertical().get());
            upAxis = a[0];
            upSign = a[1];
            decisions.add(new Decision("vertical_axis", o.vertical().get(), "override (--vertical)"));
        } else if (dims == 2) {
            upAxis = 1;
            upSign = -1;
            decisions.add(new Decision("vertical_axis", "-y", "image coordinates: y points down"));
        } else {
            int[] a = detectUp(raw);
            upAxis = a[0];
            upSign = a[1];
            decisions.add(new Decision("vertical_axis", (upSign > 0 ? "+" : "-") + (char) ('x' + upAxis),
                    "the trunk sits furthest above the feet along this axis"));
        }
        if (upAxis >= dims) {
            throw GaitformException.badInput(source, "--vertical", "an axis of the " + dims + "D data", "axis "
                    + (char) ('x' + upAxis));
        }
        double[] up = new double[dims];
        up[upAxis] = upSign;
        // leg length in input units (needed for travel thresholds)
        double legRaw = legLength(raw, up);
        // view
        View view;
        if (o.view().isPresent()) {
            view = View.parse(o.view().get());
            decisions.add(new Decision("view", view.label(), "override (--view)"));
        } else if (dims == 3) {
            view = View.THREE_D;
            decisions.add(new Decision("view", "3d", "three coordinates per point"));
        } else {
            double ratio = widthRatio(raw);
            view = ratio > FRONTAL_WIDTH_RATIO ? View.FRONTAL : View.SAGITTAL;
            decisions.add(new Decision("view", view.label(), Double.isNaN(ratio) ? "hips and shoulders not both seen: "
                    + "a side view is assumed" : "left–right hip (or shoulder) spread is " + fmt(ratio * 100)
                    + " % of the trunk length (frontal above " + fmt(FRONTAL_WIDTH_RATIO * 100) + " %)"));
        }
        if (view == View.THREE_D && dims == 2) {
            throw GaitformException.badInput(source, "--view 3d", "3D coordinates", "2D image keypoints");
        }
        // forward / lateral axes and treadmill
        double[] pelvisTravel = pelvisTravel(raw, dims);
        double[] fwd = new double[dims];
        double[] right = new double[dims];
        boolean travelling = false;
        if (view != View.FRONTAL) {
            if (o.forward().isPresent()) {
                int[] a = BodyFrameSettings.axis(o.forward().get());
                fwd[a[0]] = a[1];
                decisions.add(new Decision("forward_axis", o.forward().get(), "override (--forward)"));
                int k = a[0];
                travelling = Math.abs(pelvisTravel[k]) > OVERGROUND_TRAVEL_LEGS * legRaw;
            } else {
                int best = -1;
                for (int k = 0; k < dims; k++) {
                    if (k != upAxis && (best < 0 || Math.abs(pelvisTravel[k]) > Math.abs(pelvisTravel[best]))) {
                        best = k;
                    }
                }
                if (Math.abs(pelvisTravel[best]) > OVERGROUND_TRAVEL_LEGS * legRaw) {
                    travelling = true;
                    fwd[best] = Math.signum(pelvisTravel[best]);
                    decisions.add(new Decision("forward_axis", sign(fwd[best]) + (char) ('x' + best), "the pelvis travels "
                            + fmt(Math.abs(pelvisTravel[best]) / legRaw) + " leg lengths along it"));
                } else {
                    double[] drift = stanceDrift(raw, up, dims);
                    double[] ht = heelToToe(raw, dims);
                    int k2 = -1;
                    for (int k = 0; k < dims; k++) {
                        if (k != upAxis && !Double.isNaN(drift[k]) && (k2 < 0 || Math.abs(drift[k]) > Math.abs(drift[k2]))) {
                            k2 = k;
                        }
                    }
                    if (k2 >= 0 && Math.abs(drift[k2]) > 0.1 * legRaw) {
                        fwd[k2] = -Math.signum(drift[k2]);
                        decisions.add(new Decision("forward_axis", sign(fwd[k2]) + (char) ('x' + k2), "the feet move "
                                + "backward along it while on the ground (treadmill belt)"));
                    } else {
                        k2 = -1;
                        for (int k = 0; k < dims; k++) {
                            if (k != upAxis && !Double.isNaN(ht[k]) && (k2 < 0 || Math.abs(ht[k]) > Math.abs(ht[k2]))) {
                                k2 = k;
                            }
                        }
                        if (k2 < 0) {
                            throw GaitformException.notAnalysable(source, "the direction of travel cannot be told: the "
                                    + "pelvis stays in place, the feet do not slide back on the ground and there are no "
                                    + "heel and toe points; give --forward");
                        }
                        fwd[k2] = Math.signum(ht[k2]);
                        decisions.add(new Decision("forward_axis", sign(fwd[k2]) + (char) ('x' + k2), "the toes point "
                                + "along it (mean heel → toe vector)"));
                    }
                }
            }
        }
        if (dims == 3) {
            // right = forward × up
            right = cross(fwd, up);
        } else if (view == View.FRONTAL) {
            double s = rightSign(raw);
            // a back view labelled as a front one (or the other way round) for the whole recording
            FrontalFacing.Result facing = FrontalFacing.check(raw, o.view(), s);
            if (facing.exchange()) {
                Map<Landmark, double[][]> mirrored = FrontalFacing.exchanged(raw);
                raw.clear();
                raw.putAll(mirrored);
                Map<Landmark, double[][]> wideMirrored = FrontalFacing.exchanged(wide);
                wide.clear();
                wide.putAll(wideMirrored);
                labelsExchanged = true;
                String labelledHip = s > 0 ? "right" : "left";
                s = -s;
                String shown = facing.facing().get() == FrontalFacing.Facing.REAR ? "back" : "front";
                String labelledAs = shown.equals("back") ? "front" : "back";
                decisions.add(new Decision(LR_LABELS, "exchanged", String.format(Locale.ROOT, "%s; but the pose "
                        + "estimator's labels put the right hip on the image's %s, as if the %s faced the camera "
                        + "(estimators learn mostly from people facing the camera and often label a back view as a "
                        + "front one): left and right are exchanged for the whole recording", facing.why(),
                        labelledHip, labelledAs)));
                warnings.add(String.format(Locale.ROOT, "left and right were exchanged for the whole recording: the "
                        + "runner's %s faces the camera, the keypoints were labelled as if the %s did; every value per "
                        + "side follows the runner's own left and right (check one step against the video)", shown,
                        labelledAs));
            } else if (facing.facing().isPresent() && !Double.isNaN(s)) {
                decisions.add(new Decision(LR_LABELS, "as labelled", facing.why() + "; the labels agree"));
            }
            right[0] = Double.isNaN(s) ? 1 : s;
            decisions.add(new Decision("lateral_axis", (right[0] > 0 ? "+x" : "-x"), Double.isNaN(s)
                    ? "the sides cannot be told apart: the runner's right is taken as image right (rear view)"
                    : right[0] > 0 ? "the right hip is on the image's right: a rear view"
                    : "the right hip is on the image's left: a front view"));
            travelling = false;
        }
        boolean treadmill;
        if (o.treadmill().isPresent()) {
            treadmill = o.treadmill().get();
            decisions.add(new Decision("treadmill", treadmill ? "yes" : "no", "override ("
                    + (treadmill ? "--treadmill" : "--overground") + ")"));
        } else {
            treadmill = !travelling && view != View.FRONTAL;
            if (view == View.FRONTAL) {
                decisions.add(new Decision("treadmill", "unknown", "a frontal view cannot show travel; foot speeds are "
                        + "not used"));
            } else {
                decisions.add(new Decision("treadmill", treadmill ? "yes" : "no", treadmill
                        ? "the pelvis stays within " + fmt(OVERGROUND_TRAVEL_LEGS) + " leg lengths of its start"
                        : "the pelvis travels over the ground"));
            }
        }
        // project into the body frame
        Map<Landmark, double[][]> tracks = new EnumMap<>(Landmark.class);
        Map<Landmark, double[]> impactUp = new EnumMap<>(Landmark.class);
        int n = rec.size();
        // the axis a 2D view cannot see is one shared all-NaN array (the body's arrays are read-only)
        double[] unseen = new double[view == View.THREE_D ? 0 : n];
        Arrays.fill(unseen, Double.NaN);
        for (Iterator<Map.Entry<Landmark, double[][]>> it = raw.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Landmark, double[][]> e = it.next();
            tracks.put(e.getKey(), project(e.getValue(), n, view, fwd, up, right, unseen));
            if (wide.containsKey(e.getKey())) {
                impactUp.put(e.getKey(), project(wide.remove(e.getKey()), n, view, fwd, up, right, unseen)[1]);
            }
            it.remove(); // long recordings: hold the input and the projected track of one landmark at a time
        }
        Map<Landmark, String> sources = new EnumMap<>(labelsExchanged ? FrontalFacing.exchanged(mapped.sources())
                : mapped.sources());
        if (labelsExchanged) {
            decisions.set(decisions.indexOf(landmarksDecision), landmarksDecision(sources));
        }
        if (view != View.FRONTAL) {
            for (Map.Entry<Side, Map<String, double[][]>> e : mapped.footMarkers().entrySet()) {
                Side s = e.getKey();
                if (tracks.containsKey(Landmark.of("HEEL", s)) || tracks.containsKey(Landmark.of("TOE", s))
                        || e.getValue().size() < 2) {
                    continue;
                }
                String back = null;
                String front = null;
                double lo = Double.POSITIVE_INFINITY;
                double hi = Double.NEGATIVE_INFINITY;
                Map<String, double[][]> projected = new LinkedHashMap<>();
                for (Map.Entry<String, double[][]> m : e.getValue().entrySet()) {
                    double[][] t = m.getValue();
                    for (int d = 0; d < t.length; d++) {
                        fillGaps(t[d], maxGap);
                        t[d] = smooth(t[d], rec.frameRateHz(), cutoff);
                    }
                    double[][] b = project(t, n, view, fwd, up, right, unseen);
                    projected.put(m.getKey(), b);
                    double f = Stats.median(finite(b[0]));
                    if (f < lo) {
                        lo = f;
                        back = m.getKey();
                    }
                    if (f > hi) {
                        hi = f;
                        front = m.getKey();
                    }
                }
                if (back != null && front != null && !back.equals(front)) {
                    tracks.put(Landmark.of("HEEL", s), projected.get(back));
                    tracks.put(Landmark.of("TOE", s), projected.get(front));
                    sources.put(Landmark.of("HEEL", s), back + " (rearmost foot cluster marker, a heel stand-in)");
                    sources.put(Landmark.of("TOE", s), front + " (foremost foot cluster marker, a toe stand-in)");
                }
            }
        }
        if (tracks.containsKey(Landmark.HIP_LEFT) && tracks.containsKey(Landmark.HIP_RIGHT)) {
            double[][] l = tracks.get(Landmark.HIP_LEFT);
            double[][] r = tracks.get(Landmark.HIP_RIGHT);
            double[][] m = new double[3][n];
            for (int d = 0; d < 3; d++) {
                for (int i = 0; i < n; i++) {
                    m[d][i] = (l[d][i] + r[d][i]) / 2;
                }
            }
            tracks.put(Landmark.MID_HIP, m);
            sources.put(Landmark.MID_HIP, "midpoint of the hip joint centres");
        }
        String verticalCaveat = null;
        Map<Landmark, double[]> groundHeights = Map.of();
        Map<Landmark, double[]> imageSpeed = Map.of();
        Map<String, double[]> angleNoise = Map.of();
        double scaleChange = Double.NaN;
        double jitterPctLeg = noise == null ? Double.NaN : 100 * noise.pointPx() / legRaw;
        if (noise != null && view != View.FRONTAL) {
            decisions.add(noiseDecision(noise, angleNoise, rec.unit(), jitterPctLeg));
        }
        if (view == View.SAGITTAL) {
            java.util.OptionalDouble size = SideViewScale.measure(tracks, rec.frameRateHz());
            if (size.isPresent()) {
                scaleChange = size.getAsDouble();
                boolean changes = scaleChange >= SideViewScale.TURNING_FROM;
                boolean turning = treadmill && changes;
                String value = String.format(Locale.ROOT, "×%.2f", scaleChange)
                        + (turning ? ", camera turns" : changes ? ", oblique pass" : "");
                String why = String.format(Locale.ROOT, "side view: the runner's image size (trunk length, smoothed) "
                        + "changes by a factor %.2f over the recording (a camera that stands still keeps a runner on a "
                        + "treadmill, or passing square to it, at one size)", scaleChange);
                if (turning) {
                    why += "; the runner stays in place in the picture while changing size: the camera turns to follow "
                            + "the runner, which also tilts the floor in the picture";
                } else if (changes) {
                    why += "; the runner passes the camera obliquely, coming closer or moving away: the feet's floor is "
                            + "the line through their contacts";
                }
                decisions.add(new Decision(SideViewScale.KEY, value, why));
            }
        }
        if (view == View.FRONTAL && dims == 2) {
            if (noise != null) {
                angleNoise = frontalAngleNoise(tracks, noise);
                decisions.add(noiseDecision(noise, angleNoise, rec.unit(), jitterPctLeg));
            }
            FrontalPerspective.Result fp = FrontalPerspective.apply(tracks, rec.frameRateHz(), rec.unit(), legRaw);
            tracks = new EnumMap<>(fp.tracks());
            groundHeights = fp.groundHeights();
            imageSpeed = fp.imageSpeed();
            scaleChange = fp.scaleChange();
            decisions.addAll(fp.decisions());
            warnings.addAll(fp.warnings());
            double legFrontal = frontalLegLength(tracks);
            if (legFrontal > 0) {
                decisions.add(new Decision("leg_length_frontal", fmt(legFrontal) + " " + rec.unit(), "frontal view: the "
                        + "thigh and shank are foreshortened whenever they lean towards or away from the camera, so the "
                        + "leg length is their longest image lengths (90th percentiles, at the median scale) instead of "
                        + "the medians (" + fmt(legRaw) + " " + rec.unit() + ")"));
                legRaw = legFrontal;
            }
            if (Double.isNaN(fp.scaleChange())) {
                verticalCaveat = "the perspective of this frontal view could not be removed (the trunk is not seen)";
            } else if (fp.pelvisDrift() > PELVIS_DRIFT_LEGS * legRaw) {
                verticalCaveat = String.format(Locale.ROOT, "after the perspective correction the pelvis height still "
                        + "drifts by %.1f %% of leg length over the recording (a moving or tilting camera?): its "
                        + "oscillation cannot be told from the drift", 100 * fp.pelvisDrift() / legRaw);
            }
        }
        // unit and calibration
        String unit;
        boolean calibrated;
        double scale;
        if (Double.isFinite(mmPerUnit)) {
            scale = mmPerUnit / 1000;
            unit = "m";
            calibrated = true;
        } else if (o.heightCm().isPresent() && Double.isFinite(legRaw)) {
            double heightPx = legRaw / LEG_FRACTION_OF_HEIGHT;
            scale = o.heightCm().get() / 100 / heightPx;
            unit = "m";
            calibrated = true;
            decisions.add(new Decision("calibration", fmt(scale * 1000) + " mm/" + rec.unit(), "runner's height "
                    + fmt(o.heightCm().get()) + " cm (--height-cm) over an estimated height of " + fmt(heightPx) + " "
                    + rec.unit() + " (hip–knee–ankle = " + LEG_FRACTION_OF_HEIGHT + " × height)"));
        } else {
            scale = 1;
            unit = rec.unit();
            calibrated = false;
            decisions.add(new Decision("calibration", "none", "image coordinates without --height-cm: distances are "
                    + "given as % of leg length, never in cm"));
        }
        if (view == View.FRONTAL) {
            impactUp.clear(); // a frontal view sees a foot's height only through the perspective
        }
        if (scale != 1) {
            for (Map<Landmark, double[]> m : List.of(impactUp, groundHeights, imageSpeed)) {
                for (double[] a : m.values()) {
                    for (int i = 0; i < n; i++) {
                        a[i] *= scale;
                    }
                }
            }
            for (double[][] t : tracks.values()) {
                for (double[] a : t) {
                    if (a == unseen) {
                        continue;
                    }
                    for (int i = 0; i < n; i++) {
                        a[i] *= scale;
                    }
                }
            }
        }
        double leg = legRaw * scale;
        if (!(leg > 0)) {
            throw GaitformException.notAnalysable(source, "the leg length cannot be measured: hips and feet (or knees "
                    + "and ankles) are needed");
        }
        decisions.add(new Decision("leg_length", fmt(leg * (calibrated ? 100 : 1)) + (calibrated ? " cm" : " " + unit),
                "hip–knee + knee–ankle (medians over frames), or the 95th percentile of hip–heel"));
        Body body = new Body(rec.timeS(), rec.frameRateHz(), view, unit, calibrated, leg, treadmill, Double.NaN, tracks,
                sources, decisions, warnings, verticalCaveat, groundHeights, impactUp, imageSpeed, angleNoise,
                jitterPctLeg, scaleChange);
        return body;
    }

    /**
     * Per frame, the noise (deg) the keypoints' jitter leaves in a frontal view's hip line and knee angles, from the
     * smoothed image tracks ({fwd, up, lat} in image units, before the perspective is removed).
     */
    private static Map<String, double[]> frontalAngleNoise(Map<Landmark, double[][]> image, KeypointNoise.Estimate noise) {
        Map<String, double[]> out = new java.util.LinkedHashMap<>();
        double[][] hl = image.get(Landmark.HIP_LEFT);
        double[][] hr = image.get(Landmark.HIP_RIGHT);
        if (hl != null && hr != null && Double.isFinite(noise.hipDifferencePx())) {
            out.put(Body.PELVIC_OBLIQUITY, KeypointNoise.lineAngleNoiseDeg(new double[][] {hl[2], hl[1]},
                    new double[][] {hr[2], hr[1]}, noise.smoothedHipDifferencePx()));
        }
        for (Side s : new Side[] {Side.LEFT, Side.RIGHT}) {
            double[][] hip = image.get(Landmark.of("HIP", s));
            double[][] knee = image.get(Landmark.of("KNEE", s));
            double[][] ankle = image.containsKey(Landmark.of("ANKLE", s)) ? image.get(Landmark.of("ANKLE", s))
                    : image.get(Landmark.of("HEEL", s));
            if (hip != null && knee != null && ankle != null) {
                out.put(Body.kneeFppa(s), KeypointNoise.kneeAngleNoiseDeg(new double[][] {hip[2], hip[1]},
                        new double[][] {knee[2], knee[1]}, new double[][] {ankle[2], ankle[1]},
                        noise.smoothedPointPx()));
            }
        }
        return out;
    }

    private static Decision noiseDecision(KeypointNoise.Estimate noise, Map<String, double[]> angles, String unit,
                                          double pctLeg) {
        StringBuilder reason = new StringBuilder(String.format(Locale.ROOT, "video keypoints' jitter, measured on the "
                + "trunk's points against a 5-frame cubic fit: %.2f %s per coordinate, %.1f %% of the leg's length in "
                + "the picture (%.2f %s after the smoothing)", noise.pointPx(), unit, pctLeg, noise.smoothedPointPx(),
                unit));
        if (Double.isFinite(noise.hipDifferencePx())) {
            reason.append(String.format(Locale.ROOT, ", %.2f %s in the right-minus-left hip vector", noise
                    .hipDifferencePx(), unit));
        }
        for (Map.Entry<String, double[]> e : angles.entrySet()) {
            double[] f = finite(e.getValue());
            if (f.length > 0) {
                reason.append(String.format(Locale.ROOT, "; it leaves %.1f–%.1f° in the %s (10th–90th percentile over "
                        + "frames)", Stats.percentile(f, 10), Stats.percentile(f, 90),
                        e.getKey().equals(Body.PELVIC_OBLIQUITY) ? "hip line's angle"
                                : e.getKey().replace("knee_fppa_", "") + " knee's frontal-plane angle"));
            }
        }
        return new Decision("keypoint_noise", String.format(Locale.ROOT, "%.2f %s", noise.pointPx(), unit),
                reason.toString());
    }

    /** A track in the body frame: forward, up and right; {@code unseen} for the axis the view cannot see. */
    private static double[][] project(double[][] t, int n, View view, double[] fwd, double[] up, double[] right,
                                      double[] unseen) {
        double[][] b = new double[3][];
        b[0] = view == View.FRONTAL ? unseen : new double[n];
        b[1] = new double[n];
        b[2] = view == View.SAGITTAL ? unseen : new double[n];
        for (int i = 0; i < n; i++) {
            if (b[0] != unseen) {
                b[0][i] = dot(t, i, fwd);
            }
            b[1][i] = dot(t, i, up);
            if (b[2] != unseen) {
                b[2][i] = dot(t, i, right);
            }
        }
        return b;
    }

    private static boolean isMinor(Landmark l) {
        return l == Landmark.HEAD || l == Landmark.NECK || l.name().startsWith("ELBOW") || l.name().startsWith("PSIS")
                || l.name().startsWith("ASIS");
    }

    /** Fills gaps of at most {@code maxGap} frames; returns {filled frames, long gaps left}. */
    static int[] fillGaps(double[] x, int maxGap) {
        int n = x.length;
        int filled = 0;
        int longGaps = 0;
        int i = 0;
        while (i < n) {
            if (!Double.isNaN(x[i])) {
                i++;
                continue;
            }
            int s = i;
            while (i < n && Double.isNaN(x[i])) {
                i++;
            }
            int len = i - s;
            if (s > 0 && i < n && len <= maxGap) {
                double a = x[s - 1];
                double b = x[i];
                for (int k = 0; k < len; k++) {
                    x[s + k] = a + (b - a) * (k + 1) / (len + 1);
                }
                filled += len;
            } else if (s > 0 && i < n) {
                longGaps++;
            }
        }
        return new int[] {filled, longGaps};
    }

    /**
     * Zero-phase 4th-order Butterworth low-pass of each stretch of 15 or more finite samples (shorter stretches and
     * NaNs are kept as they are); a copy when the cut-off is at or above 99 % of the Nyquist frequency.
     */
    public static double[] smooth(double[] x, double rateHz, double cutoffHz) {
        double[] y = x.clone();
        if (cutoffHz >= rateHz / 2 * 0.99) {
            return y;
        }
        ZeroPhaseButterworth f = ZeroPhaseButterworth.lowPass(4, cutoffHz);
        int n = x.length;
        int i = 0;
        while (i < n) {
            if (Double.isNaN(x[i])) {
                i++;
                continue;
            }
            int s = i;
            while (i < n && !Double.isNaN(x[i])) {
                i++;
            }
            if (i - s >= 15) {
                double[] seg = f.apply(Arrays.copyOfRange(x, s, i), rateHz);
                System.arraycopy(seg, 0, y, s, seg.length);
            }
        }
        return y;
    }

    private static int[] detectUp(Map<Landmark, double[][]> raw) {
        double[][] top = first(raw, Landmark.HEAD, Landmark.NECK, Landmark.SHOULDER_LEFT, Landmark.SHOULDER_RIGHT,
                Landmark.MID_HIP, Landmark.PELVIS_CLUSTER, Landmark.HIP_LEFT, Landmark.ASIS_LEFT, Landmark.HIP_RIGHT);
        double[][] bottom = first(raw, Landmark.HEEL_LEFT, Landmark.HEEL_RIGHT, Landmark.ANKLE_LEFT, Landmark.ANKLE_RIGHT,
                Landmark.TOE_LEFT, Landmark.TOE_RIGHT, Landmark.FOOT_CLUSTER_LEFT, Landmark.FOOT_CLUSTER_RIGHT);
        if (top == null || bottom == null) {
            return new int[] {1, 1};
        }
        int best = 0;
        double bestV = 0;
        for (int d = 0; d < 3; d++) {
            double[] diff = new double[top[d].length];
            for (int i = 0; i < diff.length; i++) {
                diff[i] = top[d][i] - bottom[d][i];
            }
            double m = Stats.median(finite(diff));
            if (Math.abs(m) > Math.abs(bestV)) {
                best = d;
                bestV = m;
            }
        }
        return new int[] {best, bestV >= 0 ? 1 : -1};
    }

    private static double[][] first(Map<Landmark, double[][]> raw, Landmark... ls) {
        for (Landmark l : ls) {
            if (raw.containsKey(l)) {
                return raw.get(l);
            }
        }
        return null;
    }

    /** Leg length in a frontal view: 90th percentiles of the hip–knee and knee–ankle image lengths; NaN without them. */
    static double frontalLegLength(Map<Landmark, double[][]> tracks) {
        List<Double> legs = new ArrayList<>();
        for (Side s : new Side[] {Side.LEFT, Side.RIGHT}) {
            double[][] hip = tracks.get(Landmark.of("HIP", s));
            double[][] knee = tracks.get(Landmark.of("KNEE", s));
            double[][] ankle = tracks.get(Landmark.of("ANKLE", s));
            if (hip == null || knee == null || ankle == null) {
                continue;
            }
            int n = hip[1].length;
            double[] a = new double[n];
            double[] b = new double[n];
            for (int i = 0; i < n; i++) {
                a[i] = Math.hypot(hip[1][i] - knee[1][i], hip[2][i] - knee[2][i]);
                b[i] = Math.hypot(knee[1][i] - ankle[1][i], knee[2][i] - ankle[2][i]);
            }
            double l = Stats.percentile(finite(a), 90) + Stats.percentile(finite(b), 90);
            if (l > 0) {
                legs.add(l);
            }
        }
        return legs.isEmpty() ? Double.NaN : legs.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    /** Leg length in input units. */
    static double legLength(Map<Landmark, double[][]> raw, double[] up) {
        List<Double> legs = new ArrayList<>();
        for (Side s : new Side[] {Side.LEFT, Side.RIGHT}) {
            double[][] hip = raw.get(Landmark.of("HIP", s));
            double[][] knee = raw.get(Landmark.of("KNEE", s));
            double[][] ankle = raw.get(Landmark.of("ANKLE", s));
            double[][] heel = raw.get(Landmark.of("HEEL", s));
            if (hip == null) {
                hip = first(raw, Landmark.MID_HIP, Landmark.PELVIS_CLUSTER);
            }
            if (hip != null && knee != null && ankle != null) {
                legs.add(Stats.median(finite(dist(hip, knee))) + Stats.median(finite(dist(knee, ankle))));
            } else if (hip != null && heel != null) {
                legs.add(Stats.percentile(finite(dist(hip, heel)), 95));
            } else if (hip != null && ankle != null) {
                legs.add(Stats.percentile(finite(dist(hip, ankle)), 95));
            } else if (hip != null && raw.containsKey(Landmark.of("FOOT_CLUSTER", s))) {
                legs.add(Stats.percentile(finite(dist(hip, raw.get(Landmark.of("FOOT_CLUSTER", s)))), 95));
            }
        }
        legs.removeIf(v -> !(v > 0));
        return legs.isEmpty() ? Double.NaN : legs.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    private static double[] dist(double[][] a, double[][] b) {
        int n = a[0].length;
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int k = 0; k < a.length; k++) {
                double v = a[k][i] - b[k][i];
                s += v * v;
            }
            d[i] = Math.sqrt(s);
        }
        return d;
    }

    static double[] finite(double[] x) {
        return Arrays.stream(x).filter(Double::isFinite).toArray();
    }

    private static double widthRatio(Map<Landmark, double[][]> raw) {
        double[][] l = raw.containsKey(Landmark.HIP_LEFT) ? raw.get(Landmark.HIP_LEFT) : raw.get(Landmark.SHOULDER_LEFT);
        double[][] r = raw.containsKey(Landmark.HIP_RIGHT) ? raw.get(Landmark.HIP_RIGHT) : raw.get(Landmark.SHOULDER_RIGHT);
        double[][] sh = first(raw, Landmark.NECK, Landmark.SHOULDER_LEFT, Landmark.SHOULDER_RIGHT);
        double[][] hip = first(raw, Landmark.MID_HIP, Landmark.HIP_LEFT, Landmark.HIP_RIGHT);
        if (l == null || r == null || sh == null || hip == null) {
            return Double.NaN;
        }
        int n = l[0].length;
        double[] w = new double[n];
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = Math.abs(l[0][i] - r[0][i]);
            t[i] = Math.hypot(sh[0][i] - hip[0][i], sh[1][i] - hip[1][i]);
        }
        return Stats.median(finite(w)) / Stats.median(finite(t));
    }

    /** The decision naming the input point behind each landmark. */
    private static Decision landmarksDecision(Map<Landmark, String> sources) {
        StringBuilder map = new StringBuilder();
        sources.forEach((l, s) -> map.append(map.length() == 0 ? "" : "; ").append(l.label()).append(" ← ").append(s));
        return new Decision("landmarks", String.valueOf(sources.size()), map.toString());
    }

    private static double rightSign(Map<Landmark, double[][]> raw) {
        double[][] l = raw.containsKey(Landmark.HIP_LEFT) ? raw.get(Landmark.HIP_LEFT) : raw.get(Landmark.SHOULDER_LEFT);
        double[][] r = raw.containsKey(Landmark.HIP_RIGHT) ? raw.get(Landmark.HIP_RIGHT) : raw.get(Landmark.SHOULDER_RIGHT);
        if (l == null || r == null) {
            return Double.NaN;
        }
        double[] d = new double[l[0].length];
        for (int i = 0; i < d.length; i++) {
            d[i] = r[0][i] - l[0][i];
        }
        double m = Stats.median(finite(d));
        return Double.isNaN(m) ? Double.NaN : Math.signum(m);
    }

    /** Net travel (last valid − first valid) of the pelvis per input axis. */
    private static double[] pelvisTravel(Map<Landmark, double[][]> raw, int dims) {
        double[][] p = first(raw, Landmark.MID_HIP, Landmark.PELVIS_CLUSTER, Landmark.HIP_LEFT, Landmark.HIP_RIGHT,
                Landmark.NECK, Landmark.SHOULDER_LEFT);
        double[] out = new double[dims];
        if (p == null) {
            return out;
        }
        for (int d = 0; d < dims; d++) {
            double a = Double.NaN;
            double b = Double.NaN;
            for (double v : p[d]) {
                if (!Double.isNaN(v)) {
                    if (Double.isNaN(a)) {
                        a = v;
                    }
                    b = v;
                }
            }
            out[d] = Double.isNaN(a) ? 0 : b - a;
        }
        return out;
    }

    /**
     * Median velocity (input units/s… per frame here) of the feet along each axis while they are in the lowest
     * 15 % of their height range, scaled to units per second of one leg length… returned in units per 100 frames.
     */
    private static double[] stanceDrift(Map<Landmark, double[][]> raw, double[] up, int dims) {
        double[] out = new double[dims];
        Arrays.fill(out, Double.NaN);
        List<List<Double>> vs = new ArrayList<>();
        for (int d = 0; d < dims; d++) {
            vs.add(new ArrayList<>());
        }
        for (Side s : new Side[] {Side.LEFT, Side.RIGHT}) {
            double[][] f = first(raw, Landmark.of("HEEL", s), Landmark.of("ANKLE", s), Landmark.of("FOOT_CLUSTER", s),
                    Landmark.of("TOE", s));
            if (f == null) {
                continue;
            }
            int n = f[0].length;
            double[] h = new double[n];
            for (int i = 0; i < n; i++) {
                h[i] = dot(f, i, up);
            }
            double lo = Stats.percentile(finite(h), 2);
            double hi = Stats.percentile(finite(h), 98);
            double cut = lo + 0.15 * (hi - lo);
            for (int i = 1; i + 1 < n; i++) {
                if (h[i] < cut) {
                    for (int d = 0; d < dims; d++) {
                        double v = (f[d][i + 1] - f[d][i - 1]) / 2;
                        if (Double.isFinite(v)) {
                            vs.get(d).add(v);
                        }
                    }
                }
            }
        }
        for (int d = 0; d < dims; d++) {
            if (!vs.get(d).isEmpty()) {
                // net backward travel over 100 frames of stance
                out[d] = 100 * Stats.median(vs.get(d).stream().mapToDouble(Double::doubleValue).toArray());
            }
        }
        return out;
    }

    /** Median heel → toe vector per input axis (NaN without heels and toes). */
    private static double[] heelToToe(Map<Landmark, double[][]> raw, int dims) {
        double[] out = new double[dims];
        Arrays.fill(out, Double.NaN);
        List<double[]> per = new ArrayList<>();
        for (Side s : new Side[] {Side.LEFT, Side.RIGHT}) {
            double[][] h = raw.get(Landmark.of("HEEL", s));
            double[][] t = raw.get(Landmark.of("TOE", s));
            if (h == null) {
                h = raw.get(Landmark.of("ANKLE", s));
            }
            if (h != null && t != null) {
                double[] v = new double[dims];
                for (int d = 0; d < dims; d++) {
                    double[] diff = new double[h[d].length];
                    for (int i = 0; i < diff.length; i++) {
                        diff[i] = t[d][i] - h[d][i];
                    }
                    v[d] = Stats.median(finite(diff));
                }
                per.add(v);
            }
        }
        if (per.isEmpty()) {
            double[][] a = raw.get(Landmark.ASIS_LEFT);
            double[][] p = raw.get(Landmark.PSIS_LEFT);
            if (a != null && p != null) {
                for (int d = 0; d < dims; d++) {
                    double[] diff = new double[a[d].length];
                    for (int i = 0; i < diff.length; i++) {
                        diff[i] = a[d][i] - p[d][i];
                    }
                    out[d] = Stats.median(finite(diff));
                }
            }
            return out;
        }
        for (int d = 0; d < dims; d++) {
            double s = 0;
            for (double[] v : per) {
                s += v[d];
            }
            out[d] = s / per.size();
        }
        return out;
    }

    private static double[] cross(double[] a, double[] b) {
        return new double[] {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
    }

    private static double dot(double[][] t, int i, double[] axis) {
        double s = 0;
        for (int d = 0; d < t.length; d++) {
            if (axis[d] != 0) {
                s += t[d][i] * axis[d];
            }
        }
        return s;
    }

    private static String sign(double v) {
        return v >= 0 ? "+" : "-";
    }

    static String fmt(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e9) {
            return String.valueOf((long) v);
        }
        return String.format(Locale.ROOT, "%.2f", v).replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}
