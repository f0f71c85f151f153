package org.gaitform.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.spark.sql.SparkSession;
import org.gaitform.batch.BatchListener;
import org.gaitform.batch.BatchOptions;
import org.gaitform.batch.BatchResult;
import org.gaitform.batch.BatchRunner;
import org.gaitform.dataset.DatasetFormat;
import org.gaitform.io.InputReaders;
import org.gaitform.io.ReadOptions;
import org.gaitform.pipeline.AnalysisSettings;
import org.gaitform.pipeline.SessionPipeline;
import org.gaitform.report.AtomicFiles;
import org.gaitform.report.Outputs;
import org.gaitform.spark.SparkAnalyzeJob;
import org.gaitform.support.GaitPyHour;

/**
 * The benchmark's dataset part (issue 16): the GaitPy peer file with {@code --outputs tables}, a tables-only batch
 * against the full-report batch, and the Spark job in local mode against the command line, side by side in one run.
 */
final class DatasetBenchmark {
    /** GaitPy's time on its demo file repeated to one hour, measured on this machine beside gaitform (median of 3). */
    static final double GAITPY_S = 7.0;
    private static final String MET = "target met";
    private static final String MISSED = "TARGET MISSED";

    private final Path work;
    private final Consumer<String> line;
    private final List<String> verdicts;

    DatasetBenchmark(Path work, Consumer<String> line, List<String> verdicts) {
        this.work = work;
        this.line = line;
        this.verdicts = verdicts;
    }

    // ---------------------------------------------------------------- GaitPy peer file

    /** Rounds of the warm in-JVM comparison of the GaitPy file's analysis with Commons CSV parsing it. */
    static final int WARM_ROUNDS = 15;

    void gaitPy() throws Exception {
        line.accept("");
        line.accept("## GaitPy peer file: one hour of lower-back walking at 50 Hz, `--outputs tables`");
        line.accept("");
        if (GaitPyHour.demo().isEmpty()) {
            line.accept("skipped: ../shared/data/gaitpy-lumbar-walking/demo_data.csv not found");
            return;
        }
        Path f = work.resolve("gaitpy_demo_1h.csv");
        if (!Files.exists(f)) {
            GaitPyHour.write(GaitPyHour.demo().get(), f, 180_000);
        }
        line.accept(String.format(Locale.ROOT, "GaitPy's demo_data.csv, its 8 400 rows repeated to 180 000 (one hour), "
                + "time stamps continuing every 20 ms: %.1f MB.", Files.size(f) / 1e6));
        line.accept("");
        Path jar = Path.of("target", "gaitform.jar");
        List<String> flags = launcherFlags();
        String load0 = Benchmark.loadAverage();
        // the launcher and java with its flags alternate, so that both meet the machine as busy as the other
        double[][] tablesAndScript = timeProcesses(List.of(command(flags, jar, f, "tables"), script(f)), TABLES_RUNS);
        double[] tables = tablesAndScript[0];
        double[] script = tablesAndScript[1];
        double[] all = timeProcesses(List.of(command(List.of(), jar, f, "all")), 3)[0];
        line.accept(String.format(Locale.ROOT, "Load average %s before these runs, %s after them (2 cores).", load0,
                Benchmark.loadAverage()));
        line.accept("");
        line.accept("| command (median of " + TABLES_RUNS + " alternating runs for the first two, of 3 for the last; "
                + "wall time, JVM start included) | wall | CPU |");
        line.accept("|---|---|---|");
        line.accept(String.format(Locale.ROOT, "| `./gaitform analyze FILE --outputs tables` (the launcher script) | %.2f s | %.2f s |",
                script[0], script[1]));
        line.accept(String.format(Locale.ROOT, "| `java %s -jar target/gaitform.jar analyze FILE --outputs tables` | %.2f s | %.2f s |",
                String.join(" ", flags), tables[0], tables[1]));
        line.accept(String.format(Locale.ROOT, "| `java -jar target/gaitform.jar analyze FILE --outputs all` (PDF and "
                + "charts; default JVM flags) | %.2f s | %.2f s |", all[0], all[1]));
        line.accept(String.format(Locale.ROOT, "| GaitPy (measured beside it on this machine, median of 3) | %.1f s | |",
                GAITPY_S));
        // in this JVM, warm: reading, read + analysis, parsing alone, in alternating rounds (a busy machine slows each
        // round's three alike), the analysis as each round's difference, its ratio to that round's parse
        int preamble = Benchmark.preambleLines(f);
        AnalysisSettings settings = AnalysisSettings.defaults().withReportDetail(false);
        SessionPipeline pipeline = new SessionPipeline(settings);
        InputReaders readers = new InputReaders();
        String warmLoad0 = Benchmark.loadAverage();
        double[][] r = Benchmark.alternating(WARM_ROUNDS,
                () -> readers.read(f, f.getFileName().toString(), ReadOptions.DEFAULTS),
                () -> pipeline.analyse(f, f.getFileName().toString(), "bench"),
                () -> Benchmark.commonsCsvParse(f, preamble));
        double[] analysis = new double[WARM_ROUNDS];
        double[] ratio = new double[WARM_ROUNDS];
        for (int i = 0; i < WARM_ROUNDS; i++) {
            analysis[i] = r[1][i] - r[0][i];
            ratio[i] = analysis[i] / r[2][i];
        }
        double read = Benchmark.median(r[0]);
        double full = Benchmark.median(r[1]);
        double csv = Benchmark.median(r[2]);
        double ratioMedian = Benchmark.median(ratio);
        line.accept("");
        line.accept(String.format(Locale.ROOT, "In one warm JVM, %d rounds after %d warm-up rounds, each round reading the "
                + "file, reading and analysing it, and parsing it with Commons CSV alone (preamble skipped, every number "
                + "to a double), one after the other (load average %s at the start, %s at the end); medians: read %.3f s, "
                + "read + analysis %.3f s, analysis after reading (each round's difference) %.3f s, Commons CSV %.3f s; "
                + "analysis / parse per round: median %.2f×, middle half %.2f–%.2f×.", WARM_ROUNDS, Benchmark.WARM_UP,
                warmLoad0, Benchmark.loadAverage(), read, full, Benchmark.median(analysis), csv, ratioMedian,
                Benchmark.quantile(ratio, 0.25), Benchmark.quantile(ratio, 0.75)));
        double speedup = GAITPY_S / script[0];
        verdicts.add(String.format(Locale.ROOT, "GaitPy peer file, `./gaitform … --outputs tables`: %.2f s wall, %.1f× "
                + "faster than GaitPy's %.1f s (target ≥ 5×, about 1.2 s): %s", script[0], speedup, GAITPY_S,
                speedup >= 5 ? MET : MISSED));
        verdicts.add(String.format(Locale.ROOT, "GaitPy peer file: analysis after reading %.2f× the time of Commons CSV "
                + "parsing it alone (median of %d alternating rounds; target ≤ 1.5×): %s", ratioMedian, WARM_ROUNDS,
                ratioMedian <= 1.5 ? MET : MISSED));
    }

    /**
     * The JVM flags the launcher adds for {@code --outputs tables} (read from the script, so that the benchmark
     * measures what users run).
     */
    static List<String> launcherFlags() throws IOException {
        List<String> flags = new ArrayList<>();
        String hugePages = "";
        for (String l : Files.readAllLines(Path.of("gaitform"), StandardCharsets.UTF_8)) {
            if (l.startsWith("tables_flags=") && flags.isEmpty()) {
                String v = l.substring("tables_flags=".length()).replace("\"", "").trim();
                flags.addAll(v.isEmpty() ? List.of() : List.of(v.split("\\s+")));
            } else if (l.startsWith("huge_pages_flag=")) {
                hugePages = l.substring("huge_pages_flag=".length()).replace("\"", "").trim();
            }
        }
        // the launcher adds it where the kernel hands out transparent huge pages on request
        Path thp = Path.of("/sys/kernel/mm/transparent_hugepage/enabled");
        if (!hugePages.isEmpty() && Files.isReadable(thp) && Files.readString(thp).contains("[madvise]")) {
            flags.add(hugePages);
        }
        return flags;
    }

    /** Runs of the tables-only commands on the GaitPy file. */
    static final int TABLES_RUNS = 7;

    /** The command that runs gaitform in a new JVM. */
    private List<String> command(List<String> flags, Path jar, Path f, String outputs) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(flags);
        cmd.addAll(List.of("-Djava.awt.headless=true", "-jar", jar.toString(), "analyze", f.toString(), "--out",
                work.resolve("gaitpy-out").toString(), "--outputs", outputs, "--force", "-j", "1", "--progress", "lines"));
        return cmd;
    }

    private List<String> script(Path f) {
        return List.of("./gaitform", "analyze", f.toString(), "--out", work.resolve("gaitpy-out").toString(),
                "--outputs", "tables", "--force", "-j", "1", "--progress", "lines");
    }

    /**
     * The median wall time and the matching CPU time of each command, run {@code runs} times in turn (CPU from the
     * children's rusage via /usr/bin/time).
     */
    private double[][] timeProcesses(List<List<String>> cmds, int runs) throws Exception {
        double[][][] t = new double[cmds.size()][runs][];
        for (int i = 0; i < runs; i++) {
            for (int k = 0; k < cmds.size(); k++) {
                t[k][i] = timeProcess(cmds.get(k));
            }
        }
        double[][] out = new double[cmds.size()][];
        for (int k = 0; k < cmds.size(); k++) {
            Arrays.sort(t[k], (a, b) -> Double.compare(a[0], b[0]));
            out[k] = t[k][runs / 2];
        }
        return out;
    }

    /** Wall time and CPU time of one run of a command. */
    private double[] timeProcess(List<String> cmd) throws Exception {
        boolean timeTool = Files.isExecutable(Path.of("/usr/bin/time"));
        AtomicFiles.deleteTree(work.resolve("gaitpy-out"));
        List<String> c = new ArrayList<>();
        Path cpu = work.resolve("cpu.txt");
        if (timeTool) {
            c.addAll(List.of("/usr/bin/time", "-f", "%U %S", "-o", cpu.toString()));
        }
        c.addAll(cmd);
        Path log = work.resolve("command.log");
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(c).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException("failed: " + c + "\n" + Files.readString(log));
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        double cpuS = Double.NaN;
        if (timeTool) {
            String[] parts = Files.readString(cpu).trim().split("\\s+");
            cpuS = Double.parseDouble(parts[parts.length - 2]) + Double.parseDouble(parts[parts.length - 1]);
        }
        return new double[] {wall, cpuS};
    }

    // ---------------------------------------------------------------- tables-only batch and Spark

    /**
     * A tables-only batch against the full-report batch, and the Spark job with {@code local[2]} against the command
     * line with 2 jobs, on the same generated sessions.
     *
     * @param in        the batch's folder
     * @param n         its sessions
     * @param reportsS  the full-report batch's best wall time with 2 jobs (measured by the batch section)
     */
    void tablesAndSpark(Path in, int n, double reportsS) throws Exception {
        line.accept("");
        line.accept(String.format(Locale.ROOT, "## Tables only, and Spark: the same %d sessions, 2 jobs / local[2]", n));
        line.accept("");
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        double[] best = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
        double[] cpu = new double[2];
        line.accept("| run | what | wall time | sessions/s | CPU used |");
        line.accept("|---|---|---|---|---|");
        int run = 0;
        for (int k = 0; k < 2; k++) {
            for (DatasetFormat format : DatasetFormat.values()) {
                Path out = work.resolve("tables-out");
                AtomicFiles.deleteTree(out);
                System.gc();
                long c0 = os.getProcessCpuTime();
                long t0 = System.nanoTime();
                BatchResult r = new BatchRunner(AnalysisSettings.defaults(), "bench", new BatchOptions(2, true,
                        Outputs.TABLES, format)).run(List.of(in), out, BatchListener.NONE);
                double s = (System.nanoTime() - t0) / 1e9;
                double c = (os.getProcessCpuTime() - c0) / 1e9;
                if (r.failedCount() > 0) {
                    throw new IllegalStateException(r.failedCount() + " sessions failed");
                }
                if (s < best[format.ordinal()]) {
                    best[format.ordinal()] = s;
                    cpu[format.ordinal()] = c;
                }
                line.accept(String.format(Locale.ROOT, "| %d | command line, 2 jobs, `--outputs tables --format %s` | %.1f s "
                        + "| %.1f | %.2f cores |", ++run, format, s, n / s, c / s));
            }
        }
        double tablesS = best[DatasetFormat.CSV.ordinal()];
        double ratio = reportsS / tablesS;
        line.accept("");
        line.accept(String.format(Locale.ROOT, "Tables only (CSV) %.1f s = %.1f sessions/s; full reports (batch section, "
                + "2 jobs) %.1f s = %.1f sessions/s: %.1f× the sessions per second.", tablesS, n / tablesS, reportsS,
                n / reportsS, ratio));
        verdicts.add(String.format(Locale.ROOT, "tables-only batch of %d: %.1f× the sessions/s of the full-report batch "
                + "(target ≥ 4×): %s", n, ratio, ratio >= 4 ? MET : MISSED));
        spark(in, n, best[DatasetFormat.PARQUET.ordinal()], cpu[DatasetFormat.PARQUET.ordinal()]);
    }

    private void spark(Path in, int n, double cliS, double cliCpu) throws Exception {
        line.accept("");
        long s0 = System.nanoTime();
        SparkSession spark = SparkSession.builder().master("local[2]").appName("gaitform-benchmark")
                .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1").getOrCreate();
        double startS = (System.nanoTime() - s0) / 1e9;
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        double best = Double.POSITIVE_INFINITY;
        double bestCpu = 0;
        line.accept("| run | what | wall time | sessions/s | CPU used |");
        line.accept("|---|---|---|---|---|");
        try {
            // a first run warms Spark's own code in this JVM (the command line's code is warm from the runs above)
            // and is shown but not counted
            for (int k = 0; k < 3; k++) {
                Path out = work.resolve("spark-out");
                AtomicFiles.deleteTree(out);
                System.gc();
                long c0 = os.getProcessCpuTime();
                long t0 = System.nanoTime();
                StringWriter o = new StringWriter();
                StringWriter e = new StringWriter();
                int code = SparkAnalyzeJob.run(new String[] {in.toString(), "--out", out.toString()}, spark,
                        new PrintWriter(o, true), new PrintWriter(e, true));
                double s = (System.nanoTime() - t0) / 1e9;
                double c = (os.getProcessCpuTime() - c0) / 1e9;
                if (code != 0) {
                    throw new IllegalStateException("Spark job failed (" + code + "): " + e);
                }
                if (k > 0 && s < best) {
                    best = s;
                    bestCpu = c;
                }
                line.accept(String.format(Locale.ROOT, "| %d | Spark `local[2]`, the job in a running Spark session%s | %.1f s "
                        + "| %.1f | %.2f cores |", k + 1, k == 0 ? " (warm-up, not counted)" : "", s, n / s, c / s));
            }
        } finally {
            spark.stop();
        }
        double ratio = best / cliS;
        double perSessionCoreS = bestCpu / n;
        line.accept("");
        line.accept(String.format(Locale.ROOT, "Spark session start %.1f s (not included above). Spark `local[2]` %.1f s "
                + "against the command line's %.1f s with 2 jobs (Parquet, same JVM, warm): %.2f×. CPU per session: Spark "
                + "%.3f core-s, command line %.3f core-s.", startS, best, cliS, ratio, perSessionCoreS, cliCpu / n));
        verdicts.add(String.format(Locale.ROOT, "Spark local[2] on %d sessions: %.2f× the command line's --jobs 2 wall "
                + "time (target ≤ 1.3×; both warm in one JVM, Spark session start %.1f s not included): %s", n, ratio,
                startS, ratio <= 1.3 ? MET : MISSED));
        // the estimate for a cluster
        int sessions = 10_000;
        int executors = 16;
        int cores = 4;
        double overhead = Math.max(0, best - cliS);
        double compute = sessions * perSessionCoreS / (executors * cores);
        double driver = 30;
        double estimate = driver + compute + overhead * sessions / n / (executors * cores / 2.0);
        line.accept("");
        line.accept(String.format(Locale.ROOT, "Estimate for %,d such sessions on %d executors of %d cores (%d cores): "
                + "%.0f s of driver and executor start on a cluster manager (assumed; %.1f s locally) + %,d × %.3f core-s / "
                + "%d cores = %.0f s of analysis + Spark's per-session overhead measured here (%.1f s for %d sessions on 2 "
                + "cores) scaled the same way, %.0f s: about %.1f minutes, if the input file system delivers the %.0f MB/s "
                + "it takes (2-minute 100 Hz recordings of about 0.7 MB each).", sessions, executors, cores,
                executors * cores, driver, startS, sessions, perSessionCoreS, executors * cores, compute, overhead, n,
                overhead * sessions / n / (executors * cores / 2.0), estimate / 60,
                sessions * 0.7 / Math.max(1, compute)));
    }
}
