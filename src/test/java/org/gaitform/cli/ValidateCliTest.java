package org.gaitform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gaitform.simulate.RunnerProfile;
import org.gaitform.simulate.SampleSessionsAccess;
import org.gaitform.simulate.Segment;
import org.gaitform.simulate.SimulatedSession;
import org.gaitform.simulate.TrunkImuSimulator;
import org.gaitform.signal.Vec3;
import org.gaitform.support.CsvRows;
import org.gaitform.support.TempDirs;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gaitform validate}: outputs, exit codes and the one-line messages for bad references (wrong stem, no
 * overlap in time, another sampling rate, a force in another unit), on simulated sessions with known truth.
 */
class ValidateCliTest {
    static SimulatedSession run;
    static String csv;
    static String truth;

    record Run(int code, String out, String err) {
    }

    @BeforeAll
    static void simulate() {
        RunnerProfile runner = new RunnerProfile(RunnerProfile.Strike.REARFOOT, 0, 1);
        run = new TrunkImuSimulator(runner, 100, 17, new Vec3(1, 0, 0), new Vec3(0, 0, 1))
                .simulate(List.of(Segment.stand(1), Segment.run(12, 3.2), Segment.stand(1)), 0);
        csv = SampleSessionsAccess.plain(run);
        truth = SampleSessionsAccess.truth(run);
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = GaitformCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    /** A vertical force (N) at 1000 Hz that is above 50 N exactly during the truth's contacts. */
    static String forceFile(String header, double scale, double shiftS) {
        StringBuilder sb = new StringBuilder(header).append('\n');
        double end = run.steps().get(run.steps().size() - 1).toS() + 1;
        for (int i = 0; i * 0.001 < end; i++) {
            double t = i * 0.001 - shiftS;
            double f = 5;
            for (SimulatedSession.TruthStep s : run.steps()) {
                if (t >= s.icS() && t < s.toS()) {
                    f = 60 + 1500 * Math.sin(Math.PI * (t - s.icS()) / (s.toS() - s.icS()));
                }
            }
            sb.append(String.format(Locale.ROOT, "%.3f,%.2f,%.2f%n", i * 0.001, 8.0, f * scale));
        }
        return sb.toString();
    }

    @Test
    void comparesWithATruthFileAndWritesEveryOutput(@TempDir Path dir) throws IOException {
        Path in = TempDirs.write(dir, "in/run1.csv", csv);
        TempDirs.write(dir, "in/run1.truth.csv", truth);
        Path out = dir.resolve("out");
        Run r = run("validate", in.toString(), "--reference", dir.resolve("in").toString(), "--out", out.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCode.OK);
        assertThat(r.out()).contains("1 of 1 recording(s) compared, 0 failed").contains("initial contacts: ");
        for (String f : List.of("agreement.csv", "agreement-events.csv", "agreement.pdf",
                "plots/bland-altman-contact-per-step.png")) {
            assertThat(out.resolve(f)).isNotEmptyFile();
        }
        List<Map<String, String>> rows = CsvRows.parse(Files.readString(out.resolve("agreement.csv")));
        Map<String, String> rec = rows.stream().filter(m -> m.get("level").equals("recording")).findFirst().orElseThrow();
        assertThat(rec.get("reference_kind")).isEqualTo("events");
        assertThat(Double.parseDouble(rec.get("ic_recall_pct"))).isEqualTo(100.0);
        assertThat(Math.abs(Double.parseDouble(rec.get("ic_bias_ms")))).isLessThan(15);
        assertThat(rec.get("input_kind")).isEqualTo("trunk-imu");
        assertThat(rows).anyMatch(m -> m.get("level").equals("group") && m.get("group").equals("all"));
        List<Map<String, String>> ev = CsvRows.parse(Files.readString(out.resolve("agreement-events.csv")));
        assertThat(ev).hasSizeGreaterThanOrEqualTo(2 * run.steps().size());
        // a second run into the same folder replaces its own outputs
        Run again = run("validate", in.toString(), "--reference", dir.resolve("in").toString(), "--out", out.toString());
        assertThat(again.code()).as(again.err()).isEqualTo(ExitCode.OK);
    }

    @Test
    void forceReferencesAreFoundByStemAndDerivedWithTheirThreshold(@TempDir Path dir) throws IOException {
        Path in = TempDirs.write(dir, "in/trial7.csv", csv);
        TempDirs.write(dir, "forces/trial7_forces.csv", forceFile("time_s,Fx,Fz", 1, 0));
        Path out = dir.resolve("out");
        Run r = run("validate", in.toString(), "-r", dir.resolve("forces").toString(), "-o", out.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCode.OK);
        Map<String, String> rec = CsvRows.parse(Files.readString(out.resolve("agreement.csv"))).get(0);
        assertThat(rec.get("reference_kind")).isEqualTo("force");
        assertThat(rec.get("reference_method")).contains("force above 50 N").contains("30 ms");
        assertThat(Integer.parseInt(rec.get("ic_ref_n"))).isEqualTo(run.steps().size());
        assertThat(Double.parseDouble(rec.get("ic_recall_pct"))).isEqualTo(100.0);
        // a threshold in body weights on a force in newtons: body weight from the mean force over whole steps
        Run bw = run("validate", in.toString(), "-r", dir.resolve("forces").toString(), "-o", dir.resolve("o2").toString(),
                "--force-threshold", "0.05bw");
        assertThat(bw.code()).as(bw.err()).isEqualTo(ExitCode.OK);
        assertThat(Files.readString(dir.resolve("o2/agreement.csv"))).contains("force above 0.05 BW (");
    }

    @Test
    void aRecordingWithoutAReferenceOfItsNameIsListedAndTheOthersGoOn(@TempDir Path dir) throws IOException {
        Path a = TempDirs.write(dir, "in/run1.csv", csv);
        Path b = TempDirs.write(dir, "in/run2.csv", csv);
        TempDirs.write(dir, "refs/run1_events.csv", truth);
        TempDirs.write(dir, "refs/runB_events.csv", truth);
        Run r = run("validate", a.toString(), b.toString(), "--reference", dir.resolve("refs").toString(), "--out",
                dir.resolve("out").toString());
        assertThat(r.code()).isEqualTo(ExitCode.SOME_FAILED);
        assertThat(r.err()).contains("run2.csv: no reference found: expected a file whose name starts with 'run2'")
                .contains("runB_events.csv");
        assertThat(r.err().lines().filter(l -> l.contains("FAIL")).count()).isEqualTo(1);
        assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(Files.readString(dir.resolve("out/agreement.csv"))).contains("failed")
                .contains("no reference found");
    }

    @Test
    void badReferencesGetOneClearLine(@TempDir Path dir) throws IOException {
        Path in = TempDirs.write(dir, "in/run1.csv", csv);
        // no overlap in time: the reference of a later stretch of the recording's clock
        StringBuilder late = new StringBuilder("ic_s,to_s\n");
        for (SimulatedSession.TruthStep s : run.steps()) {
            late.append(s.icS() + 100).append(',').append(s.toS() + 100).append('\n');
        }
        Path lateRef = TempDirs.write(dir, "late.csv", late.toString());
        Run r1 = run("validate", in.toString(), "-r", lateRef.toString(), "-o", dir.resolve("o1").toString());
        assertThat(r1.code()).isEqualTo(ExitCode.NOTHING_ANALYSED);
        assertThat(r1.err()).contains("late.csv: expected events within the time of").contains("run1.csv")
                .contains("none of them inside");
        // another sampling rate: sample indices at 200 Hz read as samples of the 100 Hz recording
        StringBuilder samples = new StringBuilder("ic_sample,to_sample\n");
        for (SimulatedSession.TruthStep s : run.steps()) {
            samples.append(Math.round(s.icS() * 200)).append(',').append(Math.round(s.toS() * 200)).append('\n');
        }
        Path sampleRef = TempDirs.write(dir, "samples.csv", samples.toString());
        Run r2 = run("validate", in.toString(), "-r", sampleRef.toString(), "-o", dir.resolve("o2").toString());
        assertThat(r2.code()).isEqualTo(ExitCode.NOTHING_ANALYSED);
        assertThat(r2.err()).contains("samples.csv: expected events within the time of").contains("100 Hz")
                .contains("a different sampling rate or clock").contains("--reference-rate");
        Run ok = run("validate", in.toString(), "-r", sampleRef.toString(), "-o", dir.resolve("o3").toString(),
                "--reference-rate", "200");
        assertThat(ok.code()).as(ok.err()).isEqualTo(ExitCode.OK);
        // a force in another unit than its header says
        Path bwRef = TempDirs.write(dir, "grf.csv", forceFile("time_s,Fx,Fz_N", 1 / 700.0, 0));
        Run r3 = run("validate", in.toString(), "-r", bwRef.toString(), "-o", dir.resolve("o4").toString());
        assertThat(r3.code()).isEqualTo(ExitCode.NOTHING_ANALYSED);
        assertThat(r3.err()).contains("grf.csv: vertical force").contains("expected newtons")
                .contains("body weights or kN?");
        for (Run r : List.of(r1, r2, r3)) {
            assertThat(r.err().lines().filter(l -> !l.isBlank()).count()).as(r.err()).isEqualTo(1);
        }
        // a reference that does not exist, and a file that is not a reference: usage errors
        Run r4 = run("validate", in.toString(), "-r", dir.resolve("nope.csv").toString(), "-o", dir.resolve("o5").toString());
        assertThat(r4.code()).isEqualTo(ExitCode.USAGE);
        assertThat(r4.err()).contains("nope.csv: expected a reference file or folder, found nothing there");
        Run r5 = run("validate", in.toString(), "-r", in.toString(), "-o", dir.resolve("o6").toString());
        assertThat(r5.code()).isEqualTo(ExitCode.USAGE);
        assertThat(r5.err()).contains("run1.csv: header: expected a reference");
    }

    @Test
    void neverOverwritesFilesItDidNotWrite(@TempDir Path dir) throws IOException {
        Path in = TempDirs.write(dir, "in/run1.csv", csv);
        TempDirs.write(dir, "in/run1.truth.csv", truth);
        Path out = dir.resolve("out");
        TempDirs.write(dir, "out/agreement.csv", "my own notes\n");
        Run r = run("validate", in.toString(), "-r", dir.resolve("in").toString(), "-o", out.toString());
        assertThat(r.code()).isEqualTo(ExitCode.INTERNAL);
        assertThat(r.err()).contains("agreement.csv exists and gaitform validate did not write it")
                .contains("not overwritten");
        assertThat(Files.readString(out.resolve("agreement.csv"))).isEqualTo("my own notes\n");
    }

    @Test
    void usageErrorsAndHelp() {
        assertThat(run("validate", "x.csv").code()).isEqualTo(ExitCode.USAGE);
        Run t = run("validate", "x.csv", "-r", "y.csv", "--tolerance-ms", "0");
        assertThat(t.code()).isEqualTo(ExitCode.USAGE);
        assertThat(t.err()).contains("--tolerance-ms must be above 0");
        Run f = run("validate", "x.csv", "-r", "y.csv", "--force-threshold", "heavy");
        assertThat(f.code()).isEqualTo(ExitCode.USAGE);
        assertThat(f.err()).contains("--force-threshold must be a force threshold such as 50N");
        Run k = run("validate", "x.csv", "-r", "y.csv", "--reference-kind", "video");
        assertThat(k.err()).contains("--reference-kind must be events, force or session-values");
        Run help = run("validate", "--help");
        assertThat(help.code()).isEqualTo(ExitCode.OK);
        assertThat(help.out()).contains("--reference").contains("--tolerance-ms").contains("--group-by")
                .contains("agreement.csv").contains("--rate").contains("Exit codes");
        assertThat(run("--help").out()).contains("validate");
    }
}
