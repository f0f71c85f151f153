package org.gaitform.batch;

import java.nio.file.Path;
import java.util.List;

/**
 * A finished batch.
 *
 * @param outcomes     one per input, in input order
 * @param summaryFile  the batch summary CSV
 * @param datasetFiles the dataset tables written at the top of the output folder (steps, bouts, sessions,
 *                     findings), empty when only reports were asked for
 */
public record BatchResult(List<Outcome> outcomes, Path summaryFile, List<Path> datasetFiles) {
    public BatchResult {
        outcomes = List.copyOf(outcomes);
        datasetFiles = List.copyOf(datasetFiles);
    }

    /** A batch without dataset tables. */
    public BatchResult(List<Outcome> outcomes, Path summaryFile) {
        this(outcomes, summaryFile, List.of());
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
}
