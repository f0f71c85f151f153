package org.gaitform.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.gaitform.model.Activity;
import org.gaitform.model.Side;
import org.gaitform.model.Step;

/**
 * Turns events into steps: each initial contact with its toe-off, and the next initial contact when it
 * follows without a missed step (within {@link #MAX_GAP_FACTOR} times the median step time) and within
 * the same bout.
 */
public final class StepAssembly {
    /** A next contact further away than this many median step times means a step was missed. */
    public static final double MAX_GAP_FACTOR = 1.6;

    private StepAssembly() {
    }

    /**
     * One event pair with the bout it belongs to.
     *
     * @param icIndex   initial contact (fractional sample index)
     * @param toIndex   toe-off (fractional sample index)
     * @param side      foot
     * @param bout      index of the bout the contact is in (contacts of different bouts are never linked)
     * @param activity  activity of that bout
     * @param icMethod  how the initial contact was found
     * @param peakG     peak vertical acceleration in stance (g), {@code NaN} when not measured
     */
    public record Contact(double icIndex, double toIndex, Side side, int bout, Activity activity, String icMethod,
                          double peakG) {
    }

    /**
     * Builds steps.
     *
     * @param contacts  contacts in time order
     * @param timeAt    converts a fractional sample index to seconds on the input's time axis
     */
    public static List<Step> build(List<Contact> contacts, DoubleUnaryOperator timeAt) {
        int n = contacts.size();
        double[] gaps = new double[Math.max(0, n - 1)];
        for (int i = 0; i + 1 < n; i++) {
            gaps[i] = contacts.get(i + 1).icIndex() - contacts.get(i).icIndex();
        }
        double typical = org.gaitform.signal.Stats.median(gaps);
        List<Step> steps = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Contact c = contacts.get(i);
            double next = Double.NaN;
            if (i + 1 < n) {
                Contact d = contacts.get(i + 1);
                if (d.bout() == c.bout() && gaps[i] <= MAX_GAP_FACTOR * typical) {
                    next = timeAt.applyAsDouble(d.icIndex());
                }
            }
            Step s = new Step(i + 1, c.side(), c.activity(), timeAt.applyAsDouble(c.icIndex()),
                    timeAt.applyAsDouble(c.toIndex()), next, c.icMethod());
            if (!Double.isNaN(c.peakG())) {
                s = s.withExtra("peak_acc_g", c.peakG());
            }
            steps.add(s);
        }
        return steps;
    }
}
