package org.gaitform.kinematics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.gaitform.guidelines.GuidelineTable;
import org.gaitform.model.SessionResult;
import org.gaitform.model.Side;
import org.gaitform.model.Step;
import org.gaitform.pipeline.AnalysisSettings;
import org.gaitform.pipeline.SessionPipeline;
import org.gaitform.support.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A marker cluster moved as a rigid body ({@link Soderkvist1993ClusterFit}): known answers on a cluster carried by
 * random rotations and translations, broken frames left out, and the real Running Injury Clinic trial whose right
 * foot cluster is tracked wrong around many landings.
 */
class Soderkvist1993ClusterFitTest {

    private static double[][] rotation(Random rnd) {
        double[] q = {rnd.nextGaussian(), rnd.nextGaussian(), rnd.nextGaussian(), rnd.nextGaussian()};
        double n = Math.sqrt(q[0] * q[0] + q[1] * q[1] + q[2] * q[2] + q[3] * q[3]);
        double w = q[0] / n;
        double x = q[1] / n;
        double y = q[2] / n;
        double z = q[3] / n;
        return new double[][] {{1 - 2 * (y * y + z * z), 2 * (x * y - z * w), 2 * (x * z + y * w)},
            {2 * (x * y + z * w), 1 - 2 * (x * x + z * z), 2 * (y * z - x * w)},
            {2 * (x * z - y * w), 2 * (y * z + x * w), 1 - 2 * (x * x + y * y)}};
    }

    /**
     * A four-marker cluster (a foot plate, 20-55 mm between markers) carried through 400 random poses with 0.1 mm of
     * noise per coordinate; in frame 100 one marker is 20 mm off, in frame 200 two markers are swapped, in frame 300
     * only two markers are seen. The fitted markers lie closer to where the body carries them than the markers
     * themselves (RMS), the broken frames are left out, and the frame with two markers is left as it is.
     */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void aRigidClusterIsPlacedAndBrokenFramesAreLeftOut(long seed) {
        Random rnd = new Random(seed);
        double[][] shape = {{0, 0, 0}, {34, 5, 0}, {10, 44, 3}, {-6, 18, 12}};
        int n = 400;
        Map<String, double[][]> markers = new LinkedHashMap<>();
        double[][][] truth = new double[4][3][n];
        for (int k = 0; k < 4; k++) {
            markers.put("R_foot_" + (k + 1), new double[3][n]);
        }
        for (int f = 0; f < n; f++) {
            double[][] r = rotation(rnd);
            double[] t = {1000 * rnd.nextDouble(), 300 * rnd.nextDouble(), 2000 * rnd.nextDouble()};
            for (int k = 0; k < 4; k++) {
                for (int d = 0; d < 3; d++) {
                    double v = t[d];
                    for (int e = 0; e < 3; e++) {
                        v += r[d][e] * shape[k][e];
                    }
                    truth[k][d][f] = v;
                    markers.get("R_foot_" + (k + 1))[d][f] = v + 0.1 * rnd.nextGaussian();
                }
            }
        }
        markers.get("R_foot_3")[1][100] += 20;
        for (int d = 0; d < 3; d++) {
            double a = markers.get("R_foot_1")[d][200];
            markers.get("R_foot_1")[d][200] = markers.get("R_foot_2")[d][200];
            markers.get("R_foot_2")[d][200] = a;
            markers.get("R_foot_3")[d][300] = Double.NaN;
            markers.get("R_foot_4")[d][300] = Double.NaN;
        }
        Soderkvist1993ClusterFit.Fit fit = Soderkvist1993ClusterFit.fit(markers);
        assertThat(fit).isNotNull();
        assertThat(fit.fittedFrames()).isEqualTo(n - 1);
        assertThat(fit.brokenFrames()).isEqualTo(2);
        assertThat(fit.medianResidual()).isBetween(0.05, 0.2);
        double worst = 0;
        double ss = 0;
        int count = 0;
        for (int f = 0; f < n; f++) {
            for (int k = 0; k < 4; k++) {
                double[][] m = fit.markers().get("R_foot_" + (k + 1));
                if (f == 100 || f == 200) {
                    assertThat(m[0][f]).as("broken frame %d", f).isNaN();
                } else if (f == 300) {
                    assertThat(m[1][f]).isEqualTo(markers.get("R_foot_" + (k + 1))[1][f], within(0.0));
                } else {
                    for (int d = 0; d < 3; d++) {
                        worst = Math.max(worst, Math.abs(m[d][f] - truth[k][d][f]));
                        ss += (m[d][f] - truth[k][d][f]) * (m[d][f] - truth[k][d][f]);
                        count++;
                    }
                }
            }
        }
        // the reference shape is one noisy frame, so the fit cannot beat the noise by much; it must not add to it
        assertThat(worst).as("largest error of a fitted coordinate (mm)").isLessThan(0.5);
        assertThat(Math.sqrt(ss / count)).as("RMS error of the fitted coordinates (mm; the markers' own: 0.1)")
                .isLessThan(0.1);
    }

    @Test
    void fewerThanThreeMarkersOrNoFrameShowingThemAllIsNotFitted() {
        double[][] a = {{0, 1}, {0, 1}, {0, 1}};
        double[][] b = {{5, 6}, {0, 1}, {0, 1}};
        assertThat(Soderkvist1993ClusterFit.fit(Map.of("a", a, "b", b))).isNull();
        double[][] c = {{Double.NaN, Double.NaN}, {0, 0}, {0, 0}};
        Map<String, double[][]> three = new LinkedHashMap<>();
        three.put("a", a);
        three.put("b", b);
        three.put("c", c);
        assertThat(Soderkvist1993ClusterFit.fit(three)).isNull();
    }

    /**
     * The Running Injury Clinic's sample trial (no reference; 200 Hz, foot clusters of four markers, no heel or toe
     * marker). Its right foot cluster is tracked wrong in stretches of 7-42 frames around many landings (the whole
     * cluster moves by up to 37 cm within 40 ms); before the fit, three right contacts came out 69-90 ms long at 184
     * steps/min, which no runner does, and the right contacts' times spread by 43 ms (SD) against the left's 7 ms.
     * Now those frames are left out: no contact under 110 ms, the right contacts' SD within 30 ms, the left foot's
     * contacts as before (its cluster tracked well).
     */
    @Test
    void theRunningInjuryClinicTrialLosesItsImpossibleContacts() {
        Path trial = SharedData.require("ric-treadmill-markers").resolve("20140515T133244_run_markers.csv");
        SessionResult r = new SessionPipeline(AnalysisSettings.defaults()).analyse(trial, "ric", "ric");
        List<Step> steps = r.steps();
        double[] sd = new double[2];
        for (Side s : new Side[] {Side.LEFT, Side.RIGHT}) {
            double[] c = steps.stream().filter(x -> x.side() == s && Double.isFinite(x.contactMs()))
                    .mapToDouble(Step::contactMs).toArray();
            double mean = java.util.Arrays.stream(c).average().orElseThrow();
            double var = java.util.Arrays.stream(c).map(v -> (v - mean) * (v - mean)).sum() / c.length;
            sd[s == Side.LEFT ? 0 : 1] = Math.sqrt(var);
            System.out.printf(Locale.ROOT, "RIC %s: %d contacts, %.1f ms mean, %.1f ms SD, shortest %.1f ms%n", s,
                    c.length, mean, Math.sqrt(var), java.util.Arrays.stream(c).min().orElseThrow());
        }
        System.out.println("RIC landmarks: " + r.decisions().stream().filter(d -> d.key().equals("landmarks"))
                .map(d -> d.reason()).toList());
        assertThat(steps).allSatisfy(s -> assertThat(s.contactMs()).as("contact at %.3f s", s.icS())
                .satisfiesAnyOf(v -> assertThat(v).isNaN(), v -> assertThat(v).isGreaterThan(110.0)));
        assertThat(sd[1]).as("right contacts' SD (ms)").isLessThan(30);
        assertThat(sd[0]).as("left contacts' SD (ms)").isLessThan(10);
        assertThat(r.metric("cadence_spm")).isCloseTo(184.2, within(1.0));
        assertThat(r.decisions()).anyMatch(d -> d.key().equals("landmarks") && d.reason().contains("left out as broken"));
    }
}
