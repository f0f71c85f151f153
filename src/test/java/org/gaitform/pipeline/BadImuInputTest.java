package org.gaitform.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.gaitform.batch.BatchListener;
import org.gaitform.batch.BatchResult;
import org.gaitform.batch.Outcome;
import org.gaitform.batch.BatchRunner;
import org.gaitform.model.GaitformException;
import org.gaitform.model.SessionResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad IMU input: a sensor that never moves, an accelerometer clipped at its range, a gyroscope in the wrong unit,
 * a Sensor Logger folder missing its accelerometer — each gives a clear message or warning, nothing is invented,
 * and a batch with them goes on.
 */
class BadImuInputTest {
    private static final Path SAMPLE = Path.of("sample-data", "sacrum_heelstrike_100hz.csv");

    @TempDir
    Path tmp;

    private final SessionPipeline pipeline = new SessionPipeline(AnalysisSettings.defaults());

    @Test
    void aSensorThatNeverMovesIsNotAnalysed() throws IOException {
        StringBuilder sb = new StringBuilder("time_s,acc_x_g,acc_y_g,acc_z_g,gyr_x_dps,gyr_y_dps,gyr_z_dps\n");
        Random r = new Random(1);
        for (int i = 0; i < 3000; i++) {
            sb.append(String.format(Locale.ROOT, "%.3f,%.4f,%.4f,%.4f,%.2f,%.2f,%.2f%n", i / 100.0, 0.02 + 0.002 * r.nextGaussian(),
                    0.01 + 0.002 * r.nextGaussian(), 0.999 + 0.002 * r.nextGaussian(), 0.3 * r.nextGaussian(),
                    0.3 * r.nextGaussian(), 0.3 * r.nextGaussian()));
        }
        Path f = tmp.resolve("desk.csv");
        Files.writeString(f, sb.toString());
        assertThatThrownBy(() -> pipeline.analyse(f, "desk.csv", "desk"))
                .isInstanceOf(GaitformException.class)
                .hasMessageStartingWith("desk.csv: the sensor never moves in 30.0 s")
                .satisfies(e -> assertThat(((GaitformException) e).kind()).isEqualTo(GaitformException.Kind.NOT_ANALYSABLE));
    }

    @Test
    void clippedAccelerometerIsAnalysedWithoutPeakAcceleration() throws IOException {
        List<String> lines = Files.readAllLines(SAMPLE);
        List<String> out = new ArrayList<>();
        out.add(lines.get(0));
        for (String l : lines.subList(1, lines.size())) {
            String[] f = l.split(",");
            for (int c = 1; c <= 3; c++) {
                double v = Math.max(-2.0, Math.min(2.0, Double.parseDouble(f[c])));
                f[c] = String.format(Locale.ROOT, "%.4f", v);
            }
            out.add(String.join(",", f));
        }
        Path f = tmp.resolve("sacrum_clipped.csv");
        Files.write(f, out);
        SessionResult s = pipeline.analyse(f, "sacrum_clipped.csv", "clip");
        assertThat(s.warnings()).anyMatch(w -> w.contains("clipped at the end of its range") && w.contains("+2.00 g"));
        assertThat(s.metric("peak_acc_g")).isNaN();
        assertThat(s.metric("cadence_spm")).isBetween(150.0, 200.0);
    }

    @Test
    void gyroscopeLabelledRadiansButInDegreesIsLeftOut() throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(SAMPLE));
        // the sample's gyroscope is in deg/s; a header claiming rad/s is wrong
        lines.set(0, "time_s,acc_x_g,acc_y_g,acc_z_g,gyr_x (rad/s),gyr_y (rad/s),gyr_z (rad/s)");
        // make the rotation large enough that rad/s is impossible (a wrist-like 200–400 deg/s)
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).split(",");
            f[4] = String.format(Locale.ROOT, "%.2f", 300 * Math.sin(i / 30.0));
            lines.set(i, String.join(",", f));
        }
        Path f = tmp.resolve("sacrum_wrong_gyro_unit.csv");
        Files.write(f, lines);
        SessionResult s = pipeline.analyse(f, "sacrum_wrong_gyro_unit.csv", "gyr");
        assertThat(s.warnings()).anyMatch(w -> w.contains("stated in rad/s") && w.contains("looks like deg/s")
                && w.contains("--gyr-unit dps"));
        assertThat(s.decisions()).noneMatch(d -> d.key().equals("gyr_unit"));
    }

    @Test
    void aBatchWithBadInputsGoesOn() throws IOException {
        Path in = Files.createDirectories(tmp.resolve("in"));
        Files.copy(SAMPLE, in.resolve("good_sacrum.csv"));
        Files.writeString(in.resolve("still.csv"), "t,ax,ay,az\n" + "0,0,0,1\n".repeat(1)
                + java.util.stream.IntStream.range(1, 500).mapToObj(i -> i / 100.0 + ",0,0,1\n")
                .collect(java.util.stream.Collectors.joining()));
        Path logger = Files.createDirectories(in.resolve("phone_export"));
        Files.writeString(logger.resolve("Gyroscope.csv"), "time,seconds_elapsed,z,y,x\n1,0,0,0,0\n");
        Files.writeString(logger.resolve("Accelerometer.csv"), "time,seconds_elapsed,z,y,x\n");
        BatchResult r = new BatchRunner(AnalysisSettings.defaults(), "test").run(List.of(in), tmp.resolve("out"),
                BatchListener.NONE);
        assertThat(r.outcomes()).hasSize(3);
        assertThat(r.okCount()).isEqualTo(1);
        List<String> failed = r.outcomes().stream().filter(o -> !o.ok()).map(Outcome::message).toList();
        assertThat(failed).anyMatch(m -> m.contains("never moves"));
        assertThat(failed).anyMatch(m -> m.contains("phone_export/Accelerometer.csv") && m.contains("a header only"));
        assertThat(Files.readString(r.summaryFile())).contains("failed").contains("ok");
    }
}
