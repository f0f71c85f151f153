package org.gaitform.simulate;

/**
 * A fixed pinhole camera, level or pitched down, filming a runner (world axes: x along the direction of travel from
 * the runner's start, y up from the floor, z to the runner's right; metres). Used by {@link PoseRunnerSimulator} for a runner
 * filmed from the side, from behind while moving away, or from the front while coming closer, where the
 * perspective makes the runner's image shrink or grow with the distance and the floor's image height change.
 *
 * @param placement  where the camera stands
 * @param distanceM  distance from the runner's start along the camera's view axis (m)
 * @param heightM    height of the lens above the floor (m)
 * @param focalPx    focal length (pixels)
 * @param widthPx    image width (pixels)
 * @param heightPx   image height (pixels)
 * @param pitchDeg   how far the camera looks down from level (degrees, 0 = level), as a camera on a tripod is tilted to
 *                   keep a nearby runner's feet in the picture
 */
public record PinholeCamera(Placement placement, double distanceM, double heightM, double focalPx, int widthPx,
                            int heightPx, double pitchDeg) {
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
        if (!(distanceM > 0 && focalPx > 0 && widthPx > 0 && heightPx > 0 && Math.abs(pitchDeg) < 90)) {
            throw new IllegalArgumentException("a camera needs a positive distance, focal length and image size and a "
                    + "pitch within ±90°");
        }
    }

    /** A level camera. */
    public PinholeCamera(Placement placement, double distanceM, double heightM, double focalPx, int widthPx,
                         int heightPx) {
        this(placement, distanceM, heightM, focalPx, widthPx, heightPx, 0);
    }

    /** Pixel coordinates {x, y (down)} of a world point {x, y, z}; NaN behind the camera. */
    public double[] project(double[] w) {
        return project(w, 0);
    }

    /**
     * Pixel coordinates {x, y (down)} of a world point {x, y, z} with the camera turned about the vertical through its
     * lens by {@code yawDeg} (a camera panned to follow a runner; for {@link Placement#SIDE} positive turns it
     * towards the direction of travel); NaN behind the camera.
     */
    public double[] project(double[] w, double yawDeg) {
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
        if (yawDeg != 0) {
            double cy = Math.cos(Math.toRadians(yawDeg));
            double sy = Math.sin(Math.toRadians(yawDeg));
            f = new double[] {f[0] * cy - f[2] * sy, 0, f[0] * sy + f[2] * cy};
            r = new double[] {r[0] * cy - r[2] * sy, 0, r[0] * sy + r[2] * cy};
        }
        // pitched down: the viewing axis tips towards the floor, the image's up axis towards the view
        double cos = Math.cos(Math.toRadians(pitchDeg));
        double sin = Math.sin(Math.toRadians(pitchDeg));
        double[] fwd = {f[0] * cos, f[1] * cos - sin, f[2] * cos};
        double[] up = {f[0] * sin, cos + f[1] * sin, f[2] * sin};
        double[] d = {w[0] - c[0], w[1] - c[1], w[2] - c[2]};
        double zc = d[0] * fwd[0] + d[1] * fwd[1] + d[2] * fwd[2];
        if (!(zc > 0)) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double xc = d[0] * r[0] + d[1] * r[1] + d[2] * r[2];
        double yc = d[0] * up[0] + d[1] * up[1] + d[2] * up[2];
        return new double[] {widthPx / 2.0 + focalPx * xc / zc, heightPx / 2.0 - focalPx * yc / zc};
    }
}
