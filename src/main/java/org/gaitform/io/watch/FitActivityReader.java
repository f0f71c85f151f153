package org.gaitform.io.watch;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.gaitform.io.fit.FitDecoder;
import org.gaitform.io.fit.FitField;
import org.gaitform.io.fit.FitFile;
import org.gaitform.io.fit.FitMessage;
import org.gaitform.io.fit.FitProfile;
import org.gaitform.model.Activity;
import org.gaitform.model.Decision;
import org.gaitform.model.GaitformException;
import org.gaitform.model.WatchChannel;
import org.gaitform.model.WatchLap;
import org.gaitform.model.WatchRecording;

/**
 * Reads a FIT activity file into a {@link WatchRecording}: the records of its running sessions (all records
 * when the file has no session summary, as in a file cut off before its end), the laps and the device's own
 * session averages. Record cadence ({@code cadence} + {@code fractional_cadence}) is per leg in the FIT profile
 * and is doubled to steps/min (checked by {@link CadenceUnits}). Running dynamics written as developer fields
 * (Stryd's "Ground Time" and "Vertical Oscillation", RunScribe's "Contact Time", …) fill the channels the
 * native fields leave empty; every developer field is also kept as an extra column.
 */
public final class FitActivityReader {
    /** Seconds from 1970-01-01 to the FIT epoch, 1989-12-31 00:00 UTC. */
    public static final long FIT_EPOCH_S = 631_065_600L;
    private static final double SEMICIRCLE_DEG = 180.0 / 2147483648.0;

    /** Reads a file. */
    public WatchRecording read(Path file, String source, WatchReadOptions options) throws IOException {
        FitFile fit = WatchFiles.gzipped(file) ? new FitDecoder().decode(WatchFiles.readAll(file, source,
                FitDecoder.MAX_FILE_BYTES, "a FIT file"), source) : new FitDecoder().decode(file, source);
        return read(fit, source, options);
    }

    /** Turns decoded messages into a recording. */
    public WatchRecording read(FitFile fit, String source, WatchReadOptions options) {
        List<Decision> decisions = new ArrayList<>();
        List<String> warnings = new ArrayList<>(fit.warnings());
        Map<String, String> info = new LinkedHashMap<>();
        decisions.add(new Decision("format", "FIT", String.format(Locale.ROOT, "FIT protocol %d.%d, profile %.2f, %d "
                + "message(s)%s", fit.protocolVersion() >> 4, fit.protocolVersion() & 0xF, fit.profileVersion() / 100.0,
                fit.messages().size(), fit.segments() > 1 ? " in " + fit.segments() + " chained files" : "")));
        List<FitMessage> fileIds = fit.messages("file_id");
        if (!fileIds.isEmpty()) {
            FitMessage id = fileIds.get(0);
            double type = id.value("type");
            if (!Double.isNaN(type) && type != 4) {
                throw GaitformException.notAnalysable(source, "this FIT file is not an activity (file type " + (int) type
                        + " — for example a course, workout or settings file); export the activity itself");
            }
            info.put("device", device(id));
        }
        // sessions
        List<double[]> running = new ArrayList<>();
        Set<String> other = new LinkedHashSet<>();
        List<FitMessage> sessions = fit.messages("session");
        for (FitMessage s : sessions) {
            double sport = s.value("sport");
            double start = s.value("start_time");
            double end = end(s);
            if (Double.isNaN(start) || Double.isNaN(end)) {
                continue;
            }
            if (sport == 1) {
                running.add(new double[] {start, end});
            } else {
                other.add(Double.isNaN(sport) ? "unknown sport" : FitProfile.sportName((long) sport));
            }
        }
        if (sessions.isEmpty()) {
            String sport = sportOf(fit);
            if (!sport.isEmpty() && !sport.equals("running") && !sport.equals("generic")) {
                throw GaitformException.notAnalysable(source, "no running in this file: its sport is " + sport);
            }
            warnings.add("the file has no session summary (it may have been cut off before its end): every record is "
                    + "used and taken as running");
            decisions.add(new Decision("sessions", "all records", "no session message in the file"));
        } else if (running.isEmpty()) {
            throw GaitformException.notAnalysable(source, "no running in this file: it holds " + sessions.size()
                    + " session(s) of " + String.join(", ", other));
        } else {
            decisions.add(new Decision("sessions", running.size() + " running of " + sessions.size(),
                    other.isEmpty() ? "every session of the file is a run"
                            : "only the running session(s) are analysed; skipped: " + String.join(", ", other)));
        }
        // records
        RecordTable table = new RecordTable();
        FitDeveloperFields dev = new FitDeveloperFields(fit);
        int outside = 0;
        int noTime = 0;
        for (FitMessage r : fit.messages("record")) {
            double ts = r.value("timestamp");
            // a FIT time stamp is a whole number of seconds in 32 bits; anything else (a damaged or redefined
            // field) is no time stamp
            if (Double.isNaN(ts) || ts < 0 || ts > 0xFFFFFFFFL || ts != Math.rint(ts)) {
                noTime++;
                continue;
            }
            if (!running.isEmpty() && !inside(running, ts)) {
                outside++;
                continue;
            }
            int row = table.add(ts + FIT_EPOCH_S);
            table.set(WatchChannel.DISTANCE_M, row, r.value("distance"));
            table.set(WatchChannel.SPEED_MPS, row, first(r, "enhanced_speed", "speed"));
            table.set(WatchChannel.ALTITUDE_M, row, first(r, "enhanced_altitude", "altitude"));
            double cad = r.value("cadence");
            if (!Double.isNaN(cad)) {
                double frac = r.value("fractional_cadence");
                table.set(WatchChannel.CADENCE_SPM, row, cad + (Double.isNaN(frac) ? 0 : frac));
            }
            table.set(WatchChannel.CONTACT_MS, row, positive(r.value("stance_time")));
            table.set(WatchChannel.VERTICAL_OSCILLATION_MM, row, positive(r.value("vertical_oscillation")));
            table.set(WatchChannel.VERTICAL_RATIO_PCT, row, positive(r.value("vertical_ratio")));
            table.set(WatchChannel.CONTACT_BALANCE_LEFT_PCT, row, positive(r.value("stance_time_balance")));
            table.set(WatchChannel.STEP_LENGTH_MM, row, positive(r.value("step_length")));
            table.set(WatchChannel.STANCE_TIME_PCT, row, positive(r.value("stance_time_percent")));
            table.set(WatchChannel.HEART_RATE_BPM, row, r.value("heart_rate"));
            table.set(WatchChannel.POWER_W, row, r.value("power"));
            table.set(WatchChannel.LATITUDE_DEG, row, r.value("position_lat") * SEMICIRCLE_DEG);
            table.set(WatchChannel.LONGITUDE_DEG, row, r.value("position_long") * SEMICIRCLE_DEG);
            double type = r.value("activity_type");
            if (!Double.isNaN(type)) {
                table.setActivity(row, type == 1 ? Activity.RUNNING : type == 6 ? Activity.WALKING
                        : type == 8 ? Activity.STANDING : Activity.UNKNOWN);
            }
            for (FitField f : r.fields()) {
                if (f.developer() && !f.isText() && Double.isFinite(f.value())) {
                    dev.add(table, row, f);
                }
            }
        }
        if (noTime > 0) {
            warnings.add(noTime + " record(s) without a valid time stamp were skipped");
        }
        if (outside > 0) {
            decisions.add(new Decision("records_outside_running", String.valueOf(outside), "records of the other "
                    + "sessions (or between sessions) are not analysed"));
        }
        if (table.size() == 0) {
            throw GaitformException.notAnalysable(source, "the running session(s) hold no records with a time stamp");
        }
        Decision constant = table.dropConstantRunning("activity_type");
        if (constant != null) {
            decisions.add(constant);
        }
        double[] cadence = table.values(WatchChannel.CADENCE_SPM);
        if (cadence != null) {
            CadenceUnits.Result c = CadenceUnits.normalise(cadence, table.values(WatchChannel.SPEED_MPS),
                    options.cadenceUnit(), "FIT record cadence (+ fractional_cadence)");
            table.replace(WatchChannel.CADENCE_SPM, c.stepsPerMin());
            decisions.add(c.decision());
            info.put("cadence_source_unit", c.factor() == 2 ? "strides/min (per leg), doubled" : "steps/min");
        }
        dev.place(table, decisions, warnings, options);
        String nativeId = nativeDynamicsDevice(fit, table);
        Map<String, String> labels = new LinkedHashMap<>();
        String sensorLabel = dynamicsSensor(fit);
        labels.put(nativeId, switch (nativeId) {
            case "hrm" -> "Garmin HRM chest strap (running dynamics)";
            case "garmin" -> "Garmin running-dynamics pod";
            default -> "the watch's own fields" + (sensorLabel.isEmpty() ? "" : " (" + sensorLabel + ")");
        });
        WatchSources.resolve(table, nativeId, labels, options.dynamicsDevice(), decisions, warnings, info);
        // laps, device summary, local time, sensors
        List<WatchLap> laps = laps(fit, running);
        Map<String, Double> summary = deviceSummary(fit, running.isEmpty() ? null : running);
        double offset = Double.NaN;
        for (FitMessage a : fit.messages("activity")) {
            double local = a.value("local_timestamp");
            double ts = a.value("timestamp");
            if (!Double.isNaN(local) && !Double.isNaN(ts) && Math.abs(local - ts) <= 14 * 3600) {
                offset = local - ts;
            }
        }
        if (!Double.isNaN(offset)) {
            decisions.add(new Decision("utc_offset", String.format(Locale.ROOT, "%+.1f h", offset / 3600),
                    "the activity message's local time stamp"));
        }
        String sensor = dynamicsSensor(fit);
        if (!sensor.isEmpty()) {
            info.put("dynamics_sensor", sensor);
        }
        String sport = sportOf(fit);
        if (!sport.isEmpty()) {
            info.put("sport", sport);
        }
        return table.build(source, "fit", true, offset, laps, summary, info, decisions, warnings);
    }

    /**
     * The end of a session or lap: its time stamp, or its start plus its elapsed time when that is later (newer
     * Garmin watches stamp a session with its start).
     */
    static double end(FitMessage m) {
        return end(m.value("timestamp"), m.value("start_time"), m.value("total_elapsed_time"),
                m.value("total_timer_time"));
    }

    /** The same from the values (FIT seconds; NaN where absent); the timer time stands in for a missing elapsed time. */
    static double end(double ts, double start, double elapsed, double timer) {
        double e = Double.isNaN(elapsed) ? timer : elapsed;
        double byElapsed = Double.isNaN(start) || Double.isNaN(e) ? Double.NaN : start + Math.ceil(e);
        if (Double.isNaN(ts)) {
            return byElapsed;
        }
        return Double.isNaN(byElapsed) || byElapsed <= ts ? ts : byElapsed;
    }

    private static boolean inside(List<double[]> ranges, double t) {
        for (double[] r : ranges) {
            if (t >= r[0] && t <= r[1]) {
                return true;
            }
        }
        return false;
    }

    private static double first(FitMessage m, String a, String b) {
        double v = m.value(a);
        return Double.isNaN(v) ? m.value(b) : v;
    }

    /** Garmin writes 0 for running dynamics it did not measure. */
    private static double positive(double v) {
        return v > 0 ? v : Double.NaN;
    }

    private static String device(FitMessage id) {
        double man = id.value("manufacturer");
        double product = id.has("garmin_product") ? id.value("garmin_product") : id.value("product");
        StringBuilder sb = new StringBuilder(manufacturer(man));
        id.text("product_name").ifPresent(p -> sb.append(' ').append(p));
        if (!Double.isNaN(product)) {
            sb.append(" (product ").append((long) product).append(')');
        }
        return sb.toString();
    }

    static String manufacturer(double id) {
        if (Double.isNaN(id)) {
            return "unknown maker";
        }
        return switch ((int) id) {
            case 1 -> "Garmin";
            case 23 -> "Suunto";
            case 32 -> "Wahoo";
            case 95 -> "Stryd";
            case 123 -> "Polar";
            case 294 -> "Coros";
            case 255 -> "development";
            default -> "manufacturer " + (long) id;
        };
    }

    /** The file's sport ({@code running} when any session, sport or lap message says so), or empty. */
    public static String sportOf(FitFile fit) {
        for (String name : List.of("session", "sport", "lap")) {
            for (FitMessage m : fit.messages(name)) {
                double s = m.value("sport");
                if (!Double.isNaN(s) && s == 1) {
                    return "running";
                }
            }
        }
        for (String name : List.of("session", "sport")) {
            for (FitMessage m : fit.messages(name)) {
                double s = m.value("sport");
                if (!Double.isNaN(s)) {
                    return FitProfile.sportName((long) s);
                }
            }
        }
        return "";
    }

    /**
     * The device behind the file's own running-dynamics fields: a Garmin chest strap ({@code hrm}) when the device
     * list has a running-dynamics sensor that is also the heart-rate strap (or only a Garmin heart-rate strap, as
     * HRM-Run recorded before the running-dynamics device type), a Garmin pod ({@code garmin}) for a running-dynamics
     * sensor alone, else the watch itself ({@code watch}).
     */
    static String nativeDynamicsDevice(FitFile fit, RecordTable table) {
        Set<Double> hrSerials = new java.util.HashSet<>();
        Set<Double> rdSerials = new java.util.HashSet<>();
        boolean garminHr = false;
        for (FitMessage d : fit.messages("device_info")) {
            double ant = d.value("antplus_device_type");
            double serial = d.value("serial_number");
            if (ant == 120) {
                hrSerials.add(serial);
                garminHr |= d.value("manufacturer") == 1;
            } else if (ant == 30) {
                rdSerials.add(serial);
            }
        }
        boolean dynamics = table.has(WatchChannel.CONTACT_MS) || table.has(WatchChannel.VERTICAL_OSCILLATION_MM);
        if (!rdSerials.isEmpty()) {
            for (Double s : rdSerials) {
                if (!Double.isNaN(s) && hrSerials.contains(s)) {
                    return "hrm";
                }
            }
            return "garmin";
        }
        return dynamics && garminHr ? "hrm" : "watch";
    }

    /** Where the running dynamics come from, from the device list. */
    private static String dynamicsSensor(FitFile fit) {
        Set<String> found = new LinkedHashSet<>();
        for (FitMessage d : fit.messages("device_info")) {
            double ant = d.value("antplus_device_type");
            double man = d.value("manufacturer");
            if (ant == 30) {
                found.add("a Garmin running-dynamics sensor (chest strap or pod)");
            } else if (ant == 124 || man == 95) {
                found.add(man == 95 ? "a Stryd foot pod" : "a foot pod");
            }
        }
        for (FitMessage d : fit.messages("developer_data_id")) {
            if (d.value("manufacturer_id") == 95) {
                found.add("a Stryd foot pod");
            }
        }
        return String.join(" and ", found);
    }

    private static List<WatchLap> laps(FitFile fit, List<double[]> running) {
        List<WatchLap> out = new ArrayList<>();
        for (FitMessage l : fit.messages("lap")) {
            double start = l.value("start_time");
            double end = end(l);
            if (Double.isNaN(start) || Double.isNaN(end) || !(end > start)) {
                continue;
            }
            if (!running.isEmpty() && !inside(running, (start + end) / 2)) {
                continue;
            }
            out.add(new WatchLap(out.size() + 1, start + FIT_EPOCH_S, end + FIT_EPOCH_S, l.value("total_distance"),
                    averages(l)));
        }
        return out;
    }

    private static Map<String, Double> averages(FitMessage m) {
        Map<String, Double> v = new LinkedHashMap<>();
        double cad = m.has("avg_running_cadence") ? m.value("avg_running_cadence") : m.value("avg_cadence");
        if (!Double.isNaN(cad)) {
            double frac = m.value("avg_fractional_cadence");
            v.put("cadence_spm", 2 * (cad + (Double.isNaN(frac) ? 0 : frac)));
        }
        put(v, "contact_ms", m.value("avg_stance_time"), 1);
        put(v, "vertical_oscillation_cm", m.value("avg_vertical_oscillation"), 0.1);
        put(v, "vertical_ratio_pct", m.value("avg_vertical_ratio"), 1);
        put(v, "contact_balance_left_pct", m.value("avg_stance_time_balance"), 1);
        put(v, "step_length_m", m.value("avg_step_length"), 0.001);
        put(v, "stance_time_pct", m.value("avg_stance_time_percent"), 1);
        put(v, "speed_mps", m.has("enhanced_avg_speed") ? m.value("enhanced_avg_speed") : m.value("avg_speed"), 1);
        put(v, "distance_m", m.value("total_distance"), 1);
        put(v, "timer_s", m.value("total_timer_time"), 1);
        put(v, "elevation_gain_m", m.value("total_ascent"), 1);
        put(v, "elevation_loss_m", m.value("total_descent"), 1);
        put(v, "heart_rate_bpm", m.value("avg_heart_rate"), 1);
        put(v, "power_w", m.value("avg_power"), 1);
        double strides = m.value("total_strides");
        if (!Double.isNaN(strides)) {
            v.put("n_steps", 2 * strides);
        }
        return v;
    }

    private static void put(Map<String, Double> m, String key, double v, double factor) {
        if (Double.isFinite(v) && v > 0) {
            m.put(key, v * factor);
        }
    }

    /** The device's averages of the running session(s), prefixed {@code device_}; sums for several sessions. */
    private static Map<String, Double> deviceSummary(FitFile fit, List<double[]> running) {
        List<Map<String, Double>> parts = new ArrayList<>();
        for (FitMessage s : fit.messages("session")) {
            if (running != null && s.value("sport") == 1) {
                parts.add(averages(s));
            }
        }
        Map<String, Double> out = new LinkedHashMap<>();
        if (parts.isEmpty()) {
            return out;
        }
        Set<String> keys = new LinkedHashSet<>();
        parts.forEach(p -> keys.addAll(p.keySet()));
        for (String k : keys) {
            boolean sum = k.equals("distance_m") || k.equals("timer_s") || k.startsWith("elevation_") || k.equals("n_steps");
            double total = 0;
            double weight = 0;
            for (Map<String, Double> p : parts) {
                Double v = p.get(k);
                if (v == null) {
                    continue;
                }
                double w = p.getOrDefault("timer_s", 1.0);
                total += sum ? v : v * w;
                weight += w;
            }
            if (weight > 0) {
                out.put("device_" + k, sum ? total : total / weight);
            }
        }
        return out;
    }
}
