package org.gaitform.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntPredicate;
import org.gaitform.model.Activity;
import org.gaitform.model.Decision;
import org.gaitform.model.WatchChannel;
import org.gaitform.model.WatchRecording;

/**
 * Session values of a watch export, computed from its records (the device's own session averages are kept
 * beside them for comparison). Records give no individual steps, so every value is a weighted sum over the
 * records' intervals ({@link WatchIntervals}), restricted to running:
 * <ul>
 *   <li>{@code cadence_spm}: steps / running time, i.e. the cadence of each interval weighted by its duration;</li>
 *   <li>{@code contact_ms}, {@code vertical_oscillation_cm}, {@code vertical_ratio_pct},
 *       {@code contact_balance_left_pct}, {@code step_length_m}, {@code stance_time_pct}: the device's per-record
 *       values weighted by the steps taken in the interval — an average over steps, as the device's own session
 *       averages are;</li>
 *   <li>without a device step length: running distance / running steps; without a device vertical ratio:
 *       vertical oscillation / step length per interval (both derived, and recorded as decisions);</li>
 *   <li>{@code flight_ms} = 60000 / cadence − contact time and {@code duty_factor} = contact time / stride time
 *       are derived from the two averages; left and right contact times from the balance:
 *       left = 2 × contact × balance / 100;</li>
 *   <li>distance, moving, running, walking, standing and paused time, speed and pace over moving time, elevation
 *       gain and loss (changes beyond {@link WatchMetricSettings#elevationHysteresisM()}).</li>
 * </ul>
 */
public final class WatchMetrics {
    private WatchMetrics() {
    }

    /**
     * Session values and the decisions taken computing them.
     *
     * @param metrics   values keyed by unit-named output names, in output order
     * @param decisions how derived values were obtained
     */
    public record Result(Map<String, Double> metrics, List<Decision> decisions) {
        public Result {
            metrics = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
            decisions = List.copyOf(decisions);
        }
    }

    /** The session values. */
    public static Result session(WatchRecording rec, WatchIntervals iv, WatchMetricSettings s) {
        List<Decision> decisions = new ArrayList<>();
        Map<String, Double> m = new LinkedHashMap<>();
        Map<String, Double> form = form(rec, iv, i -> true);
        double cadence = form.get("cadence_spm");
        double contact = form.get("contact_ms");
        double stepTimeS = cadence > 0 ? 60.0 / cadence : Double.NaN;
        m.put("n_steps", rec.has(WatchChannel.CADENCE_SPM) ? Math.rint(form.get("n_steps")) : Double.NaN);
        m.put("cadence_spm", cadence);
        m.put("overall_cadence_spm", overallCadence(rec, iv));
        m.put("step_time_s", stepTimeS);
        m.put("contact_ms", contact);
        double[] contactStats = weightedStats(rec.channel(WatchChannel.CONTACT_MS), iv);
        m.put("contact_ms_median", contactStats[0]);
        m.put("contact_ms_sd", contactStats[1]);
        m.put("flight_ms", stepTimeS * 1000 - contact);
        m.put("duty_factor", contact / (2 * stepTimeS * 1000));
        double balance = form.get("contact_balance_left_pct");
        m.put("contact_balance_left_pct", balance);
        m.put("contact_ms_left", 2 * contact * balance / 100);
        m.put("contact_ms_right", 2 * contact * (100 - balance) / 100);
        m.put("vertical_oscillation_cm", form.get("vertical_oscillation_cm"));
        m.put("vertical_ratio_pct", form.get("vertical_ratio_pct"));
        m.put("step_length_m", form.get("step_length_m"));
        m.put("stance_time_pct", form.get("stance_time_pct"));
        if (!Double.isNaN(contact) && !Double.isNaN(cadence)) {
            decisions.add(new Decision("flight_time", "derived", "60000 / cadence − contact time: the device gives "
                    + "average contact time and cadence, not flight time"));
        }
        if (form.get("step_length_derived") == 1 && !Double.isNaN(form.get("step_length_m"))) {
            decisions.add(new Decision("step_length_source", "derived", "the export has no step length: running "
                    + "distance / running steps"));
        }
        if (form.get("vertical_ratio_derived") == 1 && !Double.isNaN(form.get("vertical_ratio_pct"))) {
            decisions.add(new Decision("vertical_ratio_source", "derived", "the export has no vertical ratio: "
                    + "vertical oscillation / step length per record"));
        }
        // time and distance
        int n = iv.size();
        double running = 0;
        double walking = 0;
        double standing = 0;
        double other = 0;
        double pausedS = 0;
        double runDistance = 0;
        double movingDistance = 0;
        for (int i = 1; i < n; i++) {
            if (iv.paused(i)) {
                pausedS += iv.time(i) - iv.time(i - 1);
                continue;
            }
            double dt = iv.dt(i);
            switch (iv.activity(i)) {
                case RUNNING -> {
                    running += dt;
                    runDistance += iv.distance(i);
                }
                case WALKING -> walking += dt;
                case STANDING -> standing += dt;
                default -> other += dt;
            }
            if (iv.activity(i) != Activity.STANDING) {
                movingDistance += iv.distance(i);
            }
        }
        double moving = running + walking + other;
        double distance = iv.cumulative(n - 1);
        m.put("distance_m", distance);
        m.put("moving_distance_m", movingDistance);
        m.put("running_distance_m", runDistance);
        m.put("duration_s", rec.durationS());
        m.put("moving_s", moving);
        m.put("running_s", running);
        m.put("walking_s", walking);
        m.put("standing_s", standing);
        m.put("other_s", other);
        m.put("paused_s", pausedS);
        double speed = moving > 0 ? movingDistance / moving : Double.NaN;
        m.put("speed_mps", speed);
        m.put("pace_s_per_km", speed > 0 ? 1000 / speed : Double.NaN);
        m.put("running_speed_mps", running > 0 ? runDistance / running : Double.NaN);
        double[] gainLoss = elevation(rec.timeS(), rec.channel(WatchChannel.ALTITUDE_M), s.elevationHysteresisM(),
                s.maxVerticalSpeedMps());
        m.put("elevation_gain_m", gainLoss[0]);
        m.put("elevation_loss_m", gainLoss[1]);
        // heart rate and power: means over the running time (the report's and the weekly table's values), and over
        // all recorded time as the watch averages them (its session avg_heart_rate and avg_power)
        m.put("heart_rate_bpm", form.get("heart_rate_bpm"));
        m.put("power_w", form.get("power_w"));
        m.put("overall_heart_rate_bpm", timeMean(rec.channel(WatchChannel.HEART_RATE_BPM), iv, i -> !iv.paused(i)));
        m.put("overall_power_w", timeMean(rec.channel(WatchChannel.POWER_W), iv, i -> !iv.paused(i)));
        m.putAll(footPod(rec, iv));
        if (pausedS > 0) {
            decisions.add(new Decision("pauses", String.format(Locale.ROOT, "%.0f s", pausedS), "gaps of more than "
                    + fmt(s.maxIntervalS()) + " s between records are pauses (timer stopped or no signal)"));
        }
        return new Result(m, decisions);
    }

    /**
     * Form values over the running intervals that {@code include} accepts: {@code running_s}, {@code n_steps},
     * {@code cadence_spm}, {@code contact_ms}, {@code vertical_oscillation_cm}, {@code vertical_ratio_pct},
     * {@code contact_balance_left_pct}, {@code step_length_m}, {@code stance_time_pct}, {@code heart_rate_bpm},
     * {@code power_w}, and the flags {@code step_length_derived} and {@code vertical_ratio_derived} (0 or 1).
     */
    public static Map<String, Double> form(WatchRecording rec, WatchIntervals iv, IntPredicate include) {
        return form(rec, iv, include, true);
    }

    /**
     * Form values as {@link #form(WatchRecording, WatchIntervals, IntPredicate)}, or, with {@code runningOnly} false,
     * over every interval that is not a pause — walking and standing included, the way a watch averages its session
     * (its session values are compared with these).
     */
    public static Map<String, Double> form(WatchRecording rec, WatchIntervals iv, IntPredicate include,
                                           boolean runningOnly) {
        return form(new FormChannels(rec), iv, 1, iv.size(), include, runningOnly);
    }

    /**
     * The channels {@link #form} reads, fetched once ({@link WatchRecording#channel} copies a channel), so that the
     * form of many parts of a long recording (its kilometres) costs one pass, not one copy of every channel per part.
     */
    public static final class FormChannels {
        final double[] cad;
        final double[] contact;
        final double[] vo;
        final double[] vr;
        final double[] bal;
        final double[] step;
        final double[] stance;
        final double[] hr;
        final double[] power;
        final boolean deviceStep;
        final boolean deviceRatio;
        final boolean anyCadence;

        /** The channels of a recording. */
        public FormChannels(WatchRecording rec) {
            cad = rec.channel(WatchChannel.CADENCE_SPM);
            contact = rec.channel(WatchChannel.CONTACT_MS);
            vo = rec.channel(WatchChannel.VERTICAL_OSCILLATION_MM);
            vr = rec.channel(WatchChannel.VERTICAL_RATIO_PCT);
            bal = rec.channel(WatchChannel.CONTACT_BALANCE_LEFT_PCT);
            step = rec.channel(WatchChannel.STEP_LENGTH_MM);
            stance = rec.channel(WatchChannel.STANCE_TIME_PCT);
            hr = rec.channel(WatchChannel.HEART_RATE_BPM);
            power = rec.channel(WatchChannel.POWER_W);
            deviceStep = rec.has(WatchChannel.STEP_LENGTH_MM);
            deviceRatio = rec.has(WatchChannel.VERTICAL_RATIO_PCT);
            anyCadence = rec.has(WatchChannel.CADENCE_SPM);
        }
    }

    /**
     * {@link #form(WatchRecording, WatchIntervals, IntPredicate)} over the intervals {@code from} (at least 1) to
     * {@code to} (exclusive) only, with the channels fetched once: the same values, in time proportional to the range.
     */
    public static Map<String, Double> form(FormChannels ch, WatchIntervals iv, int from, int to, IntPredicate include) {
        return form(ch, iv, from, to, include, true);
    }

    private static Map<String, Double> form(FormChannels ch, WatchIntervals iv, int from, int to, IntPredicate include,
                                            boolean runningOnly) {
        double[] cad = ch.cad;
        double[] contact = ch.contact;
        double[] vo = ch.vo;
        double[] vr = ch.vr;
        double[] bal = ch.bal;
        double[] step = ch.step;
        double[] stance = ch.stance;
        double[] hr = ch.hr;
        double[] power = ch.power;
        boolean deviceStep = ch.deviceStep;
        boolean deviceRatio = ch.deviceRatio;
        boolean anyCadence = ch.anyCadence;
        Weighted cadence = new Weighted();
        Weighted wContact = new Weighted();
        Weighted wVo = new Weighted();
        Weighted wVr = new Weighted();
        Weighted wBal = new Weighted();
        Weighted wStep = new Weighted();
        Weighted wStance = new Weighted();
        Weighted wHr = new Weighted();
        Weighted wPower = new Weighted();
        double runS = 0;
        double steps = 0;
        double stepDistance = 0;
        for (int i = Math.max(1, from); i < Math.min(to, iv.size()); i++) {
            if (!(runningOnly ? iv.running(i) : iv.dt(i) > 0) || !include.test(i)) {
                continue;
            }
            double dt = iv.dt(i);
            runS += dt;
            double w = anyCadence ? iv.steps(i) : dt;
            if (!Double.isNaN(cad[i])) {
                cadence.add(cad[i], dt);
                steps += iv.steps(i);
                stepDistance += iv.distance(i);
            }
            if (Double.isNaN(w) || w <= 0) {
                continue;
            }
            wContact.add(contact[i], w);
            wVo.add(vo[i], w);
            wBal.add(bal[i], w);
            wStance.add(stance[i], w);
            wPower.add(power[i], dt);
            wHr.add(hr[i], dt);
            if (deviceStep) {
                wStep.add(step[i], w);
            }
            if (deviceRatio) {
                wVr.add(vr[i], w);
            } else {
                double stepMm = deviceStep ? step[i] : cad[i] > 0 ? iv.distance(i) / iv.steps(i) * 1000 : Double.NaN;
                wVr.add(vo[i] > 0 && stepMm > 0 ? 100 * vo[i] / stepMm : Double.NaN, w);
            }
        }
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("running_s", runS);
        m.put("n_steps", steps);
        m.put("cadence_spm", cadence.mean());
        m.put("contact_ms", wContact.mean());
        m.put("vertical_oscillation_cm", wVo.mean() / 10);
        m.put("vertical_ratio_pct", wVr.mean());
        m.put("contact_balance_left_pct", wBal.mean());
        m.put("step_length_m", deviceStep ? wStep.mean() / 1000 : steps > 0 ? stepDistance / steps : Double.NaN);
        m.put("stance_time_pct", wStance.mean());
        m.put("heart_rate_bpm", wHr.mean());
        m.put("power_w", wPower.mean());
        m.put("step_length_derived", deviceStep ? 0.0 : 1.0);
        m.put("vertical_ratio_derived", deviceRatio ? 0.0 : 1.0);
        return m;
    }

    /**
     * The records' values averaged the way a watch averages its session: over all the recorded time that is not a
     * pause (walking and standing included), each record weighted by its duration, running dynamics over the records
     * that measured them (a zero is "not measured"), heart rate over the records that have one, power over all
     * (a standing runner's zero watts count, as they do in the watch's average). Keys as the device's session values
     * ({@code contact_ms}, {@code vertical_oscillation_cm}, {@code vertical_ratio_pct}, {@code contact_balance_left_pct},
     * {@code step_length_m}, {@code stance_time_pct}, {@code heart_rate_bpm}, {@code power_w}). Used to check that a
     * file is read right against the device's own averages; the report's values are those of {@link #session}.
     */
    public static Map<String, Double> recordMeans(WatchRecording rec, WatchIntervals iv) {
        WatchChannel[] ch = {WatchChannel.CONTACT_MS, WatchChannel.VERTICAL_OSCILLATION_MM, WatchChannel.VERTICAL_RATIO_PCT,
            WatchChannel.CONTACT_BALANCE_LEFT_PCT, WatchChannel.STEP_LENGTH_MM, WatchChannel.STANCE_TIME_PCT,
            WatchChannel.HEART_RATE_BPM, WatchChannel.POWER_W};
        String[] keys = {"contact_ms", "vertical_oscillation_cm", "vertical_ratio_pct", "contact_balance_left_pct",
            "step_length_m", "stance_time_pct", "heart_rate_bpm", "power_w"};
        double[] scale = {1, 0.1, 1, 1, 0.001, 1, 1, 1};
        Map<String, Double> m = new LinkedHashMap<>();
        int n = iv.size();
        for (int k = 0; k < ch.length; k++) {
            if (!rec.has(ch[k])) {
                continue;
            }
            double[] v = rec.channel(ch[k]);
            Weighted w = new Weighted();
            for (int i = 0; i < n; i++) {
                double dt = i == 0 ? (n > 1 && !iv.paused(1) ? iv.dt(1) : 0) : iv.dt(i);
                boolean counts = ch[k] == WatchChannel.POWER_W ? v[i] >= 0 : v[i] > 0;
                if (dt > 0 && counts) {
                    w.add(v[i] * scale[k], dt);
                }
            }
            m.put(keys[k], w.mean());
        }
        return m;
    }

    /** RunScribe's foot strike types 1–5 are heel (rearfoot), 6–11 midfoot, 12–16 forefoot (toe). */
    public static final double MIDFOOT_STRIKE_TYPE_FROM = 6;
    /** First forefoot strike type of RunScribe's scale. */
    public static final double FOREFOOT_STRIKE_TYPE_FROM = 12;

    /**
     * The foot pods' values while running (RunScribe): {@code impact_g}, {@code braking_g}, {@code foot_strike_type},
     * {@code pronation_deg}, {@code flight_ratio_pct} (each weighted by the steps of its record), their left and right
     * values when the pods wrote them per foot, and the share of running steps landing on the heel, midfoot and
     * forefoot ({@code rearfoot_strike_pct}, …) from the foot strike type of each record.
     */
    static Map<String, Double> footPod(WatchRecording rec, WatchIntervals iv) {
        Map<String, Double> m = new LinkedHashMap<>();
        WatchChannel[] foot = {WatchChannel.IMPACT_G, WatchChannel.BRAKING_G, WatchChannel.FOOT_STRIKE_TYPE,
            WatchChannel.PRONATION_DEG, WatchChannel.FLIGHT_RATIO_PCT};
        for (WatchChannel c : foot) {
            if (!rec.has(c)) {
                continue;
            }
            m.put(c.column(), stepMean(rec.channel(c), iv));
            for (String side : new String[] {"left", "right"}) {
                double[] v = rec.extras().get(c.column() + "_" + side);
                if (v != null) {
                    m.put(c.column() + "_" + side, stepMean(v, iv));
                }
            }
        }
        if (rec.has(WatchChannel.FOOT_STRIKE_TYPE)) {
            // each foot's own type when the pods wrote them per foot (the mean of a heel and a forefoot landing is
            // no midfoot landing), else the type of both feet
            double[] left = rec.extras().get("foot_strike_type_left");
            double[] right = rec.extras().get("foot_strike_type_right");
            List<double[]> feet = left != null || right != null
                    ? java.util.stream.Stream.of(left, right).filter(java.util.Objects::nonNull).toList()
                    : List.of(rec.channel(WatchChannel.FOOT_STRIKE_TYPE));
            double[] share = new double[3];
            double total = 0;
            for (double[] type : feet) {
                for (int i = 1; i < iv.size(); i++) {
                    double w = weight(iv, i);
                    if (!iv.running(i) || !(type[i] > 0) || !(w > 0)) {
                        continue;
                    }
                    share[type[i] >= FOREFOOT_STRIKE_TYPE_FROM ? 2 : type[i] >= MIDFOOT_STRIKE_TYPE_FROM ? 1 : 0] += w;
                    total += w;
                }
            }
            if (total > 0) {
                m.put("rearfoot_strike_pct", 100 * share[0] / total);
                m.put("midfoot_strike_pct", 100 * share[1] / total);
                m.put("forefoot_strike_pct", 100 * share[2] / total);
            }
        }
        return m;
    }

    /**
     * The weight of interval {@code i} in an average over steps: its steps, or its time when the whole export has no
     * cadence ({@code NaN}, i.e. left out, for a record without cadence in an export that has it), as {@link #form}
     * weighs.
     */
    private static double weight(WatchIntervals iv, int i) {
        return iv.hasCadence() ? iv.steps(i) : iv.dt(i);
    }

    /** Mean of a per-record value over the running intervals, each weighted by its steps (by its time without cadence). */
    static double stepMean(double[] v, WatchIntervals iv) {
        Weighted w = new Weighted();
        for (int i = 1; i < iv.size(); i++) {
            if (iv.running(i)) {
                w.add(v[i], weight(iv, i));
            }
        }
        return w.mean();
    }

    /** The running-dynamics values of {@link #DEVICE_KEYS}, per device. */
    private static final WatchChannel[] DEVICE_CHANNELS = {WatchChannel.CONTACT_MS,
        WatchChannel.VERTICAL_OSCILLATION_MM, WatchChannel.VERTICAL_RATIO_PCT, WatchChannel.CONTACT_BALANCE_LEFT_PCT,
        WatchChannel.STEP_LENGTH_MM, WatchChannel.STANCE_TIME_PCT};
    /** The output names of {@link #DEVICE_CHANNELS}. */
    public static final List<String> DEVICE_KEYS = List.of("contact_ms", "vertical_oscillation_cm", "vertical_ratio_pct",
            "contact_balance_left_pct", "step_length_m", "stance_time_pct");

    /**
     * Every device's running dynamics when the export holds more than one device's ({@link WatchRecording#otherSources()}):
     * for each device {@code d} (the one the findings use included), {@code <d>_contact_ms},
     * {@code <d>_vertical_oscillation_cm}, {@code <d>_vertical_ratio_pct}, {@code <d>_contact_balance_left_pct},
     * {@code <d>_step_length_m}, {@code <d>_stance_time_pct} averaged over running exactly as the session values are,
     * each from that device's own values only; and for each other device {@code difference_<d>_<value>}: the mean of
     * its value minus the chosen device's over the running records where both measured (paired, so that neither
     * device's gaps bias it), and {@code difference_<d>_n_records}, how many records that is. Also {@code <d>_power_w}
     * for a second power source. Empty when the export has one device.
     *
     * @param primary the id of the device the findings use
     */
    public static Map<String, Double> devices(WatchRecording rec, WatchIntervals iv, String primary) {
        Map<String, Double> m = new LinkedHashMap<>();
        List<org.gaitform.model.WatchSource> others = rec.otherSources().stream()
                .filter(o -> java.util.Arrays.stream(DEVICE_CHANNELS).anyMatch(o::has)).toList();
        if (!others.isEmpty() && primary != null) {
            deviceValues(rec, iv, primary, rec.channels(), m);
            for (org.gaitform.model.WatchSource o : others) {
                deviceValues(rec, iv, o.id(), o.channels(), m);
                int pairs = 0;
                for (int k = 0; k < DEVICE_CHANNELS.length; k++) {
                    double[] a = rec.channel(DEVICE_CHANNELS[k]);
                    double[] b = o.channel(DEVICE_CHANNELS[k]);
                    if (b == null || !rec.has(DEVICE_CHANNELS[k])) {
                        continue;
                    }
                    Weighted diff = new Weighted();
                    int count = 0;
                    for (int i = 1; i < iv.size(); i++) {
                        double w = weight(iv, i);
                        if (iv.running(i) && !Double.isNaN(a[i]) && !Double.isNaN(b[i]) && w > 0) {
                            diff.add(scale(k) * (b[i] - a[i]), w);
                            count++;
                        }
                    }
                    if (count > 0) {
                        m.put("difference_" + o.id() + "_" + DEVICE_KEYS.get(k), diff.mean());
                        pairs = Math.max(pairs, count);
                    }
                }
                m.put("difference_" + o.id() + "_n_records", (double) pairs);
            }
        }
        for (org.gaitform.model.WatchSource o : rec.otherSources()) {
            if (o.has(WatchChannel.POWER_W)) {
                Weighted w = new Weighted();
                double[] p = o.channel(WatchChannel.POWER_W);
                for (int i = 1; i < iv.size(); i++) {
                    if (iv.running(i)) {
                        w.add(p[i], iv.dt(i));
                    }
                }
                m.put(o.id() + "_power_w", w.mean());
            }
        }
        return m;
    }

    private static double scale(int k) {
        return DEVICE_CHANNELS[k] == WatchChannel.VERTICAL_OSCILLATION_MM ? 0.1
                : DEVICE_CHANNELS[k] == WatchChannel.STEP_LENGTH_MM ? 0.001 : 1;
    }

    private static void deviceValues(WatchRecording rec, WatchIntervals iv, String id, Map<WatchChannel, double[]> own,
                                     Map<String, Double> m) {
        for (int k = 0; k < DEVICE_CHANNELS.length; k++) {
            double[] v = own.get(DEVICE_CHANNELS[k]);
            if (v == null) {
                continue;
            }
            double mean = stepMean(v, iv) * scale(k);
            if (Double.isFinite(mean)) {
                m.put(id + "_" + DEVICE_KEYS.get(k), mean);
            }
        }
    }

    /**
     * Cadence over the whole session ({@code overall_cadence_spm}), as the watch averages it: all steps (each record's cadence over the interval that
     * ends with it) over the whole recorded time, standing and slow stretches included. It differs from
     * {@code cadence_spm}, the cadence while running, when a run starts or stops with standing.
     */
    static double overallCadence(WatchRecording rec, WatchIntervals iv) {
        if (!rec.has(WatchChannel.CADENCE_SPM)) {
            return Double.NaN;
        }
        double[] cad = rec.channel(WatchChannel.CADENCE_SPM);
        double steps = 0;
        double time = 0;
        for (int i = 1; i < iv.size(); i++) {
            double dt = iv.dt(i);
            if (iv.paused(i) || !(dt > 0)) {
                continue;
            }
            time += dt;
            if (!Double.isNaN(cad[i])) {
                steps += cad[i] / 60.0 * dt;
            }
        }
        return time > 0 ? 60 * steps / time : Double.NaN;
    }

    /** A weighted mean that ignores NaN values and weights. */
    static final class Weighted {
        private double sum;
        private double weight;

        void add(double value, double w) {
            if (!Double.isNaN(value) && !Double.isNaN(w) && w > 0) {
                sum += value * w;
                weight += w;
            }
        }

        double mean() {
            return weight > 0 ? sum / weight : Double.NaN;
        }

        double weight() {
            return weight;
        }
    }

    /** Step-weighted median and SD of a per-record value over running intervals. */
    private static double[] weightedStats(double[] v, WatchIntervals iv) {
        List<double[]> pairs = new ArrayList<>();
        double total = 0;
        for (int i = 1; i < iv.size(); i++) {
            double w = Double.isNaN(iv.steps(i)) ? iv.dt(i) : iv.steps(i);
            if (iv.running(i) && !Double.isNaN(v[i]) && w > 0) {
                pairs.add(new double[] {v[i], w});
                total += w;
            }
        }
        if (pairs.isEmpty()) {
            return new double[] {Double.NaN, Double.NaN};
        }
        pairs.sort((a, b) -> Double.compare(a[0], b[0]));
        double acc = 0;
        double median = pairs.get(pairs.size() - 1)[0];
        for (double[] p : pairs) {
            acc += p[1];
            if (acc >= total / 2) {
                median = p[0];
                break;
            }
        }
        double mean = 0;
        for (double[] p : pairs) {
            mean += p[0] * p[1];
        }
        mean /= total;
        double var = 0;
        for (double[] p : pairs) {
            var += p[1] * (p[0] - mean) * (p[0] - mean);
        }
        return new double[] {median, Math.sqrt(var / total)};
    }

    private static double timeMean(double[] v, WatchIntervals iv, IntPredicate include) {
        Weighted w = new Weighted();
        for (int i = 1; i < iv.size(); i++) {
            if (include.test(i)) {
                w.add(v[i], iv.dt(i));
            }
        }
        return w.mean();
    }

    /**
     * Elevation gain and loss (m): altitude changes counted once they exceed the hysteresis; a change between two
     * records faster than {@code maxVerticalSpeedMps} (an altimeter re-calibrating, GPS altitude jumping) is not
     * counted: counting starts again from the new altitude.
     */
    public static double[] elevation(double[] timeS, double[] altitude, double hysteresisM, double maxVerticalSpeedMps) {
        double gain = 0;
        double loss = 0;
        double ref = Double.NaN;
        double prev = Double.NaN;
        double prevT = Double.NaN;
        for (int i = 0; i < altitude.length; i++) {
            double a = altitude[i];
            if (Double.isNaN(a)) {
                continue;
            }
            if (Double.isNaN(ref)) {
                ref = a;
            } else {
                double d = a - prev;
                if (Math.abs(d) > maxVerticalSpeedMps * Math.max(1, timeS[i] - prevT)) {
                    ref = a;
                } else if (a >= ref + hysteresisM) {
                    gain += a - ref;
                    ref = a;
                } else if (a <= ref - hysteresisM) {
                    loss += ref - a;
                    ref = a;
                }
            }
            prev = a;
            prevT = timeS[i];
        }
        return Double.isNaN(ref) ? new double[] {Double.NaN, Double.NaN} : new double[] {gain, loss};
    }

    static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
