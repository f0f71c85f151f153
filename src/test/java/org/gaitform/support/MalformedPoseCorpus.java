package org.gaitform.support;

import static org.gaitform.support.MalformedCorpus.c;
import static org.gaitform.support.MalformedCorpus.concat;
import static org.gaitform.support.MalformedCorpus.utf8;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.gaitform.support.MalformedCorpus.Case;

/**
 * The malformed-input corpus of the pose and motion-capture readers: keypoint tables (OpenPose, MediaPipe and
 * generic CSV), Fukuchi-style marker TSV, TRC, C3D and OpenPose JSON folders.
 */
public final class MalformedPoseCorpus {
    private MalformedPoseCorpus() {
    }

    private static List<String> lines(String text) {
        return new ArrayList<>(text.lines().toList());
    }

    private static String join(List<String> lines) {
        return String.join("\n", lines) + "\n";
    }

    /** The text with 1-based line {@code line} replaced. */
    private static String replaceLine(String text, int line, String with) {
        List<String> l = lines(text);
        l.set(line - 1, with);
        return join(l);
    }

    /** The 1-based line {@code line}. */
    private static String line(String text, int line) {
        return text.lines().skip(line - 1L).findFirst().orElseThrow();
    }

    /** Line {@code line} with its field {@code field} (0-based) replaced. */
    private static String replaceField(String text, int line, char sep, int field, String with) {
        String[] f = line(text, line).split(String.valueOf(sep), -1);
        f[field] = with;
        return replaceLine(text, line, String.join(String.valueOf(sep), f));
    }

    private static String header(String text) {
        return line(text, 1);
    }

    private static String column(String text, char sep, int field) {
        return header(text).split(String.valueOf(sep), -1)[field];
    }

    /** Cases for keypoint tables: OpenPose CSV, MediaPipe CSV and generic keypoint CSV. */
    public static List<Case> poseCsv() {
        String r = "pose-csv";
        String op = MalformedFiles.openPoseCsv();
        String mp = MalformedFiles.mediaPipeCsv();
        String gen = MalformedFiles.genericKeypointCsv();
        List<Case> cases = new ArrayList<>();
        // --- OpenPose CSV
        String c4 = column(op, ',', 4);
        cases.add(c(r, "OpenPose CSV: a word in a keypoint cell", "op_word.csv", utf8(replaceField(op, 40, ',', 4, "left")),
                "op_word.csv", "line 40, column '" + c4 + "'", "expected a number", "found 'left'"));
        cases.add(c(r, "OpenPose CSV: Infinity", "op_inf.csv", utf8(replaceField(op, 41, ',', 4, "Infinity")),
                "op_inf.csv", "line 41, column '" + c4 + "'", "expected a number", "found 'Infinity'"));
        cases.add(c(r, "OpenPose CSV: an overflowing number", "op_overflow.csv",
                utf8(replaceField(op, 42, ',', 5, "1e999")), "op_overflow.csv", "line 42", "found '1e999'"));
        String opTrunc = op.substring(0, op.indexOf(line(op, 100)) + 25);
        cases.add(c(r, "OpenPose CSV: truncated mid-row", "op_truncated.csv", utf8(opTrunc), "op_truncated.csv",
                "line 100", "expected " + header(op).split(",").length + " fields like the header", "(a ragged or cut row)"));
        cases.add(c(r, "OpenPose CSV: a ragged row", "op_ragged.csv", utf8(replaceLine(op, 60, "59,1,2,3")),
                "op_ragged.csv", "line 60", "found 4 fields"));
        cases.add(c(r, "OpenPose CSV: a row with extra fields", "op_extra_fields.csv",
                utf8(replaceLine(op, 61, line(op, 61) + ",1,2,3")), "op_extra_fields.csv", "line 61",
                "found " + (header(op).split(",").length + 3) + " fields"));
        cases.add(c(r, "OpenPose CSV: header only", "op_header_only.csv", utf8(header(op) + "\n"),
                "op_header_only.csv", "no frames of data"));
        cases.add(c(r, "OpenPose CSV: binary garbage after the header", "op_garbage.csv",
                concat(utf8(header(op) + "\n"), garbage(20_000, 7)), "op_garbage.csv", "line 2", "expected text",
                "binary data"));
        cases.add(c(r, "OpenPose CSV: an enormous line", "op_enormous_line.csv",
                utf8(replaceLine(op, 50, "1" + ",2".repeat(1_200_000))), "op_enormous_line.csv", "line 50",
                "expected lines of at most 1048576 characters"));
        cases.add(c(r, "OpenPose CSV: every confidence 0", "op_no_person.csv",
                utf8(op.replaceAll(",0\\.900", ",0.000")), "op_no_person.csv", "confidence columns",
                "every confidence is 0"));
        String dupHeader = header(op).replaceFirst(",[A-Za-z]+_y,", "," + column(op, ',', 1) + ",");
        cases.add(c(r, "OpenPose CSV: a duplicated column", "op_duplicated.csv",
                utf8(replaceLine(op, 1, dupHeader)), "op_duplicated.csv", "header",
                "found '" + column(op, ',', 1) + "' twice (columns 2 and 3)"));
        cases.add(c(r, "OpenPose CSV: UTF-16LE with byte-order mark and a bad cell", "op_utf16.csv",
                concat(new byte[] {(byte) 0xFF, (byte) 0xFE},
                        replaceField(op, 30, ',', 4, "µ").getBytes(StandardCharsets.UTF_16LE)),
                "op_utf16.csv", "line 30, column '" + c4 + "'", "found 'µ'"));
        // --- MediaPipe CSV
        String m1 = column(mp, ',', 1);
        cases.add(c(r, "MediaPipe CSV: an empty time cell", "mp_empty_time.csv", utf8(replaceField(mp, 20, ',', 0, "")),
                "mp_empty_time.csv", "line 20, column 'time_s'", "found an empty cell"));
        cases.add(c(r, "MediaPipe CSV: time going backwards", "mp_backwards.csv",
                utf8(replaceField(mp, 25, ',', 0, "0.1000")), "mp_backwards.csv", "frame 24, time column",
                "expected time that increases from frame to frame", "followed by 0.1"));
        cases.add(c(r, "MediaPipe CSV: constant time (zero rate)", "mp_zero_rate.csv",
                utf8(mp.replaceAll("(?m)^[0-9]+\\.[0-9]{4},", "5.0000,")), "mp_zero_rate.csv", "time column",
                "expected times that increase"));
        cases.add(c(r, "MediaPipe CSV: every visibility 0", "mp_invisible.csv", utf8(mp.replace(",0.95", ",0")),
                "mp_invisible.csv", "every confidence is 0"));
        cases.add(c(r, "MediaPipe CSV: NaN everywhere", "mp_all_nan.csv",
                utf8(header(mp) + "\n" + mp.lines().skip(1).map(l -> l.replaceAll(",[-0-9.]+", ",NaN"))
                        .reduce("", (a, b) -> a + b + "\n")), "mp_all_nan.csv",
                "every confidence is 0 or empty"));
        cases.add(c(r, "MediaPipe CSV: a 5000-digit cell", "mp_long_cell.csv",
                utf8(replaceField(mp, 33, ',', 1, "9".repeat(5000))), "mp_long_cell.csv",
                "line 33, column '" + m1 + "'", "expected a number", "found '999"));
        // --- generic keypoint CSV
        String g4 = column(gen, ',', 4);
        cases.add(c(r, "generic keypoint CSV: a number with a unit", "kp_unit.csv",
                utf8(replaceField(gen, 12, ',', 4, "512 px")), "kp_unit.csv", "line 12, column '" + g4 + "'",
                "found '512 px'"));
        String latin = "Zeit;Hüfte_x;Hüfte_y;Knie_x;Knie_y;Knöchel_x;Knöchel_y;Ferse_x;Ferse_y\n"
                + "0,00;1,0;2,0;1,1;2,5;1,2;3,0;1,1;3,1\n0,04;1,0;2,0;1,1;2,5;grün;3,0;1,1;3,1\n";
        cases.add(c(r, "generic keypoint CSV in Latin-1 with a bad cell", "kp_latin1.csv",
                latin.getBytes(Charset.forName("ISO-8859-1")), "kp_latin1.csv", "line 3, column 'Knöchel_x'",
                "found 'grün'"));
        cases.add(c(r, "generic keypoint CSV: two frames", "kp_two_frames.csv", utf8(join(lines(gen).subList(0, 3))),
                "kp_two_frames.csv", "only 0 foot contact(s)"));
        return cases;
    }

    /** Cases for Fukuchi-style marker tables (tab separated, 3D, no confidences). */
    public static List<Case> markerTsv() {
        String r = "marker-tsv";
        String tsv = MalformedFiles.markerTsv();
        String c4 = column(tsv, '\t', 4);
        List<Case> cases = new ArrayList<>();
        cases.add(c(r, "a word in a marker cell", "mk_word.tsv", utf8(replaceField(tsv, 70, '\t', 4, "n/a")),
                "mk_word.tsv", "line 70, column '" + c4 + "'", "expected a number", "found 'n/a'"));
        cases.add(c(r, "no time column and no frame rate", "mk_no_time.tsv",
                utf8(tsv.replaceAll("(?m)^[^\\t]*\\t", "")), "mk_no_time.tsv", "header",
                "expected a time column or a recorded frame rate", "give the frame rate with --fps"));
        cases.add(c(r, "a repeated time", "mk_repeated_time.tsv",
                utf8(replaceField(tsv, 11, '\t', 0, line(tsv, 10).split("\t")[0])), "mk_repeated_time.tsv",
                "frame 10, time column", "expected time that increases from frame to frame"));
        cases.add(c(r, "Infinity in a marker cell", "mk_inf.tsv", utf8(replaceField(tsv, 71, '\t', 5, "-Infinity")),
                "mk_inf.tsv", "line 71", "found '-Infinity'"));
        cases.add(c(r, "a ragged row", "mk_ragged.tsv", utf8(replaceLine(tsv, 90, "2.9667\t1\t2")), "mk_ragged.tsv",
                "line 90", "found 3 fields (a ragged or cut row)"));
        return cases;
    }

    /** Cases for OpenSim TRC files. */
    public static List<Case> trc() {
        String r = "trc";
        String good = MalformedFiles.trc();
        String m1 = line(good, 4).split("\t")[2];
        List<Case> cases = new ArrayList<>();
        cases.add(c(r, "truncated in the header", "trc_header_cut.trc", utf8(join(lines(good).subList(0, 3))),
                "trc_header_cut.trc", "header", "expected the 5 header lines of a TRC file", "found 3 lines (truncated file)"));
        String cut = good.substring(0, good.indexOf(line(good, 120)) + 40);
        cases.add(c(r, "truncated mid-row", "trc_row_cut.trc", utf8(cut), "trc_row_cut.trc", "line 120",
                "expected " + line(good, 7).split("\t").length + " fields (Frame#, Time and X, Y, Z of", "(a ragged or cut row)"));
        cases.add(new Case(r, "header claims a billion frames (data complete)", "trc_billion_frames.trc",
                utf8(MalformedFiles.trc("1000000000")), List.of("the header declares 1000000000 frames but 240 were read"),
                Map.of(), true));
        cases.add(c(r, "header claims a billion frames, data cut off", "trc_billion_no_data.trc",
                utf8(join(lines(MalformedFiles.trc("1000000000")).subList(0, 6))), "trc_billion_no_data.trc",
                "no frames of data below the header"));
        cases.add(c(r, "a word in a cell", "trc_word.trc", utf8(replaceField(good, 40, '\t', 3, "abc")),
                "trc_word.trc", "line 40, column '" + m1 + " Y'", "expected a number (or an empty cell for a missing marker)",
                "found 'abc'"));
        cases.add(c(r, "Infinity in a cell", "trc_inf.trc", utf8(replaceField(good, 41, '\t', 4, "Infinity")),
                "trc_inf.trc", "line 41, column '" + m1 + " Z'", "expected a number", "found 'Infinity'"));
        cases.add(c(r, "a hexadecimal float", "trc_hex.trc", utf8(replaceField(good, 42, '\t', 2, "0x1p3")),
                "trc_hex.trc", "line 42, column '" + m1 + " X'", "found '0x1p3'"));
        cases.add(c(r, "NaN time", "trc_nan_time.trc", utf8(replaceField(good, 43, '\t', 1, "NaN")),
                "trc_nan_time.trc", "line 43, column 'Time'", "expected a time in seconds", "found 'NaN'"));
        cases.add(c(r, "zero frame rate", "trc_zero_rate.trc",
                utf8(replaceLine(good, 3, line(good, 3).replaceFirst("^30\\.00", "0"))), "trc_zero_rate.trc",
                "line 3, field 'DataRate'", "expected a frame rate above 0 and at most 100000 Hz", "found 0"));
        cases.add(c(r, "negative frame rate", "trc_negative_rate.trc",
                utf8(replaceLine(good, 3, line(good, 3).replaceFirst("^30\\.00", "-30"))), "trc_negative_rate.trc",
                "line 3, field 'DataRate'", "found -30"));
        cases.add(c(r, "not a TRC file", "trc_not.trc", utf8("hello\nworld\n1\n2\n3\n4\n5\n"), "trc_not.trc",
                "line 1", "expected a TRC header starting with 'PathFileType'", "found 'hello'"));
        cases.add(c(r, "binary garbage", "trc_garbage.trc", garbage(30_000, 3), "trc_garbage.trc", "expected"));
        cases.add(c(r, "UTF-16BE without byte-order mark, bad unit", "trc_utf16.trc",
                replaceLine(good, 3, line(good, 3).replace("\tmm\t", "\tfurlong\t")).getBytes(StandardCharsets.UTF_16BE),
                "trc_utf16.trc", "line 3, field 'Units'", "expected mm, cm or m", "found 'furlong'"));
        return cases;
    }

    /** Cases for Vicon Nexus CSV exports. */
    /** COCO keypoints JSON (AlphaPose, YOLO-pose, MMPose). */
    public static List<Case> cocoJson() {
        String r = "coco-json";
        String person = "[" + String.join(",", java.util.Collections.nCopies(17, "100.5,200.5,0.9")) + "]";
        List<Case> cases = new ArrayList<>();
        cases.add(c(r, "a keypoint count of no model", "pose_count.json", utf8("[{\"image_id\":0,\"keypoints\":["
                + String.join(",", java.util.Collections.nCopies(20, "1,2,0.9")) + "]}]"), "pose_count.json",
                "keypoints", "17 (COCO), 18 (OpenPose COCO), 25 (BODY_25), 26 (Halpe), 133 (COCO-WholeBody) or 136 "
                        + "(Halpe full body)",
                "found 20 keypoints"));
        cases.add(c(r, "a person without a frame", "pose_noid.json", utf8("[{\"image_id\":0,\"keypoints\":" + person
                + "},{\"keypoints\":" + person + "}]"), "pose_noid.json", "[1].image_id",
                "the image or frame the person is in", "nothing"));
        cases.add(c(r, "a word among the numbers", "pose_word.json", utf8("[{\"image_id\":0,\"keypoints\":"
                + person.replaceFirst("200.5", "\"x\"") + "}]"), "pose_word.json", "[0].keypoints[1]", "a number",
                "a string"));
        cases.add(c(r, "an absurdly large coordinate", "pose_absurd.json", utf8("[{\"image_id\":0,\"keypoints\":"
                + person.replaceFirst("100.5", "1e300") + "}]"), "pose_absurd.json", "[0].keypoints[0]",
                "a number within ±1e7", "found 1.00e+300"));
        cases.add(c(r, "cut in the middle", "pose_cut.json", utf8("[{\"image_id\":0,\"keypoints\":"
                + person.substring(0, 40)), "pose_cut.json", "line 1", "valid JSON"));
        cases.add(c(r, "an MMPose instance without scores for every point", "pose_mmpose.json",
                utf8("{\"instance_info\":[{\"frame_id\":1,\"instances\":[{\"keypoints\":[[1,2],[3,4]],"
                        + "\"keypoint_scores\":[0.9]}]}]}"), "pose_mmpose.json",
                "instance_info[0].instances[0].keypoint_scores", "2 scores, one per keypoint", "found 1 scores"));
        return cases;
    }

    public static List<Case> vicon() {
        String r = "vicon";
        StringBuilder good = new StringBuilder("Trajectories\n100\n,,Runner:LHEE,,,Runner:RHEE,,\n"
                + "Frame,Sub Frame,X,Y,Z,X,Y,Z\n,,mm,mm,mm,mm,mm,mm\n");
        for (int f = 1; f <= 40; f++) {
            good.append(f).append(",0,").append(f).append(".5,100,").append(40 - f).append(",").append(f)
                    .append(",300,").append(f % 5).append('\n');
        }
        List<String> rows = lines(good.toString());
        List<Case> cases = new ArrayList<>();
        cases.add(c(r, "cut after the frame rate", "nexus_cut.csv", utf8(join(rows.subList(0, 2))), "nexus_cut.csv",
                "line 2", "marker names, 'Frame,Sub Frame,X,Y,Z,…' and units after the frame rate",
                "the end of the file (truncated)"));
        List<String> word = new ArrayList<>(rows);
        word.set(20, word.get(20).replaceFirst(",100,", ",1OO,"));
        cases.add(c(r, "a word in a cell", "nexus_word.csv", utf8(join(word)), "nexus_word.csv",
                "line 21, column 'Runner:LHEE Y'", "a number (or an empty cell for a gap)", "found '1OO'"));
        List<String> px = new ArrayList<>(rows);
        px.set(4, ",,px,px,px,px,px,px");
        cases.add(c(r, "pixels as the unit", "nexus_px.csv", utf8(join(px)), "nexus_px.csv", "line 5",
                "the unit of the trajectories: mm, cm or m", "'px'"));
        List<String> back = new ArrayList<>(rows);
        back.set(30, back.get(30).replaceFirst("^26,", "3,"));
        cases.add(c(r, "a frame number going back", "nexus_back.csv", utf8(join(back)), "nexus_back.csv",
                "line 31, column 'Frame'", "a frame number above the previous row's (25)", "found 3"));
        cases.add(c(r, "model outputs only", "nexus_model.csv", utf8("Model Outputs\n100\n,,Runner:LKneeAngles,,\n"
                + "Frame,Sub Frame,X,Y,Z\n,,deg,deg,deg\n1,0,10,2,3\n"), "nexus_model.csv",
                "a Trajectories section", "the sections Model Outputs only"));
        return cases;
    }

    /** Cases for C3D files. */
    public static List<Case> c3d() {
        String r = "c3d";
        List<Case> cases = new ArrayList<>();
        MalformedFiles.C3d good = new MalformedFiles.C3d();
        byte[] ok = good.bytes();
        cases.add(c(r, "truncated in the header", "c3d_header_cut.c3d", Arrays.copyOf(ok, 300), "c3d_header_cut.c3d",
                "header", "expected a C3D header of 512 bytes", "found 300 bytes"));
        MalformedFiles.C3d cut = new MalformedFiles.C3d();
        cut.cut = 1000;
        cases.add(c(r, "truncated in the data", "c3d_data_cut.c3d", cut.bytes(), "c3d_data_cut.c3d", "data section",
                "expected 60 frames of 64 bytes", "(truncated file)"));
        cases.add(c(r, "binary garbage", "c3d_garbage.c3d", garbage(4096, 11), "c3d_garbage.c3d", "header byte 2",
                "expected the C3D key 0x50"));
        MalformedFiles.C3d dec = new MalformedFiles.C3d();
        dec.processor = 85;
        cases.add(c(r, "DEC processor type", "c3d_dec.c3d", dec.bytes(), "c3d_dec.c3d",
                "parameter section, processor type", "expected a C3D file written for Intel processors (type 84)",
                "DEC (VAX floating point)"));
        MalformedFiles.C3d unknown = new MalformedFiles.C3d();
        unknown.processor = 0;
        cases.add(c(r, "unknown processor type", "c3d_processor0.c3d", unknown.bytes(), "c3d_processor0.c3d",
                "processor type", "unknown type 0"));
        MalformedFiles.C3d frames = new MalformedFiles.C3d();
        frames.lastFrame = 65535;
        cases.add(c(r, "header claims 65535 frames", "c3d_many_frames.c3d", frames.bytes(), "c3d_many_frames.c3d",
                "data section", "expected 65535 frames", "(truncated file)"));
        MalformedFiles.C3d billion = new MalformedFiles.C3d();
        billion.lastFrame = 65535;
        billion.pointFrames = 1e9f;
        cases.add(c(r, "POINT:FRAMES claims a billion frames", "c3d_billion_frames.c3d", billion.bytes(),
                "c3d_billion_frames.c3d", "data section", "expected 1000000000 frames", "(truncated file)"));
        MalformedFiles.C3d points = new MalformedFiles.C3d();
        points.used = 65535;
        cases.add(c(r, "POINT:USED claims 65535 points", "c3d_many_points.c3d", points.bytes(), "c3d_many_points.c3d",
                "data section", "frames of 1048560 bytes", "(truncated file)"));
        MalformedFiles.C3d param = new MalformedFiles.C3d();
        param.paramBlock = 200;
        cases.add(c(r, "parameter block past the end", "c3d_param_past_end.c3d", param.bytes(),
                "c3d_param_past_end.c3d", "header", "expected a parameter section inside the file",
                "parameter block 200"));
        MalformedFiles.C3d data = new MalformedFiles.C3d();
        data.dataStart = 30_000;
        cases.add(c(r, "data block past the end", "c3d_data_past_end.c3d", data.bytes(), "c3d_data_past_end.c3d",
                "data section", "(truncated file)"));
        MalformedFiles.C3d loop = new MalformedFiles.C3d();
        loop.firstNextOffset = -6;
        cases.add(c(r, "a parameter record pointing backwards", "c3d_param_loop.c3d", loop.bytes(),
                "c3d_param_loop.c3d", "parameter section", "expected parameter records that follow one another",
                "a record pointing back"));
        MalformedFiles.C3d dims = new MalformedFiles.C3d();
        dims.labelDims = new int[] {255, 255, 255, 255, 255, 255, 255, 255};
        cases.add(c(r, "a parameter whose dimensions overflow", "c3d_param_dims.c3d", dims.bytes(),
                "c3d_param_dims.c3d", "parameter LABELS", "the end of the parameter section"));
        MalformedFiles.C3d rate = new MalformedFiles.C3d();
        rate.rate = Float.POSITIVE_INFINITY;
        cases.add(c(r, "an infinite frame rate", "c3d_inf_rate.c3d", rate.bytes(), "c3d_inf_rate.c3d", "POINT:RATE",
                "expected a frame rate above 0 and at most 100000 Hz", "found Infinity"));
        MalformedFiles.C3d zero = new MalformedFiles.C3d();
        zero.rate = 0;
        cases.add(c(r, "a zero frame rate", "c3d_zero_rate.c3d", zero.bytes(), "c3d_zero_rate.c3d", "POINT:RATE",
                "found 0"));
        MalformedFiles.C3d order = new MalformedFiles.C3d();
        order.firstFrame = 50;
        order.lastFrame = 10;
        cases.add(c(r, "last frame before the first", "c3d_frames_backwards.c3d", order.bytes(),
                "c3d_frames_backwards.c3d", "header", "expected a last frame at or after the first",
                "frames 50 to 10"));
        return cases;
    }

    /** Cases for OpenPose JSON folders (one file per frame). */
    public static List<Case> openPoseJson() {
        String r = "openpose-json";
        List<Case> cases = new ArrayList<>();
        String f3 = MalformedFiles.openPoseFrameName(3);
        String good3 = MalformedFiles.openPoseFrame(3);
        cases.add(folder(r, "a frame of broken JSON", "op_json_broken", f3, utf8(good3.substring(0, 200)),
                "op_json_broken: " + f3 + ", line 1, column 201", "expected valid JSON", "found expected"));
        cases.add(folder(r, "people is a string", "op_json_people_string", f3, utf8("{\"version\":1.3,\"people\":\"none\"}"),
                f3, "expected an OpenPose object with a \"people\" array", "found \"people\" holding a string"));
        cases.add(folder(r, "no people member", "op_json_no_people", f3, utf8("{\"version\":1.3,\"persons\":[]}"),
                f3, "found no \"people\" array"));
        cases.add(folder(r, "a frame that is a JSON array", "op_json_array", f3, utf8("[1,2,3]"), f3,
                "found a JSON array"));
        cases.add(folder(r, "a person that is a number", "op_json_person_number", f3, utf8("{\"people\":[42]}"),
                f3 + ", people[0]", "expected a person object with a \"pose_keypoints_2d\" array", "found a number"));
        cases.add(folder(r, "keypoints of the wrong type", "op_json_wrong_types", f3,
                utf8(good3.replaceFirst("\\[([0-9.]+),", "[\"$1\",")), f3 + ", people[0].pose_keypoints_2d[0]",
                "expected a number", "found a string"));
        cases.add(folder(r, "too few keypoints", "op_json_short", f3,
                utf8(good3.replaceFirst("\"pose_keypoints_2d\":\\[[^\\]]*\\]", "\"pose_keypoints_2d\":[1,2,0.5]")),
                f3 + ", people[0].pose_keypoints_2d", "expected 75 numbers", "found 3 numbers"));
        cases.add(folder(r, "a number too large for a double", "op_json_huge_number", f3,
                utf8(good3.replaceFirst("\\[([0-9.]+),", "[1e999,")), f3 + ", line 1", "number out of range",
                "'1e999'"));
        cases.add(folder(r, "an absurdly large coordinate", "op_json_absurd", f3,
                utf8(good3.replaceFirst("\\[([0-9.]+),", "[1e300,")), f3, "pose_keypoints_2d[0]",
                "expected a coordinate within ±1e7", "found 1.00e+300"));
        cases.add(folder(r, "nesting 100000 levels deep", "op_json_deep", f3, utf8("[".repeat(100_000)), f3,
                "nesting deeper than 200 levels"));
        cases.add(folder(r, "a frame in UTF-16", "op_json_utf16", f3, concat(new byte[] {(byte) 0xFF, (byte) 0xFE},
                good3.getBytes(StandardCharsets.UTF_16LE)), f3, "expected UTF-8 JSON text",
                "found bytes that are not UTF-8"));
        byte[] big = new byte[9 << 20];
        Arrays.fill(big, (byte) ' ');
        big[0] = '{';
        big[big.length - 1] = '}';
        cases.add(folder(r, "a 9 MB frame", "op_json_big_frame", f3, big, f3,
                "expected an OpenPose frame of at most 8 MiB", "found 9 MiB"));
        Map<String, byte[]> empty = new LinkedHashMap<>();
        for (int f = 0; f < 40; f++) {
            empty.put(MalformedFiles.openPoseFrameName(f), utf8("{\"version\":1.3,\"people\":[]}"));
        }
        cases.add(new Case(r, "no person in any frame", "op_json_nobody", new byte[0],
                List.of("op_json_nobody: confidence columns", "the pose estimator found no person in any frame"), empty,
                false));
        return cases;
    }

    /** An OpenPose folder of 60 good frames with one frame replaced. */
    private static Case folder(String reader, String name, String dir, String file, byte[] content, String... fragments) {
        Map<String, byte[]> m = MalformedFiles.openPoseFolder(60);
        m.put(file, content);
        List<String> f = new ArrayList<>();
        f.add(dir);
        f.addAll(List.of(fragments));
        return new Case(reader, name, dir, new byte[0], f, m, false);
    }

    /** Random bytes (seeded). */
    static byte[] garbage(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }
}
