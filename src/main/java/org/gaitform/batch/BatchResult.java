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

    public long okCount() {
        return outcomes.stream().filter(Outcome::ok).count();
    }

    public long failedCount() {
        return outcomes.size() - okCount();
    }
}
