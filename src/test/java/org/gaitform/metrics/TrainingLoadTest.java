package org.gaitform.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gaitform.model.RunSummary;
import org.gaitform.model.TrainingWeek;
import org.junit.jupiter.api.Test;

/** Weekly load and the 10 % and one-change-at-a-time flags on a made-up training history. */
class TrainingLoadTest {
    private static RunSummary run(LocalDate day, int hour, double km, double speedMps, double climbM, double cadence) {
        double start = day.atTime(hour, 0).toEpochSecond(ZoneOffset.UTC);
        return new RunSummary(day + "-" + hour, "x", start, 0, km * 1000, km * 1000 / speedMps, climbM,
                km * 1000 / speedMps, Map.of("cadence_spm", cadence, "contact_ms", 250.0));
    }

    private static List<RunSummary> week(LocalDate monday, double kmEach, double speed, double climbEach, double cad) {
        List<RunSummary> out = new ArrayList<>();
        for (int d : new int[] {0, 2, 5}) {
            out.add(run(monday.plusDays(d), 7, kmEach, speed, climbEach, cad));
        }
        return out;
    }

    @Test
    void weeksAreFlaggedForTenPercentRisesAndSeveralChangesAtOnce() {
        LocalDate w1 = LocalDate.of(2024, 1, 1); // a Monday, ISO week 2024-W01
        List<RunSummary> runs = new ArrayList<>();
        runs.addAll(week(w1, 10, 3.0, 50, 168));                 // base
        runs.addAll(week(w1.plusWeeks(1), 12, 3.0, 50, 168));    // distance +20 %
        runs.addAll(week(w1.plusWeeks(2), 12, 3.45, 50, 170));   // speed +15 %
        runs.addAll(week(w1.plusWeeks(3), 12.6, 3.45, 50, 171)); // +5 %: fine
        runs.addAll(week(w1.plusWeeks(4), 13.7, 3.55, 120, 172)); // +8.7 % distance, +2.9 % speed, +210 m climb
        runs.addAll(week(w1.plusWeeks(5), 15.4, 3.95, 200, 173)); // all three rise at once
        runs.addAll(week(w1.plusWeeks(7), 10, 3.0, 50, 170));    // after a week off
        List<TrainingWeek> weeks = TrainingLoad.weeks(runs, TrainingLoad.Settings.DEFAULTS);
        assertThat(weeks).extracting(TrainingWeek::isoWeek).containsExactly("2024-W01", "2024-W02", "2024-W03",
                "2024-W04", "2024-W05", "2024-W06", "2024-W07", "2024-W08");
        TrainingWeek base = weeks.get(0);
        assertThat(base.distanceM()).isEqualTo(30000);
        assertThat(base.runs()).isEqualTo(3);
        assertThat(base.paceSPerKm()).isCloseTo(1000 / 3.0, within(1e-9));
        assertThat(base.elevationGainM()).isEqualTo(150);
        assertThat(base.flagged()).isFalse();
        assertThat(base.distanceChangePct()).isNaN();
        assertThat(weeks.get(1).distanceFlag()).isTrue();
        assertThat(weeks.get(1).distanceChangePct()).isCloseTo(20, within(1e-9));
        assertThat(weeks.get(1).speedFlag()).isFalse();
        assertThat(weeks.get(1).note()).contains("distance up 20 %");
        assertThat(weeks.get(2).speedFlag()).isTrue();
        assertThat(weeks.get(2).distanceFlag()).isFalse();
        assertThat(weeks.get(3).flagged()).isFalse();
        assertThat(weeks.get(4).changed()).containsExactly("elevation");
        assertThat(weeks.get(4).flagged()).isFalse();
        TrainingWeek all = weeks.get(5);
        assertThat(all.changed()).containsExactly("distance", "speed", "elevation");
        assertThat(all.oneChangeFlag()).isTrue();
        assertThat(all.note()).contains("distance, speed and elevation all rose at once");
        assertThat(all.weeklyIncreasePct()).isCloseTo(Math.max(100 * (15.4 / 13.7 - 1), 100 * (3.95 / 3.55 - 1)),
                within(1e-9));
        assertThat(weeks.get(6).runs()).isZero();
        assertThat(weeks.get(7).flagged()).as("nothing to compare with after a week off").isFalse();
        assertThat(weeks.get(7).note()).contains("after a week without running");
        assertThat(weeks.get(1).form().get("cadence_spm")).isEqualTo(168);
    }

    @Test
    void weeksFollowTheRunnersLocalTimeAndLongBreaksAreNotListed() {
        // Sunday 23:30 in UTC+2 is Sunday 21:30 UTC: the same week either way; Monday 00:30 local is Sunday UTC
        LocalDate sunday = LocalDate.of(2024, 3, 10);
        double mondayLocal = sunday.plusDays(1).atTime(0, 30).toEpochSecond(ZoneOffset.UTC) - 7200;
        RunSummary a = new RunSummary("a", "a", sunday.atTime(7, 0).toEpochSecond(ZoneOffset.UTC), 7200, 10000, 3000, 0,
                3000, Map.of());
        RunSummary b = new RunSummary("b", "b", mondayLocal, 7200, 10000, 3000, 0, 3000, Map.of());
        RunSummary c = new RunSummary("c", "c", sunday.plusWeeks(30).atTime(7, 0).toEpochSecond(ZoneOffset.UTC),
                Double.NaN, 10000, 3000, 0, 3000, Map.of());
        List<TrainingWeek> weeks = TrainingLoad.weeks(List.of(a, b, c), TrainingLoad.Settings.DEFAULTS);
        assertThat(weeks).extracting(TrainingWeek::isoWeek).containsExactly("2024-W10", "2024-W11", "2024-W40");
        assertThat(weeks.get(1).sessionIds()).containsExactly("b");
        assertThat(weeks.get(2).note()).contains("after 28 weeks without running");
    }
}
