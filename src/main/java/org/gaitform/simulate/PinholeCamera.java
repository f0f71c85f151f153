package org.gaitform.simulate;

/**
 * A fixed, level pinhole camera filming a runner (world axes: x along the direction of travel from the runner's
 * start, y up from the floor, z to the runner's right; metres). Used by {@link PoseRunnerSimulator} for a runner
 * filmed from the side, from behind while moving away, or from the front while coming closer, where the
 * perspective makes the runner's image shrink or grow with the distance and the floor's image height change.
 *
 * @param placement  where the camera stands
 * @param distanceM  distance from the runner's start along the camera's view axis (m)
 * @param heightM    height of the lens above the floor (m)
 * @param focalPx    focal length (pixels)
 * @param widthPx    image width (pixels)
 * @param heightPx   image height (pixels)
 */
public record PinholeCamera(Placement placement, double distanceM, double heightM, double focalPx, int widthPx,
                            int heightPx) {
    /** Where the camera stands. */
    public enum Placement {
        /** At the runner's right, looking across the direction of travel (image x = forward). */
        SIDE,
        /** Behind the runner's start, looking along the direction of travel: the runner moves away. */
        BEHIND,
        /** Ahead of the runner, looking back against the direction of travel: the runner comes closer. */
        AHEAD
    }

    public PinholeCamera {
        if (!(distanceM > 0 && focalPx > 0 && widthPx > 0 && heightPx > 0)) {
            throw new IllegalArgumentException("a camera needs a positive distance, focal length and image size");
        }
    }

    /** Pixel coordinates {x, y (down)} of a world point {x, y, z}; NaN behind the camera. */
    public double[] project(double[] w) {
        double[] c;
        double[] f;
        double[] r;
        switch (placement) {
            case SIDE -> {
                c = new double[] {0, heightM, distanceM};
                f = new double[] {0, 0, -1};
                r = new double[] {1, 0, 0};
            }
            case BEHIND -> {
                c = new double[] {-distanceM, heightM, 0};
                f = new double[] {1, 0, 0};
                r = new double[] {0, 0, 1};
            }
            default -> {
                c = new double[] {distanceM, heightM, 0};
                f = new double[] {-1, 0, 0};
                r = new double[] {0, 0, -1};
            }
        }
        double[] d = {w[0] - c[0], w[1] - c[1], w[2] - c[2]};
        double zc = d[0] * f[0] + d[1] * f[1] + d[2] * f[2];
        if (!(zc > 0)) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double xc = d[0] * r[0] + d[1] * r[1] + d[2] * r[2];
        return new double[] {widthPx / 2.0 + focalPx * xc / zc, heightPx / 2.0 - focalPx * d[1] / zc};
    }
}
