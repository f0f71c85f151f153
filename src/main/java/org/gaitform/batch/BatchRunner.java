package org.gaitform.batch;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gaitform.io.InputReaders;
import org.gaitform.model.GaitformException;
import org.gaitform.model.SessionResult;
import org.gaitform.pipeline.AnalysisSettings;
import org.gaitform.pipeline.SessionPipeline;
import org.gaitform.report.AtomicFiles;
import org.gaitform.report.BatchEntry;
import org.gaitform.report.BatchReportPdf;
import org.gaitform.report.BatchSummaryCsv;
import org.gaitform.report.ChartImages;
import org.gaitform.report.SessionWriter;

/**
 * Runs a batch: discovers inputs, analyses and writes each one, and writes {@code batch-summary.csv}. A
 * failing input is recorded with its message and the others go on.
 */
public final class BatchRunner {
    private final AnalysisSettings settings;
    private final String version;

    public BatchRunner(AnalysisSettings settings, String version) {
        this.settings = settings;
        this.version = version;
    }

    /**
     * Runs the batch.
     *
     * @param given    files and folders named by the user
     * @param outDir   output folder
     * @param listener progress receiver
     */
    public BatchResult run(List<Path> given, Path outDir, BatchListener listener) throws IOException {
        AtomicFiles.cleanLeftovers(outDir);
        List<Input> inputs = new InputDiscovery(new InputReaders()).discover(given, outDir);
        List<String> ids = SessionIds.assign(inputs.stream().map(Input::path).toList());
        listener.started(inputs.size());
        SessionPipeline pipeline = new SessionPipeline(settings);
        SessionWriter writer = new SessionWriter(settings.guidelines(), version, ChartImages.DEFAULT_DPI);
        List<Outcome> outcomes = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            Outcome o = one(pipeline, writer, inputs.get(i), ids.get(i), outDir);
            outcomes.add(o);
            listener.finished(o, i + 1, inputs.size());
        }
        List<BatchEntry> entries = outcomes.stream().map(BatchRunner::entry).toList();
        Path summary = outDir.resolve("batch-summary.csv");
        AtomicFiles.write(summary, BatchSummaryCsv.write(entries));
        AtomicFiles.write(outDir.resolve("batch-report.pdf"), BatchReportPdf.render(entries, settings.guidelines()));
        for (Path p : new RunnerReports(settings.guidelines()).write(outcomes, outDir)) {
            listener.written(p);
        }
        return new BatchResult(outcomes, summary);
    }

    static Outcome one(SessionPipeline pipeline, SessionWriter writer, Input input, String id, Path outDir) {
        try {
            SessionResult r = pipeline.analyse(input.path(), input.display(), id);
            writer.write(r, outDir);
            String msg = String.format(java.util.Locale.ROOT, "%d running steps, cadence %.1f steps/min",
                    (long) r.metric("n_steps"), r.metric("cadence_spm"));
            if (!(r.metric("n_steps") > 0) && r.metric("walking_n_steps") > 0) {
                msg = String.format(java.util.Locale.ROOT, "no running; %d walking steps, walking cadence %.1f steps/min",
                        (long) r.metric("walking_n_steps"), r.metric("walking_cadence_spm"));
            } else if (!Double.isFinite(r.metric("cadence_spm"))) {
                msg = String.format(java.util.Locale.ROOT, "%.0f s running; the input has no cadence", r.metric("running_s"));
            }
            return new Outcome(input, id, true, msg, Optional.of(r), Optional.empty());
        } catch (GaitformException e) {
            return new Outcome(input, id, false, e.getMessage(), Optional.empty(), Optional.of(e));
        } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
            return new Outcome(input, id, false, input.display() + ": internal error while analysing ("
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())
                    + "); please report it with the file", Optional.empty(), Optional.of(e));
        }
    }

    static BatchEntry entry(Outcome o) {
        return new BatchEntry(o.input().display(), o.sessionId(), o.ok() ? "ok" : "failed", o.message(), o.result());
    }
}
