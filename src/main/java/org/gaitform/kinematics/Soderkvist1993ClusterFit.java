package org.gaitform.kinematics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;

/**
 * A cluster of markers on one segment (a foot, a shank) moved as the rigid body it is meant to be: in each frame the
 * least-squares rotation and translation that carry the cluster's reference shape onto the markers seen (Söderkvist
 * &amp; Wedin 1993, "Determining the movements of the skeleton using well-configured markers", J Biomech
 * 26:1473-1477, by the singular value decomposition; also Challis 1995, J Biomech 28:733-737), and every marker put
 * where that body carries it.
 *
 * <p>Markers on a wand or a plate wobble against one another at impact and in fast swing, or are reconstructed off by
 * the cameras; one marker used alone (as the foot's heel or toe stand-in) then jumps by as much, while the fitted body
 * spreads one marker's error over all of them. In the shared Running Injury Clinic trial, the
 * right foot cluster's six marker distances are more than 5 mm from their medians in 445 of 5 000 frames (418 of them
 * with no three markers that agree), mostly within 80 ms of the right foot's landings; the left's in 76.
 *
 * <p>The reference shape is the frame whose marker distances are closest to their medians over the recording (all
 * markers seen), centred on its centroid. A frame with fewer than three markers seen is left as it is. A frame whose
 * markers lie further from the fitted body than {@link #BROKEN_MEDIANS} times the median residual and
 * {@link #BROKEN_RADIUS} of the cluster's radius is broken (a marker tracked onto something else, or the cluster
 * reconstructed wrong) and left out: it becomes a gap, filled as any other when it is short. In the Running Injury
 * Clinic trial the residual is 0.03-0.04 mm at the median, the limit 1.1 mm, and the right foot's broken frames lie up
 * to 11 mm from the fitted body, in stretches of up to 42 frames (210 ms) in which the whole cluster moves by up to
 * 37 cm within 40 ms.
 *
 * <p>Fitting a broken frame again without each marker in turn (the usual repair of one swapped marker) was tried on
 * that trial and not kept: it placed 47 of the right foot's broken frames (three markers agreeing inside a wrongly
 * tracked stretch), and the right contacts spread again (SD 34.7 ms against 23.5, the shortest 92 ms).
 */
public final class Soderkvist1993ClusterFit {

    /**
     * The fitted cluster.
     *
     * @param markers           name → {x[], y[], z[]}, each marker where the fitted body puts it
     * @param fittedFrames      frames fitted (three or more markers seen)
     * @param brokenFrames      fitted frames left out as broken (the markers too far from any rigid placement)
     * @param medianResidual    median over fitted frames of the root-mean-square distance of the seen markers from
     *                          the fitted body, in the input's unit
     * @param p95Residual       the 95th percentile of the same
     * @param limit             the residual above which a frame is broken, in the input's unit
     */
    public record Fit(Map<String, double[][]> markers, int fittedFrames, int brokenFrames, double medianResidual,
                      double p95Residual, double limit) {
    }

    /** A frame is broken when its residual exceeds this many times the median residual ... */
    static final double BROKEN_MEDIANS = 5;
    /** ... and this share of the cluster's radius (root-mean-square distance of its markers from their centroid). */
    static final double BROKEN_RADIUS = 0.05;

    private Soderkvist1993ClusterFit() {
    }

    /**
     * Fits the cluster {@code markers} (name → {x[], y[], z[]}, NaN where unseen; three or more markers of equal
     * length), or returns {@code null} when it cannot (fewer than three markers, or no frame showing all of them).
     */
    public static Fit fit(Map<String, double[][]> markers) {
        List<String> names = new ArrayList<>(markers.keySet());
        int m = names.size();
        if (m < 3) {
            return null;
        }
        int n = markers.get(names.get(0))[0].length;
        double[][][] p = new double[m][][];
        for (int k = 0; k < m; k++) {
            p[k] = markers.get(names.get(k));
        }
        double[][] ref = referenceShape(p, n);
        if (ref == null) {
            return null;
        }
        double[][][] out = new double[m][3][n];
        for (double[][] o : out) {
            for (double[] axis : o) {
                Arrays.fill(axis, Double.NaN);
            }
        }
        double[] residuals = new double[n];
        List<List<Integer>> seenIn = new ArrayList<>();
        int fitted = 0;
        for (int f = 0; f < n; f++) {
            List<Integer> seen = new ArrayList<>();
            for (int k = 0; k < m; k++) {
                if (Double.isFinite(p[k][0][f]) && Double.isFinite(p[k][1][f]) && Double.isFinite(p[k][2][f])) {
                    seen.add(k);
                }
            }
            seenIn.add(seen);
            if (seen.size() < 3) {
                residuals[f] = Double.NaN;
                for (int k = 0; k < m; k++) {
                    for (int d = 0; d < 3; d++) {
                        out[k][d][f] = p[k][d][f];
                    }
                }
                continue;
            }
            residuals[f] = place(ref, p, f, seen, out);
            fitted++;
        }
        double[] res = Arrays.stream(residuals).filter(Double::isFinite).sorted().toArray();
        double median = fitted == 0 ? Double.NaN : res[fitted / 2];
        double radius = 0;
        for (double[] r : ref) {
            radius += r[0] * r[0] + r[1] * r[1] + r[2] * r[2];
        }
        radius = Math.sqrt(radius / m); // the reference is centred on its centroid
        double limit = Math.max(BROKEN_MEDIANS * median, BROKEN_RADIUS * radius);
        int broken = 0;
        for (int f = 0; f < n; f++) {
            if (!(residuals[f] > limit)) {
                continue;
            }
            broken++;
            for (int k = 0; k < m; k++) {
                for (int d = 0; d < 3; d++) {
                    out[k][d][f] = Double.NaN;
                }
            }
        }
        Map<String, double[][]> result = new LinkedHashMap<>();
        for (int k = 0; k < m; k++) {
            result.put(names.get(k), out[k]);
        }
        return new Fit(result, fitted, broken, median,
                fitted == 0 ? Double.NaN : res[Math.min(fitted - 1, (int) Math.floor(0.95 * fitted))], limit);
    }

    /**
     * Places every marker of frame {@code f} where the body fitted to the markers {@code use} carries the reference,
     * into {@code out}; returns the root-mean-square distance of those markers from their placement.
     */
    private static double place(double[][] ref, double[][][] p, int f, List<Integer> use, double[][][] out) {
        double[] c = new double[3];
        double[] rc = new double[3];
        for (int k : use) {
            for (int d = 0; d < 3; d++) {
                c[d] += p[k][d][f] / use.size();
                rc[d] += ref[k][d] / use.size();
            }
        }
        double[][] h = new double[3][3]; // cross-covariance of the reference and the frame
        for (int k : use) {
            for (int a = 0; a < 3; a++) {
                for (int b = 0; b < 3; b++) {
                    h[a][b] += (ref[k][a] - rc[a]) * (p[k][b][f] - c[b]);
                }
            }
        }
        double[][] r = rotation(h);
        for (int k = 0; k < ref.length; k++) {
            for (int d = 0; d < 3; d++) {
                double v = c[d];
                for (int e = 0; e < 3; e++) {
                    v += r[d][e] * (ref[k][e] - rc[e]);
                }
                out[k][d][f] = v;
            }
        }
        double ss = 0;
        for (int k : use) {
            for (int d = 0; d < 3; d++) {
                ss += (out[k][d][f] - p[k][d][f]) * (out[k][d][f] - p[k][d][f]);
            }
        }
        return Math.sqrt(ss / use.size());
    }

    /** The rotation that best carries the reference onto the frame, from their cross-covariance (no reflection). */
    static double[][] rotation(double[][] h) {
        SingularValueDecomposition svd = new SingularValueDecomposition(new Array2DRowRealMatrix(h));
        RealMatrix u = svd.getU();
        RealMatrix v = svd.getV();
        RealMatrix vut = v.multiply(u.transpose());
        double det = new org.apache.commons.math3.linear.LUDecomposition(vut).getDeterminant();
        RealMatrix s = new Array2DRowRealMatrix(new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, det < 0 ? -1 : 1}});
        return v.multiply(s).multiply(u.transpose()).getData();
    }

    /**
     * The cluster's shape in the frame whose marker distances are closest to their medians (sum of absolute
     * differences), all markers seen, centred on its centroid; {@code null} when no frame shows them all.
     */
    private static double[][] referenceShape(double[][][] p, int n) {
        int m = p.length;
        int pairs = m * (m - 1) / 2;
        double[][] dist = new double[pairs][n];
        boolean[] full = new boolean[n];
        int fullCount = 0;
        for (int f = 0; f < n; f++) {
            full[f] = true;
            for (int k = 0; k < m && full[f]; k++) {
                full[f] = Double.isFinite(p[k][0][f]) && Double.isFinite(p[k][1][f]) && Double.isFinite(p[k][2][f]);
            }
            if (!full[f]) {
                continue;
            }
            fullCount++;
            int q = 0;
            for (int a = 0; a < m; a++) {
                for (int b = a + 1; b < m; b++) {
                    dist[q++][f] = Math.sqrt(sq(p[a][0][f] - p[b][0][f]) + sq(p[a][1][f] - p[b][1][f])
                            + sq(p[a][2][f] - p[b][2][f]));
                }
            }
        }
        if (fullCount == 0) {
            return null;
        }
        double[] median = new double[pairs];
        for (int q = 0; q < pairs; q++) {
            double[] v = new double[fullCount];
            int i = 0;
            for (int f = 0; f < n; f++) {
                if (full[f]) {
                    v[i++] = dist[q][f];
                }
            }
            Arrays.sort(v);
            median[q] = fullCount % 2 == 1 ? v[fullCount / 2] : (v[fullCount / 2 - 1] + v[fullCount / 2]) / 2;
        }
        int best = -1;
        double bestDev = Double.POSITIVE_INFINITY;
        for (int f = 0; f < n; f++) {
            if (!full[f]) {
                continue;
            }
            double dev = 0;
            for (int q = 0; q < pairs; q++) {
                dev += Math.abs(dist[q][f] - median[q]);
            }
            if (dev < bestDev) {
                bestDev = dev;
                best = f;
            }
        }
        double[][] ref = new double[m][3];
        double[] c = new double[3];
        for (int k = 0; k < m; k++) {
            for (int d = 0; d < 3; d++) {
                ref[k][d] = p[k][d][best];
                c[d] += ref[k][d] / m;
            }
        }
        for (double[] r : ref) {
            for (int d = 0; d < 3; d++) {
                r[d] -= c[d];
            }
        }
        return ref;
    }

    private static double sq(double v) {
        return v * v;
    }
}
