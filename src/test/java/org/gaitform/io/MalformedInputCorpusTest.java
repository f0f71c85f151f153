package org.gaitform.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.gaitform.cli.GaitformCli;
import org.gaitform.model.GaitformException;
import org.gaitform.model.SessionResult;
import org.gaitform.pipeline.AnalysisSettings;
import org.gaitform.pipeline.SessionPipeline;
import org.gaitform.support.ChildJvm;
import org.gaitform.support.CsvRows;
import org.gaitform.support.HeapProbe;
import org.gaitform.support.MalformedCorpus;
import org.gaitform.support.TempDirs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every case of the malformed-input corpus ({@link MalformedCorpus}) gives exactly one clear message —
 * the file, the place, what was expected, what was found — and never another exception; together with a
 * good file they fail one by one in a batch that goes on, with exit code 1 and no stack trace unless
 * {@code --debug}.
 */
class MalformedInputCorpusTest {

    static Stream<MalformedCorpus.Case> cases() {
        return MalformedCorpus.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void oneClearMessage(MalformedCorpus.Case c, @TempDir Path dir) throws IOException {
        Path f = c.writeTo(dir);
        String message = null;
        SessionResult result = null;
        try {
            result = new SessionPipeline(AnalysisSettings.defaults()).analyse(f, c.fileName(), "case");
        } catch (GaitformException e) {
            message = e.getMessage();
        } catch (RuntimeException | Error e) {
            throw new AssertionError(c + ": expected a GaitformException with one clear message, got " + e, e);
        }
        if (c.analysedWithWarning()) {
            assertThat(message).as(c + " must be analysed with a warning").isNull();
            String warnings = String.join(" | ", result.warnings());
            System.out.printf("%-50s (analysed) %s%n", c, warnings.length() > 220 ? warnings.substring(0, 217) + "..."
                    : warnings);
            for (String fragment : c.fragments()) {
                assertThat(warnings).as(c.toString()).contains(fragment);
            }
            return;
        }
        if (message == null) {
            fail("%s was analysed; expected a message containing %s", c, c.fragments());
        }
        System.out.printf("%-50s %s%n", c, message.length() > 220 ? message.substring(0, 217) + "..." : message);
        assertThat(message).as(c.toString()).matches(m -> m.startsWith(c.fileName() + ": ")
                || m.startsWith(c.fileName() + "/"), "starts with the input's name").doesNotContain("\n")
                .doesNotContain("Exception");
        assertThat(message.length()).as("length of: " + message).isLessThan(700);
        for (String fragment : c.fragments()) {
            assertThat(message).as(c.toString()).contains(fragment);
        }
    }

    @Test
    void theCorpusIsLargeAndVaried() {
        List<MalformedCorpus.Case> all = MalformedCorpus.all();
        assertThat(all).hasSizeGreaterThanOrEqualTo(40);
        assertThat(all.stream().map(MalformedCorpus.Case::fileName).distinct()).hasSameSizeAs(all);
    }

    /**
     * The whole corpus and a good recording in one folder, analysed by the command line with two jobs in a JVM
     * limited to 256 MB of heap (the corpus holds files that claim gigabytes): each bad input fails alone with one
     * line, the good one is written, exit code 1, no stack trace and no shortage of memory.
     */
    @Test
    void inABatchEachFailsAloneAndTheGoodFileIsWritten(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("in");
        List<MalformedCorpus.Case> all = MalformedCorpus.all();
        long failing = all.stream().filter(c -> !c.analysedWithWarning()).count();
        long warned = all.size() - failing;
        for (MalformedCorpus.Case c : all) {
            c.writeTo(in);
        }
        TempDirs.write(in, "zz_good_run.csv", MalformedCorpus.goodTrunkCsv());
        Path out = dir.resolve("out");
        Path log = dir.resolve("child.log");
        Process p = ChildJvm.start(List.of("-Xmx256m"), HeapProbe.class.getName(), List.of("analyze", in.toString(),
                "--out", out.toString(), "--jobs", "2", "--progress", "lines"), log);
        boolean finished = p.waitFor(120, TimeUnit.SECONDS);
        if (!finished) {
            p.destroyForcibly();
        }
        String text = Files.readString(log);
        assertThat(finished).as(text).isTrue();
        assertThat(p.exitValue()).as(text).isEqualTo(1);
        assertThat(text.lines().filter(l -> l.contains("] FAIL  ")).count()).as(text).isEqualTo(failing);
        assertThat(text).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("not enough memory")
                .doesNotContain("larger heap");
        // hostile names are printed with their control and format characters as '?'
        assertThat(MalformedCorpus.hasHiddenCharacters(text)).as("control or format characters in:%n%s", text).isFalse();
        assertThat(text).contains("run?vsc.exe.csv: line 3, column 'acc_v'").contains("esc?[31mred.csv");
        assertThat(text).contains((warned + 1) + " of " + (all.size() + 1) + " input(s) analysed, " + failing
                + " failed");
        System.out.printf("corpus of %d cases (%.1f MB) in one batch, -Xmx256m, 2 jobs: %s%n", all.size(),
                all.stream().mapToLong(MalformedCorpus.Case::size).sum() / 1e6,
                text.lines().filter(l -> l.startsWith("heap_probe")).findFirst().orElse(""));
        String summary = Files.readString(out.resolve("batch-summary.csv"));
        assertThat(MalformedCorpus.hasHiddenCharacters(summary)).isFalse();
        List<Map<String, String>> rows = CsvRows.parse(summary);
        assertThat(rows).hasSize(all.size() + 1);
        assertThat(rows.stream().filter(r -> r.get("status").equals("failed"))).hasSize((int) failing);
        assertThat(out.resolve("zz_good_run/report.pdf")).isNotEmptyFile();
        try (Stream<Path> s = Files.list(out)) {
            assertThat(s.filter(Files::isDirectory).map(f -> f.getFileName().toString()).toList())
                    .contains("zz_good_run").hasSize((int) warned + 1);
        }
    }

    @Test
    void debugPrintsTheStackTraces(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("nan.csv");
        Files.writeString(f, "time,acc_v\n0,1\n0.01,NaN\n");
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int code = GaitformCli.run(new String[] {"analyze", f.toString(), "--out", dir.resolve("o").toString(),
            "--debug", "--progress", "lines"}, new PrintWriter(o, true), new PrintWriter(e, true));
        assertThat(code).isEqualTo(3);
        assertThat(e.toString()).contains("nan.csv: line 3, column 'acc_v': expected a finite number, found 'NaN'")
                .contains("GaitformException").contains("\tat org.gaitform.io.text.ColumnReader");
    }
}
