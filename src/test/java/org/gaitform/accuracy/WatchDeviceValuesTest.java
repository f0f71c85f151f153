package org.gaitform.accuracy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
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
        // averaged the watch's way (all steps over all recorded time, the standing start included)
        ROWS.add(new Row("Fenix 5 run (session)", "overall_cadence_spm", f5.deviceSummary().get("device_cadence_spm"),
                f5m.get("overall_cadence_spm"), 1.0, true));
        // every second, 47 minutes (the run of the chained triathlon file)
        WatchRecording tri = read("fitparse__sample_mulitple_header.fit");
        Map<String, Double> trim = WatchMetrics.session(tri, WatchIntervals.of(tri, s), s).metrics();
        compare("Triathlon run leg (session)", trim, tri.deviceSummary(), "device_",
                new double[] {0.5, 1.5, 0.05, 0.1, 0.1, 2.5});
        ROWS.add(new Row("Triathlon run leg (session)", "overall_cadence_spm", tri.deviceSummary().get("device_cadence_spm"),
                trim.get("overall_cadence_spm"), 1.0, true));
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

    /** The FIT files of the shared folder whose running session has the device's own averages. */
    static final String[] FILES = {"fitparse__garmin-fenix-5-run.fit", "fitparse__sample_mulitple_header.fit",
        "jimmykane-fit-parser__running-with-developer-data.fit", "jimmykane-fit-parser__garmin-stamina.fit",
        "fitparse__developer-types-sample.fit", "fitparse__activity-small-fenix2-run.fit",
        "fitparse__activity-large-fenxi2-multisport.fit"};

    /**
     * The rounding of the device's numbers, below and above its value: half a unit of the last digit it writes
     * (contact time 0.1 ms, oscillation 0.1 mm, ratio, balance and stance % 0.01, step length checked to 1 mm,
     * cadence with its fraction 1/128 stride/min checked to 0.05 steps/min), and for the whole numbers (heart rate,
     * power, a cadence without fraction) rounding or cutting off: up to one unit above the device's number.
     */
    static double[] rounding(String key, boolean wholeCadence) {
        return switch (key) {
            case "contact_ms" -> new double[] {0.1, 0.1};
            case "vertical_oscillation_cm" -> new double[] {0.01, 0.01};
            case "vertical_ratio_pct", "contact_balance_left_pct", "stance_time_pct" -> new double[] {0.01, 0.01};
            case "step_length_m" -> new double[] {0.001, 0.001};
            case "heart_rate_bpm", "power_w" -> new double[] {0.6, 1.0};
            case "cadence_spm" -> wholeCadence ? new double[] {1.2, 2.0} : new double[] {0.05, 0.05};
            default -> new double[] {0, 0};
        };
    }

    /**
     * Every shared FIT file with a running session gives the device's own session averages — contact time,
     * oscillation, ratio, balance, step length, stance %, heart rate, power and cadence — within the rounding of the
     * device's numbers when the records are averaged the device's way (over the whole session, each record by its
     * duration; {@link WatchMetrics#recordMeans}). Files recorded every second only: a smart-recording file (the Fenix
     * 5's) writes too few records for that, and is compared in {@link #sessionValuesAreReproducedFromTheRecords}.
     * Prints the table.
     */
    @Test
    void everySharedFitFileGivesTheDevicesOwnAveragesWithinRounding() throws IOException {
        WatchMetricSettings s = WatchMetricSettings.DEFAULTS;
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-52s %-26s %10s %10s %8s%n", "file",
                "value (the device's way)", "device", "records", "error"));
        int compared = 0;
        List<String> outside = new ArrayList<>();
        for (String f : FILES) {
            WatchRecording r = read(f);
            WatchIntervals iv = WatchIntervals.of(r, s);
            double rate = r.size() / Math.max(1, r.durationS());
            Map<String, Double> m = new java.util.LinkedHashMap<>(WatchMetrics.recordMeans(r, iv));
            m.put("cadence_spm", WatchMetrics.session(r, iv, s).metrics().get("overall_cadence_spm"));
            for (Map.Entry<String, Double> e : m.entrySet()) {
                Double device = r.deviceSummary().get("device_" + e.getKey());
                if (device == null || !Double.isFinite(e.getValue()) || rate < 0.9) {
                    continue;
                }
                if (f.contains("fenix2") && !e.getKey().equals("heart_rate_bpm") && !e.getKey().equals("cadence_spm")) {
                    // the Fenix 2 averages running dynamics over running only (its walking has none)
                    continue;
                }
                double err = e.getValue() - device;
                double[] tol = rounding(e.getKey(), device == Math.rint(device / 2) * 2);
                boolean ok = err >= -tol[0] - 1e-9 && err <= tol[1] + 1e-9;
                sb.append(String.format(Locale.ROOT, "%-52s %-26s %10.3f %10.3f %+8.3f%s%n", f, e.getKey(), device,
                        e.getValue(), err, ok ? "" : "  <-- outside −" + tol[0] + "/+" + tol[1]));
                compared++;
                if (!ok) {
                    outside.add(f + " " + e.getKey());
                }
            }
        }
        System.out.print(sb);
        assertThat(compared).as("values compared").isGreaterThanOrEqualTo(18);
        assertThat(outside).as("values outside rounding (see the table above)").isEmpty();
    }

    /**
     * The developer-field power and heart rate of the two files that carry them reach the session: means while
     * running, and over the session the watch's way.
     */
    @Test
    void powerAndHeartRateReachTheSession() throws IOException {
        WatchMetricSettings s = WatchMetricSettings.DEFAULTS;
        WatchRecording dev = read("jimmykane-fit-parser__running-with-developer-data.fit");
        Map<String, Double> m = WatchMetrics.session(dev, WatchIntervals.of(dev, s), s).metrics();
        // Stryd's "Power" developer field: 1681 records, mean 251.7 W over all of them (Garmin's decode, zeros
        // included), higher while running
        assertThat(m.get("overall_power_w")).isCloseTo(251.9, org.assertj.core.data.Offset.offset(0.5));
        assertThat(m.get("power_w")).isCloseTo(270.0, org.assertj.core.data.Offset.offset(1.0));
        assertThat(m.get("heart_rate_bpm")).isCloseTo(158.9, org.assertj.core.data.Offset.offset(0.5));
        assertThat(dev.decisions()).anyMatch(d -> d.key().equals("power_w_source") && d.value().equals("stryd"));
        WatchRecording st = read("jimmykane-fit-parser__garmin-stamina.fit");
        Map<String, Double> n = WatchMetrics.session(st, WatchIntervals.of(st, s), s).metrics();
        assertThat(n.get("overall_power_w")).isCloseTo(st.deviceSummary().get("device_power_w"),
                org.assertj.core.data.Offset.offset(0.6));
        assertThat(n.get("power_w")).as("the running intervals of an interval session").isGreaterThan(300);
        System.out.printf(Locale.ROOT, "power while running: %.1f W (fēnix 5X, Stryd developer field), %.1f W "
                + "(Forerunner 965, native); over the session %.1f W and %.1f W (device %.0f W)%n", m.get("power_w"),
                n.get("power_w"), m.get("overall_power_w"), n.get("overall_power_w"), st.deviceSummary()
                .get("device_power_w"));
    }

    /**
     * Garmin's own decode of each shared FIT file (FitCSVTool's record CSV, developer fields with their units in
     * brackets such as {@code Vertical Oscillation[Centimeters]}) read as a watch CSV gives the same values as the FIT
     * file, every device kept.
     */
    @Test
    void garminsDecodedCsvsReadLikeTheirFitFiles() throws IOException {
        Path csvDir = SharedData.require("garmin-stryd-fit-exports").resolve("decoded-by-garmin-csvtool");
        WatchMetricSettings s = WatchMetricSettings.DEFAULTS;
        int files = 0;
        for (String f : FILES) {
            Path csv = csvDir.resolve(f.replace(".fit", ".record.csv"));
            if (!Files.exists(csv) || f.contains("multisport") || f.contains("mulitple")) {
                continue; // multisport files: the CSV holds every sport's records, the FIT reader the run's only
            }
            WatchRecording a = read(f);
            WatchRecording b = (WatchRecording) new org.gaitform.io.InputReaders().read(csv, csv.getFileName().toString(),
                    org.gaitform.io.ReadOptions.DEFAULTS);
            Map<String, Double> ma = WatchMetrics.recordMeans(a, WatchIntervals.of(a, s));
            Map<String, Double> mb = WatchMetrics.recordMeans(b, WatchIntervals.of(b, s));
            for (Map.Entry<String, Double> e : ma.entrySet()) {
                assertThat(mb.get(e.getKey())).as(f + " " + e.getKey()).isCloseTo(e.getValue(),
                        org.assertj.core.data.Offset.offset(1e-6 + Math.abs(e.getValue()) * 1e-9));
            }
            for (org.gaitform.model.WatchSource o : a.otherSources()) {
                org.gaitform.model.WatchSource p = b.otherSource(o.id()).orElseThrow(() -> new AssertionError(f
                        + ": the CSV lost device " + o.id()));
                for (org.gaitform.model.WatchChannel c : o.channels().keySet()) {
                    assertThat(p.channel(c)).as(f + " " + o.id() + " " + c).containsExactly(o.channel(c),
                            org.assertj.core.data.Offset.offset(1e-4));
                }
            }
            files++;
        }
        assertThat(files).isGreaterThanOrEqualTo(4);
    }
}
