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
import org.gaitform.io.json.JsonReader;
import org.gaitform.model.FindingStatus;
import org.gaitform.model.Quality;
import org.gaitform.model.SessionResult;
import org.gaitform.pipeline.AnalysisSettings;
import org.gaitform.pipeline.SessionPipeline;
import org.gaitform.simulate.PoseRunnerSimulator;
import org.gaitform.support.CsvRows;
import org.gaitform.support.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The quality verdict where people read it: summary.json ({@code quality}, {@code quality_reasons}, the assumed
 * inputs, per finding its uncertainty, steps and why it is not judged), the {@code quality} column of
 * batch-summary.csv, the verdict read back for a skipped session, and page 1 of the report — the banner with its
 * reasons and the assumed frame rate, a finding shown with "?" and its reason, nothing ranked — on the session of
 * issue 13, item 5 (a 2 s side-view clip with 4 contacts and no frame rate).
 */
class QualityOutputsTest {
    @TempDir
    static Path dir;
    private static SessionResult clip;
    private static SessionResult good;

    @BeforeAll
    static void sessions() throws IOException {
        Path f = dir.resolve("clip_side.csv");
        Files.writeString(f, new PoseRunnerSimulator(30, 2.2, 165, 0.26, 3.0, 8, 0.25, 15, 6, 0.03, false)
                .keypointTable(false, 500, 1.0, 3));
        clip = new SessionPipeline(new AnalysisSettings(ReadOptions.DEFAULTS, GuidelineTable.builtIn())).analyse(f,
                "clip_side.csv", "clip");
        good = Fixtures.shortRun(dir);
    }

    @Test
    void summaryJsonCarriesTheVerdictItsReasonsAndWhyAFindingIsNotJudged() throws Exception {
        Map<?, ?> m = (Map<?, ?>) JsonReader.parse(Json.write(SessionTables.summary(clip, "test")));
        assertThat(m.get("quality")).isEqualTo("doubtful");
        assertThat((List<?>) m.get("quality_reasons")).isNotEmpty()
                .anySatisfy(x -> assertThat(x.toString()).contains("at least 10"));
        assertThat((List<?>) m.get("quality_assumed_inputs")).anySatisfy(x -> assertThat(x.toString()).contains("30 fps"));
        assertThat(((List<?>) m.get("quality_failed_checks")).stream().map(String::valueOf).toList())
                .contains("steps_evidence:doubtful", "frame_rate_assumed:doubtful");
        assertThat(m.get("finding_R1_status")).isEqualTo("not_judged");
        assertThat(((Number) m.get("finding_R1_priority")).intValue()).isZero();
        assertThat(m.get("finding_R1_why_not_judged").toString()).startsWith("Not judged:");
        assertThat(((Number) m.get("finding_R1_n_steps")).intValue()).isLessThan(10);
        Map<?, ?> g = (Map<?, ?>) JsonReader.parse(Json.write(SessionTables.summary(good, "test")));
        assertThat(g.get("quality")).isEqualTo("good");
        assertThat((List<?>) g.get("quality_reasons")).isEmpty();
        assertThat(g.containsKey("finding_R1_why_not_judged")).isFalse();
    }

    @Test
    void batchSummaryHasAQualityColumnAndASkippedSessionKeepsItsVerdict() throws IOException {
        Path out = dir.resolve("out");
        Files.createDirectories(out.resolve("clip"));
        Files.writeString(out.resolve("clip").resolve("summary.json"), Json.write(SessionTables.summary(clip, "t")));
        Optional<SessionResult> back = SessionSummaryReader.read(out.resolve("clip").resolve("summary.json"),
                GuidelineTable.builtIn());
        assertThat(back).isPresent();
        assertThat(back.get().quality().verdict()).isEqualTo(Quality.DOUBTFUL);
        assertThat(back.get().quality().reasons()).isEqualTo(clip.quality().reasons());
        assertThat(back.get().findings()).filteredOn(f -> f.guidelineId().equals("R1")).singleElement()
                .satisfies(f -> {
                    assertThat(f.status()).isEqualTo(FindingStatus.NOT_JUDGED);
                    assertThat(f.message()).startsWith("Not judged:");
                    assertThat(f.evidence().steps()).isLessThan(10);
                });
        String csv = BatchSummaryCsv.write(List.of(
                new BatchEntry("clip_side.csv", "clip", "ok", "m", Optional.of(clip)),
                new BatchEntry("short_run.csv", "short_run", "skipped", "kept", back.map(r -> good)),
                new BatchEntry("broken.csv", "broken", "failed", "bad", Optional.empty())));
        List<Map<String, String>> rows = CsvRows.parse(csv);
        assertThat(csv.lines().findFirst().orElseThrow()).startsWith("input,session_id,status,quality,message");
        assertThat(rows).extracting(r -> r.get("quality")).containsExactly("doubtful", "good", "");
    }

    @Test
    void pageOneShowsTheBannerTheAssumedFrameRateAndNothingRanked() throws IOException {
        byte[] pdf = SessionReportPdf.render(clip, List.of(), GuidelineTable.builtIn());
        String page1;
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFTextStripper s = new PDFTextStripper();
            s.setStartPage(1);
            s.setEndPage(1);
            page1 = s.getText(doc).replaceAll("\\s+", " ");
        }
        assertThat(page1).contains("Quality: doubtful", "30 fps", "not judged", "Nothing is ranked");
        assertThat(page1).doesNotContain("One point stands out", "Two points stand out");
        byte[] goodPdf = SessionReportPdf.render(good, List.of(), GuidelineTable.builtIn());
        try (PDDocument doc = Loader.loadPDF(goodPdf)) {
            PDFTextStripper s = new PDFTextStripper();
            s.setEndPage(1);
            assertThat(s.getText(doc).replaceAll("\\s+", " ")).contains("Quality: good").doesNotContain("not judged:");
        }
    }
}
