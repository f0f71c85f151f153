package org.gaitform.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.gaitform.cli.GaitformCli;
import org.gaitform.model.GaitformException;
import org.gaitform.pipeline.AnalysisSettings;
import org.gaitform.report.AtomicFiles;
import org.gaitform.report.OutputNames;
import org.gaitform.support.CsvRows;
import org.gaitform.support.Fixtures;
import org.gaitform.support.MalformedFiles;
import org.gaitform.support.ReadOnly;
import org.gaitform.support.TempDirs;
import org.gaitform.support.TreeSnapshot;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * gaitform never deletes or replaces what it did not write (issue 11): each case the issue found, as it was found.
 */
class DataSafetyTest {
    static String good;

    @BeforeAll
    static void simulate() {
        good = Fixtures.shortRunCsv();
    }

    static BatchResult run(List<Path> given, Path out, boolean force) throws IOException {
        return new BatchRunner(AnalysisSettings.defaults(), "test", new BatchOptions(1, force)).run(given, out,
                BatchListener.NONE);
    }

    record Cli(int code, String out, String err) {
    }

    static Cli cli(String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int code = GaitformCli.run(args, new PrintWriter(o, true), new PrintWriter(e, true));
        return new Cli(code, o.toString(), e.toString());
    }

    static Outcome outcome(BatchResult r, String id) {
        return r.outcomes().stream().filter(o -> o.sessionId().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void aSensorLoggerFolderAnalysedIntoItsParentIsRefusedAndKeepsItsFiles(@TempDir Path dir) throws IOException {
        // "gaitform analyze S01 --out ." deleted the input's own CSV files
        Path s01 = dir.resolve("S01");
        TempDirs.write(s01, "TotalAcceleration.csv", MalformedFiles.sensorLoggerStream(100, 20, 9.8, 2));
        TempDirs.write(s01, "Gyroscope.csv", MalformedFiles.sensorLoggerStream(100, 20, 0, 1));
        Map<String, String> before = TreeSnapshot.of(dir, List.of(s01));
        assertThatThrownBy(() -> run(List.of(s01), dir, false)).isInstanceOf(GaitformException.class)
                .hasMessage("the input " + InputDiscovery.display(s01) + " is the session folder " + s01 + " that this "
                        + "run would write; choose another --out (for example " + dir.resolve("gaitform") + ")")
                .extracting(e -> ((GaitformException) e).kind()).isEqualTo(GaitformException.Kind.USAGE);
        assertThat(TreeSnapshot.of(dir, List.of(s01))).isEqualTo(before);
        Cli c = cli("analyze", s01.toString(), "--out", dir.toString());
        assertThat(c.code()).isEqualTo(2);
        assertThat(c.err()).contains("is the session folder").contains("choose another --out");
        assertThat(TreeSnapshot.of(dir, List.of(s01))).isEqualTo(before);
        // the output folder being the input folder itself is refused before anything is written into it
        Cli same = cli("analyze", s01.toString(), "--out", s01.toString());
        assertThat(same.code()).isEqualTo(2);
        assertThat(same.err()).contains("the output folder " + s01 + " is the input folder");
        assertThat(TreeSnapshot.of(dir, List.of(s01))).isEqualTo(before);
        // an input inside a session folder of the run
        Path inner = TempDirs.write(dir, "out/run/inner.csv", good);
        assertThatThrownBy(() -> run(List.of(dir.resolve("run.csv"), inner), dir.resolve("out"), false))
                .hasMessageContaining("is inside the session folder");
    }

    @Test
    void anOutputFolderEqualToTheInputFolderIsRefused(@TempDir Path dir) throws IOException {
        Path in = dir.resolve("in");
        TempDirs.write(in, "a.csv", good);
        Map<String, String> before = TreeSnapshot.of(dir, List.of(in));
        assertThatThrownBy(() -> run(List.of(in), in, false)).hasMessageStartingWith("the output folder " + in
                + " is the input folder");
        assertThatThrownBy(() -> run(List.of(in), dir.resolve("in/../in"), false)).isInstanceOf(GaitformException.class);
        assertThat(TreeSnapshot.of(dir, List.of(in))).as("nothing written into it, not even a lock").isEqualTo(before);
    }

    @Test
    void aFolderNamedLikeASessionThatGaitformDidNotWriteMakesThatSessionFailAlone(@TempDir Path dir) throws IOException {
        // an output folder that already held P02/notes.txt lost it when P02.csv was analysed
        Path in = dir.resolve("in");
        TempDirs.write(in, "P02.csv", good);
        TempDirs.write(in, "P03.csv", good);
        Path out = dir.resolve("out");
        TempDirs.write(out, "P02/notes.txt", "the patient's notes");
        TempDirs.write(out, "p03/keep.txt", "upper or lower case, the same folder on macOS and Windows");
        Map<String, String> before = TreeSnapshot.of(out, List.of(out.resolve("P02"), out.resolve("p03")));
        BatchResult r = run(List.of(in), out, false);
        Outcome p02 = outcome(r, "P02");
        assertThat(p02.status()).isEqualTo(Outcome.Status.FAILED);
        assertThat(p02.message()).isEqualTo(InputDiscovery.display(in.resolve("P02.csv")) + ": " + out.resolve("P02")
                + " exists and was not written by gaitform (it has no gaitform marker, .gaitform-session); choose "
                + "another --out or move it");
        assertThat(outcome(r, "P03").status()).isEqualTo(Outcome.Status.OK);
        assertThat(TreeSnapshot.of(out, List.of(out.resolve("P02"), out.resolve("p03")))).isEqualTo(before);
        Cli c = cli("analyze", in.toString(), "--out", out.toString(), "--progress", "lines");
        assertThat(c.code()).isEqualTo(1);
        assertThat(c.err()).contains("P02 exists and was not written by gaitform");
        assertThat(TreeSnapshot.of(out, List.of(out.resolve("P02"), out.resolve("p03")))).isEqualTo(before);
    }

    @Test
    void anEarlierSessionReplacedByTheUsersOwnFolderIsKeptWhenItsInputNowFails(@TempDir Path dir) throws IOException {
        Path in = dir.resolve("in");
        TempDirs.write(in, "P02.csv", good);
        Path out = dir.resolve("out");
        assertThat(run(List.of(in), out, false).okCount()).isEqualTo(1);
        AtomicFiles.deleteTree(out.resolve("P02"));
        TempDirs.write(out, "P02/notes.txt", "mine now");
        Map<String, String> before = TreeSnapshot.of(out, List.of(out.resolve("P02")));
        TempDirs.write(in, "P02.csv", "time,acc_v\n0,1\n0.01,x\n");
        BatchResult r = run(List.of(in), out, false);
        assertThat(r.failedCount()).isEqualTo(1);
        assertThat(TreeSnapshot.of(out, List.of(out.resolve("P02")))).isEqualTo(before);
    }

    @Test
    void inputsNamedLikeTheBatchFilesNeverTakeTheirPlace(@TempDir Path dir) throws IOException {
        // batch-summary.csv.csv made a session folder batch-summary.csv (exit 4 on every later run);
        // batch-report.pdf.csv deleted an earlier batch report
        Path in = dir.resolve("in");
        List<String> names = List.of("batch-summary.csv.csv", "batch-report.pdf.csv", "BATCH-SUMMARY.CSV.tsv",
                "runner-report.pdf.csv", "runner-report-x.pdf.csv", "steps.csv.csv", "Sessions.parquet.csv",
                "findings.csv.txt", "bouts.parquet.csv");
        for (String n : names) {
            TempDirs.write(in, n, "time,acc_v\n0,1\n0.01,x\n");
        }
        TempDirs.write(in, "good.csv", good);
        Path out = dir.resolve("out");
        BatchResult first = run(List.of(in), out, false);
        assertThat(first.outcomes()).hasSize(names.size() + 1);
        for (Outcome o : first.outcomes()) {
            assertThat(OutputNames.isReserved(o.sessionId())).as(o.sessionId()).isFalse();
        }
        assertThat(out.resolve("batch-summary.csv")).isRegularFile();
        assertThat(out.resolve("batch-report.pdf")).isRegularFile();
        byte[] report = Files.readAllBytes(out.resolve("batch-report.pdf"));
        // failing inputs never leave folders; a good one named like a batch file does not either
        TempDirs.write(in, "batch-report.pdf.csv", good);
        BatchResult second = run(List.of(in), out, false);
        assertThat(outcome(second, "session_batch-report.pdf").status()).isEqualTo(Outcome.Status.OK);
        assertThat(out.resolve("session_batch-report.pdf/summary.json")).isRegularFile();
        assertThat(out.resolve("batch-report.pdf")).isRegularFile();
        assertThat(Files.readAllBytes(out.resolve("batch-report.pdf"))).isNotEqualTo(report);
        assertThat(cli("analyze", in.toString(), "--out", out.toString(), "-q").code()).isEqualTo(1);
    }

    @Test
    void aSessionThatCannotBeReplacedFailsAloneWithTheReason(@TempDir Path dir) throws IOException {
        // a read-only folder inside an old session: the --force run threw the fresh session away, every later run
        // exited with 4
        Path in = dir.resolve("in");
        TempDirs.write(in, "a.csv", good);
        TempDirs.write(in, "b.csv", good);
        Path out = dir.resolve("out");
        assertThat(run(List.of(in), out, false).okCount()).isEqualTo(2);
        try (ReadOnly ro = ReadOnly.make(out.resolve("a/charts"))) {
            Map<String, String> before = TreeSnapshot.of(out, List.of(out.resolve("a")));
            BatchResult forced = run(List.of(in), out, true);
            Outcome a = outcome(forced, "a");
            assertThat(a.status()).isEqualTo(Outcome.Status.FAILED);
            assertThat(a.message()).contains("could not write " + out.resolve("a")).contains("permission denied")
                    .contains("charts is read-only");
            assertThat(outcome(forced, "b").status()).isEqualTo(Outcome.Status.OK);
            assertThat(TreeSnapshot.of(out, List.of(out.resolve("a")))).as("the old session is left as it was")
                    .isEqualTo(before);
            // later runs go on: the unchanged session is kept, nothing exits with 4
            BatchResult again = run(List.of(in), out, false);
            assertThat(again.outcomes()).extracting(Outcome::status).containsOnly(Outcome.Status.SKIPPED);
            Cli force = cli("analyze", in.toString(), "--out", out.toString(), "--force", "-q");
            assertThat(force.code()).as(force.err()).isEqualTo(1);
            assertThat(force.err()).contains("permission denied");
        }
    }

    @Test
    void aLeftOverThatCannotBeRemovedIsReportedAndNeverBlocksTheOutputFolder(@TempDir Path dir) throws IOException {
        Path in = dir.resolve("in");
        TempDirs.write(in, "a.csv", good);
        Path out = dir.resolve("out");
        run(List.of(in), out, false);
        // what an interrupted replacement of the old code could leave: an old session aside, with a read-only folder
        Path area = AtomicFiles.tempArea(out);
        Path stuck = Files.createDirectories(area.resolve("old-" + UUID.randomUUID()).resolve("charts"));
        Files.writeString(stuck.resolve("cadence.png"), "png");
        try (ReadOnly ro = ReadOnly.make(stuck)) {
            BatchResult r = run(List.of(in), out, true);
            assertThat(r.okCount()).isEqualTo(1);
            assertThat(r.warnings()).singleElement().asString().matches(".*\\(left by an earlier run\\) could not be "
                    + "removed: (permission denied|operation not permitted).*");
            Cli c = cli("analyze", in.toString(), "--out", out.toString(), "-q");
            assertThat(c.code()).isEqualTo(0);
            assertThat(c.err()).contains("gaitform: warning: ").contains("could not be removed");
        }
        assertThat(run(List.of(in), out, false).warnings()).isEmpty();
        assertThat(area).doesNotExist();
    }

    @Test
    void idsAreStableAcrossRuns(@TempDir Path dir) throws IOException {
        // adding run.tsv beside run.csv renamed the existing session
        Path in = dir.resolve("in");
        TempDirs.write(in, "run.csv", good);
        Path out = dir.resolve("out");
        assertThat(run(List.of(in), out, false).outcomes()).extracting(Outcome::sessionId).containsExactly("run");
        TempDirs.write(in, "run.tsv", good.replace(',', '\t'));
        BatchResult r = run(List.of(in), out, false);
        assertThat(r.outcomes()).extracting(Outcome::sessionId, Outcome::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple("run", Outcome.Status.SKIPPED),
                org.assertj.core.groups.Tuple.tuple("in_run", Outcome.Status.OK));
        // in a fresh folder both get their folder's name, as before
        assertThat(run(List.of(in), dir.resolve("fresh"), false).outcomes()).extracting(Outcome::sessionId)
                .containsExactly("in_run", "in_run-2");
    }

    @Test
    void aReadOnlyOrFileOutputFolderSaysWhy(@TempDir Path dir) throws IOException {
        Path in = TempDirs.write(dir, "a.csv", good);
        Path file = TempDirs.write(dir, "afile", "x");
        Cli c = cli("analyze", in.toString(), "--out", file.toString());
        assertThat(c.code()).isEqualTo(4);
        assertThat(c.err()).contains("cannot write to " + file + ": it is a file, not a folder");
        Path ro = Files.createDirectories(dir.resolve("ro_out"));
        try (ReadOnly r = ReadOnly.make(ro)) {
            Cli d = cli("analyze", in.toString(), "--out", ro.toString());
            assertThat(d.code()).isEqualTo(4);
            assertThat(d.err()).contains("cannot write to " + ro + ": permission denied (the folder is read-only");
        }
    }

    @Test
    void theSummaryListsEveryPathSeenAndNotAnalysed(@TempDir Path dir) throws IOException {
        Path in = dir.resolve("in");
        TempDirs.write(in, "a.csv", good);
        TempDirs.write(in, "notes.pdf", "%PDF");
        TempDirs.write(in, ".DS_Store", "x");
        TempDirs.write(in, "a.meta.csv", "key,value\nheight_cm,180\n");
        Path sub = TempDirs.write(in, "sub/b.csv", good).getParent();
        Files.createSymbolicLink(in.resolve("linked.csv"), in.resolve("sub/b.csv"));
        Files.createSymbolicLink(in.resolve("dangling.csv"), in.resolve("nowhere.csv"));
        Files.createSymbolicLink(sub.resolve("loop"), in);
        Path elsewhere = TempDirs.write(dir, "elsewhere/c.csv", good).getParent();
        Files.createSymbolicLink(in.resolve("more"), elsewhere);
        Path out = in.resolve("results");
        BatchResult r = run(List.of(in), out, false);
        // links are followed; the same file reached twice is analysed once, under the first path in path order
        assertThat(r.outcomes()).extracting(o -> o.input().display()).containsExactly(InputDiscovery.display(
                in.resolve("a.csv")), InputDiscovery.display(in.resolve("linked.csv")),
                InputDiscovery.display(in.resolve("more/c.csv")));
        assertThat(r.notAnalysed()).extracting(InputDiscovery.Skipped::reason).containsExactlyInAnyOrder("hidden",
                "metadata", "broken_link", "duplicate", "not_a_recording", "link_loop", "output_folder");
        List<Map<String, String>> rows = CsvRows.parse(Files.readString(out.resolve("batch-summary.csv")));
        assertThat(rows).hasSize(3 + 7);
        assertThat(rows.subList(3, rows.size())).allSatisfy(row -> {
            assertThat(row.get("status")).isEqualTo("skipped");
            assertThat(row.get("session_id")).isEmpty();
            assertThat(row.get("skip_reason")).isNotEmpty().isNotEqualTo("unchanged");
            assertThat(row.get("message")).isNotEmpty();
        });
        assertThat(rows).filteredOn(row -> row.get("skip_reason").equals("duplicate")).singleElement()
                .satisfies(row -> assertThat(row.get("message")).contains("the same recording as"));
        Cli c = cli("analyze", in.toString(), "--out", out.toString());
        assertThat(c.out()).contains("3 of 3 input(s) analysed").contains("7 other path(s) not analysed (1 broken_link, "
                + "1 duplicate, 1 hidden, 1 link_loop, 1 metadata, 1 not_a_recording, 1 output_folder)");
    }
}
