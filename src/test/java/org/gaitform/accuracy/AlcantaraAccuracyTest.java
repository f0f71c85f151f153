package org.gaitform.accuracy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.gaitform.model.SessionResult;
import org.gaitform.model.Step;
import org.gaitform.pipeline.AnalysisSettings;
import org.gaitform.pipeline.SessionPipeline;
import org.gaitform.support.SharedData;
import org.junit.jupiter.api.Test;

/**
 * Accuracy of the trunk path on real recordings with force-treadmill truth: Alcantara et al. 2022
 * (PeerJ 10:e12752, Apache-2.0), one runner, 18 trials at 2.5–4.17 m/s on −10°, −5°, 0°, +5° and +10°, sacral
 * biaxial accelerometer at 500 Hz (vertical clipped at 0 g by the authors). Targets, the same for every trial
 * (no constant is tuned per trial): cadence within 1 step/min, at least 97 % of the reference contacts matched by
 * an initial contact within 40 ms, mean contact time within 15 ms.
 *
 * <p>The trials whose data chose the detector's constants ({@code role=tuning} in {@code docs/tuning-split.csv})
 * and the ones kept out of every choice ({@code held-out}) are summarised separately: a threshold tuned on a
 * recording is no evidence of accuracy on it. The tables printed here are the ones quoted in the README.
 */
class AlcantaraAccuracyTest {
    static final String FOLDER = "alcantara2022-sacral-imu-treadmill";
    private static final String METHOD = "FlightPhaseTrunkEvents";
    static final double MAX_CADENCE_ERROR_SPM = 1.0;
    static final double MIN_MATCHED_PCT = 97;
    static final double MATCH_WINDOW_S = 0.040;
    static final double MAX_CONTACT_ERROR_MS = 15;

    /**
     * Trials that miss a target after honest work, with the reason; printed as {@code KNOWN GAP} and not asserted
     * (their other targets are). A slope that misses a target only because of them is a known gap too. None now:
     * held-out trial29 (−5°) read every contact about 30 ms short on its vertical column, tilted 35° and clipped at
     * 0 g, until the toe-offs of tilted exports were drawn towards those of the vertical turned onto gravity
     * (TiltSensitivity; docs/quality.md).
     */
    private static final Map<String, String> KNOWN_GAPS = Map.of();

    record Ref(double icS, double toS) {
    }

    /** One trial's result. */
    record Trial(String file, double speedMps, double slopeDeg, String role, int refs, int found, double matchedPct,
                 double cadenceErrSpm, double absIcMs, double icBiasMs, double toBiasMs, double contactErrMs) {
    }

    @Test
    void everyTrialMeetsTheTargets() throws IOException {
        Path dir = SharedData.require(FOLDER);
        Map<String, List<Ref>> contacts = references(dir);
        Map<String, String> roles = roles();
        assertThat(contacts).hasSize(18);
        assertThat(roles.keySet()).as("docs/tuning-split.csv lists every Alcantara trial for " + METHOD)
                .containsAll(contacts.keySet());
        List<Trial> trials = new ArrayList<>(analyse(null, null).stream().map(Analysed::trial).toList());
        trials.sort(java.util.Comparator.comparingDouble(Trial::slopeDeg).thenComparingDouble(Trial::speedMps)
                .thenComparing(Trial::file));
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%nAlcantara 2022 sacral trials (force-treadmill truth), %s%n", METHOD));
        out.append(String.format(Locale.ROOT, "%-31s %-8s %4s %5s %8s %9s %8s %8s %8s %8s%n", "trial", "role", "ref",
                "found", "matched", "cad err", "|IC err|", "IC bias", "TO bias", "GCT err"));
        for (Trial t : trials) {
            out.append(String.format(Locale.ROOT, "%-31s %-8s %4d %5d %7.1f%% %+9.2f %5.1f ms %+5.1f ms %+5.1f ms %+5.1f ms%n",
                    t.file(), t.role(), t.refs(), t.found(), t.matchedPct(), t.cadenceErrSpm(), t.absIcMs(),
                    t.icBiasMs(), t.toBiasMs(), t.contactErrMs()));
        }
        out.append(String.format(Locale.ROOT, "%nper condition (worst trial; all roles)%n%-7s %-6s %6s %9s %8s %9s %9s%n",
                "slope", "speed", "trials", "cad err", "matched", "|IC err|", "GCT err"));
        Map<String, List<Trial>> byCondition = new TreeMap<>(java.util.Comparator
                .comparingDouble((String k) -> Double.parseDouble(k.split(" ")[0]))
                .thenComparingDouble(k -> Double.parseDouble(k.split(" ")[1])));
        for (Trial t : trials) {
            byCondition.computeIfAbsent(t.slopeDeg() + " " + t.speedMps(), k -> new ArrayList<>()).add(t);
        }
        for (List<Trial> c : byCondition.values()) {
            out.append(String.format(Locale.ROOT, "%+5.0f°  %4.2f %6d %9.2f %7.1f%% %6.1f ms %6.1f ms%n",
                    c.get(0).slopeDeg(), c.get(0).speedMps(), c.size(), worst(c, Trial::cadenceErrSpm),
                    c.stream().mapToDouble(Trial::matchedPct).min().orElse(Double.NaN),
                    c.stream().mapToDouble(Trial::absIcMs).max().orElse(Double.NaN), worst(c, Trial::contactErrMs)));
        }
        out.append(String.format(Locale.ROOT, "%nby role%n%-9s %6s %8s %8s %12s %12s %12s %12s%n", "role", "trials",
                "contacts", "matched", "cad MAE", "cad worst", "GCT MAE", "GCT worst"));
        for (String role : List.of("tuning", "held-out")) {
            List<Trial> r = trials.stream().filter(t -> t.role().equals(role)).toList();
            int refs = r.stream().mapToInt(Trial::refs).sum();
            double matched = r.stream().mapToDouble(t -> t.matchedPct() * t.refs() / 100).sum();
            out.append(String.format(Locale.ROOT, "%-9s %6d %8d %7.1f%% %8.2f spm %8.2f spm %9.1f ms %9.1f ms%n", role,
                    r.size(), refs, 100 * matched / refs, mae(r, Trial::cadenceErrSpm), worst(r, Trial::cadenceErrSpm),
                    mae(r, Trial::contactErrMs), worst(r, Trial::contactErrMs)));
        }
        out.append(String.format(Locale.ROOT, "%nper slope, as issue 13 states the targets (all trials of the slope)%n"
                + "%-7s %6s %8s %9s %12s %14s%n", "slope", "trials", "contacts", "matched", "cad MAE", "mean |GCT err|"));
        Map<Double, List<Trial>> bySlope = new TreeMap<>();
        for (Trial t : trials) {
            bySlope.computeIfAbsent(t.slopeDeg(), k -> new ArrayList<>()).add(t);
        }
        List<String> slopeFailures = new ArrayList<>();
        List<String> slopeGaps = new ArrayList<>();
        for (Map.Entry<Double, List<Trial>> e : bySlope.entrySet()) {
            List<Trial> r = e.getValue();
            int refs = r.stream().mapToInt(Trial::refs).sum();
            double matched = 100 * r.stream().mapToDouble(t -> t.matchedPct() * t.refs() / 100).sum() / refs;
            double cadMae = mae(r, Trial::cadenceErrSpm);
            double gctMae = mae(r, Trial::contactErrMs);
            out.append(String.format(Locale.ROOT, "%+5.0f°  %6d %8d %8.1f%% %8.2f spm %11.1f ms%n", e.getKey(), r.size(),
                    refs, matched, cadMae, gctMae));
            if (cadMae > MAX_CADENCE_ERROR_SPM || matched < MIN_MATCHED_PCT || gctMae > MAX_CONTACT_ERROR_MS) {
                String miss = String.format(Locale.ROOT, "%+.0f°: cadence MAE %.2f steps/min, matched %.1f %%, mean "
                        + "|GCT err| %.1f ms", e.getKey(), cadMae, matched, gctMae);
                List<Trial> rest = r.stream().filter(t -> !KNOWN_GAPS.containsKey(t.file())).toList();
                boolean fineWithout = rest.size() < r.size() && mae(rest, Trial::cadenceErrSpm) <= MAX_CADENCE_ERROR_SPM
                        && mae(rest, Trial::contactErrMs) <= MAX_CONTACT_ERROR_MS;
                (fineWithout ? slopeGaps : slopeFailures).add(miss);
            }
        }
        List<String> failures = new ArrayList<>();
        List<String> gaps = new ArrayList<>();
        for (Trial t : trials) {
            List<String> misses = new ArrayList<>();
            if (Math.abs(t.cadenceErrSpm()) > MAX_CADENCE_ERROR_SPM) {
                misses.add(String.format(Locale.ROOT, "cadence off by %+.2f steps/min", t.cadenceErrSpm()));
            }
            if (t.matchedPct() < MIN_MATCHED_PCT) {
                misses.add(String.format(Locale.ROOT, "only %.1f %% of contacts matched within 40 ms", t.matchedPct()));
            }
            if (Math.abs(t.contactErrMs()) > MAX_CONTACT_ERROR_MS) {
                misses.add(String.format(Locale.ROOT, "mean contact time off by %+.1f ms", t.contactErrMs()));
            }
            for (String m : misses) {
                String line = t.file() + " (" + t.role() + "): " + m;
                if (KNOWN_GAPS.containsKey(t.file())) {
                    gaps.add(line + " — " + KNOWN_GAPS.get(t.file()));
                } else {
                    failures.add(line);
                }
            }
        }
        for (String g : gaps) {
            out.append("KNOWN GAP: ").append(g).append(System.lineSeparator());
        }
        for (String g : slopeGaps) {
            out.append("KNOWN GAP (per slope, only through the trials above): ").append(g).append(System.lineSeparator());
        }
        System.out.println(out);
        assertThat(slopeFailures).as(out.toString()).isEmpty();
        assertThat(failures).as(out.toString()).isEmpty();
        assertThat(KNOWN_GAPS.keySet()).as("a known gap that is met no longer: remove it").allMatch(
                f -> gaps.stream().anyMatch(g -> g.startsWith(f)));
    }

    /** How a copy of a trial is written: from the trial's file and its force-plate contacts to {@code out}. */
    interface Copy {
        void write(Path trial, List<Ref> contacts, Path out) throws IOException;
    }

    /** A trial (or a copy of it) as analysed: its figures against the force plate, and the session. */
    record Analysed(Trial trial, SessionResult session) {
    }

    /**
     * Every trial, in file order, written by {@code copy} into the folder {@code copies} (both {@code null}: the trial
     * as recorded), analysed with the default settings and compared with its force-plate contacts and reference
     * summary.
     */
    static List<Analysed> analyse(Path copies, Copy copy) throws IOException {
        Path dir = SharedData.require(FOLDER);
        Map<String, List<Ref>> contacts = references(dir);
        Map<String, CSVRecord> summary = summaries(dir);
        Map<String, String> roles = roles();
        SessionPipeline pipeline = new SessionPipeline(AnalysisSettings.defaults());
        List<Analysed> out = new ArrayList<>();
        for (Map.Entry<String, List<Ref>> e : contacts.entrySet()) {
            String file = e.getKey();
            Path in = dir.resolve("trials").resolve(file);
            if (copy != null) {
                Path to = copies.resolve(file);
                copy.write(in, e.getValue(), to);
                in = to;
            }
            SessionResult s = pipeline.analyse(in, file, "t");
            CSVRecord ref = summary.get(file);
            out.add(new Analysed(evaluate(file, s.steps(), e.getValue(), Double.parseDouble(ref.get("speed_m_s")),
                    Double.parseDouble(ref.get("slope_deg")), roles.get(file),
                    s.metric("cadence_spm") - Double.parseDouble(ref.get("cadence_steps_per_min")),
                    s.metric("contact_ms") - Double.parseDouble(ref.get("gct_ms_mean"))), s));
        }
        return out;
    }

    /** The force plate's contacts per trial file. */
    static Map<String, List<Ref>> references(Path dir) throws IOException {
        Map<String, List<Ref>> contacts = new TreeMap<>();
        try (Reader r = Files.newBufferedReader(dir.resolve("reference_contacts_from_grf.csv"))) {
            for (CSVRecord rec : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
                contacts.computeIfAbsent(rec.get("file"), k -> new ArrayList<>())
                        .add(new Ref(Double.parseDouble(rec.get("ic_time_s")), Double.parseDouble(rec.get("to_time_s"))));
            }
        }
        return contacts;
    }

    /** The reference summary (speed, slope, cadence, mean contact time) per trial file. */
    static Map<String, CSVRecord> summaries(Path dir) throws IOException {
        Map<String, CSVRecord> summary = new TreeMap<>();
        try (Reader r = Files.newBufferedReader(dir.resolve("reference_summary_per_trial.csv"))) {
            for (CSVRecord rec : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
                summary.put(rec.get("file"), rec);
            }
        }
        return summary;
    }

    static Trial evaluate(String file, List<Step> steps, List<Ref> refs, double speed, double slope, String role,
                                  double cadErr, double gctErr) {
        int matched = 0;
        double absIc = 0;
        double icBias = 0;
        double toBias = 0;
        for (Ref ref : refs) {
            Step best = null;
            for (Step st : steps) {
                if (Math.abs(st.icS() - ref.icS()) <= MATCH_WINDOW_S && (best == null
                        || Math.abs(st.icS() - ref.icS()) < Math.abs(best.icS() - ref.icS()))) {
                    best = st;
                }
            }
            if (best != null) {
                matched++;
                absIc += Math.abs(best.icS() - ref.icS());
                icBias += best.icS() - ref.icS();
                toBias += best.toS() - ref.toS();
            }
        }
        int m = Math.max(1, matched);
        return new Trial(file, speed, slope, role, refs.size(), steps.size(), 100.0 * matched / refs.size(), cadErr,
                1000 * absIc / m, 1000 * icBias / m, 1000 * toBias / m, gctErr);
    }

    static double worst(List<Trial> trials, java.util.function.ToDoubleFunction<Trial> f) {
        return trials.stream().mapToDouble(f).map(Math::abs).max().orElse(Double.NaN);
    }

    static double mae(List<Trial> trials, java.util.function.ToDoubleFunction<Trial> f) {
        return trials.stream().mapToDouble(f).map(Math::abs).average().orElse(Double.NaN);
    }

    /** The role (tuning or held-out) of each Alcantara trial for the trunk method, from docs/tuning-split.csv. */
    static Map<String, String> roles() throws IOException {
        Map<String, String> roles = new TreeMap<>();
        Predicate<CSVRecord> mine = r -> r.get("method").equals(METHOD) && r.get("dataset").equals(FOLDER);
        try (Reader r = Files.newBufferedReader(Path.of("docs", "tuning-split.csv"))) {
            for (CSVRecord rec : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
                if (mine.test(rec)) {
                    roles.put(rec.get("recording"), rec.get("role"));
                }
            }
        }
        assertThat(roles.values()).as("roles in docs/tuning-split.csv").allMatch(x -> x.equals("tuning")
                || x.equals("held-out"));
        return roles;
    }
}
