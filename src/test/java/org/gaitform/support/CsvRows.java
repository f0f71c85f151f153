package org.gaitform.support;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/** Reads a CSV text with a header into rows of column → cell. */
public final class CsvRows {
    private CsvRows() {
    }

    /**
     * A comma-separated text without the columns whose header contains any of {@code parts} (cells without quotes or
     * commas inside them, as the keypoint tables of the samples and the simulator are written).
     */
    public static String withoutColumns(String csv, String... parts) {
        List<String> lines = csv.lines().toList();
        String[] head = lines.get(0).split(",", -1);
        List<Integer> keep = new ArrayList<>();
        for (int i = 0; i < head.length; i++) {
            final String h = head[i];
            if (java.util.Arrays.stream(parts).noneMatch(h::contains)) {
                keep.add(i);
            }
        }
        StringBuilder sb = new StringBuilder();
        for (String line : lines) {
            String[] f = line.split(",", -1);
            sb.append(String.join(",", keep.stream().map(i -> f[i]).toList())).append('\n');
        }
        return sb.toString();
    }

    /** The rows of a CSV text, each as an ordered map from header to cell. */
    public static List<Map<String, String>> parse(String csv) {
        try {
            List<Map<String, String>> out = new ArrayList<>();
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(new StringReader(csv))) {
                out.add(r.toMap());
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
