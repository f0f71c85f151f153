package org.gaitform.guidelines;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.gaitform.io.text.Numbers;
import org.gaitform.model.GaitformException;

/**
 * The guideline table and the articles it cites. The built-in table is the resource
 * {@code guidelines.csv} next to this class; a clinic can supply its own file with the same columns
 * ({@code id,indicator,metric,unit,rule,low,high,watch_low,watch_high,target_rel_low_pct,
 * target_rel_high_pct,weight,advice,sources,evidence}).
 *
 * @param guidelines the recommendations in table order
 * @param sources    article id → title
 * @param origin     where the table came from ("built-in" or a file path)
 */
public record GuidelineTable(List<Guideline> guidelines, Map<String, String> sources, String origin) {

    private static final String[] COLUMNS = {"id", "indicator", "metric", "unit", "rule", "low", "high", "watch_low",
        "watch_high", "target_rel_low_pct", "target_rel_high_pct", "weight", "advice", "sources", "evidence"};

    public GuidelineTable {
        guidelines = List.copyOf(guidelines);
        sources = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(sources));
    }

    /** The built-in table. */
    public static GuidelineTable builtIn() {
        try (InputStream g = resource("guidelines.csv"); InputStream s = resource("sources.csv")) {
            return parse(new InputStreamReader(g, StandardCharsets.UTF_8), "guidelines.csv (built-in)",
                    readSources(new InputStreamReader(s, StandardCharsets.UTF_8)), "built-in");
        } catch (IOException e) {
            throw new IllegalStateException("built-in guideline table unreadable", e);
        }
    }

    /** A clinic's table; the article titles stay the built-in ones. */
    public static GuidelineTable fromFile(Path file) {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(r, file.toString(), builtIn().sources(), file.toString());
        } catch (IOException e) {
            throw GaitformException.badInput(file.toString(), "", "a readable guideline table", e.getMessage());
        }
    }

    /**
     * A table from the text of a guideline CSV (a Spark executor gets it from the driver, which read the file); the
     * article titles stay the built-in ones.
     *
     * @param csv    the table's text
     * @param origin where it came from (the file as the user named it), as {@link #fromFile} records it
     */
    public static GuidelineTable fromText(String csv, String origin) {
        try {
            return parse(new java.io.StringReader(csv), origin, builtIn().sources(), origin);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The guideline with an id, if any. */
    public Optional<Guideline> byId(String id) {
        return guidelines.stream().filter(g -> g.id().equals(id)).findFirst();
    }

    /** Titles of the given article ids, in order, unknown ids as they are. */
    public List<String> titles(List<String> ids) {
        return ids.stream().map(i -> sources.getOrDefault(i, i)).toList();
    }

    private static InputStream resource(String name) {
        InputStream in = GuidelineTable.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("missing resource " + name);
        }
        return in;
    }

    private static Map<String, String> readSources(Reader r) throws IOException {
        Map<String, String> m = new LinkedHashMap<>();
        for (CSVRecord rec : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
            m.put(rec.get("id"), rec.get("title"));
        }
        return m;
    }

    private static GuidelineTable parse(Reader r, String name, Map<String, String> sources, String origin)
            throws IOException {
        List<Guideline> out = new ArrayList<>();
        var parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r);
        List<String> header = parser.getHeaderNames();
        for (String c : COLUMNS) {
            if (!header.contains(c)) {
                throw GaitformException.badInput(name, "header", "the columns " + Arrays.toString(COLUMNS),
                        "no column '" + c + "' among " + header);
            }
        }
        for (CSVRecord rec : parser) {
            String where = "line " + (rec.getRecordNumber() + 1);
            Guideline.Rule rule;
            try {
                rule = Guideline.Rule.parse(rec.get("rule"));
            } catch (IllegalArgumentException e) {
                throw GaitformException.badInput(name, where + ", column 'rule'",
                        "one of raise_below, max, min, range, info", "'" + rec.get("rule") + "'");
            }
            out.add(new Guideline(rec.get("id"), rec.get("indicator"), rec.get("metric"), rec.get("unit"), rule,
                    num(rec, "low", name, where), num(rec, "high", name, where), num(rec, "watch_low", name, where),
                    num(rec, "watch_high", name, where), num(rec, "target_rel_low_pct", name, where),
                    num(rec, "target_rel_high_pct", name, where), num(rec, "weight", name, where), rec.get("advice"),
                    Arrays.stream(rec.get("sources").split(";")).map(String::trim).filter(s -> !s.isEmpty()).toList(),
                    rec.get("evidence")));
        }
        return new GuidelineTable(out, sources, origin);
    }

    private static double num(CSVRecord rec, String col, String name, String where) {
        String s = rec.get(col).trim();
        if (s.isEmpty()) {
            return Double.NaN;
        }
        double v = Numbers.parse(s, false);
        if (Double.isNaN(v)) {
            throw GaitformException.badInput(name, where + ", column '" + col + "'", "a number or nothing", "'" + s + "'");
        }
        return v;
    }
}
