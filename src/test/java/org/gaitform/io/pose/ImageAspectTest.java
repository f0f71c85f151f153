package org.gaitform.io.pose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.gaitform.guidelines.GuidelineTable;
import org.gaitform.io.InputReaders;
import org.gaitform.io.ReadOptions;
import org.gaitform.io.imu.ImuReadOptions;
import org.gaitform.model.Decision;
import org.gaitform.model.GaitformException;
import org.gaitform.model.PoseRecording;
import org.gaitform.model.SessionResult;
import org.gaitform.pipeline.AnalysisSettings;
import org.gaitform.pipeline.SessionPipeline;
import org.gaitform.simulate.PinholeCamera;
import org.gaitform.simulate.PoseRunnerSimulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The picture's shape found from the legs when keypoints are shares of the picture's width and height without its
 * size ({@link ImageAspect}): side views, real and simulated, whose pixels are divided by a landscape, portrait or
 * square size must give that size's shape, and then the steps and angles of the pixels; views from behind, where the
 * legs hardly turn in the picture, must leave it unknown and say so.
 */
class ImageAspectTest {
    @TempDir
    Path dir;

    private static final Path REAL = Path.of("..", "shared", "data", "openpose-running-side",
            "openpose_body25_side.csv");
    private static final Path SAMPLE = Path.of("sample-data", "video_side_openpose_30fps.csv");

    private static ReadOptions fps30() {
        return fps(30);
    }

    private static ReadOptions fps(double fps) {
        return new ReadOptions(ImuReadOptions.DEFAULTS, new PoseReadOptions(Optional.of(fps), Optional.empty(),
                Optional.empty(), Optional.empty(), java.util.Map.of(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));
    }

    private static SessionResult analyse(Path p) {
        return analyse(p, fps30());
    }

    private static SessionResult analyse(Path p, ReadOptions o) {
        return new SessionPipeline(new AnalysisSettings(o, GuidelineTable.builtIn())).analyse(p,
                p.getFileName().toString(), "s");
    }

    /** A keypoint table in pixels ({@code _x, _y, _c} columns) with x divided by {@code w} and y by {@code h}. */
    private Path normalised(Path table, double w, double h, String name) throws IOException {
        List<String> lines = Files.readAllLines(table);
        String[] head = lines.get(0).split(",", -1);
        StringBuilder sb = new StringBuilder(lines.get(0)).append('\n');
        for (String line : lines.subList(1, lines.size())) {
            String[] v = line.split(",", -1);
            for (int i = 0; i < v.length; i++) {
                boolean x = head[i].endsWith("_x");
                boolean y = head[i].endsWith("_y");
                if ((x || y) && !v[i].isEmpty() && Double.parseDouble(v[i]) != 0) {
                    v[i] = String.format(Locale.ROOT, "%.6f", Double.parseDouble(v[i]) / (x ? w : h));
                }
            }
            sb.append(String.join(",", v)).append('\n');
        }
        return Files.writeString(dir.resolve(name), sb.toString());
    }

    private static Optional<Decision> decision(PoseRecording r, String key) {
        return r.decisions().stream().filter(d -> d.key().equals(key)).findFirst();
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"1920,1080,16:9", "1920,3413,9:16", "1920,1920,1:1", "2560,1920,4:3", "1920,2560,3:4"})
    void theRealSideViewClipGivesTheShapeItsPixelsWereDividedBy(int w, int h, String shape) throws IOException {
        assumeTrue(Files.isRegularFile(REAL), "../shared/data/openpose-running-side is absent: real clip not checked");
        PoseRecording r = (PoseRecording) new InputReaders().read(normalised(REAL, w, h, "real.csv"), "real", fps30());
        assertThat(decision(r, "image_aspect")).get().satisfies(d -> {
            assertThat(d.value()).as(d.reason()).isEqualTo(shape);
            double estimate = Double.parseDouble(d.reason().replaceAll(".* its width ([0-9.]+) times .*", "$1"));
            System.out.printf(Locale.ROOT, "real side-view clip divided by %dx%d (%.3f): %s%n", w, h, (double) w / h,
                    d.reason());
            assertThat(estimate).as(d.reason()).isCloseTo((double) w / h, within(0.03 * w / h));
        });
        assertThat(r.warnings()).noneMatch(x -> x.contains("square"));
    }

    /** The sample side view divided by a 16:9 size gives the steps, trunk lean and verdict of its pixels. */
    @Test
    void theSampleDividedByItsSizeGivesTheStepsAndAnglesOfItsPixels() throws IOException {
        SessionResult px = analyse(SAMPLE);
        SessionResult norm = analyse(normalised(SAMPLE, 1920, 1080, "sample_normalised.csv"));
        assertThat(norm.decisions()).filteredOn(d -> d.key().equals("image_aspect")).singleElement()
                .satisfies(d -> assertThat(d.value()).isEqualTo("16:9"));
        assertThat(norm.steps()).hasSameSizeAs(px.steps());
        for (int i = 0; i < px.steps().size(); i++) {
            assertThat(norm.steps().get(i).icS()).isCloseTo(px.steps().get(i).icS(), within(1e-3));
        }
        for (String m : List.of("trunk_lean_deg", "overstride_pct_leg", "foot_strike_angle_deg", "cadence_spm")) {
            assertThat(norm.metric(m)).as(m).isCloseTo(px.metric(m), within(0.05));
        }
        assertThat(norm.quality().checks()).noneMatch(q -> q.id().equals("image_aspect_assumed"));
        assertThat(norm.quality().verdict()).isEqualTo(px.quality().verdict());
    }

    /**
     * Seen from behind the legs hardly turn in the picture: the shape stays unknown, and the warning says so; squeezed
     * square, this view loses its contacts, and the refusal says to give the picture's size.
     */
    @Test
    void aViewFromBehindLeavesTheShapeUnknown() throws IOException {
        PoseRunnerSimulator r = new PoseRunnerSimulator(60, 6, 170, 0.26, 3.0, 8.0, 0.20, 15, 6, 0.03, false);
        // a runner moving away from 3 m, the camera at hip height (as PoseStrikePropertyTest films them)
        PinholeCamera cam = new PinholeCamera(PinholeCamera.Placement.BEHIND, 3, 1.0, 1400, 1920, 1080);
        Path px = Files.writeString(dir.resolve("behind_px.csv"), r.cameraKeypointTable(cam, r.beltMps(), 0.5, 3));
        Path norm = normalised(px, 1920, 1080, "behind.csv");
        PoseRecording rec = (PoseRecording) new InputReaders().read(norm, "behind", fps(60));
        assertThat(decision(rec, "image_aspect")).isEmpty();
        assertThat(rec.warnings()).anyMatch(x -> x.contains("as if the image were square"));
        SessionResult inPixels = analyse(px, fps(60));
        assertThat(inPixels.steps()).hasSizeGreaterThan(15);
        assertThat(inPixels.quality().checks()).noneMatch(q -> q.id().equals("image_aspect_assumed"));
        // squeezed to a square, the contacts of this view are lost: the refusal says why and what to give
        assertThatThrownBy(() -> analyse(norm, fps(60))).isInstanceOf(GaitformException.class)
                .hasMessageContaining("foot contact(s) found").hasMessageContaining("give --image-size WxH");
    }

    /** A simulated side view at 60 fps, divided by a portrait size. */
    @Test
    void aSimulatedSideViewInPortrait() throws IOException {
        PoseRunnerSimulator r = PoseRunnerSimulator.typical();
        PinholeCamera cam = new PinholeCamera(PinholeCamera.Placement.SIDE, 5, 1.0, 1400, 1080, 1920);
        Path px = Files.writeString(dir.resolve("side_px.csv"), r.cameraKeypointTable(cam, 0, 1.0, 5));
        PoseRecording rec = (PoseRecording) new InputReaders().read(normalised(px, 1080, 1920, "side.csv"), "side",
                fps(150));
        assertThat(decision(rec, "image_aspect")).get().satisfies(d -> assertThat(d.value()).isEqualTo("9:16"));
    }

    /**
     * A ratio far from every video shape is not taken: the sample with its forward distances shrunk by 30 %, as a view
     * at about 45° to the runner's path shrinks them, reads a ratio of about 2.5 in a 16:9 picture.
     */
    @Test
    void aRatioNoVideoHasIsNotTaken() throws IOException {
        Path squeezed = normalised(SAMPLE, 1920 / 0.7, 1080, "oblique.csv");
        PoseRecording rec = (PoseRecording) new InputReaders().read(squeezed, "oblique", fps30());
        assertThat(decision(rec, "image_aspect")).isEmpty();
        assertThat(rec.warnings()).anyMatch(w -> w.contains("as if the image were square")
                && w.contains("not a common video shape") && w.contains("not taken"));
        assertThat(analyse(squeezed).quality().checks()).anyMatch(q -> q.id().equals("image_aspect_assumed"));
    }
}
