package org.gaitform.io.pose;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link LeftRightSwitchCorrection} on synthetic legs: two legs swinging in opposite phase (hip, knee, ankle, heel,
 * toe, 2D image points, 30 fps), with switches put in by hand.
 */
class LeftRightSwitchCorrectionTest {
    private static final List<String> PARTS = List.of("Hip", "Knee", "Ankle", "Heel", "BigToe");
    private static final double FS = 30;

    /** {name → {x, y, z (null), c (null)}} of both legs over n frames, seeded jitter. */
    private static List<double[][]> legs(List<String> names, int n, double jitterPx, long seed) {
        Random rnd = new Random(seed);
        List<double[][]> out = new ArrayList<>();
        for (String name : names) {
            double[] x = new double[n];
            double[] y = new double[n];
            int side = name.startsWith("L") ? 0 : 1;
            int level = PARTS.indexOf(name.substring(1));
            for (int t = 0; t < n; t++) {
                double phase = 2 * Math.PI * 1.4 * t / FS + side * Math.PI;
                // a rear view: the legs 40 px apart, each point swinging up and down more the lower it is
                x[t] = 500 + (side == 0 ? -20 : 20) + 3 * Math.sin(phase) + rnd.nextGaussian() * jitterPx;
                y[t] = 300 + 60 * level + 8 * level * Math.sin(phase) + rnd.nextGaussian() * jitterPx;
            }
            out.add(new double[][] {x, y, null, null});
        }
        return out;
    }

    private static List<String> names() {
        List<String> n = new ArrayList<>();
        for (String p : PARTS) {
            n.add("L" + p);
            n.add("R" + p);
        }
        n.add("Neck");
        n.add("MidHip");
        return n;
    }

    private static List<double[][]> copy(List<double[][]> t) {
        List<double[][]> out = new ArrayList<>();
        for (double[][] k : t) {
            out.add(new double[][] {k[0].clone(), k[1].clone(), null, null});
        }
        return out;
    }

    /** Exchanges the named parts of the two legs over frames [from, to). */
    private static void switchParts(List<String> names, List<double[][]> t, List<String> parts, int from, int to) {
        for (String p : parts) {
            double[][] l = t.get(names.indexOf("L" + p));
            double[][] r = t.get(names.indexOf("R" + p));
            for (int i = from; i < to; i++) {
                for (int d = 0; d < 2; d++) {
                    double v = l[d][i];
                    l[d][i] = r[d][i];
                    r[d][i] = v;
                }
            }
        }
    }

    private static boolean same(List<double[][]> a, List<double[][]> b) {
        for (int k = 0; k < a.size(); k++) {
            if (!Arrays.equals(a.get(k)[0], b.get(k)[0]) || !Arrays.equals(a.get(k)[1], b.get(k)[1])) {
                return false;
            }
        }
        return true;
    }

    @Test
    void pairsKeypointsByTheirNames() {
        List<String> body25 = KeypointNames.BODY_25;
        List<double[][]> tracks = new ArrayList<>();
        for (int i = 0; i < body25.size(); i++) {
            tracks.add(new double[][] {new double[4], new double[4], null, null});
        }
        List<LeftRightSwitchCorrection.Pair> p = LeftRightSwitchCorrection.pairs(body25, tracks);
        assertThat(p).extracting(LeftRightSwitchCorrection.Pair::name).containsExactlyInAnyOrder("shoulder", "elbow",
                "wrist", "hip", "knee", "ankle", "eye", "ear", "bigtoe", "smalltoe", "heel");
        List<String> blaze = KeypointNames.BLAZEPOSE;
        List<double[][]> bt = new ArrayList<>();
        for (int i = 0; i < blaze.size(); i++) {
            bt.add(new double[][] {new double[4], new double[4], null, null});
        }
        List<LeftRightSwitchCorrection.Pair> q = LeftRightSwitchCorrection.pairs(blaze, bt);
        assertThat(q).filteredOn(x -> x.name().equals("footindex")).singleElement()
                .extracting(LeftRightSwitchCorrection.Pair::role).isEqualTo(LeftRightSwitchCorrection.Role.FOOT);
        assertThat(q).filteredOn(x -> x.name().equals("index")).singleElement()
                .extracting(LeftRightSwitchCorrection.Pair::role).isEqualTo(LeftRightSwitchCorrection.Role.HAND);
        assertThat(LeftRightSwitchCorrection.side("MidHip")).isNull();
        assertThat(LeftRightSwitchCorrection.side("Nose")).isNull();
    }

    @Test
    void aRecordingWithoutSwitchesIsLeftAsItIs() {
        List<String> names = names();
        for (long seed = 1; seed <= 5; seed++) {
            List<double[][]> clean = legs(names, 240, 1.0, seed);
            List<double[][]> t = copy(clean);
            LeftRightSwitchCorrection.Result r = new LeftRightSwitchCorrection().correct(names, t, FS);
            assertThat(r.switchedFrames()).as("seed %d", seed).isZero();
            assertThat(same(t, clean)).isTrue();
        }
    }

    @Test
    void wholeLegLowerLegAndSingleKeypointSwitchesAreUndone() {
        List<String> names = names();
        List<double[][]> clean = legs(names, 240, 1.0, 7);
        List<double[][]> t = copy(clean);
        switchParts(names, t, PARTS, 0, 4); // at the very start
        switchParts(names, t, PARTS, 40, 47); // the whole leg for 7 frames
        switchParts(names, t, List.of("Knee", "Ankle", "Heel", "BigToe"), 100, 110); // the leg below the hip
        switchParts(names, t, List.of("Ankle"), 150, 153); // only the ankles
        switchParts(names, t, List.of("Heel", "BigToe"), 200, 201); // only the feet, one frame
        switchParts(names, t, PARTS, 236, 240); // at the very end
        LeftRightSwitchCorrection.Result r = new LeftRightSwitchCorrection().correct(names, t, FS);
        assertThat(same(t, clean)).as("corrected = clean").isTrue();
        assertThat(r.switchedFrames()).isEqualTo(4 + 7 + 10 + 3 + 1 + 4);
        assertThat(r.wholeLegFrames()).isEqualTo(4 + 7 + 4);
        assertThat(r.perPairFrames()).containsEntry("hip", 15).containsEntry("ankle", 28).containsEntry("heel", 26);
    }

    @Test
    void missingKeypointsNeitherStopNorMisleadTheCorrection() {
        List<String> names = names();
        List<double[][]> clean = legs(names, 240, 1.0, 11);
        Random rnd = new Random(3);
        for (double[][] k : clean) {
            for (int i = 0; i < 240; i++) {
                if (rnd.nextDouble() < 0.05) {
                    k[0][i] = Double.NaN;
                    k[1][i] = Double.NaN;
                }
            }
        }
        List<double[][]> t = copy(clean);
        switchParts(names, t, PARTS, 60, 66);
        switchParts(names, t, List.of("Ankle", "Heel", "BigToe"), 130, 138);
        new LeftRightSwitchCorrection().correct(names, t, FS);
        assertThat(same(t, clean)).isTrue();
    }

    @Test
    void pointsWithinTheJitterOfEachOtherAreNotExchanged() {
        // a side view: both hips at the same image point, the feet apart
        List<String> names = names();
        List<double[][]> clean = legs(names, 240, 1.0, 5);
        double[][] lh = clean.get(names.indexOf("LHip"));
        double[][] rh = clean.get(names.indexOf("RHip"));
        Random rnd = new Random(9);
        for (int i = 0; i < 240; i++) {
            lh[0][i] = 500 + rnd.nextGaussian();
            rh[0][i] = 500 + rnd.nextGaussian();
            lh[1][i] = 300 + rnd.nextGaussian();
            rh[1][i] = 300 + rnd.nextGaussian();
        }
        List<double[][]> t = copy(clean);
        switchParts(names, t, PARTS, 80, 88);
        LeftRightSwitchCorrection.Result r = new LeftRightSwitchCorrection().correct(names, t, FS);
        for (String p : List.of("Knee", "Ankle", "Heel", "BigToe")) {
            int k = names.indexOf("L" + p);
            assertThat(t.get(k)[0]).as(p).containsExactly(clean.get(k)[0]);
        }
        // the hips stay as the estimator labelled them: within the jitter, neither labelling can be told apart
        assertThat(r.perPairFrames()).doesNotContainKey("hip");
    }

    @Test
    void threeDimensionalPointsAreCorrectedToo() {
        // 3D keypoints in mm (a pose estimator's 3D output, or markers with --lr-switch-correction on): depth added
        List<String> names = names();
        List<double[][]> flat = legs(names, 240, 1.0, 13);
        List<double[][]> clean = new ArrayList<>();
        for (int k = 0; k < flat.size(); k++) {
            double[] z = new double[240];
            for (int i = 0; i < 240; i++) {
                z[i] = 1000 + 30 * Math.sin(2 * Math.PI * 1.4 * i / FS + k);
            }
            clean.add(new double[][] {flat.get(k)[0], flat.get(k)[1], z, null});
        }
        List<double[][]> t = new ArrayList<>();
        for (double[][] k : clean) {
            t.add(new double[][] {k[0].clone(), k[1].clone(), k[2].clone(), null});
        }
        switchParts(names, t, PARTS, 90, 96);
        for (String p : PARTS) {
            double[] l = t.get(names.indexOf("L" + p))[2];
            double[] r = t.get(names.indexOf("R" + p))[2];
            for (int i = 90; i < 96; i++) {
                double v = l[i];
                l[i] = r[i];
                r[i] = v;
            }
        }
        LeftRightSwitchCorrection.Result r = new LeftRightSwitchCorrection().correct(names, t, FS);
        assertThat(r.wholeLegFrames()).isEqualTo(6);
        for (int k = 0; k < t.size(); k++) {
            assertThat(t.get(k)[2]).containsExactly(clean.get(k)[2]);
            assertThat(t.get(k)[0]).containsExactly(clean.get(k)[0]);
        }
    }
}
