package org.gaitform.batch;

import java.nio.file.Path;
import java.util.List;

/**
 * A finished batch.
 *
 * @param outcomes    one per input, in input order
 * @param summaryFile the batch summary CSV
 */
public record BatchResult(List<Outcome> outcomes, Path summaryFile) {
    public BatchResult {
        outcomes = List.copyOf(outcomes);
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
