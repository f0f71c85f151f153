package org.gaitform.io.pose;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What the user told us about keypoint and marker inputs; everything is optional and detected when absent.
 *
 * @param fps         frame rate ({@code --fps}); needed when the file has none (video keypoints without it
 *                    are read at {@link #DEFAULT_VIDEO_FPS} with a warning)
 * @param imageWidth  image width in pixels ({@code --image-size WxH}), to scale normalised coordinates
 * @param imageHeight image height in pixels
 * @param unit        coordinate unit ({@code --unit px|mm|cm|m|normalised}) when the file does not say
 * @param landmarks   body landmark → column prefix overrides ({@code --landmark heel_left=LHEEL})
 * @param vertical    the input's vertical axis ({@code --vertical +y}, {@code -z}, …: axis letter with the
 *                    sign pointing up)
 * @param forward     the input's direction of travel ({@code --forward +x}, …)
 * @param view        {@code sagittal}, {@code frontal}, {@code rear}, {@code front} (frontal views saying which side of
 *                    the runner faces the camera) or {@code 3d} ({@code --view})
 * @param heightCm    the runner's height ({@code --height-cm}), to calibrate pixel data
 * @param treadmill   true for treadmill, false for overground ({@code --treadmill}, {@code --overground})
 * @param lrSwitchCorrection whether left–right switches of the pose estimator are undone
 *                    ({@code --lr-switch-correction on|off}, {@link LeftRightSwitchCorrection}); empty (auto, the
 *                    default) undoes them in video keypoints and leaves motion-capture markers as they are
 * @param person      which person of a video with several people to analyse ({@code --person N}): 1 is the one
 *                    gaitform takes (seen moving their legs in the most frames), 2 the next, …; empty (the default)
 *                    takes the first and says how sure the choice is ({@link PersonTracks})
 */
public record PoseReadOptions(Optional<Double> fps, Optional<Integer> imageWidth, Optional<Integer> imageHeight,
                              Optional<String> unit, Map<String, String> landmarks, Optional<String> vertical,
                              Optional<String> forward, Optional<String> view, Optional<Double> heightCm,
                              Optional<Boolean> treadmill, Optional<Boolean> lrSwitchCorrection,
                              Optional<Integer> person) {

    /** Frame rate assumed for video keypoints whose file does not record one (fps). */
    public static final double DEFAULT_VIDEO_FPS = 30.0;

    /** Nothing overridden. */
    public static final PoseReadOptions DEFAULTS = new PoseReadOptions(Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), Map.of(), Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

    /** The options with the person left to the default choice. */
    public PoseReadOptions(Optional<Double> fps, Optional<Integer> imageWidth, Optional<Integer> imageHeight,
                           Optional<String> unit, Map<String, String> landmarks, Optional<String> vertical,
                           Optional<String> forward, Optional<String> view, Optional<Double> heightCm,
                           Optional<Boolean> treadmill, Optional<Boolean> lrSwitchCorrection) {
        this(fps, imageWidth, imageHeight, unit, landmarks, vertical, forward, view, heightCm, treadmill,
                lrSwitchCorrection, Optional.empty());
    }

    /** The options with the left–right switch correction left to its default (auto). */
    public PoseReadOptions(Optional<Double> fps, Optional<Integer> imageWidth, Optional<Integer> imageHeight,
                           Optional<String> unit, Map<String, String> landmarks, Optional<String> vertical,
                           Optional<String> forward, Optional<String> view, Optional<Double> heightCm,
                           Optional<Boolean> treadmill) {
        this(fps, imageWidth, imageHeight, unit, landmarks, vertical, forward, view, heightCm, treadmill,
                Optional.empty(), Optional.empty());
    }

    /** These options with the left–right switch correction on ({@code true}), off, or automatic (empty). */
    public PoseReadOptions withLrSwitchCorrection(Optional<Boolean> on) {
        return new PoseReadOptions(fps, imageWidth, imageHeight, unit, landmarks, vertical, forward, view, heightCm,
                treadmill, on, person);
    }

    /** These options with the person of rank {@code rank} taken in a video with several people (empty: the default). */
    public PoseReadOptions withPerson(Optional<Integer> rank) {
        return new PoseReadOptions(fps, imageWidth, imageHeight, unit, landmarks, vertical, forward, view, heightCm,
                treadmill, lrSwitchCorrection, rank);
    }

    public PoseReadOptions {
        landmarks = Map.copyOf(landmarks);
        fps.ifPresent(f -> {
            if (!(f > 0 && f < 100_000)) {
                throw new IllegalArgumentException("--fps must be a frame rate above 0, got " + f);
            }
        });
        unit.ifPresent(u -> {
            if (!u.matches("px|mm|cm|m|normalised")) {
                throw new IllegalArgumentException("--unit must be px, mm, cm, m or normalised, got '" + u + "'");
            }
        });
        vertical.ifPresent(PoseReadOptions::checkAxis);
        forward.ifPresent(PoseReadOptions::checkAxis);
        view.ifPresent(v -> {
            if (!v.matches("sagittal|frontal|rear|front|3d")) {
                throw new IllegalArgumentException("--view must be sagittal, frontal, rear, front or 3d, got '" + v
                        + "'");
            }
        });
        person.ifPresent(p -> {
            if (p < 1) {
                throw new IllegalArgumentException("--person must be 1 (the person gaitform takes), 2 (the next) or "
                        + "more, got " + p);
            }
        });
        heightCm.ifPresent(h -> {
            if (!(h >= 50 && h <= 250)) {
                throw new IllegalArgumentException("--height-cm must be a body height between 50 and 250 cm, got " + h);
            }
        });
    }

    private static void checkAxis(String a) {
        if (!a.toLowerCase(Locale.ROOT).matches("[+-]?[xyz]")) {
            throw new IllegalArgumentException("an axis must be x, y or z with an optional sign (+y, -z), got '" + a + "'");
        }
    }
}
