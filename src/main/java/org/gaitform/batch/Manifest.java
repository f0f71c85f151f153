package org.gaitform.batch;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.gaitform.report.AtomicFiles;
import org.gaitform.report.BatchSummaryCsv;

/**
 * The record of finished sessions in an output folder ({@value #FILE_NAME}), which lets a later run skip
 * sessions whose input, settings and outputs are unchanged. One row per session: its id, the input as
 * named, the SHA-256 of the input's content, the fingerprint of the settings, the SHA-256 of the session
 * folder as written, and its row of {@code batch-summary.csv} (so that a skipped session keeps its
 * headline numbers). Rows of kind {@code file} record the batch's own files at the top of the output folder
 * ({@code batch-summary.csv}, the reports) with their SHA-256: gaitform overwrites such a file only while it is
 * still what gaitform wrote. The file is rewritten atomically after every finished session, so a run killed at
 * any moment leaves either the old or the new manifest; an entry is trusted only while the session
 * folder still hashes to what it records. A damaged manifest, or one of an older layout, is ignored (everything
 * is redone; the names starting with {@code .gaitform} are gaitform's in an output folder). A folder or a link at
 * the manifest's place is {@linkplain #foreign() foreign}, and the run refuses to write over it. Thread-safe.
 */
public final class Manifest {
    /** Name of the manifest in the output folder (hidden: it is bookkeeping, not a result). */
    public static final String FILE_NAME = ".gaitform-manifest.csv";
    static final List<String> COLUMNS = List.of("session_id", "input", "input_sha256", "settings_sha256",
            "outputs_sha256", "message", "input_kind", "placement", "n_steps", "cadence_spm", "contact_ms",
            "flight_ms", "duty_factor", "running_s", "walking_s", "top_finding", "report");
    /** The column that tells session rows from rows of the batch's files (empty for a session, {@code file}). */
    static final String KIND = "kind";

    /**
     * One finished session.
     *
     * @param sessionId      its id (its folder's name)
     * @param input          the input as named in outputs
     * @param inputSha256    hash of the input's content ({@link ContentHash})
     * @param settingsSha256 {@link SettingsFingerprint} of the run that wrote it
     * @param outputsSha256  hash of the session folder as written
     * @param row            its row of batch-summary.csv
     */
    public record Entry(String sessionId, String input, String inputSha256, String settingsSha256, String outputsSha256,
                        BatchSummaryCsv.Row row) {
        public Entry {
            Objects.requireNonNull(sessionId, "sessionId");
            Objects.requireNonNull(input, "input");
            Objects.requireNonNull(inputSha256, "inputSha256");
            Objects.requireNonNull(settingsSha256, "settingsSha256");
            Objects.requireNonNull(outputsSha256, "outputsSha256");
            Objects.requireNonNull(row, "row");
        }
    }

    private final Path file;
    private final Map<String, Entry> entries = new TreeMap<>();
    private final Map<String, String> files = new TreeMap<>();
    private String foreign = "";
    private boolean legacy;

    private Manifest(Path file) {
        this.file = file;
    }

    /** The manifest of an output folder (empty when there is none or it cannot be read). */
    public static Manifest load(Path outDir) {
        Manifest m = new Manifest(outDir.resolve(FILE_NAME));
        if (!Files.exists(m.file, LinkOption.NOFOLLOW_LINKS)) {
            return m;
        }
        if (!Files.isRegularFile(m.file, LinkOption.NOFOLLOW_LINKS)) {
            m.foreign = "it is a folder or a link, not a gaitform manifest";
            return m;
        }
        try (Reader r = Files.newBufferedReader(m.file, StandardCharsets.UTF_8)) {
            var parser = format().builder().setHeader().setSkipHeaderRecord(true).get().parse(r);
            List<String> header = parser.getHeaderNames();
            m.legacy = true;
            if (!header.containsAll(COLUMNS)) {
                return m; // another layout (an older gaitform) or damaged: start afresh
            }
            boolean kinds = header.contains(KIND);
            m.legacy = !kinds;
            for (CSVRecord rec : parser) {
                if (kinds && rec.get(KIND).equals("file")) {
                    m.files.put(text(rec, "session_id"), rec.get("outputs_sha256"));
                    continue;
                }
                Entry e = entry(rec);
                m.entries.put(e.sessionId(), e);
            }
        } catch (IOException | RuntimeException e) {
            m.entries.clear(); // damaged: redo everything rather than trust part of it
            m.files.clear();
            m.legacy = true;
        }
        return m;
    }

    /**
     * Why the file at the manifest's place is not a gaitform manifest (so that a run must not write over it), or
     * empty when it is one or there is none.
     */
    public String foreign() {
        return foreign;
    }

    /**
     * True when the manifest holds no record of the batch's own files although it exists: written by a gaitform that
     * did not record them yet, or damaged. The files are then recognised by their content ({@link BatchFiles}).
     */
    public synchronized boolean legacy() {
        return legacy;
    }

    /** The SHA-256 gaitform recorded for a batch file it wrote at the top of the output folder, or {@code null}. */
    public synchronized String fileSha256(String name) {
        return files.get(name);
    }

    /** Records a batch file written at the top of the output folder and saves the manifest. */
    public synchronized void putFile(String name, String sha256) throws IOException {
        files.put(name, sha256);
        save();
    }

    /** Forgets a batch file (it was not written in this run) and saves the manifest. */
    public synchronized void removeFile(String name) throws IOException {
        if (files.remove(name) != null) {
            save();
        }
    }

    /** Session ids by input (as named), for keeping each input's id from one run to the next. */
    public synchronized Map<String, String> idsByInput() {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (Entry e : entries.values()) {
            out.putIfAbsent(e.input(), e.sessionId());
        }
        return out;
    }

    /** The entry of a session id, or {@code null}. */
    public synchronized Entry get(String sessionId) {
        return entries.get(sessionId);
    }

    /** Records a finished session and saves the manifest. */
    public synchronized void put(Entry e) throws IOException {
        entries.put(e.sessionId(), e);
        save();
    }

    /** Forgets a session (its folder is gone) and saves the manifest; nothing happens when it is unknown. */
    public synchronized void remove(String sessionId) throws IOException {
        if (entries.remove(sessionId) != null) {
            save();
        }
    }

    /** Number of entries. */
    public synchronized int size() {
        return entries.size();
    }

    private void save() throws IOException {
        if (!foreign.isEmpty()) {
            throw new AtomicFiles.NotOurs(file + " exists and was not written by gaitform (" + foreign + "); choose "
                    + "another --out or move it");
        }
        StringWriter w = new StringWriter();
        try (CSVPrinter p = new CSVPrinter(w, format())) {
            List<String> header = new ArrayList<>(COLUMNS);
            header.add(KIND);
            p.printRecord(header);
            for (Entry e : entries.values()) {
                BatchSummaryCsv.Row r = e.row();
                p.printRecord(esc(e.sessionId()), esc(e.input()), e.inputSha256(), e.settingsSha256(), e.outputsSha256(),
                        esc(r.message()), esc(r.inputKind()), esc(r.placement()), num(r.nSteps()), num(r.cadenceSpm()),
                        num(r.contactMs()), num(r.flightMs()), num(r.dutyFactor()), num(r.runningS()),
                        num(r.walkingS()), esc(r.topFinding()), esc(r.report()), "");
            }
            for (Map.Entry<String, String> f : files.entrySet()) {
                List<String> row = new ArrayList<>(java.util.Collections.nCopies(header.size(), ""));
                row.set(0, esc(f.getKey()));
                row.set(COLUMNS.indexOf("outputs_sha256"), f.getValue());
                row.set(header.size() - 1, "file");
                p.printRecord(row);
            }
        }
        Path dir = file.toAbsolutePath().getParent();
        AtomicFiles.write(file, w.toString().getBytes(StandardCharsets.UTF_8), AtomicFiles.tempArea(dir));
    }

    private static Entry entry(CSVRecord rec) {
        BatchSummaryCsv.Row row = new BatchSummaryCsv.Row(text(rec, "input"), text(rec, "session_id"), true,
                text(rec, "message"), text(rec, "input_kind"), text(rec, "placement"), parse(rec.get("n_steps")),
                parse(rec.get("cadence_spm")), parse(rec.get("contact_ms")), parse(rec.get("flight_ms")),
                parse(rec.get("duty_factor")), parse(rec.get("running_s")), parse(rec.get("walking_s")),
                text(rec, "top_finding"), text(rec, "report"));
        return new Entry(text(rec, "session_id"), text(rec, "input"), rec.get("input_sha256"),
                rec.get("settings_sha256"), rec.get("outputs_sha256"), row);
    }

    /**
     * Text cells are neutralised like every CSV gaitform writes (a leading apostrophe before {@code = + - @},
     * tab or carriage return), and also before an apostrophe, so that reading strips exactly one back.
     */
    static String esc(String s) {
        if (s.isEmpty()) {
            return s;
        }
        char c = s.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' || c == '\'' ? "'" + s : s;
    }

    private static String text(CSVRecord rec, String column) {
        String s = rec.get(column);
        return s.startsWith("'") ? s.substring(1) : s;
    }

    private static CSVFormat format() {
        return CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get();
    }

    private static String num(double v) {
        return Double.isFinite(v) ? Double.toString(v) : "";
    }

    private static double parse(String s) {
        return s.isEmpty() ? Double.NaN : Double.parseDouble(s);
    }

    /** Session ids in the manifest (for tests and tools). */
    public synchronized List<String> sessionIds() {
        return new ArrayList<>(entries.keySet());
    }
}
