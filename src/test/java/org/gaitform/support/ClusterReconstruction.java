package org.gaitform.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.gaitform.io.InputReaders;
import org.gaitform.io.ReadOptions;
import org.gaitform.model.Keypoint;
import org.gaitform.model.PoseRecording;

/**
 * Anatomical markers placed only for a standing trial, carried into a running trial by the technical clusters
 * they share (the calibrated anatomical systems technique of Cappozzo et al. 1995, Clin Biomech 10:171–178): in
 * the standing trial each anatomical marker is expressed relative to its segment's cluster; in every running frame
 * the cluster's rigid motion (least-squares fit of the cluster markers, Kabsch 1976) places it again. Fukuchi et
 * al. 2017 record knee and ankle markers (lateral and medial) only in the standing trials; this gives them to the
 * running trials, for frontal-plane knee angles. Test support: the result is written as a marker text file like
 * the source (tab separated, {@code Time}, {@code <name>X/Y/Z}, mm).
 */
public final class ClusterReconstruction {
    private ClusterReconstruction() {
    }

    /** The segments: anatomical markers ← the cluster prefix that carries them ({@code R.Shank}). */
    static final Map<String, String> CARRIED = new LinkedHashMap<>();

    static {
        for (String s : new String[] {"R", "L"}) {
            CARRIED.put(s + ".Knee", s + ".Shank");
            CARRIED.put(s + ".Knee.Medial", s + ".Shank");
            CARRIED.put(s + ".Ankle", s + ".Shank");
            CARRIED.put(s + ".Ankle.Medial", s + ".Shank");
        }
    }

    /** Writes the running trial with the carried markers added (replacing empty columns of the same name). */
    public static Path withAnatomicalMarkers(Path run, Path standing, Path out) throws IOException {
        PoseRecording r = (PoseRecording) new InputReaders().read(run, run.getFileName().toString(), ReadOptions.DEFAULTS);
        PoseRecording st = (PoseRecording) new InputReaders().readStatic(standing, standing.getFileName().toString(),
                ReadOptions.DEFAULTS);
        Map<String, double[][]> cols = new LinkedHashMap<>();
        for (Keypoint k : r.keypoints()) {
            if (k.presentFrames() > 0) {
                cols.put(k.name(), new double[][] {k.x(), k.y(), k.z()});
            }
        }
        int n = r.size();
        for (Map.Entry<String, String> e : CARRIED.entrySet()) {
            Keypoint target = find(st, e.getKey());
            List<String> cluster = new ArrayList<>();
            for (Keypoint k : st.keypoints()) {
                if (k.name().startsWith(e.getValue() + ".") && cols.containsKey(k.name())) {
                    cluster.add(k.name());
                }
            }
            if (target == null || cluster.size() < 3) {
                continue;
            }
            double[][] ref = new double[cluster.size()][];
            for (int c = 0; c < cluster.size(); c++) {
                ref[c] = meanOf(find(st, cluster.get(c)));
            }
            double[] tgt = meanOf(target);
            double[][] rebuilt = new double[3][n];
            for (int i = 0; i < n; i++) {
                List<double[]> a = new ArrayList<>();
                List<double[]> b = new ArrayList<>();
                for (int c = 0; c < cluster.size(); c++) {
                    double[][] m = cols.get(cluster.get(c));
                    if (Double.isFinite(m[0][i]) && Double.isFinite(m[1][i]) && Double.isFinite(m[2][i])) {
                        a.add(ref[c]);
                        b.add(new double[] {m[0][i], m[1][i], m[2][i]});
                    }
                }
                double[] p = a.size() >= 3 ? transform(a, b, tgt) : new double[] {Double.NaN, Double.NaN, Double.NaN};
                for (int d = 0; d < 3; d++) {
                    rebuilt[d][i] = p[d];
                }
            }
            cols.put(e.getKey(), rebuilt);
        }
        StringBuilder sb = new StringBuilder("Time");
        for (String name : cols.keySet()) {
            sb.append('\t').append(name).append("X\t").append(name).append("Y\t").append(name).append("Z");
        }
        sb.append('\n');
        double[] t = r.timeS();
        for (int i = 0; i < n; i++) {
            sb.append(String.format(Locale.ROOT, "%.4f", t[i]));
            for (double[][] c : cols.values()) {
                for (int d = 0; d < 3; d++) {
                    sb.append('\t').append(Double.isFinite(c[d][i]) ? String.format(Locale.ROOT, "%.3f", c[d][i]) : "NaN");
                }
            }
            sb.append('\n');
        }
        Files.writeString(out, sb.toString());
        return out;
    }

    private static Keypoint find(PoseRecording r, String name) {
        return r.keypoints().stream().filter(k -> k.name().equals(name) && k.presentFrames() > 0).findFirst().orElse(null);
    }

    private static double[] meanOf(Keypoint k) {
        double[][] c = {k.x(), k.y(), k.z()};
        double[] m = new double[3];
        for (int d = 0; d < 3; d++) {
            double s = 0;
            int q = 0;
            for (double v : c[d]) {
                if (Double.isFinite(v)) {
                    s += v;
                    q++;
                }
            }
            m[d] = s / q;
        }
        return m;
    }

    /** The rigid motion that best carries points a onto b (Kabsch), applied to p. */
    static double[] transform(List<double[]> a, List<double[]> b, double[] p) {
        int m = a.size();
        double[] ca = new double[3];
        double[] cb = new double[3];
        for (int i = 0; i < m; i++) {
            for (int d = 0; d < 3; d++) {
                ca[d] += a.get(i)[d] / m;
                cb[d] += b.get(i)[d] / m;
            }
        }
        double[][] h = new double[3][3];
        for (int i = 0; i < m; i++) {
            for (int r = 0; r < 3; r++) {
                for (int c = 0; c < 3; c++) {
                    h[r][c] += (a.get(i)[r] - ca[r]) * (b.get(i)[c] - cb[c]);
                }
            }
        }
        SingularValueDecomposition svd = new SingularValueDecomposition(new Array2DRowRealMatrix(h));
        RealMatrix u = svd.getU();
        RealMatrix v = svd.getV();
        double det = new LUDecomposition(v.multiply(u.transpose())).getDeterminant();
        RealMatrix dm = new Array2DRowRealMatrix(new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, det < 0 ? -1 : 1}});
        RealMatrix rot = v.multiply(dm).multiply(u.transpose());
        double[] q = new double[3];
        for (int r = 0; r < 3; r++) {
            double s = 0;
            for (int c = 0; c < 3; c++) {
                s += rot.getEntry(r, c) * (p[c] - ca[c]);
            }
            q[r] = s + cb[r];
        }
        return q;
    }
}
