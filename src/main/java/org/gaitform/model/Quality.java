package org.gaitform.model;

/**
 * How far a session's numbers can be trusted, from consistency checks of the session itself (never from a
 * reference): the verdict of {@link SessionQuality} and the outcome of each {@link QualityCheck}.
 */
public enum Quality {
    /** Every check passed: the numbers are as good as this kind of input allows. */
    GOOD("good", "good"),
    /** Some numbers may be wrong: they are shown, but findings built on them are not judged. */
    DOUBTFUL("doubtful", "doubtful — read with care"),
    /** The steps themselves (contacts, cadence) are inconsistent: the numbers are likely wrong. */
    POOR("poor", "poor — the numbers are likely wrong"),
    /** No check was run (a result built outside the pipeline). */
    NOT_ASSESSED("not_assessed", "not assessed");

    private final String label;
    private final String phrase;

    Quality(String label, String phrase) {
        this.label = label;
        this.phrase = phrase;
    }

    /** Machine-readable label for JSON and CSV ({@code good}, {@code doubtful}, {@code poor}). */
    public String label() {
        return label;
    }

    /** Words for the report. */
    public String phrase() {
        return phrase;
    }

    /** The worse of two outcomes ({@link #NOT_ASSESSED} counts as good). */
    public Quality worse(Quality other) {
        return rank() >= other.rank() ? this : other;
    }

    /** True for {@link #DOUBTFUL} and {@link #POOR}. */
    public boolean isDoubt() {
        return this == DOUBTFUL || this == POOR;
    }

    private int rank() {
        return switch (this) {
            case NOT_ASSESSED -> -1;
            case GOOD -> 0;
            case DOUBTFUL -> 1;
            case POOR -> 2;
        };
    }

    /** The quality of a label, or {@link #NOT_ASSESSED} when the label is unknown. */
    public static Quality parse(String label) {
        for (Quality q : values()) {
            if (q.label.equals(label)) {
                return q;
            }
        }
        return NOT_ASSESSED;
    }
}
