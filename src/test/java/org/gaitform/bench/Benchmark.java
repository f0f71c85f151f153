package org.gaitform.bench;

import java.io.IOException;
import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.gaitform.batch.BatchListener;
import org.gaitform.batch.BatchOptions;
import org.gaitform.batch.BatchResult;
import org.gaitform.batch.BatchRunner;
import org.gaitform.io.InputReaders;
import org.gaitform.io.ReadOptions;
import org.gaitform.model.SessionResult;
import org.gaitform.pipeline.AnalysisSettings;
import org.gaitform.pipeline.SessionPipeline;
import org.gaitform.report.AtomicFiles;
import org.gaitform.report.ChartImages;
import org.gaitform.report.SessionWriter;
import org.gaitform.signal.Vec3;
import org.gaitform.simulate.RunnerProfile;
import org.gaitform.simulate.Segment;
import org.gaitform.simulate.SimulatedSession;
import org.gaitform.simulate.TrunkImuSimulator;
import org.gaitform.support.ChildJvm;
import org.gaitform.support.HeapProbe;
import org.gaitform.support.LongRecordings;

/**
 * gaitform's benchmark. Prints, for the machine it runs on:
 * <ol>
 *   <li>read + analysis throughput (MB/s, samples/s) per input kind, the same file parsed alone with Commons
 *       CSV (every cell to a double), and the ratio (target: analysis within 2× of parsing alone);</li>
 *   <li>report rendering time per session (charts PNG + PDF; target ≤ 1 s);</li>
 *   <li>sessions per minute for a batch of 200 generated sessions with 1 and with 2 jobs (target: 2 jobs
 *       ≥ 1.8× faster);</li>
 *   <li>peak heap: a 2-hour 200 Hz trunk recording analysed in a child JVM limited to 512 MB, and this JVM.</li>
 * </ol>
 * Run with {@code ./mvnw -Pbenchmark -DskipTests verify} (files go to {@code target/benchmark}); arguments:
 * {@code [work folder] [batch size]}.
 */
public final class Benchmark {
    private static final String TARGET_MET = "target met";
    private static final String TARGET_MISSED = "TARGET MISSED";

    /**
     * One throughput case: an input kind and how to generate a file of it.
     *
     * @param name     what it is, for the table
     * @param fileName the file's name (the extension picks the reader)
     * @param maker    writes the file and returns its number of samples (rows)
     */
    record ThroughputCase(String name, String fileName, FileMaker maker) {
    }

    /** Writes a benchmark file. */
    interface FileMaker {
        long write(Path file) throws IOException;
    }

    /** The throughput cases: a trunk IMU, a bilateral foot IMU and a pose export, each about 30 minutes long. */
    static List<ThroughputCase> throughputCases() {
        List<ThroughputCase> cases = new ArrayList<>();
        cases.add(new ThroughputCase("trunk IMU CSV, 30 min at 200 Hz, 6 axes", "trunk_30min_200hz_sacrum.csv",
                f -> LongRecordings.writeLongTrunkCsv(f, 30, 200, 11L)));
        cases.add(new ThroughputCase("foot IMU CSV, both feet, 30 min at 200 Hz, 12 axes", "feet_30min_200hz.csv",
                f -> LongRecordings.writeLongFootCsv(f, 30, 200, 11L)));
        cases.add(new ThroughputCase("pose CSV (MediaPipe, 33 landmarks), 30 min at 60 fps",
                "video_30min_60fps_mediapipe.csv", f -> LongRecordings.writeLongMediaPipeCsv(f, 30, 60, 11L)));
        return cases;
    }

    private final Path work;
    private final int batchSize;
    private final int trackpoints;
    private final StringBuilder report = new StringBuilder();
    private final List<String> verdicts = new ArrayList<>();
    /** The full-report batch's best wall time with 2 jobs. */
    private double bestReports2;

    Benchmark(Path work, int batchSize, int trackpoints) {
        this.work = work;
        this.batchSize = batchSize;
        this.trackpoints = trackpoints;
    }

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args.length > 0 ? args[0] : "target/benchmark");
        int batch = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int points = args.length > 2 ? Integer.parseInt(args[2]) : 1_600_000;
        Files.createDirectories(work);
        Benchmark b = new Benchmark(work, batch, points);
        b.historyActivities = args.length > 3 ? Integer.parseInt(args[3]) : 1200;
        b.only = System.getProperty("benchmark.only", "");
        b.run();
    }

    /** Activities of the generated account export. */
    int historyActivities = 1200;
    /** Which sections run (-Dbenchmark.only): empty or {@code all} for all, else a comma list of throughput, report,
     * batch, watch, heap, history. */
    String only = "";

    private boolean runs(String section) {
        return only.isBlank() || only.equals("all") || List.of(only.split(",")).contains(section);
    }

    void run() throws Exception {
        resetPeaks();
        machine();
        // -Dbenchmark.only=gaitpy,throughput,report,batch,watch,heap,history runs some sections (default: all)
        DatasetBenchmark dataset = new DatasetBenchmark(work, this::line, verdicts);
        if (runs("gaitpy")) {
            dataset.gaitPy();
        }
        if (runs("throughput")) {
            throughput();
        }
        if (runs("report")) {
            reportRendering();
        }
        if (runs("batch")) {
            batch();
            dataset.tablesAndSpark(work.resolve("batch-in"), batchSize, bestReports2);
        }
        if (runs("watch")) {
            longWatch(); // the long watch export
        }
        if (runs("heap")) {
            heap();
        }
        if (runs("history")) {
            history();
        }
        line("");
        line("## Targets");
        verdicts.forEach(v -> line("- " + v));
        Files.writeString(work.resolve("benchmark-results.md"), report.toString(), StandardCharsets.UTF_8);
        System.out.println();
        System.out.println("(also written to " + work.resolve("benchmark-results.md") + ")");
    }

    private void line(String s) {
        System.out.println(s);
        System.out.flush();
        report.append(s).append('\n');
    }

    // ---------------------------------------------------------------- machine

    private void machine() throws IOException {
        line("# gaitform benchmark");
        line("");
        String cpu = "unknown";
        Path info = Path.of("/proc/cpuinfo");
        if (Files.isReadable(info)) {
            cpu = Files.readAllLines(info).stream().filter(l -> l.startsWith("model name")).findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse(cpu);
        }
        long memKb = 0;
        Path meminfo = Path.of("/proc/meminfo");
        if (Files.isReadable(meminfo)) {
            memKb = Files.readAllLines(meminfo).stream().filter(l -> l.startsWith("MemTotal")).findFirst()
                    .map(l -> Long.parseLong(l.replaceAll("[^0-9]", ""))).orElse(0L);
        }
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        line(String.format(Locale.ROOT, "- machine: %s, %d processors available to Java, %.1f GB RAM, load average %.2f "
                        + "at start", cpu, Runtime.getRuntime().availableProcessors(), memKb / 1048576.0, load));
        line(String.format(Locale.ROOT, "- Java %s (%s), %s %s, benchmark JVM max heap %d MB",
                System.getProperty("java.version"), System.getProperty("java.vm.name"), System.getProperty("os.name"),
                System.getProperty("os.arch"), Runtime.getRuntime().maxMemory() >> 20));
    }

    // ---------------------------------------------------------------- throughput

    private void throughput() throws IOException {
        line("");
        line("## Read + analysis throughput (report not included)");
        line("");
        line("| input | size | samples | gaitform read | read + analysis | Commons CSV parse alone | "
                + "read + analysis / parse alone |");
        line("|---|---|---|---|---|---|---|");
        SessionPipeline pipeline = new SessionPipeline(AnalysisSettings.defaults());
        InputReaders readers = new InputReaders();
        for (ThroughputCase c : throughputCases()) {
            Path f = work.resolve(c.fileName());
            long samples = c.maker().write(f);
            double mb = Files.size(f) / 1e6;
            double read = median(5, () -> readers.read(f, c.fileName(), ReadOptions.DEFAULTS));
            double full = median(5, () -> pipeline.analyse(f, c.fileName(), "bench"));
            double csv = median(5, () -> commonsCsvParse(f));
            double ratio = full / csv;
            line(String.format(Locale.ROOT, "| %s | %.1f MB | %,d | %.2f s (%.0f MB/s) | %.2f s (%.0f MB/s, %.2f M "
                            + "samples/s) | %.2f s (%.0f MB/s) | %.2f× |", c.name(), mb, samples, read, mb / read, full,
                    mb / full, samples / full / 1e6, csv, mb / csv, ratio));
            verdicts.add(String.format(Locale.ROOT, "%s: read + analysis %.2f× the time of parsing alone (target ≤ 2×): %s",
                    c.name(), ratio, ratio <= 2 ? TARGET_MET : TARGET_MISSED));
        }
    }

    /** Parses every cell of a CSV file to a double with Commons CSV; returns a checksum. */
    static double commonsCsvParse(Path f) throws IOException {
        double sum = 0;
        try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8);
             CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
            for (CSVRecord rec : p) {
                for (int i = 0; i < rec.size(); i++) {
                    sum += Double.parseDouble(rec.get(i));
                }
            }
        }
        return sum;
    }

    /**
     * Parses a headerless device export (GENEActiv) with Commons CSV: the preamble lines skipped, every cell split,
     * every cell but the first (the time stamp, kept as text) to a double; returns a checksum.
     *
     * @param preambleLines lines before the first data row
     */
    static double commonsCsvParse(Path f, int preambleLines) throws IOException {
        double sum = 0;
        try (java.io.BufferedReader r = Files.newBufferedReader(f, StandardCharsets.ISO_8859_1)) {
            for (int i = 0; i < preambleLines; i++) {
                r.readLine();
            }
            try (CSVParser p = CSVFormat.DEFAULT.parse(r)) {
                for (CSVRecord rec : p) {
                    sum += rec.get(0).length();
                    for (int i = 1; i < rec.size(); i++) {
                        sum += Double.parseDouble(rec.get(i));
                    }
                }
            }
        }
        return sum;
    }

    /** Lines before the first row that starts with a date ({@code 2019-08-06 …}). */
    static int preambleLines(Path f) throws IOException {
        int n = 0;
        try (java.io.BufferedReader r = Files.newBufferedReader(f, StandardCharsets.ISO_8859_1)) {
            String line;
            while ((line = r.readLine()) != null && !line.matches("^\\d{4}-\\d\\d-\\d\\d .*")) {
                n++;
            }
        }
        return n;
    }

    /** Work that can fail. */
    interface Work {
        Object run() throws Exception;
    }

    /** Warm-up rounds of {@link #alternating}. */
    static final int WARM_UP = 3;

    /**
     * Wall times (s) of several pieces of work run in turn, {@code rounds} times after {@value #WARM_UP} warm-up rounds:
     * {@code [work][round]}. Alternating, the pieces share whatever else the machine is doing at the time, so that
     * their ratios hold better than those of medians taken one after the other.
     */
    static double[][] alternating(int rounds, Work... work) {
        double[][] t = new double[work.length][rounds];
        try {
            for (int r = -WARM_UP; r < rounds; r++) {
                for (int w = 0; w < work.length; w++) {
                    long t0 = System.nanoTime();
                    Object o = work[w].run();
                    double s = (System.nanoTime() - t0) / 1e9;
                    if (o == null) {
                        throw new IllegalStateException("no result");
                    }
                    if (r >= 0) {
                        t[w][r] = s;
                    }
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return t;
    }

    /** The median of values (not changed). */
    static double median(double[] v) {
        return quantile(v, 0.5);
    }

    /** The {@code q} quantile of values (not changed), interpolated between the nearest ranks. */
    static double quantile(double[] v, double q) {
        double[] s = v.clone();
        Arrays.sort(s);
        double at = q * (s.length - 1);
        int lo = (int) Math.floor(at);
        int hi = Math.min(s.length - 1, lo + 1);
        return s[lo] + (at - lo) * (s[hi] - s[lo]);
    }

    /** The machine's 1-, 5- and 15-minute load averages as /proc/loadavg gives them, or "unknown". */
    static String loadAverage() {
        try {
            String[] p = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return p[0] + " / " + p[1] + " / " + p[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /** Median wall time (s) of {@code runs} runs after one warm-up run. */
    static double median(int runs, Work w) {
        double[] t = new double[runs];
        try {
            w.run();
            for (int i = 0; i < runs; i++) {
                long t0 = System.nanoTime();
                Object o = w.run();
                t[i] = (System.nanoTime() - t0) / 1e9;
                if (o == null) {
                    throw new IllegalStateException("no result");
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        Arrays.sort(t);
        return t[runs / 2];
    }

    // ---------------------------------------------------------------- report

    private void reportRendering() throws IOException {
        line("");
        line("## Report rendering per session (steps.csv, summary.json, the chart PNGs at 200 dpi, PDF)");
        line("");
        line("| session | steps | median time |");
        line("|---|---|---|");
        SessionPipeline pipeline = new SessionPipeline(AnalysisSettings.defaults());
        SessionWriter writer = new SessionWriter(AnalysisSettings.defaults().guidelines(), "bench",
                ChartImages.DEFAULT_DPI);
        Path typical = work.resolve("typical_10min_100hz_sacrum.csv");
        LongRecordings.writeTrunkCsv(simulate(10, 100, 5, 0), typical);
        Path out = work.resolve("report-out");
        double worst = 0;
        for (Path f : List.of(typical, work.resolve(throughputCases().get(0).fileName()))) {
            SessionResult r = pipeline.analyse(f, f.getFileName().toString(), "report");
            double t = median(5, () -> writer.write(r, out));
            worst = Math.max(worst, t);
            line(String.format(Locale.ROOT, "| %s | %,d | %.2f s |", f.getFileName(), r.steps().size(), t));
        }
        AtomicFiles.deleteTree(out);
        verdicts.add(String.format(Locale.ROOT, "report rendering: %.2f s per session at most (target ≤ 1 s): %s", worst,
                worst <= 1 ? TARGET_MET : TARGET_MISSED));
    }

    /** A session of {@code minutes}: standing, a walking warm-up, running at changing speeds. */
    static SimulatedSession simulate(double minutes, double rateHz, long seed, int variant) {
        return LongRecordings.batchSession(minutes, rateHz, seed, variant);
    }

    // ---------------------------------------------------------------- batch

    private void batch() throws IOException {
        line("");
        line(String.format(Locale.ROOT, "## Batch of %d generated sessions (2 min each, 100 Hz, 6 axes; read, analyse, "
                + "write everything)", batchSize));
        line("");
        Path in = work.resolve("batch-in");
        if (!Files.isDirectory(in) || countFiles(in) != batchSize) {
            AtomicFiles.deleteTree(in);
            Files.createDirectories(in);
            for (int i = 0; i < batchSize; i++) {
                LongRecordings.writeTrunkCsv(simulate(2, 100, 1000 + i, i), in.resolve(String.format("s%03d_sacrum.csv", i)));
            }
        }
        // warm up the JIT (Java2D, PDFBox and JFreeChart are large) so that neither configuration pays for it
        Path warm = work.resolve("batch-warm");
        List<Path> few = listFiles(in).subList(0, Math.min(40, batchSize));
        new BatchRunner(AnalysisSettings.defaults(), "bench", new BatchOptions(2, true)).run(few, warm, BatchListener.NONE);
        AtomicFiles.deleteTree(warm);
        line("Each configuration runs twice, alternating; the speed-up uses the faster run of each (the machine is "
                + "shared, so the slower runs carry other people's load).");
        line("");
        line("| run | jobs | wall time | sessions/min | CPU used |");
        line("|---|---|---|---|---|");
        double[] best = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        int run = 0;
        for (int jobs : new int[] {1, 2, 1, 2}) {
            Path out = work.resolve("batch-out-" + jobs);
            AtomicFiles.deleteTree(out);
            System.gc();
            long c0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            BatchResult r = new BatchRunner(AnalysisSettings.defaults(), "bench", new BatchOptions(jobs, true))
                    .run(List.of(in), out, BatchListener.NONE);
            double s = (System.nanoTime() - t0) / 1e9;
            double cpu = (os.getProcessCpuTime() - c0) / 1e9;
            if (r.failedCount() > 0) {
                throw new IllegalStateException(r.failedCount() + " sessions failed");
            }
            best[jobs] = Math.min(best[jobs], s);
            line(String.format(Locale.ROOT, "| %d | %d | %.1f s | %.0f | %.2f cores |", ++run, jobs, s, batchSize / s * 60,
                    cpu / s));
            AtomicFiles.deleteTree(out);
        }
        double speedup = best[1] / best[2];
        bestReports2 = best[2];
        line("");
        line(String.format(Locale.ROOT, "Best: 1 job %.1f s (%.0f sessions/min), 2 jobs %.1f s (%.0f sessions/min): "
                + "%.2f× faster with 2 jobs.", best[1], batchSize / best[1] * 60, best[2], batchSize / best[2] * 60, speedup));
        verdicts.add(String.format(Locale.ROOT, "batch of %d: 2 jobs %.2f× faster than 1 (target ≥ 1.8×): %s",
                batchSize, speedup, speedup >= 1.8 ? TARGET_MET : TARGET_MISSED));
    }

    private static long countFiles(Path dir) throws IOException {
        return listFiles(dir).size();
    }

    private static List<Path> listFiles(Path dir) throws IOException {
        try (var s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".csv")).sorted().toList();
        }
    }

    // ---------------------------------------------------------------- heap

    /**
     * A multi-day watch export: a TCX of {@link #trackpoints} trackpoints (1.6 million: a plausible ultra recorded every
     * second, 30 MB gzipped, 510 MB of XML), and a sixteenth and a quarter of it, each read, analysed and reported by
     * the command line in a child JVM ({@code -Xmx3g}: the whole recording is held, and its steps.csv is 150 MB).
     * Linear time means the same time per trackpoint at every length; before issue 11 the kilometre splits made it
     * quadratic (100 000 trackpoints 12 s, 400 000 52 s, 1.6 million did not finish in 300 s).
     */
    private void longWatch() throws Exception {
        line("");
        line("## Long watch export (linear time)");
        line("");
        line("| trackpoints | gzipped | time (read + analysis + report) | per trackpoint | peak live heap |");
        line("|---|---|---|---|---|");
        double firstPerPoint = Double.NaN;
        double lastPerPoint = Double.NaN;
        double lastSeconds = Double.NaN;
        for (int points : new int[] {trackpoints / 16, trackpoints / 4, trackpoints}) {
            Path f = work.resolve("ultra_" + points + ".tcx.gz");
            if (!Files.exists(f)) {
                LongRecordings.writeLongTcx(f, points, 7L);
            }
            Path log = work.resolve("ultra-" + points + ".log");
            Path out = work.resolve("ultra-out-" + points);
            Process p = ChildJvm.start(List.of("-Xmx3g"), HeapProbe.class.getName(), List.of("analyze", f.toString(),
                    "--out", out.toString(), "--force", "--progress", "lines"), log);
            if (!p.waitFor(20, TimeUnit.MINUTES)) {
                p.destroyForcibly();
            }
            String text = Files.readString(log);
            Matcher m = Pattern.compile("exit=(\\d+) seconds=([0-9.]+) peak_live_mb=([0-9.]+)").matcher(text);
            if (!m.find() || !m.group(1).equals("0")) {
                line("| " + points + " | FAILED: " + text.lines().filter(l -> l.contains("FAIL") || l.contains("exit="))
                        .findFirst().orElse(text) + " | | | |");
                verdicts.add("1.6 M-trackpoint watch export in seconds, linear: " + TARGET_MISSED);
                return;
            }
            double s = Double.parseDouble(m.group(2));
            double perPoint = s / points * 1e6;
            firstPerPoint = Double.isNaN(firstPerPoint) ? perPoint : firstPerPoint;
            lastPerPoint = perPoint;
            lastSeconds = s;
            line(String.format(Locale.ROOT, "| %,d | %.1f MB | %.1f s | %.1f µs | %s MB |", points, Files.size(f) / 1e6, s,
                    perPoint, m.group(3)));
            AtomicFiles.deleteTree(out);
        }
        // the shortest run carries the JVM's start-up and warm-up, so the longest may only be cheaper per trackpoint
        boolean linear = lastPerPoint <= 1.5 * firstPerPoint;
        verdicts.add(String.format(Locale.ROOT, "%,d-trackpoint watch export: %.0f s, %.1f µs per trackpoint vs %.1f µs "
                + "for a sixteenth of it: %s", trackpoints, lastSeconds, lastPerPoint, firstPerPoint,
                linear ? "linear, " + TARGET_MET : "not linear, " + TARGET_MISSED));
    }

    private void heap() throws Exception {
        line("");
        line("## Peak heap");
        line("");
        Path big = work.resolve("long_run_2h_200hz_sacrum.csv");
        if (!Files.exists(big)) {
            LongRecordings.writeLongTrunkCsv(big, 120, 200, 7L);
        }
        Path log = work.resolve("heap-probe.log");
        Path out = work.resolve("heap-out");
        Process p = ChildJvm.start(List.of("-Xmx512m"), HeapProbe.class.getName(),
                List.of("analyze", big.toString(), "--out", out.toString(), "--force", "--progress", "lines"), log);
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
        }
        String text = Files.readString(log);
        Matcher m = Pattern.compile("exit=(\\d+) seconds=([0-9.]+) peak_live_mb=([0-9.]+) peak_used_mb=([0-9.]+)")
                .matcher(text);
        if (!m.find()) {
            line("heap probe failed:\n" + text);
            verdicts.add("2-hour recording in -Xmx512m: " + TARGET_MISSED);
            return;
        }
        boolean ok = m.group(1).equals("0");
        line(String.format(Locale.ROOT, "- 2-hour trunk IMU recording at 200 Hz, 6 axes (%.0f MB, 1,440,000 rows), "
                        + "analysed and reported in a JVM with -Xmx512m: %s in %s s; peak live heap (after GC) %s MB, "
                        + "peak heap including garbage %s MB", Files.size(big) / 1e6, ok ? "done" : "FAILED", m.group(2),
                m.group(3), m.group(4)));
        verdicts.add("2-hour 200 Hz trunk recording with -Xmx512m: " + (ok ? TARGET_MET : TARGET_MISSED)
                + " (peak live heap " + m.group(3) + " MB)");
        AtomicFiles.deleteTree(out);
        // a pose estimator's JSON: a 30-minute COCO results file of two runners (AlphaPose's Halpe 26 points)
        Path coco = work.resolve("coco_30min_2people.json");
        if (!Files.exists(coco)) {
            LongRecordings.writeLongCocoJson(coco, 30, 30, 2, 11L);
        }
        Path cocoLog = work.resolve("heap-probe-coco.log");
        Process pc = ChildJvm.start(List.of("-Xmx384m"), HeapProbe.class.getName(),
                List.of("analyze", coco.toString(), "--out", out.toString(), "--force", "--progress", "lines"), cocoLog);
        if (!pc.waitFor(10, TimeUnit.MINUTES)) {
            pc.destroyForcibly();
        }
        Matcher mc = Pattern.compile("exit=(\\d+) seconds=([0-9.]+) peak_live_mb=([0-9.]+) peak_used_mb=([0-9.]+)")
                .matcher(Files.readString(cocoLog));
        boolean cocoOk = mc.find() && mc.group(1).equals("0");
        line(cocoOk ? String.format(Locale.ROOT, "- 30-minute COCO keypoints JSON of two runners at 30 fps (%.0f MB, "
                        + "Halpe's 26 points), read, the runner chosen, analysed and reported in a JVM with -Xmx384m: done "
                        + "in %s s; peak live heap (after GC) %s MB, peak heap including garbage %s MB",
                Files.size(coco) / 1e6, mc.group(2), mc.group(3), mc.group(4))
                : "- 30-minute COCO keypoints JSON of two runners in -Xmx384m: FAILED\n" + Files.readString(cocoLog));
        verdicts.add("30-minute two-person COCO keypoints JSON with -Xmx384m: " + (cocoOk ? TARGET_MET : TARGET_MISSED)
                + (cocoOk ? " (peak live heap " + mc.group(3) + " MB)" : ""));
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        line(String.format(Locale.ROOT, "- this benchmark JVM (everything above, up to 2 jobs): peak heap %.0f MB "
                + "including garbage", peak / 1e6));
        AtomicFiles.deleteTree(out);
    }

    /**
     * A runner's whole account: a Strava bulk export (zip) of {@link #historyActivities} activities over four years
     * (runs of 20–70 minutes recorded every second, rides, walks, swims, hand-entered runs), analysed as one input by
     * the command line in a child JVM limited to {@code -Xmx512m} with two jobs; its time, the activities per second
     * and the peak heap.
     */
    private void history() throws Exception {
        line("");
        line("## A runner's account export");
        line("");
        Path zip = work.resolve("strava_export_" + historyActivities + ".zip");
        long t0 = System.nanoTime();
        if (!Files.exists(zip)) {
            List<org.gaitform.support.AccountExports.Activity> acts = org.gaitform.support.AccountExports.activities(
                    new org.gaitform.support.AccountExports.Spec(historyActivities, 4, 11L, 1.0));
            org.gaitform.support.AccountExports.stravaZip(zip, acts);
        }
        double gen = (System.nanoTime() - t0) / 1e9;
        Path log = work.resolve("history-probe.log");
        Path out = work.resolve("history-out");
        if (Files.exists(out)) {
            AtomicFiles.deleteTree(out);
        }
        Process p = ChildJvm.start(List.of("-Xmx512m"), HeapProbe.class.getName(),
                List.of("analyze", zip.toString(), "--out", out.toString(), "--force", "--jobs", "2", "--progress",
                        "lines"), log);
        if (!p.waitFor(60, TimeUnit.MINUTES)) {
            p.destroyForcibly();
        }
        String text = Files.readString(log);
        Matcher m = Pattern.compile("exit=(\\d+) seconds=([0-9.]+) peak_live_mb=([0-9.]+) peak_used_mb=([0-9.]+)")
                .matcher(text);
        if (!m.find()) {
            line("history probe failed:\n" + text);
            verdicts.add("account export of " + historyActivities + " activities: " + TARGET_MISSED);
            return;
        }
        Path activities = out.resolve(zip.getFileName().toString().replace(".zip", "")).resolve("activities.csv");
        long runs = 0;
        long total = 0;
        if (Files.exists(activities)) {
            List<String> lines = Files.readAllLines(activities);
            total = lines.size() - 1;
            runs = lines.stream().skip(1).filter(l -> l.contains(",run,")).count();
        }
        double s = Double.parseDouble(m.group(2));
        boolean ok = m.group(1).equals("0") && s < 15 * 60;
        line(String.format(Locale.ROOT, "- Strava bulk export, %d activities over 4 years (%.0f MB zip, generated in "
                        + "%.0f s): %d runs analysed, the rest skipped or counted; %s in %.0f s (%.1f activities/s) with "
                        + "2 jobs in -Xmx512m; peak live heap (after GC) %s MB, peak heap including garbage %s MB",
                total, Files.size(zip) / 1e6, gen, runs, m.group(1).equals("0") ? "done" : "FAILED", s, total / s,
                m.group(3), m.group(4)));
        verdicts.add("account export of " + total + " activities within minutes in -Xmx512m: " + (ok ? TARGET_MET
                : TARGET_MISSED) + String.format(Locale.ROOT, " (%.0f s, peak live heap %s MB)", s, m.group(3)));
        AtomicFiles.deleteTree(out);
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
    }
}
