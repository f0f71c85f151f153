package org.gaitform.model;

/**
 * How many steps a finding's value rests on.
 *
 * @param steps  steps with a value in total (0 when the value does not come from steps: device averages,
 *               questionnaires, training weeks)
 * @param left   of which on the left foot
 * @param right  of which on the right foot
 */
public record Evidence(int steps, int left, int right) {
    /** A value that does not rest on counted steps. */
    public static final Evidence NONE = new Evidence(0, 0, 0);

    public Evidence {
        if (steps < 0 || left < 0 || right < 0) {
            throw new IllegalArgumentException("step counts cannot be negative: " + steps + ", " + left + ", " + right);
        }
    }

    /** True when the value rests on counted steps. */
    public boolean counted() {
        return steps > 0;
    }

    /** The smaller of the two sides' counts. */
    public int perSide() {
        return Math.min(left, right);
    }
}
