package org.gaitform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.gaitform.support.Fixtures;
import org.gaitform.support.TempDirs;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Batch options of the command line: jobs, progress display. */
class BatchCliTest {
    static String good;

    record Run(int code, String out, String err) {
    }

    @BeforeAll
    static void simulate() {
        good = Fixtures.shortRunCsv();
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = GaitformCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void jobsMustBePositive(@TempDir Path dir) throws IOException {
        Path in = TempDirs.write(dir, "a.csv", good);
        Run r = run("analyze", in.toString(), "--jobs", "0", "--out", dir.resolve("o").toString());
        assertThat(r.code()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("--jobs must be between 1 and 1024, not 0");
        assertThat(run("analyze", in.toString(), "--progress", "fancy").err())
                .contains("--progress must be auto, bar or lines");
        assertThat(run("analyze", "--help").out()).contains("--jobs").contains("--progress");
    }

    @Test
    void plainLinesWithTwoJobs(@TempDir Path dir) throws IOException {
        TempDirs.write(dir, "in/a.csv", good);
        TempDirs.write(dir, "in/b.csv", "time,acc_v\n0,1\n0.01,x\n");
        Run r = run("analyze", dir.resolve("in").toString(), "-j", "2", "--progress", "lines", "--out",
                dir.resolve("o").toString());
        assertThat(r.code()).isEqualTo(ExitCode.SOME_FAILED);
        assertThat(r.out()).contains("2 input(s)").contains("(2 jobs)").containsPattern("\\[[12]/2\\] ok    ");
        assertThat(r.err()).containsPattern("\\[[12]/2\\] FAIL  .*b\\.csv: line 3, column 'acc_v'");
        assertThat(r.out()).contains("1 of 2 input(s) analysed, 1 failed");
    }

    @Test
    void aBarOnRequest(@TempDir Path dir) throws IOException {
        TempDirs.write(dir, "in/a.csv", good);
        TempDirs.write(dir, "in/b.csv", "time,acc_v\n0,1\n0.01,x\n");
        Run r = run("analyze", dir.resolve("in").toString(), "--progress", "bar", "--out", dir.resolve("o").toString());
        assertThat(r.code()).isEqualTo(ExitCode.SOME_FAILED);
        assertThat(r.out()).contains("Analysing").contains("2/2 inputs").contains("1 of 2 input(s) analysed");
        assertThat(r.out()).doesNotContain("[1/2]");
        assertThat(r.err()).contains("FAIL  ").contains("b.csv: line 3");
    }

    @Test
    void aSecondRunSkipsWhatIsUnchangedAndForceRedoesIt(@TempDir Path dir) throws IOException {
        TempDirs.write(dir, "in/a.csv", good);
        String o = dir.resolve("o").toString();
        String in = dir.resolve("in").toString();
        assertThat(run(in, "--out", o, "--progress", "lines").code()).isEqualTo(ExitCode.OK);
        Run again = run(in, "--out", o, "--progress", "lines");
        assertThat(again.code()).isEqualTo(ExitCode.OK);
        assertThat(again.out()).contains("[1/1] skip  ").contains("unchanged since the last run")
                .contains("1 of 1 input(s) analysed (1 unchanged since the last run, kept), 0 failed");
        assertThat(java.nio.file.Files.readString(dir.resolve("o/batch-summary.csv"))).contains(",skipped,");
        Run forced = run(in, "--out", o, "--progress", "lines", "--force");
        assertThat(forced.out()).contains("[1/1] ok    ").contains("1 of 1 input(s) analysed, 0 failed");
        assertThat(run("analyze", "--help").out()).contains("--force");
    }

    @Test
    void progressLinesGiveRateAndTimeLeft() {
        assertThat(LineProgress.progressLine(40, 200, 20.0))
                .isEqualTo("progress: 40/200 (20 %), 2.0 inputs/s, about 1 min 20 s left");
        assertThat(LineProgress.duration(7300)).isEqualTo("2 h 1 min");
        assertThat(LineProgress.duration(12)).isEqualTo("12 s");
    }
}
