package org.gaitform.metrics;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.gaitform.model.RunSummary;
import org.gaitform.model.SessionResult;
import org.gaitform.model.TrainingWeek;

/**
 * A runner's weekly training load and form trends. Runs are grouped by ISO week (Monday to Sunday, local time
 * when the export gives the offset, else UTC); weeks without a run between the first and the last are kept (with
 * zero distance; a break longer than {@value #MAX_EMPTY_WEEKS_SHOWN} weeks is noted instead). Each week is compared with the one before, as the articles' advice reads: "do not increase
 * distance or speed by more than 10 % a week; change only one thing at a time (distance, speed or elevation)"
 * (Ironhorse, Shape, sports-therapist blog, Hinge Health). A week is flagged when its distance or its mean speed
 * rose by more than the limit, and when more than one of distance, speed and elevation gain rose notably at once.
 * Decreases add no load and are not flagged. After a week without running there is nothing to compare with.
 */
public final class TrainingLoad {
    /** The form values averaged per week (each run weighted by its running time). */
    public static final List<String> FORM_KEYS = List.of("cadence_spm", "contact_ms", "vertical_oscillation_cm",
            "vertical_ratio_pct", "contact_balance_left_pct", "step_length_m", "downhill_cadence_change_pct");

    /** Empty weeks between runs are listed up to this many; a longer break is noted on the week after it. */
    public static final int MAX_EMPTY_WEEKS_SHOWN = 8;

    private TrainingLoad() {
    }

    /**
     * Settings.
     *
     * @param maxIncreasePct     a rise in distance or speed above this is flagged (%); default 10, the guideline
     *                           table's R12 limit
     * @param changePct          a rise above this counts as a change for the one-change-at-a-time rule (%);
     *                           default 10
     * @param minElevationChangeM an elevation-gain rise counts as a change only when it is also at least this many
     *                           metres (a week of 20 m after one of 10 m is not hill training); default 50
     */
    public record Settings(double maxIncreasePct, double changePct, double minElevationChangeM) {
        /** The defaults. */
        public static final Settings DEFAULTS = new Settings(10, 10, 50);
    }

    /** The run summary of a watch session, or {@code null} when the session has no date or distance. */
    public static RunSummary summarise(SessionResult r) {
        double start = r.metric("start_epoch_s");
        double distance = r.metric("distance_m");
        if (!Double.isFinite(start) || !Double.isFinite(distance)) {
            return null;
        }
        Map<String, Double> form = new LinkedHashMap<>();
        for (String k : FORM_KEYS) {
            form.put(k, r.metric(k));
        }
        double moving = r.metric("moving_distance_m");
        return new RunSummary(r.sessionId(), r.source(), start, r.metric("utc_offset_s"), distance, r.metric("moving_s"),
                r.metric("elevation_gain_m"), r.metric("running_s"), form, Double.isFinite(moving) ? moving : distance,
                r.info().getOrDefault("activity_name", ""), r.info().getOrDefault("shoes", ""));
    }

    /** The weeks from the first run's to the last run's, in order. */
    public static List<TrainingWeek> weeks(List<RunSummary> runs, Settings s) {
        if (runs.isEmpty()) {
            return List.of();
        }
        TreeMap<LocalDate, List<RunSummary>> byWeek = new TreeMap<>();
        for (RunSummary r : runs) {
            LocalDate monday = r.localDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            byWeek.computeIfAbsent(monday, k -> new ArrayList<>()).add(r);
        }
        List<TrainingWeek> out = new ArrayList<>();
        TrainingWeek prev = null;
        for (LocalDate monday = byWeek.firstKey(); !monday.isAfter(byWeek.lastKey()); monday = monday.plusWeeks(1)) {
            LocalDate next = byWeek.ceilingKey(monday);
            long gap = java.time.temporal.ChronoUnit.WEEKS.between(monday, next);
            if (gap > MAX_EMPTY_WEEKS_SHOWN) {
                // a long break: its empty weeks are not listed one by one
                prev = new TrainingWeek("break", monday, List.of(), 0, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                        List.of(), false, false, false, Map.of(), String.valueOf(gap), 0);
                monday = next.minusWeeks(1);
                continue;
            }
            List<RunSummary> in = new ArrayList<>(byWeek.getOrDefault(monday, List.of()));
            in.sort(Comparator.comparingDouble(RunSummary::startEpochS));
            double distance = 0;
            double movingDistance = 0;
            double moving = 0;
            double gain = 0;
            boolean anyGain = false;
            for (RunSummary r : in) {
                distance += r.distanceM();
                if (Double.isFinite(r.movingS())) {
                    moving += r.movingS();
                    movingDistance += Double.isFinite(r.movingDistanceM()) ? r.movingDistanceM() : r.distanceM();
                }
                if (Double.isFinite(r.elevationGainM())) {
                    gain += r.elevationGainM();
                    anyGain = true;
                }
            }
            Map<String, Double> form = new LinkedHashMap<>();
            for (String k : FORM_KEYS) {
                WatchMetrics.Weighted w = new WatchMetrics.Weighted();
                for (RunSummary r : in) {
                    w.add(r.form().getOrDefault(k, Double.NaN), r.runningS());
                }
                form.put(k, w.mean());
            }
            double speed = moving > 0 ? movingDistance / moving : Double.NaN;
            double dChange = Double.NaN;
            double vChange = Double.NaN;
            double eChange = Double.NaN;
            List<String> changed = new ArrayList<>();
            boolean dFlag = false;
            boolean vFlag = false;
            String note = "";
            if (prev != null && prev.distanceM() > 0 && distance > 0) {
                dChange = pct(distance, prev.distanceM());
                vChange = pct(speed, prev.speedMps());
                double eAbs = (anyGain ? gain : Double.NaN) - prev.elevationGainM();
                eChange = pct(anyGain ? gain : Double.NaN, prev.elevationGainM());
                dFlag = dChange > s.maxIncreasePct();
                vFlag = vChange > s.maxIncreasePct();
                if (dChange > s.changePct()) {
                    changed.add("distance");
                }
                if (vChange > s.changePct()) {
                    changed.add("speed");
                }
                if (eAbs >= s.minElevationChangeM() && (prev.elevationGainM() <= 0 || eChange > s.changePct())) {
                    changed.add("elevation");
                }
            } else if (prev != null && prev.distanceM() == 0 && distance > 0) {
                note = prev.isoWeek().equals("break") ? "first week back after " + prev.note() + " weeks without running: "
                        + "build up gradually" : "first week back after a week without running: build up gradually";
            }
            boolean oneFlag = changed.size() > 1;
            List<String> notes = new ArrayList<>();
            if (!note.isEmpty()) {
                notes.add(note);
            }
            if (dFlag) {
                notes.add(String.format(Locale.ROOT, "distance up %.0f %% (limit %s %%)", dChange, trim(s.maxIncreasePct())));
            }
            if (vFlag) {
                notes.add(String.format(Locale.ROOT, "speed up %.0f %% (limit %s %%)", vChange, trim(s.maxIncreasePct())));
            }
            if (oneFlag) {
                notes.add((changed.size() == 3 ? "distance, speed and elevation all rose at once"
                        : String.join(" and ", changed) + " rose at once") + ": change one thing at a time");
            }
            String iso = String.format(Locale.ROOT, "%d-W%02d", monday.get(IsoFields.WEEK_BASED_YEAR),
                    monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            TrainingWeek w = new TrainingWeek(iso, monday, in.stream().map(RunSummary::sessionId).toList(), distance,
                    moving, anyGain ? gain : Double.NaN, dChange, vChange, eChange, changed, dFlag, vFlag, oneFlag, form,
                    String.join("; ", notes), movingDistance);
            out.add(w);
            prev = w;
        }
        return out;
    }

    /**
     * The months from the first run's to the last run's (months without a run have no runs and no form values), each
     * with its distance and its form values averaged over its running time: the form trends of a history of years,
     * where weekly points would be too many to read.
     */
    public static List<org.gaitform.model.TrainingMonth> months(List<RunSummary> runs) {
        if (runs.isEmpty()) {
            return List.of();
        }
        TreeMap<java.time.YearMonth, List<RunSummary>> byMonth = new TreeMap<>();
        for (RunSummary r : runs) {
            byMonth.computeIfAbsent(java.time.YearMonth.from(r.localDate()), k -> new ArrayList<>()).add(r);
        }
        List<org.gaitform.model.TrainingMonth> out = new ArrayList<>();
        for (java.time.YearMonth m = byMonth.firstKey(); !m.isAfter(byMonth.lastKey()); m = m.plusMonths(1)) {
            List<RunSummary> in = byMonth.getOrDefault(m, List.of());
            double distance = 0;
            double running = 0;
            Map<String, Double> form = new LinkedHashMap<>();
            for (RunSummary r : in) {
                distance += r.distanceM();
                running += Double.isFinite(r.runningS()) ? r.runningS() : 0;
            }
            for (String k : FORM_KEYS) {
                WatchMetrics.Weighted w = new WatchMetrics.Weighted();
                for (RunSummary r : in) {
                    w.add(r.form().getOrDefault(k, Double.NaN), r.runningS());
                }
                form.put(k, w.mean());
            }
            out.add(new org.gaitform.model.TrainingMonth(m, in.size(), distance, running, form));
        }
        return out;
    }

    /**
     * The runner's shoes: for each pair the runs name (their gear), the runs, the distance and the first and last
     * run, the most recently used first. Runs without gear are left out.
     */
    public static List<org.gaitform.model.ShoeUse> shoes(List<RunSummary> runs) {
        Map<String, List<RunSummary>> byShoe = new LinkedHashMap<>();
        for (RunSummary r : runs) {
            if (!r.gear().isBlank()) {
                byShoe.computeIfAbsent(r.gear().trim(), k -> new ArrayList<>()).add(r);
            }
        }
        List<org.gaitform.model.ShoeUse> out = new ArrayList<>();
        byShoe.forEach((shoe, in) -> {
            double d = in.stream().mapToDouble(RunSummary::distanceM).filter(Double::isFinite).sum();
            LocalDate first = in.stream().map(RunSummary::localDate).min(LocalDate::compareTo).orElseThrow();
            LocalDate last = in.stream().map(RunSummary::localDate).max(LocalDate::compareTo).orElseThrow();
            out.add(new org.gaitform.model.ShoeUse(shoe, in.size(), d, first, last));
        });
        out.sort(Comparator.comparing(org.gaitform.model.ShoeUse::last).reversed()
                .thenComparing(org.gaitform.model.ShoeUse::shoe));
        return out;
    }

    private static double pct(double now, double before) {
        if (!Double.isFinite(now) || !Double.isFinite(before) || before <= 0) {
            return Double.NaN;
        }
        return 100 * (now - before) / before;
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
