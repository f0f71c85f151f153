package org.gaitform.events;

import java.util.Objects;
import org.gaitform.model.Activity;

/**
 * A stretch of samples with one activity.
 *
 * @param range    sample indices {@code [from, to)}
 * @param activity what was done
 */
public record LabelledRange(IndexRange range, Activity activity) {
    public LabelledRange {
        Objects.requireNonNull(range, "range");
        Objects.requireNonNull(activity, "activity");
    }
}
