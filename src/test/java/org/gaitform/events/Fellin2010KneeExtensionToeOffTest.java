package org.gaitform.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.gaitform.guidelines.GuidelineTable;
import org.gaitform.io.ReadOptions;
import org.gaitform.io.imu.ImuReadOptions;
import org.gaitform.io.pose.PoseReadOptions;
import org.gaitform.model.Quality;
import org.gaitform.model.SessionResult;
import org.gaitform.model.Step;
import org.gaitform.pipeline.AnalysisSettings;
import org.gaitform.pipeline.SessionPipeline;
import org.gaitform.support.CsvRows;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Feet seen at the ankle only (COCO's 17 keypoints, as YOLO-pose and Detectron2 write them): the sample side-view
 * video with its heel and toe keypoints taken out, against the simulator's own contacts
 * ({@code video_side_openpose_30fps.truth.csv}). The ankle leaves its ground level as the heel rises, so its
 * clearance put the toe-offs 65 ms early and the contact times 56 ms short; the knee's peak extension (Fellin et al.
 * 2010) puts them 17 ms early and 8 ms short.
 */
class Fellin2010KneeExtensionToeOffTest {
    @TempDir
    Path dir;

    private static final Path SAMPLE = Path.of("sample-data", "video_side_openpose_30fps.csv");
    private static final Path TRUTH = Path.of("sample-data", "video_side_openpose_30fps.truth.csv");

    @Test
    void toeOffsOfAnkleOnlyFeetComeFromTheKnee() throws IOException {
        Path ankles = Files.writeString(dir.resolve("ankles_only.csv"),
                CsvRows.withoutColumns(Files.readString(SAMPLE), "Heel", "BigToe"));
        PoseReadOptions po = new PoseReadOptions(Optional.of(30.0), Optional.empty(), Optional.empty(),
                Optional.empty(), Map.of(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());
        SessionResult r = new SessionPipeline(new AnalysisSettings(new ReadOptions(ImuReadOptions.DEFAULTS, po),
                GuidelineTable.builtIn())).analyse(ankles, "ankles_only.csv", "s");

        List<double[]> truth = new ArrayList<>(); // ic, to
        for (String line : Files.readAllLines(TRUTH).subList(1, Files.readAllLines(TRUTH).size())) {
            String[] f = line.split(",");
            truth.add(new double[] {Double.parseDouble(f[2]), Double.parseDouble(f[3])});
        }
        double icSum = 0;
        double toSum = 0;
        double contactSum = 0;
        int n = 0;
        for (Step s : r.steps()) {
            double[] best = truth.stream().min((a, b) -> Double.compare(Math.abs(a[0] - s.icS()),
                    Math.abs(b[0] - s.icS()))).orElseThrow();
            if (Math.abs(best[0] - s.icS()) > 0.06) {
                continue; // a landing before the simulator's first listed contact
            }
            icSum += 1000 * (s.icS() - best[0]);
            toSum += 1000 * (s.toS() - best[1]);
            contactSum += s.contactMs() - 1000 * (best[1] - best[0]);
            n++;
        }
        double shift = r.decisions().stream().filter(d -> d.key().equals("toe_off_from_knee")).findFirst()
                .map(d -> Double.parseDouble(d.reason().replaceAll(".*\\), ([+-][0-9]+) ms on average.*", "$1")))
                .orElse(Double.NaN);
        System.out.printf(Locale.ROOT, "ankles only: %d steps matched; IC %+.1f ms, TO %+.1f ms (the ankle's clearance "
                + "%+.1f), contact %+.1f ms on average; %s%n", n, icSum / n, toSum / n, toSum / n - shift, contactSum / n,
                r.decisions().stream().filter(d -> d.key().equals("toe_off_from_knee")).toList());
        assertThat(n).isGreaterThanOrEqualTo(24);
        assertThat(shift).as("the knee's toe-offs against the ankle's (ms)").isGreaterThan(30);
        assertThat(toSum / n - shift).as("the ankle's toe-offs (ms)").isLessThan(-60);
        assertThat(toSum / n).as("toe-offs from the knee (ms)").isBetween(-25.0, 10.0);
        assertThat(contactSum / n).as("contact time (ms)").isBetween(-20.0, 15.0);
        // the contact times are shown and not judged; the cadence is
        assertThat(r.quality().checks()).filteredOn(c -> c.id().equals("foot_keypoints")).singleElement()
                .satisfies(c -> {
                    assertThat(c.outcome()).isEqualTo(Quality.DOUBTFUL);
                    assertThat(c.sentence()).startsWith("Neither foot has a heel or toe keypoint");
                    assertThat(c.metrics()).contains("contact_ms").doesNotContain("cadence_spm");
                });
    }
}
