package org.gaitform.agreement;

import java.util.ArrayList;
import java.util.List;

/**
 * Pairs detected events with reference events one to one, in time order, within a tolerance: each pair is at most
 * the tolerance apart, no event is in two pairs, and pairs never cross (the k-th matched detection belongs to an
 * earlier reference event than the (k+1)-th). Among such pairings it takes one with the most pairs and, of those,
 * the smallest sum of absolute time differences. This is the usual scoring of event detectors against a gold
 * standard (for example Kiernan et al. 2023, Sensors 23:5022; Falbriard et al. 2018, Front Physiol 9:610), with the
 * tie between two candidates resolved by the nearer one instead of the first one.
 *
 * <p>The events split into independent clusters (a pair can only join events that are linked by gaps no larger
 * than the tolerance), and each cluster is solved exactly by dynamic programming; a cluster too large for that
 * (only with tolerances of the order of a step) falls back to nearest-first greedy pairing.
 */
public final class EventMatcher {
    /** Largest cluster, in reference × detected events, solved exactly. */
    static final long MAX_EXACT_CELLS = 4_000_000L;

    private EventMatcher() {
    }

    /**
     * One pair: indices into the reference and the detected arrays.
     *
     * @param reference index of the reference event
     * @param detected  index of the detected event
     */
    public record Pair(int reference, int detected) {
    }

    /**
     * Matches two sorted lists of event times.
     *
     * @param referenceS  reference event times (s), ascending
     * @param detectedS   detected event times (s), ascending
     * @param toleranceS  largest accepted |detected − reference| (s), at least 0
     * @return the pairs in time order
     */
    public static List<Pair> match(double[] referenceS, double[] detectedS, double toleranceS) {
        if (!(toleranceS >= 0)) {
            throw new IllegalArgumentException("tolerance must be at least 0 s, not " + toleranceS);
        }
        requireSorted(referenceS, "reference");
        requireSorted(detectedS, "detected");
        List<Pair> out = new ArrayList<>();
        int i = 0;
        int j = 0;
        int n = referenceS.length;
        int m = detectedS.length;
        while (i < n || j < m) {
            // one cluster: merge in time order while the gap to the next event stays within the tolerance
            int i0 = i;
            int j0 = j;
            double last = Double.NaN;
            while (i < n || j < m) {
                boolean takeRef = j >= m || (i < n && referenceS[i] <= detectedS[j]);
                double t = takeRef ? referenceS[i] : detectedS[j];
                if (!Double.isNaN(last) && t - last > toleranceS) {
                    break;
                }
                last = t;
                if (takeRef) {
                    i++;
                } else {
                    j++;
                }
            }
            if (i > i0 && j > j0) {
                solve(referenceS, i0, i, detectedS, j0, j, toleranceS, out);
            }
        }
        return out;
    }

    private static void solve(double[] r, int r0, int r1, double[] d, int d0, int d1, double tol, List<Pair> out) {
        int a = r1 - r0;
        int b = d1 - d0;
        if ((long) (a + 1) * (b + 1) > MAX_EXACT_CELLS) {
            greedy(r, r0, r1, d, d0, d1, tol, out);
            return;
        }
        // best[i][j]: the best pairing of the first i reference and first j detected events of the cluster
        int w = b + 1;
        int[] count = new int[(a + 1) * w];
        double[] cost = new double[(a + 1) * w];
        byte[] move = new byte[(a + 1) * w]; // 1 skip reference, 2 skip detected, 3 pair
        for (int i = 0; i <= a; i++) {
            for (int j = 0; j <= b; j++) {
                int k = i * w + j;
                if (i == 0 && j == 0) {
                    continue;
                }
                int bestCount = -1;
                double bestCost = 0;
                byte bestMove = 0;
                if (i > 0) {
                    bestCount = count[k - w];
                    bestCost = cost[k - w];
                    bestMove = 1;
                }
                if (j > 0 && better(count[k - 1], cost[k - 1], bestCount, bestCost)) {
                    bestCount = count[k - 1];
                    bestCost = cost[k - 1];
                    bestMove = 2;
                }
                if (i > 0 && j > 0) {
                    double e = Math.abs(d[d0 + j - 1] - r[r0 + i - 1]);
                    if (e <= tol && better(count[k - w - 1] + 1, cost[k - w - 1] + e, bestCount, bestCost)) {
                        bestCount = count[k - w - 1] + 1;
                        bestCost = cost[k - w - 1] + e;
                        bestMove = 3;
                    }
                }
                count[k] = bestCount;
                cost[k] = bestCost;
                move[k] = bestMove;
            }
        }
        List<Pair> rev = new ArrayList<>();
        int i = a;
        int j = b;
        while (i > 0 || j > 0) {
            byte mv = move[i * w + j];
            if (mv == 3) {
                rev.add(new Pair(r0 + i - 1, d0 + j - 1));
                i--;
                j--;
            } else if (mv == 1) {
                i--;
            } else {
                j--;
            }
        }
        for (int k = rev.size() - 1; k >= 0; k--) {
            out.add(rev.get(k));
        }
    }

    private static boolean better(int count, double cost, int bestCount, double bestCost) {
        return count > bestCount || (count == bestCount && cost < bestCost - 1e-12);
    }

    /** Nearest pairs first, skipping any that would reuse an event or cross an accepted pair. */
    private static void greedy(double[] r, int r0, int r1, double[] d, int d0, int d1, double tol, List<Pair> out) {
        List<double[]> cand = new ArrayList<>();
        int lo = d0;
        for (int i = r0; i < r1; i++) {
            while (lo < d1 && d[lo] < r[i] - tol) {
                lo++;
            }
            for (int j = lo; j < d1 && d[j] <= r[i] + tol; j++) {
                cand.add(new double[] {Math.abs(d[j] - r[i]), i, j});
            }
        }
        cand.sort((x, y) -> Double.compare(x[0], y[0]));
        java.util.TreeMap<Integer, Integer> accepted = new java.util.TreeMap<>();
        java.util.Set<Integer> usedDetected = new java.util.HashSet<>();
        for (double[] c : cand) {
            int i = (int) c[1];
            int j = (int) c[2];
            if (accepted.containsKey(i) || usedDetected.contains(j)) {
                continue;
            }
            var before = accepted.lowerEntry(i);
            var after = accepted.higherEntry(i);
            if ((before != null && before.getValue() >= j) || (after != null && after.getValue() <= j)) {
                continue;
            }
            accepted.put(i, j);
            usedDetected.add(j);
        }
        accepted.forEach((i, j) -> out.add(new Pair(i, j)));
    }

    private static void requireSorted(double[] t, String what) {
        for (int k = 0; k < t.length; k++) {
            if (!Double.isFinite(t[k])) {
                throw new IllegalArgumentException(what + " event " + k + " is not a finite time: " + t[k]);
            }
            if (k > 0 && t[k] < t[k - 1]) {
                throw new IllegalArgumentException(what + " events must be in time order; event " + k + " at " + t[k]
                        + " s comes after " + t[k - 1] + " s");
            }
        }
    }
}
