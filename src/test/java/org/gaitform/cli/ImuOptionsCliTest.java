package org.gaitform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command-line options added for more sensors: --speed-mps and the placements of --placement. */
class ImuOptionsCliTest {
    @TempDir
    Path tmp;

    private int run(StringWriter out, StringWriter err, String... args) {
        return GaitformCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void speedOutOfRangeIsAUsageError() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = run(out, err, "analyze", "sample-data", "--speed-mps", "40", "--out", tmp.toString());
        assertThat(code).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("--speed-mps must be a running speed between 0 and 15 m/s");
    }

    @Test
    void speedAndFootPlacementAreAccepted() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Path sample = Path.of("sample-data", "sacrum_heelstrike_100hz.csv");
        int code = run(out, err, "analyze", sample.toString(), "--speed-mps", "2.8", "--out", tmp.toString(), "-q");
        assertThat(code).as(err.toString()).isEqualTo(ExitCode.OK);
        String summary = Files.readString(tmp.resolve("sacrum_heelstrike_100hz").resolve("summary.json"));
        assertThat(summary).contains("\"speed_mps\": 2.8").contains("\"vertical_ratio_pct\"")
                .contains("\"vertical_oscillation_cm\"");
        // the same trunk file forced to be a foot sensor: analysed as one, and the signal's disagreement is not hidden
        StringWriter err2 = new StringWriter();
        int code2 = run(new StringWriter(), err2, "analyze", sample.toString(), "--placement", "tibia", "--out",
                tmp.resolve("o2").toString(), "-q");
        assertThat(code2).isIn(ExitCode.OK, ExitCode.NOTHING_ANALYSED);
        assertThat(run(new StringWriter(), new StringWriter(), "analyze", "--help")).isEqualTo(ExitCode.OK);
    }

    @Test
    void helpListsTheNewPlacementsAndSpeed() {
        StringWriter out = new StringWriter();
        run(out, new StringWriter(), "analyze", "--help");
        assertThat(out.toString()).contains("--speed-mps").contains("phone_pocket").contains("shank");
    }
}
