package org.gaitform.accuracy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.gaitform.guidelines.MeasurementUncertainty;
import org.gaitform.model.SessionResult;
import org.gaitform.model.Side;
import org.gaitform.model.Step;
import org.gaitform.pipeline.AnalysisSettings;
import org.gaitform.pipeline.SessionPipeline;
import org.gaitform.support.SharedData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The contralateral pelvic drop gaitform measures from 3D markers (the hip line of the hip joint centres, Harrington et
 * al. 2007, from the ASIS and PSIS markers) against the pelvic list of the lab's own inverse kinematics (Hamner &amp; Delp
 * 2013: OpenSim, every marker of the body fitted to a scaled model), on gaitform's own stances and with gaitform's
 * definition (the largest drop of the opposite hip during the stance, relative to the recording's mean). The typical
 * uncertainty that the report prints beside a 3D pelvic drop ({@code pose-3d} in {@code measurement-uncertainty.csv})
 * must cover each side's difference. No reference was used to choose anything in the method.
 *
 * <p>Measured 2026-12-08 (gaitform − inverse kinematics, left / right, °): 2 m/s −2.1 / −2.1, 3 m/s −1.8 / −0.5, 4 m/s
 * −1.3 / +1.0, 5 m/s −1.2 / +1.1. On Fukuchi et al. 2017, which has no such reference, the pelvis's own marker pairs
 * disagree: the ASIS pair's peak drop reads 2.5 to 4 times the iliac-crest pair's (docs/pose-input.md).
 */
class PelvicDrop3dAccuracyTest {
    static final String HAMNER = "hamner2013-running-markers-grf";

    @ParameterizedTest(name = "Hamner {0} m/s")
    @ValueSource(ints = {2, 3, 4, 5})
    void pelvicDropAgreesWithTheLabsInverseKinematicsWithinThePrintedUncertainty(int speedMps) throws IOException {
        Path dir = SharedData.require(HAMNER);
        String trial = "Run_" + speedMps + "0002";
        Path markers = dir.resolve(trial + "_markers.csv");
        SessionResult r = new SessionPipeline(AnalysisSettings.defaults()).analyse(markers, markers.toString(), "s");
        double[][] ik = pelvisList(dir.resolve(trial + "_IK.mot"));
        double meanList = java.util.Arrays.stream(ik[1]).average().orElseThrow();
        double tolDeg = MeasurementUncertainty.of("pose-3d", "pelvic_drop_deg");
        assertThat(tolDeg).as("the pose-3d row of measurement-uncertainty.csv").isFinite();
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "3D pelvic drop, Hamner %d m/s:", speedMps));
        for (Side side : new Side[] {Side.LEFT, Side.RIGHT}) {
            List<Double> ours = new ArrayList<>();
            List<Double> lab = new ArrayList<>();
            for (Step s : r.steps()) {
                Double drop = s.extras().get("pelvic_drop_deg");
                if (s.side() != side || drop == null) {
                    continue;
                }
                // positive list: the right side down (a rotation about the forward axis in OpenSim's Y-up frame), so
                // on a right stance the left hip drops as the list falls
                double sign = side == Side.RIGHT ? -1 : 1;
                double peak = Double.NEGATIVE_INFINITY;
                for (int i = 0; i < ik[0].length; i++) {
                    if (ik[0][i] >= s.icS() && ik[0][i] <= s.toS()) {
                        peak = Math.max(peak, sign * (ik[1][i] - meanList));
                    }
                }
                if (Double.isFinite(peak)) {
                    ours.add(drop);
                    lab.add(peak);
                }
            }
            assertThat(ours).as("%s stances with a drop", side).hasSizeGreaterThanOrEqualTo(5);
            double diff = mean(ours) - mean(lab);
            line.append(String.format(Locale.ROOT, " %s %.2f° against %.2f° (%+.2f°, %d stances);",
                    side.name().toLowerCase(Locale.ROOT), mean(ours), mean(lab), diff, ours.size()));
            assertThat(Math.abs(diff)).as("%s side: gaitform − inverse kinematics (°)", side).isLessThanOrEqualTo(tolDeg);
        }
        System.out.println(line.append(" printed uncertainty ±").append(tolDeg).append('°'));
    }

    /**
     * Fukuchi et al. 2017 has no reference for the pelvis, but three marker pairs on it (ASIS, PSIS, iliac crests),
     * which on a rigid pelvis would give one obliquity. On gaitform's stances and with its definition, each pair's
     * peak drop is printed beside gaitform's value (from the hip joint centres, ASIS and PSIS): the ASIS pair reads
     * 2.5 to 4.1 times the iliac crests' (RBDS001 T25 4.5 against 1.8°, RBDS002 T25 7.4 against 2.1°, RBDS002 T45 10.6
     * against 2.6°, RBDS008 T35 10.1 against 3.2°), more than the uncertainty printed; which pair follows the bone
     * cannot be told from the files.
     */
    @ParameterizedTest(name = "Fukuchi {0}")
    @ValueSource(strings = {"RBDS001runT25", "RBDS002runT25", "RBDS002runT45", "RBDS008runT35"})
    void fukuchisPelvisMarkerPairsDisagreeBeyondThePrintedUncertainty(String trial) throws IOException {
        Path dir = SharedData.require("fukuchi2017-treadmill-markers");
        Path markers = dir.resolve(trial + "markers.txt");
        SessionResult r = new SessionPipeline(AnalysisSettings.defaults()).analyse(markers, markers.toString(), "s");
        List<String> lines = Files.readAllLines(markers);
        List<String> head = List.of(lines.get(0).split("\t"));
        List<double[]> rows = lines.subList(1, lines.size()).stream().filter(l -> !l.isBlank())
                .map(l -> java.util.Arrays.stream(l.split("\t", -1)).mapToDouble(v -> v.isBlank() ? Double.NaN
                        : Double.parseDouble(v)).toArray()).toList();
        double[] time = rows.stream().mapToDouble(v -> v[head.indexOf("Time")]).toArray();
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "pelvis marker pairs, Fukuchi %s: gaitform %.1f°",
                trial, r.metric("pelvic_drop_deg_mean")));
        double[] drops = new double[3];
        String[] pairs = {"ASIS", "PSIS", "Iliac.Crest"};
        for (int p = 0; p < pairs.length; p++) {
            // obliquity, positive with the left side higher (Y up, Z to the right)
            double[] ob = new double[rows.size()];
            for (int i = 0; i < ob.length; i++) {
                double[] v = rows.get(i);
                double dy = v[head.indexOf("L." + pairs[p] + "Y")] - v[head.indexOf("R." + pairs[p] + "Y")];
                double dz = v[head.indexOf("R." + pairs[p] + "Z")] - v[head.indexOf("L." + pairs[p] + "Z")];
                ob[i] = Math.toDegrees(Math.atan2(dy, dz));
            }
            double mean = java.util.Arrays.stream(ob).filter(Double::isFinite).average().orElseThrow();
            List<Double> peaks = new ArrayList<>();
            for (Step s : r.steps()) {
                if (s.side() != Side.LEFT && s.side() != Side.RIGHT) {
                    continue;
                }
                double sign = s.side() == Side.RIGHT ? -1 : 1;
                double peak = Double.NEGATIVE_INFINITY;
                for (int i = 0; i < time.length; i++) {
                    if (time[i] >= s.icS() && time[i] <= s.toS() && Double.isFinite(ob[i])) {
                        peak = Math.max(peak, sign * (ob[i] - mean));
                    }
                }
                if (Double.isFinite(peak)) {
                    peaks.add(peak);
                }
            }
            drops[p] = mean(peaks);
            line.append(String.format(Locale.ROOT, ", %s pair %.1f°", pairs[p], drops[p]));
        }
        System.out.println(line.append(String.format(Locale.ROOT, "; ASIS / iliac crests %.1f", drops[0] / drops[2])));
        assertThat(drops[0] / drops[2]).isBetween(2.4, 4.2);
        assertThat(drops[0] - drops[2]).isGreaterThan(MeasurementUncertainty.of("pose-3d", "pelvic_drop_deg"));
    }

    /** Time (s) and pelvis_list (°) of an OpenSim motion file. */
    static double[][] pelvisList(Path mot) throws IOException {
        List<String> lines = Files.readAllLines(mot);
        int head = lines.indexOf("endheader") + 1;
        List<String> cols = List.of(lines.get(head).trim().split("\t"));
        int t = cols.indexOf("time");
        int list = cols.indexOf("pelvis_list");
        assertThat(t).isGreaterThanOrEqualTo(0);
        assertThat(list).isGreaterThanOrEqualTo(0);
        List<String> rows = lines.subList(head + 1, lines.size()).stream().filter(l -> !l.isBlank()).toList();
        double[][] out = new double[2][rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            String[] c = rows.get(i).trim().split("\t");
            out[0][i] = Double.parseDouble(c[t]);
            out[1][i] = Double.parseDouble(c[list]);
        }
        return out;
    }

    private static double mean(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }
}
