package org.gaitform.events;

import java.util.Objects;

/**
 * Accelerations of a trunk-worn sensor in body axes, uniformly sampled, gravity included (g).
 *
 * @param samplingRateHz rate (Hz)
 * @param verticalG      vertical acceleration, up positive (about +1 g at rest, about 0 g in flight)
 * @param apG            antero-posterior acceleration, forward positive, or {@code null} when not measured
 * @param mlG            medio-lateral acceleration, right positive, or {@code null} when not measured
 */
public record TrunkSignals(double samplingRateHz, double[] verticalG, double[] apG, double[] mlG) {
    public TrunkSignals {
        Objects.requireNonNull(verticalG, "verticalG");
        if (apG != null && apG.length != verticalG.length || mlG != null && mlG.length != verticalG.length) {
            throw new IllegalArgumentException("all axes need the same number of samples");
        }
        verticalG = verticalG.clone();
        apG = apG == null ? null : apG.clone();
        mlG = mlG == null ? null : mlG.clone();
    }

    @Override
    public double[] verticalG() {
        return verticalG.clone();
    }

    @Override
    public double[] apG() {
        return apG == null ? null : apG.clone();
    }

    @Override
    public double[] mlG() {
        return mlG == null ? null : mlG.clone();
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

    /** A copy with the antero-posterior axis reversed (and the medio-lateral one, to keep a right-handed frame). */
    public TrunkSignals withApReversed() {
        return new TrunkSignals(samplingRateHz, verticalG, negate(apG), negate(mlG));
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
}
