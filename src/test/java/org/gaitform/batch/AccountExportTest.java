package org.gaitform.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.gaitform.io.InputKind;
import org.gaitform.io.InputReaders;
import org.gaitform.pipeline.AnalysisSettings;
import org.gaitform.support.AccountExports;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A runner's whole account as the services export it — a Strava bulk export as a folder and as a zip, a Garmin
 * Connect data export (a zip of zips of FIT files) — through the batch: runs kept, other sports skipped and counted,
 * the history's report with the weekly load, shoe mileage and monthly form.
 */
class AccountExportTest {
    @TempDir
    static Path tmp;
    static List<AccountExports.Activity> acts;
    static Path out;
    static BatchResult result;
    static List<String> progress = new ArrayList<>();

    static List<CSVRecord> csv(Path p) throws IOException {
        try (Reader r = Files.newBufferedReader(p); CSVParser c = CSVFormat.DEFAULT.builder().setHeader()
                .setSkipHeaderRecord(true).get().parse(r)) {
            return c.getRecords();
        }
    }

    static String text(Path pdf) throws IOException {
        try (PDDocument d = Loader.loadPDF(Files.readAllBytes(pdf))) {
            return new PDFTextStripper().getText(d);
        }
    }

    @BeforeAll
    static void exports() throws IOException {
        acts = AccountExports.activities(new AccountExports.Spec(30, 0.4, 7, 0.2));
        AccountExports.stravaFolder(tmp.resolve("strava-folder"), acts);
        AccountExports.stravaZip(tmp.resolve("strava.zip"), acts);
        AccountExports.garminZip(tmp.resolve("garmin-connect.zip"), acts);
        out = tmp.resolve("out");
        BatchListener l = new BatchListener() {
            @Override
            public void activities(Input input, int done, int total) {
                synchronized (progress) {
                    progress.add(input.path().getFileName() + " " + done + "/" + total);
                }
            }
        };
        result = new BatchRunner(AnalysisSettings.defaults(), "test", new BatchOptions(2, false, 3))
                .run(List.of(tmp.resolve("strava-folder"), tmp.resolve("strava.zip"), tmp.resolve("garmin-connect.zip")),
                        out, l);
    }

    private static long count(String type, boolean withFile) {
        return acts.stream().filter(a -> a.type().equals(type) && (a.content() != null) == withFile).count();
    }

    @Test
    void eachExportIsOneInputOfTheBatch() {
        InputReaders r = new InputReaders();
        assertThat(r.kindOf(tmp.resolve("strava-folder"))).contains(InputKind.ACCOUNT_EXPORT);
        assertThat(r.kindOf(tmp.resolve("strava.zip"))).contains(InputKind.ACCOUNT_EXPORT);
        assertThat(r.kindOf(tmp.resolve("garmin-connect.zip"))).contains(InputKind.ACCOUNT_EXPORT);
        assertThat(result.outcomes()).hasSize(3).allMatch(Outcome::ok);
        assertThat(result.outcomes().get(0).message()).startsWith("Strava bulk export (folder): " + count("Run", true)
                + " runs analysed, " + (count("Ride", true) + count("Walk", true) + count("Swim", false))
                + " other activities skipped, " + count("Run", false) + " without a file");
        assertThat(result.outcomes().get(2).message()).startsWith("Garmin Connect data export (zip): ")
                .contains(" other activities skipped");
        assertThat(progress).contains("strava-folder " + acts.size() + "/" + acts.size());
    }

    @Test
    void stravasFolderAndZipGiveTheSameHistory() throws IOException {
        Path a = out.resolve("strava-folder");
        Path b = out.resolve("strava");
        for (String f : new String[] {"weekly-load.csv", "monthly-form.csv", "shoes.csv", "activities.csv"}) {
            assertThat(a.resolve(f)).as(f).exists();
            assertThat(Files.readString(b.resolve(f))).as(f).isEqualTo(Files.readString(a.resolve(f)));
        }
        assertThat(a.resolve("runner-report.pdf")).exists();
    }

    @Test
    void everyActivityIsListedWithWhatBecameOfIt() throws IOException {
        List<CSVRecord> rows = csv(out.resolve("strava-folder/activities.csv"));
        assertThat(rows).hasSize(acts.size());
        Map<String, Long> status = rows.stream().collect(Collectors.groupingBy(r -> r.get("status"),
                Collectors.counting()));
        assertThat(status).containsEntry("run", count("Run", true))
                .containsEntry("other_sport", count("Ride", true) + count("Walk", true) + count("Swim", false))
                .containsEntry("no_file", count("Run", false));
        CSVRecord run = rows.stream().filter(r -> r.get("status").equals("run")).findFirst().orElseThrow();
        assertThat(run.get("gear")).isNotEmpty();
        assertThat(run.get("name")).isIn("Morning run", "Long run");
        assertThat(Double.parseDouble(run.get("cadence_spm"))).isBetween(160.0, 185.0);
        // the activity type of the export decides: a ride is never read
        assertThat(rows.stream().filter(r -> r.get("type").equals("Ride"))).allMatch(r -> r.get("status")
                .equals("other_sport"));
    }

    @Test
    void shoeMileageIsSummedPerPairAgainstTheArticlesMiles() throws IOException {
        List<CSVRecord> shoes = csv(out.resolve("strava-folder/shoes.csv"));
        assertThat(shoes).isNotEmpty();
        double total = 0;
        for (CSVRecord s : shoes) {
            double expected = acts.stream().filter(a -> a.gear().equals(s.get("shoe")) && a.content() != null)
                    .mapToDouble(AccountExports.Activity::distanceM).sum() / 1000;
            assertThat(Double.parseDouble(s.get("distance_km"))).as(s.get("shoe")).isCloseTo(expected,
                    within(expected * 0.02 + 0.1));
            assertThat(Double.parseDouble(s.get("distance_miles"))).isCloseTo(Double.parseDouble(s.get("distance_km"))
                    / 1.609344, within(0.11));
            assertThat(s.get("status")).isIn("within", "watch", "outside");
            total += expected;
        }
        assertThat(total).isPositive();
    }

    @Test
    void theHistorysReportHasTheWeeklyLoadShoesAndMonthlyForm() throws IOException {
        String t = text(out.resolve("strava-folder/runner-report.pdf"));
        assertThat(t).contains("Runner's training report", "Strava bulk export (folder)", "Training load", "Shoes",
                "300–600 miles", "Week by week", "Runs", "Morning run");
        List<CSVRecord> months = csv(out.resolve("strava-folder/monthly-form.csv"));
        assertThat(months).hasSizeGreaterThanOrEqualTo(4);
        assertThat(months.get(0).get("month")).isEqualTo("2019-01");
        List<CSVRecord> weeks = csv(out.resolve("strava-folder/weekly-load.csv"));
        assertThat(weeks).hasSizeGreaterThanOrEqualTo(15);
        // the three most recent runs have session folders of their own
        try (var s = Files.list(out.resolve("strava-folder/runs"))) {
            List<Path> runs = s.toList();
            assertThat(runs).hasSize(3);
            assertThat(runs).allMatch(p -> Files.exists(p.resolve("report.pdf")) && Files.exists(p.resolve("summary.json")));
        }
    }

    @Test
    void garminsExportSkipsOtherSportsFromTheFitFiles() throws IOException {
        List<CSVRecord> rows = csv(out.resolve("garmin-connect/activities.csv"));
        long fitRuns = acts.stream().filter(a -> a.type().equals("Run") && a.file().endsWith(".fit.gz")).count();
        long fitRides = acts.stream().filter(a -> a.type().equals("Ride")).count();
        assertThat(rows.stream().filter(r -> r.get("status").equals("run")).count()).isEqualTo(fitRuns);
        assertThat(rows.stream().filter(r -> r.get("status").equals("other_sport")).count()).isEqualTo(fitRides);
        assertThat(rows.stream().filter(r -> r.get("status").equals("other_sport"))).allMatch(r -> r.get("type")
                .equals("cycling"));
        assertThat(text(out.resolve("garmin-connect/runner-report.pdf"))).contains("Garmin Connect data export");
    }

    /**
     * The history folder is gaitform's like a session folder (issue 11's marker): a second run skips the unchanged
     * export, and one with {@code --force} replaces the folder instead of refusing it as foreign.
     */
    @Test
    void aSecondRunSkipsOrReplacesTheHistoryFolder() throws IOException {
        List<AccountExports.Activity> few = AccountExports.activities(new AccountExports.Spec(8, 0.1, 11, 0.1));
        Path zip = AccountExports.stravaZip(tmp.resolve("again.zip"), few);
        Path again = tmp.resolve("out-again");
        BatchResult first = new BatchRunner(AnalysisSettings.defaults(), "test", new BatchOptions(1, false, 1))
                .run(List.of(zip), again, new BatchListener() { });
        assertThat(first.outcomes()).hasSize(1).allMatch(Outcome::ok);
        assertThat(again.resolve("again").resolve(org.gaitform.report.Ownership.MARKER)).isRegularFile();
        assertThat(org.gaitform.report.Ownership.check(again.resolve("again")).ours()).isTrue();
        BatchResult second = new BatchRunner(AnalysisSettings.defaults(), "test", new BatchOptions(1, false, 1))
                .run(List.of(zip), again, new BatchListener() { });
        assertThat(second.outcomes().get(0).status()).isEqualTo(Outcome.Status.SKIPPED);
        BatchResult forced = new BatchRunner(AnalysisSettings.defaults(), "test", new BatchOptions(1, true, 1))
                .run(List.of(zip), again, new BatchListener() { });
        assertThat(forced.outcomes()).hasSize(1).allMatch(Outcome::ok);
        assertThat(again.resolve("again").resolve("runner-report.pdf")).isRegularFile();
        assertThat(again.resolve("again").resolve("runs")).isDirectoryNotContaining("glob:**/.gaitform-tmp");
    }

    @Test
    void theDatasetTablesHoldTheHistoryAndItsRecentRuns() throws IOException {
        // an account export has no steps of its own: the dataset tables once failed the whole batch looking for them
        List<CSVRecord> sessions;
        try (Reader r = Files.newBufferedReader(out.resolve("sessions.csv"));
             CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(r)) {
            sessions = p.getRecords();
        }
        for (String export : List.of("strava-folder", "strava.zip", "garmin-connect.zip")) {
            String id = result.outcomes().stream().filter(o -> o.input().path().getFileName().toString().equals(export))
                    .findFirst().orElseThrow().sessionId();
            assertThat(sessions).as(export).anyMatch(r -> r.get("session_id").equals(id) && r.get("status").equals("ok"));
            List<CSVRecord> runs = sessions.stream().filter(r -> r.get("session_id").startsWith(id + "/")).toList();
            assertThat(runs).as(export + ": its 3 most recent runs").hasSize(3)
                    .allMatch(r -> !r.get("cadence_spm").isEmpty());
        }
        try (java.util.stream.Stream<String> lines = Files.lines(out.resolve("steps.csv"))) {
            assertThat(lines.skip(1).filter(l -> l.startsWith("strava-folder/")).count()).isPositive();
        }
    }
}
