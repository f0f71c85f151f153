package org.gaitform.accuracy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gaitform.io.watch.FitActivityReader;
import org.gaitform.io.watch.WatchReadOptions;
import org.gaitform.metrics.WatchIntervals;
import org.gaitform.metrics.WatchMetricSettings;
import org.gaitform.metrics.WatchMetrics;
import org.gaitform.model.WatchLap;
import org.gaitform.model.WatchRecording;
import org.gaitform.support.SharedData;
import org.junit.jupiter.api.Test;

/**
 * The session (and lap) values that the watches wrote into the shared FIT files, reproduced from their records:
 * cadence, contact time, vertical oscillation, vertical ratio, contact-time balance and step length averaged over
 * the running records (each weighted by its steps) against the device's own averages. Prints the comparison.
 *
 * <p>Tolerances: the 47-minute run recorded every second (the chained triathlon file) reproduces within a fraction
 * of a percent. The Fenix 5 file is a 57-second run under smart recording (21 records), so its averages are
 * coarser: contact time, oscillation, ratio, balance and step length within 1–2 %, cadence within 3.5 % (one second
 * more or less of "moving" time changes a 55-second average by 2 %). Fenix 2 laps 1–3 are pure running; lap 4 and
 * the session include walking, whose contact times the device averages but records leave blank, so they are not
 * compared.
 */
class WatchDeviceValuesTest {
    private record Row(String what, String quantity, double device, double ours, double tolerance, boolean relative) {
        double error() {
            return relative ? 100 * (ours - device) / device : ours - device;
        }

        boolean ok() {
            return Math.abs(error()) <= tolerance;
        }
    }

    private static final List<Row> ROWS = new ArrayList<>();

    private static Path dir() {
        return SharedData.require("garmin-stryd-fit-exports").resolve("fit");
    }

    private static WatchRecording read(String name) throws IOException {
        return new FitActivityReader().read(dir().resolve(name), name, WatchReadOptions.DEFAULTS);
    }

    private static void compare(String what, Map<String, Double> ours, Map<String, Double> device, String prefix,
                                double[] tol) {
        String[] keys = {"cadence_spm", "contact_ms", "vertical_oscillation_cm", "vertical_ratio_pct",
            "contact_balance_left_pct", "step_length_m"};
        boolean[] relative = {true, false, false, false, false, true};
        for (int i = 0; i < keys.length; i++) {
            Double d = device.get(prefix + keys[i]);
            if (d == null || tol[i] < 0) {
                continue;
            }
            ROWS.add(new Row(what, keys[i], d, ours.get(keys[i]), tol[i], relative[i]));
        }
    }

    @Test
    void sessionValuesAreReproducedFromTheRecords() throws IOException {
        ROWS.clear();
        WatchMetricSettings s = WatchMetricSettings.DEFAULTS;
        // Fenix 5, smart recording: tolerances cadence %, contact ms, VO cm, VR points, balance points, step %
        WatchRecording f5 = read("fitparse__garmin-fenix-5-run.fit");
        Map<String, Double> f5m = WatchMetrics.session(f5, WatchIntervals.of(f5, s), s).metrics();
        compare("Fenix 5 run (session)", f5m, f5.deviceSummary(), "device_", new double[] {3.5, 3, 0.1, 0.15, 0.2, 1.5});
        // the device's own cadence: 83 strides/min (+ 0.67 fractional) = 166 (167.3) steps/min
        assertThat(f5.deviceSummary().get("device_cadence_spm")).isEqualTo(2 * (83 + 0.671875));
        // every second, 47 minutes (the run of the chained triathlon file)
        WatchRecording tri = read("fitparse__sample_mulitple_header.fit");
        Map<String, Double> trim = WatchMetrics.session(tri, WatchIntervals.of(tri, s), s).metrics();
        compare("Triathlon run leg (session)", trim, tri.deviceSummary(), "device_",
                new double[] {0.5, 1.5, 0.05, 0.1, 0.1, 2.5});
        // Fenix 2: laps 1-3 (running only)
        WatchRecording f2 = read("fitparse__activity-small-fenix2-run.fit");
        WatchIntervals iv = WatchIntervals.of(f2, s);
        for (WatchLap lap : f2.laps().subList(0, 3)) {
            Map<String, Double> form = WatchMetrics.form(f2, iv, i -> iv.time(i) > lap.startS()
                    && iv.time(i) <= lap.endS());
            compare("Fenix 2 lap " + lap.number(), form, lap.deviceValues(), "", new double[] {1.5, 3, 0.1, -1, -1, -1});
        }
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-28s %-26s %10s %10s %10s%n", "file",
                "value", "device", "records", "error"));
        for (Row r : ROWS) {
            sb.append(String.format(Locale.ROOT, "%-28s %-26s %10.2f %10.2f %+9.2f%s %s%n", r.what(), r.quantity(),
                    r.device(), r.ours(), r.error(), r.relative() ? "%" : " ", r.ok() ? "" : "  <-- outside ±"
                            + r.tolerance()));
        }
        System.out.print(sb);
        assertThat(ROWS).hasSizeGreaterThanOrEqualTo(6 + 6 + 6);
        assertThat(ROWS).allMatch(Row::ok, "every value within its tolerance (see the table above)");
        // the Fenix 5 figures the issue names
        assertThat(f5m.get("contact_ms")).isCloseTo(270.3, org.assertj.core.data.Offset.offset(3.0));
        assertThat(f5m.get("vertical_oscillation_cm") * 10).isCloseTo(76.2, org.assertj.core.data.Offset.offset(1.0));
        assertThat(f5m.get("step_length_m") * 1000).isCloseTo(971.7, org.assertj.core.data.Offset.offset(15.0));
        assertThat(f5m.get("vertical_ratio_pct")).isCloseTo(7.42, org.assertj.core.data.Offset.offset(0.15));
        assertThat(f5m.get("contact_balance_left_pct")).isCloseTo(52.39, org.assertj.core.data.Offset.offset(0.2));
        assertThat(f5m.get("cadence_spm")).isCloseTo(166, org.assertj.core.data.Offset.offset(166 * 0.04));
    }

    @Test
    void distancesStepsAndClimbAgreeWithTheDevice() throws IOException {
        WatchMetricSettings s = WatchMetricSettings.DEFAULTS;
        StringBuilder sb = new StringBuilder();
        for (String f : new String[] {"fitparse__sample_mulitple_header.fit", "fitparse__activity-small-fenix2-run.fit",
            "fitparse__activity-large-fenxi2-multisport.fit", "fitparse__garmin-fenix-5-run.fit"}) {
            WatchRecording r = read(f);
            Map<String, Double> m = WatchMetrics.session(r, WatchIntervals.of(r, s), s).metrics();
            Map<String, Double> d = r.deviceSummary();
            sb.append(String.format(Locale.ROOT, "%-48s distance %8.1f m (device %8.1f), climb +%5.0f/−%5.0f m "
                            + "(device +%5.0f/−%5.0f)%n", f, m.get("distance_m"), d.get("device_distance_m"),
                    m.get("elevation_gain_m"), m.get("elevation_loss_m"), d.getOrDefault("device_elevation_gain_m", 0.0),
                    d.getOrDefault("device_elevation_loss_m", 0.0)));
            assertThat(m.get("distance_m")).as(f + " distance").isCloseTo(d.get("device_distance_m"),
                    org.assertj.core.data.Percentage.withPercentage(1.5));
            double gain = d.getOrDefault("device_elevation_gain_m", 0.0);
            assertThat(m.get("elevation_gain_m")).as(f + " climb").isCloseTo(gain,
                    org.assertj.core.data.Offset.offset(Math.max(5, 0.15 * gain)));
        }
        System.out.print(sb);
        WatchRecording tri = read("fitparse__sample_mulitple_header.fit");
        double steps = WatchMetrics.session(tri, WatchIntervals.of(tri, s), s).metrics().get("n_steps");
        assertThat(steps).as("steps of the run leg vs the device's 2 × 3960 strides")
                .isCloseTo(tri.deviceSummary().get("device_n_steps"), org.assertj.core.data.Percentage.withPercentage(1));
    }
}
