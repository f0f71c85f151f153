package org.gaitform.kinematics;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.gaitform.model.Decision;

/**
 * Landmark trajectories in the body frame: {@code fwd} along the direction of travel, {@code up}
 * vertical, {@code lat} to the runner's right. In a sagittal 2D view {@code lat} is {@code NaN}; in a frontal
 * 2D view {@code fwd} is {@code NaN}. Gaps up to {@link BodyFrame#MAX_FILLED_GAP_S} are interpolated, longer
 * ones stay {@code NaN}; trajectories are smoothed.
 *
 * @param timeS        frame times (s), input time axis
 * @param rateHz       frame rate (Hz)
 * @param view         the view
 * @param unit         unit of every distance: {@code m} when metric (3D or calibrated with {@code --height-cm}),
 *                     else the image unit ({@code px} or {@code normalised})
 * @param calibrated   true when distances are in metres
 * @param legLength    leg length (unit above): hip–knee plus knee–ankle, medians over frames (or, without
 *                     knee and ankle, the 95th percentile of the hip–heel distance)
 * @param treadmill    true for treadmill running (pelvis stays in place)
 * @param beltSpeed    belt speed (unit/s) on a treadmill, from the stance foot's backward velocity; NaN overground
 * @param tracks       landmark → {fwd[], up[], lat[]}
 * @param sources      landmark → which input points it was made from
 * @param decisions    what was decided
 * @param warnings     what was noticed
 * @param verticalCaveat why vertical positions from this view do not give the body's vertical motion (a frontal
 *                     view whose perspective could not be removed), or null when they do
 * @param groundHeights per foot point, its height above the ground where it stands, when the view's geometry makes
 *                     the up coordinate differ from it (a frontal view of a runner moving towards or away from the
 *                     camera: the floor's image height changes with the foot's own distance); empty otherwise
 * @param impactUp     per heel, its up coordinate smoothed in the wider impact band
 *                     ({@link BodyFrame#impactCutoffHz}) instead of the trajectories' band, for timing a landing's
 *                     deceleration; empty when the rate gives no wider band (60 fps video and below) or in frontal views
 * @param imageSpeed   per foot point, its speed in the image (unit/s at the recording's median image scale) where the
 *                     up coordinate is not its height (a frontal view of a runner moving towards or away from the
 *                     camera): a planted foot stands still in the image whatever its distance; empty otherwise
 * @param angleNoiseDeg per frame, the standard deviation (deg) that the video keypoints' own noise
 *                     ({@link KeypointNoise}) leaves in a frontal view's angles after smoothing: {@link #PELVIC_OBLIQUITY}
 *                     (the hip line) and {@code knee_fppa_left} / {@code knee_fppa_right} (thigh against shank); it
 *                     grows as the runner's image shrinks; empty for other views and for markers
 * @param keypointJitterPctLeg the video keypoints' own frame-to-frame noise per coordinate ({@link KeypointNoise}) as a
 *                     percentage of the leg's median length in the picture; NaN for 3D data or when it could not be
 *                     measured
 * @param imageScaleChange a frontal 2D view's largest over smallest image scale of the runner (trunk length, smoothed;
 *                     {@code FrontalPerspective}): 1 at one distance from the camera, more for a runner moving away or
 *                     coming closer; NaN for other views or when the trunk is not seen
 */
public record Body(double[] timeS, double rateHz, View view, String unit, boolean calibrated, double legLength,
                   boolean treadmill, double beltSpeed, Map<Landmark, double[][]> tracks,
                   Map<Landmark, String> sources, List<Decision> decisions, List<String> warnings,
                   String verticalCaveat, Map<Landmark, double[]> groundHeights,
                   Map<Landmark, double[]> impactUp, Map<Landmark, double[]> imageSpeed,
                   Map<String, double[]> angleNoiseDeg, double keypointJitterPctLeg, double imageScaleChange) {
    /** Key of {@link #angleNoiseDeg} for the hip line (pelvic obliquity). */
    public static final String PELVIC_OBLIQUITY = "pelvic_obliquity";

    /** Key of {@link #angleNoiseDeg} for a side's frontal-plane knee angle. */
    public static String kneeFppa(org.gaitform.model.Side side) {
        return "knee_fppa_" + side.name().toLowerCase(java.util.Locale.ROOT);
    }

    public Body {
        angleNoiseDeg = Map.copyOf(angleNoiseDeg);
        imageSpeed = imageSpeed.isEmpty() ? Map.of() : java.util.Collections.unmodifiableMap(new EnumMap<>(imageSpeed));
        impactUp = impactUp.isEmpty() ? Map.of() : java.util.Collections.unmodifiableMap(new EnumMap<>(impactUp));
        groundHeights = groundHeights.isEmpty() ? Map.of() : java.util.Collections.unmodifiableMap(new EnumMap<>(groundHeights));
        tracks = java.util.Collections.unmodifiableMap(new EnumMap<>(tracks));
        sources = Map.copyOf(sources);
        decisions = List.copyOf(decisions);
        warnings = List.copyOf(warnings);
    }

    public boolean has(Landmark l) {
        return tracks.containsKey(l);
    }

    /** Forward coordinate per frame (a shared array; do not modify). */
    public double[] fwd(Landmark l) {
        return tracks.get(l)[0];
    }

    public double[] up(Landmark l) {
        return tracks.get(l)[1];
    }

    public double[] lat(Landmark l) {
        return tracks.get(l)[2];
    }

    public int size() {
        return timeS.length;
    }

    /** The same body with the treadmill belt speed (unit/s). */
    public Body withBeltSpeed(double speed) {
        return new Body(timeS, rateHz, view, unit, calibrated, legLength, treadmill, speed, tracks, sources, decisions,
                warnings, verticalCaveat, groundHeights, impactUp, imageSpeed, angleNoiseDeg, keypointJitterPctLeg,
                imageScaleChange);
    }

    /**
     * The same body with {@code shift[i]} taken off every point's up coordinate in frame {@code i} (and off the heels'
     * impact-band heights): a camera's own up-and-down motion removed from a side video.
     */
    public Body withUpShift(double[] shift) {
        if (shift.length != size()) {
            throw new IllegalArgumentException("a shift per frame is needed: " + shift.length + " for " + size());
        }
        Map<Landmark, double[][]> moved = new EnumMap<>(Landmark.class);
        for (Map.Entry<Landmark, double[][]> e : tracks.entrySet()) {
            double[][] t = e.getValue().clone();
            t[1] = minus(t[1], shift);
            moved.put(e.getKey(), t);
        }
        Map<Landmark, double[]> impact = new EnumMap<>(Landmark.class);
        impactUp.forEach((l, up) -> impact.put(l, minus(up, shift)));
        return new Body(timeS, rateHz, view, unit, calibrated, legLength, treadmill, beltSpeed, moved, sources,
                decisions, warnings, verticalCaveat, groundHeights, impact, imageSpeed, angleNoiseDeg,
                keypointJitterPctLeg, imageScaleChange);
    }

    private static double[] minus(double[] x, double[] shift) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = x[i] - shift[i];
        }
        return out;
    }

    /**
     * The same body with the tracks of {@code landmarks} taken from {@code other}, a body built in the same frame from
     * the same recording with points added (knee and ankle markers rebuilt from a standing trial,
     * {@link Cappozzo1995Cast}); landmarks this body already has are kept. Its leg length, events' landmarks and
     * decisions stay this body's.
     */
    public Body withLandmarksOf(Body other, List<Landmark> landmarks) {
        Map<Landmark, double[][]> t = new EnumMap<>(Landmark.class);
        t.putAll(tracks);
        Map<Landmark, String> s = new EnumMap<>(Landmark.class);
        s.putAll(sources);
        for (Landmark l : landmarks) {
            if (!tracks.containsKey(l) && other.tracks.containsKey(l)) {
                t.put(l, other.tracks.get(l));
                s.put(l, other.sources.get(l));
            }
        }
        return new Body(timeS, rateHz, view, unit, calibrated, legLength, treadmill, beltSpeed, t, s, decisions,
                warnings, verticalCaveat, groundHeights, impactUp, imageSpeed, angleNoiseDeg, keypointJitterPctLeg,
                imageScaleChange);
    }

    /** A body with other tracks (for example treadmill-corrected or re-referenced). */
    public Body withTracks(Map<Landmark, double[][]> newTracks) {
        return new Body(timeS, rateHz, view, unit, calibrated, legLength, treadmill, beltSpeed, newTracks, sources,
                decisions, warnings, verticalCaveat, groundHeights, Map.of(), imageSpeed, angleNoiseDeg, keypointJitterPctLeg,
                imageScaleChange);
    }
}
