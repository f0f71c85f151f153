package org.gaitform.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.gaitform.guidelines.GuidelineTable;
import org.gaitform.io.ReadOptions;
import org.gaitform.io.imu.ImuReadOptions;
import org.gaitform.io.pose.PoseReadOptions;
import org.gaitform.model.Decision;
import org.gaitform.model.GaitformException;
import org.gaitform.model.Quality;
import org.gaitform.model.QualityCheck;
import org.gaitform.model.SessionResult;
import org.gaitform.pipeline.AnalysisSettings;
import org.gaitform.pipeline.SessionPipeline;
import org.gaitform.support.SharedData;
import org.junit.jupiter.api.Test;

/**
 * The quality verdict against the truth on every shared recording that has one (the verdict itself never sees
 * it): a session is <em>wrong</em> when its cadence is off by more than 2 steps/min or its mean contact time by
 * more than 25 ms (issue 13), and every wrong session must carry a quality other than {@code good}; right sessions
 * should mostly be {@code good}. Recordings: Alcantara et al. 2022 (18 sacral IMU trials, force treadmill),
 * Fukuchi et al. 2017 (4 marker trials with force), Hamner and Delp 2013 (markers, per-foot force, 2–5 m/s), the
 * gaitmap example (two foot IMUs, walking, motion-capture events; walking cadence and stance time), and the Garmin
 * and Stryd FIT exports (the devices' own session averages as the reference). None of them was used to choose a
 * threshold of the quality checks (docs/tuning-split.csv); the detectors themselves are being fixed in parallel, so
 * the table changes as they improve. The confusion table printed here is the one quoted in docs/quality.md, apart
 * from the simulations ({@link SimulatedQualityTest}).
 */
class SharedRecordingsQualityTest {
    static final double CADENCE_TOLERANCE_SPM = 2;
    static final double CONTACT_TOLERANCE_MS = 25;

    /** One session against its reference. */
    record Row(String dataset, String recording, double cadenceErr, double contactErr, Quality quality,
               List<String> failed) {
        boolean wrong() {
            return Math.abs(cadenceErr) > CADENCE_TOLERANCE_SPM || Math.abs(contactErr) > CONTACT_TOLERANCE_MS;
        }

        boolean known() {
            return Double.isFinite(cadenceErr) || Double.isFinite(contactErr);
        }
    }

    /**
     * Wrong sessions that every consistency check passes, with why: a bias that is the same on every step leaves no
     * trace in the session itself. Printed, not failed; any other miss fails the test. None now: Hamner's 3 m/s trial
     * was one until the marker initial-contact fix of issue 13 made it right, and Alcantara's held-out trial29 (every
     * contact about 30 ms short on its tilted vertical column, which reaches its 0 g clip before the toe leaves) until
     * the {@code sensor_tilt} check, which finds its contacts 47 ms longer on the vertical turned onto gravity; its
     * toe-offs now come from both readings (weighted by the sine of the tilt) and it is right, still doubtful.
     */
    static final Map<String, String> KNOWN_MISSES = Map.of();

    private final List<Row> rows = new ArrayList<>();
    private final SessionPipeline pipeline = new SessionPipeline(AnalysisSettings.defaults());

    @Test
    void everyWrongSessionIsFlaggedAndRightOnesAreMostlyGood() throws IOException {
        boolean any = false;
        any |= alcantara();
        any |= fukuchi();
        any |= hamner();
        any |= gaitmap();
        any |= garmin();
        org.junit.jupiter.api.Assumptions.assumeTrue(any, "no shared recordings with truth in ../shared/data");
        StringBuilder t = new StringBuilder(String.format(Locale.ROOT, "%nQuality verdict on the shared recordings "
                + "(wrong: cadence off by > %.0f steps/min or mean contact time by > %.0f ms)%n%-18s %-34s %9s %9s %-6s "
                + "%-9s %s%n", CADENCE_TOLERANCE_SPM, CONTACT_TOLERANCE_MS, "dataset", "recording", "cad err",
                "GCT err", "truth", "verdict", "failed checks"));
        for (Row r : rows) {
            t.append(String.format(Locale.ROOT, "%-18s %-34s %+9.2f %+9.1f %-6s %-9s %s%n", r.dataset(),
                    abbreviate(r.recording()), r.cadenceErr(), r.contactErr(), !r.known() ? "?" : r.wrong() ? "wrong"
                            : "right", r.quality().label(), String.join(", ", r.failed())));
        }
        int[][] m = new int[2][2];
        for (Row r : rows) {
            if (r.known()) {
                m[r.wrong() ? 1 : 0][r.quality() == Quality.GOOD ? 0 : 1]++;
            }
        }
        t.append(String.format(Locale.ROOT, "%nconfusion (sessions with a reference)%n%-8s %6s %9s%n%-8s %6d %9d%n"
                + "%-8s %6d %9d%n", "", "good", "not good", "right", m[0][0], m[0][1], "wrong", m[1][0], m[1][1]));
        List<String> missed = rows.stream().filter(r -> r.known() && r.wrong() && r.quality() == Quality.GOOD)
                .map(r -> r.dataset() + " " + r.recording()).toList();
        for (String miss : missed) {
            String why = KNOWN_MISSES.entrySet().stream().filter(e -> miss.startsWith(e.getKey()))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
            t.append(why == null ? "MISSED: " + miss : "KNOWN MISS: " + miss + ": " + why).append(System.lineSeparator());
        }
        System.out.println(t);
        assertThat(missed).as("wrong sessions judged good, beyond the known misses%s", t)
                .allMatch(miss -> KNOWN_MISSES.keySet().stream().anyMatch(miss::startsWith));
        int right = m[0][0] + m[0][1];
        if (right > 0) {
            assertThat(m[0][0]).as("right sessions judged good (most should be)%s", t).isGreaterThanOrEqualTo(
                    (int) Math.ceil(0.6 * right));
        }
    }

    private void add(String dataset, String recording, SessionResult s, double cadErr, double gctErr) {
        List<String> failed = s.quality().checks().stream().filter(QualityCheck::failed)
                .map(c -> c.id() + (c.outcome() == Quality.POOR ? "!" : "")).toList();
        rows.add(new Row(dataset, recording, cadErr, gctErr, s.quality().verdict(), failed));
    }

    private static List<CSVRecord> csv(Path p) throws IOException {
        try (Reader r = Files.newBufferedReader(p)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r).getRecords();
        }
    }

    private static double num(String s) {
        return s == null || s.isBlank() ? Double.NaN : Double.parseDouble(s);
    }

    private boolean alcantara() throws IOException {
        Optional<Path> dir = SharedData.find("alcantara2022-sacral-imu-treadmill");
        if (dir.isEmpty()) {
            return false;
        }
        StringBuilder tilt = new StringBuilder(System.lineSeparator()
                + "sensor_tilt: median contact time on the vertical turned onto gravity minus the one on the export's "
                + "vertical (with the usual difference removed), and the tilt; doubtful beyond ±25 ms; GCT err is "
                + "that of the reported contacts (toe-offs from both readings)" + System.lineSeparator());
        for (CSVRecord rec : csv(dir.get().resolve("reference_summary_per_trial.csv"))) {
            String trial = rec.get("file");
            SessionResult s = pipeline.analyse(dir.get().resolve("trials").resolve(trial), trial, "t");
            add("alcantara2022", trial, s, s.metric("cadence_spm") - num(rec.get("cadence_steps_per_min")),
                    s.metric("contact_ms") - num(rec.get("gct_ms_mean")));
            String shift = s.decisions().stream().filter(d -> d.key().equals("tilt_contact_shift"))
                    .map(Decision::value).findFirst().orElse("(not checked)");
            tilt.append(String.format(Locale.ROOT, "  %-32s %-20s GCT err %+6.1f ms%n", trial, shift,
                    s.metric("contact_ms") - num(rec.get("gct_ms_mean"))));
        }
        System.out.println(tilt);
        return true;
    }

    /** Cadence (60 / mean step time) and mean contact time of a force-plate contact table. */
    private static double[] reference(Path contacts) throws IOException {
        List<CSVRecord> rs = csv(contacts);
        double steps = rs.stream().mapToDouble(r -> num(r.get("step_time_s"))).filter(Double::isFinite).average()
                .orElse(Double.NaN);
        double gct = rs.stream().mapToDouble(r -> num(r.get("gct_ms"))).filter(Double::isFinite).average()
                .orElse(Double.NaN);
        return new double[] {60 / steps, gct};
    }

    private boolean fukuchi() throws IOException {
        Optional<Path> dir = SharedData.find("fukuchi2017-treadmill-markers");
        if (dir.isEmpty()) {
            return false;
        }
        for (String trial : List.of("RBDS001runT25", "RBDS002runT25", "RBDS002runT45", "RBDS008runT35")) {
            double[] ref = reference(dir.get().resolve(trial + "_contacts_from_vgrf.csv"));
            SessionResult s = pipeline.analyse(dir.get().resolve(trial + "markers.txt"), trial + "markers.txt", "f");
            add("fukuchi2017", trial, s, s.metric("cadence_spm") - ref[0], s.metric("contact_ms") - ref[1]);
        }
        return true;
    }

    private boolean hamner() throws IOException {
        Optional<Path> dir = SharedData.find("hamner2013-running-markers-grf");
        if (dir.isEmpty()) {
            return false;
        }
        for (int speed = 2; speed <= 5; speed++) {
            String trial = "Run_" + speed + "0002";
            double[] ref = reference(dir.get().resolve(trial + "_contacts_from_vgrf.csv"));
            Path file = dir.get().resolve(trial + "_markers.csv");
            String note = "";
            SessionResult s;
            try {
                s = pipeline.analyse(file, file.getFileName().toString(), "h");
            } catch (GaitformException e) {
                // as a user would after the message: the folder's README gives X forward, Y up
                // and names its Plug-in-Gait markers (LASI, RCAL, …)
                Map<String, String> names = Map.of("asis_left", "LASI", "asis_right", "RASI", "psis_left", "LPSI",
                        "psis_right", "RPSI", "heel_left", "LCAL", "heel_right", "RCAL", "toe_left", "LTOE", "toe_right",
                        "RTOE", "shoulder_left", "LACR", "shoulder_right", "RACR");
                PoseReadOptions axes = new PoseReadOptions(Optional.empty(), Optional.empty(), Optional.empty(),
                        Optional.empty(), names, Optional.of("+y"), Optional.of("+x"), Optional.empty(),
                        Optional.empty(), Optional.empty());
                try {
                    s = new SessionPipeline(new AnalysisSettings(new ReadOptions(ImuReadOptions.DEFAULTS, axes),
                            GuidelineTable.builtIn())).analyse(file, file.getFileName().toString(), "h");
                } catch (GaitformException again) {
                    System.out.println("hamner2013 " + trial + ": not analysed (" + again.getMessage() + ")");
                    continue;
                }
                note = " (--forward, --landmark)";
            }
            add("hamner2013", trial + " " + speed + " m/s" + note, s, s.metric("cadence_spm") - ref[0],
                    s.metric("contact_ms") - ref[1]);
        }
        return true;
    }

    private boolean gaitmap() throws IOException {
        Optional<Path> dir = SharedData.find("gaitmap-foot-imu-walking");
        if (dir.isEmpty()) {
            return false;
        }
        double rate = 204.8;
        // per foot: stride time from consecutive initial contacts, stance from an initial contact to the next toe-off
        List<CSVRecord> ev = csv(dir.get().resolve("stride_events_sample.csv"));
        List<Double> strides = new ArrayList<>();
        List<Double> stances = new ArrayList<>();
        for (String foot : List.of("left", "right")) {
            List<CSVRecord> f = ev.stream().filter(r -> r.get("foot").equals(foot)).toList();
            for (int i = 0; i + 1 < f.size(); i++) {
                double ic = num(f.get(i).get("ic"));
                double nextIc = num(f.get(i + 1).get("ic"));
                double nextTc = num(f.get(i + 1).get("tc"));
                if (num(f.get(i + 1).get("start")) == num(f.get(i).get("end"))) {
                    strides.add((nextIc - ic) / rate);
                    stances.add(1000 * (nextTc - ic) / rate);
                }
            }
        }
        double refCadence = 120 / strides.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double refStance = stances.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        ImuReadOptions imu = new ImuReadOptions(Map.of(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(rate), Optional.empty());
        SessionResult s = new SessionPipeline(new AnalysisSettings(new ReadOptions(imu), GuidelineTable.builtIn()))
                .analyse(dir.get().resolve("imu_sample.csv"), "imu_sample.csv", "g");
        boolean walking = s.metric("n_steps") == 0 || !Double.isFinite(s.metric("cadence_spm"));
        double cad = walking ? s.metric("walking_cadence_spm") : s.metric("cadence_spm");
        double stance = walking ? s.metric("walking_stance_ms") : s.metric("contact_ms");
        add("gaitmap (walking)", "imu_sample" + (walking ? "" : " (taken as running)"), s, cad - refCadence,
                stance - refStance);
        return true;
    }

    private boolean garmin() throws IOException {
        Optional<Path> dir = SharedData.find("garmin-stryd-fit-exports");
        if (dir.isEmpty()) {
            return false;
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(dir.get().resolve("fit"))) {
            files = list.filter(p -> p.toString().endsWith(".fit")).sorted().toList();
        }
        for (Path f : files) {
            String name = f.getFileName().toString();
            SessionResult s;
            try {
                s = pipeline.analyse(f, name, "w");
            } catch (GaitformException e) {
                System.out.println("garmin " + name + ": not analysed (" + e.getMessage() + ")");
                continue;
            }
            double cad = s.metric("overall_cadence_spm") - s.metric("device_cadence_spm");
            double gct = s.metric("contact_ms") - s.metric("device_contact_ms");
            add("garmin/stryd", name.replace("fitparse__", "").replace("jimmykane-fit-parser__", ""), s, cad, gct);
        }
        return true;
    }

    private static String abbreviate(String s) {
        return s.length() <= 34 ? s : s.substring(0, 33) + "…";
    }
}
