package org.gaitform.batch;

import java.nio.file.Path;
import java.util.List;

/**
 * A finished batch.
 *
 * @param outcomes    one per input analysed, skipped as unchanged or failed, in input order (inputs a stopped run
 *                    did not get to are in {@code notAnalysed})
 * @param summaryFile the batch summary CSV
 * @param notAnalysed paths seen and not analysed, with the reason: files and folders in the input folders that are
 *                    not recordings, links that lead nowhere or in a loop, and inputs a stopped run did not get to
 *                    (reason {@code interrupted})
 * @param warnings    things the user should know that did not stop anything (a left-over of an earlier run that
 *                    could not be removed, …)
 * @param unwritten   batch files that could not be written (the runner's report at a name taken by a file gaitform
 *                    did not write, …), one message each
 * @param stopped     true when the run was asked to stop (SIGTERM, Ctrl-C) before every input was done
 */
public record BatchResult(List<Outcome> outcomes, Path summaryFile, List<InputDiscovery.Skipped> notAnalysed,
                          List<String> warnings, List<String> unwritten, boolean stopped) {
    public BatchResult {
        outcomes = List.copyOf(outcomes);
        notAnalysed = List.copyOf(notAnalysed);
        warnings = List.copyOf(warnings);
        unwritten = List.copyOf(unwritten);
    }

    /** A batch that analysed, skipped or failed every input and saw nothing else. */
    public BatchResult(List<Outcome> outcomes, Path summaryFile) {
        this(outcomes, summaryFile, List.of(), List.of(), List.of(), false);
    }

    /** Inputs whose outputs are in place: analysed in this run or skipped as unchanged. */
    public long okCount() {
        return outcomes.stream().filter(Outcome::ok).count();
    }

    /** Inputs skipped because input, settings and outputs were unchanged since an earlier run. */
    public long skippedCount() {
        return outcomes.stream().filter(Outcome::skipped).count();
    }

    public long failedCount() {
        return outcomes.size() - okCount();
    }

    /** Inputs a stopped run did not get to. */
    public long interruptedCount() {
        return notAnalysed.stream().filter(s -> s.reason().equals(BatchRunner.INTERRUPTED)).count();
    }
}
