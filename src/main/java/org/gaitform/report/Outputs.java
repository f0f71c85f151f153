package org.gaitform.report;

import java.util.Locale;
import java.util.Optional;

/**
 * What a run writes ({@code --outputs}). Every session folder always holds its tables ({@code steps.csv},
 * {@code bouts.csv}, {@code summary.json}, and {@code splits.csv} for a watch session) and every run writes
 * {@code batch-summary.csv}.
 */
public enum Outputs {
    /** The tables only: the dataset tables at the top of the output folder; no PDF and no PNG anywhere. */
    TABLES,
    /** The reports only: each session's {@code report.pdf} and {@code charts/*.png}, the batch and runner reports. */
    REPORTS,
    /** Both (the default). */
    ALL;

    /** True when the dataset tables ({@code steps.csv}, {@code sessions.csv}, … at the top) are written. */
    public boolean datasetTables() {
        return this != REPORTS;
    }

    /** True when PDF reports and PNG charts are drawn. */
    public boolean reports() {
        return this != TABLES;
    }

    /** The value as written on the command line. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code tables}, {@code reports} or {@code all}. */
    public static Optional<Outputs> parse(String s) {
        for (Outputs o : values()) {
            if (o.label().equalsIgnoreCase(s == null ? "" : s.trim())) {
                return Optional.of(o);
            }
        }
        return Optional.empty();
    }
}
