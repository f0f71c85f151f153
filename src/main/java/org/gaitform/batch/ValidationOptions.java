package org.gaitform.batch;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.gaitform.agreement.ReferenceOptions;

/**
 * Settings of a validation run.
 *
 * @param toleranceMs     largest time difference of a matched event (ms); default 40
 * @param groupings       condition columns to group by, each a list (grouped together); empty: every condition
 *                        column that splits the recordings
 * @param jobs            recordings analysed at the same time
 * @param metadataTables  tables with a {@code file} column giving conditions per recording ({@code --metadata})
 * @param reference       how references are found and read
 * @param timestamp       write the date and time of the run into the report (off for reproducible outputs)
 */
public record ValidationOptions(double toleranceMs, List<List<String>> groupings, int jobs, List<Path> metadataTables,
                                ReferenceOptions reference, boolean timestamp) {
    /** Default tolerance (ms): within the 20–40 ms windows of event-detection studies, about a frame at 30 fps. */
    public static final double DEFAULT_TOLERANCE_MS = 40;

    /** Defaults: 40 ms, groupings chosen from the data, one job, no metadata table, references by default. */
    public static final ValidationOptions DEFAULTS = new ValidationOptions(DEFAULT_TOLERANCE_MS, List.of(), 1, List.of(),
            ReferenceOptions.DEFAULTS, true);

    public ValidationOptions {
        if (!(toleranceMs > 0 && toleranceMs <= 500)) {
            throw new IllegalArgumentException("the tolerance must be above 0 and at most 500 ms, not " + toleranceMs);
        }
        groupings = groupings.stream().map(List::copyOf).toList();
        metadataTables = List.copyOf(metadataTables);
        Objects.requireNonNull(reference, "reference");
        if (jobs < 1) {
            throw new IllegalArgumentException("jobs must be at least 1, not " + jobs);
        }
    }
}
