package org.gaitform.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.gaitform.web.GaitformServer;
import org.gaitform.web.WebSettings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gaitform serve}: the web page (docs/web.md). */
@Command(name = "serve", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Start a web page where runners upload watch files and a clinic drops its sessions; the "
                + "reports open in the browser. Everything stays on this machine.", ""},
        footer = {"%nOpen the printed address in a browser, drop recordings (files, folders, zips) and the reports",
            "appear. Uploads and results live under --data and are deleted after --keep-days; each upload has an",
            "unguessable address, and 'My sessions' lists what this browser uploaded.",
            "%nExamples:",
            "  gaitform serve                                   http://127.0.0.1:8080/, this machine only",
            "  gaitform serve --bind 0.0.0.0 --password-file clinic.pw   the clinic's network, with a login",
            "%nThe password file holds the password, or its BCrypt hash (htpasswd -nbBC 12 '' PASSWORD | tr -d ':').",
            ExitCode.HELP_TEXT})
final class ServeCommand implements Callable<Integer> {

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080", description = "TCP port (default: "
            + "${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1", description = "Address to listen on "
            + "(default: ${DEFAULT-VALUE}, this machine only; 0.0.0.0 for the whole network, with --password-file).")
    String bind;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "gaitform-data", description = "Folder for uploads and "
            + "results (default: ${DEFAULT-VALUE}).")
    Path data;

    @Option(names = {"-j", "--jobs"}, paramLabel = "N", defaultValue = "2", description = "Uploads analysed at the same "
            + "time (default: ${DEFAULT-VALUE}).")
    int jobs;

    @Option(names = "--queue", paramLabel = "N", defaultValue = "100", description = "Uploads that may wait; one more "
            + "is asked to come back later (HTTP 503 with Retry-After) (default: ${DEFAULT-VALUE}).")
    int queue;

    @Option(names = "--max-upload-mb", paramLabel = "M", defaultValue = "512", description = "Largest upload in MB, all "
            + "its files together (default: ${DEFAULT-VALUE}; one file at most 256 MB or M).")
    long maxUploadMb;

    @Option(names = "--keep-days", paramLabel = "D", defaultValue = "30", description = "Days after which uploads and "
            + "results are deleted (default: ${DEFAULT-VALUE}).")
    int keepDays;

    @Option(names = "--password-file", paramLabel = "F", description = "Every page needs a login with the password in "
            + "this file (the password itself, or its BCrypt hash).")
    Path passwordFile;

    @Option(names = "--rate-limit", paramLabel = "N", defaultValue = "600", description = "Requests one client (IP "
            + "address) may make per minute (default: ${DEFAULT-VALUE}; uploads at most 60 per minute).")
    int rateLimit;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter e = spec.commandLine().getErr();
        if (maxUploadMb < 1 || maxUploadMb > 1_000_000) {
            throw usage("--max-upload-mb must be between 1 and 1000000, not " + maxUploadMb);
        }
        if (queue < 1 || queue > 100_000) {
            throw usage("--queue must be between 1 and 100000, not " + queue);
        }
        if (rateLimit < 1) {
            throw usage("--rate-limit must be at least 1, not " + rateLimit);
        }
        Optional<String> hash = Optional.empty();
        if (passwordFile != null) {
            if (!Files.isRegularFile(passwordFile)) {
                throw usage("--password-file " + passwordFile + ": no such file");
            }
            try {
                hash = Optional.of(org.gaitform.web.PasswordFile.hash(Files.readString(passwordFile, StandardCharsets.UTF_8)));
            } catch (IllegalArgumentException | IOException ex) {
                throw usage("--password-file " + passwordFile + ": " + ex.getMessage());
            }
        }
        WebSettings s;
        try {
            s = WebSettings.defaults(data).withBind(bind).withPort(port).withJobs(jobs, queue)
                    .withUploadLimit(maxUploadMb << 20).withKeepDays(keepDays)
                    .withRateLimits(rateLimit, Math.min(rateLimit, 60), 10).withPasswordHash(hash);
        } catch (IllegalArgumentException ex) {
            throw usage(ex.getMessage());
        }
        GaitformServer server = new GaitformServer(s, VersionProvider.version());
        server.onInternalError(m -> {
            synchronized (e) {
                e.println("gaitform serve: " + m);
                e.flush();
            }
        });
        String address;
        try {
            address = server.start();
        } catch (IOException ex) {
            e.println("gaitform: " + ex.getMessage());
            return ExitCode.INTERNAL;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "gaitform-serve-stop"));
        for (String w : server.warnings()) {
            e.println("gaitform: " + w);
        }
        o.println("gaitform serve: open " + address + " in a browser (uploads and results in " + data.toAbsolutePath()
                .normalize() + ", deleted after " + keepDays + " days" + (hash.isPresent() ? "; login required" : "")
                + "). Stop with Ctrl+C.");
        o.flush();
        server.join();
        return ExitCode.OK;
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
