package org.gaitform.io.fit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.gaitform.support.SharedData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every FIT file in {@code ../shared/data/garmin-stryd-fit-exports/fit/} decoded by gaitform's own decoder and
 * compared, message by message and field by field, with Garmin's decode of the same file (the SDK's FitCSVTool,
 * one CSV per message type in {@code decoded-by-garmin-csvtool/}). Garmin's tool writes the fields it cannot
 * name into one column {@code unknown}; that column is not compared. Numbers must agree to 1e-6 (relative, for
 * the float32 developer fields 1e-6 of their magnitude as printed); text must agree up to the first NUL.
 */
class FitDecoderGarminCsvTest {
    static final String FOLDER = "garmin-stryd-fit-exports";

    static Stream<String> files() throws IOException {
        Path dir = SharedData.root().resolve(FOLDER).resolve("fit");
        if (!Files.isDirectory(dir)) {
            return Stream.of("(absent)");
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".fit")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void everyMessageTypeMatchesGarminsDecode(String fileName) throws IOException {
        Path root = SharedData.require(FOLDER);
        Path fit = root.resolve("fit").resolve(fileName);
        String stem = fileName.substring(0, fileName.length() - 4);
        FitFile decoded = new FitDecoder(true).decode(fit, fileName);
        List<Path> csvs;
        try (Stream<Path> s = Files.list(root.resolve("decoded-by-garmin-csvtool"))) {
            csvs = s.filter(p -> p.getFileName().toString().startsWith(stem + ".")).sorted().toList();
        }
        assertThat(csvs).as("Garmin CSVs of " + stem).isNotEmpty();
        StringBuilder report = new StringBuilder(String.format(Locale.ROOT, "%s: %d messages, %d chained file(s)%n",
                fileName, decoded.messages().size(), decoded.segments()));
        List<String> problems = new ArrayList<>();
        for (Path csv : csvs) {
            String type = csv.getFileName().toString().substring(stem.length() + 1).replace(".csv", "");
            problems.addAll(compare(decoded, type, csv, report));
        }
        System.out.print(report);
        assertThat(decoded.warnings()).as("warnings").isEmpty();
        assertThat(problems).as("differences from Garmin's decode").isEmpty();
    }

    private static List<String> compare(FitFile decoded, String type, Path csv, StringBuilder report) throws IOException {
        List<String> problems = new ArrayList<>();
        List<FitMessage> mine = decoded.messages(type);
        List<CSVRecord> rows;
        List<String> header;
        try (Reader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
             CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
            header = p.getHeaderNames().stream().map(String::trim).toList();
            rows = p.getRecords();
        }
        if (mine.size() != rows.size()) {
            problems.add(type + ": " + rows.size() + " rows in Garmin's CSV, " + mine.size() + " messages decoded");
            return problems;
        }
        long values = 0;
        Set<String> extra = new LinkedHashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            CSVRecord row = rows.get(i);
            FitMessage m = mine.get(i);
            Set<String> seen = new LinkedHashSet<>();
            for (int c = 0; c < header.size(); c++) {
                String col = header.get(c);
                String name = col.contains("[") ? col.substring(0, col.indexOf('[')) : col;
                if (name.equals("unknown")) {
                    continue;
                }
                seen.add(name);
                String cell = row.get(c).trim();
                Optional<FitField> f = m.field(name);
                String where = type + " row " + (i + 1) + " '" + col + "'";
                if (cell.isEmpty()) {
                    if (f.isPresent() && !allNaN(f.get())) {
                        problems.add(where + ": Garmin has nothing, decoded " + f.get());
                    }
                    continue;
                }
                if (f.isEmpty()) {
                    problems.add(where + ": Garmin has " + cell + ", not decoded");
                    continue;
                }
                values++;
                String diff = differs(cell, f.get());
                if (diff != null) {
                    problems.add(where + ": Garmin " + cell + ", decoded " + diff);
                }
            }
            for (FitField f : m.fields()) {
                if (!seen.contains(f.name()) && !f.name().startsWith("field_") && !allNaN(f)) {
                    extra.add(f.name());
                }
            }
        }
        if (!extra.isEmpty()) {
            problems.add(type + ": decoded fields Garmin's CSV does not have: " + extra);
        }
        report.append(String.format(Locale.ROOT, "  %-12s %6d messages, %3d columns, %8d values compared%n", type,
                rows.size(), header.size(), values));
        return problems.size() > 20 ? problems.subList(0, 20) : problems;
    }

    private static boolean allNaN(FitField f) {
        if (f.isText()) {
            return false;
        }
        for (double v : f.values()) {
            if (!Double.isNaN(v)) {
                return false;
            }
        }
        return true;
    }

    /** {@code null} when equal, else what was decoded. */
    private static String differs(String cell, FitField f) {
        if (f.isText()) {
            String first = cell.split("\\|", -1)[0];
            return first.equals(f.text()) ? null : "'" + f.text() + "'";
        }
        String[] parts = cell.split("\\|", -1);
        double[] v = f.values();
        if (parts.length != v.length) {
            return java.util.Arrays.toString(v) + " (" + v.length + " elements)";
        }
        for (int k = 0; k < parts.length; k++) {
            double expected = Double.parseDouble(parts[k]);
            double tol = 1e-6 * Math.max(1, Math.abs(expected));
            if (!(Math.abs(expected - v[k]) <= tol)) {
                return java.util.Arrays.toString(v);
            }
        }
        return null;
    }
}
