package org.gaitform.signal;

/** A 3-D vector. */
public record Vec3(double x, double y, double z) {

    public static final Vec3 ZERO = new Vec3(0, 0, 0);

    public Vec3 plus(Vec3 o) {
        return new Vec3(x + o.x, y + o.y, z + o.z);
    }

    public Vec3 minus(Vec3 o) {
        return new Vec3(x - o.x, y - o.y, z - o.z);
    }

    public Vec3 times(double s) {
        return new Vec3(x * s, y * s, z * s);
    }

    public double dot(Vec3 o) {
        return x * o.x + y * o.y + z * o.z;
    }

    public Vec3 cross(Vec3 o) {
        return new Vec3(y * o.z - z * o.y, z * o.x - x * o.z, x * o.y - y * o.x);
    }

    public double norm() {
        return Math.sqrt(dot(this));
    }

    /** This vector scaled to length 1; throws for the zero vector. */
    public Vec3 unit() {
        double n = norm();
        if (!(n > 0)) {
            throw new IllegalArgumentException("cannot normalise a zero-length vector");
        }
        return times(1.0 / n);
    }

    /** Angle to another vector (degrees). */
    public double angleDeg(Vec3 o) {
        double c = dot(o) / (norm() * o.norm());
        return Math.toDegrees(Math.acos(Math.max(-1, Math.min(1, c))));
    }
}
