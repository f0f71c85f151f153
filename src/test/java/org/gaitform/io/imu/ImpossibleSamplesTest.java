package org.gaitform.io.imu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.gaitform.guidelines.GuidelineTable;
import org.gaitform.io.ReadOptions;
import org.gaitform.model.Channel;
import org.gaitform.model.GaitformException;
import org.gaitform.model.Placement;
import org.gaitform.model.SessionResult;
import org.gaitform.pipeline.AnalysisSettings;
import org.gaitform.pipeline.SessionPipeline;
import org.gaitform.support.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * One physically impossible row never changes the result (issue 11: in the 100 Hz sacral sample, one row of 1000 g
 * made the placement unknown and emptied contact time, 1e30 g changed the cadence from 176.9 to 209.4 steps/min,
 * 1e6 g with --placement sacrum dropped 36 of 182 steps — all without a word). The corrupted recording gives the
 * clean recording's results within a tight tolerance, with a warning that counts the repaired samples.
 */
class ImpossibleSamplesTest {
    static final Path SACRAL = Path.of("sample-data", "sacrum_heelstrike_100hz.csv");

    static SessionResult analyse(Path f, boolean sacrum) {
        ReadOptions read = sacrum ? new ReadOptions(new ImuReadOptions(new EnumMap<>(Channel.class), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(Placement.SACRUM))) : ReadOptions.DEFAULTS;
        return new SessionPipeline(new AnalysisSettings(read, GuidelineTable.builtIn())).analyse(f,
                f.getFileName().toString(), "s");
    }

    /** The file with cell {@code column} (0-based) of data row {@code row} (1-based, after the header) set. */
    static Path corrupt(Path src, Path dir, int row, int column, String value, int rows) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(src));
        for (int r = row; r < row + rows; r++) {
            String[] f = lines.get(r).split(",", -1);
            f[column] = value;
            lines.set(r, String.join(",", f));
        }
        return Files.write(dir.resolve("corrupt_" + src.getFileName()), lines);
    }

    static void assertSameResults(SessionResult corrupt, SessionResult clean) {
        assertThat(corrupt.placement()).isEqualTo(clean.placement());
        assertThat(corrupt.metric("n_steps")).isEqualTo(clean.metric("n_steps"));
        assertThat(corrupt.metric("cadence_spm")).isCloseTo(clean.metric("cadence_spm"), within(0.1));
        assertThat(corrupt.metric("contact_ms")).isCloseTo(clean.metric("contact_ms"), within(1.0));
        assertThat(corrupt.metric("flight_ms")).isCloseTo(clean.metric("flight_ms"), within(1.0));
        assertThat(corrupt.warnings()).anyMatch(w -> w.startsWith("1 impossible or implausible sample(s) were repaired")
                || w.startsWith("2 impossible or implausible sample(s) were repaired"));
        assertThat(clean.warnings()).noneMatch(w -> w.contains("implausible sample"));
    }

    @ParameterizedTest(name = "{0} in column {1}, --placement sacrum: {2}")
    @CsvSource({"1000, 3, false", "1e30, 3, false", "1e6, 3, true", "-1e6, 1, false", "25, 1, false",
        "100000, 5, false", "4e4, 4, true"})
    void oneImpossibleRowInTheSacralSampleChangesNothing(String value, int column, boolean sacrum, @TempDir Path dir)
            throws IOException {
        SessionResult clean = analyse(SACRAL, sacrum);
        assertThat(clean.metric("n_steps")).isEqualTo(182);
        SessionResult corrupt = analyse(corrupt(SACRAL, dir, 4000, column, value, 1), sacrum);
        assertSameResults(corrupt, clean);
    }

    @Test
    void aSpikeOfTwoRowsAndTheWarningSaysWhereTheFirstIs(@TempDir Path dir) throws IOException {
        SessionResult clean = analyse(SACRAL, false);
        SessionResult corrupt = analyse(corrupt(SACRAL, dir, 2500, 3, "1000", 2), false);
        assertSameResults(corrupt, clean);
        assertThat(corrupt.warnings()).anyMatch(w -> w.contains("2 isolated spike(s) far beyond the rest of the signal (a "
                + "corrupted row, or a knock on the sensor); the first at 24.99 s (acc_z: 1000 as read)"));
        // a spike within the sensor's range, of two rows
        SessionResult within = analyse(corrupt(SACRAL, dir, 2500, 1, "30", 2), false);
        assertSameResults(within, clean);
    }

    @Test
    void aLongStretchOfImpossibleValuesIsADamagedRecordingNotARepair(@TempDir Path dir) throws IOException {
        Path f = corrupt(SACRAL, dir, 3000, 3, "1e6", 40);
        assertThatThrownBy(() -> analyse(f, false)).isInstanceOf(GaitformException.class)
                .hasMessageContaining("from 29.99 s on, acc_z stays beyond the range of any body-worn IMU")
                .hasMessageContaining("for more than 0.1 s: the recording is damaged there");
    }

    @Test
    void oneImpossibleRowInARealForceTreadmillTrialChangesNothing(@TempDir Path dir) throws IOException {
        Path trials = SharedData.require("alcantara2022-sacral-imu-treadmill").resolve("trials");
        Path trial = trials.resolve("trial03_speed3.33_slope0.csv");
        SessionResult clean = analyse(trial, false);
        assertThat(clean.metric("n_steps")).isGreaterThan(10);
        for (String value : List.of("1000", "1e30", "-60")) {
            SessionResult corrupt = analyse(corrupt(trial, dir, 2000, 2, value, 1), false);
            assertSameResults(corrupt, clean);
        }
    }

    /**
     * No false alarms: no real running recording of the shared data (force-treadmill trials, foot sensors, the sample
     * sessions) gets a sample repaired. The GaitPy demo (a GENEActiv at the lower back, ±8 g) has a few single samples
     * of 5–8 g among walking at under 1 g — knocks on the sensor —, and only those are repaired.
     */
    @Test
    void realRecordingsAreLeftAlone() throws IOException {
        List<String> gaitpy = new org.gaitform.io.InputReaders().read(SharedData.require("gaitpy-lumbar-walking")
                .resolve("demo_data.csv"), "demo_data.csv", ReadOptions.DEFAULTS).warnings();
        assertThat(gaitpy).filteredOn(w -> w.contains("implausible sample")).singleElement().asString()
                .matches("[1-9] impossible or implausible sample\\(s\\) were repaired.*isolated spike.*");
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(SharedData.require("alcantara2022-sacral-imu-treadmill").resolve("trials"))) {
            s.filter(p -> p.toString().endsWith(".csv")).sorted().forEach(files::add);
        }
        files.add(SharedData.require("gaitmap-foot-imu-walking").resolve("imu_sample.csv"));
        try (Stream<Path> s = Files.list(Path.of("sample-data"))) {
            s.filter(p -> p.toString().endsWith(".csv") && !p.toString().contains("truth")
                    && !p.toString().contains("openpose")).sorted().forEach(files::add);
        }
        for (Path f : files) {
            List<String> warnings;
            try {
                warnings = new org.gaitform.io.InputReaders().read(f, f.getFileName().toString(), ReadOptions.DEFAULTS)
                        .warnings();
            } catch (GaitformException e) {
                continue; // a file gaitform cannot read as is (it has its own tests)
            }
            assertThat(warnings).as(f.toString()).noneMatch(w -> w.contains("implausible sample"));
        }
    }

    /** A foot sensor's channel at 60 Hz: gravity, a gentle swing and a sharp one-sample landing impact every 0.7 s. */
    private static double[] footChannel(int impacts, java.util.Random rnd) {
        double rateHz = 60;
        int n = (int) Math.round((impacts * 0.7 + 1) * rateHz);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = 1 + 0.8 * Math.sin(2 * Math.PI * i / (0.7 * rateHz)) + 0.05 * rnd.nextGaussian();
        }
        for (int k = 0; k < impacts; k++) {
            x[(int) Math.round((0.5 + 0.7 * k) * rateHz)] += 12 + rnd.nextDouble();
        }
        return x;
    }

    @Test
    void recurringLandingImpactsOfAShortFootRecordingAreTheSignalNotSpikes() {
        // a dozen steps at 60 Hz: each impact is one sample far above everything else, but they recur (issue 11's repair
        // once flattened them, and the foot strike angle of a simulated 60.9 Hz runner moved by up to 12 degrees)
        java.util.Random rnd = new java.util.Random(4);
        double[] x = footChannel(12, rnd);
        double[] before = x.clone();
        double[] t = new double[x.length];
        for (int i = 0; i < t.length; i++) {
            t[i] = i / 60.0;
        }
        ImpossibleSamples.Tally tally = new ImpossibleSamples.Tally();
        java.util.Map<Channel, double[]> ch = new EnumMap<>(Channel.class);
        ch.put(Channel.ACC_Z, x);
        ImpossibleSamples.repairImpossible(ch, t, 60, "foot.csv", "", tally);
        assertThat(x).containsExactly(before);
        assertThat(tally.total()).isZero();
        // one impact alone stands out once: a knock or a corrupted row, repaired with a warning
        double[] one = footChannel(1, rnd);
        double[] t1 = java.util.Arrays.copyOf(t, one.length);
        ch.put(Channel.ACC_Z, one);
        ImpossibleSamples.repairImpossible(ch, t1, 60, "foot.csv", "", tally);
        assertThat(tally.spikes).isEqualTo(1);
    }
}
