package org.gaitform.io.pose;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gaitform.model.GaitformException;
import org.gaitform.model.PoseRecording;
import org.gaitform.model.Printable;

/**
 * The labels folder that Ultralytics YOLO pose models write for a video ({@code yolo pose predict source=run.mp4
 * save_txt=True}, also {@code yolo pose track}): one text file per frame in which somebody was found, named
 * {@code <video>_<frame>.txt} (frames counted from 1), one line per person: the class, the box's centre, width and
 * height, then each of the 17 COCO keypoints as x, y and its confidence, all but the class and confidences as shares of
 * the picture's width and height; a box confidence ({@code save_conf=True}) and a track id ({@code track}) may follow.
 * A model without keypoint confidences writes x and y only. (Ultralytics, {@code ultralytics/engine/results.py},
 * {@code Results.save_txt}; the pose label format of docs.ultralytics.com/datasets/pose.)
 *
 * <p>Frames without a file are frames in which nobody was found. Several people are followed from frame to frame and
 * the runner is chosen as in OpenPose's folders ({@link PersonTracks}, {@code --person N}); track ids are not used.
 * Coordinates become pixels with {@code --image-size WxH} or, without it, with the size of the video the predictor
 * wrote beside its labels folder ({@code runs/pose/predict/run.avi}, {@code .mp4} on macOS), whose header also gives
 * the frame rate ({@link VideoHeaders}, {@link PoseAssembler#videoBeside}); otherwise the picture's shape is found from
 * the legs ({@link ImageAspect}) or, when it cannot be, angles are measured as if it were square (a warning and the
 * quality check {@code image_aspect_assumed} say so). The frame rate is 30 fps when
 * neither {@code --fps} nor that video gives it.
 */
public final class YoloPoseLabelsReader {
    /** Values on a line: class, box (4), 17 keypoints of x, y[, confidence], then box confidence and track id. */
    private static final int KEYPOINTS = 17;
    /** The format's name in outputs. */
    static final String FORMAT = "yolo-pose-txt";
    private static final Pattern FRAME_FILE = Pattern.compile("(.*?)_?(\\d{1,9})\\.txt", Pattern.CASE_INSENSITIVE);
    /** Bytes of a frame file read at most (a frame of many people is a few kB). */
    static final long MAX_FRAME_BYTES = 1 << 20;

    /** A frame file: the video's name, the frame's number. */
    private record FrameFile(String stem, long frame, Path path) {
    }

    /**
     * True for a folder whose {@code .txt} files are named {@code <name>_<number>.txt} (or {@code <number>.txt}) and
     * whose first frame's first line is a YOLO pose label of 17 keypoints.
     */
    public static boolean isLabelsFolder(Path dir) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try {
            List<FrameFile> files = frameFiles(dir, 1);
            if (files == null || files.isEmpty()) {
                return false;
            }
            try (BufferedReader r = Files.newBufferedReader(files.get(0).path(), StandardCharsets.UTF_8)) {
                String line = r.readLine();
                return line != null && keypointValues(line.trim().split("\\s+")) > 0;
            }
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * The folder's frame files by number, or {@code null} when a {@code .txt} file is not named like one; at most
     * {@code limit} of them are read into the list (all when {@code limit} is 0), the smallest numbers first.
     */
    private static List<FrameFile> frameFiles(Path dir, int limit) throws IOException {
        List<FrameFile> files = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.{txt,TXT}")) {
            for (Path p : ds) {
                String name = p.getFileName().toString();
                if (name.startsWith(".") || !Files.isRegularFile(p)) {
                    continue;
                }
                Matcher m = FRAME_FILE.matcher(name);
                if (!m.matches()) {
                    return null;
                }
                files.add(new FrameFile(m.group(1), Long.parseLong(m.group(2)), p));
            }
        }
        Comparator<FrameFile> order = Comparator.comparingLong(FrameFile::frame).thenComparing(FrameFile::stem);
        if (limit > 0) {
            return files.stream().min(order).map(List::of).orElse(List.of());
        }
        files.sort(order);
        return files;
    }

    /**
     * Values per keypoint on a label line (3 with confidences, 2 without), or 0 when the line is not a pose label of
     * 17 keypoints: a whole class number, a box and the keypoints inside [-0.5, 1.5] of the picture, optionally a box
     * confidence and a track id.
     */
    private static int keypointValues(String[] tokens) {
        int n = tokens.length;
        int per;
        if (n >= 5 + 3 * KEYPOINTS && n <= 7 + 3 * KEYPOINTS) {
            per = 3;
        } else if (n >= 5 + 2 * KEYPOINTS && n <= 7 + 2 * KEYPOINTS) {
            per = 2;
        } else {
            return 0;
        }
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            try {
                v[i] = Double.parseDouble(tokens[i]);
            } catch (NumberFormatException e) {
                return 0;
            }
            if (!Double.isFinite(v[i])) {
                return 0;
            }
        }
        if (v[0] < 0 || v[0] != Math.rint(v[0])) {
            return 0;
        }
        for (int i = 1; i < 5 + per * KEYPOINTS; i++) {
            boolean confidence = per == 3 && i >= 5 && (i - 5) % 3 == 2;
            if (confidence ? v[i] < 0 || v[i] > 1 : v[i] < -0.5 || v[i] > 1.5) {
                return 0;
            }
        }
        return per;
    }

    /** Reads the labels folder {@code dir}. */
    public PoseRecording read(Path dir, String source, PoseReadOptions options) throws IOException {
        List<FrameFile> files = frameFiles(dir, 0);
        if (files == null || files.isEmpty()) {
            throw GaitformException.badInput(source, "", "YOLO pose label files named <video>_<frame>.txt",
                    files == null ? "a .txt file named otherwise" : "no .txt file in the folder");
        }
        TreeSet<String> stems = new TreeSet<>();
        files.forEach(f -> stems.add(f.stem()));
        if (stems.size() > 1) {
            throw GaitformException.badInput(source, "", "the labels of one video (files named <video>_<frame>.txt "
                    + "with one <video>)", stems.size() + " videos (" + String.join(", ", stems.stream().limit(4)
                    .map(st -> st.isEmpty() ? "(no name)" : "'" + st + "'").toList())
                    + (stems.size() > 4 ? ", …" : "")
                    + "): put each video's labels in a folder of its own");
        }
        if (files.size() > PoseCsvReader.MAX_FRAMES) {
            throw GaitformException.badInput(source, "", "at most " + PoseCsvReader.MAX_FRAMES + " frames",
                    files.size() + " files (split the video)");
        }
        long steps = 0;
        for (int i = 1; i < files.size(); i++) {
            steps += files.get(i).frame() - files.get(i - 1).frame() == 1 ? 1 : 0;
        }
        if (files.size() > 2 && steps < (files.size() - 1) / 2.0) {
            throw GaitformException.badInput(source, "file names", "a video's frames, numbered one by one (frames "
                    + "without anybody have no file)", "numbers that mostly skip (" + files.get(0).path().getFileName()
                    + ", " + files.get(1).path().getFileName() + ", …): these look like the labels of separate "
                    + "images");
        }
        List<CocoKeypointsReader.Detection> found = new ArrayList<>();
        int perKeypoint = 0;
        for (FrameFile f : files) {
            String name = f.path().getFileName().toString();
            if (Files.size(f.path()) > MAX_FRAME_BYTES) {
                throw GaitformException.badInput(source, name, "a frame's labels of at most " + (MAX_FRAME_BYTES >> 10)
                        + " kB", (Files.size(f.path()) >> 10) + " kB");
            }
            byte[] bytes = Files.readAllBytes(f.path());
            for (byte c : bytes) {
                if (c < 0) {
                    throw GaitformException.badInput(source, name, "a frame's labels as plain text (numbers)",
                            "bytes that are not ASCII text");
                }
            }
            List<String> lines = List.of(new String(bytes, StandardCharsets.US_ASCII).split("\n", -1));
            for (int li = 0; li < lines.size(); li++) {
                String line = lines.get(li).trim();
                if (line.isEmpty()) {
                    continue;
                }
                String[] tokens = line.split("\\s+");
                int per = keypointValues(tokens);
                if (per == 0) {
                    throw GaitformException.badInput(source, name + ", line " + (li + 1), "a YOLO pose label: the "
                            + "class, the box's x, y, width and height, then x, y[, confidence] of 17 keypoints as "
                            + "shares of the picture (" + (5 + 3 * KEYPOINTS) + " to " + (7 + 3 * KEYPOINTS)
                            + " numbers, or " + (5 + 2 * KEYPOINTS) + " to " + (7 + 2 * KEYPOINTS)
                            + " without confidences)",
                            tokens.length + " value(s) starting '" + Printable.quoted(line) + "'");
                }
                if (perKeypoint != 0 && per != perKeypoint) {
                    throw GaitformException.badInput(source, name + ", line " + (li + 1), perKeypoint
                            + " values per keypoint like the lines before", per + " values per keypoint");
                }
                perKeypoint = per;
                double[] v = new double[3 * KEYPOINTS];
                for (int k = 0; k < KEYPOINTS; k++) {
                    double x = Double.parseDouble(tokens[5 + per * k]);
                    double y = Double.parseDouble(tokens[6 + per * k]);
                    double c = per == 3 ? Double.parseDouble(tokens[7 + per * k]) : (x == 0 && y == 0 ? 0 : 1);
                    v[3 * k] = x;
                    v[3 * k + 1] = y;
                    v[3 * k + 2] = c;
                }
                found.add(new CocoKeypointsReader.Detection(f.frame(), v));
            }
        }
        PoseAssembler a = new PoseAssembler(source, FORMAT);
        // the video the predictor wrote beside the labels folder gives the picture's size and the frame rate
        a.videoBeside(VideoHeaders.beside(java.util.Collections.singletonList(dir.toAbsolutePath().getParent()),
                files.get(0).stem()));
        return CocoKeypointsReader.recording(found, null, String.format(Locale.ROOT,
                "Ultralytics YOLO pose labels (%d files%s)", files.size(), perKeypoint == 2 ? ", no keypoint "
                        + "confidences" : ""), source, options, a);
    }
}
