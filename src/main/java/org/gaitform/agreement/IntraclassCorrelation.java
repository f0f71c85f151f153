package org.gaitform.agreement;

import org.apache.commons.math3.stat.StatUtils;

/**
 * Intraclass correlation of n targets (recordings) each measured by the same k raters (here gaitform and the
 * reference), from the two-way analysis of variance of Shrout &amp; Fleiss (1979, Psychol Bull 86:420–428):
 * with the mean squares of targets (MSR), raters (MSC) and residual (MSE),
 * <ul>
 *   <li>ICC(2,1) = (MSR − MSE) / (MSR + (k − 1) MSE + k (MSC − MSE) / n): absolute agreement of single
 *   measurements — a constant bias between the raters lowers it. In the terms of Koo &amp; Li (2016, J Chiropr Med
 *   15:155–163) it is the "two-way, absolute agreement, single rater" form, whose formula is the same for random
 *   and for fixed raters (McGraw &amp; Wong 1996: ICC(A,1)). gaitform reports this one.</li>
 *   <li>ICC(3,1) = (MSR − MSE) / (MSR + (k − 1) MSE): consistency only — a constant bias does not lower it.</li>
 * </ul>
 * {@code NaN} when there are fewer than two targets or the targets do not vary at all.
 */
public final class IntraclassCorrelation {
    private IntraclassCorrelation() {
    }

    /** Mean squares of a targets × raters table. */
    record MeanSquares(int n, int k, double rows, double columns, double error) {
    }

    static MeanSquares meanSquares(double[][] ratings) {
        int n = ratings.length;
        if (n == 0) {
            return new MeanSquares(0, 0, Double.NaN, Double.NaN, Double.NaN);
        }
        int k = ratings[0].length;
        double[] all = new double[n * k];
        double[] rowMeans = new double[n];
        double[] colSums = new double[k];
        for (int i = 0; i < n; i++) {
            if (ratings[i].length != k) {
                throw new IllegalArgumentException("every target needs " + k + " ratings; target " + i + " has "
                        + ratings[i].length);
            }
            for (int j = 0; j < k; j++) {
                if (!Double.isFinite(ratings[i][j])) {
                    throw new IllegalArgumentException("rating " + j + " of target " + i + " is not a number: "
                            + ratings[i][j]);
                }
                all[i * k + j] = ratings[i][j];
                colSums[j] += ratings[i][j];
            }
            rowMeans[i] = StatUtils.mean(ratings[i]);
        }
        double grand = StatUtils.mean(all);
        double ssTotal = 0;
        for (double v : all) {
            ssTotal += (v - grand) * (v - grand);
        }
        double ssRows = 0;
        for (double m : rowMeans) {
            ssRows += k * (m - grand) * (m - grand);
        }
        double ssCols = 0;
        for (double s : colSums) {
            double m = s / n;
            ssCols += n * (m - grand) * (m - grand);
        }
        double ssError = ssTotal - ssRows - ssCols;
        return new MeanSquares(n, k, ssRows / (n - 1), k > 1 ? ssCols / (k - 1) : Double.NaN,
                ssError / ((double) (n - 1) * (k - 1)));
    }

    /** ICC(2,1) of a targets × raters table (absolute agreement, single measurement). */
    public static double icc21(double[][] ratings) {
        MeanSquares m = meanSquares(ratings);
        if (m.n() < 2 || m.k() < 2) {
            return Double.NaN;
        }
        double den = m.rows() + (m.k() - 1) * m.error() + m.k() * (m.columns() - m.error()) / m.n();
        return den > 0 ? (m.rows() - m.error()) / den : Double.NaN;
    }

    /** ICC(3,1) of a targets × raters table (consistency, single measurement). */
    public static double icc31(double[][] ratings) {
        MeanSquares m = meanSquares(ratings);
        if (m.n() < 2 || m.k() < 2) {
            return Double.NaN;
        }
        double den = m.rows() + (m.k() - 1) * m.error();
        return den > 0 ? (m.rows() - m.error()) / den : Double.NaN;
    }

    /** ICC(2,1) of paired values (targets where either is {@code NaN} are left out). */
    public static double icc21(double[] measured, double[] reference) {
        java.util.List<double[]> rows = new java.util.ArrayList<>();
        for (int i = 0; i < measured.length && i < reference.length; i++) {
            if (Double.isFinite(measured[i]) && Double.isFinite(reference[i])) {
                rows.add(new double[] {measured[i], reference[i]});
            }
        }
        return icc21(rows.toArray(new double[0][]));
    }
}
