package org.gaitform.signal;

import java.nio.DoubleBuffer;
import uk.me.berndporr.iirj.Butterworth;

/**
 * Zero-phase Butterworth filtering: the filter (from iirj) is run forward, then backward over the
 * reversed output, which cancels the phase delay and doubles the attenuation (the effective order is
 * twice {@code order}). The ends are padded by odd reflection, as in SciPy's {@code filtfilt}, so that
 * the start and the end of a recording are not distorted by the filter's transient.
 *
 * <p>Immutable: {@link #withCutoffHz(double)} returns a new filter.
 *
 * @param type          low-pass or high-pass
 * @param order         order of each pass (1–8)
 * @param cutoffHz      −3 dB frequency of each pass (Hz)
 */
public record ZeroPhaseButterworth(Type type, int order, double cutoffHz) {

    /** Filter response. */
    public enum Type { LOW_PASS, HIGH_PASS }

    public ZeroPhaseButterworth {
        if (order < 1 || order > 8) {
            throw new IllegalArgumentException("filter order must be 1..8, got " + order);
        }
        if (!(cutoffHz > 0)) {
            throw new IllegalArgumentException("cut-off must be positive, got " + cutoffHz + " Hz");
        }
    }

    /** A low-pass filter of the given order and cut-off (Hz). */
    public static ZeroPhaseButterworth lowPass(int order, double cutoffHz) {
        return new ZeroPhaseButterworth(Type.LOW_PASS, order, cutoffHz);
    }

    /** A high-pass filter of the given order and cut-off (Hz). */
    public static ZeroPhaseButterworth highPass(int order, double cutoffHz) {
        return new ZeroPhaseButterworth(Type.HIGH_PASS, order, cutoffHz);
    }

    /** The same filter with another cut-off (Hz). */
    public ZeroPhaseButterworth withCutoffHz(double newCutoffHz) {
        return new ZeroPhaseButterworth(type, order, newCutoffHz);
    }

    /**
     * Filters a uniformly sampled signal. When the cut-off is at or above the Nyquist frequency a
     * low-pass filter is the identity and the input is returned as a copy.
     *
     * @param x              samples (not modified)
     * @param samplingRateHz sampling rate (Hz)
     * @return filtered samples, same length
     */
    public double[] apply(double[] x, double samplingRateHz) {
        return apply(DoubleBuffer.wrap(x), samplingRateHz);
    }

    /**
     * Filters the remaining samples of a buffer (a read-only view of a long recording needs no copy of
     * its own: the filter copies the samples once, into its padded working array).
     *
     * @param x              samples from its position to its limit (neither the samples nor the buffer's
     *                       position are changed)
     * @param samplingRateHz sampling rate (Hz)
     * @return filtered samples, one per remaining sample
     */
    public double[] apply(DoubleBuffer x, double samplingRateHz) {
        int n = x.remaining();
        int p0 = x.position();
        if (n == 0) {
            return new double[0];
        }
        double nyquistHz = samplingRateHz / 2.0;
        if (cutoffHz >= nyquistHz * 0.99) {
            if (type == Type.LOW_PASS) {
                double[] copy = new double[n];
                x.duplicate().get(copy);
                return copy;
            }
            throw new IllegalArgumentException("high-pass cut-off " + cutoffHz + " Hz is above Nyquist " + nyquistHz + " Hz");
        }
        if (n == 1) {
            return type == Type.LOW_PASS ? new double[] {x.get(p0)} : new double[] {0.0};
        }
        // pad about three periods of the cut-off (at least 3 × (2·order+1) samples), never beyond the signal
        int pad = (int) Math.min(n - 1L, Math.max(3L * (2 * order + 1), Math.round(3.0 * samplingRateHz / cutoffHz)));
        double[] ext = new double[n + 2 * pad];
        double first = x.get(p0);
        double last = x.get(p0 + n - 1);
        for (int i = 0; i < pad; i++) {
            ext[i] = 2 * first - x.get(p0 + pad - i);
            ext[pad + n + i] = 2 * last - x.get(p0 + n - 2 - i);
        }
        x.duplicate().get(ext, pad, n);
        // remove the starting level so the filter starts from rest, put it back after a low-pass
        double offset = ext[0];
        for (int i = 0; i < ext.length; i++) {
            ext[i] -= offset;
        }
        Butterworth design = design(samplingRateHz);
        filter(design, ext, false);
        // the backward pass also starts from rest; a low-pass passes the level through, a high-pass removes it
        double endLevel = ext[ext.length - 1];
        double endRestore = type == Type.LOW_PASS ? endLevel : 0.0;
        for (int i = 0; i < ext.length; i++) {
            ext[i] -= endLevel;
        }
        filter(design(samplingRateHz), ext, true);
        for (int i = 0; i < ext.length; i++) {
            ext[i] += endRestore;
        }
        double[] y = new double[n];
        double restore = type == Type.LOW_PASS ? offset : 0.0;
        for (int i = 0; i < n; i++) {
            y[i] = ext[pad + i] + restore;
        }
        return y;
    }

    /**
     * Filters with the signal's ends mirrored first (about three periods of the cut-off, at most the whole signal):
     * for slow low-passes of busy signals — gravity from a running trunk's acceleration — whose single first or last
     * sample can lie far from the local level. {@link #apply(DoubleBuffer, double)} pads by reflecting the signal
     * about that one sample, which then drags the output over the seconds the filter remembers; mirroring keeps the
     * level of the ends.
     *
     * @param x              samples from its position to its limit (not changed)
     * @param samplingRateHz sampling rate (Hz)
     * @return filtered samples, one per remaining sample
     */
    public double[] applyMirrored(DoubleBuffer x, double samplingRateHz) {
        int n = x.remaining();
        int p0 = x.position();
        int m = (int) Math.min(Math.max(n - 1L, 0), Math.round(3.0 * samplingRateHz / cutoffHz));
        if (m == 0) {
            return apply(x, samplingRateHz);
        }
        double[] ext = new double[n + 2 * m];
        for (int i = 0; i < m; i++) {
            ext[m - 1 - i] = x.get(p0 + 1 + i);
            ext[m + n + i] = x.get(p0 + n - 2 - i);
        }
        x.duplicate().get(ext, m, n);
        return java.util.Arrays.copyOfRange(apply(ext, samplingRateHz), m, m + n);
    }

    /** {@link #applyMirrored(DoubleBuffer, double)} of a whole array. */
    public double[] applyMirrored(double[] x, double samplingRateHz) {
        return applyMirrored(DoubleBuffer.wrap(x), samplingRateHz);
    }

    /**
     * Runs a freshly designed filter (at rest) over {@code x} in place, forward or backward, exactly as iirj's
     * {@code filter(double)} would sample by sample: its cascade of second-order sections in direct form II, each
     * run over the whole signal in turn (a section's output depends only on its input so far), with the arithmetic of
     * {@code DirectFormII.process1} in the same order. A section at a time in local variables is several times quicker
     * than iirj's objects per sample (the filters were a third of an analysis, docs/benchmark.md).
     * {@code ZeroPhaseButterworthSectionsTest} checks it against iirj bit for bit.
     */
    static void filter(Butterworth design, double[] x, boolean backward) {
        double[][] sections = sections(design);
        if (sections == null) { // another iirj than the one whose fields are read: its own filter, sample by sample
            if (backward) {
                for (int i = x.length - 1; i >= 0; i--) {
                    x[i] = design.filter(x[i]);
                }
            } else {
                for (int i = 0; i < x.length; i++) {
                    x[i] = design.filter(x[i]);
                }
            }
            return;
        }
        for (double[] c : sections) {
            double a1 = c[0];
            double a2 = c[1];
            double b0 = c[2];
            double b1 = c[3];
            double b2 = c[4];
            double v1 = 0;
            double v2 = 0;
            int n = x.length;
            for (int k = 0; k < n; k++) {
                int i = backward ? n - 1 - k : k;
                double w = x[i] - a1 * v1 - a2 * v2;
                double out = b0 * w + b1 * v1 + b2 * v2;
                v2 = v1;
                v1 = w;
                x[i] = out;
            }
        }
    }

    private static final java.lang.reflect.Field[] COEFFICIENTS = coefficientFields();

    /** iirj's own (normalised) coefficients of a biquad, which its public getters give only multiplied back by a0. */
    private static java.lang.reflect.Field[] coefficientFields() {
        try {
            java.lang.reflect.Field[] f = new java.lang.reflect.Field[5];
            String[] names = {"m_a1", "m_a2", "m_b0", "m_b1", "m_b2"};
            for (int i = 0; i < names.length; i++) {
                f[i] = uk.me.berndporr.iirj.Biquad.class.getDeclaredField(names[i]);
                f[i].setAccessible(true);
            }
            return f;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /** The sections {a1, a2, b0, b1, b2} of a design, or {@code null} when they cannot be read. */
    static double[][] sections(Butterworth design) {
        if (COEFFICIENTS == null) {
            return null;
        }
        try {
            double[][] out = new double[design.getNumBiquads()][5];
            for (int s = 0; s < out.length; s++) {
                uk.me.berndporr.iirj.Biquad b = design.getBiquad(s);
                for (int k = 0; k < 5; k++) {
                    out[s][k] = COEFFICIENTS[k].getDouble(b);
                }
            }
            return out;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    private Butterworth design(double samplingRateHz) {
        Butterworth b = new Butterworth();
        if (type == Type.LOW_PASS) {
            b.lowPass(order, samplingRateHz, cutoffHz);
        } else {
            b.highPass(order, samplingRateHz, cutoffHz);
        }
        return b;
    }
}
