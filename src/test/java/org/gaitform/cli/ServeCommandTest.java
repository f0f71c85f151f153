package org.gaitform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gaitform.web.GaitformServer;
import org.gaitform.web.WebSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gaitform serve} on the command line: help, usage errors, a data folder or port already taken. */
class ServeCommandTest {
    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = GaitformCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void helpListsTheOptions() {
        Run help = run("serve", "--help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("--port").contains("--bind").contains("--data").contains("--jobs")
                .contains("--max-upload-mb").contains("--keep-days").contains("--password-file").contains("Examples:");
        assertThat(run("--help").out()).contains("serve");
    }

    @Test
    void usageErrorsExitWithTwo(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        assertThat(run("serve", "--max-upload-mb", "0", "--data", data.toString()).code()).isEqualTo(ExitCode.USAGE);
        assertThat(run("serve", "--port", "70000", "--data", data.toString()).err()).contains("port");
        assertThat(run("serve", "--jobs", "0", "--data", data.toString()).err()).contains("--jobs");
        assertThat(run("serve", "--keep-days", "0", "--data", data.toString()).code()).isEqualTo(ExitCode.USAGE);
        Run missing = run("serve", "--password-file", dir.resolve("nope.pw").toString(), "--data", data.toString());
        assertThat(missing.code()).isEqualTo(ExitCode.USAGE);
        assertThat(missing.err()).contains("no such file");
        Path shortPw = Files.writeString(dir.resolve("short.pw"), "abc\n");
        Run weak = run("serve", "--password-file", shortPw.toString(), "--data", data.toString());
        assertThat(weak.code()).isEqualTo(ExitCode.USAGE);
        assertThat(weak.err()).contains("8 characters");
    }

    @Test
    void aDataFolderInUseOrATakenPortIsAClearError(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        try (GaitformServer first = new GaitformServer(WebSettings.defaults(data).withPort(0), "test")) {
            first.start();
            Run same = run("serve", "--port", "0", "--data", data.toString());
            assertThat(same.code()).isEqualTo(ExitCode.INTERNAL);
            assertThat(same.err()).contains("another gaitform serve is using the data folder");
            Run port = run("serve", "--port", String.valueOf(first.port()), "--data", dir.resolve("other").toString());
            assertThat(port.code()).isEqualTo(ExitCode.INTERNAL);
            assertThat(port.err()).contains("could not start").doesNotContain("\tat ");
        }
    }
}
