package org.gaitform.model;

import java.util.Arrays;
import java.util.Objects;

/**
 * The track of one named point (a video keypoint or a motion-capture marker) as the input gave it:
 * coordinates in the input's own axes and unit, {@code NaN} where the point is missing.
 *
 * @param name        the name in the input (for example {@code LHeel}, {@code left_heel}, {@code R.ASIS})
 * @param x           first coordinate per frame
 * @param y           second coordinate per frame
 * @param z           third coordinate per frame, or {@code null} for 2D keypoints
 * @param confidence  detector confidence or visibility per frame (0–1), or {@code null} when the input has none
 */
public record Keypoint(String name, double[] x, double[] y, double[] z, double[] confidence) {
    public Keypoint {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(y, "y");
        if (y.length != x.length || (z != null && z.length != x.length)
                || (confidence != null && confidence.length != x.length)) {
            throw new IllegalArgumentException("keypoint '" + name + "': coordinates of different lengths");
        }
        x = x.clone();
        y = y.clone();
        z = z == null ? null : z.clone();
        confidence = confidence == null ? null : confidence.clone();
    }

    @Override
    public double[] x() {
        return x.clone();
    }

    @Override
    public double[] y() {
        return y.clone();
    }

    @Override
    public double[] z() {
        return z == null ? null : z.clone();
    }

    @Override
    public double[] confidence() {
        return confidence == null ? null : confidence.clone();
    }

    /** Number of frames. */
    public int size() {
        return x.length;
    }

    /** True when the point has a third coordinate. */
    public boolean is3d() {
        return z != null;
    }

    /** Coordinate {@code axis} (0 = x, 1 = y, 2 = z) of every frame. */
    public double[] axis(int axis) {
        return switch (axis) {
            case 0 -> x();
            case 1 -> y();
            case 2 -> {
                if (z == null) {
                    throw new IllegalArgumentException("keypoint '" + name + "' is 2D");
                }
                yield z();
            }
            default -> throw new IllegalArgumentException("axis " + axis);
        };
    }

    /** Frames where every coordinate is a number. */
    public int presentFrames() {
        int n = 0;
        for (int i = 0; i < x.length; i++) {
            if (!Double.isNaN(x[i]) && !Double.isNaN(y[i]) && (z == null || !Double.isNaN(z[i]))) {
                n++;
            }
        }
        return n;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Keypoint k && name.equals(k.name) && Arrays.equals(x, k.x) && Arrays.equals(y, k.y)
                && Arrays.equals(z, k.z) && Arrays.equals(confidence, k.confidence);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, Arrays.hashCode(x), Arrays.hashCode(y));
    }

    @Override
    public String toString() {
        return "Keypoint[" + name + ", " + x.length + " frames" + (z == null ? ", 2D" : ", 3D") + "]";
    }
}
