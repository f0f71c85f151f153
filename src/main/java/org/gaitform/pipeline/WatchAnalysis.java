package org.gaitform.pipeline;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gaitform.metrics.KilometreSplits;
import org.gaitform.metrics.KilometreSplits.Split;
import org.gaitform.metrics.WatchIntervals;
import org.gaitform.metrics.WatchMetricSettings;
import org.gaitform.metrics.WatchMetrics;
import org.gaitform.model.Activity;
import org.gaitform.model.Bout;
import org.gaitform.model.Decision;
import org.gaitform.model.GaitformException;
import org.gaitform.model.Placement;
import org.gaitform.model.SessionResult;
import org.gaitform.model.Trace;
import org.gaitform.model.WatchChannel;
import org.gaitform.model.WatchRecording;
import org.gaitform.model.WatchTraces;

/**
 * Analysis of a watch export (FIT, TCX, GPX or per-second CSV): the running form the device measured — cadence,
 * ground-contact time, vertical oscillation, vertical ratio, contact-time balance and step length — summarised
 * over the running records ({@link WatchMetrics}), per-kilometre splits with their grade and the downhill/flat
 * comparison ({@link KilometreSplits}), compared with the recommendations.
 *
 * <p>What the session folder holds for a watch: a watch reports averages per record (about one per second), not
 * individual steps, so {@code steps.csv} has one row per record — the contract columns carry the record's
 * averages where they have a meaning ({@code contact_ms}: the device's contact time; {@code step_time_s}:
 * 60 / cadence; {@code flight_ms}: step time − contact time) and are empty where they have none ({@code ic_s},
 * {@code to_s}: no contact events exist; {@code side}: always {@code unknown}) — and {@code splits.csv} has one row
 * per kilometre.
 */
final class WatchAnalysis {
    /** Least running time analysed (s). */
    static final double MIN_RUNNING_S = 20;

    static final String METHOD = "values measured by the device and written per record (about once a second); "
            + "gaitform does not detect steps in watch data. Session values are averages over the running records, "
            + "each record weighted by the steps taken since the previous one (cadence: by time), as the device "
            + "averages over steps.";

    private final AnalysisSettings settings;
    private final WatchMetricSettings metricSettings;

    WatchAnalysis(AnalysisSettings settings) {
        this(settings, WatchMetricSettings.DEFAULTS);
    }

    WatchAnalysis(AnalysisSettings settings, WatchMetricSettings metricSettings) {
        this.settings = settings;
        this.metricSettings = metricSettings;
    }

    SessionResult analyse(WatchRecording rec, String sessionId) {
        String source = rec.source();
        if (rec.size() < 2) {
            throw GaitformException.notAnalysable(source, "only " + rec.size() + " record(s); a run needs many");
        }
        WatchIntervals iv = WatchIntervals.of(rec, metricSettings);
        WatchMetrics.Result session = WatchMetrics.session(rec, iv, metricSettings);
        Map<String, Double> metrics = new LinkedHashMap<>(session.metrics());
        double running = metrics.get("running_s");
        if (running < MIN_RUNNING_S) {
            throw GaitformException.notAnalysable(source, String.format(Locale.ROOT, "no running found: %.0f s of "
                    + "running in %.0f s of records (walking %.0f s, standing %.0f s); running is a cadence of at least "
                    + "%.0f steps/min or a speed of at least %.1f m/s, and at least %.0f s of it is needed", running,
                    rec.durationS(), metrics.get("walking_s"), metrics.get("standing_s"),
                    metricSettings.runningMinCadenceSpm(), metricSettings.runningMinSpeedMps(), MIN_RUNNING_S));
        }
        List<Decision> decisions = new ArrayList<>(rec.decisions());
        decisions.addAll(session.decisions());
        List<String> warnings = new ArrayList<>(rec.warnings());
        Map<String, String> info = new LinkedHashMap<>();
        if (!rec.has(WatchChannel.CADENCE_SPM)) {
            warnings.add("the export has no cadence: running form cannot be measured from it; distance, pace and "
                    + "elevation are reported and the run counts in the weekly load");
        }
        // splits and the downhill / flat comparison
        List<Split> splits = KilometreSplits.of(rec, iv, metricSettings, metricSettings.splitLengthM());
        KilometreSplits.Comparison cmp = KilometreSplits.downhillVsFlat(rec, iv, metricSettings, splits);
        metrics.put("n_splits", (double) splits.size());
        metrics.put("downhill_cadence_change_pct", cmp.cadenceChangePct());
        metrics.put("downhill_step_length_change_pct", cmp.stepLengthChangePct());
        metrics.put("cadence_flat_spm", cmp.cadenceFlatSpm());
        metrics.put("cadence_downhill_spm", cmp.cadenceDownhillSpm());
        metrics.put("cadence_uphill_spm", cmp.cadenceUphillSpm());
        metrics.put("step_length_flat_m", cmp.stepFlatM());
        metrics.put("step_length_downhill_m", cmp.stepDownhillM());
        metrics.put("step_length_uphill_m", cmp.stepUphillM());
        metrics.put("n_flat_splits", (double) cmp.flat());
        metrics.put("n_downhill_splits", (double) cmp.downhill());
        metrics.put("n_uphill_splits", (double) cmp.uphill());
        decisions.add(new Decision("downhill_comparison", cmp.available() ? cmp.basis() : "not made", cmp.reason()
                + String.format(Locale.ROOT, "; flat is a grade within ±%s %%", trim(metricSettings.flatGradePct()))));
        // elevation: the device's total ascent is measured at full resolution
        Map<String, Double> device = rec.deviceSummary();
        metrics.put("elevation_gain_from_records_m", metrics.get("elevation_gain_m"));
        metrics.put("elevation_loss_from_records_m", metrics.get("elevation_loss_m"));
        if (device.containsKey("device_elevation_gain_m")) {
            metrics.put("elevation_gain_m", device.get("device_elevation_gain_m"));
            metrics.put("elevation_loss_m", device.getOrDefault("device_elevation_loss_m", 0.0));
            decisions.add(new Decision("elevation_source", "device", "the device's total ascent and descent (its "
                    + "altimeter at full resolution); from the records: " + fmt(metrics.get("elevation_gain_from_records_m"), 0)
                    + " m up, " + fmt(metrics.get("elevation_loss_from_records_m"), 0) + " m down"));
        } else if (!Double.isNaN(metrics.get("elevation_gain_m"))) {
            decisions.add(new Decision("elevation_source", "records", "altitude changes of at least "
                    + trim(metricSettings.elevationHysteresisM()) + " m, jumps faster than "
                    + trim(metricSettings.maxVerticalSpeedMps()) + " m/s left out"));
        }
        metrics.putAll(device);
        // every device's running dynamics beside the chosen one's, and how far apart they are
        String primary = rec.info().get("dynamics_device");
        Map<String, Double> byDevice = WatchMetrics.devices(rec, iv, primary);
        metrics.putAll(byDevice);
        String devicesNote = devicesNote(rec, byDevice, primary);
        if (!devicesNote.isEmpty()) {
            info.put("dynamics_devices_note", devicesNote);
        }
        elevationSources(rec, iv, splits, metrics, decisions, info);
        // time of the run
        double start = rec.startEpochS();
        metrics.put("start_epoch_s", start);
        metrics.put("utc_offset_s", rec.utcOffsetS());
        if (!Double.isNaN(start)) {
            Instant t0 = Instant.ofEpochMilli(Math.round(start * 1000));
            ZoneOffset off = Double.isNaN(rec.utcOffsetS()) ? ZoneOffset.UTC
                    : ZoneOffset.ofTotalSeconds((int) Math.round(rec.utcOffsetS()));
            OffsetDateTime local = t0.atOffset(off);
            info.put("start_time_utc", t0.toString());
            info.put("start_time_local", local.toString());
            info.put("iso_week", String.format(Locale.ROOT, "%d-W%02d", local.get(IsoFields.WEEK_BASED_YEAR),
                    local.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)));
        } else {
            warnings.add("the export has no date: the run cannot be placed in a training week");
        }
        // findings are judged by the pipeline once the session's metadata has been added
        info.put("measurement_kind", "watch");
        info.put("definitions", "Cadence is steps of both feet per minute; flight time is 60000 / cadence − contact "
                + "time; duty factor is contact time over stride time (two steps); vertical ratio is vertical oscillation "
                + "over step length; running is a cadence of at least 140 steps/min (or a running speed with the feet "
                + "moving), or the device's own activity type.");
        info.put("detection_method", METHOD);
        info.put("accuracy", accuracy(rec));
        info.put("side_method", rec.has(WatchChannel.CONTACT_BALANCE_LEFT_PCT)
                ? "the device's ground-contact time balance (left foot's share of contact time); left and right contact "
                + "times are derived from it. Individual steps are not available, so every row of steps.csv is "
                + "'unknown'."
                : "not available: the export has no contact-time balance, so left and right cannot be told apart.");
        info.put("steps_table", "one row per device record: contact_ms is the device's contact time, step_time_s is "
                + "60 / cadence, flight_ms is step time − contact time; ic_s and to_s are empty because a watch records "
                + "no individual contacts; time_s is the record's time");
        info.put("guidelines", settings.guidelines().origin());
        rec.info().forEach(info::putIfAbsent);
        info.put("input_format", rec.format());
        double rate = recordRateHz(rec);
        List<Trace> traces = new ArrayList<>();
        traces.addAll(recordTraces(rec, iv, splits));
        traces.addAll(splitTraces(splits));
        return new SessionResult(sessionId, source, "watch-" + rec.format(), Placement.WRIST, rate, bouts(iv),
                List.of(), metrics, info, List.of(), decisions, warnings, traces);
    }

    /**
     * What the export's devices measured beside each other, in words: which device drives the findings and the
     * others' contact time and oscillation next to it (empty for an export with one device).
     */
    static String devicesNote(WatchRecording rec, Map<String, Double> byDevice, String primary) {
        if (primary == null || byDevice.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        String label = rec.info().getOrDefault("dynamics_device_label", primary);
        for (org.gaitform.model.WatchSource o : rec.otherSources()) {
            Double dc = byDevice.get("difference_" + o.id() + "_contact_ms");
            Double dv = byDevice.get("difference_" + o.id() + "_vertical_oscillation_cm");
            if (dc == null && dv == null) {
                continue;
            }
            List<String> parts = new ArrayList<>();
            if (dc != null) {
                parts.add(String.format(Locale.ROOT, "contact time %+.0f ms", dc));
            }
            if (dv != null) {
                parts.add(String.format(Locale.ROOT, "vertical oscillation %+.1f cm", dv));
            }
            sb.append(sb.length() == 0 ? "" : " ").append(String.format(Locale.ROOT, "On the same %.0f records, %s reads "
                    + "%s against %s.", byDevice.getOrDefault("difference_" + o.id() + "_n_records", 0.0), o.label(),
                    String.join(", ", parts), label));
            if (dc != null && Math.abs(dc) >= 10) {
                sb.append(" The devices define ground contact differently (a foot pod senses the foot on the ground, "
                        + "a chest strap infers it from the trunk's motion), so their contact times differ by design: "
                        + "compare a runner with one device over time, not across devices.");
            }
        }
        return sb.toString();
    }

    /**
     * When the export has a second altitude (a foot pod's elevation beside the watch's altitude): its climb and
     * descent, and on how many kilometres the two give another slope; said in a decision and in the report.
     */
    private void elevationSources(WatchRecording rec, WatchIntervals iv, List<Split> splits, Map<String, Double> metrics,
                                  List<Decision> decisions, Map<String, String> info) {
        for (org.gaitform.model.WatchSource o : rec.otherSources()) {
            if (!o.has(WatchChannel.ALTITUDE_M)) {
                continue;
            }
            WatchRecording alt = rec.withChannels(Map.of(WatchChannel.ALTITUDE_M, o.channel(WatchChannel.ALTITUDE_M)));
            WatchIntervals aiv = WatchIntervals.of(alt, metricSettings);
            double[] gl = WatchMetrics.elevation(alt.timeS(), alt.channel(WatchChannel.ALTITUDE_M),
                    metricSettings.elevationHysteresisM(), metricSettings.maxVerticalSpeedMps());
            List<Split> other = KilometreSplits.of(alt, aiv, metricSettings, metricSettings.splitLengthM());
            int differ = 0;
            List<String> which = new ArrayList<>();
            for (int k = 0; k < Math.min(splits.size(), other.size()); k++) {
                if (splits.get(k).terrain() != other.get(k).terrain()) {
                    differ++;
                    which.add("km " + splits.get(k).number() + " " + splits.get(k).terrain().label() + " vs "
                            + other.get(k).terrain().label());
                }
            }
            metrics.put(o.id() + "_elevation_gain_m", gl[0]);
            metrics.put(o.id() + "_elevation_loss_m", gl[1]);
            metrics.put("elevation_terrain_n_disagreements", (double) differ);
            String chosenId = rec.info().getOrDefault("altitude_source", "");
            boolean pod = List.of("stryd", "runscribe", "pod", "milestone").contains(chosenId);
            String chosen = pod ? rec.info().getOrDefault("altitude_source_label", chosenId)
                    + " (the export has no watch altitude)" : "the watch's altitude (barometric or GPS)";
            String text = String.format(Locale.ROOT, "%s gives +%s m / −%s m, the altitude used +%s m / −%s m (from the "
                    + "records); %s", o.label(), fmt(gl[0], 0), fmt(gl[1], 0),
                    fmt(metrics.get("elevation_gain_from_records_m"), 0), fmt(metrics.get("elevation_loss_from_records_m"), 0),
                    differ == 0 ? "both give every kilometre the same slope" : "they disagree on the slope of " + differ
                            + " kilometre(s) (" + String.join(", ", which) + "); the report follows " + chosen);
            decisions.add(new Decision("elevation_sources", differ == 0 ? "agree" : "disagree", text));
            info.put("elevation_sources_note", text);
        }
    }

    private static String accuracy(WatchRecording rec) {
        return "the values are the device's own (Garmin running dynamics from a chest strap or pod, Stryd or RunScribe "
                + "foot pods). Published validations: Garmin's chest-strap contact time within about 6 ms of force "
                + "data at faster speeds; Stryd's contact time about 5 % short of 1000 Hz video. How closely gaitform's "
                + "averages of the records reproduce the device's own session averages is in docs/accuracy.md." + (rec.size() > 0 && rec.durationS() / rec.size() > 1.5
                ? " This file was recorded with smart recording (a record every few seconds), so its averages are "
                + "coarser." : "");
    }

    private static double recordRateHz(WatchRecording rec) {
        double[] t = rec.timeS();
        double[] d = new double[t.length - 1];
        for (int i = 1; i < t.length; i++) {
            d[i - 1] = t[i] - t[i - 1];
        }
        Arrays.sort(d);
        double med = d[d.length / 2];
        return med > 0 ? 1 / med : 1;
    }

    private static List<Bout> bouts(WatchIntervals iv) {
        List<Bout> out = new ArrayList<>();
        int n = iv.size();
        int i = 1;
        while (i < n) {
            if (iv.dt(i) <= 0) {
                i++;
                continue;
            }
            Activity a = iv.activity(i);
            double start = iv.time(i - 1);
            int j = i;
            while (j + 1 < n && iv.activity(j + 1) == a && iv.dt(j + 1) > 0) {
                j++;
            }
            double end = iv.time(j);
            if (end > start) {
                out.add(new Bout(start, end, a));
            }
            i = j + 1;
        }
        return out;
    }

    private static List<Trace> recordTraces(WatchRecording rec, WatchIntervals iv, List<Split> splits) {
        int n = rec.size();
        double[] t = rec.timeS();
        Map<String, double[]> cols = new LinkedHashMap<>();
        double[] act = new double[n];
        double[] dist = new double[n];
        double[] split = new double[n];
        Arrays.fill(split, Double.NaN);
        double total = iv.cumulative(n - 1);
        int k = 0; // splits follow each other along the distance, which never decreases: one pass
        for (int i = 0; i < n; i++) {
            act[i] = iv.activity(i).ordinal();
            dist[i] = iv.cumulative(i);
            while (k < splits.size() && dist[i] >= splits.get(k).endM() && splits.get(k).endM() < total) {
                k++;
            }
            if (k < splits.size()) {
                Split s = splits.get(k);
                if (dist[i] >= s.startM() && (dist[i] < s.endM() || s.endM() >= total)) {
                    split[i] = s.number();
                }
            }
        }
        cols.put(WatchTraces.ACTIVITY_CODE, act);
        cols.put("distance_m", dist);
        cols.put("split", split);
        double[] cad = rec.channel(WatchChannel.CADENCE_SPM);
        double[] contact = rec.channel(WatchChannel.CONTACT_MS);
        double[] stepTime = new double[n];
        double[] flight = new double[n];
        for (int i = 0; i < n; i++) {
            stepTime[i] = cad[i] > 0 ? 60.0 / cad[i] : Double.NaN;
            flight[i] = stepTime[i] * 1000 - contact[i];
        }
        cols.put("speed_mps", rec.channel(WatchChannel.SPEED_MPS));
        cols.put("altitude_m", rec.channel(WatchChannel.ALTITUDE_M));
        cols.put("cadence_spm", cad);
        cols.put("step_time_s", stepTime);
        cols.put("contact_ms", contact);
        cols.put("flight_ms", flight);
        cols.put("vertical_oscillation_cm", scaled(rec.channel(WatchChannel.VERTICAL_OSCILLATION_MM), 0.1));
        cols.put("vertical_ratio_pct", rec.channel(WatchChannel.VERTICAL_RATIO_PCT));
        cols.put("contact_balance_left_pct", rec.channel(WatchChannel.CONTACT_BALANCE_LEFT_PCT));
        cols.put("step_length_m", scaled(rec.channel(WatchChannel.STEP_LENGTH_MM), 0.001));
        cols.put("stance_time_pct", rec.channel(WatchChannel.STANCE_TIME_PCT));
        cols.put("heart_rate_bpm", rec.channel(WatchChannel.HEART_RATE_BPM));
        cols.put("power_w", rec.channel(WatchChannel.POWER_W));
        for (WatchChannel c : new WatchChannel[] {WatchChannel.IMPACT_G, WatchChannel.BRAKING_G,
            WatchChannel.FOOT_STRIKE_TYPE, WatchChannel.PRONATION_DEG, WatchChannel.FLIGHT_RATIO_PCT}) {
            cols.put(c.column(), rec.channel(c));
        }
        rec.extras().forEach(cols::putIfAbsent);
        // the other devices' values, each under its device's name
        for (org.gaitform.model.WatchSource o : rec.otherSources()) {
            o.channels().forEach((c, v) -> {
                String name = o.id() + "_" + (c == WatchChannel.VERTICAL_OSCILLATION_MM ? "vertical_oscillation_cm"
                        : c == WatchChannel.STEP_LENGTH_MM ? "step_length_m" : c.column());
                double f = c == WatchChannel.VERTICAL_OSCILLATION_MM ? 0.1 : c == WatchChannel.STEP_LENGTH_MM ? 0.001 : 1;
                cols.putIfAbsent(name, scaled(o.channel(c), f));
            });
        }
        List<Trace> out = new ArrayList<>();
        for (Map.Entry<String, double[]> e : cols.entrySet()) {
            if (Arrays.stream(e.getValue()).anyMatch(Double::isFinite)) {
                out.add(WatchTraces.record(e.getKey(), t, e.getValue()));
            }
        }
        return out;
    }

    private static List<Trace> splitTraces(List<Split> splits) {
        if (splits.isEmpty()) {
            return List.of();
        }
        int k = splits.size();
        double[] end = new double[k];
        Map<String, double[]> cols = new LinkedHashMap<>();
        String[] names = {"split", "start_m", "end_m", "distance_m", "start_s", "end_s", "moving_s", "running_s",
            "pace_s_per_km", "elevation_change_m", "grade_pct", WatchTraces.TERRAIN_CODE, "cadence_spm",
            "step_length_m", "contact_ms", "vertical_oscillation_cm", "vertical_ratio_pct",
            "contact_balance_left_pct", "heart_rate_bpm", "partial"};
        for (String nm : names) {
            cols.put(nm, new double[k]);
        }
        for (int i = 0; i < k; i++) {
            Split s = splits.get(i);
            end[i] = Math.max(s.endS(), i > 0 ? end[i - 1] + 1e-6 : s.endS());
            double[] v = {s.number(), s.startM(), s.endM(), s.distanceM(), s.startS(), s.endS(), s.movingS(),
                s.runningS(), s.paceSPerKm(), s.elevationChangeM(), s.gradePct(), s.terrain().code(), s.cadenceSpm(),
                s.stepLengthM(), s.contactMs(), s.verticalOscillationCm(), s.verticalRatioPct(),
                s.contactBalanceLeftPct(), s.heartRateBpm(), s.partial() ? 1 : 0};
            for (int c = 0; c < names.length; c++) {
                cols.get(names[c])[i] = v[c];
            }
        }
        List<Trace> out = new ArrayList<>();
        for (Map.Entry<String, double[]> e : cols.entrySet()) {
            out.add(WatchTraces.split(e.getKey(), end, e.getValue()));
        }
        return out;
    }

    private static double[] scaled(double[] v, double f) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] * f;
        }
        return out;
    }

    private static String fmt(double v, int decimals) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%." + decimals + "f", v) : "–";
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
