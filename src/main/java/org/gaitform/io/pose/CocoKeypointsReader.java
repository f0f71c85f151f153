package org.gaitform.io.pose;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gaitform.model.GaitformException;
import org.gaitform.model.PoseRecording;

/**
 * Reads a video's keypoints from one JSON file in the COCO keypoint layouts that most current pose estimators write:
 * <ul>
 *   <li>the COCO results list (AlphaPose, Detectron2, YOLO-pose's {@code save_json}, MMPose's tester):
 *       {@code [{"image_id": …, "keypoints": [x, y, score, …], "score": …}, …]}, one entry per person found;</li>
 *   <li>a COCO dataset file: {@code {"images": [{"id", "file_name"}], "annotations": [{"image_id", "keypoints"}],
 *       "categories": [{"keypoints": [names]}]}};</li>
 *   <li>MMPose's inferencer predictions: {@code {"meta_info": {"keypoint_id2name": {…}}, "instance_info":
 *       [{"frame_id": …, "instances": [{"keypoints": [[x, y], …], "keypoint_scores": […]}]}]}}, or the list of frames
 *       alone;</li>
 *   <li>a folder of MMPose's one-image outputs (a video's frames run through MMPose as images), one file per frame
 *       holding the list of people found, frames by the number in the file names ({@link #readFolder}).</li>
 * </ul>
 * The keypoints' names are the file's own (the category's, MMPose's {@code keypoint_id2name}); otherwise they follow
 * from their number: 17 COCO, 18 OpenPose's COCO, 25 OpenPose BODY_25, 26 Halpe (AlphaPose, with heels and toes),
 * 133 COCO-WholeBody and 136 Halpe full body (AlphaPose's whole-body model: Halpe's 26, then 68 face and 42 hand
 * points; Fang et al. 2022, AlphaPose, IEEE TPAMI 45:7157); of these two the body and feet are kept, the face and
 * hands left out. Frames are ordered by the image or
 * frame id (a number, or the last number in an image's file name); when the numbers step by one and skip some, as
 * estimators that leave out images without a person do, the frames skipped hold no person. Several people in a frame
 * are followed from frame to frame and the runner is chosen as in OpenPose's folders ({@link PersonTracks}).
 * Coordinates are pixels with the image y pointing down; the frame rate is not recorded (30 fps unless
 * {@code --fps}).
 */
public final class CocoKeypointsReader {
    /** Largest file read (bytes): an hour of 30 fps video with three people of 26 keypoints is about 200 MiB. */
    static final long MAX_BYTES = 512L << 20;
    /** Bytes looked at to tell the format. */
    private static final int SNIFF_BYTES = 64 << 10;
    private static final Pattern LAST_NUMBER = Pattern.compile("(\\d+)(?!.*\\d)");

    /** COCO's 17 body keypoints. */
    public static final List<String> COCO_17 = List.of("nose", "left_eye", "right_eye", "left_ear", "right_ear",
            "left_shoulder", "right_shoulder", "left_elbow", "right_elbow", "left_wrist", "right_wrist", "left_hip",
            "right_hip", "left_knee", "right_knee", "left_ankle", "right_ankle");
    /** OpenPose's 18-point COCO model. */
    public static final List<String> OPENPOSE_COCO_18 = List.of("Nose", "Neck", "RShoulder", "RElbow", "RWrist",
            "LShoulder", "LElbow", "LWrist", "RHip", "RKnee", "RAnkle", "LHip", "LKnee", "LAnkle", "REye", "LEye", "REar",
            "LEar");
    /** Halpe's 26 keypoints (AlphaPose): COCO's and head, neck, the hips' middle, toes and heels. */
    public static final List<String> HALPE_26;
    /** COCO-WholeBody's body and feet (its first 23 of 133 points). */
    public static final List<String> WHOLE_BODY_FEET;

    static {
        List<String> h = new ArrayList<>(COCO_17);
        h.addAll(List.of("head", "neck", "MidHip", "left_big_toe", "right_big_toe", "left_small_toe",
                "right_small_toe", "left_heel", "right_heel"));
        HALPE_26 = List.copyOf(h);
        List<String> w = new ArrayList<>(COCO_17);
        w.addAll(List.of("left_big_toe", "left_small_toe", "left_heel", "right_big_toe", "right_small_toe",
                "right_heel"));
        WHOLE_BODY_FEET = List.copyOf(w);
    }

    /** One person found in one frame: the frame's key, and x, y, confidence triplets. */
    record Detection(Object frameKey, double[] keypoints) {
    }

    /**
     * True for a JSON file that holds a video's COCO keypoints: an array or object whose first {@value #SNIFF_BYTES}
     * bytes name {@code "keypoints"} and the frames ({@code "image_id"} or {@code "frame_id"}), or MMPose's
     * {@code "instance_info"} (and not OpenPose's per-frame {@code "people"}).
     */
    public static boolean isCocoKeypoints(Path file) {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(SNIFF_BYTES);
        } catch (IOException e) {
            return false;
        }
        String t = new String(head, StandardCharsets.UTF_8).replace("\uFEFF", "").stripLeading();
        // a video's frames are named (image_id, frame_id) or held in instance_info; a file of one image's people
        // without them (MMPose's per-image output) is one frame of a folder, not a recording
        boolean frames = t.contains("\"image_id\"") || t.contains("\"frame_id\"") || t.contains("\"instance_info\"");
        return (t.startsWith("[") || t.startsWith("{")) && !t.contains("\"people\"") && frames
                && (t.contains("\"keypoints\"") || t.contains("\"instance_info\""));
    }

    /** The JSON document of {@code file}; {@code where} names it in messages ("file", or the file's name). */
    private static Object parse(Path file, String source, String where, long limit) throws IOException {
        return PoseFiles.readJson(file, source, where, "COCO keypoints JSON", limit, " (split the video)");
    }

    /**
     * True for a folder of MMPose's one-image outputs (a video's frames run through MMPose as images): its first
     * {@code .json} file, by the number in its name, is a list of people with {@code "keypoints"} pairs and
     * {@code "keypoint_scores"}.
     */
    public static boolean isMmposeImageFolder(Path dir) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try {
            // the first frame only: folder discovery asks this of every folder, so no sort of the whole listing
            java.util.Optional<Numbered> first = numberedJsonFiles(dir).stream().min(Numbered.ORDER);
            if (first.isEmpty()) {
                return false;
            }
            byte[] head;
            try (InputStream in = Files.newInputStream(first.get().path())) {
                head = in.readNBytes(SNIFF_BYTES);
            }
            String t = new String(head, StandardCharsets.UTF_8).replace("\uFEFF", "").stripLeading();
            return t.startsWith("[") && t.contains("\"keypoint_scores\"") && !t.contains("\"image_id\"")
                    && !t.contains("\"people\"");
        } catch (IOException e) {
            return false;
        }
    }

    /** A folder's JSON file with the last number in its name (the largest long when it holds none). */
    private record Numbered(long number, String name, Path path) {
        static final java.util.Comparator<Numbered> ORDER = java.util.Comparator.comparingLong(Numbered::number)
                .thenComparing(Numbered::name);
    }

    /** The {@code .json} files of a folder, each with its number (the name read once). */
    private static List<Numbered> numberedJsonFiles(Path dir) throws IOException {
        List<Numbered> files = new ArrayList<>();
        try (java.nio.file.DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.json")) {
            for (Path p : ds) {
                String name = p.getFileName().toString();
                if (!name.startsWith(".") && Files.isRegularFile(p)) {
                    Object k = frameKey(name);
                    files.add(new Numbered(k instanceof Long l ? l : Long.MAX_VALUE, name, p));
                }
            }
        }
        return files;
    }

    /** The {@code .json} files of a folder, by the last number in their names (then by name). */
    private static List<Path> jsonFiles(Path dir) throws IOException {
        return numberedJsonFiles(dir).stream().sorted(Numbered.ORDER).map(Numbered::path).toList();
    }

    /**
     * Reads a folder of MMPose's one-image outputs: one JSON file per frame, each a list of the people found with
     * their {@code keypoints} pairs and {@code keypoint_scores}, frames by the number in the file names.
     */
    public PoseRecording readFolder(Path dir, String source, PoseReadOptions options) throws IOException {
        List<Path> files = jsonFiles(dir);
        if (files.isEmpty()) {
            throw GaitformException.badInput(source, "", "MMPose one-image JSON files", "no JSON file in the folder");
        }
        if (files.size() > PoseCsvReader.MAX_FRAMES) {
            throw GaitformException.badInput(source, "", "at most " + PoseCsvReader.MAX_FRAMES + " frames",
                    files.size() + " files (split the video)");
        }
        List<Detection> found = new ArrayList<>();
        for (int f = 0; f < files.size(); f++) {
            String name = files.get(f).getFileName().toString();
            Object doc = parse(files.get(f), source, name, OpenPoseJsonReader.MAX_FRAME_BYTES);
            if (!(doc instanceof List<?> people)) {
                throw GaitformException.badInput(source, name, "a list of the people found in the image",
                        article(kind(doc)));
            }
            Object id = frameKey(name);
            mmposeInstances(people, name, source, id instanceof Long ? (double) (Long) id : (double) f, found);
        }
        return recording(found, null, "MMPose one-image outputs (" + files.size() + " files)", source, options,
                new PoseAssembler(source, "coco-json"));
    }

    /** Reads the file. */
    public PoseRecording read(Path file, String source, PoseReadOptions options) throws IOException {
        Object doc = parse(file, source, "file", MAX_BYTES);
        List<Detection> found = new ArrayList<>();
        List<String> names = null;
        String flavour;
        if (doc instanceof List<?> list) {
            boolean frames = !list.isEmpty() && list.get(0) instanceof Map<?, ?> m0 && m0.containsKey("instances");
            if (frames) {
                mmposeFrames(list, "", source, found);
                flavour = "MMPose predictions (frames with instances)";
            } else {
                results(list, "", source, null, found);
                flavour = "COCO results (one entry per person found)";
            }
        } else if (doc instanceof Map<?, ?> m && m.get("instance_info") instanceof List<?> frames) {
            mmposeFrames(frames, "instance_info", source, found);
            names = mmposeNames(m.get("meta_info"), source);
            flavour = "MMPose predictions (instance_info)";
        } else if (doc instanceof Map<?, ?> m && m.get("annotations") instanceof List<?> anns) {
            Map<Object, Object> images = new java.util.HashMap<>();
            if (m.get("images") instanceof List<?> imgs) {
                for (Object o : imgs) {
                    if (o instanceof Map<?, ?> im && im.get("id") != null) {
                        images.put(key(im.get("id")), im.get("file_name") != null ? im.get("file_name") : im.get("id"));
                    }
                }
            }
            results(anns, "annotations", source, images, found);
            names = categoryNames(m.get("categories"), source);
            flavour = "COCO dataset (annotations)";
        } else {
            throw GaitformException.badInput(source, "top level", "COCO keypoints: an array of detections with "
                    + "\"keypoints\", an object with \"annotations\" or MMPose's \"instance_info\"",
                    doc instanceof Map<?, ?> ? "an object without them" : "a JSON " + kind(doc));
        }
        PoseAssembler a = new PoseAssembler(source, "coco-json");
        a.videoBeside(VideoHeaders.beside(java.util.Arrays.asList(file.toAbsolutePath().getParent(),
                file.toAbsolutePath().getParent().getParent()), VideoHeaders.stem(file)));
        return recording(found, names, flavour, source, options, a);
    }

    /**
     * The recording of the people found: keypoint names ({@code null}: from their number), the frames, the person
     * taken; {@code a} is the assembler of the input's format (decisions and the video beside the input may already
     * be in it).
     */
    static PoseRecording recording(List<Detection> found, List<String> names, String flavour, String source,
                                   PoseReadOptions options, PoseAssembler a) {
        if (found.isEmpty()) {
            throw GaitformException.badInput(source, "file", "at least one person with keypoints", "none");
        }
        int k = found.get(0).keypoints().length / 3;
        for (int i = 1; i < found.size(); i++) {
            if (found.get(i).keypoints().length / 3 != k) {
                throw GaitformException.badInput(source, "person " + (i + 1) + " of the file", k + " keypoints like "
                        + "the first", found.get(i).keypoints().length / 3 + " keypoints");
            }
        }
        String namesFrom = "the file";
        if (names == null) {
            names = switch (k) {
                case 17 -> COCO_17;
                case 18 -> OPENPOSE_COCO_18;
                case 25 -> KeypointNames.BODY_25;
                case 26, 136 -> HALPE_26;
                case 133 -> WHOLE_BODY_FEET;
                default -> throw GaitformException.badInput(source, "keypoints", "17 (COCO), 18 (OpenPose COCO), 25 "
                        + "(BODY_25), 26 (Halpe), 133 (COCO-WholeBody) or 136 (Halpe full body) keypoints per person, "
                        + "or their names in the file", k + " keypoints");
            };
            namesFrom = switch (k) {
                case 17 -> "COCO's 17 keypoints";
                case 18 -> "OpenPose's 18 COCO keypoints";
                case 25 -> "OpenPose BODY_25";
                case 26 -> "Halpe's 26 keypoints (AlphaPose)";
                case 136 -> "Halpe's 136 full-body keypoints (AlphaPose; body and feet kept)";
                default -> "COCO-WholeBody (body and feet kept)";
            };
        } else if (names.size() != k) {
            throw GaitformException.badInput(source, "keypoint names", k + " names, one per keypoint", names.size()
                    + " names");
        }
        int kept = Math.min(k, names.size());
        // the frames, in the order of their numbers (or of the file when an id holds none)
        boolean numbered = found.stream().allMatch(d -> d.frameKey() instanceof Long);
        TreeMap<Long, List<double[]>> byFrame = new TreeMap<>();
        Map<Object, Long> order = new java.util.LinkedHashMap<>();
        for (Detection d : found) {
            long f = numbered ? (Long) d.frameKey() : order.computeIfAbsent(d.frameKey(), x -> (long) order.size());
            byFrame.computeIfAbsent(f, x -> new ArrayList<>()).add(Arrays.copyOf(d.keypoints(), 3 * kept));
        }
        found = null;
        double[] numbers = byFrame.keySet().stream().mapToDouble(Long::doubleValue).toArray();
        int[] place = PoseCsvReader.framePlaces(numbers);
        int n = place == null ? numbers.length : place[place.length - 1] + 1;
        if (n > PoseCsvReader.MAX_FRAMES) {
            throw GaitformException.badInput(source, "frames", "at most " + PoseCsvReader.MAX_FRAMES + " frames", n
                    + " (split the video)");
        }
        List<List<double[]>> frames = new ArrayList<>();
        for (int f = 0; f < n; f++) {
            frames.add(new ArrayList<>());
        }
        int idx = 0;
        int multi = 0;
        for (List<double[]> people : byFrame.values()) {
            List<double[]> here = frames.get(place == null ? idx : place[idx]);
            for (double[] v : people) {
                if (seen(v)) {
                    here.add(v);
                }
            }
            multi += here.size() > 1 ? 1 : 0;
            idx++;
        }
        a.decide("input_format", a.format(), String.format(Locale.ROOT, "%s, %d keypoints per person named by %s, %d "
                        + "frames%s", flavour, kept, namesFrom, n, place == null ? "" : " (" + (n - numbers.length)
                        + " frames with nobody found)"));
        if (!numbered) {
            a.decide("frame_order", "file", "the image ids hold no number: frames in the order of the file");
        }
        List<String> used = names.subList(0, kept);
        double[][] chosen = PersonTracks.pick(a, source, frames, multi, options, PersonTracks.Layout.of(used),
                used);
        List<PoseAssembler.Raw> raw = new ArrayList<>();
        for (int j = 0; j < kept; j++) {
            double[] x = new double[n];
            double[] y = new double[n];
            double[] c = new double[n];
            for (int f = 0; f < n; f++) {
                double[] v = chosen[f];
                boolean ok = v != null && v[3 * j + 2] > 0;
                x[f] = ok ? v[3 * j] : Double.NaN;
                y[f] = ok ? v[3 * j + 1] : Double.NaN;
                c[f] = ok ? v[3 * j + 2] : 0;
            }
            raw.add(new PoseAssembler.Raw(used.get(j), x, y, null, c));
        }
        return a.build(raw, null, Double.NaN, true, Optional.empty(), options);
    }

    /** Entries of a COCO results list or a dataset's annotations; {@code images} maps image ids to file names. */
    private static void results(List<?> list, String at, String source, Map<Object, Object> images,
                                List<Detection> out) {
        for (int i = 0; i < list.size(); i++) {
            String where = (at.isEmpty() ? "" : at) + "[" + i + "]";
            if (!(list.get(i) instanceof Map<?, ?> e)) {
                throw GaitformException.badInput(source, where, "a detection object", article(kind(list.get(i))));
            }
            if (!(e.get("keypoints") instanceof List<?> kp)) {
                throw GaitformException.badInput(source, where + ".keypoints", "an array of x, y, score triplets",
                        e.containsKey("keypoints") ? article(kind(e.get("keypoints"))) : "nothing");
            }
            Object id = e.containsKey("image_id") ? e.get("image_id") : e.get("frame_id");
            if (id == null) {
                throw GaitformException.badInput(source, where + ".image_id", "the image or frame the person is in",
                        "nothing");
            }
            Object name = images == null ? id : images.getOrDefault(key(id), id);
            if (kp.size() % 3 != 0 || kp.isEmpty()) {
                throw GaitformException.badInput(source, where + ".keypoints", "x, y, score triplets", kp.size()
                        + " numbers");
            }
            double[] v = new double[kp.size()];
            for (int j = 0; j < v.length; j++) {
                v[j] = number(kp.get(j), source, where + ".keypoints[" + j + "]");
            }
            out.add(new Detection(frameKey(name), cleaned(v)));
        }
    }

    /** MMPose's frames: {@code frame_id} and {@code instances} with {@code keypoints} [[x, y], …] and scores. */
    private static void mmposeFrames(List<?> frames, String at, String source, List<Detection> out) {
        for (int i = 0; i < frames.size(); i++) {
            String where = at + "[" + i + "]";
            if (!(frames.get(i) instanceof Map<?, ?> fr) || !(fr.get("instances") instanceof List<?> inst)) {
                throw GaitformException.badInput(source, where, "a frame with \"instances\"",
                        frames.get(i) instanceof Map<?, ?> ? "an object without them" : article(kind(frames.get(i))));
            }
            Object id = fr.get("frame_id") != null ? fr.get("frame_id") : (double) i;
            mmposeInstances(inst, where + ".instances", source, id, out);
        }
    }

    /** One frame's people in MMPose's layout: {@code keypoints} [[x, y], …] with {@code keypoint_scores}. */
    private static void mmposeInstances(List<?> inst, String at, String source, Object id, List<Detection> out) {
        for (int p = 0; p < inst.size(); p++) {
            String w = at + "[" + p + "]";
            if (!(inst.get(p) instanceof Map<?, ?> in) || !(in.get("keypoints") instanceof List<?> kp)) {
                throw GaitformException.badInput(source, w, "an instance with \"keypoints\"",
                        inst.get(p) instanceof Map<?, ?> ? "an object without them" : article(kind(inst.get(p))));
            }
            List<?> scores = in.get("keypoint_scores") instanceof List<?> s ? s : null;
            if (scores != null && scores.size() != kp.size()) {
                throw GaitformException.badInput(source, w + ".keypoint_scores", kp.size() + " scores, one per "
                        + "keypoint", scores.size() + " scores");
            }
            if (kp.isEmpty()) {
                throw GaitformException.badInput(source, w + ".keypoints", "[x, y] pairs", "an empty array");
            }
            double[] v = new double[3 * kp.size()];
            for (int j = 0; j < kp.size(); j++) {
                if (!(kp.get(j) instanceof List<?> xy) || xy.size() < 2) {
                    throw GaitformException.badInput(source, w + ".keypoints[" + j + "]", "an [x, y] pair",
                            article(kind(kp.get(j))) + (kp.get(j) instanceof List<?> l ? " of " + l.size() : ""));
                }
                v[3 * j] = number(xy.get(0), source, w + ".keypoints[" + j + "][0]");
                v[3 * j + 1] = number(xy.get(1), source, w + ".keypoints[" + j + "][1]");
                v[3 * j + 2] = scores == null ? 1 : number(scores.get(j), source, w + ".keypoint_scores[" + j + "]");
            }
            out.add(new Detection(frameKey(id), cleaned(v)));
        }
    }

    /** MMPose's {@code meta_info.keypoint_id2name} as a list, or {@code null}. */
    private static List<String> mmposeNames(Object meta, String source) {
        if (!(meta instanceof Map<?, ?> m) || !(m.get("keypoint_id2name") instanceof Map<?, ?> id2name)) {
            return null;
        }
        String[] names = new String[id2name.size()];
        for (Map.Entry<?, ?> e : id2name.entrySet()) {
            int i;
            try {
                i = Integer.parseInt(String.valueOf(e.getKey()).trim());
            } catch (NumberFormatException ex) {
                i = -1;
            }
            if (i < 0 || i >= names.length || !(e.getValue() instanceof String s) || names[i] != null) {
                throw GaitformException.badInput(source, "meta_info.keypoint_id2name", "keypoint numbers 0 to "
                        + (names.length - 1) + " with a name each", "'" + e.getKey() + "': " + kind(e.getValue()));
            }
            names[i] = s;
        }
        return List.of(names);
    }

    /** The first category's keypoint names, or {@code null}. */
    private static List<String> categoryNames(Object categories, String source) {
        if (!(categories instanceof List<?> cats) || cats.isEmpty() || !(cats.get(0) instanceof Map<?, ?> c)
                || !(c.get("keypoints") instanceof List<?> kp)) {
            return null;
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < kp.size(); i++) {
            if (!(kp.get(i) instanceof String s)) {
                throw GaitformException.badInput(source, "categories[0].keypoints[" + i + "]", "a keypoint name",
                        article(kind(kp.get(i))));
            }
            names.add(s);
        }
        return names;
    }

    /** {@code v} with every keypoint whose place is not a finite number, or whose score is not, unseen (score 0). */
    private static double[] cleaned(double[] v) {
        for (int j = 0; j + 2 < v.length; j += 3) {
            if (!(Double.isFinite(v[j]) && Double.isFinite(v[j + 1]) && v[j + 2] > 0 && Double.isFinite(v[j + 2]))) {
                v[j] = 0;
                v[j + 1] = 0;
                v[j + 2] = 0;
            }
        }
        return v;
    }

    /** True when any keypoint of {@code v} is seen (a score above 0). */
    private static boolean seen(double[] v) {
        for (int j = 2; j < v.length; j += 3) {
            if (v[j] > 0) {
                return true;
            }
        }
        return false;
    }

    /** A frame's key: its number (a whole number, or the last number in a name), else the id itself. */
    private static Object frameKey(Object id) {
        if (id instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
            return d.longValue();
        }
        if (id instanceof String s) {
            Matcher m = LAST_NUMBER.matcher(s);
            if (m.find() && m.group(1).length() < 16) {
                return Long.parseLong(m.group(1));
            }
        }
        return String.valueOf(id);
    }

    /** An id as a map key: whole numbers as longs, so that 3 and 3.0 are one image. */
    private static Object key(Object id) {
        return id instanceof Double d && d == Math.rint(d) ? (Object) d.longValue() : id;
    }

    private static double number(Object o, String source, String where) {
        if (o instanceof Double d) {
            if (!(Math.abs(d) <= PoseAssembler.MAX_COORDINATE)) {
                throw GaitformException.badInput(source, where, "a number within ±" + PoseAssembler.MAX_COORDINATE_TEXT,
                        String.format(Locale.ROOT, "%.3g", d));
            }
            return d;
        }
        if (o == null) {
            return Double.NaN; // a keypoint not found
        }
        throw GaitformException.badInput(source, where, "a number", article(kind(o)));
    }

    private static String article(String kind) {
        return kind.equals("null") ? "null" : (kind.startsWith("a") || kind.startsWith("o") ? "an " : "a ") + kind;
    }

    private static String kind(Object o) {
        return o == null ? "null" : o instanceof String ? "string" : o instanceof Double ? "number"
                : o instanceof Boolean ? "boolean" : o instanceof List ? "array" : "object";
    }
}
