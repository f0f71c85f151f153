package org.gaitform.io.pose;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gaitform.model.GaitformException;
import org.gaitform.model.PoseRecording;

/**
 * Reads an OpenPose output folder: one JSON file per frame ({@code <video>_<frame number>_keypoints.json})
 * with {@code people[].pose_keypoints_2d} as x, y, confidence triplets in BODY_25 order. Frames are ordered
 * by the number in the file name. When frames show several people, they are followed from frame to frame and the
 * runner is the one seen moving their legs in the most frames ({@link PersonTracks}); frames without the runner are
 * kept as missing.
 */
public final class OpenPoseJsonReader {
    private static final Pattern FRAME_NO = Pattern.compile("(\\d+)(?!.*\\d)");
    /** Largest frame file read (bytes); a frame of 25 keypoints with face and hands for many people is far smaller. */
    static final long MAX_FRAME_BYTES = 8L << 20;

    /** True for a folder holding OpenPose per-frame JSON files. */
    public static boolean isOpenPoseFolder(Path dir) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, "*_keypoints.json")) {
            return s.iterator().hasNext();
        } catch (IOException e) {
            return false;
        }
    }

    /** Reads the folder. */
    public PoseRecording read(Path dir, String source, PoseReadOptions options) throws IOException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, "*.json")) {
            for (Path p : s) {
                if (Files.isRegularFile(p)) {
                    files.add(p);
                }
            }
        }
        if (files.isEmpty()) {
            throw GaitformException.badInput(source, "", "OpenPose *_keypoints.json files", "no JSON file in the folder");
        }
        files.sort((a, b) -> {
            long na = frameNumber(a);
            long nb = frameNumber(b);
            return na != nb ? Long.compare(na, nb) : a.getFileName().toString().compareTo(b.getFileName().toString());
        });
        int k = KeypointNames.BODY_25.size();
        int n = files.size();
        double[][] x = new double[k][n];
        double[][] y = new double[k][n];
        double[][] c = new double[k][n];
        for (double[] row : x) {
            Arrays.fill(row, Double.NaN);
        }
        for (double[] row : y) {
            Arrays.fill(row, Double.NaN);
        }
        int multi = 0;
        List<List<double[]>> found = new ArrayList<>();
        for (int f = 0; f < n; f++) {
            Path p = files.get(f);
            String where = p.getFileName().toString();
            Object doc = PoseFiles.readJson(p, source, where, "an OpenPose frame", MAX_FRAME_BYTES, "");
            if (!(doc instanceof Map<?, ?> m) || !(m.get("people") instanceof List<?> people)) {
                throw GaitformException.badInput(source, where, "an OpenPose object with a \"people\" array",
                        !(doc instanceof Map<?, ?> dm) ? "a JSON " + kind(doc) : dm.containsKey("people")
                                ? "\"people\" holding " + article(kind(dm.get("people"))) : "no \"people\" array");
            }
            List<double[]> candidates = new ArrayList<>();
            for (int pi = 0; pi < people.size(); pi++) {
                Object person = people.get(pi);
                if (!(person instanceof Map<?, ?> pm) || !(pm.get("pose_keypoints_2d") instanceof List<?> kp)) {
                    throw GaitformException.badInput(source, where + ", people[" + pi + "]",
                            "a person object with a \"pose_keypoints_2d\" array", !(person instanceof Map<?, ?> pm2)
                                    ? article(kind(person)) : pm2.containsKey("pose_keypoints_2d")
                                    ? "\"pose_keypoints_2d\" holding " + article(kind(pm2.get("pose_keypoints_2d")))
                                    : "no \"pose_keypoints_2d\"");
                }
                if (kp.isEmpty()) {
                    continue;
                }
                if (kp.size() != 3 * k) {
                    throw GaitformException.badInput(source, where + ", people[" + pi + "].pose_keypoints_2d",
                            (3 * k) + " numbers (BODY_25: 25 keypoints × x, y, confidence)", kp.size() + " numbers");
                }
                double[] v = new double[kp.size()];
                for (int i = 0; i < v.length; i++) {
                    if (!(kp.get(i) instanceof Double d)) {
                        throw GaitformException.badInput(source, where + ", people[" + pi + "].pose_keypoints_2d[" + i
                                + "]", "a number", article(kind(kp.get(i))));
                    }
                    if (!(Math.abs(d) <= PoseAssembler.MAX_COORDINATE)) {
                        throw GaitformException.badInput(source, where + ", people[" + pi + "].pose_keypoints_2d[" + i
                                + "]", "a coordinate within ±" + PoseAssembler.MAX_COORDINATE_TEXT, String.format(
                                        Locale.ROOT, "%.3g", d));
                    }
                    v[i] = d;
                }
                candidates.add(v);
            }
            if (candidates.size() > 1) {
                multi++;
            }
            found.add(candidates);
        }
        PoseAssembler a = new PoseAssembler(source, "openpose-json");
        // OpenPose names its frames <video>_<frame number>_keypoints.json, in a folder beside the video or in it
        String video = files.get(0).getFileName().toString().replaceFirst("_\\d+_keypoints\\.json$", "");
        a.videoBeside(video.endsWith(".json") ? Optional.empty() : VideoHeaders.beside(java.util.Arrays.asList(
                dir.toAbsolutePath(), dir.toAbsolutePath().getParent()), video));
        a.decide("input_format", "openpose-json", n + " OpenPose BODY_25 JSON files, ordered by frame number");
        double[][] chosen = PersonTracks.pick(a, source, found, multi, options, PersonTracks.Layout.BODY_25,
                KeypointNames.BODY_25);
        for (int f = 0; f < n; f++) {
            if (chosen[f] == null) {
                continue;
            }
            for (int j = 0; j < k; j++) {
                x[j][f] = chosen[f][3 * j];
                y[j][f] = chosen[f][3 * j + 1];
                c[j][f] = chosen[f][3 * j + 2];
            }
        }
        List<PoseAssembler.Raw> raw = new ArrayList<>();
        for (int j = 0; j < k; j++) {
            raw.add(new PoseAssembler.Raw(KeypointNames.BODY_25.get(j), x[j], y[j], null, c[j]));
        }
        return a.build(raw, null, Double.NaN, true, Optional.empty(), options);
    }

    private static long frameNumber(Path p) {
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT).replace("_keypoints.json", "");
        Matcher m = FRAME_NO.matcher(name);
        if (m.find()) {
            try {
                return Long.parseLong(m.group(1));
            } catch (NumberFormatException e) {
                return Long.MAX_VALUE;
            }
        }
        return Long.MAX_VALUE;
    }

    private static String article(String kind) {
        return kind.equals("null") ? "null" : (kind.startsWith("a") || kind.startsWith("o") ? "an " : "a ") + kind;
    }

    private static String kind(Object o) {
        return o == null ? "null" : o instanceof String ? "string" : o instanceof Double ? "number"
                : o instanceof Boolean ? "boolean" : o instanceof List ? "array" : "object";
    }
}
