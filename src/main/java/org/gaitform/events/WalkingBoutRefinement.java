package org.gaitform.events;

import java.util.ArrayList;
import java.util.List;
import org.gaitform.model.Activity;

/**
 * Finds walking that {@link TrunkActivityBouts} left unlabelled. Its walking cycles need a clear 0.2 g swing of
 * the vertical acceleration across 1 g, which slow or shuffling walkers with a sensor low on the back may not
 * give. Here, stretches labelled "other" are searched again window by window ({@link StepPeriodicity}): where the
 * vertical acceleration repeats with a walking step period (cadence 60–155 steps/min), it is walking. Running is
 * never added this way (running needs the flight phase the trunk detector looks for). Adjacent walking is joined.
 */
public final class WalkingBoutRefinement {
    /** Shortest unlabelled stretch searched (s). */
    public static final double MIN_STRETCH_S = 3;

    private WalkingBoutRefinement() {
    }

    /** The labels with walking found in the unlabelled stretches. */
    public static List<LabelledRange> refine(List<LabelledRange> labelled, double[] verticalG, double fs) {
        Activity[] label = new Activity[verticalG.length];
        for (LabelledRange lr : labelled) {
            for (int i = lr.range().from(); i < lr.range().to(); i++) {
                label[i] = lr.activity();
            }
        }
        for (LabelledRange lr : labelled) {
            if (lr.activity() != Activity.UNKNOWN || lr.range().length() < MIN_STRETCH_S * fs) {
                continue;
            }
            double[] part = java.util.Arrays.copyOfRange(verticalG, lr.range().from(), lr.range().to());
            for (StepPeriodicity.Window w : StepPeriodicity.windows(part, fs)) {
                if (w.activity() == Activity.WALKING) {
                    for (int i = w.from(); i < w.to(); i++) {
                        label[lr.range().from() + i] = Activity.WALKING;
                    }
                }
            }
        }
        List<LabelledRange> out = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= label.length; i++) {
            if (i == label.length || label[i] != label[start]) {
                out.add(new LabelledRange(new IndexRange(start, i), label[start] == null ? Activity.UNKNOWN : label[start]));
                start = i;
            }
        }
        return out;
    }
}
