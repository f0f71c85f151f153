package org.gaitform.events;

import java.nio.DoubleBuffer;
import java.util.Objects;

/**
 * Accelerations of a trunk-worn sensor in body axes, uniformly sampled, gravity included (g). Immutable:
 * arrays are copied on the way in (except by {@link #adopt}) and on the way out; the read-only views
 * ({@link #vertical()}, {@link #ap()}, {@link #ml()}) give the samples of a long recording without a copy.
 */
public final class TrunkSignals {
    private final double samplingRateHz;
    private final double[] verticalG;
    private final double[] apG;
    private final double[] mlG;

    /**
     * @param samplingRateHz rate (Hz)
     * @param verticalG      vertical acceleration, up positive (about +1 g at rest, about 0 g in flight)
     * @param apG            antero-posterior acceleration, forward positive, or {@code null} when not measured
     * @param mlG            medio-lateral acceleration, right positive, or {@code null} when not measured
     */
    public TrunkSignals(double samplingRateHz, double[] verticalG, double[] apG, double[] mlG) {
        this(samplingRateHz, Objects.requireNonNull(verticalG, "verticalG").clone(), apG == null ? null : apG.clone(),
                mlG == null ? null : mlG.clone(), true);
    }

    private TrunkSignals(double samplingRateHz, double[] verticalG, double[] apG, double[] mlG, boolean owned) {
        Objects.requireNonNull(verticalG, "verticalG");
        if (apG != null && apG.length != verticalG.length || mlG != null && mlG.length != verticalG.length) {
            throw new IllegalArgumentException("all axes need the same number of samples");
        }
        this.samplingRateHz = samplingRateHz;
        this.verticalG = verticalG;
        this.apG = apG;
        this.mlG = mlG;
    }

    /**
     * Signals that take the given arrays over instead of copying them (the caller must not change them
     * afterwards): for arrays computed just for these signals.
     */
    public static TrunkSignals adopt(double samplingRateHz, double[] verticalG, double[] apG, double[] mlG) {
        return new TrunkSignals(samplingRateHz, verticalG, apG, mlG, true);
    }

    public double samplingRateHz() {
        return samplingRateHz;
    }

    /** A copy of the vertical acceleration (g). */
    public double[] verticalG() {
        return verticalG.clone();
    }

    /** A copy of the antero-posterior acceleration (g), or {@code null}. */
    public double[] apG() {
        return apG == null ? null : apG.clone();
    }

    /** A copy of the medio-lateral acceleration (g), or {@code null}. */
    public double[] mlG() {
        return mlG == null ? null : mlG.clone();
    }

    /** A read-only view of the vertical acceleration (g). */
    public DoubleBuffer vertical() {
        return DoubleBuffer.wrap(verticalG).asReadOnlyBuffer();
    }

    /** A read-only view of the antero-posterior acceleration (g), or {@code null}. */
    public DoubleBuffer ap() {
        return apG == null ? null : DoubleBuffer.wrap(apG).asReadOnlyBuffer();
    }

    /** A read-only view of the medio-lateral acceleration (g), or {@code null}. */
    public DoubleBuffer ml() {
        return mlG == null ? null : DoubleBuffer.wrap(mlG).asReadOnlyBuffer();
    }

    public boolean hasAp() {
        return apG != null;
    }

    public boolean hasMl() {
        return mlG != null;
    }

    public int size() {
        return verticalG.length;
    }

    /** The same signals without the horizontal axes (sharing the vertical samples). */
    public TrunkSignals verticalOnly() {
        return new TrunkSignals(samplingRateHz, verticalG, null, null, true);
    }

    /** A copy with the antero-posterior axis reversed (and the medio-lateral one, to keep a right-handed frame). */
    public TrunkSignals withApReversed() {
        return new TrunkSignals(samplingRateHz, verticalG, negate(apG), negate(mlG), true);
    }

    private static double[] negate(double[] x) {
        if (x == null) {
            return null;
        }
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = -x[i];
        }
        return y;
    }

    @Override
    public String toString() {
        return "TrunkSignals[" + samplingRateHz + " Hz, " + verticalG.length + " samples" + (apG != null ? ", ap" : "")
                + (mlG != null ? ", ml" : "") + "]";
    }
}
