package org.gaitform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.gaitform.model.Activity;
import org.gaitform.simulate.RunnerProfile;
import org.gaitform.simulate.SampleSessions;
import org.gaitform.simulate.SampleSessionsAccess;
import org.gaitform.simulate.Segment;
import org.gaitform.simulate.SimulatedSession;
import org.gaitform.simulate.TrunkImuSimulator;
import org.gaitform.signal.Vec3;
import org.gaitform.support.TempDirs;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line: exit codes, messages, outputs. */
class CliTest {
    @TempDir
    static Path shared;
    static String goodCsv;
    static String walkingCsv;

    record Run(int code, String out, String err) {
    }

    @BeforeAll
    static void simulate() {
        RunnerProfile runner = new RunnerProfile(RunnerProfile.Strike.REARFOOT, 0, 1);
        SimulatedSession run = new TrunkImuSimulator(runner, 100, 7, new Vec3(1, 0, 0), new Vec3(0, 0, 1))
                .simulate(List.of(Segment.stand(1), Segment.run(12, 3.2), Segment.stand(1)), 0);
        goodCsv = SampleSessionsAccess.plain(run);
        SimulatedSession walk = new TrunkImuSimulator(runner, 100, 8, new Vec3(1, 0, 0), new Vec3(0, 0, 1))
                .simulate(List.of(Segment.stand(2), Segment.walk(15, 1.3), Segment.stand(2)), 0);
        walkingCsv = SampleSessionsAccess.plain(walk);
        assertThat(walk.bouts()).anyMatch(b -> b.activity() == Activity.WALKING);
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = GaitformCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void analysesAFileAndWritesTheContractOutputs(@TempDir Path dir) throws IOException {
        Path in = TempDirs.write(dir, "in/trial 01.csv", goodCsv);
        Path out = dir.resolve("out");
        Run r = run("analyze", in.toString(), "--out", out.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCode.OK);
        assertThat(r.out()).contains("1 of 1 input(s) analysed, 0 failed");
        Path session = out.resolve("trial_01");
        assertThat(session.resolve("steps.csv")).exists();
        assertThat(session.resolve("summary.json")).exists();
        assertThat(session.resolve("report.pdf")).exists();
        assertThat(session.resolve("charts/signal_events.png")).exists();
        assertThat(Files.readString(session.resolve("steps.csv")))
                .startsWith("step,side,ic_s,to_s,contact_ms,flight_ms,step_time_s");
        String summary = Files.readString(session.resolve("summary.json"));
        for (String key : List.of("source", "placement", "sampling_rate_hz", "n_steps", "cadence_spm", "contact_ms",
                "flight_ms", "duty_factor", "running_s", "warnings")) {
            assertThat(summary).contains("\"" + key + "\":");
        }
        assertThat(Files.readString(out.resolve("batch-summary.csv"))).contains(",ok,");
        try (var s = Files.list(out)) {
            assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".gaitform-tmp"));
        }
    }

    @Test
    void aFolderWithoutSubcommandMeansAnalyze(@TempDir Path dir) throws IOException {
        TempDirs.write(dir, "data/a.csv", goodCsv);
        TempDirs.write(dir, "data/sub/b.csv", goodCsv);
        TempDirs.write(dir, "data/README.md", "notes");
        TempDirs.write(dir, "data/a.truth.csv", "step,side\n");
        Run r = run(dir.resolve("data").toString(), "--out", dir.resolve("o").toString());
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCode.OK);
        assertThat(r.out()).contains("2 of 2 input(s) analysed");
        assertThat(dir.resolve("o/a")).isDirectory();
        assertThat(dir.resolve("o/b")).isDirectory();
    }

    @Test
    void badInputsFailOneByOneWithClearMessagesAndTheRestIsWritten(@TempDir Path dir) throws IOException {
        Path data = dir.resolve("data");
        TempDirs.write(dir, "data/good.csv", goodCsv);
        TempDirs.write(dir, "data/empty.csv", "");
        TempDirs.write(dir, "data/header_only.csv", "time,acc_x,acc_y,acc_z\n");
        TempDirs.write(dir, "data/no_columns.csv", "time,temp,pressure\n0,20,1000\n0.01,20,1000\n");
        TempDirs.write(dir, "data/bad_cell.csv", "time,acc_v\n0,1\n0.01,1.2\n0.02,oops\n");
        TempDirs.write(dir, "data/backwards.csv", "time,acc_v\n0,1\n0.02,1\n0.01,1\n");
        TempDirs.write(dir, "data/repeated.csv", "time,acc_v\n0,1\n0.01,1\n0.01,1\n");
        TempDirs.write(dir, "data/gap.csv", "time,acc_v\n0,1\n0.01,1\n5.0,1\n5.01,1\n");
        TempDirs.write(dir, "data/short.csv", "time,acc_v\n0,1\n0.01,1\n0.02,1\n");
        TempDirs.write(dir, "data/walking.csv", walkingCsv);
        Path missing = dir.resolve("does-not-exist.csv");
        Path out = dir.resolve("out");
        Run r = run("analyze", data.toString(), missing.toString(), "--out", out.toString());
        assertThat(r.code()).isEqualTo(ExitCode.SOME_FAILED);
        assertThat(r.out()).contains("2 of 11 input(s) analysed, 9 failed");
        // a walking-only recording is analysed with walking metrics, not failed
        assertThat(r.out()).contains("walking.csv").contains("no running; ").contains("walking steps");
        String err = r.err();
        assertThat(err).contains("does-not-exist.csv: expected an existing file");
        assertThat(err).contains("empty.csv: expected rows of data, found an empty file");
        assertThat(err).contains("header_only.csv").contains("a header only");
        assertThat(err).contains("no_columns.csv: header: expected accelerometer columns")
                .contains("found none among the headers ['time', 'temp', 'pressure']");
        assertThat(err).contains("bad_cell.csv: line 4, column 'acc_v': expected a finite number, found 'oops'");
        assertThat(err).contains("backwards.csv: line 4, column 'time'").contains("time going backwards, from 0.02 to 0.01");
        assertThat(err).contains("repeated.csv: line 4, column 'time'").contains("repeated");
        assertThat(err).contains("gap.csv: line 4, column 'time'").contains("a gap of 4.99 s");
        assertThat(err).contains("short.csv: the recording is too short: 0.02 s");
        assertThat(err).doesNotContain("Exception").doesNotContain("\tat org.");
        String summary = Files.readString(out.resolve("batch-summary.csv"));
        assertThat(summary.lines().filter(l -> l.contains(",failed,")).count()).isEqualTo(9);
        assertThat(summary).contains(",ok,");
        assertThat(out.resolve("good/report.pdf")).exists();
        assertThat(out.resolve("empty")).doesNotExist();
    }

    @Test
    void nothingAnalysedHasItsOwnCode(@TempDir Path dir) throws IOException {
        TempDirs.write(dir, "bad.csv", "hello\n");
        assertThat(run("analyze", dir.resolve("bad.csv").toString(), "--out", dir.resolve("o").toString()).code())
                .isEqualTo(ExitCode.NOTHING_ANALYSED);
        Files.createDirectories(dir.resolve("empty"));
        Run r = run("analyze", dir.resolve("empty").toString(), "--out", dir.resolve("o2").toString());
        assertThat(r.code()).isEqualTo(ExitCode.NOTHING_ANALYSED);
        assertThat(r.err()).contains("no recordings found");
    }

    @Test
    void aFileNameThatLooksLikeAnOptionIsNamedWithTheWayOut(@TempDir Path dir) throws IOException {
        // issue 11: "analyze -leading.csv" said a required parameter was missing
        Run r = run("analyze", "-leading.csv");
        assertThat(r.code()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("unknown option '-leading.csv'; if it is a file name, write ./-leading.csv or put "
                + "-- before it (gaitform analyze -- -leading.csv)").doesNotContain("Missing required parameter");
        assertThat(run("-leading.csv").err()).contains("unknown option '-leading.csv'");
        TempDirs.write(dir, "-leading.csv", goodCsv);
        Run ok = run("analyze", "--out", dir.resolve("o").toString(), "--", dir.resolve("-leading.csv").toString());
        assertThat(ok.code()).as(ok.err()).isEqualTo(ExitCode.OK);
        // values of options are not taken for unknown options
        assertThat(run("analyze", "-o", dir.resolve("-o2").toString(), "-j", "1", "--",
                dir.resolve("-leading.csv").toString()).code()).isEqualTo(ExitCode.OK);
    }

    @Test
    void usageErrorsExitWithTwoAndAHint(@TempDir Path dir) throws IOException {
        Path in = TempDirs.write(dir, "a.csv", goodCsv);
        Run unknown = run("analyze", in.toString(), "--frobnicate");
        assertThat(unknown.code()).isEqualTo(ExitCode.USAGE);
        assertThat(unknown.err()).contains("unknown option '--frobnicate'").contains("--help");
        assertThat(run("analyze", in.toString(), "--acc-unit", "kg").err()).contains("--acc-unit must be g or mps2");
        assertThat(run("analyze", in.toString(), "--acc-unit", "kg").code()).isEqualTo(ExitCode.USAGE);
        assertThat(run("analyze", in.toString(), "--column", "foo=bar").err()).contains("unknown role 'foo'");
        assertThat(run("analyze", in.toString(), "--rate", "-5").code()).isEqualTo(ExitCode.USAGE);
        assertThat(run("analyze", in.toString(), "--placement", "nose").err()).contains("unknown --placement 'nose'");
        assertThat(run("analyze").code()).isEqualTo(ExitCode.USAGE);
        assertThat(run().code()).isEqualTo(ExitCode.USAGE);
    }

    @Test
    void helpAndVersion() {
        Run help = run("--help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("analyze").contains("simulate").contains("Exit codes:")
                .contains("3  nothing could be analysed").contains("Examples:");
        Run ahelp = run("analyze", "--help");
        assertThat(ahelp.out()).contains("--column").contains("--rate").contains("--placement").contains("acc_ml");
        Run version = run("--version");
        assertThat(version.code()).isZero();
        assertThat(version.out()).startsWith("gaitform ");
    }

    @Test
    void simulateWritesTheSampleSessions(@TempDir Path dir) {
        Run r = run("simulate", "--out", dir.toString());
        assertThat(r.code()).isZero();
        assertThat(dir.resolve("README.md")).exists();
        assertThat(dir.resolve("sacrum_heelstrike_100hz.csv")).exists();
        assertThat(dir.resolve("sacrum_heelstrike_100hz.truth.csv")).exists();
        assertThat(SampleSessions.DEFAULT_SEED).isPositive();
    }

    @Test
    void overridesReachTheReader(@TempDir Path dir) throws IOException {
        // rename the columns so that nothing is recognised, then name them on the command line
        String renamed = goodCsv.replaceFirst("time_s,acc_x_g,acc_y_g,acc_z_g,gyr_x_dps,gyr_y_dps,gyr_z_dps",
                "T,A1,A2,A3,W1,W2,W3");
        Path in = TempDirs.write(dir, "r.csv", renamed);
        Run plain = run("analyze", in.toString(), "--out", dir.resolve("o1").toString());
        assertThat(plain.code()).isEqualTo(ExitCode.NOTHING_ANALYSED);
        Run named = run("analyze", in.toString(), "--out", dir.resolve("o2").toString(), "--column", "time=T",
                "--column", "acc_x=A1", "--column", "acc_y=A2", "--column", "acc_z=A3", "--acc-unit", "g",
                "--placement", "sacrum");
        assertThat(named.code()).as(named.err()).isEqualTo(ExitCode.OK);
        assertThat(Files.readString(dir.resolve("o2/r/summary.json"))).contains("\"decision_column_acc_x\": \"A1\"")
                .contains("\"decision_placement\": \"sacrum\"");
    }
}
