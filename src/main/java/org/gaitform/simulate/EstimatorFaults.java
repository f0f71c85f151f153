package org.gaitform.simulate;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The faults a 2D pose estimator (OpenPose, MediaPipe) adds to a runner's keypoints, injected into the simulator's
 * exact image points so that a correction can be measured against the truth: left–right switches of a whole leg
 * (hip, knee, ankle, heel, toes) for runs of frames, switches of only the lower leg, only the ankles, or only the
 * feet, dropped keypoints (confidence 0 at (0, 0), as OpenPose writes them) one by one and as runs on one foot, and
 * Gaussian jitter. Everything is drawn from a generator seeded with {@code seed}.
 *
 * @param legSwitchesPerS   runs of frames per second (on average) in which the two legs carry each other's labels
 *                          (hip to toes); default 0.5 (a few in a 10 s clip, as OpenPose shows in rear views)
 * @param partSwitchesPerS  runs per second in which only a part is switched: the leg below the hip, the ankles,
 *                          the feet (heel and toes) or one keypoint pair; default 0.5
 * @param maxSwitchFrames   longest run of switched frames; each run lasts 1 to this many frames; default 10
 * @param dropShare         share of keypoints dropped one by one (confidence 0); default 0.03
 * @param footDropsPerS     runs per second in which one foot's keypoints (ankle, heel, toes) are missing for 2–5
 *                          frames (occlusion by the other leg); default 0.2
 * @param jitterPx          standard deviation of the jitter added to every coordinate (px); default 1
 * @param seed              the generator's seed
 */
public record EstimatorFaults(double legSwitchesPerS, double partSwitchesPerS, int maxSwitchFrames, double dropShare,
                              double footDropsPerS, double jitterPx, long seed) {

    /** The defaults above with the given seed. */
    public static EstimatorFaults typical(long seed) {
        return new EstimatorFaults(0.5, 0.5, 10, 0.03, 0.2, 1, seed);
    }

    /** No faults, only the jitter. */
    public static EstimatorFaults jitterOnly(double jitterPx, long seed) {
        return new EstimatorFaults(0, 0, 1, 0, 0, jitterPx, seed);
    }

    public EstimatorFaults {
        if (legSwitchesPerS < 0 || partSwitchesPerS < 0 || maxSwitchFrames < 1 || !(dropShare >= 0 && dropShare < 1)
                || footDropsPerS < 0 || jitterPx < 0) {
            throw new IllegalArgumentException("fault rates and the jitter must not be negative; a run lasts at least "
                    + "one frame");
        }
    }

    /**
     * The keypoints as an estimator would give them.
     *
     * @param xy         per frame, per point {x, y} (px), changed in place
     * @param confidence per frame, per point: 0.9, or 0 for a dropped point
     * @param switched   per frame, per point: true where the point carries the other side's position
     * @param legRuns    whole-leg switch runs injected
     * @param partRuns   part switch runs injected
     */
    public record Faulty(double[][][] xy, double[][] confidence, boolean[][] switched, int legRuns, int partRuns) {
        /** Frames in which any point carries the other side's position. */
        public int switchedFrames() {
            int k = 0;
            for (boolean[] f : switched) {
                for (boolean b : f) {
                    if (b) {
                        k++;
                        break;
                    }
                }
            }
            return k;
        }
    }

    /**
     * Applies the faults.
     *
     * @param names keypoint names ({@code LHip}, {@code RHeel}, …: a leading L or R gives the side)
     * @param clean per frame, per point {x, y} (px); not changed
     * @param fs    frame rate (Hz)
     */
    public Faulty apply(List<String> names, double[][][] clean, double fs) {
        Random rnd = new Random(seed * 0x9E3779B97F4A7C15L + 0x2545F4914F6CDD1DL);
        int n = clean.length;
        int k = names.size();
        double[][][] xy = new double[n][k][];
        double[][] conf = new double[n][k];
        boolean[][] switched = new boolean[n][k];
        for (int t = 0; t < n; t++) {
            for (int j = 0; j < k; j++) {
                xy[t][j] = clean[t][j].clone();
                conf[t][j] = 0.9;
            }
        }
        // partner of each sided point, and the parts
        int[] partner = new int[k];
        String[] part = new String[k];
        for (int j = 0; j < k; j++) {
            partner[j] = -1;
            String nm = names.get(j);
            if (nm.length() > 1 && (nm.charAt(0) == 'L' || nm.charAt(0) == 'R') && Character.isUpperCase(nm.charAt(1))) {
                part[j] = nm.substring(1);
                String other = (nm.charAt(0) == 'L' ? "R" : "L") + part[j];
                partner[j] = names.indexOf(other);
            }
        }
        List<String> leg = List.of("Hip", "Knee", "Ankle", "Heel", "BigToe", "SmallToe");
        List<List<String>> parts = List.of(List.of("Knee", "Ankle", "Heel", "BigToe", "SmallToe"), List.of("Ankle"),
                List.of("Heel", "BigToe", "SmallToe"), List.of("Knee"), List.of("Heel"));
        double seconds = n / fs;
        int legRuns = poisson(rnd, legSwitchesPerS * seconds);
        int partRuns = poisson(rnd, partSwitchesPerS * seconds);
        for (int r = 0; r < legRuns + partRuns; r++) {
            List<String> which = r < legRuns ? leg : parts.get(rnd.nextInt(parts.size()));
            int len = 1 + rnd.nextInt(maxSwitchFrames);
            int start = rnd.nextInt(Math.max(1, n - len));
            for (int t = start; t < Math.min(n, start + len); t++) {
                for (int j = 0; j < k; j++) {
                    if (partner[j] > j && which.contains(part[j])) {
                        double[] v = xy[t][j];
                        xy[t][j] = xy[t][partner[j]];
                        xy[t][partner[j]] = v;
                        switched[t][j] = !switched[t][j];
                        switched[t][partner[j]] = !switched[t][partner[j]];
                    }
                }
            }
        }
        // jitter, then drops
        for (int t = 0; t < n; t++) {
            for (int j = 0; j < k; j++) {
                xy[t][j][0] += rnd.nextGaussian() * jitterPx;
                xy[t][j][1] += rnd.nextGaussian() * jitterPx;
                if (rnd.nextDouble() < dropShare) {
                    conf[t][j] = 0;
                }
            }
        }
        int footRuns = poisson(rnd, footDropsPerS * seconds);
        for (int r = 0; r < footRuns; r++) {
            String side = rnd.nextBoolean() ? "L" : "R";
            int len = 2 + rnd.nextInt(4);
            int start = rnd.nextInt(Math.max(1, n - len));
            for (String p : List.of("Ankle", "Heel", "BigToe", "SmallToe")) {
                int j = names.indexOf(side + p);
                for (int t = start; j >= 0 && t < Math.min(n, start + len); t++) {
                    conf[t][j] = 0;
                }
            }
        }
        for (int t = 0; t < n; t++) {
            for (int j = 0; j < k; j++) {
                if (conf[t][j] == 0) {
                    xy[t][j][0] = 0;
                    xy[t][j][1] = 0;
                }
            }
        }
        return new Faulty(xy, conf, switched, legRuns, partRuns);
    }

    private static int poisson(Random rnd, double mean) {
        double l = Math.exp(-mean);
        int k = 0;
        double p = rnd.nextDouble();
        while (p > l) {
            k++;
            p *= rnd.nextDouble();
        }
        return k;
    }
}
