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
