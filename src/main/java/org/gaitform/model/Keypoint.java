package org.gaitform.model;

import java.util.Arrays;
import java.util.Objects;

/**
 * The track of one named point (a video keypoint or a motion-capture marker) as the input gave it:
 * coordinates in the input's own axes and unit, {@code NaN} where the point is missing.
 *
 * <p>An immutable value. The values are held in single precision (seven significant digits: 0.001 px at
 * 4000 px, 0.0002 mm at 2 m), which halves the memory of long recordings — a 60-minute export at 60 fps with
 * 33 keypoints holds 21 million values — at a resolution far below any detector's or marker system's noise.
 * The accessors return fresh double-precision copies.
 */
public final class Keypoint {
    private final String name;
    private final float[] x;
    private final float[] y;
    private final float[] z;
    private final float[] confidence;
    private final int presentFrames;

    /**
     * A track.
     *
     * @param name        the name in the input (for example {@code LHeel}, {@code left_heel}, {@code R.ASIS})
     * @param x           first coordinate per frame
     * @param y           second coordinate per frame
     * @param z           third coordinate per frame, or {@code null} for 2D keypoints
     * @param confidence  detector confidence or visibility per frame (0–1), or {@code null} when the input has none
     */
    public Keypoint(String name, double[] x, double[] y, double[] z, double[] confidence) {
        this.name = Objects.requireNonNull(name, "name");
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(y, "y");
        if (y.length != x.length || (z != null && z.length != x.length)
                || (confidence != null && confidence.length != x.length)) {
            throw new IllegalArgumentException("keypoint '" + name + "': coordinates of different lengths");
        }
        this.x = single(x);
        this.y = single(y);
        this.z = z == null ? null : single(z);
        this.confidence = confidence == null ? null : single(confidence);
        int n = 0;
        for (int i = 0; i < x.length; i++) {
            if (!Double.isNaN(x[i]) && !Double.isNaN(y[i]) && (z == null || !Double.isNaN(z[i]))) {
                n++;
            }
        }
        this.presentFrames = n;
    }

    private static float[] single(double[] v) {
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            f[i] = (float) v[i];
        }
        return f;
    }

    private static double[] twice(float[] v) {
        if (v == null) {
            return null;
        }
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            d[i] = v[i];
        }
        return d;
    }

    /** The name in the input. */
    public String name() {
        return name;
    }

    /** First coordinate per frame (a copy). */
    public double[] x() {
        return twice(x);
    }

    /** Second coordinate per frame (a copy). */
    public double[] y() {
        return twice(y);
    }

    /** Third coordinate per frame (a copy), or {@code null} for 2D keypoints. */
    public double[] z() {
        return twice(z);
    }

    /** Confidence or visibility per frame (a copy), or {@code null} when the input has none. */
    public double[] confidence() {
        return twice(confidence);
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
        return presentFrames;
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
