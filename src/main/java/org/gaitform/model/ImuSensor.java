package org.gaitform.model;

import java.nio.DoubleBuffer;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The samples of one IMU, all on the recording's time axis.
 *
 * @param name      the sensor's name in the file (for grouped headers such as {@code left_sensor}), or "imu"
 * @param placement where it was worn
 * @param side      the leg it was on for foot and shank sensors; {@link Side#UNKNOWN} otherwise
 * @param channels  samples per channel: accelerations in g, angular velocities in deg/s (copied on the way in,
 *                  except by {@link #adopt})
 */
public record ImuSensor(String name, Placement placement, Side side, Map<Channel, double[]> channels) {
    public ImuSensor {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(placement, "placement");
        Objects.requireNonNull(side, "side");
        boolean owned = channels instanceof Owned;
        EnumMap<Channel, double[]> copy = new EnumMap<>(Channel.class);
        int n = -1;
        for (Map.Entry<Channel, double[]> e : channels.entrySet()) {
            if (n >= 0 && e.getValue().length != n) {
                throw new IllegalArgumentException("channel " + e.getKey().role() + " has " + e.getValue().length
                        + " samples, others have " + n);
            }
            n = e.getValue().length;
            copy.put(e.getKey(), owned ? e.getValue() : e.getValue().clone());
        }
        channels = Collections.unmodifiableMap(copy);
    }

    /**
     * A sensor that takes the given arrays over instead of copying them: for readers that build fresh
     * arrays and hand them on (a long recording is then held once, not twice). The caller must not
     * change the arrays afterwards.
     */
    public static ImuSensor adopt(String name, Placement placement, Side side, Map<Channel, double[]> channels) {
        return new ImuSensor(name, placement, side, new Owned(channels));
    }

    /** Marks arrays handed over by {@link #adopt} (or shared between immutable sensors): not copied. */
    private static final class Owned extends EnumMap<Channel, double[]> {
        private static final long serialVersionUID = 1L;

        Owned(Map<Channel, double[]> m) {
            super(Channel.class);
            putAll(m);
        }
    }

    /**
     * A read-only view of one channel's samples, without copying them (for long recordings); throws when
     * the channel is absent. Use {@link #channel} for an array of one's own.
     */
    public DoubleBuffer samples(Channel c) {
        double[] v = channels.get(c);
        if (v == null) {
            throw new IllegalArgumentException("sensor '" + name + "' has no " + c.role() + " channel");
        }
        return DoubleBuffer.wrap(v).asReadOnlyBuffer();
    }

    /** True when the sensor has this channel. */
    public boolean has(Channel c) {
        return channels.containsKey(c);
    }

    /** A copy of one channel's samples; throws when absent. */
    public double[] channel(Channel c) {
        double[] v = channels.get(c);
        if (v == null) {
            throw new IllegalArgumentException("sensor '" + name + "' has no " + c.role() + " channel");
        }
        return v.clone();
    }

    /** True when all three raw accelerometer axes are present. */
    public boolean hasRawAccelerometer() {
        return has(Channel.ACC_X) && has(Channel.ACC_Y) && has(Channel.ACC_Z);
    }

    /** True when all three gyroscope axes are present. */
    public boolean hasGyroscope() {
        return has(Channel.GYR_X) && has(Channel.GYR_Y) && has(Channel.GYR_Z);
    }

    /** A copy with another placement (sharing the samples, which neither sensor changes). */
    public ImuSensor withPlacement(Placement p) {
        return new ImuSensor(name, p, side, new Owned(channels));
    }

    /** Number of samples. */
    public int size() {
        return channels.values().stream().findFirst().map(a -> a.length).orElse(0);
    }
}
