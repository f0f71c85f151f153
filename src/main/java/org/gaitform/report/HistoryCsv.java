package org.gaitform.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.gaitform.model.ShoeUse;
import org.gaitform.report.CsvTables.Num;
import org.gaitform.model.TrainingMonth;

/**
 * The tables of a runner's whole history (an account export): {@code activities.csv} (every activity of the export,
 * analysed or why not), {@code monthly-form.csv} (the form trends month by month) and {@code shoes.csv} (the
 * distance run in each pair of shoes against the articles' 300–600 miles).
 */
public final class HistoryCsv {
    /** Columns of {@code activities.csv}. */
    public static final List<String> ACTIVITY_COLUMNS = List.of("index", "activity_id", "date", "name", "type", "gear",
            "file", "status", "message", "session_id", "distance_km", "moving_time_s", "pace", "elevation_gain_m",
            "cadence_spm", "contact_ms", "vertical_oscillation_cm", "heart_rate_bpm", "power_w");
    /** Columns of {@code monthly-form.csv}. */
    public static final List<String> MONTH_COLUMNS = List.of("month", "runs", "distance_km", "running_time_s",
            "cadence_spm", "contact_ms", "vertical_oscillation_cm", "vertical_ratio_pct", "contact_balance_left_pct",
            "step_length_m", "downhill_cadence_change_pct");
    /** Columns of {@code shoes.csv}. */
    public static final List<String> SHOE_COLUMNS = List.of("shoe", "runs", "first_run", "last_run", "distance_km",
            "distance_miles", "status", "note");

    private HistoryCsv() {
    }

    /**
     * One activity of an account export.
     *
     * @param index     its place in the export
     * @param id        the service's id
     * @param date      its date (local, {@code yyyy-mm-dd}), or empty
     * @param name      its name
     * @param type      its type as the export names it (or the file's sport)
     * @param gear      its shoes
     * @param file      its file in the export
     * @param status    {@code run} (analysed), {@code other_sport}, {@code no_file}, {@code failed}
     * @param message   why it was not analysed, or a one-line account
     * @param sessionId the run's id in the tables, or empty
     * @param values    headline values of a run ({@code distance_m}, {@code moving_s}, {@code pace_s_per_km}, …)
     */
    public record Activity(int index, String id, String date, String name, String type, String gear, String file,
                           String status, String message, String sessionId, Map<String, Double> values) {
        public Activity {
            Objects.requireNonNull(values, "values");
        }

        double v(String key) {
            return values.getOrDefault(key, Double.NaN);
        }
    }

    /** {@code activities.csv}. */
    public static String activities(List<Activity> activities) {
        List<List<Object>> rows = new ArrayList<>();
        for (Activity a : activities) {
            rows.add(List.of(a.index(), a.id(), a.date(), a.name(), a.type(), a.gear(), a.file(), a.status(),
                    a.message(), a.sessionId(), new Num(a.v("distance_m") / 1000, 2), new Num(a.v("moving_s"), 0),
                    WatchSessionTables.pace(a.v("pace_s_per_km")), new Num(a.v("elevation_gain_m"), 0),
                    new Num(a.v("cadence_spm"), 1), new Num(a.v("contact_ms"), 1),
                    new Num(a.v("vertical_oscillation_cm"), 2), new Num(a.v("heart_rate_bpm"), 1),
                    new Num(a.v("power_w"), 1)));
        }
        return CsvTables.write(ACTIVITY_COLUMNS, rows);
    }

    /** {@code monthly-form.csv}. */
    public static String months(List<TrainingMonth> months) {
        List<List<Object>> rows = new ArrayList<>();
        for (TrainingMonth m : months) {
            Map<String, Double> f = m.form();
            rows.add(List.of(m.month().toString(), m.runs(), new Num(m.distanceM() / 1000, 2), new Num(m.runningS(), 0),
                    new Num(f.getOrDefault("cadence_spm", Double.NaN), 1),
                    new Num(f.getOrDefault("contact_ms", Double.NaN), 1),
                    new Num(f.getOrDefault("vertical_oscillation_cm", Double.NaN), 2),
                    new Num(f.getOrDefault("vertical_ratio_pct", Double.NaN), 2),
                    new Num(f.getOrDefault("contact_balance_left_pct", Double.NaN), 2),
                    new Num(f.getOrDefault("step_length_m", Double.NaN), 3),
                    new Num(f.getOrDefault("downhill_cadence_change_pct", Double.NaN), 1)));
        }
        return CsvTables.write(MONTH_COLUMNS, rows);
    }

    /**
     * {@code shoes.csv}.
     *
     * @param statuses the status of each pair against the shoe-mileage recommendation, in the same order
     * @param notes    what it means, in the same order
     */
    public static String shoes(List<ShoeUse> shoes, List<String> statuses, List<String> notes) {
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < shoes.size(); i++) {
            ShoeUse s = shoes.get(i);
            rows.add(List.of(s.shoe(), s.runs(), s.first().toString(), s.last().toString(), new Num(s.km(), 1),
                    new Num(s.miles(), 1), statuses.get(i), notes.get(i)));
        }
        return CsvTables.write(SHOE_COLUMNS, rows);
    }
}
