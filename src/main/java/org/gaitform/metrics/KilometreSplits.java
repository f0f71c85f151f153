package org.gaitform.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gaitform.model.Activity;
import org.gaitform.model.WatchRecording;

/**
 * Splits of a run by distance (per kilometre by default) with their grade, pace and form, and the comparison of
 * form on downhill and flat splits that the articles' advice asks for: "keep the stride rate downhill; the tendency
 * is to over-stride" (Shape, "Why Your Knees Hurt When Running"). The grade of a split is its altitude change
 * (altitude smoothed over a few records, read at the split's ends) over its length; within ±
 * {@link WatchMetricSettings#flatGradePct()} a split is flat, steeper ones are downhill or uphill (this threshold is
 * the project's choice). Form values of a split are those of {@link WatchMetrics#form} over its running records.
 */
public final class KilometreSplits {
    /** Least running time for a split to enter the downhill/flat comparison (s). */
    static final double MIN_COMPARISON_RUNNING_S = 30;

    private KilometreSplits() {
    }

    /** The slope of a split. */
    public enum Terrain {
        FLAT, DOWNHILL, UPHILL, UNKNOWN;

        /** Lower-case name as written in outputs. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** −1 downhill, 0 flat, +1 uphill, NaN unknown. */
        public double code() {
            return switch (this) {
                case DOWNHILL -> -1;
                case FLAT -> 0;
                case UPHILL -> 1;
                case UNKNOWN -> Double.NaN;
            };
        }
    }

    /**
     * One split.
     *
     * @param number                 1-based
     * @param startM                 start along the run (m)
     * @param endM                   end (m)
     * @param startS                 time the split starts (s, recording axis)
     * @param endS                   time it ends (s)
     * @param movingS                time moving within it (s)
     * @param runningS               time running within it (s)
     * @param elevationChangeM       altitude at the end minus at the start (m)
     * @param gradePct               elevation change / length (%)
     * @param terrain                flat, downhill, uphill (unknown without altitude)
     * @param cadenceSpm             cadence while running (steps/min)
     * @param stepLengthM            step length while running (m)
     * @param contactMs              contact time (ms)
     * @param verticalOscillationCm  vertical oscillation (cm)
     * @param verticalRatioPct       vertical ratio (%)
     * @param contactBalanceLeftPct  left share of contact time (%)
     * @param heartRateBpm           heart rate (bpm)
     * @param partial                true for a last split shorter than the split length
     */
    public record Split(int number, double startM, double endM, double startS, double endS, double movingS,
                        double runningS, double elevationChangeM, double gradePct, Terrain terrain, double cadenceSpm,
                        double stepLengthM, double contactMs, double verticalOscillationCm, double verticalRatioPct,
                        double contactBalanceLeftPct, double heartRateBpm, boolean partial) {
        /** Length (m). */
        public double distanceM() {
            return endM - startM;
        }

        /** Pace over the moving time (s per km). */
        public double paceSPerKm() {
            return distanceM() > 0 && movingS > 0 ? movingS / (distanceM() / 1000) : Double.NaN;
        }
    }

    /**
     * The splits of a run, every {@code lengthM} metres; a last partial split is kept if long enough. One pass over
     * the records: a record belongs to the split that holds the middle of its interval, and as the distance only
     * grows, each split is a run of consecutive records (a multi-day ultra of 1.6 million records and 4000 splits
     * takes no longer per record than a 10 km run).
     */
    public static List<Split> of(WatchRecording rec, WatchIntervals iv, WatchMetricSettings s, double lengthM) {
        int n = iv.size();
        List<Split> out = new ArrayList<>();
        if (n < 2) {
            return out;
        }
        double total = iv.cumulative(n - 1);
        int count = (int) Math.ceil(total / lengthM - 1e-9);
        if (count <= 0) {
            return out;
        }
        // first[k] .. first[k + 1]: the records (intervals 1 … n − 1) of split k
        int[] first = new int[count + 1];
        java.util.Arrays.fill(first, n);
        int k = -1;
        for (int i = 1; i < n; i++) {
            double mid = (iv.cumulative(i - 1) + iv.cumulative(i)) / 2;
            int of = Math.min(count - 1, Math.max(0, (int) Math.floor(mid / lengthM)));
            while (k < of) {
                first[++k] = i;
            }
        }
        WatchMetrics.FormChannels channels = new WatchMetrics.FormChannels(rec);
        for (k = 0; k < count; k++) {
            double startM = k * lengthM;
            double endM = Math.min((k + 1) * lengthM, total);
            boolean partial = endM - startM < lengthM - 1e-6;
            if (partial && endM - startM < s.minPartialFraction() * lengthM) {
                continue;
            }
            int from = first[k];
            int to = first[k + 1];
            Map<String, Double> form = WatchMetrics.form(channels, iv, from, to, i -> true);
            double moving = 0;
            for (int i = from; i < to; i++) {
                if (iv.activity(i) != Activity.STANDING) {
                    moving += iv.dt(i);
                }
            }
            double a0 = iv.altitudeAtDistance(startM);
            double a1 = iv.altitudeAtDistance(endM);
            double change = a1 - a0;
            double grade = 100 * change / (endM - startM);
            Terrain terrain = terrain(grade, change, s);
            out.add(new Split(out.size() + 1, startM, endM, iv.timeAtDistance(startM), iv.timeAtDistance(endM), moving,
                    form.get("running_s"), change, grade, terrain, form.get("cadence_spm"), form.get("step_length_m"),
                    form.get("contact_ms"), form.get("vertical_oscillation_cm"), form.get("vertical_ratio_pct"),
                    form.get("contact_balance_left_pct"), form.get("heart_rate_bpm"), partial));
        }
        return out;
    }

    /**
     * The slope of a split: downhill or uphill when its grade is at least {@link WatchMetricSettings#flatGradePct()}
     * and its altitude changes by at least {@link WatchMetricSettings#minTerrainChangeM()}, flat otherwise, unknown
     * without altitude.
     */
    static Terrain terrain(double gradePct, double changeM, WatchMetricSettings s) {
        if (Double.isNaN(gradePct)) {
            return Terrain.UNKNOWN;
        }
        if (Math.abs(changeM) < s.minTerrainChangeM()) {
            return Terrain.FLAT;
        }
        return gradePct <= -s.flatGradePct() ? Terrain.DOWNHILL : gradePct >= s.flatGradePct() ? Terrain.UPHILL
                : Terrain.FLAT;
    }

    /**
     * Cadence and step length on downhill, flat and uphill splits.
     *
     * @param basis               what the comparison was made on ("kilometre splits", "250 m stretches"), empty when
     *                            it could not be made
     * @param lengthM             the split length used (m)
     * @param flat                number of flat splits used
     * @param downhill            number of downhill splits used
     * @param uphill              number of uphill splits used
     * @param cadenceFlatSpm      mean cadence on flat splits (steps/min, weighted by running time)
     * @param cadenceDownhillSpm  on downhill splits
     * @param cadenceUphillSpm    on uphill splits
     * @param stepFlatM           mean step length on flat splits (m, weighted by steps)
     * @param stepDownhillM       on downhill splits
     * @param stepUphillM         on uphill splits
     * @param cadenceChangePct    downhill cadence relative to flat (%): negative means fewer steps per minute downhill
     * @param stepLengthChangePct downhill step length relative to flat (%): positive means longer steps downhill
     * @param reason              why the comparison was made on this basis, or why it could not be made
     */
    public record Comparison(String basis, double lengthM, int flat, int downhill, int uphill, double cadenceFlatSpm,
                             double cadenceDownhillSpm, double cadenceUphillSpm, double stepFlatM, double stepDownhillM,
                             double stepUphillM, double cadenceChangePct, double stepLengthChangePct, String reason) {
        /** True when there were flat and downhill splits to compare. */
        public boolean available() {
            return !Double.isNaN(cadenceChangePct) || !Double.isNaN(stepLengthChangePct);
        }
    }

    /**
     * Compares downhill with flat running on the kilometre splits; when the run has no downhill or no flat
     * kilometre, on shorter stretches ({@link WatchMetricSettings#shortSplitLengthM()}).
     */
    public static Comparison downhillVsFlat(WatchRecording rec, WatchIntervals iv, WatchMetricSettings s,
                                            List<Split> kilometres) {
        Comparison c = compare(kilometres, s.splitLengthM(), "kilometre splits", s, rec);
        if (c.available() || !rec.has(org.gaitform.model.WatchChannel.CADENCE_SPM)
                || !rec.has(org.gaitform.model.WatchChannel.ALTITUDE_M)) {
            return c;
        }
        String shortLabel = fmt(s.shortSplitLengthM()) + " m stretches";
        List<Split> shorter = of(rec, iv, s, s.shortSplitLengthM());
        Comparison d = compare(shorter, s.shortSplitLengthM(), shortLabel, s, rec);
        if (d.available()) {
            return new Comparison(d.basis(), d.lengthM(), d.flat(), d.downhill(), d.uphill(), d.cadenceFlatSpm(),
                    d.cadenceDownhillSpm(), d.cadenceUphillSpm(), d.stepFlatM(), d.stepDownhillM(), d.stepUphillM(),
                    d.cadenceChangePct(), d.stepLengthChangePct(), c.reason() + "; compared on " + d.basis() + " instead");
        }
        String why = c.reason().equals(d.reason()) ? c.reason() : c.reason() + "; " + d.reason();
        return new Comparison("", Double.NaN, d.flat(), d.downhill(), d.uphill(), d.cadenceFlatSpm(),
                d.cadenceDownhillSpm(), d.cadenceUphillSpm(), d.stepFlatM(), d.stepDownhillM(), d.stepUphillM(),
                Double.NaN, Double.NaN, why);
    }

    private static Comparison compare(List<Split> splits, double lengthM, String basis, WatchMetricSettings s,
                                      WatchRecording rec) {
        double flatGradePct = s.flatGradePct();
        Agg flat = new Agg();
        Agg down = new Agg();
        Agg up = new Agg();
        boolean altitude = false;
        int[] byTerrain = new int[Terrain.values().length];
        double downhillM = 0;
        int usable = 0;
        for (Split sp : splits) {
            if (sp.terrain() != Terrain.UNKNOWN) {
                altitude = true;
            }
            byTerrain[sp.terrain().ordinal()]++;
            if (sp.runningS() < MIN_COMPARISON_RUNNING_S || Double.isNaN(sp.cadenceSpm())) {
                continue;
            }
            usable++;
            if (sp.terrain() == Terrain.DOWNHILL) {
                downhillM += sp.distanceM();
            }
            switch (sp.terrain()) {
                case FLAT -> flat.add(sp);
                case DOWNHILL -> down.add(sp);
                case UPHILL -> up.add(sp);
                default -> {
                }
            }
        }
        String reason;
        if (!rec.has(org.gaitform.model.WatchChannel.ALTITUDE_M)) {
            reason = "the export has no altitude, so no grade";
        } else if (splits.isEmpty()) {
            reason = "the run is too short for " + basis;
        } else if (!altitude) {
            reason = "no altitude along the " + basis;
        } else if (!rec.has(org.gaitform.model.WatchChannel.CADENCE_SPM)) {
            reason = "the export has no cadence, so the " + basis + " (" + byTerrain[Terrain.DOWNHILL.ordinal()]
                    + " downhill, " + byTerrain[Terrain.FLAT.ordinal()] + " flat) cannot be compared";
        } else if (usable == 0) {
            reason = "none of the " + splits.size() + " " + basis + " has " + fmt(MIN_COMPARISON_RUNNING_S)
                    + " s of running with cadence";
        } else if (down.count == 0 && flat.count == 0) {
            reason = "no downhill and no flat " + basis + " with running";
        } else if (down.count == 0) {
            reason = "no downhill " + basis + " (grade ≤ −" + fmt(flatGradePct) + " % and at least "
                    + fmt(s.minTerrainChangeM()) + " m down)";
        } else if (flat.count == 0) {
            reason = "no flat " + basis;
        } else if (downhillM < s.minDownhillDistanceM()) {
            reason = String.format(Locale.ROOT, "only %.0f m of downhill %s (%d), less than the %s m a comparison needs",
                    downhillM, basis, down.count, fmt(s.minDownhillDistanceM()));
        } else {
            reason = down.count + " downhill and " + flat.count + " flat " + basis;
        }
        boolean ok = down.count > 0 && flat.count > 0 && downhillM >= s.minDownhillDistanceM();
        double cadChange = ok ? 100 * (down.cadence() - flat.cadence()) / flat.cadence() : Double.NaN;
        double stepChange = ok ? 100 * (down.step() - flat.step()) / flat.step() : Double.NaN;
        return new Comparison(ok ? basis : "", lengthM, flat.count, down.count, up.count, flat.cadence(), down.cadence(),
                up.cadence(), flat.step(), down.step(), up.step(), cadChange, stepChange, reason);
    }

    private static final class Agg {
        int count;
        final WatchMetrics.Weighted cadence = new WatchMetrics.Weighted();
        final WatchMetrics.Weighted step = new WatchMetrics.Weighted();

        void add(Split sp) {
            count++;
            cadence.add(sp.cadenceSpm(), sp.runningS());
            step.add(sp.stepLengthM(), sp.runningS() * sp.cadenceSpm() / 60);
        }

        double cadence() {
            return cadence.mean();
        }

        double step() {
            return step.mean();
        }
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
