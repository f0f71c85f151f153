package org.gaitform.io.pose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.gaitform.guidelines.GuidelineTable;
import org.gaitform.io.ReadOptions;
import org.gaitform.model.Decision;
import org.gaitform.model.SessionResult;
import org.gaitform.pipeline.AnalysisSettings;
import org.gaitform.pipeline.SessionPipeline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keypoint files that record no frame rate, with the video they were made from beside them: the video's header gives
 * the frame rate (and the picture's size for normalised coordinates), instead of an assumed 30 fps that makes the
 * times doubtful.
 */
class VideoBesideTest {
    @TempDir
    Path dir;

    private static final Path SAMPLE = Path.of("sample-data", "video_side_openpose_30fps.csv");
    private static final Path REAL_JSON = Path.of("..", "shared", "data", "openpose-running-side", "json");

    private static SessionResult analyse(Path p) {
        return new SessionPipeline(new AnalysisSettings(ReadOptions.DEFAULTS, GuidelineTable.builtIn())).analyse(p,
                p.getFileName().toString(), "s");
    }

    private static Optional<Decision> decision(SessionResult r, String key) {
        return r.decisions().stream().filter(d -> d.key().equals(key)).findFirst();
    }

    @Test
    void aKeypointTableTakesTheFrameRateOfItsVideo() throws IOException {
        SessionResult assumed = analyse(Files.copy(SAMPLE, dir.resolve("alone.csv")));
        assertThat(decision(assumed, "frame_rate_hz")).get().satisfies(d -> assertThat(d.reason()).contains("assumed"));
        assertThat(assumed.quality().checks()).anyMatch(q -> q.id().equals("frame_rate_assumed") && q.failed());

        // the same keypoints from a 60 fps video: every time halves, the cadence doubles, nothing is assumed
        Path csv = Files.copy(SAMPLE, dir.resolve("run_keypoints.csv"));
        Files.write(dir.resolve("run.mp4"), VideoHeadersTest.mp4(1920, 1080, 60000, 1000, 600));
        SessionResult r = analyse(csv);
        assertThat(decision(r, "frame_rate_hz")).get().satisfies(d -> {
            assertThat(d.value()).isEqualTo("60");
            assertThat(d.reason()).contains("the video beside the keypoints (run.mp4)", "60.000 fps");
        });
        // (not exactly twice: the smoothing follows the frame rate)
        assertThat(r.metric("cadence_spm")).isCloseTo(2 * assumed.metric("cadence_spm"), within(1.0));
        assertThat(r.quality().checks()).noneMatch(q -> q.id().equals("frame_rate_assumed"));
        assertThat(r.warnings()).noneMatch(w -> w.contains("30 fps was assumed"));
    }

    /** Normalised coordinates take the video's size: a portrait video's keypoints, written as shares of it. */
    @Test
    void normalisedKeypointsTakeTheSizeOfTheirVideo() throws IOException {
        StringBuilder sb = new StringBuilder();
        java.util.List<String> lines = Files.readAllLines(SAMPLE);
        String[] head = lines.get(0).split(",", -1);
        sb.append(lines.get(0)).append('\n');
        for (String line : lines.subList(1, lines.size())) {
            String[] v = line.split(",", -1);
            for (int i = 0; i < v.length; i++) {
                if ((head[i].endsWith("_x") || head[i].endsWith("_y")) && !v[i].isEmpty()) {
                    v[i] = String.format(java.util.Locale.ROOT, "%.6f", Double.parseDouble(v[i])
                            / (head[i].endsWith("_x") ? 1920 : 1080));
                }
            }
            sb.append(String.join(",", v)).append('\n');
        }
        Path csv = Files.writeString(dir.resolve("clip.csv"), sb.toString());
        Files.write(dir.resolve("clip.MOV"), VideoHeadersTest.mp4(1920, 1080, 30000, 1000, 300));
        SessionResult r = analyse(csv);
        assertThat(decision(r, "image_size")).get().satisfies(d -> {
            assertThat(d.value()).isEqualTo("1920x1080");
            assertThat(d.reason()).contains("clip.MOV");
        });
        assertThat(decision(r, "image_aspect")).isEmpty();
        assertThat(r.metric("trunk_lean_deg")).isCloseTo(analyse(SAMPLE).metric("trunk_lean_deg"), within(0.01));
    }

    /** OpenPose's frames are named after the video: the video beside their folder gives the frame rate. */
    @Test
    void anOpenPoseFolderTakesTheFrameRateOfTheVideoBesideIt() throws IOException {
        assumeTrue(Files.isDirectory(REAL_JSON), "../shared/data/openpose-running-side is absent: not checked");
        Path json = Files.createDirectories(dir.resolve("json"));
        try (var files = Files.list(REAL_JSON)) {
            for (Path f : files.toList()) {
                Files.copy(f, json.resolve(f.getFileName()));
            }
        }
        SessionResult assumed = analyse(json);
        Files.write(dir.resolve("normal_side.mp4"), VideoHeadersTest.mp4(1920, 1080, 60, 1, 88));
        SessionResult r = analyse(json);
        assertThat(decision(r, "frame_rate_hz")).get().satisfies(d -> {
            assertThat(d.value()).isEqualTo("60");
            assertThat(d.reason()).contains("normal_side.mp4");
        });
        // the same as the frame rate given with --fps, and not the 30 fps assumed without the video
        SessionResult given = new SessionPipeline(new AnalysisSettings(new ReadOptions(
                org.gaitform.io.imu.ImuReadOptions.DEFAULTS, new PoseReadOptions(Optional.of(60.0), Optional.empty(),
                Optional.empty(), Optional.empty(), java.util.Map.of(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty())),
                GuidelineTable.builtIn())).analyse(json, "json", "s");
        assertThat(r.metric("cadence_spm")).isEqualTo(given.metric("cadence_spm"));
        assertThat(r.steps()).hasSameSizeAs(given.steps());
        assertThat(r.metric("cadence_spm")).isNotCloseTo(assumed.metric("cadence_spm"), within(10.0));
    }

    @Test
    void theVideosNameMustMatch() throws IOException {
        Path csv = Files.copy(SAMPLE, dir.resolve("run.csv"));
        Files.write(dir.resolve("another.mp4"), VideoHeadersTest.mp4(1920, 1080, 60000, 1000, 600));
        Files.writeString(dir.resolve("run.mp4.txt"), "not a video");
        assertThat(decision(analyse(csv), "frame_rate_hz")).get()
                .satisfies(d -> assertThat(d.reason()).contains("assumed"));
        assertThat(VideoHeaders.beside(java.util.List.of(dir), "run_pose")).isEmpty();
        Files.write(dir.resolve("run.avi"), VideoHeadersTest.avi(40_000, 720, 576));
        assertThat(VideoHeaders.beside(java.util.List.of(dir), "run_pose")).get()
                .satisfies(h -> assertThat(h.fps()).isCloseTo(25, within(1e-9)));
    }
}
