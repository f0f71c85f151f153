package org.gaitform.accuracy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.gaitform.accuracy.AlcantaraAccuracyTest.Analysed;
import org.gaitform.accuracy.AlcantaraAccuracyTest.Ref;
import org.gaitform.accuracy.AlcantaraAccuracyTest.Trial;
import org.gaitform.events.TrunkAlignment;
import org.gaitform.model.FindingStatus;
import org.gaitform.model.Placement;
import org.gaitform.model.Quality;
import org.gaitform.model.SessionResult;
import org.gaitform.quality.QualityChecks;
import org.gaitform.simulate.FootImuSimulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The raw-axis trunk path on real recordings: Alcantara's 18 force-plate trials (a vertical and a forward column, as
 * recorded) turned into a uniformly random sensor frame each (seeded; the foot simulator's rotations) and written as {@code acc_x, acc_y, acc_z}, so that
 * gaitform finds the placement (no gyroscope: a steady tilt, so the trunk) and the vertical from gravity itself
 * ({@code TrunkAlignment}) as it does for any raw-axis export.
 *
 * <p>Cadence and initial contacts must meet issue 13's targets as they do on the columns as recorded. Contact time is a
 * named gap: the contacts come out long, either because the toe-off latency (25 ms) and the simulator were set on
 * Alcantara's tilted column and do not fit gravity's vertical, or because these trials mislead (their vertical was
 * clipped at 0 g by the data's authors, so their gravity estimate is 1.13–1.37 g long and the vertical found from it leans
 * by an unknown angle; docs/quality.md, "raw-axis exports"). The sessions must not be called good and their contact
 * times must not be judged (the quality check {@code gravity_magnitude}). The test prints the figures, holds them to
 * the ones the report quotes, and fails when the gap closes, so that the docs are updated.
 */
class RawAxisTrunkAccuracyTest {
    /** Mean contact-time error over the 18 trials above which the raw-axis path is still the named gap (ms). */
    static final double GAP_MS = 15;

    @TempDir
    Path tmp;

    @Test
    void alcantaraTurnedIntoRandomSensorFrames() throws IOException {
        Random rnd = new Random(13);
        List<double[][]> rotations = new ArrayList<>();
        List<double[]> clipped = new ArrayList<>();
        List<Analysed> analysed = AlcantaraAccuracyTest.analyse(tmp, (trial, contacts, to) -> {
            double[][] rot = FootImuSimulator.randomRotation(rnd);
            rotations.add(rot);
            clipped.add(writeTurned(trial, to, rot, contacts));
        });
        List<Trial> trials = new ArrayList<>();
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%nAlcantara 2022 turned into random sensor "
                + "frames (raw axes, vertical found by gaitform)%n%-31s %-8s %5s %8s %9s %8s %9s %8s %8s  %s%n", "trial",
                "role", "found", "matched", "cad err", "IC bias", "GCT err", "tilt", "gravity", "verdict"));
        for (int i = 0; i < analysed.size(); i++) {
            Trial t = analysed.get(i).trial();
            SessionResult s = analysed.get(i).session();
            double[][] rot = rotations.get(i);
            String file = t.file();
            trials.add(t);
            out.append(String.format(Locale.ROOT, "%-31s %-8s %5d %7.1f%% %+9.2f %+5.1f ms %+6.1f ms %6.1f° %8s  %s%n", file,
                    t.role(), t.found(), t.matchedPct(), t.cadenceErrSpm(), t.icBiasMs(), t.contactErrMs(),
                    Math.toDegrees(Math.acos(Math.abs(rot[2][2]))), meanAcceleration(s), s.quality().verdict().label()));
            assertThat(s.placement()).as(file + ": placement found from the signal").isEqualTo(Placement.SACRUM);
            assertThat(s.info().get("measurement_kind")).as(file).isEqualTo("trunk-imu");
            assertThat(s.info().get("accuracy")).as(file + ": the report says so").contains("found from gravity",
                    "27 ms on average");
            assertThat(s.findings()).filteredOn(f -> f.metricKey().equals("contact_ms")).isNotEmpty().allSatisfy(f ->
                    assertThat(f.uncertainty()).as(file + ": contact time's ± is the raw-axis one")
                            .isGreaterThanOrEqualTo(35));
            // the contract of issue 13: a session whose contact time may be 25 ms off is not called good, and its
            // contact-time finding is shown without a verdict: here because the turned trials' gravity estimate is
            // not 1 g long (the vertical column was clipped at 0 g by the data's authors)
            assertThat(s.quality().verdict()).as(file + ": verdict").isNotEqualTo(Quality.GOOD);
            assertThat(s.quality().checks()).as(file).anySatisfy(c -> assertThat(c.id())
                    .isEqualTo("gravity_magnitude"));
            assertThat(s.findings()).filteredOn(f -> f.metricKey().equals("contact_ms")).allSatisfy(f ->
                    assertThat(f.status()).as(file + ": contact time not judged")
                            .isEqualTo(FindingStatus.NOT_JUDGED));
            assertThat(s.findings()).filteredOn(f -> f.metricKey().equals("cadence_spm")).isNotEmpty().allSatisfy(f ->
                    assertThat(f.status()).as(file + ": cadence still judged").isNotEqualTo(FindingStatus.NOT_JUDGED));
        }
        double meanErr = trials.stream().mapToDouble(Trial::contactErrMs).average().orElseThrow();
        int found = trials.stream().mapToInt(t -> (int) Math.round(t.matchedPct() * t.refs() / 100)).sum();
        out.append(String.format(Locale.ROOT, "contacts within 40 ms %d/%d; cadence MAE %.2f steps/min (worst %.2f); "
                + "contact-time error mean %+.1f ms, range %+.1f … %+.1f ms; KNOWN GAP: contact time of raw-axis trunk "
                + "exports%n", found, trials.stream().mapToInt(Trial::refs).sum(),
                AlcantaraAccuracyTest.mae(trials, Trial::cadenceErrSpm),
                AlcantaraAccuracyTest.worst(trials, Trial::cadenceErrSpm), meanErr,
                trials.stream().mapToDouble(Trial::contactErrMs).min().orElseThrow(),
                trials.stream().mapToDouble(Trial::contactErrMs).max().orElseThrow()));
        // why these trials may mislead (docs/quality.md): the vertical column was clipped at 0 g, and in flight,
        // where a sensor in free fall reads 0 g on every axis, the forward column does not
        out.append(String.format(Locale.ROOT, "in flight (force plate unloaded) per trial: vertical exactly 0 g in %.0f–%.0f %% "
                + "of the samples, forward column %+.2f … %+.2f g on average%n",
                clipped.stream().mapToDouble(c -> c[0]).min().orElseThrow(),
                clipped.stream().mapToDouble(c -> c[0]).max().orElseThrow(),
                clipped.stream().mapToDouble(c -> c[1]).min().orElseThrow(),
                clipped.stream().mapToDouble(c -> c[1]).max().orElseThrow()));
        System.out.println(out);
        assertThat(trials).hasSize(18).allSatisfy(t -> assertThat(Math.abs(t.cadenceErrSpm()))
                .as(t.file() + " cadence error").isLessThanOrEqualTo(AlcantaraAccuracyTest.MAX_CADENCE_ERROR_SPM));
        int refs = trials.stream().mapToInt(Trial::refs).sum();
        double matched = trials.stream().mapToDouble(t -> t.matchedPct() * t.refs() / 100).sum();
        assertThat(100 * matched / refs).as("force-plate contacts found within 40 ms, all trials")
                .isGreaterThanOrEqualTo(AlcantaraAccuracyTest.MIN_MATCHED_PCT);
        assertThat(meanErr).as("the raw-axis contact-time gap is closed: update docs/quality.md and this test")
                .isGreaterThan(GAP_MS);
        // the figures the quality sentence, the report's accuracy paragraph and measurement-uncertainty.csv quote
        assertThat(meanErr).as("mean error as quoted (QualityChecks.RAW_TRUNK_CONTACT_ERR_MEAN_MS)")
                .isCloseTo(QualityChecks.RAW_TRUNK_CONTACT_ERR_MEAN_MS, within(1.0));
        assertThat(trials.stream().mapToDouble(Trial::contactErrMs).min().orElseThrow()).as("smallest error as quoted")
                .isCloseTo(QualityChecks.RAW_TRUNK_CONTACT_ERR_MIN_MS, within(1.0));
        assertThat(trials.stream().mapToDouble(Trial::contactErrMs).max().orElseThrow()).as("largest error as quoted")
                .isCloseTo(QualityChecks.RAW_TRUNK_CONTACT_ERR_MAX_MS, within(1.0));
    }

    /** The mean length of the session's gravity estimate (the decision {@code gravity_estimate_g}), or "-". */
    static String meanAcceleration(SessionResult s) {
        return s.decisions().stream().filter(d -> d.key().equals(TrunkAlignment.GRAVITY_ESTIMATE))
                .map(d -> d.value() + " g").findFirst().orElse("-");
    }

    /**
     * The trial's forward and vertical columns turned by {@code rot} into sensor axes x, y, z; returns, over the
     * flights between the force plate's contacts, the share of samples whose vertical reads exactly 0 g (%) and the
     * forward column's mean (g).
     */
    private static double[] writeTurned(Path trial, Path raw, double[][] rot, List<Ref> contacts) throws IOException {
        int zero = 0;
        int inFlight = 0;
        double forward = 0;
        try (Reader r = Files.newBufferedReader(trial); BufferedWriter w = Files.newBufferedWriter(raw)) {
            w.write("time_s,acc_x,acc_y,acc_z\n");
            for (CSVRecord rec : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
                double[] body = {Double.parseDouble(rec.get("acc_ap_g")), 0,
                        Double.parseDouble(rec.get("acc_vertical_g_clipped"))};
                double t = Double.parseDouble(rec.get("time_s"));
                for (int k = 0; k + 1 < contacts.size(); k++) {
                    if (t >= contacts.get(k).toS() && t < contacts.get(k + 1).icS()) {
                        inFlight++;
                        zero += body[2] == 0 ? 1 : 0;
                        forward += body[0];
                        break;
                    }
                }
                double[] s = new double[3];
                for (int i = 0; i < 3; i++) {
                    for (int j = 0; j < 3; j++) {
                        s[i] += rot[i][j] * body[j];
                    }
                }
                w.write(String.format(Locale.ROOT, "%s,%.6f,%.6f,%.6f%n", rec.get("time_s"), s[0], s[1], s[2]));
            }
        }
        return new double[] {100.0 * zero / inFlight, forward / inFlight};
    }
}
