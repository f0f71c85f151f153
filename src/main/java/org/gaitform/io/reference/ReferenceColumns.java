package org.gaitform.io.reference;

import java.util.List;

/**
 * The column names that make a reference table, after normalisation (lower case, {@code _} between words): the
 * first that a table has is used.
 */
public final class ReferenceColumns {
    /** Initial contact in seconds. */
    public static final List<String> IC_S = List.of("ic_s", "ic_time_s", "ic_time", "ic_sec", "ic_seconds",
            "initial_contact_s", "initial_contact_time_s", "initial_contact", "hs_s", "heel_strike_s", "foot_strike_s",
            "touchdown_s", "td_s", "strike_s", "contact_start_s");
    /** Initial contact in milliseconds. */
    public static final List<String> IC_MS = List.of("ic_ms", "ic_time_ms", "initial_contact_ms", "hs_ms");
    /** Initial contact as a sample index. */
    public static final List<String> IC_SAMPLE = List.of("ic_sample", "ic_samples", "ic_index", "ic_frame",
            "ic_force_sample", "ic_grf_sample", "initial_contact_sample", "hs_sample");
    /** Initial contact, unit from the values (whole numbers: sample indices). */
    public static final List<String> IC_BARE = List.of("ic", "hs", "heel_strike", "foot_strike", "initial_contact_idx");
    /** Toe-off in seconds. */
    public static final List<String> TO_S = List.of("to_s", "to_time_s", "to_time", "to_sec", "to_seconds",
            "toe_off_s", "toe_off_time_s", "tc_s", "fc_s", "liftoff_s", "lo_s", "contact_end_s");
    /** Toe-off in milliseconds. */
    public static final List<String> TO_MS = List.of("to_ms", "to_time_ms", "toe_off_ms", "tc_ms");
    /** Toe-off as a sample index. */
    public static final List<String> TO_SAMPLE = List.of("to_sample", "to_samples", "to_index", "to_frame",
            "to_force_sample", "to_grf_sample", "toe_off_sample", "tc_sample", "fc_sample");
    /** Toe-off, unit from the values. */
    public static final List<String> TO_BARE = List.of("to", "tc", "fc", "toe_off", "terminal_contact");
    /** The foot. */
    public static final List<String> SIDE = List.of("side", "foot", "leg", "limb");
    /** Sampling rate of sample-index columns (Hz). */
    public static final List<String> RATE = List.of("rate_hz", "sampling_rate_hz", "sample_rate_hz", "fs_hz",
            "reference_rate_hz");
    /** Session cadence in steps/min. */
    public static final List<String> CADENCE_SPM = List.of("cadence_spm", "cadence_steps_per_min", "cadence_steps_min",
            "steps_per_min", "step_rate_spm", "avg_cadence_spm", "mean_cadence_spm", "cadence");
    /** Session cadence in strides/min (doubled). */
    public static final List<String> CADENCE_STRIDES = List.of("cadence_strides_per_min", "cadence_rpm",
            "avg_running_cadence_strides_min", "stride_rate_per_min");
    /** Session mean contact time in ms. */
    public static final List<String> CONTACT_MS = List.of("contact_ms", "mean_contact_ms", "contact_time_ms",
            "gct_ms", "gct_ms_mean", "mean_gct_ms", "ground_contact_ms", "ground_contact_time_ms", "stance_time_ms",
            "avg_stance_time_ms");
    /** Index: the reference file of a recording. */
    public static final List<String> REFERENCE = List.of("reference", "reference_file", "ref", "truth", "gold_standard");
    /** Index: the contact threshold of a force reference ({@code 50N}, {@code 0.05bw}). */
    public static final List<String> THRESHOLD = List.of("force_threshold", "reference_threshold", "threshold");
    /** Body mass (kg), to convert a force threshold between newtons and body weights. */
    public static final List<String> BODY_MASS = List.of("body_mass_kg", "mass_kg", "weight_kg", "body_mass");

    private ReferenceColumns() {
    }

    /** The first of {@code names} the columns have, or {@code null}. */
    public static String first(List<String> columns, List<String> names) {
        for (String n : names) {
            if (columns.contains(n)) {
                return n;
            }
        }
        return null;
    }

    static boolean hasAny(List<String> columns, List<String> names) {
        return first(columns, names) != null;
    }

    /** The kind of a table from its normalised columns. */
    static ReferenceTable.Kind kind(List<String> cols) {
        if (hasAny(cols, IC_S) || hasAny(cols, IC_MS) || hasAny(cols, IC_SAMPLE) || hasAny(cols, IC_BARE)) {
            return ReferenceTable.Kind.EVENTS;
        }
        if (hasAny(cols, REFERENCE) && ReferenceTable.FILE_COLUMNS.stream().anyMatch(cols::contains)) {
            return ReferenceTable.Kind.INDEX;
        }
        if (hasAny(cols, CADENCE_SPM) || hasAny(cols, CADENCE_STRIDES) || hasAny(cols, CONTACT_MS)) {
            return ReferenceTable.Kind.SESSION_VALUES;
        }
        return ReferenceTable.Kind.UNKNOWN;
    }
}
