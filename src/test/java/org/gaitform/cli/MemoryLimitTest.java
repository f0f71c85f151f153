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
 * A 2-hour trunk IMU recording at 200 Hz with 6 axes (1.44 million rows, about 71 MB of CSV, generated here,
 * never committed) is analysed in a JVM limited to 512 MB of heap.
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

    // EXTENSION POINT (issue 3, once the pose readers are merged): a 60-minute pose export at 60 fps (216,000
    // frames of 33 keypoints) must also be analysed with -Xmx512m — add a test like the one above with a
    // generated MediaPipe/OpenPose CSV, or measure it in the benchmark if it takes longer than a minute.
}
