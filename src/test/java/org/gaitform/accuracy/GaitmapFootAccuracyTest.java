package org.gaitform.accuracy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.gaitform.io.ReadOptions;
import org.gaitform.io.imu.ImuReadOptions;
import org.gaitform.model.SessionResult;
import org.gaitform.model.Side;
import org.gaitform.model.Step;
import org.gaitform.pipeline.AnalysisSettings;
import org.gaitform.pipeline.SessionPipeline;
import org.gaitform.support.SharedData;
import org.junit.jupiter.api.Test;

/**
 * Accuracy of the foot path ({@code Falbriard2018FootEvents}) on real data: the gaitmap example recording
 * (mad-lab-fau/gaitmap, MIT), two foot-mounted IMUs at 204.8 Hz, walking, with initial contact ({@code ic}) and
 * terminal contact / toe-off ({@code tc}) of every stride taken from motion capture, as sample indices of the
 * IMU recording. Target: IC and TO within 3 samples (about 15 ms) for at least 95 % of the reference strides of
 * each foot. The whole pipeline runs (reader, placement detection from the signal, alignment, events).
 */
class GaitmapFootAccuracyTest {
    private static final double RATE_HZ = 204.8;
    private static final double TOLERANCE_SAMPLES = 3;

    record Ref(Side side, double ic, double tc) {
    }

    @Test
    void bothFeetWithinThreeSamplesOfMotionCapture() throws IOException {
        Path dir = SharedData.require("gaitmap-foot-imu-walking");
        List<Ref> refs = new ArrayList<>();
        try (Reader r = Files.newBufferedReader(dir.resolve("stride_events_sample.csv"))) {
            for (CSVRecord rec : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
                refs.add(new Ref(rec.get("foot").equals("left") ? Side.LEFT : Side.RIGHT,
                        Double.parseDouble(rec.get("ic")), Double.parseDouble(rec.get("tc"))));
            }
        }
        ImuReadOptions imu = new ImuReadOptions(Map.of(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(RATE_HZ), Optional.empty());
        SessionResult s = new SessionPipeline(new AnalysisSettings(new ReadOptions(imu),
                AnalysisSettings.defaults().guidelines())).analyse(dir.resolve("imu_sample.csv"), "imu_sample.csv", "g");
        assertThat(s.placement().label()).isEqualTo("foot");
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT,
                "%ngaitmap foot IMUs vs motion capture (204.8 Hz; tolerance %.0f samples)%n%-6s %6s %10s %10s %10s %10s %10s %10s%n",
                TOLERANCE_SAMPLES, "foot", "strides", "IC ok", "IC bias", "IC |max|", "TO ok", "TO bias", "TO |max|"));
        List<String> failures = new ArrayList<>();
        for (Side side : new Side[] {Side.LEFT, Side.RIGHT}) {
            List<Step> steps = s.steps().stream().filter(st -> st.side() == side).toList();
            int icOk = 0;
            int toOk = 0;
            double icBias = 0;
            double toBias = 0;
            double icMax = 0;
            double toMax = 0;
            int count = 0;
            for (Ref ref : refs) {
                if (ref.side() != side) {
                    continue;
                }
                count++;
                double icErr = nearest(steps.stream().mapToDouble(st -> st.icS() * RATE_HZ).toArray(), ref.ic());
                double toErr = nearest(steps.stream().mapToDouble(st -> st.toS() * RATE_HZ).toArray(), ref.tc());
                if (Math.abs(icErr) <= TOLERANCE_SAMPLES) {
                    icOk++;
                    icBias += icErr;
                }
                if (Math.abs(toErr) <= TOLERANCE_SAMPLES) {
                    toOk++;
                    toBias += toErr;
                }
                icMax = Math.max(icMax, Math.abs(icErr));
                toMax = Math.max(toMax, Math.abs(toErr));
            }
            double icPct = 100.0 * icOk / count;
            double toPct = 100.0 * toOk / count;
            table.append(String.format(Locale.ROOT, "%-6s %6d %9.1f%% %+7.2f sa %7.1f sa %9.1f%% %+7.2f sa %7.1f sa%n",
                    side.label(), count, icPct, icBias / Math.max(1, icOk), icMax, toPct, toBias / Math.max(1, toOk), toMax));
            if (icPct < 95) {
                failures.add(side.label() + ": IC within 3 samples for only " + icPct + " %");
            }
            if (toPct < 95) {
                failures.add(side.label() + ": TO within 3 samples for only " + toPct + " %");
            }
        }
        table.append("(bias: detected − reference, over the matched strides; 1 sample = 4.9 ms)\n");
        System.out.println(table);
        assertThat(failures).as(table.toString()).isEmpty();
    }

    /** Signed distance (samples) from the reference to the nearest detected event. */
    private static double nearest(double[] detected, double ref) {
        double best = Double.POSITIVE_INFINITY;
        for (double d : detected) {
            if (Math.abs(d - ref) < Math.abs(best)) {
                best = d - ref;
            }
        }
        return best;
    }
}
