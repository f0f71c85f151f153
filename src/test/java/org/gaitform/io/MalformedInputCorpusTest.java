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
import java.util.stream.Stream;
import org.gaitform.cli.GaitformCli;
import org.gaitform.model.GaitformException;
import org.gaitform.pipeline.AnalysisSettings;
import org.gaitform.pipeline.SessionPipeline;
import org.gaitform.support.CsvRows;
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
        Path f = dir.resolve(c.fileName());
        Files.write(f, c.bytes());
        String message = null;
        try {
            new SessionPipeline(AnalysisSettings.defaults()).analyse(f, c.fileName(), "case");
        } catch (GaitformException e) {
            message = e.getMessage();
        } catch (RuntimeException | Error e) {
            throw new AssertionError(c + ": expected a GaitformException with one clear message, got " + e, e);
        }
        if (message == null) {
            fail("%s was analysed; expected a message containing %s", c, c.fragments());
        }
        System.out.printf("%-50s %s%n", c, message.length() > 220 ? message.substring(0, 217) + "..." : message);
        assertThat(message).as(c.toString()).startsWith(c.fileName() + ": ").doesNotContain("\n")
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

    @Test
    void inABatchEachFailsAloneAndTheGoodFileIsWritten(@TempDir Path dir) throws IOException {
        Path in = dir.resolve("in");
        List<MalformedCorpus.Case> all = MalformedCorpus.all();
        for (MalformedCorpus.Case c : all) {
            Files.createDirectories(in);
            Files.write(in.resolve(c.fileName()), c.bytes());
        }
        TempDirs.write(in, "zz_good_run.csv", MalformedCorpus.goodTrunkCsv());
        Path out = dir.resolve("out");
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int code = GaitformCli.run(new String[] {"analyze", in.toString(), "--out", out.toString(), "--jobs", "2",
            "--progress", "lines"}, new PrintWriter(o, true), new PrintWriter(e, true));
        assertThat(code).as(e.toString()).isEqualTo(1);
        String err = e.toString();
        assertThat(err.lines().filter(l -> l.contains("] FAIL  ")).count()).isEqualTo(all.size());
        assertThat(err.lines().count()).as(err).isEqualTo(all.size());
        assertThat(err).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(o.toString()).contains("1 of " + (all.size() + 1) + " input(s) analysed, " + all.size() + " failed");
        List<Map<String, String>> rows = CsvRows.parse(Files.readString(out.resolve("batch-summary.csv")));
        assertThat(rows).hasSize(all.size() + 1);
        assertThat(rows.stream().filter(r -> r.get("status").equals("failed"))).hasSize(all.size());
        assertThat(out.resolve("zz_good_run/report.pdf")).isNotEmptyFile();
        try (Stream<Path> s = Files.list(out)) {
            assertThat(s.filter(Files::isDirectory).map(p -> p.getFileName().toString()))
                    .containsExactly("zz_good_run");
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
