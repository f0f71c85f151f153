package org.gaitform.model;

/** How a measured indicator compares with a recommendation. */
public enum FindingStatus {
    /** Within the recommendation. */
    WITHIN("within", "within the recommendation"),
    /** Close to a limit, or outside a reference range where no validated cut-off exists. */
    WATCH("watch", "worth watching"),
    /** Outside the recommendation. */
    OUTSIDE("outside", "outside the recommendation"),
    /** Measured and reported, but the articles give no cut-off to judge it by. */
    REPORTED("reported", "measured; no validated cut-off"),
    /**
     * Measured, but not compared with the recommendation: the quality checks found the measure doubtful, or it
     * rests on too few steps to tell. The value is shown; it is not ranked.
     */
    NOT_JUDGED("not_judged", "not judged"),
    /** This input cannot measure the indicator. */
    NOT_MEASURABLE("not_measurable", "not measurable from this input");

    private final String label;
    private final String phrase;

    FindingStatus(String label, String phrase) {
        this.label = label;
        this.phrase = phrase;
    }

    /** Machine-readable label for JSON and CSV. */
    public String label() {
        return label;
    }

    /** Words for the report. */
    public String phrase() {
        return phrase;
    }
}
