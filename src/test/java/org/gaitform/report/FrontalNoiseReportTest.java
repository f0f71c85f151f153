package org.gaitform.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.gaitform.guidelines.GuidelineTable;
import org.gaitform.io.ReadOptions;
import org.gaitform.io.imu.ImuReadOptions;
import org.gaitform.io.pose.PoseReadOptions;
import org.gaitform.model.SessionResult;
import org.gaitform.pipeline.AnalysisSettings;
import org.gaitform.pipeline.SessionPipeline;
import org.gaitform.quality.QualityChecks;
import org.gaitform.simulate.EstimatorFaults;
import org.gaitform.simulate.PinholeCamera;
import org.gaitform.simulate.PoseRunnerSimulator;
import org.gaitform.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rear video of a runner moving away whose keypoints jitter by 1.2 px: pelvic drop is measured only on the steps near
 * the camera, and the report's form table says on how many and why, next to the values.
 */
class FrontalNoiseReportTest {
    @TempDir
    Path dir;

    @Test
    void theFormTableSaysOnHowManyStepsTheAnglesRest() throws IOException {
        // a runner at 3.8 m/s, 30 fps, moving away from a camera 4 m behind at 1 m height over 6 s
        PoseRunnerSimulator r = new PoseRunnerSimulator(30, 6, 172, 0.24, 3.8, 6, 0.15, 15, 6, 0.02, false);
        PinholeCamera cam = new PinholeCamera(PinholeCamera.Placement.BEHIND, 4, 1.0, 1400, 1920, 1080);
        List<String> names = r.cameraPointNames();
        EstimatorFaults.Faulty noisy = EstimatorFaults.jitterOnly(1.2, 7).apply(names, r.cameraPoints(cam, r.beltMps()),
                30);
        Path f = dir.resolve("rear_keypoints.csv");
        Files.writeString(f, PoseRunnerSimulator.keypointCsv(names, noisy.xy(), noisy.confidence()));
        PoseReadOptions po = new PoseReadOptions(Optional.of(30.0), Optional.empty(), Optional.empty(), Optional.empty(),
                Map.of(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        SessionResult res = new SessionPipeline(new AnalysisSettings(new ReadOptions(ImuReadOptions.DEFAULTS, po),
                GuidelineTable.builtIn())).analyse(f, "rear", "s");
        String kept = res.decisions().stream().filter(d -> d.key().equals("pelvic_drop_steps")).map(d -> d.value())
                .findFirst().orElseThrow();
        long withDrop = res.steps().stream().filter(s -> s.extras().containsKey("pelvic_drop_deg")).count();
        assertThat(kept).isEqualTo(withDrop + " of " + res.steps().size());
        assertThat(withDrop).as("pelvic drop kept near the camera only").isPositive().isLessThan(res.steps().size());
        String note = PoseReportSection.partialAngles(res);
        assertThat(note).startsWith("Pelvic drop from " + kept + " steps").contains("too small in the picture")
                .contains("px per frame");
        // contact times are not reported from a frontal view, so they are not drawn either
        assertThat(res.metric("contact_ms")).isNaN();
        assertThat(Charts.forSession(res)).extracting(ChartSpec::name).contains("cadence")
                .doesNotContain("contact_time", "contact_distribution", "left_right");
        // the steps are tracked on the pelvis's bounce, and the events chart and the method say so
        assertThat(res.decisions()).anyMatch(d -> d.key().equals(QualityChecks.PELVIS_TRACKING));
        assertThat(res.decisions()).noneMatch(d -> d.key().equals(QualityChecks.PELVIS_TIMING));
        assertThat(Charts.forSession(res)).filteredOn(c -> c.name().equals("signal_events")).singleElement()
                .extracting(ChartSpec::caption).asString().contains("The steps are tracked on the pelvis's bounce")
                .doesNotContain("treadmill");
        assertThat(res.info().get("detection_citation")).contains("Ellis DPW");
        Path out = new SessionWriter(GuidelineTable.builtIn(), "test", 100).write(res, dir.resolve("out"));
        try (PDDocument doc = Loader.loadPDF(out.resolve("report.pdf").toFile())) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertThat(text).contains("Pelvic drop from " + kept + " steps");
            assertThat(text).contains("The steps are tracked on the pelvis's bounce");
        }
    }

    @Test
    void aTreadmillFilmedFromBehindSaysWhereItsContactsComeFrom() throws IOException {
        // a runner at 3.2 m/s on a treadmill, 60 fps, a camera 4 m behind at 0.9 m: the belt carries each planted foot
        // down the picture, so the initial contacts come from the pelvis, and the events chart says why the foot's
        // image height keeps falling after them
        PoseRunnerSimulator r = new PoseRunnerSimulator(60, 8, 170, 0.25, 3.2, 6, 0.15, 15, 6, 0.02, false);
        PinholeCamera cam = new PinholeCamera(PinholeCamera.Placement.BEHIND, 4, 0.9, 1400, 1920, 1080);
        Path f = dir.resolve("treadmill_rear_keypoints.csv");
        Files.writeString(f, r.cameraKeypointTable(cam, 0, 0.5, 3));
        PoseReadOptions po = new PoseReadOptions(Optional.of(60.0), Optional.empty(), Optional.empty(), Optional.empty(),
                Map.of(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        SessionResult res = new SessionPipeline(new AnalysisSettings(new ReadOptions(ImuReadOptions.DEFAULTS, po),
                GuidelineTable.builtIn())).analyse(f, "treadmill", "s");
        assertThat(res.decisions()).anyMatch(d -> d.key().equals("initial_contact_from_pelvis"));
        assertThat(Charts.forSession(res)).filteredOn(c -> c.name().equals("signal_events")).singleElement()
                .extracting(ChartSpec::caption).asString().contains("The initial contacts come from the pelvis's descent");
        Path out = new SessionWriter(GuidelineTable.builtIn(), "test", 100).write(res, dir.resolve("treadmill_out"));
        try (PDDocument doc = Loader.loadPDF(out.resolve("report.pdf").toFile())) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertThat(text).contains("The initial contacts come from the pelvis's descent");
        }
    }

    @Test
    void aSessionWithoutLeftOutAnglesHasNoNote() throws IOException {
        SessionResult trunk = Fixtures.shortRun(dir);
        assertThat(PoseReportSection.partialAngles(trunk)).isNull();
        // a session that reports its contact times draws them
        assertThat(Charts.forSession(trunk)).extracting(ChartSpec::name).contains("contact_time");
    }
}
