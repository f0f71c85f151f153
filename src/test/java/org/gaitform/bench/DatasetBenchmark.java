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
        double[] tables = command(List.of("java"), flags, jar, f, "tables", 3);
        double[] all = command(List.of("java"), List.of(), jar, f, "all", 3);
        double[] script = script(f, 3);
        line.accept("| command (median of 3, wall time, JVM start included) | wall | CPU |");
        line.accept("|---|---|---|");
        line.accept(String.format(Locale.ROOT, "| `./gaitform analyze FILE --outputs tables` (the launcher script) | %.2f s | %.2f s |",
                script[0], script[1]));
        line.accept(String.format(Locale.ROOT, "| `java %s -jar target/gaitform.jar analyze FILE --outputs tables` | %.2f s | %.2f s |",
                String.join(" ", flags), tables[0], tables[1]));
        line.accept(String.format(Locale.ROOT, "| `java -jar target/gaitform.jar analyze FILE --outputs all` (PDF and "
                + "charts; default JVM flags) | %.2f s | %.2f s |", all[0], all[1]));
        line.accept(String.format(Locale.ROOT, "| GaitPy (measured beside it on this machine, median of 3) | %.1f s | |",
                GAITPY_S));
        // in this JVM, warm: reading, analysis, parsing alone
        int preamble = Benchmark.preambleLines(f);
        AnalysisSettings settings = AnalysisSettings.defaults().withReportDetail(false);
        SessionPipeline pipeline = new SessionPipeline(settings);
        InputReaders readers = new InputReaders();
        double read = Benchmark.median(5, () -> readers.read(f, f.getFileName().toString(), ReadOptions.DEFAULTS));
        double full = Benchmark.median(5, () -> pipeline.analyse(f, f.getFileName().toString(), "bench"));
        double csv = Benchmark.median(5, () -> Benchmark.commonsCsvParse(f, preamble));
        double analysis = full - read;
        line.accept("");
        line.accept(String.format(Locale.ROOT, "In one warm JVM (median of 5): read %.3f s, read + analysis %.3f s, so the "
                + "analysis after reading %.3f s; Commons CSV parsing the file alone (preamble skipped, every number to "
                + "a double) %.3f s: analysis / parse = %.2f×, read + analysis / parse = %.2f×.", read, full, analysis, csv,
                analysis / csv, full / csv));
        double speedup = GAITPY_S / script[0];
        verdicts.add(String.format(Locale.ROOT, "GaitPy peer file, `./gaitform … --outputs tables`: %.2f s wall, %.1f× "
                + "faster than GaitPy's %.1f s (target ≥ 5×, about 1.2 s): %s", script[0], speedup, GAITPY_S,
                speedup >= 5 ? MET : MISSED));
        verdicts.add(String.format(Locale.ROOT, "GaitPy peer file: analysis after reading %.2f× the time of Commons CSV "
                + "parsing it alone (target ≤ 1.5×): %s", analysis / csv, analysis / csv <= 1.5 ? MET : MISSED));
    }

    /**
     * The JVM flags the launcher adds for {@code --outputs tables} (read from the script, so that the benchmark
     * measures what users run).
     */
    static List<String> launcherFlags() throws IOException {
        for (String l : Files.readAllLines(Path.of("gaitform"), StandardCharsets.UTF_8)) {
            if (l.startsWith("tables_flags=")) {
                String v = l.substring("tables_flags=".length()).replace("\"", "").trim();
                return v.isEmpty() ? List.of() : List.of(v.split("\\s+"));
            }
        }
        return List.of();
    }

    /** Median wall and CPU time (s) of {@code runs} runs of gaitform in a new JVM. */
    private double[] command(List<String> java, List<String> flags, Path jar, Path f, String outputs, int runs)
            throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(flags);
        cmd.addAll(List.of("-Djava.awt.headless=true", "-jar", jar.toString(), "analyze", f.toString(), "--out",
                work.resolve("gaitpy-out").toString(), "--outputs", outputs, "--force", "-j", "1", "--progress", "lines"));
        return timeProcess(cmd, runs);
    }

    private double[] script(Path f, int runs) throws Exception {
        return timeProcess(List.of("./gaitform", "analyze", f.toString(), "--out", work.resolve("gaitpy-out").toString(),
                "--outputs", "tables", "--force", "-j", "1", "--progress", "lines"), runs);
    }

    /** Median wall time and the matching CPU time of a command (CPU from the children's rusage via /usr/bin/time). */
    private double[] timeProcess(List<String> cmd, int runs) throws Exception {
        double[][] t = new double[runs][];
        boolean timeTool = Files.isExecutable(Path.of("/usr/bin/time"));
        for (int i = 0; i < runs; i++) {
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
            t[i] = new double[] {wall, cpuS};
        }
        Arrays.sort(t, (a, b) -> Double.compare(a[0], b[0]));
        return t[runs / 2];
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
            for (int k = 0; k < 2; k++) {
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
                if (s < best) {
                    best = s;
                    bestCpu = c;
                }
                line.accept(String.format(Locale.ROOT, "| %d | Spark `local[2]`, the job in a running Spark session | %.1f s "
                        + "| %.1f | %.2f cores |", k + 1, s, n / s, c / s));
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
                + "cores) scaled the same way, %.0f s: about %.0f minutes, if the input file system delivers the %.0f MB/s "
                + "it takes (2-minute 100 Hz recordings of about 0.7 MB each).", sessions, executors, cores,
                executors * cores, driver, startS, sessions, perSessionCoreS, executors * cores, compute, overhead, n,
                overhead * sessions / n / (executors * cores / 2.0), estimate / 60,
                sessions * 0.7 / Math.max(1, compute)));
    }
}
