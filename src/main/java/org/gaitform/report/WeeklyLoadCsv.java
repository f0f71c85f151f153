package org.gaitform.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.gaitform.model.TrainingWeek;
import org.gaitform.report.CsvTables.Num;

/**
 * {@code weekly-load.csv}: one row per ISO week of a runner's history — distance, moving time, pace, speed and
 * elevation gain, their change from the week before, the flags of the 10 % and one-change-at-a-time rules, and the
 * week's form values (averaged over its running time).
 */
public final class WeeklyLoadCsv {
    /** Columns, in order. */
    public static final List<String> COLUMNS = List.of("week", "week_start", "runs", "distance_km", "moving_time_s",
            "moving_time", "pace_s_per_km", "pace", "speed_mps", "elevation_gain_m", "distance_change_pct",
            "speed_change_pct", "elevation_change_pct", "weekly_increase_pct", "changed", "flag_distance_over_limit",
            "flag_speed_over_limit", "flag_more_than_one_change", "note", "cadence_spm", "contact_ms",
            "vertical_oscillation_cm", "vertical_ratio_pct", "contact_balance_left_pct", "step_length_m",
            "downhill_cadence_change_pct", "sessions");

    private WeeklyLoadCsv() {
    }

    /** The CSV text. */
    public static String write(List<TrainingWeek> weeks) {
        List<List<Object>> rows = new ArrayList<>();
        for (TrainingWeek w : weeks) {
            List<Object> row = new ArrayList<>();
            row.add(w.isoWeek());
            row.add(w.monday().toString());
            row.add(w.runs());
            row.add(new Num(w.distanceM() / 1000, 2));
            row.add(new Num(w.movingS(), 0));
            row.add(hms(w.movingS()));
            row.add(new Num(w.paceSPerKm(), 0));
            row.add(WatchSessionTables.pace(w.paceSPerKm()));
            row.add(new Num(w.speedMps(), 3));
            row.add(new Num(w.elevationGainM(), 0));
            row.add(new Num(w.distanceChangePct(), 1));
            row.add(new Num(w.speedChangePct(), 1));
            row.add(new Num(w.elevationChangePct(), 1));
            row.add(new Num(w.weeklyIncreasePct(), 1));
            row.add(String.join("+", w.changed()));
            row.add(w.distanceFlag() ? "yes" : "no");
            row.add(w.speedFlag() ? "yes" : "no");
            row.add(w.oneChangeFlag() ? "yes" : "no");
            row.add(w.note());
            row.add(new Num(w.form().getOrDefault("cadence_spm", Double.NaN), 1));
            row.add(new Num(w.form().getOrDefault("contact_ms", Double.NaN), 1));
            row.add(new Num(w.form().getOrDefault("vertical_oscillation_cm", Double.NaN), 2));
            row.add(new Num(w.form().getOrDefault("vertical_ratio_pct", Double.NaN), 2));
            row.add(new Num(w.form().getOrDefault("contact_balance_left_pct", Double.NaN), 2));
            row.add(new Num(w.form().getOrDefault("step_length_m", Double.NaN), 3));
            row.add(new Num(w.form().getOrDefault("downhill_cadence_change_pct", Double.NaN), 1));
            row.add(String.join(";", w.sessionIds()));
            rows.add(row);
        }
        return CsvTables.write(COLUMNS, rows);
    }

    /** A duration as {@code h:mm:ss}. */
    static String hms(double s) {
        if (!Double.isFinite(s)) {
            return "";
        }
        long t = Math.round(s);
        return String.format(Locale.ROOT, "%d:%02d:%02d", t / 3600, (t / 60) % 60, t % 60);
    }
}
