package org.gaitform.quality;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The physically plausible range of every metric, one table with its unit and its basis (resource
 * {@code plausible-ranges.csv}): a value outside {@code low..high} is doubtful, one outside {@code poorLow..poorHigh}
 * (where given) cannot come from the activity at all and makes the steps poor.
 */
public final class PlausibleRanges {
    /**
     * One row.
     *
     * @param metric   summary key
     * @param name     what it is, in words
     * @param activity {@code running} or {@code walking}
     * @param unit     unit of the bounds
     * @param low      lowest plausible value
     * @param high     highest plausible value
     * @param poorLow  below this the value is impossible ({@code NaN}: never poor)
     * @param poorHigh  above this the value is impossible ({@code NaN}: never poor)
     * @param ifOutside what a value outside the range most likely means, in words
     * @param basis     why the range is what it is, with sources
     */
    public record Range(String metric, String name, String activity, String unit, double low, double high, double poorLow,
                        double poorHigh, String ifOutside, String basis) {
    }

    private static final List<Range> ROWS = load();

    private PlausibleRanges() {
    }

    /** Every row, in table order. */
    public static List<Range> all() {
        return ROWS;
    }

    /** The rows of one activity. */
    public static List<Range> of(String activity) {
        return ROWS.stream().filter(r -> r.activity().equals(activity)).toList();
    }

    private static List<Range> load() {
        try (InputStream in = PlausibleRanges.class.getResourceAsStream("plausible-ranges.csv")) {
            if (in == null) {
                throw new IllegalStateException("missing plausible-ranges.csv");
            }
            List<Range> out = new ArrayList<>();
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                out.add(new Range(r.get("metric"), r.get("name"), r.get("activity"), r.get("unit"), num(r.get("low")),
                        num(r.get("high")), num(r.get("poor_low")), num(r.get("poor_high")), r.get("if_outside"),
                        r.get("basis")));
            }
            return List.copyOf(out);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static double num(String s) {
        return s.isBlank() ? Double.NaN : Double.parseDouble(s.trim());
    }
}
