package org.gaitform.guidelines;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
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

    /**
     * Kinds that refine another, by suffix: frontal video ({@code pose-2d-frontal}, a runner filmed from behind or ahead
     * while moving), a trunk IMU with raw axes ({@code trunk-imu-raw}, its vertical found from gravity by gaitform) and
     * one with a vertical column alone ({@code trunk-imu-vertical}) have their own rows where they differ from
     * {@code pose-2d} and {@code trunk-imu} and take the rest from them.
     */
    static final List<String> REFINEMENTS = List.of("-frontal", "-raw", "-vertical");

    /**
     * Uncertainty of a metric for a kind of input ({@code trunk-imu}, {@code trunk-imu-raw}, {@code foot-imu},
     * {@code pose-2d}, {@code pose-2d-frontal}, …), or NaN.
     */
    public static double of(String sourceKind, String metric) {
        double[] v = VALUES.get(key(sourceKind, metric));
        return v == null ? Double.NaN : v[0];
    }

    /** Where the uncertainty comes from, or empty. */
    public static String basis(String sourceKind, String metric) {
        return BASIS.getOrDefault(key(sourceKind, metric), "");
    }

    /** The table's key for a kind and metric, falling back from a refined kind to the one it refines. */
    private static String key(String sourceKind, String metric) {
        String k = sourceKind + "|" + metric;
        if (!VALUES.containsKey(k) && sourceKind != null) {
            for (String suffix : REFINEMENTS) {
                if (sourceKind.endsWith(suffix)) {
                    return sourceKind.substring(0, sourceKind.length() - suffix.length()) + "|" + metric;
                }
            }
        }
        return k;
    }
}
