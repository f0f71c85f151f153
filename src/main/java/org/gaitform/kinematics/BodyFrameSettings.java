package org.gaitform.kinematics;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The user's overrides for {@link BodyFrame}; everything is detected when absent.
 *
 * @param landmarks landmark label → point name ({@code --landmark})
 * @param vertical  the data's up axis, {@code [+-]x|y|z} ({@code --vertical})
 * @param forward   the direction of travel, {@code [+-]x|y|z} ({@code --forward})
 * @param view      {@code sagittal}, {@code frontal}, {@code rear}, {@code front} or {@code 3d} ({@code --view}; rear and
 *                  front name the side of the runner facing the camera, {@link FrontalFacing})
 * @param heightCm  the runner's height, to calibrate pixels ({@code --height-cm})
 * @param treadmill true for treadmill, false for overground ({@code --treadmill}, {@code --overground})
 */
public record BodyFrameSettings(Map<String, String> landmarks, Optional<String> vertical, Optional<String> forward,
                                Optional<String> view, Optional<Double> heightCm, Optional<Boolean> treadmill) {
    /** Nothing overridden. */
    public static final BodyFrameSettings DEFAULTS = new BodyFrameSettings(Map.of(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty());

    public BodyFrameSettings {
        landmarks = Map.copyOf(landmarks);
        vertical.ifPresent(BodyFrameSettings::axis);
        forward.ifPresent(BodyFrameSettings::axis);
        view.ifPresent(View::parse);
    }

    /** Parses {@code [+-]x|y|z} into {axis index, sign}. */
    public static int[] axis(String a) {
        String s = a.toLowerCase(Locale.ROOT).trim();
        if (!s.matches("[+-]?[xyz]")) {
            throw new IllegalArgumentException("an axis must be x, y or z with an optional sign (+y, -z), got '" + a + "'");
        }
        int sign = s.startsWith("-") ? -1 : 1;
        return new int[] {s.charAt(s.length() - 1) - 'x', sign};
    }
}
