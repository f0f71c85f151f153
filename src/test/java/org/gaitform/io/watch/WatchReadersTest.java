package org.gaitform.io.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.gaitform.io.InputKind;
import org.gaitform.io.InputReaders;
import org.gaitform.io.ReadOptions;
import org.gaitform.model.Decision;
import org.gaitform.model.GaitformException;
import org.gaitform.model.WatchChannel;
import org.gaitform.model.WatchRecording;
import org.gaitform.support.SharedData;
import org.gaitform.support.SyntheticRun;
import org.gaitform.support.TempDirs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** TCX, GPX and per-second CSV exports written by the tests, read back; cadence normalised to steps/min. */
class WatchReadersTest {
    static final double START = SyntheticRun.epoch(2024, 3, 4, 7);
    static final SyntheticRun RUN = SyntheticRun.flat(START, 600, 3.2, 170);

    @TempDir
    Path tmp;

    private static double median(double[] v) {
        double[] s = Arrays.stream(v).filter(Double::isFinite).sorted().toArray();
        return s[s.length / 2];
    }

    private static String decision(WatchRecording r, String key) {
        return r.decisions().stream().filter(d -> d.key().equals(key)).map(d -> d.value() + " — " + d.reason())
                .findFirst().orElse("");
    }

    private WatchRecording read(String name, String text) throws IOException {
        Path p = TempDirs.write(tmp, name, text);
        return (WatchRecording) new InputReaders().read(p, name, ReadOptions.DEFAULTS);
    }

    @Test
    void tcxPerLegCadenceIsDoubledAndSaidSo() throws IOException {
        WatchRecording r = read("run.tcx", RUN.tcx(false));
        assertThat(r.format()).isEqualTo("tcx");
        assertThat(r.size()).isEqualTo(601);
        assertThat(median(r.channel(WatchChannel.CADENCE_SPM))).isEqualTo(170);
        assertThat(decision(r, "cadence_unit")).startsWith("strides/min, doubled").contains("RunCadence");
        assertThat(r.info()).containsEntry("cadence_source_unit", "strides/min (per leg), doubled")
                .containsEntry("device", "Synthetic Watch");
        assertThat(r.startEpochS()).isEqualTo(START);
        assertThat(r.channel(WatchChannel.DISTANCE_M)[600]).isCloseTo(1920, within(0.01));
        assertThat(median(r.channel(WatchChannel.SPEED_MPS))).isCloseTo(3.2, within(1e-9));
        assertThat(median(r.channel(WatchChannel.HEART_RATE_BPM))).isEqualTo(150);
        assertThat(r.laps()).hasSize(1);
        assertThat(r.has(WatchChannel.CONTACT_MS)).as("TCX has no running dynamics").isFalse();
    }

    @Test
    void tcxWithAlreadyDoubledCadenceIsDetectedAndKept() throws IOException {
        WatchRecording r = read("doubled.tcx", RUN.tcx(true));
        assertThat(median(r.channel(WatchChannel.CADENCE_SPM))).isEqualTo(170);
        assertThat(decision(r, "cadence_unit")).startsWith("steps/min").contains("already counts both feet");
        assertThat(r.info()).containsEntry("cadence_source_unit", "steps/min (already doubled)");
    }

    @Test
    void theCadenceUnitCanBeOverridden() throws IOException {
        Path p = TempDirs.write(tmp, "doubled.tcx", RUN.tcx(true));
        WatchRecording r = new TcxReader().read(p, "doubled.tcx", new WatchReadOptions(CadenceUnit.STRIDES));
        assertThat(median(r.channel(WatchChannel.CADENCE_SPM))).isEqualTo(340);
        assertThat(decision(r, "cadence_unit")).contains("override");
    }

    @Test
    void gpxCadenceDistanceAndSpeedAreRead() throws IOException {
        for (boolean doubled : new boolean[] {false, true}) {
            WatchRecording r = read("run" + doubled + ".gpx", RUN.gpx(doubled));
            assertThat(r.format()).isEqualTo("gpx");
            assertThat(median(r.channel(WatchChannel.CADENCE_SPM))).as("doubled=" + doubled).isEqualTo(170);
            assertThat(decision(r, "cadence_unit")).startsWith(doubled ? "steps/min" : "strides/min, doubled");
            assertThat(r.channel(WatchChannel.DISTANCE_M)[600]).as("distance from positions").isCloseTo(1920,
                    within(1920 * 0.002));
            assertThat(median(r.channel(WatchChannel.SPEED_MPS))).isCloseTo(3.2, within(0.01));
            assertThat(decision(r, "distance_source")).startsWith("positions");
        }
    }

    @Test
    void gzippedExportsAreRead() throws IOException {
        Path p = tmp.resolve("run.tcx.gz");
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(p))) {
            o.write(RUN.tcx(false).getBytes(StandardCharsets.UTF_8));
        }
        assertThat(new InputReaders().kindOf(p)).contains(InputKind.WATCH_TCX);
        WatchRecording r = (WatchRecording) new InputReaders().read(p, "run.tcx.gz", ReadOptions.DEFAULTS);
        assertThat(r.size()).isEqualTo(601);
    }

    @Test
    void strydCsvColumnsAndUnitsAreRecognised() throws IOException {
        Path p = TempDirs.write(tmp, "stryd.csv", RUN.strydCsv());
        assertThat(WatchCsvReader.looksLikeWatchCsv(p)).isTrue();
        WatchRecording r = (WatchRecording) new InputReaders().read(p, "stryd.csv", ReadOptions.DEFAULTS);
        assertThat(r.format()).isEqualTo("csv");
        assertThat(median(r.channel(WatchChannel.CADENCE_SPM))).isEqualTo(170);
        assertThat(median(r.channel(WatchChannel.CONTACT_MS))).isCloseTo(60000 / 170.0 * 0.72, within(0.6));
        assertThat(median(r.channel(WatchChannel.VERTICAL_OSCILLATION_MM))).as("cm → mm").isEqualTo(85);
        assertThat(decision(r, "vertical_oscillation_unit")).startsWith("cm");
        assertThat(decision(r, "time_unit")).startsWith("Unix seconds");
        assertThat(r.startEpochS()).isEqualTo(START);
        assertThat(r.extras()).containsKey("form_power_w");
    }

    /**
     * A field gaitform keeps as exported (the temperature) is named with the unit its values are stored in, whatever
     * the header called it: {@code temperature_degc} from a header without a unit, and from a header in °F, whose
     * values are converted (before, the first was named {@code temperature}, with no unit, and the second
     * {@code temperature_degf} over values in °C).
     */
    @ParameterizedTest
    @ValueSource(strings = {"Temperature", "Temperature (F)", "Temperature (C)"})
    void aKeptFieldIsNamedWithTheUnitOfItsValues(String header) throws IOException {
        String[] lines = RUN.strydCsv().split("\n");
        StringBuilder sb = new StringBuilder(lines[0]).append(',').append(header).append('\n');
        for (int i = 1; i < lines.length; i++) {
            sb.append(lines[i]).append(',').append(header.contains("(F)") ? "68" : "20").append('\n');
        }
        WatchRecording r = read("stryd_temperature.csv", sb.toString());
        assertThat(r.extras()).containsKey("temperature_degc").doesNotContainKeys("temperature", "temperature_degf");
        assertThat(median(r.extras().get("temperature_degc"))).isCloseTo(20, within(1e-9));
    }

    @Test
    void garminFitCsvToolColumnsAreRecognised() throws IOException {
        WatchRecording r = read("garmin.csv", RUN.garminCsv());
        assertThat(median(r.channel(WatchChannel.CADENCE_SPM))).isEqualTo(170);
        assertThat(decision(r, "cadence_unit")).startsWith("strides/min, doubled");
        assertThat(decision(r, "time_unit")).startsWith("FIT time stamps");
        assertThat(r.startEpochS()).isEqualTo(START);
        assertThat(median(r.channel(WatchChannel.CONTACT_BALANCE_LEFT_PCT))).isEqualTo(50.8);
    }

    @Test
    void garminsOwnRecordCsvReadsLikeTheFitFile() throws IOException {
        Path root = SharedData.require("garmin-stryd-fit-exports");
        Path csv = root.resolve("decoded-by-garmin-csvtool/fitparse__garmin-fenix-5-run.record.csv");
        WatchRecording fromCsv = (WatchRecording) new InputReaders().read(csv, "record.csv", ReadOptions.DEFAULTS);
        WatchRecording fromFit = new FitActivityReader().read(root.resolve("fit/fitparse__garmin-fenix-5-run.fit"),
                "run.fit", WatchReadOptions.DEFAULTS);
        assertThat(fromCsv.startEpochS()).isEqualTo(fromFit.startEpochS());
        assertThat(fromCsv.timeS()).containsExactly(fromFit.timeS());
        for (WatchChannel c : new WatchChannel[] {WatchChannel.CADENCE_SPM, WatchChannel.CONTACT_MS,
            WatchChannel.VERTICAL_OSCILLATION_MM, WatchChannel.VERTICAL_RATIO_PCT, WatchChannel.CONTACT_BALANCE_LEFT_PCT,
            WatchChannel.STEP_LENGTH_MM, WatchChannel.DISTANCE_M, WatchChannel.SPEED_MPS, WatchChannel.ALTITUDE_M}) {
            assertThat(fromCsv.channel(c)).as(c.column()).containsExactly(fromFit.channel(c), within(1e-6));
        }
    }

    /**
     * A multisport FIT file's records table holds every sport; Garmin's CSV tool writes the sessions beside it
     * ({@code <name>.session.csv}), and only the records of the running sessions are read, as from the FIT file. The
     * triathlon's table also leaves 10 of its 19 fields empty on the bike, which once made its first fuller rows look
     * like a header.
     */
    @ParameterizedTest
    @ValueSource(strings = {"fitparse__sample_mulitple_header", "fitparse__activity-large-fenxi2-multisport"})
    void garminsOwnRecordCsvOfAMultisportFileReadsLikeTheFitFile(String name) throws IOException {
        Path root = SharedData.require("garmin-stryd-fit-exports");
        Path csv = root.resolve("decoded-by-garmin-csvtool/" + name + ".record.csv");
        WatchRecording fromCsv = (WatchRecording) new InputReaders().read(csv, "record.csv", ReadOptions.DEFAULTS);
        WatchRecording fromFit = new FitActivityReader().read(root.resolve("fit/" + name + ".fit"), "run.fit",
                WatchReadOptions.DEFAULTS);
        assertThat(fromCsv.timeS()).containsExactly(fromFit.timeS());
        for (WatchChannel c : new WatchChannel[] {WatchChannel.CADENCE_SPM, WatchChannel.CONTACT_MS,
            WatchChannel.VERTICAL_OSCILLATION_MM, WatchChannel.DISTANCE_M, WatchChannel.SPEED_MPS}) {
            if (fromFit.channel(c) == null) {
                assertThat(fromCsv.channel(c)).as(c.column()).isNull();
            } else {
                assertThat(fromCsv.channel(c)).as(c.column()).containsExactly(fromFit.channel(c), within(1e-6));
            }
        }
        Decision csvSessions = fromCsv.decisions().stream().filter(d -> d.key().equals("sessions")).findFirst()
                .orElseThrow();
        Decision fitSessions = fromFit.decisions().stream().filter(d -> d.key().equals("sessions")).findFirst()
                .orElseThrow();
        assertThat(csvSessions.value()).isEqualTo(fitSessions.value());
        assertThat(csvSessions.reason()).contains(name + ".session.csv");
    }

    @Test
    void aSessionTableBesideTheRecordsKeepsTheRunningSessionsOnly() throws IOException {
        StringBuilder rec = new StringBuilder("timestamp[s],distance[m],speed[m/s],heart_rate[bpm],cadence[rpm]\n");
        for (int t = 0; t < 600; t++) {
            boolean run = t >= 300;
            rec.append(1_000_000_000L + t).append(',').append(run ? 3 * (t - 300) + 5000 : 8.0 * t).append(',')
                    .append(run ? "3.0" : "8.0").append(",150,").append(run ? 84 : 90).append('\n');
        }
        Path records = TempDirs.write(tmp, "duathlon.record.csv", rec.toString());
        TempDirs.write(tmp, "duathlon.session.csv", "timestamp[s],start_time,total_elapsed_time[s],sport\n"
                + "1000000299,1000000000,299.0,2\n1000000599,1000000300,299.0,1\n");
        WatchRecording r = (WatchRecording) new InputReaders().read(records, "duathlon.record.csv",
                ReadOptions.DEFAULTS);
        assertThat(r.timeS()).hasSize(300);
        assertThat(r.channel(WatchChannel.SPEED_MPS)).containsOnly(3.0);
        assertThat(r.decisions()).anySatisfy(d -> {
            assertThat(d.key()).isEqualTo("sessions");
            assertThat(d.value()).isEqualTo("1 running of 2");
            assertThat(d.reason()).contains("skipped: cycling");
        });
        assertThat(r.decisions()).anySatisfy(d -> assertThat(d.key() + "=" + d.value())
                .isEqualTo("records_outside_running=300"));
        // a table of rides only: nothing to analyse, and the message says why
        TempDirs.write(tmp, "duathlon.session.csv", "timestamp[s],start_time,total_elapsed_time[s],sport\n"
                + "1000000599,1000000000,599.0,2\n");
        assertThatThrownBy(() -> new InputReaders().read(records, "duathlon.record.csv", ReadOptions.DEFAULTS))
                .isInstanceOf(GaitformException.class).hasMessageContaining("duathlon.record.csv")
                .hasMessageContaining("no running in this file").hasMessageContaining("1 session(s) of cycling");
    }

    @Test
    void imuExportsAreNotTakenForWatchExports() throws IOException {
        Path p = TempDirs.write(tmp, "imu.csv", "time,acc_x,acc_y,acc_z,cadence,stance_time\n0,0,0,1,80,250\n");
        assertThat(WatchCsvReader.looksLikeWatchCsv(p)).isFalse();
    }

    @Test
    void otherSportsAndEmptyExportsAreRefusedClearly() throws IOException {
        String bike = RUN.tcx(false).replace("Sport=\"Running\"", "Sport=\"Biking\"");
        assertThatThrownBy(() -> read("bike.tcx", bike)).isInstanceOf(GaitformException.class)
                .hasMessageContaining("bike.tcx").hasMessageContaining("no running").hasMessageContaining("Biking");
        String ride = RUN.gpx(false).replace("<type>running</type>", "<type>cycling</type>");
        assertThatThrownBy(() -> read("ride.gpx", ride)).hasMessageContaining("ride.gpx")
                .hasMessageContaining("'cycling'");
        assertThatThrownBy(() -> read("route.gpx", "<gpx><rte><rtept lat=\"1\" lon=\"2\"/></rte></gpx>"))
                .hasMessageContaining("no track points");
        assertThatThrownBy(() -> read("broken.tcx", RUN.tcx(false).substring(0, 3000) + "<<"))
                .isInstanceOf(GaitformException.class).hasMessageContaining("broken.tcx: line");
        assertThatThrownBy(() -> read("other.tcx", "<?xml version=\"1.0\"?><html></html>"))
                .hasMessageContaining("expected a TCX file");
        String badNumber = RUN.strydCsv().replaceFirst("\n(\\d+),", "\n$1,abc");
        assertThatThrownBy(() -> read("bad.csv", badNumber)).isInstanceOf(GaitformException.class)
                .hasMessageContaining("bad.csv: line 2, column 'Distance (m)'").hasMessageContaining("'abc");
    }

    @Test
    void cadenceDetectionUsesSpeedAndValues() {
        double[] perLeg = new double[60];
        double[] doubled = new double[60];
        double[] speed = new double[60];
        Arrays.fill(perLeg, 82);
        Arrays.fill(doubled, 164);
        Arrays.fill(speed, 3.0);
        assertThat(CadenceUnits.normalise(perLeg, speed, CadenceUnit.AUTO, "x").factor()).isEqualTo(2);
        assertThat(CadenceUnits.normalise(doubled, speed, CadenceUnit.AUTO, "x").factor()).isEqualTo(1);
        assertThat(CadenceUnits.normalise(perLeg, null, CadenceUnit.AUTO, "x").factor()).isEqualTo(2);
        assertThat(CadenceUnits.normalise(doubled, null, CadenceUnit.AUTO, "x").factor()).isEqualTo(1);
        Decision d = CadenceUnits.normalise(new double[] {0, 0}, null, CadenceUnit.AUTO, "x").decision();
        assertThat(d.value()).isEqualTo("none");
    }

    /**
     * The sports skipped in a multisport file are named in the session table's order, the same on every run (they
     * came out in an order that changed from run to run, so a dataset's sessions table differed between two runs).
     */
    @Test
    void skippedSportsKeepTheTablesOrder() {
        List<String> one = List.of("transition", "cycling", "generic", "swimming");
        List<String> two = List.of("swimming", "generic", "cycling", "transition");
        for (List<String> order : List.of(one, two)) {
            FitCsvSessions s = new FitCsvSessions(List.of(), new java.util.LinkedHashSet<>(order), 5, "t.session.csv");
            assertThat(List.copyOf(s.otherSports())).isEqualTo(order);
        }
    }
}
