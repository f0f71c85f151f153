package org.gaitform.kinematics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.gaitform.model.Keypoint;
import org.gaitform.model.PoseRecording;
import org.gaitform.simulate.FootImuSimulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Known answers: a thigh cluster of four markers and the lateral knee marker, placed together on a standing trial, then
 * moved as one rigid body through random rotations and translations in a movement trial that lost the knee marker; the
 * rebuilt knee is where the same motion carries it.
 */
class Cappozzo1995CastTest {
    static final double[][] CLUSTER = {{30, 420, -120}, {60, 300, -125}, {-20, 410, -110}, {10, 290, -118}};
    static final String[] NAMES = {"L.Thigh.Top.Lateral", "L.Thigh.Bottom.Lateral", "L.Thigh.Top.Medial",
        "L.Thigh.Bottom.Medial"};
    static final double[] KNEE = {15, 80, -130};

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void aMarkerOfTheStandingTrialIsCarriedByItsClusterThroughTheMovement(long seed) {
        Random rnd = new Random(seed);
        int n = 200;
        double[][][] moved = new double[NAMES.length + 1][3][n];
        for (int f = 0; f < n; f++) {
            double[][] r = FootImuSimulator.randomRotation(rnd);
            double[] t = {rnd.nextGaussian() * 300, 900 + rnd.nextGaussian() * 50, rnd.nextGaussian() * 100};
            for (int k = 0; k <= NAMES.length; k++) {
                double[] p = apply(r, t, k < NAMES.length ? CLUSTER[k] : KNEE);
                for (int d = 0; d < 3; d++) {
                    moved[k][d][f] = p[d];
                }
            }
        }
        List<Keypoint> movement = new ArrayList<>();
        for (int k = 0; k < NAMES.length; k++) {
            movement.add(new Keypoint(NAMES[k], moved[k][0], moved[k][1], moved[k][2], null));
        }
        double[] missing = new double[n];
        Arrays.fill(missing, Double.NaN);
        movement.add(new Keypoint("L.Knee", missing, missing, missing, null));
        Optional<Cappozzo1995Cast.Result> out = Cappozzo1995Cast.rebuild(standing(), recording(movement, n));
        assertThat(out).isPresent();
        assertThat(out.get().rebuilt()).singleElement().asString().startsWith("L.Knee from 4 thigh markers");
        Keypoint knee = out.get().recording().keypoints().stream().filter(k -> k.name().equals("L.Knee")).findFirst()
                .orElseThrow();
        assertThat(out.get().recording().keypoints()).filteredOn(k -> k.name().equals("L.Knee")).hasSize(1);
        for (int f = 0; f < n; f++) {
            assertThat(knee.x()[f]).isCloseTo(moved[NAMES.length][0][f], within(0.01));
            assertThat(knee.y()[f]).isCloseTo(moved[NAMES.length][1][f], within(0.01));
            assertThat(knee.z()[f]).isCloseTo(moved[NAMES.length][2][f], within(0.01));
        }
    }

    @Test
    void nothingIsRebuiltWhenTheMovementHasTheMarkerOrTheClusterIsTooSmall() {
        int n = 50;
        List<Keypoint> withKnee = new ArrayList<>();
        for (int k = 0; k < NAMES.length; k++) {
            withKnee.add(still(NAMES[k], CLUSTER[k], n));
        }
        withKnee.add(still("L.Knee", KNEE, n));
        assertThat(Cappozzo1995Cast.rebuild(standing(), recording(withKnee, n))).isEmpty();
        List<Keypoint> twoMarkers = new ArrayList<>(withKnee.subList(0, 2));
        twoMarkers.add(still("L.Heel", KNEE, n));
        assertThat(Cappozzo1995Cast.rebuild(standing(), recording(twoMarkers, n))).isEmpty();
        assertThat(Cappozzo1995Cast.rebuild(null, recording(withKnee, n))).isEmpty();
    }

    private static PoseRecording standing() {
        List<Keypoint> ks = new ArrayList<>();
        for (int k = 0; k < NAMES.length; k++) {
            ks.add(still(NAMES[k], CLUSTER[k], 20));
        }
        ks.add(still("L.Knee", KNEE, 20));
        return recording(ks, 20);
    }

    private static Keypoint still(String name, double[] p, int n) {
        double[][] c = new double[3][n];
        for (int d = 0; d < 3; d++) {
            Arrays.fill(c[d], p[d]);
        }
        return new Keypoint(name, c[0], c[1], c[2], null);
    }

    private static PoseRecording recording(List<Keypoint> ks, int n) {
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = i / 100.0;
        }
        return new PoseRecording("test", "marker-text", t, 100, "mm", false, ks, List.of(), List.of());
    }

    private static double[] apply(double[][] r, double[] t, double[] p) {
        double[] o = new double[3];
        for (int i = 0; i < 3; i++) {
            o[i] = r[i][0] * p[0] + r[i][1] * p[1] + r[i][2] * p[2] + t[i];
        }
        return o;
    }
}
