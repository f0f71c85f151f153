package org.gaitform.guidelines;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Typical measurement uncertainty per kind of input and metric (resource
 * {@code measurement-uncertainty.csv}), from published validations and this project's own measurements,
 * so that reports show honest error bars.
 */
public final class MeasurementUncertainty {
    private static final Map<String, double[]> VALUES = new HashMap<>();
    private static final Map<String, String> BASIS = new HashMap<>();

    static {
        try (InputStream in = MeasurementUncertainty.class.getResourceAsStream("measurement-uncertainty.csv")) {
            if (in == null) {
                throw new IllegalStateException("missing measurement-uncertainty.csv");
            }
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String key = r.get("source_kind") + "|" + r.get("metric");
                VALUES.put(key, new double[] {Double.parseDouble(r.get("uncertainty"))});
                BASIS.put(key, r.get("basis"));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private MeasurementUncertainty() {
    }

    /** Uncertainty of a metric for a kind of input ({@code trunk-imu}, {@code foot-imu}, {@code pose-2d}, …), or NaN. */
    public static double of(String sourceKind, String metric) {
        double[] v = VALUES.get(sourceKind + "|" + metric);
        return v == null ? Double.NaN : v[0];
    }

    /** Where the uncertainty comes from, or empty. */
    public static String basis(String sourceKind, String metric) {
        return BASIS.getOrDefault(sourceKind + "|" + metric, "");
    }
}
