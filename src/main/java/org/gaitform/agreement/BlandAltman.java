package org.gaitform.agreement;

import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;

/**
 * Agreement of paired measurements in the sense of Bland &amp; Altman (1986, Lancet 327:307–310): the differences
 * d = measured − reference, their mean (the bias), their sample standard deviation (n − 1), the 95 % limits of
 * agreement bias ± 1.96 SD, the mean absolute difference and the root-mean-square difference. Values are in the
 * unit of the differences (the caller's column names carry it). Fewer than two differences give an SD and limits
 * of {@code NaN}; none gives {@code NaN} everywhere.
 *
 * @param n       number of differences
 * @param bias    mean difference
 * @param sd      sample standard deviation of the differences
 * @param loaLow  lower 95 % limit of agreement, bias − 1.96 SD
 * @param loaHigh upper 95 % limit of agreement, bias + 1.96 SD
 * @param mae     mean absolute difference
 * @param rmse    root-mean-square difference
 */
public record BlandAltman(int n, double bias, double sd, double loaLow, double loaHigh, double mae, double rmse) {
    /** z of the two-sided 95 % interval of a normal distribution, as Bland and Altman use it. */
    public static final double Z95 = 1.96;

    /** No differences. */
    public static final BlandAltman EMPTY = new BlandAltman(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
            Double.NaN, Double.NaN);

    /** The statistics of the differences ({@code NaN} entries are skipped). */
    public static BlandAltman of(double[] differences) {
        DescriptiveStatistics d = new DescriptiveStatistics();
        DescriptiveStatistics abs = new DescriptiveStatistics();
        DescriptiveStatistics sq = new DescriptiveStatistics();
        for (double x : differences) {
            if (!Double.isNaN(x)) {
                d.addValue(x);
                abs.addValue(Math.abs(x));
                sq.addValue(x * x);
            }
        }
        int n = (int) d.getN();
        if (n == 0) {
            return EMPTY;
        }
        double bias = d.getMean();
        double sd = n < 2 ? Double.NaN : d.getStandardDeviation();
        return new BlandAltman(n, bias, sd, bias - Z95 * sd, bias + Z95 * sd, abs.getMean(), Math.sqrt(sq.getMean()));
    }

    /** The statistics of measured − reference over pairs ({@code NaN} in either skips the pair). */
    public static BlandAltman of(double[] measured, double[] reference) {
        if (measured.length != reference.length) {
            throw new IllegalArgumentException("measured and reference must pair up: " + measured.length + " vs "
                    + reference.length + " values");
        }
        double[] d = new double[measured.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = measured[i] - reference[i];
        }
        return of(d);
    }
}
