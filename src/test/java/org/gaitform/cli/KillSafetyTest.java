package org.gaitform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.gaitform.report.AtomicFiles;
import org.gaitform.signal.Vec3;
import org.gaitform.simulate.RunnerProfile;
import org.gaitform.simulate.SampleSessionsAccess;
import org.gaitform.simulate.Segment;
import org.gaitform.simulate.TrunkImuSimulator;
import org.gaitform.support.ChildJvm;
import org.gaitform.support.CsvRows;
import org.gaitform.support.TempDirs;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The process is stopped in the middle of a batch, by SIGTERM (an orderly stop: the running sessions finish, the
 * manifest and the summary are written for what finished, the temporary area is removed) or by SIGKILL (nothing can
 * run: every session folder it leaves is still complete, and the next run removes the temporary left-overs). A
 * second run completes the batch with exactly the results of a clean run, and no temporary data is left — neither
 * in the output folder nor in the system's temporary folder (the child JVMs get a temporary folder of their own to
 * check it).
 */
class KillSafetyTest {
    static final int INPUTS = 8;

    enum Signal {
        SIGTERM, SIGKILL
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Signal.class)
    void stoppedMidBatchThenRunAgainGivesTheCleanResults(Signal signal, @TempDir Path dir) throws Exception {
        assertThat(ChildJvm.classPathLooksComplete()).as("test class path").isTrue();
        Path in = dir.resolve("in");
        for (int i = 0; i < INPUTS; i++) {
            RunnerProfile runner = new RunnerProfile(RunnerProfile.Strike.values()[i % 3], -10 + i, 1.0);
            String csv = SampleSessionsAccess.plain(new TrunkImuSimulator(runner, 100, 100 + i, new Vec3(1, 0.1, 0),
                    new Vec3(0, 0, 1)).simulate(List.of(Segment.stand(1), Segment.run(10, 2.6 + 0.15 * i),
                    Segment.stand(1)), 0));
            TempDirs.write(in, String.format("run_%02d.csv", i), csv);
        }
        TempDirs.write(in, "run_05b_broken.csv", "time,acc_v\n0,1\n0.01,1\n0.02,\n");
        Path killed = dir.resolve("killed");
        Path log = dir.resolve("child.log");
        Path systemTemp = Files.createDirectories(dir.resolve("system-temp"));
        List<String> jvm = List.of("-Xmx256m", "-XX:TieredStopAtLevel=1", "-Djava.io.tmpdir=" + systemTemp);
        List<String> args = List.of("analyze", in.toString(), "--out", killed.toString(), "--jobs", "2", "--progress",
                "lines");

        Process p = ChildJvm.start(jvm, GaitformCli.class.getName(), args, log);
        boolean sawTemp = false;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && p.isAlive()) {
            List<String> done = sessionFolders(killed);
            boolean temp = hasTemp(killed);
            sawTemp |= temp;
            // a finished session's folder is in place a moment before the manifest records it, and only a recorded
            // one can be kept by the next run: stop once the manifest holds one (a stop in that moment once left none
            // recorded, and the next run rightly analysed every session again)
            if (done.size() >= 2 && temp && recorded(killed)) {
                break;
            }
            Thread.sleep(10);
        }
        assertThat(p.isAlive()).as("the batch was still running when stopped; log:%n%s", read(log)).isTrue();
        if (signal == Signal.SIGTERM) {
            p.destroy();
        } else {
            p.destroyForcibly();
        }
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(sawTemp).as("a session was being written when the process was stopped").isTrue();

        // what the stopped run left: complete session folders (and, after SIGKILL, temporary ones)
        List<String> leftBehind = sessionFolders(killed);
        assertThat(leftBehind).isNotEmpty().hasSizeLessThan(INPUTS);
        for (String id : leftBehind) {
            assertComplete(killed.resolve(id));
        }
        if (signal == Signal.SIGTERM) {
            assertThat(p.exitValue()).as(read(log)).isEqualTo(143);
            assertThat(read(log)).contains("stopped: ").contains("not started (run again to finish)");
            assertThat(hasTemp(killed)).as("an orderly stop removes its temporary files").isFalse();
            assertThat(killed.resolve(AtomicFiles.TEMP_AREA)).doesNotExist();
            // the summary and the manifest hold what finished; the rest is listed as interrupted
            List<Map<String, String>> rows = CsvRows.parse(Files.readString(killed.resolve("batch-summary.csv")));
            assertThat(rows).hasSize(INPUTS + 1);
            List<String> ok = rows.stream().filter(r -> r.get("status").equals("ok")).map(r -> r.get("session_id"))
                    .sorted().toList();
            assertThat(ok).isEqualTo(leftBehind);
            assertThat(rows).filteredOn(r -> r.get("status").equals("skipped")).isNotEmpty()
                    .allSatisfy(r -> assertThat(r.get("skip_reason")).isEqualTo("interrupted"))
                    .allSatisfy(r -> assertThat(r.get("message")).contains("run again to analyse it"));
            assertThat(org.gaitform.batch.ManifestAccess.sessionIds(killed)).isEqualTo(leftBehind);
        }
        assertThat(listAll(systemTemp)).as("the system's temporary folder after the stop").isEmpty();

        // the next run (another process with the same temporary folder) finishes the batch
        Path againLog = dir.resolve("again.log");
        Process again = ChildJvm.start(jvm, GaitformCli.class.getName(), args, againLog);
        assertThat(again.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(again.exitValue()).as(read(againLog)).isEqualTo(ExitCode.SOME_FAILED);
        Path clean = dir.resolve("clean");
        Run fresh = run("analyze", in.toString(), "--out", clean.toString(), "--jobs", "2", "--progress", "lines");
        assertThat(fresh.code()).as(fresh.err()).isEqualTo(ExitCode.SOME_FAILED);

        assertThat(hasTemp(killed)).isFalse();
        assertThat(killed.resolve(AtomicFiles.TEMP_AREA)).as("no temporary data after the next run").doesNotExist();
        try (Stream<Path> s = Files.list(killed)) {
            assertThat(s.map(x -> x.getFileName().toString()).filter(n -> n.startsWith(AtomicFiles.TEMP_PREFIX)))
                    .isEmpty();
        }
        assertThat(listAll(systemTemp)).as("the system's temporary folder after the next run").isEmpty();
        assertThat(sessionFolders(killed)).containsExactlyElementsOf(sessionFolders(clean)).hasSize(INPUTS);
        for (String id : sessionFolders(clean)) {
            assertComplete(killed.resolve(id));
            for (String f : List.of("steps.csv", "summary.json")) {
                assertThat(Files.readString(killed.resolve(id).resolve(f))).as(id + "/" + f)
                        .isEqualTo(Files.readString(clean.resolve(id).resolve(f)));
            }
            assertThat(listing(killed.resolve(id))).isEqualTo(listing(clean.resolve(id)));
        }
        // the summaries agree apart from sessions kept from the stopped run (status skipped, same numbers)
        List<Map<String, String>> a = CsvRows.parse(Files.readString(killed.resolve("batch-summary.csv")));
        List<Map<String, String>> b = CsvRows.parse(Files.readString(clean.resolve("batch-summary.csv")));
        assertThat(a).hasSameSizeAs(b);
        int skipped = 0;
        for (int i = 0; i < a.size(); i++) {
            for (String col : List.of("input", "session_id", "n_steps", "cadence_spm", "contact_ms", "report")) {
                assertThat(a.get(i).get(col)).isEqualTo(b.get(i).get(col));
            }
            if (a.get(i).get("status").equals("skipped")) {
                skipped++;
                assertThat(leftBehind).contains(a.get(i).get("session_id"));
                assertThat(a.get(i).get("skip_reason")).isEqualTo("unchanged");
            } else {
                assertThat(a.get(i).get("status")).isEqualTo(b.get(i).get("status"));
            }
        }
        assertThat(skipped).as("sessions finished before the stop are kept").isPositive();
    }

    static List<String> listAll(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(x -> !x.equals(dir)).map(x -> dir.relativize(x).toString()).sorted().toList();
        }
    }

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = GaitformCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    static void assertComplete(Path session) throws IOException {
        assertThat(session.resolve("steps.csv")).isNotEmptyFile();
        assertThat(Files.readString(session.resolve("summary.json"))).startsWith("{").endsWith("}\n");
        byte[] pdf = Files.readAllBytes(session.resolve("report.pdf"));
        String tail = new String(pdf, Math.max(0, pdf.length - 32), Math.min(32, pdf.length),
                java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(tail).as(session + "/report.pdf ends with %%EOF").contains("%%EOF");
        assertThat(listing(session)).anyMatch(f -> f.startsWith("charts/") && f.endsWith(".png"));
    }

    /** Whether the output folder's manifest records a session (false while it is missing or being replaced). */
    private static boolean recorded(Path outDir) {
        try {
            return !org.gaitform.batch.ManifestAccess.sessionIds(outDir).isEmpty();
        } catch (RuntimeException e) {
            return false;
        }
    }

    static List<String> sessionFolders(Path out) throws IOException {
        if (!Files.isDirectory(out)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(out)) {
            return s.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                    .filter(n -> !n.startsWith(".")).sorted().toList();
        }
    }

    /** Temporary data in the output folder: anything in its temporary area but the area's marker. */
    static boolean hasTemp(Path out) throws IOException {
        Path area = out.resolve(AtomicFiles.TEMP_AREA);
        if (!Files.isDirectory(area)) {
            return false;
        }
        try (Stream<Path> s = Files.list(area)) {
            return s.anyMatch(p -> !p.getFileName().toString().startsWith(".gaitform-temporary-area"));
        } catch (java.nio.file.NoSuchFileException e) {
            return false;
        }
    }

    static List<String> listing(Path session) throws IOException {
        try (Stream<Path> s = Files.walk(session)) {
            return new ArrayList<>(new TreeSet<>(s.filter(Files::isRegularFile)
                    .map(p -> session.relativize(p).toString().replace('\\', '/')).toList()));
        }
    }

    static String read(Path log) {
        try {
            return Files.exists(log) ? Files.readString(log) : "(no log)";
        } catch (IOException e) {
            return e.toString();
        }
    }
}
