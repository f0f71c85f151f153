package org.gaitform.kinematics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;
import org.gaitform.model.Side;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link FrontalPerspective#groundFlowUp}: synthetic feet whose heel, ankle and toe move together at a known image
 * velocity while planted (the ground flowing through the picture, as behind a treadmill) and apart in swing.
 */
class GroundFlowTest {
    private static final double RATE_HZ = 30;
    private static final double LEG_PX = 400;
    private static final int FRAMES = 150;

    /**
     * Image tracks {fwd, up, lat} of one foot's heel, ankle and toe: planted for the first 35 % of each 0.75 s stride
     * (moving together at {@code paceUp}, {@code paceLat} px/s), swinging for the rest (heel, ankle and toe moving up
     * and down at different speeds, as a foot turning).
     */
    private static void foot(Map<Landmark, double[][]> tracks, Side side, double paceUp, double paceLat, double phase,
                             Random rnd) {
        foot(tracks, side, paceUp, paceLat, phase, rnd, false);
    }

    /**
     * As above; with {@code rigidSwing} the foot does not turn in swing: its points rise and then fall together, at
     * steady speeds.
     */
    private static void foot(Map<Landmark, double[][]> tracks, Side side, double paceUp, double paceLat, double phase,
                             Random rnd, boolean rigidSwing) {
        double[][] heel = new double[3][FRAMES];
        double[][] ankle = new double[3][FRAMES];
        double[][] toe = new double[3][FRAMES];
        double[] vUp = new double[3];
        for (int i = 1; i < FRAMES; i++) {
            double p = ((i / RATE_HZ + phase) % 0.75) / 0.75;
            boolean planted = p < 0.35;
            if (planted) {
                Arrays.fill(vUp, paceUp);
            } else {
                double s = Math.sin(2 * Math.PI * (p - 0.35) / 0.65);
                if (rigidSwing) {
                    // up quickly for a third of the swing, then down at a steady speed for the rest (longer than a
                    // stance), all points together
                    Arrays.fill(vUp, (p - 0.35) / 0.65 < 1.0 / 3 ? 1200 : -600);
                } else {
                    vUp[0] = 900 * s;
                    vUp[1] = 300 * s;
                    vUp[2] = -300 * s;
                }
            }
            double[][][] pts = {heel, ankle, toe};
            for (int k = 0; k < 3; k++) {
                pts[k][1][i] = pts[k][1][i - 1] + vUp[k] / RATE_HZ + rnd.nextGaussian() * 0.5;
                pts[k][2][i] = pts[k][2][i - 1] + (planted ? paceLat : 0) / RATE_HZ + rnd.nextGaussian() * 0.5;
            }
        }
        for (double[][] t : new double[][][] {heel, ankle, toe}) {
            Arrays.fill(t[0], Double.NaN);
        }
        tracks.put(Landmark.of("HEEL", side), heel);
        tracks.put(Landmark.of("ANKLE", side), ankle);
        tracks.put(Landmark.of("TOE", side), toe);
    }

    private static double flow(double paceUp, long seed) {
        Random rnd = new Random(seed);
        Map<Landmark, double[][]> tracks = new EnumMap<>(Landmark.class);
        foot(tracks, Side.LEFT, paceUp, 60, 0, rnd);
        foot(tracks, Side.RIGHT, paceUp, -60, 0.375, rnd);
        double[] scale = new double[FRAMES];
        Arrays.fill(scale, 1);
        return FrontalPerspective.groundFlowUp(tracks, scale, 1, RATE_HZ, LEG_PX);
    }

    @ParameterizedTest(name = "ground flowing at {0} px/s")
    @ValueSource(doubles = {-600, -450, 450})
    void findsTheVelocityAtWhichTheFootsPointsMoveTogether(double paceUp) {
        for (long seed = 1; seed <= 5; seed++) {
            assertThat(flow(paceUp, seed)).as("vertical flow, seed %d", seed).isCloseTo(paceUp, within(10.0));
        }
    }

    @ParameterizedTest(name = "planted foot moving {0} px/s in the picture")
    @ValueSource(doubles = {0, 100})
    void noFlowWhenAPlantedFootHardlyMoves(double paceUp) {
        // below 0.4 leg lengths per second (160 px/s here) a planted foot counts as standing still: the fixed-camera
        // rules apply
        for (long seed = 1; seed <= 5; seed++) {
            assertThat(flow(paceUp, seed)).as("seed %d", seed).isNaN();
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void aFootThatDoesNotTurnInSwingIsNotTakenForTheGround(long seed) {
        // an orthographic rear view (the simulator's): the planted foot stands still and the swinging foot's points
        // rise and fall together, at steady speeds for longer than a stance; the flow is looked for low in the picture,
        // where the foot stands
        Random rnd = new Random(seed);
        Map<Landmark, double[][]> tracks = new EnumMap<>(Landmark.class);
        foot(tracks, Side.LEFT, 0, 0, 0, rnd, true);
        foot(tracks, Side.RIGHT, 0, 0, 0.375, rnd, true);
        double[] scale = new double[FRAMES];
        Arrays.fill(scale, 1);
        assertThat(FrontalPerspective.groundFlowUp(tracks, scale, 1, RATE_HZ, LEG_PX)).isNaN();
    }
}
