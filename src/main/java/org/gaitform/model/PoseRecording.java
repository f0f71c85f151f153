package org.gaitform.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Keypoints or markers of one person from one input, on a uniform frame grid.
 *
 * @param source       the input
 * @param format       the format read ({@code openpose-json}, {@code openpose-csv}, {@code mediapipe-csv},
 *                     {@code keypoint-csv}, {@code marker-text}, {@code trc}, {@code c3d})
 * @param timeS        frame times (s) on the input's own time axis, uniform
 * @param frameRateHz  frames per second
 * @param unit         coordinate unit: {@code px}, {@code normalised} (0–1 of the image), {@code mm},
 *                     {@code cm} or {@code m}
 * @param imageYDown   true for image coordinates, whose y axis points down
 * @param keypoints    the points; all have {@code timeS.length} frames and the same dimension
 * @param decisions    what the reader decided
 * @param warnings     what the reader noticed
 * @param people       for a video with several people, everyone in one frame of the picture (view {@code picture},
 *                     one figure each, the person analysed among them), so that the report can show whom gaitform
 *                     followed; empty otherwise
 */
public record PoseRecording(String source, String format, double[] timeS, double frameRateHz, String unit,
                            boolean imageYDown, List<Keypoint> keypoints, List<Decision> decisions,
                            List<String> warnings, List<StickFigure> people) implements Recording {
    /** A recording of one person in the picture (no other people to show). */
    public PoseRecording(String source, String format, double[] timeS, double frameRateHz, String unit,
                         boolean imageYDown, List<Keypoint> keypoints, List<Decision> decisions, List<String> warnings) {
        this(source, format, timeS, frameRateHz, unit, imageYDown, keypoints, decisions, warnings, List.of());
    }

    public PoseRecording {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(unit, "unit");
        if (!(frameRateHz > 0) || !Double.isFinite(frameRateHz)) {
            throw new IllegalArgumentException("frame rate must be positive, got " + frameRateHz);
        }
        if (keypoints.isEmpty()) {
            throw new IllegalArgumentException("a pose recording needs at least one keypoint");
        }
        boolean is3d = keypoints.get(0).is3d();
        for (Keypoint k : keypoints) {
            if (k.size() != timeS.length) {
                throw new IllegalArgumentException("keypoint '" + k.name() + "' has " + k.size() + " frames for "
                        + timeS.length + " times");
            }
            if (k.is3d() != is3d) {
                throw new IllegalArgumentException("keypoints mix 2D and 3D");
            }
        }
        timeS = timeS.clone();
        keypoints = List.copyOf(keypoints);
        decisions = List.copyOf(decisions);
        warnings = List.copyOf(warnings);
        people = List.copyOf(people);
    }

    @Override
    public double[] timeS() {
        return timeS.clone();
    }

    /** Number of frames. */
    public int size() {
        return timeS.length;
    }

    /** 3 for markers or 3D keypoints, 2 for image keypoints. */
    public int dimensions() {
        return keypoints.get(0).is3d() ? 3 : 2;
    }

    /** The point of that name (exact match), if present. */
    public Optional<Keypoint> keypoint(String name) {
        return keypoints.stream().filter(k -> k.name().equals(name)).findFirst();
    }

    /** The time (s) at a fractional frame index. */
    public double timeAt(double index) {
        if (index <= 0) {
            return timeS[0] + index / frameRateHz;
        }
        if (index >= timeS.length - 1) {
            return timeS[timeS.length - 1] + (index - (timeS.length - 1)) / frameRateHz;
        }
        int i = (int) Math.floor(index);
        double f = index - i;
        return timeS[i] * (1 - f) + timeS[i + 1] * f;
    }

    /** Duration from the first to the last frame (s). */
    public double durationS() {
        return timeS.length < 2 ? 0 : timeS[timeS.length - 1] - timeS[0];
    }
}
