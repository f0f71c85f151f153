package org.gaitform.events;

/**
 * A half-open range of sample indices {@code [from, to)}.
 *
 * @param from first index
 * @param to   one past the last index
 */
public record IndexRange(int from, int to) {
    public IndexRange {
        if (from < 0 || to < from) {
            throw new IllegalArgumentException("bad index range [" + from + ", " + to + ")");
        }
    }

    public int length() {
        return to - from;
    }
}
