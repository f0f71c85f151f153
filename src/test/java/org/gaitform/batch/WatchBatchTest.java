package org.gaitform.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.gaitform.pipeline.AnalysisSettings;
import org.gaitform.report.SessionTables;
import org.gaitform.support.SyntheticRun;
import org.gaitform.support.TempDirs;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A runner's folder of watch exports (TCX, GPX and CSV over five weeks) through the whole batch: every session
 * folder with its tables and report, and the runner's report with the weekly load and its flags.
 */
class WatchBatchTest {
    @TempDir
    static Path tmp;
    static Path out;
    static BatchResult result;

    static String text(Path pdf) throws IOException {
        try (PDDocument d = Loader.loadPDF(Files.readAllBytes(pdf))) {
            return new PDFTextStripper().getText(d);
        }
    }

    static List<CSVRecord> csv(Path p) throws IOException {
        try (Reader r = Files.newBufferedReader(p); CSVParser c = CSVFormat.DEFAULT.builder().setHeader()
                .setSkipHeaderRecord(true).get().parse(r)) {
            return c.getRecords();
        }
    }

    @BeforeAll
    static void runBatch() throws IOException {
        Path alice = tmp.resolve("alice");
        double mon = SyntheticRun.epoch(2024, 4, 1, 7); // Monday of 2024-W14
        double week = 7 * 86400;
        // week 1: 2 × 1.92 km; week 2: +4 %; week 3: +35 % distance; week 4: same distance 15 % faster; week 5: hills
        TempDirs.write(alice, "w1a.tcx", SyntheticRun.flat(mon, 600, 3.2, 170).tcx(false));
        TempDirs.write(alice, "w1b.gpx", SyntheticRun.flat(mon + 2 * 86400, 600, 3.2, 170).gpx(false));
        TempDirs.write(alice, "w2.csv", SyntheticRun.flat(mon + week, 1250, 3.2, 172).strydCsv());
        TempDirs.write(alice, "w3.tcx", SyntheticRun.flat(mon + 2 * week, 1690, 3.2, 172).tcx(true));
        TempDirs.write(alice, "w4.csv", SyntheticRun.flat(mon + 3 * week, 1470, 3.68, 176).garminCsv());
        TempDirs.write(alice, "w5.tcx", new SyntheticRun(mon + 4 * week, 1500, 3.2, 172, 160, 3.6,
                new double[] {1500, 30, 500}).tcx(false));
        TempDirs.write(alice, "notes.txt", "not a recording");
        out = tmp.resolve("out");
        result = new BatchRunner(AnalysisSettings.defaults(), "test").run(List.of(alice), out, BatchListener.NONE);
    }

    @Test
    void everyExportIsAnalysedIntoItsSessionFolder() throws IOException {
        assertThat(result.okCount()).isEqualTo(6);
        assertThat(result.failedCount()).isEqualTo(1);
        for (String id : List.of("w1a", "w1b", "w2", "w3", "w4", "w5")) {
            Path s = out.resolve(id);
            assertThat(s.resolve("report.pdf")).isRegularFile();
            assertThat(s.resolve("charts/form_along_run.png")).isRegularFile();
            assertThat(s.resolve("splits.csv")).isRegularFile();
            String steps = Files.readString(s.resolve("steps.csv"));
            assertThat(steps).startsWith(String.join(",", SessionTables.STEP_COLUMNS) + ",activity,ic_method,time_s");
            CSVRecord row = csv(s.resolve("steps.csv")).get(10);
            assertThat(row.get("side")).isEqualTo("unknown");
            assertThat(row.get("ic_s")).isEmpty();
            assertThat(row.get("to_s")).isEmpty();
            assertThat(row.get("ic_method")).isEqualTo("device_record");
            assertThat(Double.parseDouble(row.get("cadence_spm"))).isBetween(160.0, 180.0);
            assertThat(Double.parseDouble(row.get("step_time_s"))).isCloseTo(60 / Double.parseDouble(
                    row.get("cadence_spm")), org.assertj.core.data.Offset.offset(1e-3));
            String summary = Files.readString(s.resolve("summary.json"));
            for (String key : List.of("source", "placement", "sampling_rate_hz", "n_steps", "cadence_spm", "contact_ms",
                "flight_ms", "duty_factor", "running_s", "warnings", "decision_cadence_unit", "finding_R1_status",
                "step_length_m", "downhill_cadence_change_pct", "distance_m")) {
                assertThat(summary).contains("\"" + key + "\"");
            }
        }
        assertThat(Files.readString(out.resolve("w3/summary.json"))).contains("\"decision_cadence_unit\": \"steps/min\"");
        assertThat(Files.readString(out.resolve("w1a/summary.json"))).contains("strides/min, doubled");
        assertThat(csv(out.resolve("w2/steps.csv")).get(5).get("contact_ms")).isNotEmpty();
    }

    @Test
    void theHillyRunComparesDownhillWithFlat() throws IOException {
        List<CSVRecord> splits = csv(out.resolve("w5/splits.csv"));
        assertThat(splits).extracting(r -> r.get("terrain")).contains("uphill", "downhill", "flat");
        String summary = Files.readString(out.resolve("w5/summary.json"));
        assertThat(summary).contains("\"decision_downhill_comparison\"");
        String report = text(out.resolve("w5/report.pdf"));
        assertThat(report).contains("Downhill and flat", "Keep the stride rate downhill", "Kilometre splits",
                "steps/min", "not a diagnosis");
    }

    @Test
    void theRunnersReportFlagsTheWeeksThatRoseTooFast() throws IOException {
        Path csvFile = out.resolve(RunnerReports.CSV);
        assertThat(out.resolve(RunnerReports.PDF)).isRegularFile();
        List<CSVRecord> weeks = csv(csvFile);
        assertThat(weeks).extracting(r -> r.get("week")).containsExactly("2024-W14", "2024-W15", "2024-W16",
                "2024-W17", "2024-W18");
        assertThat(weeks.get(0).get("runs")).isEqualTo("2");
        assertThat(weeks).extracting(r -> r.get("flag_distance_over_limit")).containsExactly("no", "no", "yes", "no",
                "no");
        assertThat(weeks).extracting(r -> r.get("flag_speed_over_limit")).containsExactly("no", "no", "no", "yes",
                "no");
        assertThat(Double.parseDouble(weeks.get(2).get("distance_change_pct"))).isCloseTo(35, org.assertj.core.data
                .Offset.offset(1.0));
        String report = text(out.resolve(RunnerReports.PDF));
        assertThat(report).contains("Runner's training report", "alice", "2024-W16", "2024-W17",
                "change one thing at a time", "Knee Pain After Running", "not a diagnosis");
        try (PDDocument d = Loader.loadPDF(Files.readAllBytes(out.resolve(RunnerReports.PDF)))) {
            assertThat(d.getNumberOfPages()).isBetween(2, 6);
        }
    }

    @Test
    void runnersInSeveralFoldersGetOneReportEach(@TempDir Path t) throws IOException {
        double mon = SyntheticRun.epoch(2024, 4, 1, 7);
        TempDirs.write(t.resolve("ann"), "a.gpx", SyntheticRun.flat(mon, 300, 3.0, 168).gpx(false));
        TempDirs.write(t.resolve("bob"), "b.gpx", SyntheticRun.flat(mon, 300, 3.0, 168).gpx(false));
        TempDirs.write(t.resolve("bob"), "broken.fit", "not fit at all");
        TempDirs.write(t.resolve("bob"), "nocadence.gpx", SyntheticRun.flat(mon + 86400, 300, 3.0, 168).gpx(false)
                .replaceAll("<gpxtpx:cad>\\d+</gpxtpx:cad>", ""));
        Path o = t.resolve("o");
        BatchResult r = new BatchRunner(AnalysisSettings.defaults(), "test").run(List.of(t.resolve("ann"),
                t.resolve("bob")), o, BatchListener.NONE);
        assertThat(r.okCount()).isEqualTo(3);
        assertThat(o.resolve("runner-report-ann.pdf")).isRegularFile();
        assertThat(Files.readString(o.resolve("nocadence/summary.json"))).contains("the export has no cadence")
                .contains("\"cadence_spm\": null");
        assertThat(csv(o.resolve("weekly-load-bob.csv")).get(0).get("runs")).isEqualTo("2");
        assertThat(o.resolve("weekly-load-bob.csv")).isRegularFile();
        assertThat(o.resolve(RunnerReports.PDF)).doesNotExist();
        assertThat(Files.readString(o.resolve("batch-summary.csv"))).contains("broken.fit: file header: expected a FIT file");
    }
}
