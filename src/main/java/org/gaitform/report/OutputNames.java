package org.gaitform.report;

import java.util.List;
import java.util.Locale;

/**
 * The names gaitform writes at the top of an output folder, in one place: the batch's own files, the runner's
 * reports, the dataset tables, and everything starting with {@value #HIDDEN_PREFIX} (the manifest, the lock, the
 * temporary area). A session folder never takes one of these names (compared ignoring case, as on macOS and
 * Windows file systems), so an input called {@code batch-summary.csv.csv} can never occupy the batch summary's
 * place. A part of gaitform that writes a new file at the top of the output folder adds its name here.
 */
public final class OutputNames {
    /** One row per input of the batch. */
    public static final String BATCH_SUMMARY = "batch-summary.csv";
    /** The cohort report of the batch. */
    public static final String BATCH_REPORT = "batch-report.pdf";
    /** The runner's report of watch sessions ({@code runner-report-<folder>.pdf} when there are several runners). */
    public static final String RUNNER_REPORT = "runner-report.pdf";
    /** The weekly training load ({@code weekly-load-<folder>.csv} when there are several runners). */
    public static final String WEEKLY_LOAD = "weekly-load.csv";
    /** Stems of the dataset tables written for the whole batch, in each of {@link #DATASET_FORMATS}. */
    public static final List<String> DATASET_TABLES = List.of("steps", "sessions", "findings", "bouts");
    /** File extensions of the dataset tables. */
    public static final List<String> DATASET_FORMATS = List.of(".csv", ".parquet");
    /** Prefix of gaitform's bookkeeping at the top of the output folder (manifest, lock, temporary area). */
    public static final String HIDDEN_PREFIX = ".gaitform";

    /** Families whose variants carry a suffix (one runner's report per folder of exports). */
    private static final List<String> FAMILIES = List.of(stem(RUNNER_REPORT), stem(WEEKLY_LOAD));

    private OutputNames() {
    }

    /** Every reserved name without a suffix, in lower case (for messages and tests). */
    public static List<String> reserved() {
        List<String> out = new java.util.ArrayList<>(List.of(BATCH_SUMMARY, BATCH_REPORT, RUNNER_REPORT, WEEKLY_LOAD));
        for (String t : DATASET_TABLES) {
            for (String f : DATASET_FORMATS) {
                out.add(t + f);
            }
        }
        return List.copyOf(out);
    }

    /**
     * True when {@code name} (a file or folder name at the top of the output folder) is one gaitform writes or may
     * write there, ignoring case: the names of {@link #reserved()}, the runner's report and weekly table of any
     * folder ({@code runner-report…}, {@code weekly-load…}), and anything starting with {@value #HIDDEN_PREFIX}.
     */
    public static boolean isReserved(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.startsWith(HIDDEN_PREFIX) || reserved().contains(n)) {
            return true;
        }
        for (String family : FAMILIES) {
            if (n.startsWith(family)) {
                return true;
            }
        }
        return false;
    }

    private static String stem(String name) {
        return name.substring(0, name.lastIndexOf('.'));
    }
}
