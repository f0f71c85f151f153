package org.gaitform.support;

import static org.gaitform.io.fit.FitWriter.f;
import static org.gaitform.support.MalformedCorpus.c;
import static org.gaitform.support.MalformedCorpus.concat;
import static org.gaitform.support.MalformedCorpus.utf8;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.gaitform.io.fit.FitWriter;
import org.gaitform.support.MalformedCorpus.Case;

/**
 * The malformed-input corpus of the watch readers (FIT, TCX, GPX, watch CSV) and of the phone and device exports
 * read as IMU (Sensor Logger folders and zips, GENEActiv preambles).
 */
public final class MalformedWatchCorpus {
    private MalformedWatchCorpus() {
    }

    private static final SyntheticRun RUN = SyntheticRun.flat(SyntheticRun.epoch(2024, 3, 4, 7), 600, 3.2, 170);

    private static byte[] gzip(byte[] b) {
        try {
            ByteArrayOutputStream bo = new ByteArrayOutputStream();
            try (GZIPOutputStream z = new GZIPOutputStream(bo)) {
                z.write(b);
            }
            return bo.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A gzip stream of {@code megabytes} MiB of zeros, written without holding them in memory. */
    private static byte[] gzipZeros(int megabytes) {
        try {
            ByteArrayOutputStream bo = new ByteArrayOutputStream();
            byte[] block = new byte[1 << 20];
            try (GZIPOutputStream z = new GZIPOutputStream(bo, 1 << 16)) {
                for (int i = 0; i < megabytes; i++) {
                    z.write(block);
                }
            }
            return bo.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Cases for FIT activity files. */
    public static List<Case> fit() {
        String r = "fit";
        List<Case> cases = new ArrayList<>();
        byte[] good = MalformedFiles.fitRunBytes(600);
        cases.add(c(r, "shorter than a header", "fit_tiny.fit", Arrays.copyOf(good, 7), "fit_tiny.fit", "file header",
                "expected a FIT file (a 12- or 14-byte header, then messages)", "found 7 byte(s)"));
        cases.add(c(r, "binary garbage", "fit_garbage.fit", MalformedPoseCorpus.garbage(5000, 21), "fit_garbage.fit",
                "file header", "expected a FIT file: header size 12 or 14 and '.FIT' at byte 8"));
        byte[] garbageBody = MalformedPoseCorpus.garbage(5000, 22);
        System.arraycopy(good, 0, garbageBody, 0, 14);
        cases.add(c(r, "a valid header over garbage", "fit_garbage_body.fit", garbageBody, "fit_garbage_body.fit",
                "byte 14", "expected FIT messages"));
        cases.add(c(r, "cut inside the first message", "fit_cut_early.fit", Arrays.copyOf(good, 30), "fit_cut_early.fit",
                "expected FIT messages", "found a file cut off before its first complete data message"));
        cases.add(new Case(r, "cut inside a record late in the file", "fit_cut_late.fit",
                Arrays.copyOf(good, good.length * 3 / 4), List.of("the file ends inside a message at byte",
                        "it was cut off"), Map.of(), true));
        byte[] badCrc = good.clone();
        badCrc[badCrc.length - 1] ^= 0x5A;
        cases.add(new Case(r, "a wrong file check", "fit_bad_crc.fit", badCrc,
                List.of("the file check of FIT file 1 does not match", "may hold wrong values"), Map.of(), true));
        byte[] huge = good.clone();
        ByteBuffer.wrap(huge).order(ByteOrder.LITTLE_ENDIAN).putInt(4, 0x7FFFFFF0);
        fixHeaderCrc(huge, 0);
        cases.add(new Case(r, "header claiming 2 GB of data", "fit_huge_size.fit", huge,
                List.of("the header says 2147483632 bytes of data but the file holds", "the file check matches"),
                Map.of(), true));
        // issue 11: an understated size (0, or too small) over a valid file check was discarded
        cases.add(new Case(r, "header stating 0 bytes of data", "fit_zero_size.fit", withDataSize(good, 0),
                List.of("the header says 0 bytes of data but the file holds", "so the data were read to the end"),
                Map.of(), true));
        cases.add(new Case(r, "header stating too few bytes of data", "fit_small_size.fit", withDataSize(good, 700),
                List.of("the header says 700 bytes of data but the file holds", "so the data were read to the end"),
                Map.of(), true));
        byte[] hugeEmpty = Arrays.copyOf(good, 14 + 20);
        ByteBuffer.wrap(hugeEmpty).order(ByteOrder.LITTLE_ENDIAN).putInt(4, 0xFFFFFFF0);
        fixHeaderCrc(hugeEmpty, 0);
        cases.add(c(r, "header claiming 4 GB over a few bytes", "fit_huge_size_cut.fit", hugeEmpty,
                "fit_huge_size_cut.fit", "expected FIT messages", "found a file cut off before its first complete data "
                        + "message"));
        cases.add(c(r, "an endless chain of empty files", "fit_endless_chain.fit", emptyChain(200_000),
                "fit_endless_chain.fit", "expected FIT data messages", "found none"));
        byte[] order = new FitWriter().raw(0x40, 0, 7, 20, 0, 1, 253, 4, 0x86).bytes();
        cases.add(c(r, "a definition with byte order 7", "fit_byte_order.fit", order, "fit_byte_order.fit", "byte 14",
                "a definition with byte order 7 (only 0 and 1 exist)"));
        byte[] early = new FitWriter().raw(0x03, 1, 2, 3, 4).bytes();
        cases.add(c(r, "data before its definition", "fit_no_definition.fit", early, "fit_no_definition.fit",
                "byte 14", "a data message of local type 3 before its definition"));
        byte[] course = new FitWriter().define(0, 0, f(0, 1, 0x00), f(1, 2, 0x84), f(4, 4, 0x86))
                .data(0, 6L, 1L, 900000000L).bytes();
        cases.add(c(r, "a course file", "fit_course.fit", course, "fit_course.fit",
                "this FIT file is not an activity (file type 6"));
        byte[] definitions = new FitWriter().define(0, 0, f(0, 1, 0x00), f(1, 2, 0x84))
                .define(1, 20, f(253, 4, 0x86), f(5, 4, 0x86)).bytes();
        cases.add(c(r, "definitions only", "fit_definitions_only.fit", definitions, "fit_definitions_only.fit",
                "expected FIT data messages", "found none (only definitions or an empty file)"));
        cases.add(c(r, "not gzip but named .fit.gz", "fit_not_gzip.fit.gz", good, "fit_not_gzip.fit.gz",
                "expected a gzip-compressed export", "found data that do not decompress"));
        cases.add(c(r, "a gzip bomb", "fit_bomb.fit.gz", gzipZeros(80), "fit_bomb.fit.gz",
                "expected a FIT file of at most 64 MiB", "more data than that (after decompression)"));
        cases.add(c(r, "a truncated gzip", "fit_gzip_cut.fit.gz", Arrays.copyOf(gzip(good), 600),
                "fit_gzip_cut.fit.gz", "expected a gzip-compressed export", "Unexpected end of ZLIB input stream"));
        return cases;
    }

    /** The FIT file with the data size of its header set to {@code size} (and the header check recomputed). */
    static byte[] withDataSize(byte[] good, int size) {
        byte[] b = good.clone();
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(4, size);
        fixHeaderCrc(b, 0);
        return b;
    }

    /** Header check of the FIT header at {@code at} recomputed. */
    private static void fixHeaderCrc(byte[] b, int at) {
        int crc = crc(b, at, 12);
        b[at + 12] = (byte) crc;
        b[at + 13] = (byte) (crc >> 8);
    }

    private static int crc(byte[] b, int from, int n) {
        int[] table = {0x0000, 0xCC01, 0xD801, 0x1400, 0xF001, 0x3C00, 0x2800, 0xE401, 0xA001, 0x6C00, 0x7800, 0xB401,
            0x5000, 0x9C01, 0x8801, 0x4400};
        int crc = 0;
        for (int i = from; i < from + n; i++) {
            int v = b[i] & 0xFF;
            int tmp = table[crc & 0xF];
            crc = (crc >> 4) & 0x0FFF;
            crc = crc ^ tmp ^ table[v & 0xF];
            tmp = table[crc & 0xF];
            crc = (crc >> 4) & 0x0FFF;
            crc = crc ^ tmp ^ table[(v >> 4) & 0xF];
        }
        return crc;
    }

    /** {@code n} chained FIT files of no data, each with a wrong file check. */
    private static byte[] emptyChain(int n) {
        byte[] one = new FitWriter().bytes();
        one[one.length - 1] ^= 0x33;
        byte[] out = new byte[one.length * n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(one, 0, out, i * one.length, one.length);
        }
        return out;
    }

    /** Cases for TCX and GPX files. */
    public static List<Case> xml() {
        String r = "tcx-gpx";
        List<Case> cases = new ArrayList<>();
        String tcx = RUN.tcx(false);
        String gpx = RUN.gpx(false);
        String decl = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
        cases.add(c(r, "TCX cut in the middle", "tcx_cut.tcx", utf8(tcx.substring(0, tcx.length() / 2)), "tcx_cut.tcx",
                "expected well-formed XML without entity declarations"));
        cases.add(c(r, "TCX with a mismatched end tag", "tcx_mismatch.tcx",
                utf8(tcx.replaceFirst("</AltitudeMeters>", "</Altitude>")), "tcx_mismatch.tcx", "line 9",
                "expected well-formed XML", "must be terminated by the matching end-tag"));
        String xxe = tcx.replace(decl, decl + "<!DOCTYPE TrainingCenterDatabase [<!ENTITY xxe SYSTEM "
                + "\"file:///etc/passwd\">]>\n").replace("Synthetic Watch", "&xxe;");
        cases.add(c(r, "TCX with an external entity (XXE)", "tcx_xxe.tcx", utf8(xxe), "tcx_xxe.tcx",
                "expected well-formed XML without entity declarations", "\"xxe\" was referenced, but not declared"));
        String dtd = gpx.replace(decl, decl + "<!DOCTYPE gpx SYSTEM \"http://127.0.0.1:9/evil.dtd\">\n")
                .replace("<name>run</name>", "<name>&ext;</name>");
        cases.add(c(r, "GPX with an external DTD and entity", "gpx_dtd.gpx", utf8(dtd), "gpx_dtd.gpx",
                "\"ext\" was referenced, but not declared"));
        StringBuilder lol = new StringBuilder(decl + "<!DOCTYPE gpx [\n<!ENTITY lol0 \"lol\">\n");
        for (int i = 1; i <= 9; i++) {
            lol.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(10)).append("\">\n");
        }
        lol.append("]>\n").append(gpx.substring(decl.length()).replace("<name>run</name>", "<name>&lol9;</name>"));
        cases.add(c(r, "GPX billion laughs", "gpx_lol.gpx", utf8(lol.toString()), "gpx_lol.gpx",
                "\"lol9\" was referenced, but not declared"));
        cases.add(c(r, "TCX with an HTML root", "tcx_html.tcx", utf8("<html><body>not a run</body></html>"),
                "tcx_html.tcx", "root element", "expected a TCX file (<TrainingCenterDatabase>)", "found <html>"));
        cases.add(c(r, "GPX root named like TCX", "gpx_wrong_root.gpx", utf8(tcx), "gpx_wrong_root.gpx",
                "root element", "expected a GPX file (<gpx>)", "found <TrainingCenterDatabase>"));
        cases.add(c(r, "TCX whose times are words", "tcx_bad_times.tcx",
                utf8(tcx.replaceAll("<Time>[^<]*</Time>", "<Time>yesterday</Time>")), "tcx_bad_times.tcx",
                "the running activity has no trackpoints with a time"));
        cases.add(c(r, "GPX with elements where text belongs", "gpx_wrong_types.gpx",
                utf8(gpx.replaceAll("<time>[^<]*</time>", "<time><lat>1</lat></time>")), "gpx_wrong_types.gpx",
                "none of its 601 track points has a time"));
        String bigAttr = tcx.replace("<Activity Sport=\"Running\">", "<Activity Sport=\"" + "Z".repeat(3_000_000) + "\">");
        cases.add(c(r, "TCX with a 3-million-character attribute", "tcx_huge_attribute.tcx", utf8(bigAttr),
                "tcx_huge_attribute.tcx", "no running in this file: its activities are ZZZZ", "..."));
        String bigLat = gpx.replaceFirst("lat=\"[^\"]*\"", "lat=\"" + "4".repeat(2_000_000) + "\"");
        cases.add(new Case(r, "GPX with a 2-million-digit latitude", "gpx_huge_latitude.gpx", utf8(bigLat),
                List.of("track point value(s) were not numbers or out of range"), Map.of(), true));
        cases.add(c(r, "GPX of a bike ride", "gpx_cycling.gpx", utf8(gpx.replace("<type>running</type>",
                "<type>cycling</type>")), "gpx_cycling.gpx", "no running in this file: its track type is 'cycling'"));
        cases.add(c(r, "TCX declared UTF-8 but written in Latin-1", "tcx_latin1.tcx",
                tcx.replace("Synthetic Watch", "Montre Élan").getBytes(Charset.forName("ISO-8859-1")), "tcx_latin1.tcx",
                "expected well-formed XML", "Invalid byte"));
        cases.add(c(r, "GPX in UTF-16 without a byte-order mark (read), of a swim", "gpx_utf16.gpx",
                gpx.replace("UTF-8", "UTF-16").replace("<type>running</type>", "<type>swimming</type>")
                        .getBytes(StandardCharsets.UTF_16LE), "gpx_utf16.gpx",
                "no running in this file: its track type is 'swimming'"));
        cases.add(c(r, "empty TCX", "tcx_empty_doc.tcx", utf8(decl), "tcx_empty_doc.tcx", "expected well-formed XML"));
        // issue 11: beyond the 512 MiB limit it was "malformed XML"
        cases.add(c(r, "TCX beyond the size limit (well-formed XML, gzipped)", "tcx_too_large.tcx.gz",
                tcxBeyondLimit(), "tcx_too_large.tcx.gz", "expected an export of at most 512 MiB",
                "found more data than that (after decompression): the file is too large to read"));
        cases.add(new Case(r, "GPX with positions out of range only", "gpx_bad_positions.gpx",
                utf8(gpx.replaceAll("lat=\"[^\"]*\"", "lat=\"123.0\"")), List.of("601 track point value(s) were not "
                        + "numbers or out of range (latitude beyond ±90°"), Map.of(), true));
        return cases;
    }

    /**
     * A gzipped TCX of 528 MiB of well-formed XML (a root element, then comments), written as concatenated gzip
     * members — one member of 8 MiB of comments repeated — so that it takes a few megabytes and no time to build.
     */
    static byte[] tcxBeyondLimit() {
        byte[] head = gzip(utf8("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<TrainingCenterDatabase xmlns=\""
                + "http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2\">\n"));
        String comment = "<!-- " + "padding ".repeat(126) + "-->\n";
        byte[] member = gzip(utf8(comment.repeat((8 << 20) / comment.length())));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head);
        for (int i = 0; i < 66; i++) {
            out.writeBytes(member);
        }
        return out.toByteArray();
    }

    /** Cases for watch CSV exports (Stryd and Garmin FitCSVTool naming). */
    public static List<Case> watchCsv() {
        String r = "watch-csv";
        List<Case> cases = new ArrayList<>();
        String stryd = RUN.strydCsv();
        String garmin = RUN.garminCsv();
        List<String> lines = new ArrayList<>(stryd.lines().toList());
        lines.set(100, lines.get(100).replaceFirst(",([0-9]+),([0-9]+),", ",fast,$2,"));
        cases.add(c(r, "a word in the cadence column", "watch_word.csv", utf8(String.join("\n", lines) + "\n"),
                "watch_word.csv", "line 101, column 'Cadence'", "expected a number or an empty cell", "found 'fast'"));
        lines = new ArrayList<>(garmin.lines().toList());
        String[] f = lines.get(50).split(",");
        f[4] = "Infinity";
        lines.set(50, String.join(",", f));
        cases.add(c(r, "Infinity in stance time", "watch_inf.csv", utf8(String.join("\n", lines) + "\n"), "watch_inf.csv",
                "line 51, column 'stance_time[ms]'", "found 'Infinity'"));
        lines = new ArrayList<>(stryd.lines().toList());
        lines.set(30, lines.get(30).replaceFirst("^[0-9]+,", "noon,"));
        cases.add(c(r, "a word in the time column", "watch_bad_time.csv", utf8(String.join("\n", lines) + "\n"),
                "watch_bad_time.csv", "line 31, column 'Timestamp'", "expected a time (seconds or a date-time)",
                "found 'noon'"));
        cases.add(c(r, "header only", "watch_header_only.csv", utf8(stryd.lines().findFirst().orElseThrow() + "\n"),
                "watch_header_only.csv", "expected rows of data"));
        cases.add(c(r, "no time column", "watch_no_time.csv", utf8(stryd.replaceFirst("Timestamp", "Moment")),
                "watch_no_time.csv", "header", "expected a time column (timestamp, time, elapsed time, …)"));
        lines = new ArrayList<>(stryd.lines().toList());
        lines.set(200, lines.get(200) + ",1,2,3,4");
        cases.add(c(r, "a row with extra fields", "watch_extra.csv", utf8(String.join("\n", lines) + "\n"),
                "watch_extra.csv", "line 201", "expected 9 fields like the header", "found 13 fields"));
        cases.add(c(r, "UTF-16 with a bad cell", "watch_utf16.csv", concat(new byte[] {(byte) 0xFF, (byte) 0xFE},
                stryd.replaceFirst("\n([0-9]+),([0-9.]+),", "\n$1,µ,").getBytes(StandardCharsets.UTF_16LE)),
                "watch_utf16.csv", "line 2, column 'Distance (m)'", "found 'µ'"));
        cases.add(c(r, "an enormous line", "watch_enormous_line.csv",
                utf8(stryd.replaceFirst("\n([0-9]+),", "\n$1," + "7".repeat(1_500_000) + ",")), "watch_enormous_line.csv",
                "line 2", "expected lines of at most 1048576 characters"));
        cases.add(c(r, "every row at the same time", "watch_same_time.csv",
                utf8(stryd.replaceAll("(?m)^[0-9]{10},", "1709535600,")), "watch_same_time.csv", "only 1 record(s)"));
        return cases;
    }

    /** Cases for Sensor Logger folders and zips and GENEActiv exports. */
    public static List<Case> deviceExports() {
        String r = "sensor-logger";
        List<Case> cases = new ArrayList<>();
        byte[] acc = utf8(MalformedFiles.sensorLoggerStream(100, 20, 0, 2));
        byte[] total = utf8(MalformedFiles.sensorLoggerStream(100, 20, 9.8, 2));
        byte[] gyr = utf8(MalformedFiles.sensorLoggerStream(100, 20, 0, 1));
        Map<String, byte[]> noGravity = new LinkedHashMap<>();
        noGravity.put("Accelerometer.csv", acc);
        noGravity.put("Gyroscope.csv", gyr);
        noGravity.put("Metadata.csv", utf8("device name,version\nphone,1.0\n"));
        cases.add(new Case(r, "folder: accelerometer without gravity, no Gravity.csv", "sl_no_gravity", new byte[0],
                List.of("sl_no_gravity: Accelerometer.csv", "expected acceleration including gravity",
                        "and no Gravity.csv among [Accelerometer.csv, Gyroscope.csv, Metadata.csv]"), noGravity, false));
        Map<String, byte[]> badStream = new LinkedHashMap<>();
        badStream.put("TotalAcceleration.csv", utf8(new String(total, StandardCharsets.UTF_8)
                .replaceFirst("\n(1700000000490000000),([0-9.]+),", "\n$1,$2,oops,")));
        cases.add(new Case(r, "folder: a word in a stream", "sl_bad_cell", new byte[0],
                List.of("sl_bad_cell/TotalAcceleration.csv: line 51, column 'z'", "found 'oops'"), badStream, false));
        Map<String, byte[]> traversal = new LinkedHashMap<>();
        traversal.put("../../escaped/TotalAcceleration.csv", total);
        traversal.put("Gyroscope.csv", gyr);
        cases.add(c(r, "zip: entry names climbing out of the archive", "sl_traversal.zip",
                MalformedFiles.zip(traversal), "sl_traversal.zip", "entry '../../escaped/TotalAcceleration.csv'",
                "expected entry names inside the archive", "found a name that climbs out of it"));
        Map<String, byte[]> absolute = new LinkedHashMap<>();
        absolute.put("/tmp/gaitform-absolute/TotalAcceleration.csv", total);
        cases.add(c(r, "zip: an absolute entry name", "sl_absolute.zip", MalformedFiles.zip(absolute), "sl_absolute.zip",
                "entry '/tmp/gaitform-absolute/TotalAcceleration.csv'", "expected entry names inside the archive"));
        cases.add(c(r, "zip: an entry claiming 4 GB", "sl_claims_huge.zip",
                MalformedFiles.zipClaimingSize("TotalAcceleration.csv", total, 0xFFFFFFF0L), "sl_claims_huge.zip",
                "entry 'TotalAcceleration.csv'", "expected a stream of at most 1024 MiB", "found one that claims 4095 MiB"));
        Map<String, byte[]> bomb = new LinkedHashMap<>();
        bomb.put("TotalAcceleration.csv", concat(total, new byte[48 << 20]));
        cases.add(c(r, "zip: an entry that inflates a hundredfold", "sl_bomb.zip", MalformedFiles.zip(bomb),
                "sl_bomb.zip", "entry 'TotalAcceleration.csv'", "expected CSV that compresses like text",
                "more than 100 times its compressed size (a zip bomb?)"));
        // issue 11: a crafted 3 MB zip of 8 entries sharing one deflate stream, sizes understated, wrote 8.2 GB
        cases.add(c(r, "zip: eight entries sharing one deflate stream, sizes understated", "sl_overlapping.zip",
                CraftedZip.overlappingBomb(3), "sl_overlapping.zip", "entries 'TotalAcceleration.csv' and '",
                "expected entries stored one after the other", "share their data", "nothing was unpacked"));
        CraftedZip understated = new CraftedZip();
        CraftedZip.Local big = understated.add("TotalAcceleration.csv", concat(total, utf8(
                "1700000000000000000,0.0000,9.8000,0.0000,0.0000\n".repeat(100_000))), true);
        understated.directory("TotalAcceleration.csv", big, big.compressedSize(), 65_536);
        cases.add(c(r, "zip: an entry inflating beyond its stated size", "sl_understated.zip", understated.bytes(),
                "sl_understated.zip", "entry 'TotalAcceleration.csv'", "expected as many bytes as the archive's "
                        + "directory states (65536)", "the archive understates its sizes"));
        // issue 11: 100 000 tiny entries were all extracted (400 MB)
        cases.add(c(r, "zip: 100 000 tiny entries", "sl_many_entries.zip", CraftedZip.manyEntries(100_000),
                "sl_many_entries.zip", "expected a zip archive of at most 1000 entries", "found 100001 entries",
                "nothing was unpacked"));
        Map<String, byte[]> missing = new LinkedHashMap<>();
        missing.put("Accelerometer.csv", acc);
        cases.add(c(r, "zip: the accelerometer without gravity, nothing else", "sl_missing.zip",
                MalformedFiles.zip(missing), "sl_missing.zip", "acceleration including gravity"));
        Map<String, byte[]> clocks = new LinkedHashMap<>();
        clocks.put("TotalAcceleration.csv", total);
        clocks.put("Gyroscope.csv", utf8(new String(gyr, StandardCharsets.UTF_8).replace("\n17", "\n16")));
        cases.add(new Case(r, "folder: streams on different clocks", "sl_clocks", new byte[0],
                List.of("sl_clocks: Gyroscope.csv, column 'time'", "expected streams recorded on one clock"), clocks,
                false));
        // GENEActiv
        String gene = geneActiv("50.0 Hz", 40);
        cases.add(c("geneactiv", "a bad time stamp", "gene_bad_stamp.csv",
                utf8(gene.replace("2019-08-06 10:25:50:200", "2019-08-06 10:25:5x:200")), "gene_bad_stamp.csv",
                "column", "expected a date-time stamp", "found '2019-08-06 10:25:5x:200'"));
        cases.add(c("geneactiv", "preamble without data", "gene_preamble_only.csv", utf8(geneActiv("50.0 Hz", 0)),
                "gene_preamble_only.csv", "expected rows of GENEActiv samples below the preamble",
                "found none"));
        String cut = geneActiv("50.0 Hz", 400);
        cases.add(c("geneactiv", "cut in a row", "gene_cut.csv", utf8(cut.substring(0, cut.length() - 20)),
                "gene_cut.csv", "line 472", "expected 7 fields like the header", "(a ragged or cut row)"));
        cases.add(c("geneactiv", "time going backwards", "gene_backwards.csv",
                utf8(cut.replace("2019-08-06 10:25:53:000", "2019-08-06 10:25:51:000")), "gene_backwards.csv",
                "line 223", "expected time that increases from row to row", "found time going backwards"));
        return cases;
    }

    /** A GENEActiv export: its preamble, then {@code rows} headerless rows at 50 Hz. */
    static String geneActiv(String frequency, int rows) {
        StringBuilder sb = new StringBuilder();
        sb.append("Device Identity\nDevice Type,GENEActiv\nDevice Model,1.1\nDevice Unique Serial Code,012345\n")
                .append("Device Location Code,left wrist\nMeasurement Frequency,").append(frequency).append('\n')
                .append("Measurement Period,168 Hours\nStart Time,2019-08-06 10:25:50:000\nUnits,g\n")
                .append("Subject Code,S1\nDate of Birth,1980-01-01\nSex,female\n");
        for (int i = 0; i < 60; i++) {
            sb.append("Calibration Data ").append(i).append(',').append(i * 7).append('\n');
        }
        for (int i = 0; i < rows; i++) {
            int ms = i * 20;
            sb.append(String.format(Locale.ROOT, "2019-08-06 10:25:%02d:%03d,%.4f,%.4f,%.4f,0,0,25.1%n", 50 + ms / 1000, ms % 1000,
                    0.01 * (i % 5), -0.98, 0.05));
        }
        return sb.toString();
    }
}
