package org.gaitform.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.gaitform.cli.GaitformCli;
import org.gaitform.pipeline.AnalysisSettings;
import org.gaitform.report.BatchEntry;
import org.gaitform.report.BatchSummaryCsv;
import org.gaitform.support.ChildJvm;
import org.gaitform.support.CsvRows;
import org.gaitform.support.Fixtures;
import org.gaitform.support.TempDirs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Outputs are safe to open: no spreadsheet formulas from file names, no session folder outside the output folder. */
class OutputSafetyTest {
    static final List<String> FORMULA_NAMES = List.of("=1+2.csv", "+cmd.csv", "-2+3.csv", "@SUM(A1).csv");

    @Test
    void fileNamesThatLookLikeFormulasAreNeutralisedInTheBatchSummary(@TempDir Path dir) throws Exception {
        // run in the folder that holds the files, so the inputs are named by their bare file names
        for (String n : FORMULA_NAMES) {
            TempDirs.write(dir, n, "time,acc_v\n0,1\n0.01,oops\n");
        }
        Path log = dir.resolve("log.txt");
        List<String> args = new ArrayList<>(List.of("analyze", "--out", "out", "--progress", "lines", "--"));
        args.addAll(FORMULA_NAMES);
        ProcessBuilder pb = ChildJvm.builder(List.of("-Xmx256m", "-XX:TieredStopAtLevel=1"), GaitformCli.class.getName(),
                args, log);
        pb.directory(dir.toFile());
        Process p = pb.start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(Files.readString(log)).isEqualTo(3);
        String csv = Files.readString(dir.resolve("out/batch-summary.csv"));
        List<Map<String, String>> rows = CsvRows.parse(csv);
        assertThat(rows).hasSize(FORMULA_NAMES.size());
        for (Map<String, String> r : rows) {
            for (Map.Entry<String, String> cell : r.entrySet()) {
                assertThat(cell.getValue()).as(cell.getKey()).doesNotStartWith("=").doesNotStartWith("+")
                        .doesNotStartWith("-").doesNotStartWith("@");
            }
            assertThat(r.get("input")).startsWith("'");
            assertThat(r.get("message")).startsWith("'").contains(": line 3, column 'acc_v'");
        }
        assertThat(rows).extracting(r -> r.get("input")).containsExactlyInAnyOrder("'=1+2.csv", "'+cmd.csv",
                "'-2+3.csv", "'@SUM(A1).csv");
    }

    @Test
    void everyCellOfTheSummaryIsNeutralised() {
        BatchEntry entry = new BatchEntry("=HYPERLINK(\"x\")", "@id", "skipped", "+1", java.util.Optional.empty());
        BatchEntry other = new BatchEntry("-2+3.csv", "id2", "failed", "\tcmd", java.util.Optional.empty());
        List<Map<String, String>> rows = CsvRows.parse(BatchSummaryCsv.write(List.of(entry, other)));
        assertThat(rows.get(0)).containsEntry("input", "'=HYPERLINK(\"x\")").containsEntry("message", "'+1")
                .containsEntry("session_id", "'@id").containsEntry("status", "skipped");
        assertThat(rows.get(1)).containsEntry("input", "'-2+3.csv").containsEntry("message", "'\tcmd");
    }

    @Test
    void hostileFileNamesStayInsideTheOutputFolder(@TempDir Path dir) throws IOException {
        List<String> names = new ArrayList<>(List.of("..csv", "...csv", "-.csv", ". .csv", "~.csv", "$HOME.csv",
                "%2e%2e%2fetc.csv", "CON.csv", "nul.csv", "charts.csv", "batch-summary.tsv", "a\nb.csv", "\u2024\u2024.csv",
                ".hidden_is_skipped.csv", "x".repeat(200) + ".csv", "été.csv"));
        Random rnd = new Random(11);
        String alphabet = "./-_ ~$%:;'\"!`=+@#&()[]{}é\u2024\t";
        for (int i = 0; i < 20; i++) {
            StringBuilder sb = new StringBuilder();
            for (int k = 0; k < 1 + rnd.nextInt(8); k++) {
                char c = alphabet.charAt(rnd.nextInt(alphabet.length()));
                sb.append(c == '/' ? '.' : c);
            }
            names.add(sb + ".csv");
        }
        Path in = dir.resolve("in");
        List<Path> given = new ArrayList<>();
        for (String n : names) {
            Path f = in.resolve(n);
            if (!f.normalize().getParent().equals(in.normalize()) || Files.exists(f)) {
                continue;
            }
            TempDirs.write(in, n, "time,acc_v\n0,1\n");
            given.add(f);
        }
        TempDirs.write(in, "good.csv", Fixtures.shortRunCsv());
        given.add(in.resolve("good.csv"));
        Path out = dir.resolve("box/out");
        BatchResult r = new BatchRunner(AnalysisSettings.defaults(), "test", new BatchOptions(2, false))
                .run(given, out, BatchListener.NONE);
        assertThat(r.outcomes()).hasSize(given.size());
        for (Outcome o : r.outcomes()) {
            Path folder = out.resolve(o.sessionId()).normalize();
            assertThat(folder.getParent()).as(o.sessionId()).isEqualTo(out.normalize());
            assertThat(o.sessionId()).matches("[A-Za-z0-9][A-Za-z0-9._-]*").doesNotContain("..");
        }
        assertThat(r.outcomes().stream().map(o -> o.sessionId().toLowerCase()).distinct()).hasSameSizeAs(r.outcomes());
        // nothing was written beside the output folder
        try (Stream<Path> s = Files.list(dir.resolve("box"))) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactly("out");
        }
        assertThat(out.resolve("good/summary.json")).exists();
        // the console and the summary show control characters in names as '?', so a name cannot forge lines
        assertThat(r.outcomes()).extracting(o -> o.input().display()).noneMatch(d -> d.contains("\n"));
    }
}
