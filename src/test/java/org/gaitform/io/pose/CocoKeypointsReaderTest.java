package org.gaitform.io.pose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntPredicate;
import org.gaitform.guidelines.GuidelineTable;
import org.gaitform.io.InputKind;
import org.gaitform.io.InputReaders;
import org.gaitform.io.ReadOptions;
import org.gaitform.io.imu.ImuReadOptions;
import org.gaitform.model.Keypoint;
import org.gaitform.model.PoseRecording;
import org.gaitform.model.SessionResult;
import org.gaitform.model.Step;
import org.gaitform.pipeline.AnalysisSettings;
import org.gaitform.pipeline.SessionPipeline;
import org.gaitform.support.TempDirs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keypoints in COCO's JSON layouts, as AlphaPose, Detectron2, YOLO-pose and MMPose write them: the sample side-view
 * video (OpenPose BODY_25 keypoints) written in each layout, with the keypoints each model has, must give the steps
 * that the same keypoints give from the sample's CSV.
 */
class CocoKeypointsReaderTest {
    @TempDir
    Path dir;

    private final InputReaders readers = new InputReaders();
    private static final Path SAMPLE = Path.of("sample-data", "video_side_openpose_30fps.csv");

    private static ReadOptions fps30() {
        return new ReadOptions(ImuReadOptions.DEFAULTS, new PoseReadOptions(Optional.of(30.0), Optional.empty(),
                Optional.empty(), Optional.empty(), Map.of(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty()));
    }

    private SessionResult analyse(Path p) {
        return new SessionPipeline(new AnalysisSettings(fps30(), GuidelineTable.builtIn())).analyse(p,
                p.getFileName().toString(), "s");
    }

    /** The sample's BODY_25 keypoints by their place in {@code names} (-1: the model has no such point). */
    static int[] places(PoseRecording rec, List<String> names, Map<String, String> body25ToModel) {
        int[] at = new int[rec.keypoints().size()];
        for (int i = 0; i < at.length; i++) {
            String m = body25ToModel.get(rec.keypoints().get(i).name());
            at[i] = m == null ? -1 : names.indexOf(m);
        }
        return at;
    }

    static final Map<String, String> TO_COCO = Map.ofEntries(Map.entry("Nose", "nose"),
            Map.entry("LShoulder", "left_shoulder"), Map.entry("RShoulder", "right_shoulder"),
            Map.entry("LWrist", "left_wrist"), Map.entry("RWrist", "right_wrist"), Map.entry("LHip", "left_hip"),
            Map.entry("RHip", "right_hip"), Map.entry("LKnee", "left_knee"), Map.entry("RKnee", "right_knee"),
            Map.entry("LAnkle", "left_ankle"), Map.entry("RAnkle", "right_ankle"), Map.entry("Neck", "neck"),
            Map.entry("LBigToe", "left_big_toe"), Map.entry("RBigToe", "right_big_toe"),
            Map.entry("LHeel", "left_heel"), Map.entry("RHeel", "right_heel"));

    /** One person's keypoints in frame {@code f} as x, y, score triplets in the model's order, moved by {@code dx}. */
    static double[] person(PoseRecording rec, int[] at, int size, int f, double dx) {
        double[] v = new double[3 * size];
        for (int i = 0; i < at.length; i++) {
            Keypoint k = rec.keypoints().get(i);
            if (at[i] >= 0 && Double.isFinite(k.x()[f])) {
                v[3 * at[i]] = k.x()[f] + dx;
                v[3 * at[i] + 1] = k.y()[f];
                v[3 * at[i] + 2] = k.confidence()[f];
            }
        }
        return v;
    }

    private static String triplets(double[] v) {
        StringBuilder sb = new StringBuilder("[");
        for (int j = 0; j < v.length; j++) {
            sb.append(j == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.3f", v[j]));
        }
        return sb.append(']').toString();
    }

    /**
     * The sample as a COCO results list in the layout {@code names}: one entry per person and frame, the frames that
     * {@code kept} refuses left out, a bystander standing still beside the runner when {@code bystander}.
     */
    private static String results(PoseRecording rec, List<String> names, IntPredicate kept, boolean bystander,
                                  boolean fileNames) {
        int[] at = places(rec, names, TO_COCO);
        StringBuilder sb = new StringBuilder("[");
        boolean first = true;
        for (int f = 0; f < rec.timeS().length; f++) {
            if (!kept.test(f)) {
                continue;
            }
            String id = fileNames ? "\"frame_" + String.format(Locale.ROOT, "%05d", f) + ".jpg\"" : String.valueOf(f);
            List<double[]> people = bystander && f % 2 == 0 ? List.of(person(rec, at, names.size(), 0, -600),
                    person(rec, at, names.size(), f, 0)) : bystander ? List.of(person(rec, at, names.size(), f, 0),
                    person(rec, at, names.size(), 0, -600)) : List.of(person(rec, at, names.size(), f, 0));
            for (double[] v : people) {
                sb.append(first ? "" : ",\n").append("{\"image_id\":").append(id)
                        .append(",\"category_id\":1,\"score\":0.9,\"keypoints\":").append(triplets(v)).append('}');
                first = false;
            }
        }
        return sb.append("]\n").toString();
    }

    private static void assertSameSteps(SessionResult a, SessionResult b) {
        assertThat(a.steps()).as("steps of the reference").hasSizeGreaterThan(20);
        assertThat(b.steps()).hasSameSizeAs(a.steps());
        for (int i = 0; i < a.steps().size(); i++) {
            Step x = a.steps().get(i);
            Step y = b.steps().get(i);
            assertThat(y.icS()).isCloseTo(x.icS(), within(1e-6));
            assertThat(y.toS()).isCloseTo(x.toS(), within(1e-6));
            assertThat(y.side()).isEqualTo(x.side());
        }
        assertThat(b.metric("cadence_spm")).isCloseTo(a.metric("cadence_spm"), within(1e-6));
    }

    @Test
    void alphaPoseHalpeResultsGiveTheSamplesSteps() throws IOException {
        PoseRecording rec = (PoseRecording) readers.read(SAMPLE, "sample", fps30());
        Path json = TempDirs.write(dir, "alphapose-results.json", results(rec, CocoKeypointsReader.HALPE_26, f -> true,
                false, true));
        assertThat(readers.kindOf(json)).contains(InputKind.COCO_JSON);
        SessionResult a = analyse(SAMPLE);
        SessionResult b = analyse(json);
        assertSameSteps(a, b);
        assertThat(b.inputKind()).isEqualTo("coco-json");
        assertThat(b.decisions()).filteredOn(d -> d.key().equals("input_format")).singleElement()
                .satisfies(d -> assertThat(d.reason()).contains("COCO results", "26 keypoints", "Halpe"));
    }

    /**
     * AlphaPose's whole-body model writes Halpe's 136 points: its 26 body and feet points, then 68 face and 42 hand
     * points, which are left out.
     */
    @Test
    void alphaPoseFullBodyResultsGiveTheStepsOfItsBodyPoints() throws IOException {
        PoseRecording rec = (PoseRecording) readers.read(SAMPLE, "sample", fps30());
        String body = results(rec, CocoKeypointsReader.HALPE_26, f -> true, false, true);
        String faceAndHands = ",333.000,222.000,0.700".repeat(110);
        assertThat(body).contains("]}");
        Path json = TempDirs.write(dir, "alphapose-136.json", body.replace("]}", faceAndHands + "]}"));
        SessionResult a = analyse(TempDirs.write(dir, "alphapose-26.json", body));
        SessionResult b = analyse(json);
        assertSameSteps(a, b);
        assertThat(b.decisions()).filteredOn(d -> d.key().equals("input_format")).singleElement()
                .satisfies(d -> assertThat(d.reason()).contains("136"));
    }

    /**
     * COCO's 17 keypoints (YOLO-pose, Detectron2) have no heels or toes: the contacts come from the ankles, as from a
     * table with the same 17 points.
     */
    @Test
    void cocoSeventeenKeypointsGiveTheStepsOfTheSamePointsInATable() throws IOException {
        PoseRecording rec = (PoseRecording) readers.read(SAMPLE, "sample", fps30());
        Path json = TempDirs.write(dir, "yolo.json", results(rec, CocoKeypointsReader.COCO_17, f -> true, false,
                false));
        StringBuilder csv = new StringBuilder("frame");
        for (String n : CocoKeypointsReader.COCO_17) {
            csv.append(',').append(n).append("_x,").append(n).append("_y,").append(n).append("_c");
        }
        csv.append('\n');
        int[] at = places(rec, CocoKeypointsReader.COCO_17, TO_COCO);
        for (int f = 0; f < rec.timeS().length; f++) {
            double[] v = person(rec, at, 17, f, 0);
            csv.append(f);
            for (int j = 0; j < 17; j++) {
                csv.append(v[3 * j + 2] > 0 ? String.format(Locale.ROOT, ",%.3f,%.3f,%.3f", v[3 * j], v[3 * j + 1],
                        v[3 * j + 2]) : ",,,");
            }
            csv.append('\n');
        }
        Path table = TempDirs.write(dir, "coco17.csv", csv.toString());
        SessionResult a = analyse(table);
        SessionResult b = analyse(json);
        assertSameSteps(a, b);
        assertThat(b.metric("cadence_spm")).as("against the sample's heels and toes")
                .isCloseTo(analyse(SAMPLE).metric("cadence_spm"), within(1.0));
    }

    /** MMPose's inferencer: frames with instances, [x, y] pairs and their scores, names in meta_info. */
    @Test
    void mmposePredictionsWithTheirNamesGiveTheSamplesSteps() throws IOException {
        PoseRecording rec = (PoseRecording) readers.read(SAMPLE, "sample", fps30());
        List<String> names = CocoKeypointsReader.HALPE_26;
        int[] at = places(rec, names, TO_COCO);
        StringBuilder sb = new StringBuilder("{\"meta_info\":{\"dataset_name\":\"halpe\",\"keypoint_id2name\":{");
        for (int j = 0; j < names.size(); j++) {
            sb.append(j == 0 ? "" : ",").append('"').append(j).append("\":\"").append(names.get(j)).append('"');
        }
        sb.append("}},\"instance_info\":[");
        for (int f = 0; f < rec.timeS().length; f++) {
            double[] v = person(rec, at, names.size(), f, 0);
            sb.append(f == 0 ? "" : ",\n").append("{\"frame_id\":").append(f + 1).append(",\"instances\":[");
            if (f % 50 != 17) { // a few frames where MMPose found nobody
                StringBuilder kp = new StringBuilder("[");
                StringBuilder sc = new StringBuilder("[");
                for (int j = 0; j < names.size(); j++) {
                    kp.append(j == 0 ? "" : ",").append(String.format(Locale.ROOT, "[%.3f,%.3f]", v[3 * j],
                            v[3 * j + 1]));
                    sc.append(j == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.3f", v[3 * j + 2]));
                }
                sb.append("{\"keypoints\":").append(kp).append("],\"keypoint_scores\":").append(sc)
                        .append("],\"bbox\":[[0,0,10,10]],\"bbox_score\":0.9}");
            }
            sb.append("]}");
        }
        sb.append("]}\n");
        Path json = TempDirs.write(dir, "predictions.json", sb.toString());
        assertThat(readers.kindOf(json)).contains(InputKind.COCO_JSON);
        SessionResult b = analyse(json);
        // the same frames left empty in the sample's own table
        Path blanked = TempDirs.write(dir, "halpe.json", results(rec, names, f -> true, false, false)
                .replaceAll("(?m)^\\{\"image_id\":(17|67|117|167|217|267),.*$", "{\"image_id\":$1,\"keypoints\":"
                        + triplets(new double[3 * names.size()]) + "},"));
        SessionResult a = analyse(blanked);
        assertSameSteps(a, b);
        assertThat(b.decisions()).filteredOn(d -> d.key().equals("input_format")).singleElement()
                .satisfies(d -> assertThat(d.reason()).contains("MMPose", "named by the file"));
    }

    /**
     * A video's frames run through MMPose as images: one JSON file per frame (a list of the people found), frames by
     * the number in the file name, a frame where nobody was found an empty list. Read as the same video in MMPose's
     * own video layout.
     */
    @Test
    void mmposeOneImageFilesInAFolderAreTheVideosFrames() throws IOException {
        PoseRecording rec = (PoseRecording) readers.read(SAMPLE, "sample", fps30());
        List<String> names = CocoKeypointsReader.HALPE_26;
        int[] at = places(rec, names, TO_COCO);
        Path folder = dir.resolve("mmpose_frames");
        StringBuilder video = new StringBuilder("{\"instance_info\":[");
        for (int f = 0; f < rec.timeS().length; f++) {
            double[] v = person(rec, at, names.size(), f, 0);
            StringBuilder kp = new StringBuilder("[");
            StringBuilder sc = new StringBuilder("[");
            for (int j = 0; j < names.size(); j++) {
                kp.append(j == 0 ? "" : ",").append(String.format(Locale.ROOT, "[%.3f,%.3f]", v[3 * j], v[3 * j + 1]));
                sc.append(j == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.3f", v[3 * j + 2]));
            }
            String person = "{\"keypoints\":" + kp + "],\"keypoint_scores\":" + sc + "],\"bbox\":[[0,0,9,9]]}";
            boolean nobody = f % 50 == 17;
            TempDirs.write(folder, String.format(Locale.ROOT, "frame_%05d.json", f + 1), nobody ? "[]" : "[" + person
                    + "]");
            video.append(f == 0 ? "" : ",").append("{\"frame_id\":").append(f + 1).append(",\"instances\":[")
                    .append(nobody ? "" : person).append("]}");
        }
        Path single = TempDirs.write(dir, "video_predictions.json", video.append("]}").toString());
        assertThat(readers.kindOf(folder)).contains(InputKind.COCO_JSON);
        SessionResult a = analyse(single);
        SessionResult b = analyse(folder);
        assertSameSteps(a, b);
        assertThat(b.decisions()).filteredOn(d -> d.key().equals("input_format")).singleElement()
                .satisfies(d -> assertThat(d.reason()).contains("MMPose one-image outputs (300 files)",
                        "6 frames with nobody found"));
        // a broken frame file is named in the message
        TempDirs.write(folder, "frame_00007.json", "[{\"keypoints\": 3}]");
        assertThatThrownBy(() -> readers.read(folder, "mmpose_frames", fps30()))
                .hasMessageContaining("mmpose_frames: frame_00007.json[0]")
                .hasMessageContaining("an instance with \"keypoints\"");
    }

    /**
     * Estimators that leave out the images without a person: the frames skipped hold no person, and several people in
     * a frame are followed as in OpenPose's folders (the runner and someone standing by in every frame).
     */
    @Test
    void framesLeftOutAndABystanderGiveTheRunnersStepsAlone() throws IOException {
        PoseRecording rec = (PoseRecording) readers.read(SAMPLE, "sample", fps30());
        IntPredicate gone = f -> (f >= 90 && f < 102) || f % 25 == 7;
        Path leftOut = TempDirs.write(dir, "left-out.json", results(rec, CocoKeypointsReader.HALPE_26, gone.negate(),
                true, true));
        SessionResult b = analyse(leftOut);
        // the sample with the same frames' keypoints removed, in a keypoint table
        StringBuilder csv = new StringBuilder();
        List<String> lines = java.nio.file.Files.readAllLines(SAMPLE);
        csv.append(lines.get(0)).append('\n');
        for (int f = 0; f < rec.timeS().length; f++) {
            String line = lines.get(f + 1);
            csv.append(gone.test(f) ? line.substring(0, line.indexOf(',')) + ",".repeat(line.split(",", -1).length - 1)
                    : line).append('\n');
        }
        SessionResult a = analyse(TempDirs.write(dir, "gone.csv", csv.toString()));
        assertSameSteps(a, b);
        assertThat(b.decisions()).anyMatch(d -> d.key().equals("people"));
        assertThat(b.decisions()).filteredOn(d -> d.key().equals("input_format")).singleElement()
                .satisfies(d -> assertThat(d.reason()).contains("24 frames with nobody found"));
    }

    /**
     * The shared real OpenPose clip (a runner filmed from the side, BODY_25, one JSON file per frame) written as one
     * COCO results file of 25 keypoints: the same steps as the folder (real data; the clip is short, 4 steps).
     */
    @Test
    void theRealOpenPoseClipAsCocoResultsGivesTheFoldersSteps() throws IOException {
        Path folder = org.gaitform.support.SharedData.require("openpose-running-side").resolve("json");
        PoseRecording rec = (PoseRecording) readers.read(folder, "json", fps30());
        StringBuilder sb = new StringBuilder("[");
        for (int f = 0; f < rec.timeS().length; f++) {
            double[] v = new double[3 * KeypointNames.BODY_25.size()];
            for (Keypoint k : rec.keypoints()) {
                int j = KeypointNames.BODY_25.indexOf(k.name());
                if (j >= 0 && Double.isFinite(k.x()[f])) {
                    v[3 * j] = k.x()[f];
                    v[3 * j + 1] = k.y()[f];
                    v[3 * j + 2] = k.confidence()[f];
                }
            }
            sb.append(f == 0 ? "" : ",").append("{\"image_id\":").append(f).append(",\"keypoints\":")
                    .append(triplets(v)).append('}');
        }
        Path json = TempDirs.write(dir, "clip_results.json", sb.append("]").toString());
        SessionResult a = analyse(folder);
        SessionResult b = analyse(json);
        assertThat(a.steps()).hasSizeGreaterThanOrEqualTo(4);
        assertThat(b.steps()).hasSameSizeAs(a.steps());
        for (int i = 0; i < a.steps().size(); i++) {
            // the folder's coordinates pass through 3-decimal text here
            assertThat(b.steps().get(i).icS()).isCloseTo(a.steps().get(i).icS(), within(1e-3));
            assertThat(b.steps().get(i).side()).isEqualTo(a.steps().get(i).side());
        }
        assertThat(b.metric("cadence_spm")).isCloseTo(a.metric("cadence_spm"), within(0.1));
        assertThat(b.quality().verdict()).isEqualTo(a.quality().verdict());
    }

    @Test
    void otherJsonFilesAreNotKeypoints() throws IOException {
        Path frame = TempDirs.write(dir, "clip_000000000000_keypoints.json",
                "{\"version\":1.3,\"people\":[{\"pose_keypoints_2d\":[1,2,0.5]}],\"keypoints\":1}");
        Path other = TempDirs.write(dir, "settings.json", "{\"speed\": 3.5}");
        // MMPose's output for one image: the people of one frame of a folder, not a recording
        Path oneImage = TempDirs.write(dir, "frame_0001.json", "[{\"keypoints\": [[1, 2], [3, 4]], "
                + "\"keypoint_scores\": [0.9, 0.8], \"bbox\": [[0, 0, 5, 5]]}]");
        assertThat(readers.kindOf(frame)).isEmpty();
        assertThat(readers.kindOf(other)).isEmpty();
        assertThat(readers.kindOf(oneImage)).isEmpty();
    }

    @Test
    void brokenFilesNameThePlaceAndWhatWasExpected() throws IOException {
        String twenty = "[" + "0,".repeat(59) + "0]";
        Path count = TempDirs.write(dir, "count.json", "[{\"image_id\":0,\"keypoints\":" + twenty + "}]");
        assertThatThrownBy(() -> readers.read(count, "count.json", fps30())).hasMessageStartingWith("count.json: ")
                .hasMessageContaining("26 (Halpe)").hasMessageContaining("found 20 keypoints");
        Path text = TempDirs.write(dir, "text.json", "[{\"image_id\":0,\"keypoints\":[1,2,\"x\"]}]");
        assertThatThrownBy(() -> readers.read(text, "text.json", fps30()))
                .hasMessageContaining("[0].keypoints[2]").hasMessageContaining("a number")
                .hasMessageContaining("a string");
        Path noId = TempDirs.write(dir, "noid.json", "[{\"image_id\":0,\"keypoints\":[1,2,0.5]},{\"keypoints\":"
                + "[1,2,0.5]}]");
        assertThatThrownBy(() -> readers.read(noId, "noid.json", fps30())).hasMessageContaining("[1].image_id")
                .hasMessageContaining("the image or frame the person is in");
        String seventeen = "[" + String.join(",", java.util.Collections.nCopies(17, "1,2,0.5")) + "]";
        Path mixed = TempDirs.write(dir, "mixed.json", "[{\"image_id\":0,\"keypoints\":" + seventeen
                + "},{\"image_id\":1,\"keypoints\":[1,2,0.5]}]");
        assertThatThrownBy(() -> readers.read(mixed, "mixed.json", fps30())).hasMessageContaining("person 2")
                .hasMessageContaining("17 keypoints like the first").hasMessageContaining("found 1 keypoints");
        Path broken = TempDirs.write(dir, "broken.json", "[{\"image_id\":0,\"keypoints\":[1,2,");
        assertThatThrownBy(() -> readers.read(broken, "broken.json", fps30())).hasMessageContaining("line 1")
                .hasMessageContaining("valid JSON");
    }
}
