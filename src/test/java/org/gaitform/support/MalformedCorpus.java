package org.gaitform.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The malformed-input corpus: files that every reader must turn into one clear message — the file, the
 * place (line, column, field or header), what was expected and what was found — never a crash or a stack
 * trace. Every case is generated here from code (no big or binary files in git).
 *
 * <p>To cover a new reader, add a method like {@link #imuCsv()} returning its cases and list it in
 * {@link #all()}; {@code MalformedInputCorpusTest} runs every case through the pipeline one by one and all
 * of them together through the command line.
 */
public final class MalformedCorpus {
    private MalformedCorpus() {
    }

    /**
     * One malformed input.
     *
     * @param reader    the reader family it targets (for the report table)
     * @param name      short name of the case
     * @param fileName  the file name to write it under (the extension picks the reader)
     * @param bytes     the file's content
     * @param fragments texts the message must contain (place, expected, found)
     */
    public record Case(String reader, String name, String fileName, byte[] bytes, List<String> fragments,
                       Map<String, byte[]> folder, boolean analysedWithWarning) {
        public Case {
            bytes = bytes.clone();
            fragments = List.copyOf(fragments);
            Map<String, byte[]> copy = new LinkedHashMap<>();
            folder.forEach((k, v) -> copy.put(k, v.clone()));
            folder = Collections.unmodifiableMap(copy);
        }

        /** A single-file case that must fail with one message. */
        public Case(String reader, String name, String fileName, byte[] bytes, List<String> fragments) {
            this(reader, name, fileName, bytes, fragments, Map.of(), false);
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }

        /** True when the case is a folder ({@link #folder} holds its files by relative path). */
        public boolean isFolder() {
            return !folder.isEmpty();
        }

        /** Writes the case (file or folder) into {@code dir} and returns its path. */
        public Path writeTo(Path dir) throws IOException {
            Path p = dir.resolve(fileName);
            if (isFolder()) {
                for (Map.Entry<String, byte[]> e : folder.entrySet()) {
                    Path f = p.resolve(e.getKey());
                    Files.createDirectories(f.getParent());
                    Files.write(f, e.getValue());
                }
            } else {
                Files.createDirectories(dir);
                Files.write(p, bytes);
            }
            return p;
        }

        /** Size on disk in bytes. */
        public long size() {
            return isFolder() ? folder.values().stream().mapToLong(b -> b.length).sum() : bytes.length;
        }

        @Override
        public String toString() {
            return reader + "/" + name;
        }
    }

    private static List<Case> all;

    /** Every case of every reader (generated once per JVM: some take seconds to build; cases are immutable). */
    public static synchronized List<Case> all() {
        if (all == null) {
            all = List.copyOf(generate());
        }
        return all;
    }

    private static List<Case> generate() {
        List<Case> out = new ArrayList<>();
        out.addAll(imuCsv());
        out.addAll(MalformedPoseCorpus.poseCsv());
        out.addAll(MalformedPoseCorpus.markerTsv());
        out.addAll(MalformedPoseCorpus.trc());
        out.addAll(MalformedPoseCorpus.vicon());
        out.addAll(MalformedPoseCorpus.c3d());
        out.addAll(MalformedPoseCorpus.openPoseJson());
        out.addAll(MalformedPoseCorpus.cocoJson());
        out.addAll(MalformedWatchCorpus.fit());
        out.addAll(MalformedWatchCorpus.xml());
        out.addAll(MalformedWatchCorpus.watchCsv());
        out.addAll(MalformedWatchCorpus.deviceExports());
        out.addAll(names());
        // extension point: a reader's cases in a method returning List<Case>, added here
        return out;
    }

    /**
     * Hostile file names (issue 11): a bidirectional override (U+202E) that would show {@code run_csv.exe} as
     * {@code run_exe.vsc}, a zero-width joiner and a control character, on files with a bad cell. Messages name the
     * file with those characters shown as '?' (checked on the batch's output).
     */
    public static List<Case> names() {
        String r = "names";
        String bad = "time,acc_v\n0,1\n0.01,oops\n";
        return List.of(
                c(r, "a right-to-left override in the name", "run\u202Evsc.exe.csv", utf8(bad), "line 3, column 'acc_v'",
                        "found 'oops'"),
                c(r, "a left-to-right isolate and a zero-width joiner", "walk\u2066\u200D.csv", utf8(bad),
                        "line 3, column 'acc_v'"),
                c(r, "an escape character", "esc\u001B[31mred.csv", utf8(bad), "line 3, column 'acc_v'"));
    }

    /**
     * True when a text holds characters that gaitform shows as '?' in names (control and format characters; line
     * breaks and tabs of the text itself aside).
     */
    public static boolean hasHiddenCharacters(String s) {
        return s.chars().anyMatch(ch -> ch != '\n' && ch != '\r' && ch != '\t'
                && (Character.getType(ch) == Character.CONTROL || Character.getType(ch) == Character.FORMAT));
    }

    static Case c(String reader, String name, String fileName, byte[] bytes, String... fragments) {
        return new Case(reader, name, fileName, bytes, Arrays.asList(fragments));
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    /** A good trunk IMU CSV (14 s at 100 Hz, header {@code time_s,acc_x_g,…,gyr_z_dps}). */
    public static String goodTrunkCsv() {
        return Fixtures.shortRunCsv();
    }

    /** The good CSV with data line {@code line} (1-based file line) replaced. */
    private static String replaceLine(String csv, int line, String with) {
        List<String> lines = new ArrayList<>(csv.lines().toList());
        lines.set(line - 1, with);
        return String.join("\n", lines) + "\n";
    }

    /** The first {@code lines} lines of the good CSV. */
    private static String head(String csv, int lines) {
        return String.join("\n", csv.lines().limit(lines).toList()) + "\n";
    }

    /** Cases for delimited-text IMU exports ({@code .csv}, {@code .tsv}, {@code .txt}). */
    public static List<Case> imuCsv() {
        String r = "imu-csv";
        String good = goodTrunkCsv();
        String header = good.lines().findFirst().orElseThrow();
        String row5 = good.lines().skip(4).findFirst().orElseThrow();
        Random rnd = new Random(2024);
        byte[] garbage = new byte[40_000];
        rnd.nextBytes(garbage);
        byte[] garbageNoNul = garbage.clone();
        for (int i = 0; i < garbageNoNul.length; i++) {
            if (garbageNoNul[i] == 0 || garbageNoNul[i] == '\n' || garbageNoNul[i] == '\r') {
                garbageNoNul[i] = 'x';
            }
        }
        List<Case> cases = new ArrayList<>();
        // --- truncated files
        cases.add(c(r, "truncated mid-row", "truncated_row.csv", utf8(good.substring(0, good.indexOf(row5) + 12)),
                "truncated_row.csv", "line 5", "expected 7 fields like the header", "found 2 fields"));
        cases.add(c(r, "truncated in the header", "truncated_header.csv", utf8(header.substring(0, 20)),
                "truncated_header.csv", "expected rows of data below the header", "found a header only"));
        cases.add(c(r, "header only", "header_only.csv", utf8(header + "\n"),
                "header_only.csv", "expected rows of data below the header", "found a header only"));
        cases.add(c(r, "one data row", "one_row.csv", utf8(head(good, 2)),
                "one_row.csv", "only 1 sample"));
        cases.add(c(r, "empty file", "empty.csv", new byte[0], "empty.csv", "expected rows of data, found an empty file"));
        cases.add(c(r, "blank lines only", "blank.csv", utf8("\n  \n\t\n\n"),
                "blank.csv", "expected rows of data, found an empty file"));
        cases.add(c(r, "byte-order mark only", "bom_only.csv", new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                "bom_only.csv", "expected rows of data, found an empty file"));
        // --- binary data
        cases.add(c(r, "binary garbage", "garbage.csv", garbage, "garbage.csv", "expected text",
                "found binary data (NUL bytes)"));
        cases.add(c(r, "binary garbage without NUL bytes", "garbage_no_nul.csv", garbageNoNul, "garbage_no_nul.csv",
                "expected text", "found binary data", "control characters"));
        cases.add(c(r, "a zip archive named .csv", "archive.csv", concat(new byte[] {'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0},
                Arrays.copyOf(garbage, 2000)), "archive.csv", "expected text", "found binary data"));
        String line600 = good.lines().skip(599).findFirst().orElseThrow();
        cases.add(c(r, "NUL bytes after the sniffed lines", "late_nul.csv",
                utf8(replaceLine(good, 600, line600.replaceFirst(",", ",\0"))), "late_nul.csv",
                "line 600", "expected text", "found a NUL byte"));
        // --- enormous lines
        cases.add(c(r, "one enormous line", "enormous_line.csv", utf8("1,".repeat(1_500_000)), "enormous_line.csv",
                "line 1", "expected lines of at most 1048576 characters", "found a longer line"));
        cases.add(c(r, "an enormous line in the data", "enormous_data_line.csv",
                utf8(replaceLine(good, 900, "0.1" + "0".repeat(2_000_000))), "enormous_data_line.csv", "line 900",
                "expected lines of at most 1048576 characters"));
        cases.add(c(r, "an enormous cell", "enormous_cell.csv", utf8(replaceLine(good, 700,
                row5.replaceFirst(",", "," + "9".repeat(5_000)))), "enormous_cell.csv", "line 700",
                "expected a finite number", "found '999"));
        // --- NaN / Inf cells
        cases.add(c(r, "NaN cell", "nan.csv", utf8(replaceLine(good, 30, row5.replaceFirst(",[^,]*", ",NaN"))),
                "nan.csv", "line 30, column 'acc_x_g'", "expected a finite number", "found 'NaN'"));
        cases.add(c(r, "Infinity cell", "inf.csv", utf8(replaceLine(good, 31, row5.replaceFirst(",[^,]*", ",Infinity"))),
                "inf.csv", "line 31, column 'acc_x_g'", "expected a finite number", "found 'Infinity'"));
        cases.add(c(r, "overflowing number", "overflow.csv", utf8(replaceLine(good, 32, row5.replaceFirst(",[^,]*", ",1e999"))),
                "overflow.csv", "line 32, column 'acc_x_g'", "found '1e999'"));
        cases.add(c(r, "empty cell", "empty_cell.csv", utf8(replaceLine(good, 33, row5.replaceFirst(",[^,]*", ","))),
                "empty_cell.csv", "line 33, column 'acc_x_g'", "found an empty cell"));
        cases.add(c(r, "number with a unit", "with_unit.csv", utf8(replaceLine(good, 34, row5.replaceFirst(",[^,]*", ",0.98 g"))),
                "with_unit.csv", "line 34, column 'acc_x_g'", "found '0.98 g'"));
        cases.add(c(r, "NaN time", "nan_time.csv", utf8(replaceLine(good, 35, row5.replaceFirst("^[^,]*", "nan"))),
                "nan_time.csv", "line 35, column 'time_s'", "expected a finite number", "found 'nan'"));
        // --- other encodings
        String euroBad = "Zeit (s);Acceleration X (m/s²);Acceleration Y (m/s²);Acceleration Z (m/s²)\n"
                + "0,00;0,1;0,2;9,8\n0,01;0,1;0,2;9,8\n0,02;0,1;0,2;9,8\n0,03;0,1;grün;9,8\n";
        cases.add(c(r, "Latin-1 file with a bad cell", "latin1.csv", euroBad.getBytes(Charset.forName("ISO-8859-1")),
                "latin1.csv", "line 5, column 'Acceleration Y (m/s²)'", "found 'grün'"));
        String bad16 = replaceLine(good, 40, row5.replaceFirst(",[^,]*", ",µ"));
        cases.add(c(r, "UTF-16LE with byte-order mark and a bad cell", "utf16le.csv",
                concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, bad16.getBytes(StandardCharsets.UTF_16LE)),
                "utf16le.csv", "line 40, column 'acc_x_g'", "found 'µ'"));
        cases.add(c(r, "UTF-16BE without byte-order mark and a bad cell", "utf16be.csv",
                bad16.getBytes(StandardCharsets.UTF_16BE), "utf16be.csv", "line 40, column 'acc_x_g'", "found 'µ'"));
        String[] row51 = good.lines().skip(50).findFirst().orElseThrow().split(",", 3);
        cases.add(c(r, "invalid UTF-8 in a cell (read as Latin-1)", "bad_utf8.csv", concat(utf8(head(good, 50)),
                utf8(row51[0] + ","), new byte[] {(byte) 0xC3, (byte) 0x28}, utf8("," + row51[2] + "\n"),
                utf8(good.lines().skip(51).map(l -> l + "\n").reduce("", String::concat))),
                "bad_utf8.csv", "line 51, column 'acc_x_g'", "expected a finite number", "found '\u00c3('"));
        // --- columns
        cases.add(c(r, "duplicated column, others missing", "duplicated.csv",
                utf8("time,acc_x,acc_x,acc_x\n0,1,1,1\n0.01,1,1,1\n0.02,1,1,1\n"), "duplicated.csv", "header",
                "expected accelerometer columns", "found only acc_x='acc_x'"));
        cases.add(c(r, "no recognisable columns", "unknown_columns.csv", utf8("a,b,c\n1,2,3\n4,5,6\n7,8,9\n"),
                "unknown_columns.csv", "header", "expected accelerometer columns", "found none among the headers ['a', 'b', 'c']"));
        cases.add(c(r, "an enormous header name over a bad cell", "long_header_name.csv",
                utf8("time," + "acc_x_".repeat(20_000) + ",acc_y,acc_z\n0,1,0,0\n0.01,x,0,0\n"),
                "long_header_name.csv", "line 3, column 'acc_x_acc_x_", "...'", "expected a finite number", "found 'x'"));
        cases.add(c(r, "several sensors, one with a garbled name and missing an axis", "garbled_groups.csv",
                utf8("time,left\u00b2\u00b2/acc_x,left\u00b2\u00b2/acc_y,right/acc_x,right/acc_y,right/acc_z\n"
                        + "0,0,0,0,0,1\n0.01,0,0,0,0,1\n"), "garbled_groups.csv", "header (sensor 'left\u00b2\u00b2')",
                "expected accelerometer columns", "found only acc_x="));
        cases.add(c(r, "ragged row", "ragged.csv", utf8(replaceLine(good, 77, "1.23,0.5,0.4")), "ragged.csv", "line 77",
                "expected 7 fields like the header", "found 3 fields (a ragged or cut row)"));
        cases.add(c(r, "unclosed quote", "unclosed_quote.csv", utf8(replaceLine(good, 78, "\"0.77,1,2,3,4,5,6")),
                "unclosed_quote.csv", "line 78", "found 1 field (a quote that is not closed?)"));
        cases.add(c(r, "numbers only, no time and no rate", "no_time.csv", utf8("acc_x,acc_y,acc_z\n0,0,1\n0,0,1\n0,0,1\n"),
                "no_time.csv", "header", "expected a time column", "or the sampling rate given with --rate HZ"));
        // --- rates and times
        cases.add(c(r, "time going backwards", "backwards.csv", utf8(replaceLine(good, 60,
                row5.replaceFirst("^[^,]*", "0.001"))), "backwards.csv", "line 60, column 'time_s'",
                "expected time that increases from row to row", "found time going backwards"));
        cases.add(c(r, "repeated time", "repeated.csv", utf8(replaceLine(good, 6, row5)), "repeated.csv",
                "line 6, column 'time_s'", "repeated"));
        cases.add(c(r, "constant time (zero rate)", "zero_rate.csv", utf8("time,acc_v\n5,1\n5,1\n5,1\n"),
                "zero_rate.csv", "line 3, column 'time'", "repeated"));
        cases.add(c(r, "negative and decreasing times", "negative_times.csv",
                utf8("time,acc_v\n0,1\n-0.01,1\n-0.02,1\n"), "negative_times.csv", "line 3, column 'time'",
                "time going backwards, from 0 to -0.01"));
        cases.add(c(r, "absurd rate from the time column", "absurd_rate.csv",
                utf8("time_ns,acc_v\n0,1\n1,1\n2,1\n3,1\n"), "absurd_rate.csv", "column 'time_ns'",
                "expected a sampling rate between 0.5 Hz and 100 kHz", "found 1000000000 Hz"));
        cases.add(c(r, "absurd rate in the preamble", "absurd_preamble_rate.csv",
                utf8("Device,X\nSampling rate,1000000000 Hz\nacc_x,acc_y,acc_z\n0,0,1\n0,0,1\n0,0,1\n"),
                "absurd_preamble_rate.csv", "preamble 'Sampling rate'",
                "expected a sampling rate between 0.5 Hz and 100 kHz", "found 1000000000 Hz"));
        cases.add(c(r, "zero rate in the preamble", "zero_preamble_rate.csv",
                utf8("Device,X\nSampling rate,0 Hz\nacc_x,acc_y,acc_z\n0,0,1\n0,0,1\n0,0,1\n"),
                "zero_preamble_rate.csv", "preamble 'Sampling rate'",
                "expected a sampling rate between 0.5 Hz and 100 kHz", "found 0 Hz"));
        cases.add(c(r, "gap in time", "gap.csv", utf8("time,acc_v\n0,1\n0.01,1\n0.02,1\n5,1\n5.01,1\n"),
                "gap.csv", "line 5, column 'time'", "without gaps longer than 100 ms", "found a gap of 4.98 s"));
        cases.add(c(r, "bad time stamp", "bad_stamp.csv", utf8("timestamp,acc_v\n2024-01-01T10:00:00.000,1\n"
                + "2024-01-01T10:00:00.010,1\n2024-13-45T10:00:00.020,1\n"), "bad_stamp.csv",
                "line 4, column 'timestamp'", "expected a date-time stamp", "found '2024-13-45T10:00:00.020'"));
        // --- values
        cases.add(c(r, "no gravity in the signal", "no_gravity.csv", utf8("time,acc_x,acc_y,acc_z\n"
                + "0,0,0,0\n0.01,0,0,0\n0.02,0,0,0\n0.03,0,0,0\n"), "no_gravity.csv", "accelerometer columns",
                "expected gravity in the signal", "found the mean acceleration vector has length 0"));
        cases.add(c(r, "too short to analyse", "too_short.csv", utf8(head(good, 120)), "too_short.csv",
                "the recording is too short"));
        cases.add(c(r, "JSON named .csv", "json.csv", utf8("{\"samples\": [1, 2, 3],\n \"rate\": 100}\n"), "json.csv",
                "expected columns of numbers"));
        cases.add(c(r, "many columns, one row", "wide.csv", utf8("c".repeat(1) + ",c".repeat(20_000) + "\n"
                + "1" + ",1".repeat(20_000) + "\n"), "wide.csv", "expected"));
        return cases;
    }
}
