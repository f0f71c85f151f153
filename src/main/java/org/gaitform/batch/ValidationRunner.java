package org.gaitform.batch;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.gaitform.agreement.AgreementComparison;
import org.gaitform.agreement.AgreementFigures;
import org.gaitform.agreement.AgreementGroups;
import org.gaitform.agreement.AgreementReport;
import org.gaitform.agreement.FailedValidation;
import org.gaitform.agreement.RecordingAgreement;
import org.gaitform.agreement.RecordingSpan;
import org.gaitform.agreement.Reference;
import org.gaitform.agreement.ReferenceCatalog;
import org.gaitform.io.InputReaders;
import org.gaitform.io.meta.MetadataReader;
import org.gaitform.model.GaitformException;
import org.gaitform.model.ImuRecording;
import org.gaitform.model.PoseRecording;
import org.gaitform.model.Recording;
import org.gaitform.model.SessionMetadata;
import org.gaitform.model.SessionResult;
import org.gaitform.model.WatchRecording;
import org.gaitform.pipeline.AnalysisSettings;
import org.gaitform.pipeline.SessionPipeline;
import org.gaitform.report.AgreementCharts;
import org.gaitform.report.AgreementReportPdf;
import org.gaitform.report.AgreementTables;
import org.gaitform.report.AtomicFiles;
import org.gaitform.report.ChartImages;
import org.gaitform.report.ChartSpec;

/**
 * Runs {@code gaitform validate}: analyses every recording as {@code analyze} would, finds its reference
 * ({@link ReferenceCatalog}), compares them ({@link AgreementComparison}), groups the recordings by their conditions
 * ({@link AgreementGroups}) and writes {@code agreement.csv}, {@code agreement-events.csv}, {@code agreement.pdf} and
 * {@code plots/*.png} into the output folder. A recording that fails (bad input, no reference, a bad reference) is
 * listed with its message and the others go on.
 *
 * <p>Outputs are written atomically and only over files this command wrote before: the output folder keeps a list
 * of them with their SHA-256 ({@value #OWNED}); an existing output that is not on it, or was changed since, stops the
 * run with a message instead of being overwritten.
 */
public final class ValidationRunner {
    /** The list of files a validation run wrote into its output folder, with their hashes. */
    public static final String OWNED = ".gaitform-validate-files.csv";
    /** Condition columns a researcher groups by even when every recording has its own value. */
    static final Set<String> KNOWN_CONDITIONS = Set.of("input_kind", "placement", "sampling_rate_hz", "slope_deg",
            "slope_pct", "speed_mps", "speed_kmh", "strike", "strike_class", "foot_strike", "subject_id", "subject",
            "surface", "shoes", "role", "dataset", "treadmill");
    /** Metadata columns that name a recording or its reference, or are free text: never conditions. */
    static final Set<String> NOT_CONDITIONS = Set.of("file", "filename", "file_name", "recording", "input", "session",
            "session_id", "trial_file", "reference", "reference_file", "ref", "truth", "gold_standard", "notes", "note",
            "comment", "comments", "date", "reference_rate_hz", "ref_rate_hz", "force_threshold", "reference_threshold",
            "threshold", "body_mass_kg", "mass_kg", "weight_kg", "body_mass", "height_cm", "height", "height_m",
            "rate_hz");

    private final String version;
    private final ValidationOptions options;

    /**
     * One set of recordings analysed with the same settings.
     *
     * @param inputs   files and folders
     * @param settings analysis settings for them
     */
    public record Job(List<Path> inputs, AnalysisSettings settings) {
        public Job {
            inputs = List.copyOf(inputs);
        }
    }

    /**
     * What a run produced.
     *
     * @param report  the figures
     * @param written the files written, in the output folder
     */
    public record Result(AgreementReport report, List<Path> written) {
        public Result {
            written = List.copyOf(written);
        }
    }

    public ValidationRunner(String version, ValidationOptions options) {
        this.version = version;
        this.options = options;
    }

    /**
     * Runs.
     *
     * @param jobs       the recordings and their settings
     * @param references {@code --reference} files and folders
     * @param outDir     the output folder
     * @param listener   progress
     * @throws GaitformException for a reference path that does not exist, or outputs it may not overwrite
     */
    public Result run(List<Job> jobs, List<Path> references, Path outDir, ValidationListener listener)
            throws IOException {
        try (OutputLock lock = OutputLock.acquire(outDir)) {
            AtomicFiles.cleanLeftovers(outDir);
            record Item(Input input, AnalysisSettings settings) {
            }
            InputDiscovery discovery = new InputDiscovery(new InputReaders());
            List<Item> found = new ArrayList<>();
            for (Job j : jobs) {
                for (Input in : discovery.discover(j.inputs(), outDir)) {
                    found.add(new Item(in, j.settings()));
                }
            }
            ReferenceCatalog first = ReferenceCatalog.load(references, options.reference(), found.size());
            Set<Path> given = new LinkedHashSet<>();
            jobs.forEach(j -> j.inputs().forEach(p -> given.add(p.toAbsolutePath().normalize())));
            List<Item> items = found.stream().filter(i -> given.contains(i.input().path().toAbsolutePath().normalize())
                    || !first.isReferenceOnly(i.input().path())).toList();
            // one recording and one reference pair up by themselves: count only the recordings
            ReferenceCatalog catalog = items.size() == found.size() ? first
                    : ReferenceCatalog.load(references, options.reference(), items.size());
            int total = items.size();
            listener.started(total);
            Object[] outcome = new Object[total];
            int[] done = {0};
            ReferenceCatalog cat = catalog;
            Runnable[] tasks = new Runnable[total];
            for (int i = 0; i < total; i++) {
                int k = i;
                tasks[i] = () -> {
                    Item it = items.get(k);
                    Object o = one(cat, new SessionPipeline(it.settings()), it.input());
                    outcome[k] = o;
                    synchronized (done) {
                        done[0]++;
                        boolean ok = o instanceof RecordingAgreement;
                        listener.finished(it.input().display(), ok, ok ? line((RecordingAgreement) o)
                                : ((FailedValidation) o).message(), done[0], total);
                    }
                };
            }
            runAll(tasks);
            List<RecordingAgreement> recs = new ArrayList<>();
            List<FailedValidation> failures = new ArrayList<>();
            for (Object o : outcome) {
                if (o instanceof RecordingAgreement r) {
                    recs.add(r);
                } else {
                    failures.add((FailedValidation) o);
                }
            }
            List<String> columns = conditionColumns(recs, failures);
            List<List<String>> groupings = options.groupings().isEmpty() ? defaultGroupings(recs, columns)
                    : options.groupings();
            for (List<String> g : groupings) {
                for (String c : g) {
                    if (!columns.contains(c)) {
                        columns.add(c);
                    }
                }
            }
            AgreementReport report = new AgreementReport(recs, failures, AgreementGroups.of(recs, groupings), columns,
                    groupings, options.toleranceMs(), version, options.timestamp()
                    ? DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(Instant.now().atOffset(ZoneOffset.UTC)
                    .withNano(0).toLocalDateTime()) + " UTC" : "");
            return new Result(report, write(report, outDir));
        }
    }

    private void runAll(Runnable[] tasks) throws IOException {
        int jobs = Math.min(options.jobs(), Math.max(1, tasks.length));
        if (jobs == 1) {
            for (Runnable t : tasks) {
                t.run();
            }
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(jobs, r -> {
            Thread t = new Thread(r, "gaitform-validate");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> fs = new ArrayList<>();
            for (Runnable t : tasks) {
                fs.add(pool.submit(t));
            }
            for (Future<?> f : fs) {
                try {
                    f.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted", e);
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException re) {
                        throw re;
                    }
                    if (e.getCause() instanceof Error err) {
                        throw err;
                    }
                    throw new IllegalStateException(e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static String line(RecordingAgreement r) {
        AgreementFigures f = AgreementFigures.of(List.of(r));
        if (!r.hasEventReference()) {
            return String.format(Locale.ROOT, "cadence %s vs %s steps/min, contact %s vs %s ms", num(r.cadenceSpm(), 1),
                    num(r.referenceCadenceSpm(), 1), num(r.contactMs(), 0), num(r.referenceContactMs(), 0));
        }
        return String.format(Locale.ROOT, "IC %d/%d matched, bias %+.1f ms; TO %d/%d; cadence %+.2f steps/min",
                f.ic().matchedN(), f.ic().referenceN(), f.ic().timingMs().bias(), f.to().matchedN(), f.to().referenceN(),
                f.cadenceSpm().bias());
    }

    private static String num(double v, int decimals) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%." + decimals + "f", v) : "–";
    }

    /** Analyses, resolves and compares one recording; a failure becomes a {@link FailedValidation}. */
    private Object one(ReferenceCatalog catalog, SessionPipeline pipeline, Input input) {
        Map<String, String> meta = metadata(input.path());
        try {
            Recording[] rec = new Recording[1];
            SessionResult result = pipeline.analyse(input.path(), input.display(), "validate", r -> rec[0] = r);
            Map<String, String> conditions = new LinkedHashMap<>();
            conditions.put("input_kind", result.info().getOrDefault("measurement_kind", result.inputKind()));
            conditions.put("placement", result.placement().label());
            conditions.put("sampling_rate_hz", rate(result.samplingRateHz()));
            conditions.put("input_format", result.inputKind());
            meta.forEach((k, v) -> {
                if (!NOT_CONDITIONS.contains(k)) {
                    conditions.putIfAbsent(k, v);
                }
            });
            fromName(input.path()).forEach(conditions::putIfAbsent);
            Reference ref = catalog.resolve(input.path(), input.display(), span(rec[0], result), meta);
            return AgreementComparison.compare(result, ref, options.toleranceMs(), conditions);
        } catch (GaitformException e) {
            return new FailedValidation(input.display(), e.getMessage(), filtered(meta));
        } catch (OutOfMemoryError e) {
            return new FailedValidation(input.display(), input.display() + ": not enough memory to analyse it (heap "
                    + "limit " + Runtime.getRuntime().maxMemory() / (1 << 20) + " MB)", filtered(meta));
        } catch (RuntimeException | StackOverflowError e) {
            return new FailedValidation(input.display(), input.display() + ": internal error while validating ("
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())
                    + "); please report it with the file", filtered(meta));
        }
    }

    private static Map<String, String> filtered(Map<String, String> meta) {
        Map<String, String> m = new LinkedHashMap<>();
        meta.forEach((k, v) -> {
            if (!NOT_CONDITIONS.contains(k)) {
                m.put(k, v);
            }
        });
        return m;
    }

    private static final java.util.regex.Pattern SLOPE_IN_NAME = java.util.regex.Pattern.compile(
            "(?:^|[^a-z])(?:slope|incline|grade)_?(-?\\d{1,2}(?:\\.\\d+)?)(?:deg)?(?![0-9])");
    private static final java.util.regex.Pattern SPEED_IN_NAME = java.util.regex.Pattern.compile(
            "(?:^|[^a-z])speed[_-]?(\\d{1,2}(?:\\.\\d+)?)(kmh|kph|mps)?(?![0-9])");

    /**
     * Conditions written in a file name when the metadata does not give them: {@code slope-5} (degrees) and
     * {@code speed3.33} (m/s; {@code speed12kmh} in km/h), as in {@code trial10_speed3.33_slope-5.csv}.
     */
    static Map<String, String> fromName(Path p) {
        String name = p.getFileName() == null ? "" : p.getFileName().toString().toLowerCase(Locale.ROOT);
        Map<String, String> m = new LinkedHashMap<>();
        java.util.regex.Matcher s = SLOPE_IN_NAME.matcher(name);
        if (s.find()) {
            m.put("slope_deg", s.group(1));
        }
        java.util.regex.Matcher v = SPEED_IN_NAME.matcher(name);
        if (v.find()) {
            String speed = v.group(1);
            if ("kmh".equals(v.group(2)) || "kph".equals(v.group(2))) {
                speed = String.format(Locale.ROOT, "%.2f", Double.parseDouble(speed) / 3.6);
            }
            m.put("speed_mps", speed);
        }
        return m;
    }

    /** The recording's metadata columns: sidecar or sessions.csv, then every --metadata table (later ones win). */
    private Map<String, String> metadata(Path input) {
        MetadataReader reader = new MetadataReader();
        Map<String, String> m = new LinkedHashMap<>();
        SessionMetadata own = reader.find(input);
        m.putAll(own.columns());
        own.subjectId().ifPresent(s -> m.putIfAbsent("subject_id", s));
        for (Path t : options.metadataTables()) {
            SessionMetadata md = reader.fromTable(t, input);
            m.putAll(md.columns());
        }
        m.remove("subject");
        if (own.subjectId().isPresent() && !m.containsKey("subject_id")) {
            m.put("subject_id", own.subjectId().get());
        }
        return m;
    }

    /** The time the recording covers (from its samples; else from its steps and bouts). */
    static RecordingSpan span(Recording rec, SessionResult r) {
        double[] t = null;
        if (rec instanceof ImuRecording imu) {
            t = imu.timeS();
        } else if (rec instanceof PoseRecording pose) {
            t = pose.timeS();
        } else if (rec instanceof WatchRecording w) {
            t = w.timeS();
        }
        double rate = r.samplingRateHz() > 0 ? r.samplingRateHz() : 1;
        if (t != null && t.length > 0) {
            return new RecordingSpan(t[0], t[t.length - 1], rate);
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (var b : r.bouts()) {
            lo = Math.min(lo, b.startS());
            hi = Math.max(hi, b.endS());
        }
        for (var s : r.steps()) {
            lo = Math.min(lo, s.icS());
            hi = Math.max(hi, Double.isFinite(s.toS()) ? s.toS() : s.icS());
        }
        return lo <= hi ? new RecordingSpan(lo, hi, rate) : new RecordingSpan(0, 0, rate);
    }

    static String rate(double hz) {
        if (!(hz > 0)) {
            return "";
        }
        double r = Math.round(hz * 10) / 10.0;
        return r == Math.rint(r) ? String.valueOf((long) r) : String.valueOf(r);
    }

    private static List<String> conditionColumns(List<RecordingAgreement> recs, List<FailedValidation> failures) {
        LinkedHashSet<String> cols = new LinkedHashSet<>(List.of("input_kind", "placement", "sampling_rate_hz",
                "input_format"));
        recs.forEach(r -> cols.addAll(r.conditions().keySet()));
        failures.forEach(f -> cols.addAll(f.conditions().keySet()));
        return new ArrayList<>(cols);
    }

    /** Every condition column that splits the compared recordings into at least two groups. */
    static List<List<String>> defaultGroupings(List<RecordingAgreement> recs, List<String> columns) {
        List<List<String>> out = new ArrayList<>();
        for (String c : columns) {
            if (c.equals("input_format")) {
                continue;
            }
            Set<String> values = new LinkedHashSet<>();
            recs.forEach(r -> values.add(r.condition(c)));
            boolean useful = values.size() >= 2 && (KNOWN_CONDITIONS.contains(c) || values.size() < recs.size());
            if (useful) {
                out.add(List.of(c));
            }
        }
        return out;
    }

    /** Writes the outputs; refuses to replace files it did not write. */
    private List<Path> write(AgreementReport report, Path outDir) throws IOException {
        Map<String, String> owned = readOwned(outDir);
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("agreement.csv", AgreementTables.agreement(report).getBytes(StandardCharsets.UTF_8));
        files.put("agreement-events.csv", AgreementTables.events(report).getBytes(StandardCharsets.UTF_8));
        List<ChartSpec> charts = AgreementCharts.forReport(report);
        for (ChartSpec c : charts) {
            files.put("plots/" + c.name() + ".png", ChartImages.png(c, ChartImages.DEFAULT_DPI));
        }
        files.put("agreement.pdf", AgreementReportPdf.render(report, charts));
        for (String name : files.keySet()) {
            Path p = outDir.resolve(name);
            if (Files.exists(p)) {
                String hash = Files.isRegularFile(p) ? ContentHash.of(p) : "";
                if (!hash.equals(owned.get(name))) {
                    throw new GaitformException(GaitformException.Kind.OUTPUT, p + " exists and gaitform validate did "
                            + "not write it (or it was changed since): choose another --out folder or move the file "
                            + "away; it is not overwritten");
                }
            }
        }
        // plots of an earlier run that this run does not make again go, if they are still as written
        for (Map.Entry<String, String> e : owned.entrySet()) {
            Path p = outDir.resolve(e.getKey());
            if (!files.containsKey(e.getKey()) && e.getKey().startsWith("plots/") && Files.isRegularFile(p)
                    && ContentHash.of(p).equals(e.getValue())) {
                Files.delete(p);
            }
        }
        List<Path> written = new ArrayList<>();
        Map<String, String> now = new LinkedHashMap<>();
        for (Map.Entry<String, byte[]> e : files.entrySet()) {
            Path p = outDir.resolve(e.getKey());
            AtomicFiles.write(p, e.getValue());
            now.put(e.getKey(), ContentHash.of(p));
            written.add(p);
            StringBuilder sb = new StringBuilder("file,sha256\n");
            Map<String, String> all = new LinkedHashMap<>(owned);
            all.putAll(now);
            all.forEach((k, v) -> sb.append(k).append(',').append(v).append('\n'));
            AtomicFiles.write(outDir.resolve(OWNED), sb.toString());
        }
        return written;
    }

    private static Map<String, String> readOwned(Path outDir) {
        Map<String, String> m = new LinkedHashMap<>();
        Path f = outDir.resolve(OWNED);
        if (!Files.isRegularFile(f)) {
            return m;
        }
        try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
            for (CSVRecord rec : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
                if (rec.isSet("file") && rec.isSet("sha256")) {
                    m.put(rec.get("file"), rec.get("sha256"));
                }
            }
        } catch (IOException | RuntimeException e) {
            return new LinkedHashMap<>(); // a damaged list: nothing counts as ours
        }
        return m;
    }
}
