package org.gaitform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.gaitform.support.SyntheticRun;
import org.gaitform.support.TempDirs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line with watch exports: the runner's report line, {@code --cadence-unit}, exit codes. */
class WatchCliTest {
    @TempDir
    Path tmp;

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int code = GaitformCli.run(args, new PrintWriter(o, true), new PrintWriter(e, true));
        return new Run(code, o.toString(), e.toString());
    }

    @Test
    void aFolderOfRunsIsAnalysedWithTheRunnersReport() throws IOException {
        TempDirs.write(tmp.resolve("runs"), "easy.gpx", SyntheticRun.flat(1.7e9, 400, 3.0, 168).gpx(false));
        Run r = run(tmp.resolve("runs").toString(), "--out", tmp.resolve("out").toString());
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCode.OK);
        assertThat(r.out()).contains("ok    ").contains("runner's report → ").contains("runner-report.pdf");
    }

    @Test
    void theCadenceUnitOptionIsCheckedAndApplied() throws IOException {
        TempDirs.write(tmp.resolve("runs"), "easy.tcx", SyntheticRun.flat(1.7e9, 400, 3.0, 168).tcx(true));
        Run bad = run("analyze", tmp.resolve("runs").toString(), "--cadence-unit", "hops");
        assertThat(bad.code()).isEqualTo(ExitCode.USAGE);
        assertThat(bad.err()).contains("--cadence-unit must be auto, steps or strides, not 'hops'");
        Run forced = run("analyze", tmp.resolve("runs").toString(), "--cadence-unit", "steps", "--out",
                tmp.resolve("o").toString());
        assertThat(forced.code()).isEqualTo(ExitCode.OK);
        assertThat(forced.out()).contains("cadence 168.0 steps/min");
        assertThat(run("analyze", "--help").out()).contains("--cadence-unit").contains("runner-report.pdf");
    }
}
