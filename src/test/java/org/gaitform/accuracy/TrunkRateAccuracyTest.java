package org.gaitform.accuracy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.gaitform.accuracy.AlcantaraAccuracyTest.Analysed;
import org.gaitform.accuracy.AlcantaraAccuracyTest.Ref;
import org.gaitform.accuracy.AlcantaraAccuracyTest.Trial;
import org.gaitform.model.FindingStatus;
import org.gaitform.model.Quality;
import org.gaitform.model.SessionResult;
import org.gaitform.pipeline.AnalysisSettings;
import org.gaitform.pipeline.SessionPipeline;
import org.gaitform.quality.QualitySettings;
import org.gaitform.signal.ZeroPhaseButterworth;
import org.gaitform.support.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The trunk path at the rates of everyday sensors and at any start of the data, on real recordings with force-plate
 * truth: Alcantara et al. 2022's 18 sacral trials (500 Hz, already low-passed at 20 Hz by the authors).
 *
 * <p>{@link #decimatedTrials}: each trial kept at every 2nd, 5th, 10th and 20th sample (250, 100, 50 and 25 Hz), from
 * two starting samples each; at 25 Hz, whose Nyquist frequency lies below the data's 20 Hz band, low-passed at 10 Hz
 * first, as a sensor's anti-aliasing filter does. Down to 50 Hz every rate must meet issue 13's targets (cadence MAE
 * ≤ 1 step/min, ≥ 97 % of the contacts within 40 ms, mean |contact-time error| ≤ 15 ms); at 25 Hz the contact times
 * are not trusted (the quality check {@code sampling_rate}) and cadence must still meet its target. At every rate a
 * session whose cadence is more than 2 steps/min off or whose mean contact time is more than 25 ms off must not be
 * called good (issue 13's contract). Before the events were found on the spline between the samples
 * ({@code TrunkEventSettings.detectionRateHz}), contact times at 50 Hz came out 18–25 ms long on average, 93 ms in the
 * worst trial, with sessions called good.
 *
 * <p>{@link #trialsCutInsideAStance}: each trial started 0–330 ms late, so that the data begin inside a stance or a
 * flight, and ended at its end or 170 ms early. A landing the data cut is extrapolated back; data that begin in the
 * rebound after a downhill heel strike put it tens of milliseconds late, and one short step moved the cadence of these
 * 5 s trials by up to 2.7 steps/min, until such a contact was kept only when its step is like the others'
 * ({@code TrunkEventSettings.cutStepFraction}).
 *
 * <p>These are the trials the trunk method's thresholds were chosen on (13 of 18) and kept out of (5): the figures
 * test the handling of rate and cut data, not the method's accuracy, which {@link AlcantaraAccuracyTest} reports by
 * role.
 */
class TrunkRateAccuracyTest {
    @TempDir
    Path tmp;

    @Test
    void decimatedTrials() throws IOException {
        double minRate = QualitySettings.DEFAULTS.minContactRateHz();
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%nAlcantara 2022 decimated (force-plate "
                + "truth; 18 trials per row)%n%7s %5s %8s %9s %10s %9s %10s %10s  %s%n", "rate", "start", "matched",
                "cad MAE", "cad worst", "GCT MAE", "GCT mean", "GCT worst", "verdicts (good/doubtful/poor)"));
        List<String> failures = new ArrayList<>();
        for (int factor : new int[] {2, 5, 10, 20}) {
            double rate = 500.0 / factor;
            for (int phase : new int[] {0, factor / 2}) {
                List<Trial> trials = new ArrayList<>();
                int[] verdicts = new int[3];
                int every = factor;
                int ph = phase;
                Path copies = Files.createDirectories(tmp.resolve(factor + "_" + phase));
                for (Analysed a : AlcantaraAccuracyTest.analyse(copies, (trial, contacts, to) -> decimate(trial, to, every,
                        ph))) {
                    Trial t = a.trial();
                    SessionResult s = a.session();
                    String file = t.file();
                    trials.add(t);
                    verdicts[s.quality().verdict().ordinal()]++;
                    String at = String.format(Locale.ROOT, "%.0f Hz from sample %d, %s", rate, phase, file);
                    if ((Math.abs(t.cadenceErrSpm()) > 2 || Math.abs(t.contactErrMs()) > 25)
                            && s.quality().verdict() == Quality.GOOD) {
                        failures.add(String.format(Locale.ROOT, "%s: cadence %+.2f steps/min, contact time %+.1f ms "
                                + "off, called good", at, t.cadenceErrSpm(), t.contactErrMs()));
                    }
                    boolean slow = rate < 0.98 * minRate;
                    if (slow != s.quality().checks().stream().anyMatch(c -> c.id().equals("sampling_rate")
                            && c.failed())) {
                        failures.add(at + ": the sampling_rate check should " + (slow ? "" : "not ") + "doubt it");
                    }
                    if (slow && s.findings().stream().anyMatch(f -> f.metricKey().equals("contact_ms")
                            && f.status() != FindingStatus.NOT_JUDGED)) {
                        failures.add(at + ": contact time judged");
                    }
                }
                int refs = trials.stream().mapToInt(Trial::refs).sum();
                double matched = 100 * trials.stream().mapToDouble(t -> t.matchedPct() * t.refs() / 100).sum() / refs;
                double cadMae = AlcantaraAccuracyTest.mae(trials, Trial::cadenceErrSpm);
                double gctMae = AlcantaraAccuracyTest.mae(trials, Trial::contactErrMs);
                out.append(String.format(Locale.ROOT, "%4.0f Hz %5d %7.1f%% %5.2f spm %6.2f spm %6.1f ms %+7.1f ms "
                        + "%7.1f ms  %d/%d/%d%n", rate, phase, matched, cadMae,
                        AlcantaraAccuracyTest.worst(trials, Trial::cadenceErrSpm), gctMae,
                        trials.stream().mapToDouble(Trial::contactErrMs).average().orElseThrow(),
                        AlcantaraAccuracyTest.worst(trials, Trial::contactErrMs), verdicts[0], verdicts[1], verdicts[2]));
                if (cadMae > AlcantaraAccuracyTest.MAX_CADENCE_ERROR_SPM) {
                    failures.add(String.format(Locale.ROOT, "%.0f Hz from sample %d: cadence MAE %.2f", rate, phase,
                            cadMae));
                }
                if (rate >= minRate && (matched < AlcantaraAccuracyTest.MIN_MATCHED_PCT
                        || gctMae > AlcantaraAccuracyTest.MAX_CONTACT_ERROR_MS)) {
                    failures.add(String.format(Locale.ROOT, "%.0f Hz from sample %d: %.1f %% matched, mean |contact-time "
                            + "error| %.1f ms", rate, phase, matched, gctMae));
                }
            }
        }
        System.out.println(out);
        assertThat(failures).as(out.toString()).isEmpty();
    }

    @Test
    void trialsCutInsideAStance() throws IOException {
        Path dir = SharedData.require(AlcantaraAccuracyTest.FOLDER);
        Map<String, List<Ref>> contacts = AlcantaraAccuracyTest.references(dir);
        SessionPipeline pipeline = new SessionPipeline(AnalysisSettings.defaults());
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%nAlcantara 2022 cut at the start (0–330 ms, "
                + "every 10 ms) and at the end (0 or 170 ms): cadence against the force plate's contacts inside%n"));
        List<Double> errors = new ArrayList<>();
        for (Map.Entry<String, List<Ref>> e : contacts.entrySet()) {
            String file = e.getKey();
            double worst = 0;
            for (int startMs = 0; startMs < 340; startMs += 10) {
                for (int endMs : new int[] {0, 170}) {
                    double t0 = startMs / 1000.0;
                    double t1 = 4.96 - endMs / 1000.0;
                    Path p = tmp.resolve(startMs + "_" + endMs + "_" + file);
                    cut(dir.resolve("trials").resolve(file), p, t0, t1);
                    SessionResult s = pipeline.analyse(p, file, "t");
                    List<Ref> inside = e.getValue().stream().filter(x -> x.icS() >= t0 && x.toS() <= t1).toList();
                    double refCadence = 60.0 * (inside.size() - 1)
                            / (inside.get(inside.size() - 1).icS() - inside.get(0).icS());
                    double err = s.metric("cadence_spm") - refCadence;
                    errors.add(err);
                    worst = Math.abs(err) > Math.abs(worst) ? err : worst;
                }
            }
            out.append(String.format(Locale.ROOT, "%-31s worst cadence error %+.2f steps/min%n", file, worst));
        }
        long within1 = errors.stream().filter(x -> Math.abs(x) <= 1).count();
        out.append(String.format(Locale.ROOT, "%d cuts: %d within 1 step/min, worst %.2f%n", errors.size(), within1,
                errors.stream().mapToDouble(Math::abs).max().orElseThrow()));
        System.out.println(out);
        assertThat(errors).as(out.toString()).allSatisfy(x -> assertThat(Math.abs(x)).isLessThanOrEqualTo(1.5));
        assertThat(100.0 * within1 / errors.size()).as(out.toString()).isGreaterThanOrEqualTo(99);
    }

    /** Every {@code factor}-th sample from {@code phase}; low-passed first at 0.4 of the new rate when that is below 20 Hz. */
    private static void decimate(Path trial, Path out, int factor, int phase) throws IOException {
        List<double[]> rows = read(trial);
        double[] v = rows.stream().mapToDouble(x -> x[1]).toArray();
        double[] ap = rows.stream().mapToDouble(x -> x[2]).toArray();
        double cutoffHz = 0.4 * 500.0 / factor;
        if (cutoffHz < 20) {
            v = ZeroPhaseButterworth.lowPass(4, cutoffHz).apply(v, 500);
            ap = ZeroPhaseButterworth.lowPass(4, cutoffHz).apply(ap, 500);
        }
        try (BufferedWriter w = Files.newBufferedWriter(out)) {
            w.write("time_s,acc_vertical_g,acc_ap_g\n");
            for (int i = phase; i < rows.size(); i += factor) {
                w.write(String.format(Locale.ROOT, "%.3f,%.6f,%.6f%n", rows.get(i)[0], v[i], ap[i]));
            }
        }
    }

    private static void cut(Path trial, Path out, double fromS, double toS) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(out)) {
            w.write("time_s,acc_vertical_g,acc_ap_g\n");
            for (double[] x : read(trial)) {
                if (x[0] >= fromS - 1e-9 && x[0] <= toS + 1e-9) {
                    w.write(String.format(Locale.ROOT, "%.3f,%.6f,%.6f%n", x[0], x[1], x[2]));
                }
            }
        }
    }

    /** The trial's time, vertical (clipped at 0 g by the authors) and forward columns. */
    private static List<double[]> read(Path trial) throws IOException {
        List<double[]> rows = new ArrayList<>();
        try (Reader r = Files.newBufferedReader(trial)) {
            for (CSVRecord rec : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
                rows.add(new double[] {Double.parseDouble(rec.get("time_s")),
                        Double.parseDouble(rec.get("acc_vertical_g_clipped")), Double.parseDouble(rec.get("acc_ap_g"))});
            }
        }
        return rows;
    }
}
