package org.gaitform.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gaitform.guidelines.GuidelineTable;
import org.gaitform.model.GaitformException;
import org.gaitform.model.SessionResult;

/**
 * Writes one session's folder — {@code steps.csv}, {@code bouts.csv}, {@code summary.json} ({@code splits.csv} for a
 * watch session), unless only tables are asked for {@code report.pdf} and {@code charts/*.png}, and the marker
 * {@value Ownership#MARKER} that lists them — into a folder in the output folder's temporary area and renames it into
 * place, so that a session folder is either complete or absent. A folder at the session's place that gaitform did
 * not write is never replaced: the session fails instead.
 */
public final class SessionWriter {
    private final GuidelineTable table;
    private final String version;
    private final int dpi;
    private final boolean reports;

    /** A writer of complete session folders: tables, report and charts. */
    public SessionWriter(GuidelineTable table, String version, int dpi) {
        this(table, version, dpi, Outputs.ALL);
    }

    /**
     * @param table   the guideline table (for the report's references)
     * @param version gaitform's version, written into summary.json
     * @param dpi     resolution of the chart PNGs
     * @param outputs {@link Outputs#TABLES}: the tables only, no report.pdf and no charts (nor the work to draw them)
     */
    public SessionWriter(GuidelineTable table, String version, int dpi, Outputs outputs) {
        this.table = table;
        this.version = version;
        this.dpi = dpi;
        this.reports = outputs.reports();
    }

    /**
     * The texts of a session's tables by file name, in the order they are written: {@code steps.csv},
     * {@code bouts.csv}, {@code splits.csv} (watch sessions only) and {@code summary.json}. The dataset tables are
     * read from these texts, whether from the folder or, on a Spark executor, in memory.
     */
    public static Map<String, String> tables(SessionResult r, String version) {
        boolean watch = WatchSessionTables.isWatch(r);
        Map<String, String> m = new LinkedHashMap<>();
        m.put("steps.csv", watch ? WatchSessionTables.stepsCsv(r) : SessionTables.stepsCsv(r));
        m.put("bouts.csv", SessionTables.boutsCsv(r));
        if (watch) {
            m.put("splits.csv", WatchSessionTables.splitsCsv(r));
        }
        m.put("summary.json", Json.write(SessionTables.summary(r, version)));
        return m;
    }

    /**
     * Writes the session into {@code outDir/<session id>}.
     *
     * @return the session folder
     * @throws GaitformException (kind {@code OUTPUT}) when it cannot be written, or something gaitform did not
     *                           write is at its place (which is then left as it is)
     */
    public Path write(SessionResult r, Path outDir) {
        Path target = outDir.resolve(r.sessionId());
        Path tmp = null;
        try {
            tmp = AtomicFiles.tempDir(outDir, r.sessionId());
            boolean watch = WatchSessionTables.isWatch(r);
            for (Map.Entry<String, String> t : tables(r, version).entrySet()) {
                AtomicFiles.write(tmp.resolve(t.getKey()), t.getValue());
            }
            if (reports) {
                List<ChartSpec> charts = watch ? WatchCharts.forSession(r) : Charts.forSession(r, table);
                for (ChartSpec c : charts) {
                    AtomicFiles.write(tmp.resolve("charts").resolve(c.name() + ".png"), ChartImages.png(c, dpi));
                }
                AtomicFiles.write(tmp.resolve("report.pdf"), watch ? WatchReportPdf.render(r, charts, table)
                        : SessionReportPdf.render(r, charts, table));
            }
            Ownership.mark(tmp, r.sessionId());
            AtomicFiles.replaceDir(tmp, target);
            tmp = null;
            return target;
        } catch (AtomicFiles.NotOurs e) {
            throw new GaitformException(GaitformException.Kind.OUTPUT, e.getMessage(), e);
        } catch (IOException e) {
            throw new GaitformException(GaitformException.Kind.OUTPUT, "could not write " + target + ": "
                    + AtomicFiles.reason(e), e);
        } finally {
            if (tmp != null) {
                try {
                    AtomicFiles.deleteTree(tmp);
                } catch (IOException ignored) {
                    // a left-over temporary folder is removed by the next run
                }
            }
        }
    }
}
