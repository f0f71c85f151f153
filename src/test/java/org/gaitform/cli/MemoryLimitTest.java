package org.gaitform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gaitform.support.ChildJvm;
import org.gaitform.support.HeapProbe;
import org.gaitform.support.LongRecordings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Long recordings (generated here, never committed) are analysed in a JVM limited to 512 MB of heap: a 2-hour
 * trunk IMU recording at 200 Hz with 6 axes (1.44 million rows, about 71 MB of CSV), a 60-minute pose export at
 * 60 fps and a 60-minute marker export at 60 fps.
 */
class MemoryLimitTest {

    @Test
    void twoHoursAt200HzFitIn512Megabytes(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("long_run_2h_sacrum.csv");
        int rows = LongRecordings.writeLongTrunkCsv(csv, 120, 200, 7L);
        assertThat(rows).isEqualTo(1_440_000);
        Path out = dir.resolve("out");
        Path log = dir.resolve("child.log");
        Process p = ChildJvm.start(List.of("-Xmx512m"), HeapProbe.class.getName(),
                List.of("analyze", csv.toString(), "--out", out.toString(), "--progress", "lines"), log);
        boolean finished = p.waitFor(120, TimeUnit.SECONDS);
        if (!finished) {
            p.destroyForcibly();
        }
        String text = Files.readString(log);
        assertThat(finished).as(text).isTrue();
        assertThat(p.exitValue()).as(text).isZero();
        Matcher m = Pattern.compile("peak_live_mb=([0-9.]+)").matcher(text);
        assertThat(m.find()).as(text).isTrue();
        double peakLiveMb = Double.parseDouble(m.group(1));
        System.out.printf("2-hour 200 Hz trunk recording (%.0f MB CSV) in -Xmx512m: %s%n", Files.size(csv) / 1e6,
                text.lines().filter(l -> l.startsWith("heap_probe")).findFirst().orElse(""));
        // measured about 180 MB; a regression that holds several more copies of the signals shows here first
        assertThat(peakLiveMb).as("live heap after GC, MB").isLessThan(320);
        String summary = Files.readString(out.resolve("long_run_2h_sacrum/summary.json"));
        assertThat(summary).contains("\"n_steps\": 19724");
        assertThat(out.resolve("long_run_2h_sacrum/report.pdf")).isNotEmptyFile();
    }

    /**
     * A 60-minute pose export at 60 fps: MediaPipe BlazePose, 33 landmarks × (x, y, z, visibility) — 216,000 frames,
     * 28.5 million values, about 229 MB of CSV — analysed with -Xmx512m. Measured: 12 s, and it still passes with
     * -Xmx320m (the peak is the reading, before the values are narrowed to single precision).
     */
    @Test
    void sixtyMinutePoseExportAt60FpsFitsIn512Megabytes(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("long_run_60min_mediapipe.csv");
        int frames = LongRecordings.writeLongMediaPipeCsv(csv, 60, 60, 7L);
        assertThat(frames).isEqualTo(216_000);
        String summary = analyseIn512Megabytes(dir, csv, "long_run_60min_mediapipe", "--image-size", "1920x1080");
        // the simulated runner: 172 steps/min on a treadmill for the whole hour
        assertThat(number(summary, "cadence_spm")).isCloseTo(172, org.assertj.core.data.Offset.offset(1.0));
        assertThat(number(summary, "n_steps")).isGreaterThan(10_000);
    }

    /**
     * A 60-minute motion-capture export at 60 fps in OpenSim's TRC: 40 markers in mm, 216,000 frames, about 228 MB
     * — analysed with -Xmx512m (measured: 11 s; it passes with -Xmx384m).
     */
    @Test
    void sixtyMinuteTrcAt60FpsFitsIn512Megabytes(@TempDir Path dir) throws Exception {
        Path trc = dir.resolve("long_run_60min.trc");
        int frames = LongRecordings.writeLongTrc(trc, 60, 60, 7L);
        assertThat(frames).isEqualTo(216_000);
        String summary = analyseIn512Megabytes(dir, trc, "long_run_60min");
        assertThat(number(summary, "cadence_spm")).isCloseTo(172, org.assertj.core.data.Offset.offset(1.0));
        assertThat(number(summary, "n_steps")).isGreaterThan(10_000);
    }

    /** Analyses {@code input} in a child JVM with -Xmx512m; returns its summary.json. */
    private static String analyseIn512Megabytes(Path dir, Path input, String sessionId, String... options)
            throws Exception {
        Path out = dir.resolve("out");
        Path log = dir.resolve("child.log");
        List<String> args = new java.util.ArrayList<>(List.of("analyze", input.toString(), "--out", out.toString(),
                "--progress", "lines"));
        args.addAll(List.of(options));
        Process p = ChildJvm.start(List.of("-Xmx512m"), HeapProbe.class.getName(), args, log);
        boolean finished = p.waitFor(240, TimeUnit.SECONDS);
        if (!finished) {
            p.destroyForcibly();
        }
        String text = Files.readString(log);
        assertThat(finished).as(text).isTrue();
        assertThat(p.exitValue()).as(text).isZero();
        System.out.printf("%s (%.0f MB) in -Xmx512m: %s%n", input.getFileName(), Files.size(input) / 1e6,
                text.lines().filter(l -> l.startsWith("heap_probe")).findFirst().orElse(""));
        assertThat(out.resolve(sessionId + "/report.pdf")).isNotEmptyFile();
        return Files.readString(out.resolve(sessionId + "/summary.json"));
    }

    private static double number(String json, String key) {
        Matcher m = Pattern.compile("\"" + key + "\": ([-0-9.eE]+)").matcher(json);
        assertThat(m.find()).as(key + " in " + json).isTrue();
        return Double.parseDouble(m.group(1));
    }
}
