package org.gaitform.accuracy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gaitform.signal.Stats;
import org.gaitform.signal.ZeroPhaseButterworth;
import org.gaitform.support.SharedData;
import org.junit.jupiter.api.Test;

/**
 * Kinematic toe-off landmarks measured against the force plate's toe-off on the recordings the toe-off rule is tuned
 * on (docs/tuning-split.csv: Hamner &amp; Delp 2013 subject 1 at 2–5 m/s, Fukuchi et al. 2017 RBDS001 T25 and RBDS002
 * T25; the held-out RBDS008 T35 and RBDS002 T45 are not read here). The clearance crossing of the last forefoot
 * marker left Hamner's 2 m/s trial 13.5 ms late (issue 13); this test prints the candidates tried to close that gap,
 * and its assertions keep the reasons for rejecting them true. The rolling foot's centre of rotation ({@code pivot}
 * columns, fourth pass) was also built into FootClearanceEvents and measured by MarkerEventAccuracyTest (commit
 * 11b90b6): every tuning trial within 10 ms at a level in a narrow band, but both held-out Fukuchi trials worse than
 * with the clearance rule, so it was not adopted (docs/pose-input.md). Rejected:
 *
 * <ul>
 *   <li>Peak knee extension in late stance, the best kinematic toe-off predictor of Fellin, Rose, Royer &amp; Davis
 *       2010 (J Sci Med Sport 13:646–650; 3.35 m/s, 4.9 ms overground and 5.2 ms treadmill mean absolute error).
 *       Neither marker set has knee markers while running, so the knee angle is the sagittal angle between a
 *       thigh-cluster and a shank-cluster axis (knee flexion plus a constant). Hamner's recordings also carry
 *       OpenSim's inverse-kinematics knee angle (a peer pipeline's model, not truth), printed beside it.</li>
 *   <li>The toe's forward speed relative to the belt, and its vertical speed and height, at the force plate's
 *       toe-off: a rule of the form "the toe stops following the belt" or "the toe rises faster than v" needs
 *       these to be nearly the same at every speed.</li>
 *   <li>How fast the force falls at the end of contact (Hamner: per-foot force): the reference's 50 N toe-off
 *       lies earlier in the toe's lift when the force falls slowly.</li>
 *   <li>Fourth pass: the toe furthest behind the pelvis (Zeni, Richards &amp; Higginson 2008, Gait Posture
 *       27:710–714, a walking rule), the foot centre's peak upward speed (O'Connor et al. 2007, Gait Posture
 *       25:469–474), the forefoot's 3D departure from the path it would follow on the belt, its sagittal speed
 *       relative to the belt as a fraction of the belt speed (Ghoussayni et al. 2004, Gait Posture 20:266–272, with
 *       a speed-scaled threshold) and a stance-length model (two trials of nearly the same contact time whose
 *       clearance toe-offs differ by more than 10 ms).</li>
 * </ul>
 */
class ToeOffCandidatesTest {
    static final String FUKUCHI = MarkerEventAccuracyTest.FUKUCHI;
    static final String HAMNER = MarkerEventAccuracyTest.HAMNER;
    /** Trajectories are smoothed as gaitform smooths markers (BodyFrame: 4th order, 15 Hz, zero phase). */
    static final double CUTOFF_HZ = 15;
    /** Peak knee extension is looked for from mid-stance to this long after the plate's toe-off (s). */
    static final double AFTER_TO_S = 0.06;
    /** Event windows of the fourth pass: from mid-stance to this long after the plate's toe-off (s). */
    static final double SEARCH_AFTER_TO_S = 0.15;
    /** About gaitform's clearance (1.7 % of leg length, 15.3 mm for a 0.9 m leg), as a fixed level (m). */
    static final double CLEARANCE_M = 0.015;
    /** Levels of the rolling foot's centre of rotation, in heel-to-forefoot-marker lengths from the marker. */
    static final double[] PIVOT_FOOT_LENGTHS = {0.50, 0.525, 0.55};
    /** Standard gravity (m/s²). */
    static final double G = 9.80665;

    /** Marker trajectories (metres, X forward, Y up, Z right), smoothed. */
    record Markers(double[] timeS, double rateHz, Map<String, double[][]> xyz) {
        double[][] get(String name) {
            double[][] p = xyz.get(name);
            if (p == null) {
                throw new IllegalArgumentException("no marker " + name + " (have " + xyz.keySet() + ")");
            }
            return p;
        }
    }

    record Contact(char foot, double icS, double toS) {
    }

    record Trial(String dataset, String name, double speedMps) {
    }

    /** Per trial, per contact: event time minus the plate's toe-off (ms) and values at the plate's toe-off. */
    record Row(Trial trial, int contacts, double[] kneeClusterMs, double[] kneeIkMs, double[] toeHeightMm,
               double[] toeUpMps, double[] toeRelBeltFraction, double beltMps, double unload200to50Ms,
               double unload50to0Ms, double[] clear10Ms, double[] clear12Ms, double[] pelvisFreeFallMs,
               double[] clear15Ms, double[] zeniMs, double[] footVelocityMs, double[] beltPathMs, double contactMs,
               double[] speed30Ms, double[] speed35Ms, double[][] pivotMs) {
    }

    static final List<Trial> TRIALS = List.of(new Trial(HAMNER, "Run_20002", 2), new Trial(HAMNER, "Run_30002", 3),
            new Trial(HAMNER, "Run_40002", 4), new Trial(HAMNER, "Run_50002", 5),
            new Trial(FUKUCHI, "RBDS001runT25", 2.5), new Trial(FUKUCHI, "RBDS002runT25", 2.5));

    @Test
    void kinematicToeOffLandmarksAgainstTheForcePlate() throws IOException {
        SharedData.require(HAMNER);
        SharedData.require(FUKUCHI);
        Map<String, Row> rows = new LinkedHashMap<>();
        for (Trial t : TRIALS) {
            rows.put(t.name(), evaluate(t));
        }
        StringBuilder sb = new StringBuilder("\nToe-off candidates against the force plate's toe-off (tuning recordings "
                + "of the toe-off rule; ms: candidate - plate, mean / mean |.|)\n");
        sb.append(String.format(Locale.ROOT, "%-14s %4s %4s %17s %17s %15s %15s %13s %10s %8s %8s %7s %19s%n", "trial", "m/s",
                "n", "knee ext clusters", "knee ext IK", "toe at 10 mm", "toe at 12 mm", "toe h@TO mm", "toe up m/s",
                "rel belt", "200>50N", "50N>0", "pelvis -g"));
        for (Row r : rows.values()) {
            sb.append(String.format(Locale.ROOT,
                    "%-14s %4.1f %4d %8.1f / %5.1f %8s / %5s %7.1f / %5.1f %7.1f / %5.1f %6.1f ± %4.1f %10.2f %8.2f %8s %7s %5.1f / %4.1f ± %4.1f%n",
                    r.trial().name(), r.trial().speedMps(), r.contacts(), mean(r.kneeClusterMs()),
                    meanAbs(r.kneeClusterMs()), fmt(mean(r.kneeIkMs())), fmt(meanAbs(r.kneeIkMs())),
                    mean(r.clear10Ms()), meanAbs(r.clear10Ms()), mean(r.clear12Ms()), meanAbs(r.clear12Ms()),
                    mean(r.toeHeightMm()), sd(r.toeHeightMm()), mean(r.toeUpMps()), mean(r.toeRelBeltFraction()),
                    fmt(r.unload200to50Ms()), fmt(r.unload50to0Ms()), mean(r.pelvisFreeFallMs()),
                    meanAbs(r.pelvisFreeFallMs()), sd(r.pelvisFreeFallMs())));
        }
        sb.append("pelvis -g: the pelvis markers' mean vertical acceleration falling through -g (free fall) nearest the "
                + "plate's toe-off, mean / mean |.| ± SD;\n");
        sb.append("toe at 10/12 mm: where the last forefoot marker rises through a fixed clearance (gaitform uses 1.7 % of "
                + "leg length, about 15 mm);\n");
        sb.append("rel belt: the toe's forward speed relative to the belt at the plate's toe-off, as a fraction of the "
                + "belt speed; 50N>0: until the force reaches the source's own zero (28 N cut at 2 m/s, 10 N otherwise)\n");
        System.out.print(sb);
        StringBuilder more = new StringBuilder("\nFourth pass (ms: candidate - plate, mean / mean |.|)\n");
        more.append(String.format(Locale.ROOT, "%-14s %4s %9s %15s %17s %17s %17s %17s %17s%n", "trial", "m/s",
                "contact", "toe at 15 mm", "Zeni 2008", "O'Connor 2007", "belt path 15 mm", "speed 0.30 belt",
                "speed 0.35 belt"));
        for (Row r : rows.values()) {
            more.append(String.format(Locale.ROOT,
                    "%-14s %4.1f %9.1f %7.1f / %5.1f %8.1f / %6.1f %8.1f / %6.1f %8.1f / %6.1f %8.1f / %6.1f %8.1f / %6.1f%n",
                    r.trial().name(), r.trial().speedMps(), r.contactMs(), mean(r.clear15Ms()), meanAbs(r.clear15Ms()),
                    mean(r.zeniMs()), meanAbs(r.zeniMs()), mean(r.footVelocityMs()), meanAbs(r.footVelocityMs()),
                    mean(r.beltPathMs()), meanAbs(r.beltPathMs()), mean(r.speed30Ms()), meanAbs(r.speed30Ms()),
                    mean(r.speed35Ms()), meanAbs(r.speed35Ms())));
        }
        more.append("contact: the plate's mean contact time; Zeni 2008: the last forefoot marker furthest behind the "
                + "pelvis markers' mean;\nO'Connor 2007: peak upward speed of the foot centre (mean of heel and "
                + "forefoot markers); belt path: the last forefoot marker's 3D distance from\nits mid-stance position "
                + "carried back at the belt speed rising through 15 mm;\nspeed k belt: the last forefoot marker's sagittal "
                + "speed relative to the belt (Ghoussayni et al. 2004) rising through k times the belt speed\n");
        more.append(String.format(Locale.ROOT, "%-14s %4s %17s %17s %17s%n", "trial", "m/s", "pivot 0.50 foot",
                "pivot 0.525 foot", "pivot 0.55 foot"));
        for (Row r : rows.values()) {
            more.append(String.format(Locale.ROOT, "%-14s %4.1f %8.1f / %6.1f %8.1f / %6.1f %8.1f / %6.1f%n",
                    r.trial().name(), r.trial().speedMps(), mean(r.pivotMs()[0]), meanAbs(r.pivotMs()[0]),
                    mean(r.pivotMs()[1]), meanAbs(r.pivotMs()[1]), mean(r.pivotMs()[2]), meanAbs(r.pivotMs()[2])));
        }
        more.append("pivot k foot: the forefoot marker's distance from the foot's instantaneous centre of rotation "
                + "relative to the belt (|u| / |pitch rate|, sagittal)\nrising through k heel-to-marker lengths after its "
                + "minimum in the 100 ms before the 15 mm clearance's toe-off; the last forefoot marker\n");
        System.out.print(more);

        // Fellin et al. 2010's landmark holds at the speeds they tested (3.35 m/s) and above …
        for (String t : List.of("Run_30002", "Run_40002", "Run_50002")) {
            assertThat(meanAbs(rows.get(t).kneeClusterMs())).as(t + " knee extension |TO| ms").isLessThanOrEqualTo(10);
        }
        // … but at 2 m/s the knee is already flexing again well before toe-off, in the clusters and in OpenSim's model
        assertThat(mean(rows.get("Run_20002").kneeClusterMs())).as("2 m/s knee extension, clusters").isLessThan(-20);
        assertThat(mean(rows.get("Run_20002").kneeIkMs())).as("2 m/s knee extension, IK").isLessThan(-20);
        // and on the forefoot striker at 2.5 m/s it is late: worse than the clearance rule's 4.8 ms there
        assertThat(meanAbs(rows.get("RBDS001runT25").kneeClusterMs())).as("RBDS001 knee extension |TO| ms")
                .isGreaterThan(8);
        // the toe's height at toe-off doubles from 2 to 5 m/s: no single clearance fits both
        assertThat(mean(rows.get("Run_20002").toeHeightMm())).as("toe height at TO, 2 m/s").isLessThan(13);
        assertThat(mean(rows.get("Run_50002").toeHeightMm())).as("toe height at TO, 5 m/s").isGreaterThan(19);
        // its vertical speed at toe-off grows with running speed (a speed threshold is a height threshold in disguise)
        assertThat(mean(rows.get("Run_50002").toeUpMps())).isGreaterThan(3 * mean(rows.get("Run_20002").toeUpMps()));
        // and its speed relative to the belt is no fixed fraction of the belt speed
        double[] fr = rows.values().stream().mapToDouble(r -> mean(r.toeRelBeltFraction())).toArray();
        assertThat(Arrays.stream(fr).max().orElseThrow() - Arrays.stream(fr).min().orElseThrow())
                .as("spread of the toe's belt-relative speed fraction at TO").isGreaterThan(0.1);
        // a fixed lower clearance that would fit 2 m/s makes the metatarsal-marker midfoot trial early
        assertThat(meanAbs(rows.get("Run_20002").clear12Ms())).as("2 m/s, 12 mm clearance").isLessThan(10);
        assertThat(mean(rows.get("RBDS002runT25").clear12Ms())).as("RBDS002 T25, 12 mm clearance").isLessThan(-8);
        assertThat(mean(rows.get("RBDS002runT25").clear10Ms())).as("RBDS002 T25, 10 mm clearance").isLessThan(-12);
        // the pelvis's free fall is too scattered per contact to time toe-off (and late at 4-5 m/s)
        for (String t : List.of("Run_20002", "Run_30002", "Run_40002", "Run_50002")) {
            assertThat(sd(rows.get(t).pelvisFreeFallMs())).as(t + " pelvis free-fall SD ms").isGreaterThan(10);
        }
        // Zeni et al. 2008's walking rule: on a treadmill the toe is furthest behind the pelvis when it has stopped
        // moving backwards with the belt, long after it left it
        for (Row r : rows.values()) {
            assertThat(mean(r.zeniMs())).as(r.trial().name() + " Zeni toe-off bias ms").isGreaterThan(50);
        }
        // O'Connor et al. 2007's foot-velocity rule: the foot centre rises fastest well after toe-off in running
        for (String t : List.of("Run_20002", "Run_30002", "Run_40002", "Run_50002", "RBDS001runT25")) {
            assertThat(mean(rows.get(t).footVelocityMs())).as(t + " foot-velocity toe-off bias ms").isGreaterThan(25);
        }
        // leaving the belt-moving stance path: the forefoot rolls forward relative to the belt long before it leaves
        for (String t : List.of("Run_20002", "RBDS001runT25", "RBDS002runT25")) {
            assertThat(mean(rows.get(t).beltPathMs())).as(t + " belt-path toe-off bias ms").isLessThan(-15);
        }
        // the forefoot's speed relative to the belt, scaled to the belt speed: the fraction that fits Hamner's toe marker
        // leaves Fukuchi's metatarsal markers early, the one that fits those leaves 2 m/s late
        for (String t : List.of("RBDS001runT25", "RBDS002runT25")) {
            assertThat(mean(rows.get(t).speed30Ms())).as(t + " speed 0.30 belt bias ms").isLessThan(-10);
        }
        assertThat(mean(rows.get("Run_20002").speed35Ms())).as("2 m/s speed 0.35 belt bias ms").isGreaterThan(10);
        // a stance-length model: Hamner 2 m/s and RBDS002 T25 stand within 4 % in contact time, yet the clearance's
        // toe-off is late on one and on time on the other
        double gct2 = rows.get("Run_20002").contactMs();
        double gctMid = rows.get("RBDS002runT25").contactMs();
        assertThat(Math.abs(gct2 - gctMid) / gct2).as("relative contact-time difference").isLessThan(0.04);
        assertThat(mean(rows.get("Run_20002").clear15Ms()) - mean(rows.get("RBDS002runT25").clear15Ms()))
                .as("difference of the clearance's toe-off bias, ms").isGreaterThan(10);
        // the force falls about twice as slowly at 2 m/s as at 5 m/s
        assertThat(rows.get("Run_20002").unload200to50Ms()).isGreaterThan(1.5 * rows.get("Run_50002").unload200to50Ms());
        // the rolling foot's centre of rotation: no level keeps every tuning trial within 10 ms here but one in a narrow
        // band (0.50 leaves the midfoot trial early, 0.55 the 2 m/s trial late)
        assertThat(meanAbs(rows.get("RBDS002runT25").pivotMs()[0])).as("RBDS002 T25, pivot 0.50").isGreaterThan(10);
        assertThat(meanAbs(rows.get("Run_20002").pivotMs()[2])).as("2 m/s, pivot 0.55").isGreaterThan(10);
    }

    static Row evaluate(Trial t) throws IOException {
        Path dir = SharedData.require(t.dataset());
        boolean hamner = t.dataset().equals(HAMNER);
        Markers m = hamner ? readHamner(dir.resolve(t.name() + "_markers.csv"))
                : readFukuchi(dir.resolve(t.name() + "markers.txt"));
        List<Contact> contacts = contacts(dir.resolve(t.name() + "_contacts_from_vgrf.csv"));
        double fs = m.rateHz();
        Map<Character, double[]> knee = new LinkedHashMap<>();
        Map<Character, double[][]> heel = new LinkedHashMap<>();
        Map<Character, List<double[][]>> toes = new LinkedHashMap<>();
        for (char s : new char[] {'R', 'L'}) {
            List<double[][]> thigh = new ArrayList<>();
            List<double[][]> shank = new ArrayList<>();
            if (hamner) {
                for (int k = 1; k <= 3; k++) {
                    thigh.add(m.get(s + "TH" + k));
                    shank.add(m.get(s + "TB" + k));
                }
                heel.put(s, m.get(s + "CAL"));
                toes.put(s, List.<double[][]>of(m.get(s + "TOE")));
            } else {
                for (String v : new String[] {"Top", "Bottom"}) {
                    for (String h : new String[] {"Lateral", "Medial"}) {
                        thigh.add(m.get(s + ".Thigh." + v + "." + h));
                        shank.add(m.get(s + ".Shank." + v + "." + h));
                    }
                }
                heel.put(s, m.get(s + ".Heel.Bottom"));
                toes.put(s, List.<double[][]>of(m.get(s + ".MT1"), m.get(s + ".MT5")));
            }
            double[] th = segmentLeanDeg(thigh);
            double[] sh = segmentLeanDeg(shank);
            double[] ext = new double[th.length];
            for (int i = 0; i < ext.length; i++) {
                ext[i] = th[i] - sh[i]; // knee extension plus a constant: thigh lean minus shank lean
            }
            knee.put(s, ext);
        }
        // belt speed: the heel's median backward speed between a third and a half of each plate contact
        List<Double> back = new ArrayList<>();
        for (Contact c : contacts) {
            double[] vx = derivative(heel.get(c.foot())[0], fs);
            double d = c.toS() - c.icS();
            for (int i = frame(m, c.icS() + d / 3); i <= frame(m, c.icS() + d / 2); i++) {
                back.add(-vx[i]);
            }
        }
        double belt = Stats.median(back.stream().mapToDouble(Double::doubleValue).toArray());
        Map<Character, double[]> ik = hamner ? ikKnee(dir.resolve(t.name() + "_IK.mot"), m.timeS()) : Map.of();
        List<Double> kneeCl = new ArrayList<>();
        List<Double> kneeIk = new ArrayList<>();
        List<Double> toeH = new ArrayList<>();
        List<Double> toeUp = new ArrayList<>();
        List<Double> toeRel = new ArrayList<>();
        List<Double> clear10 = new ArrayList<>();
        List<Double> clear12 = new ArrayList<>();
        Map<Character, double[]> last = new LinkedHashMap<>();
        for (char s : new char[] {'R', 'L'}) {
            double[] low = null;
            for (double[][] p : toes.get(s)) {
                double[] h = relHeight(p[1]);
                if (low == null) {
                    low = h;
                } else {
                    for (int i = 0; i < h.length; i++) {
                        low[i] = Math.min(low[i], h[i]);
                    }
                }
            }
            last.put(s, low);
        }
        for (Contact c : contacts) {
            int mid = frame(m, (c.icS() + c.toS()) / 2);
            clear10.add(1000 * (risesThrough(last.get(c.foot()), m.timeS(), mid, 0.010) - c.toS()));
            clear12.add(1000 * (risesThrough(last.get(c.foot()), m.timeS(), mid, 0.012) - c.toS()));
            int from = frame(m, (c.icS() + c.toS()) / 2);
            int to = Math.min(m.timeS().length - 1, frame(m, c.toS() + AFTER_TO_S));
            kneeCl.add(1000 * (peakTime(knee.get(c.foot()), m.timeS(), from, to) - c.toS()));
            if (!ik.isEmpty()) {
                kneeIk.add(1000 * (peakTime(ik.get(c.foot()), m.timeS(), from, to) - c.toS()));
            }
            // the forefoot point that is lowest at the plate's toe-off (the last to leave)
            double best = Double.POSITIVE_INFINITY;
            double[][] toe = null;
            double[] toeHeight = null;
            for (double[][] p : toes.get(c.foot())) {
                double[] h = relHeight(p[1]);
                double at = at(h, m.timeS(), c.toS());
                if (at < best) {
                    best = at;
                    toe = p;
                    toeHeight = h;
                }
            }
            toeH.add(1000 * at(toeHeight, m.timeS(), c.toS()));
            toeUp.add(at(derivative(toe[1], fs), m.timeS(), c.toS()));
            toeRel.add((at(derivative(toe[0], fs), m.timeS(), c.toS()) + belt) / belt);
        }
        double[] pelvisUp = new double[m.timeS().length];
        String[] pelvis = hamner ? new String[] {"LASI", "RASI", "LPSI", "RPSI"}
                : new String[] {"L.ASIS", "R.ASIS", "L.PSIS", "R.PSIS"};
        for (String p : pelvis) {
            double[] y = m.get(p)[1];
            for (int i = 0; i < y.length; i++) {
                pelvisUp[i] += y[i] / pelvis.length;
            }
        }
        double[] pelvisAcc = derivative(derivative(pelvisUp, fs), fs);
        List<Double> freeFall = new ArrayList<>();
        for (Contact c : contacts) {
            freeFall.add(1000 * (fallsThrough(pelvisAcc, m.timeS(), c.toS(), 0.06, -G) - c.toS()));
        }
        double[] unload = hamner ? unloading(dir.resolve(t.name() + "_GRF_newCOP3_v24.mot"), contacts)
                : new double[] {Double.NaN, Double.NaN};
        // fourth pass: Zeni et al. 2008, O'Connor et al. 2007, the belt-moving stance path, a stance-length model
        double[] pelvisFwd = new double[m.timeS().length];
        for (String p : pelvis) {
            double[] x = m.get(p)[0];
            for (int i = 0; i < x.length; i++) {
                pelvisFwd[i] += x[i] / pelvis.length;
            }
        }
        List<Double> clear15 = new ArrayList<>();
        List<Double> zeni = new ArrayList<>();
        List<Double> fva = new ArrayList<>();
        List<Double> beltPath = new ArrayList<>();
        List<Double> speed30 = new ArrayList<>();
        List<Double> speed35 = new ArrayList<>();
        List<List<Double>> pivot = new ArrayList<>();
        for (int k = 0; k < PIVOT_FOOT_LENGTHS.length; k++) {
            pivot.add(new ArrayList<>());
        }
        double contactS = 0;
        for (Contact c : contacts) {
            contactS += (c.toS() - c.icS()) / contacts.size();
            int mid = frame(m, (c.icS() + c.toS()) / 2);
            int end = Math.min(m.timeS().length - 1, frame(m, c.toS() + SEARCH_AFTER_TO_S));
            clear15.add(1000 * (risesThrough(last.get(c.foot()), m.timeS(), mid, CLEARANCE_M) - c.toS()));
            // Zeni et al. 2008: toe-off where the toe marker is furthest behind the pelvis (the last forefoot marker)
            double zeniS = Double.NEGATIVE_INFINITY;
            double departS = Double.NEGATIVE_INFINITY;
            for (double[][] p : toes.get(c.foot())) {
                double[] rel = new double[p[0].length];
                for (int i = 0; i < rel.length; i++) {
                    rel[i] = -(p[0][i] - pelvisFwd[i]);
                }
                zeniS = Math.max(zeniS, peakTime(rel, m.timeS(), mid, end));
                // the point's 3D distance from where it would be had it stayed on the belt since mid-stance
                double[] away = new double[p[0].length];
                for (int i = mid; i <= end; i++) {
                    double dx = p[0][i] - (p[0][mid] - belt * (m.timeS()[i] - m.timeS()[mid]));
                    away[i] = Math.sqrt(dx * dx + Math.pow(p[1][i] - p[1][mid], 2) + Math.pow(p[2][i] - p[2][mid], 2));
                }
                departS = Math.max(departS, risesThrough(away, m.timeS(), mid, CLEARANCE_M));
            }
            zeni.add(1000 * (zeniS - c.toS()));
            // Ghoussayni et al. 2004's sagittal speed rule with the threshold as a fraction of the belt speed: the last
            // forefoot marker's speed relative to the belt rising through it after its late-stance minimum
            double[] leaves = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
            int plate = frame(m, c.toS());
            for (double[][] p : toes.get(c.foot())) {
                double[] vx = derivative(p[0], fs);
                double[] vy = derivative(p[1], fs);
                double[] rel = new double[vx.length];
                for (int i = 0; i < rel.length; i++) {
                    rel[i] = Math.hypot(vx[i] + belt, vy[i]) / belt;
                }
                int low = mid;
                for (int i = mid; i < plate; i++) {
                    low = rel[i] < rel[low] ? i : low;
                }
                leaves[0] = Math.max(leaves[0], risesThrough(rel, m.timeS(), low, 0.30));
                leaves[1] = Math.max(leaves[1], risesThrough(rel, m.timeS(), low, 0.35));
            }
            // the foot's instantaneous centre of rotation relative to the belt (sagittal plane): a rigid foot rolling on
            // the belt turns about its contact point; |u| / |omega| is the forefoot point's distance from that centre
            double clearS = risesThrough(last.get(c.foot()), m.timeS(), mid, CLEARANCE_M);
            double[] pivotS = new double[PIVOT_FOOT_LENGTHS.length];
            Arrays.fill(pivotS, Double.NEGATIVE_INFINITY);
            double[][] hl = heel.get(c.foot());
            for (double[][] p : toes.get(c.foot())) {
                double[] pitch = new double[p[0].length];
                double[] len = new double[p[0].length];
                for (int i = 0; i < pitch.length; i++) {
                    pitch[i] = Math.atan2(p[1][i] - hl[1][i], p[0][i] - hl[0][i]);
                    len[i] = Math.hypot(p[1][i] - hl[1][i], p[0][i] - hl[0][i]);
                }
                double footM = Stats.median(len);
                double[] w = derivative(pitch, fs);
                double[] vx = derivative(p[0], fs);
                double[] vy = derivative(p[1], fs);
                double[] radius = new double[w.length];
                for (int i = 0; i < w.length; i++) {
                    radius[i] = Math.hypot(vx[i] + belt, vy[i]) / Math.max(Math.abs(w[i]), 1e-9);
                }
                int to = Double.isFinite(clearS) ? frame(m, clearS) : plate;
                int low = Math.max(0, to - (int) Math.round(0.1 * fs));
                for (int i = low; i <= to; i++) {
                    low = radius[i] < radius[low] ? i : low;
                }
                for (int k = 0; k < PIVOT_FOOT_LENGTHS.length; k++) {
                    pivotS[k] = Math.max(pivotS[k], risesThrough(radius, m.timeS(), low, PIVOT_FOOT_LENGTHS[k] * footM));
                }
            }
            for (int k = 0; k < PIVOT_FOOT_LENGTHS.length; k++) {
                pivot.get(k).add(1000 * (pivotS[k] - c.toS()));
            }
            speed30.add(1000 * (leaves[0] - c.toS()));
            speed35.add(1000 * (leaves[1] - c.toS()));
            beltPath.add(1000 * (departS - c.toS()));
            // O'Connor et al. 2007: toe-off at the foot centre's (mean of heel and forefoot markers) peak upward speed
            double[][] h = heel.get(c.foot());
            double[] centreUp = new double[h[1].length];
            List<double[][]> fore = toes.get(c.foot());
            for (int i = 0; i < centreUp.length; i++) {
                double f = 0;
                for (double[][] p : fore) {
                    f += p[1][i] / fore.size();
                }
                centreUp[i] = (h[1][i] + f) / 2;
            }
            fva.add(1000 * (peakTime(derivative(centreUp, fs), m.timeS(), mid, end) - c.toS()));
        }
        return new Row(t, contacts.size(), toArray(kneeCl), toArray(kneeIk), toArray(toeH), toArray(toeUp),
                toArray(toeRel), belt, unload[0], unload[1], toArray(clear10), toArray(clear12), toArray(freeFall),
                toArray(clear15), toArray(zeni), toArray(fva), toArray(beltPath), 1000 * contactS, toArray(speed30),
                toArray(speed35), pivot.stream().map(ToeOffCandidatesTest::toArray).toArray(double[][]::new));
    }

    /** The downward crossing of level by x nearest {@code nearS} within ± withinS (s), NaN if none. */
    static double fallsThrough(double[] x, double[] timeS, double nearS, double withinS, double level) {
        double best = Double.NaN;
        for (int i = 0; i < x.length - 1; i++) {
            if (Math.abs(timeS[i] - nearS) <= withinS && x[i] >= level && x[i + 1] < level) {
                double c = timeS[i] + (x[i] - level) / (x[i] - x[i + 1]) * (timeS[i + 1] - timeS[i]);
                if (Double.isNaN(best) || Math.abs(c - nearS) < Math.abs(best - nearS)) {
                    best = c;
                }
            }
        }
        return best;
    }

    /** Height above the point's own 2nd percentile, as gaitform measures a foot point's height above its ground level. */
    static double[] relHeight(double[] up) {
        double[] h = up.clone();
        double p2 = Stats.percentile(h, 2);
        for (int i = 0; i < h.length; i++) {
            h[i] -= p2;
        }
        return h;
    }

    /** Time (s) where h first rises through level after frame from (linear interpolation), NaN if it does not. */
    static double risesThrough(double[] h, double[] timeS, int from, double level) {
        for (int i = Math.max(from, 0); i < h.length - 1; i++) {
            if (h[i] < level && h[i + 1] >= level) {
                return timeS[i] + (level - h[i]) / (h[i + 1] - h[i]) * (timeS[i + 1] - timeS[i]);
            }
        }
        return Double.NaN;
    }

    /**
     * The sagittal lean (deg, forward positive) of a marker cluster's axis: the pair of its markers whose
     * sagittal-plane distance is longest (median over frames), pointing up. Its changes are the segment's sagittal
     * rotation; its constant offset from the anatomical axis cancels in event timing.
     */
    static double[] segmentLeanDeg(List<double[][]> cluster) {
        int bestA = 0;
        int bestB = 1;
        double bestLen = -1;
        for (int a = 0; a < cluster.size(); a++) {
            for (int b = a + 1; b < cluster.size(); b++) {
                int n = cluster.get(a)[0].length;
                double[] len = new double[n];
                for (int i = 0; i < n; i++) {
                    len[i] = Math.hypot(cluster.get(b)[0][i] - cluster.get(a)[0][i],
                            cluster.get(b)[1][i] - cluster.get(a)[1][i]);
                }
                double med = Stats.median(len);
                if (med > bestLen) {
                    bestLen = med;
                    bestA = a;
                    bestB = b;
                }
            }
        }
        double[][] pa = cluster.get(bestA);
        double[][] pb = cluster.get(bestB);
        int n = pa[0].length;
        double[] dy = new double[n];
        for (int i = 0; i < n; i++) {
            dy[i] = pb[1][i] - pa[1][i];
        }
        double sign = Stats.median(dy) >= 0 ? 1 : -1;
        double[] lean = new double[n];
        double prev = Double.NaN;
        for (int i = 0; i < n; i++) {
            double a = Math.toDegrees(Math.atan2(sign * (pb[0][i] - pa[0][i]), sign * dy[i]));
            if (!Double.isNaN(prev)) {
                a += 360 * Math.rint((prev - a) / 360);
            }
            lean[i] = a;
            prev = a;
        }
        return lean;
    }

    /** Time (s) of the largest value of x in frames [from, to], refined by a parabola through its neighbours. */
    static double peakTime(double[] x, double[] timeS, int from, int to) {
        int best = from;
        for (int i = from; i <= to; i++) {
            if (x[i] > x[best]) {
                best = i;
            }
        }
        double d = 0;
        if (best > 0 && best < x.length - 1) {
            double den = x[best - 1] - 2 * x[best] + x[best + 1];
            d = den != 0 ? 0.5 * (x[best - 1] - x[best + 1]) / den : 0;
        }
        return timeS[best] + d * (timeS[1] - timeS[0]);
    }

    /** Per foot, OpenSim's knee angle (deg, extension positive) from the IK file, interpolated onto the marker times. */
    static Map<Character, double[]> ikKnee(Path mot, double[] timeS) throws IOException {
        double[][] table = mot(mot);
        List<String> cols = motColumns(mot);
        Map<Character, double[]> out = new LinkedHashMap<>();
        for (char s : new char[] {'R', 'L'}) {
            int c = cols.indexOf("knee_angle_" + Character.toLowerCase(s));
            double[] t = new double[table.length];
            double[] v = new double[table.length];
            for (int i = 0; i < table.length; i++) {
                t[i] = table[i][0];
                v[i] = table[i][c];
            }
            double[] onMarkers = new double[timeS.length];
            for (int i = 0; i < timeS.length; i++) {
                onMarkers[i] = at(v, t, timeS[i]);
            }
            out.put(s, onMarkers);
        }
        return out;
    }

    /** Mean time (ms) the contacting foot's vertical force takes from 200 N to the plate's toe-off at 50 N, and on to 0. */
    static double[] unloading(Path mot, List<Contact> contacts) throws IOException {
        double[][] grf = mot(mot);
        List<String> cols = motColumns(mot);
        double fs = 1 / (grf[1][0] - grf[0][0]);
        double before = 0;
        double after = 0;
        for (Contact c : contacts) {
            String name = cols.stream().filter(k -> k.endsWith("ground_force_vy")
                    && (k.startsWith("l_") || k.startsWith("L_")) == (c.foot() == 'L')).findFirst().orElseThrow();
            int col = cols.indexOf(name);
            int k = 0;
            while (grf[k][0] < c.toS() - 1e-9) {
                k++;
            }
            int q = k;
            while (q > 0 && grf[q][col] < 200) {
                q--;
            }
            int z = k;
            while (z < grf.length - 1 && grf[z][col] > 0) {
                z++;
            }
            before += (k - q) / fs;
            after += (z - k) / fs;
        }
        return new double[] {1000 * before / contacts.size(), 1000 * after / contacts.size()};
    }

    static List<String> motColumns(Path mot) throws IOException {
        List<String> lines = Files.readAllLines(mot);
        int h = headerEnd(lines);
        return List.of(lines.get(h).trim().split("\\s+"));
    }

    static double[][] mot(Path mot) throws IOException {
        List<String> lines = Files.readAllLines(mot);
        int h = headerEnd(lines);
        return lines.subList(h + 1, lines.size()).stream().filter(l -> !l.isBlank())
                .map(l -> Arrays.stream(l.trim().split("\\s+")).mapToDouble(Double::parseDouble).toArray())
                .toArray(double[][]::new);
    }

    private static int headerEnd(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).trim().equals("endheader")) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException("no endheader line");
    }

    static List<Contact> contacts(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        List<String> head = List.of(lines.get(0).split(","));
        int foot = head.indexOf("foot");
        int ic = head.indexOf("ic_time_s");
        int to = head.indexOf("to_time_s");
        List<Contact> out = new ArrayList<>();
        for (String l : lines.subList(1, lines.size())) {
            if (!l.isBlank()) {
                String[] f = l.split(",", -1);
                out.add(new Contact(f[foot].charAt(0), Double.parseDouble(f[ic]), Double.parseDouble(f[to])));
            }
        }
        return out;
    }

    /** Hamner's marker CSV: {@code frame,time_s,<label>_X,<label>_Y,<label>_Z}, metres. */
    static Markers readHamner(Path csv) throws IOException {
        return read(csv, ",", "time_s", 1, "_X");
    }

    /** Fukuchi's marker text: {@code Time, <label>X, <label>Y, <label>Z}, tab-separated, millimetres, NaN = missing. */
    static Markers readFukuchi(Path txt) throws IOException {
        return read(txt, "\t", "Time", 0.001, "X");
    }

    private static Markers read(Path file, String sep, String timeCol, double toMetres, String xSuffix) throws IOException {
        List<String> lines = Files.readAllLines(file);
        String[] head = lines.get(0).split(sep, -1);
        double[][] cols = new double[head.length][];
        List<String> data = lines.subList(1, lines.size()).stream().filter(l -> !l.isBlank()).toList();
        for (int c = 0; c < head.length; c++) {
            cols[c] = new double[data.size()];
        }
        for (int r = 0; r < data.size(); r++) {
            String[] f = data.get(r).split(sep, -1);
            for (int c = 0; c < head.length; c++) {
                cols[c][r] = f[c].isBlank() ? Double.NaN : Double.parseDouble(f[c]);
            }
        }
        List<String> names = Arrays.asList(head);
        double[] t = cols[names.indexOf(timeCol)];
        // from the whole span: Fukuchi's time column is rounded to ms (steps of 6 and 7 ms at 150 Hz)
        double fs = Math.round((t.length - 1) / (t[t.length - 1] - t[0]));
        Map<String, double[][]> xyz = new LinkedHashMap<>();
        ZeroPhaseButterworth lp = ZeroPhaseButterworth.lowPass(4, Math.min(CUTOFF_HZ, fs / 4));
        for (int c = 0; c < head.length; c++) {
            if (head[c].endsWith(xSuffix) && c + 2 < head.length) {
                String label = head[c].substring(0, head[c].length() - xSuffix.length());
                double[][] p = new double[3][];
                for (int k = 0; k < 3; k++) {
                    double[] v = cols[c + k].clone();
                    for (int i = 0; i < v.length; i++) {
                        v[i] *= toMetres;
                    }
                    p[k] = lp.apply(fillGaps(v), fs);
                }
                xyz.put(label, p);
            }
        }
        return new Markers(t, fs, xyz);
    }

    /** Linear interpolation over missing samples (ends held). */
    static double[] fillGaps(double[] v) {
        double[] y = v.clone();
        int n = y.length;
        int last = -1;
        for (int i = 0; i < n; i++) {
            if (Double.isFinite(y[i])) {
                if (last < i - 1) {
                    for (int j = last + 1; j < i; j++) {
                        y[j] = last < 0 ? y[i] : y[last] + (y[i] - y[last]) * (j - last) / (i - last);
                    }
                }
                last = i;
            }
        }
        for (int j = last + 1; j < n && last >= 0; j++) {
            y[j] = y[last];
        }
        return y;
    }

    static double[] diff(double[] t) {
        double[] d = new double[t.length - 1];
        for (int i = 0; i < d.length; i++) {
            d[i] = t[i + 1] - t[i];
        }
        return d;
    }

    static double[] derivative(double[] x, double fs) {
        double[] d = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            int a = Math.max(0, i - 1);
            int b = Math.min(x.length - 1, i + 1);
            d[i] = (x[b] - x[a]) * fs / (b - a);
        }
        return d;
    }

    /** x at time s by linear interpolation. */
    static double at(double[] x, double[] timeS, double s) {
        int i = Arrays.binarySearch(timeS, s);
        if (i >= 0) {
            return x[i];
        }
        int b = Math.min(timeS.length - 1, -i - 1);
        int a = Math.max(0, b - 1);
        return a == b ? x[a] : x[a] + (x[b] - x[a]) * (s - timeS[a]) / (timeS[b] - timeS[a]);
    }

    static int frame(Markers m, double s) {
        int i = Arrays.binarySearch(m.timeS(), s);
        return Math.max(0, Math.min(m.timeS().length - 1, i >= 0 ? i : -i - 1));
    }

    static double[] toArray(List<Double> l) {
        return l.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Mean of the finite values (a candidate that finds no event in its window is left out). */
    static double mean(double[] x) {
        return Arrays.stream(x).filter(Double::isFinite).average().orElse(Double.NaN);
    }

    static double meanAbs(double[] x) {
        return Arrays.stream(x).filter(Double::isFinite).map(Math::abs).average().orElse(Double.NaN);
    }

    static double sd(double[] x) {
        double[] f = Arrays.stream(x).filter(Double::isFinite).toArray();
        double m = mean(f);
        return Math.sqrt(Arrays.stream(f).map(v -> (v - m) * (v - m)).sum() / Math.max(1, f.length - 1));
    }

    static String fmt(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.1f", v);
    }
}
