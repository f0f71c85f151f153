package org.gaitform.io.pose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntPredicate;
import org.gaitform.guidelines.GuidelineTable;
import org.gaitform.io.InputKind;
import org.gaitform.io.InputReaders;
import org.gaitform.io.ReadOptions;
import org.gaitform.io.imu.ImuReadOptions;
import org.gaitform.model.Decision;
import org.gaitform.model.GaitformException;
import org.gaitform.model.PoseRecording;
import org.gaitform.model.SessionResult;
import org.gaitform.model.Step;
import org.gaitform.pipeline.AnalysisSettings;
import org.gaitform.pipeline.SessionPipeline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The labels folder of an Ultralytics YOLO pose model ({@code yolo pose predict source=run.mp4 save_txt=True}): the
 * sample side-view video, its COCO-17 keypoints written as such a folder, gives the steps of the same 17 keypoints in
 * a table; the picture's size and frame rate come from the options or from the video the predictor wrote beside it.
 */
class YoloPoseLabelsReaderTest {
    @TempDir
    Path dir;

    private final InputReaders readers = new InputReaders();
    private static final Path SAMPLE = Path.of("sample-data", "video_side_openpose_30fps.csv");
    private static final int W = 1920;
    private static final int H = 1080;

    private static ReadOptions options(Optional<Double> fps, boolean size, Optional<Integer> person) {
        return new ReadOptions(ImuReadOptions.DEFAULTS, new PoseReadOptions(fps,
                size ? Optional.of(W) : Optional.empty(),
                size ? Optional.of(H) : Optional.empty(), Optional.empty(), Map.of(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), person));
    }

    private static SessionResult analyse(Path p, ReadOptions o) {
        return new SessionPipeline(new AnalysisSettings(o, GuidelineTable.builtIn())).analyse(p,
                p.getFileName().toString(), "s");
    }

    private PoseRecording sample() throws IOException {
        return (PoseRecording) readers.read(SAMPLE, "sample", options(Optional.of(30.0), false, Optional.empty()));
    }

    /** One label line as Ultralytics writes it: class, box, keypoints as shares of the picture, then extras. */
    private static String line(double[] v, String extras) {
        double minX = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < 17; k++) {
            if (v[3 * k + 2] > 0) {
                minX = Math.min(minX, v[3 * k]);
                maxX = Math.max(maxX, v[3 * k]);
                minY = Math.min(minY, v[3 * k + 1]);
                maxY = Math.max(maxY, v[3 * k + 1]);
            }
        }
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "0 %.6f %.6f %.6f %.6f", (minX + maxX) / 2 / W,
                (minY + maxY) / 2 / H, (maxX - minX) / W, (maxY - minY) / H));
        for (int k = 0; k < 17; k++) {
            boolean seen = v[3 * k + 2] > 0;
            // an unseen point: Ultralytics writes every point, with the model's low confidence
            sb.append(String.format(Locale.ROOT, " %.6f %.6f %.5f", seen ? v[3 * k] / W : 0.5, seen ? v[3 * k + 1] / H
                    : 0.5, seen ? v[3 * k + 2] : 0.01));
        }
        return sb.append(extras).append('\n').toString();
    }

    /**
     * Writes the sample as {@code labels/run_<frame>.txt} (frames from 1) under {@code root}: the frames {@code kept}
     * refuses get no file (nobody found); with {@code second}, a second person runs 700 px to the left in every
     * frame, written first; {@code extras} follows each line (box confidence, track id).
     */
    private Path labels(Path root, PoseRecording rec, IntPredicate kept, boolean second, String extras)
            throws IOException {
        int[] at = CocoKeypointsReaderTest.places(rec, CocoKeypointsReader.COCO_17, CocoKeypointsReaderTest.TO_COCO);
        Path labels = Files.createDirectories(root.resolve("labels"));
        for (int f = 0; f < rec.timeS().length; f++) {
            if (!kept.test(f)) {
                continue;
            }
            String text = (second ? line(CocoKeypointsReaderTest.person(rec, at, 17, (f + 37) % rec.timeS().length,
                    -700), extras) : "") + line(CocoKeypointsReaderTest.person(rec, at, 17, f, 0), extras);
            Files.writeString(labels.resolve("run_" + (f + 1) + ".txt"), text);
        }
        return labels;
    }

    /** The same 17 keypoints as a table in pixels. */
    private Path table(PoseRecording rec, IntPredicate kept) throws IOException {
        int[] at = CocoKeypointsReaderTest.places(rec, CocoKeypointsReader.COCO_17, CocoKeypointsReaderTest.TO_COCO);
        StringBuilder csv = new StringBuilder("frame");
        for (String n : CocoKeypointsReader.COCO_17) {
            csv.append(',').append(n).append("_x,").append(n).append("_y,").append(n).append("_c");
        }
        csv.append('\n');
        for (int f = 0; f < rec.timeS().length; f++) {
            double[] v = CocoKeypointsReaderTest.person(rec, at, 17, f, 0);
            csv.append(f);
            for (int j = 0; j < 17; j++) {
                csv.append(kept.test(f) && v[3 * j + 2] > 0 ? String.format(Locale.ROOT, ",%.3f,%.3f,%.3f", v[3 * j],
                        v[3 * j + 1], v[3 * j + 2]) : ",,,");
            }
            csv.append('\n');
        }
        return Files.writeString(dir.resolve("coco17.csv"), csv.toString());
    }

    private static void assertSameSteps(SessionResult a, SessionResult b, double scale) {
        assertThat(a.steps()).as("steps of the reference").hasSizeGreaterThan(20);
        assertThat(b.steps()).hasSameSizeAs(a.steps());
        for (int i = 0; i < a.steps().size(); i++) {
            Step x = a.steps().get(i);
            Step y = b.steps().get(i);
            assertThat(y.icS()).isCloseTo(x.icS() * scale, within(1e-3));
            assertThat(y.toS()).isCloseTo(x.toS() * scale, within(1e-3));
            assertThat(y.side()).isEqualTo(x.side());
        }
        assertThat(b.metric("cadence_spm")).isCloseTo(a.metric("cadence_spm") / scale, within(0.05));
    }

    private static Optional<Decision> decision(SessionResult r, String key) {
        return r.decisions().stream().filter(d -> d.key().equals(key)).findFirst();
    }

    @Test
    void aLabelsFolderGivesTheStepsOfTheSameKeypointsInATable() throws IOException {
        PoseRecording rec = sample();
        IntPredicate kept = f -> f % 50 != 23; // six frames in which nobody was found: no file
        Path labels = labels(dir, rec, kept, false, "");
        assertThat(readers.kindOf(labels)).contains(InputKind.YOLO_POSE_TXT);
        SessionResult a = analyse(table(rec, kept), options(Optional.of(30.0), false, Optional.empty()));
        SessionResult b = analyse(labels, options(Optional.of(30.0), true, Optional.empty()));
        assertSameSteps(a, b, 1);
        assertThat(b.inputKind()).isEqualTo("yolo-pose-txt");
        assertThat(decision(b, "input_format")).get().satisfies(d -> assertThat(d.reason())
                .contains("Ultralytics YOLO pose labels (294 files)", "COCO's 17 keypoints"));
        assertThat(b.metric("knee_fppa_deg_mean")).isNaN(); // a side view
        assertThat(b.metric("trunk_lean_deg")).isCloseTo(a.metric("trunk_lean_deg"), within(0.01));
    }

    /**
     * Without {@code --image-size} and {@code --fps}, the video that Ultralytics wrote beside its labels gives both:
     * a whole 29 fps in its header is an NTSC video's 29.97.
     */
    @Test
    void theVideoWrittenBesideTheLabelsGivesThePicturesSizeAndFrameRate() throws IOException {
        PoseRecording rec = sample();
        Path predict = Files.createDirectories(dir.resolve("predict"));
        Path labels = labels(predict, rec, f -> true, false, "");
        Files.write(predict.resolve("run.avi"), VideoHeadersTest.avi(1_000_000 / 29, W, H));
        SessionResult a = analyse(table(rec, f -> true), options(Optional.of(30.0), false, Optional.empty()));
        SessionResult b = analyse(labels, options(Optional.empty(), false, Optional.empty()));
        double fps = 30000.0 / 1001;
        assertSameSteps(a, b, 30 / fps);
        assertThat(decision(b, "image_size")).get().satisfies(d -> {
            assertThat(d.value()).isEqualTo("1920x1080");
            assertThat(d.reason()).contains("run.avi");
        });
        assertThat(decision(b, "frame_rate_hz")).get().satisfies(d -> assertThat(d.reason())
                .contains("run.avi", "29 fps in its header", "29.970 fps"));
        assertThat(b.warnings()).noneMatch(w -> w.contains("frame rate is not recorded") || w.contains("square"));
        assertThat(b.metric("trunk_lean_deg")).isCloseTo(a.metric("trunk_lean_deg"), within(0.01));

        // without that video: the picture's shape from the legs of this side view, 30 fps assumed and said
        Files.delete(predict.resolve("run.avi"));
        SessionResult c = analyse(labels, options(Optional.empty(), false, Optional.empty()));
        assertThat(decision(c, "image_aspect")).get().satisfies(d -> assertThat(d.value()).isEqualTo("16:9"));
        assertThat(c.warnings()).anyMatch(w -> w.contains("30 fps was assumed"))
                .noneMatch(w -> w.contains("without --image-size"));
        assertThat(c.steps()).hasSameSizeAs(a.steps());
        assertThat(c.metric("trunk_lean_deg")).isCloseTo(a.metric("trunk_lean_deg"), within(0.05));
        assertThat(c.quality().checks()).noneMatch(q -> q.id().equals("image_aspect_assumed"));
    }

    /** Box confidences and track ids after the keypoints are read past; the runner is chosen among two people. */
    @Test
    void twoPeopleWithTrackIdsAndBoxConfidences() throws IOException {
        PoseRecording rec = sample();
        Path labels = labels(dir, rec, f -> true, true, " 0.91 7");
        SessionResult a = analyse(table(rec, f -> true), options(Optional.of(30.0), false, Optional.empty()));
        SessionResult one = analyse(labels, options(Optional.of(30.0), true, Optional.of(1)));
        SessionResult two = analyse(labels, options(Optional.of(30.0), true, Optional.of(2)));
        SessionResult runner = one.steps().size() == a.steps().size()
                && Math.abs(one.steps().get(0).icS() - a.steps().get(0).icS()) < 1e-3 ? one : two;
        assertSameSteps(a, runner, 1);
        SessionResult other = runner == one ? two : one;
        assertThat(other.steps()).isNotEmpty();
        assertThat(other.steps().get(0).icS()).isNotCloseTo(a.steps().get(0).icS(), within(1e-3));
        assertThat(decision(runner, "people")).isPresent();
    }

    @Test
    void foldersThatAreNotOneVideosLabelsAreRefusedOrNotTaken() throws IOException {
        PoseRecording rec = sample();
        Path labels = labels(dir, rec, f -> f < 60, false, "");
        ReadOptions o = options(Optional.of(30.0), true, Optional.empty());
        // two videos' labels in one folder
        Files.copy(labels.resolve("run_5.txt"), labels.resolve("walk_5.txt"));
        assertThatThrownBy(() -> readers.read(labels, "labels", o)).isInstanceOf(GaitformException.class)
                .hasMessageContaining("the labels of one video").hasMessageContaining("2 videos ('run', 'walk')");
        Files.delete(labels.resolve("walk_5.txt"));
        // a line that is not a pose label
        Files.writeString(labels.resolve("run_7.txt"), "0 0.5 0.5 0.1 0.2 0.3\n",
                java.nio.file.StandardOpenOption.APPEND);
        assertThatThrownBy(() -> readers.read(labels, "labels", o)).isInstanceOf(GaitformException.class)
                .hasMessageContaining("run_7.txt, line 2").hasMessageContaining("a YOLO pose label")
                .hasMessageContaining("found 6 value(s) starting '0 0.5 0.5 0.1 0.2 0.3'");
        // images' labels, numbered far apart
        Path images = Files.createDirectories(dir.resolve("images"));
        for (int i = 0; i < 5; i++) {
            Files.copy(labels.resolve("run_" + (i + 10) + ".txt"), images.resolve("img_" + (1000 * i + 36) + ".txt"));
        }
        assertThatThrownBy(() -> readers.read(images, "images", o)).isInstanceOf(GaitformException.class)
                .hasMessageContaining("numbered one by one").hasMessageContaining("separate images");
        // text files of another kind: not a labels folder, each file stays an input of its own
        Path other = Files.createDirectories(dir.resolve("other"));
        Files.writeString(other.resolve("session_1.txt"), "time,acc_x,acc_y,acc_z\n0,0,0,9.81\n");
        assertThat(readers.kindOf(other)).isEmpty();
        Files.copy(labels.resolve("run_8.txt"), other.resolve("session_2.txt"));
        Files.writeString(other.resolve("README.txt"), "labels\n");
        assertThat(readers.kindOf(other)).isEmpty();
    }
}
