package org.gaitform.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.gaitform.guidelines.GuidelineTable;
import org.gaitform.model.SessionResult;
import org.gaitform.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchReportTest {
    @Test
    void cohortListsSessionsOutsideTheRecommendationsFirst(@TempDir Path dir) throws IOException {
        SessionResult quick = Fixtures.analyse(dir, "quick", Fixtures.quickRunCsv());
        SessionResult slow = Fixtures.analyse(dir, "slow", Fixtures.shortRunCsv());
        assertThat(quick.metric("cadence_spm")).isGreaterThan(160);
        assertThat(slow.metric("cadence_spm")).isLessThan(160);
        List<BatchEntry> entries = List.of(
                new BatchEntry("quick.csv", "quick", "ok", "fine", Optional.of(quick)),
                new BatchEntry("broken.csv", "broken", "failed", "broken.csv: expected rows of data, found an empty file",
                        Optional.empty()),
                new BatchEntry("slow.csv", "slow", "ok", "fine", Optional.of(slow)));
        assertThat(BatchReportPdf.cohort(entries).stringColumn("session_id").asList()).containsExactly("slow", "quick");
        byte[] pdf = BatchReportPdf.render(entries, GuidelineTable.builtIn());
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertThat(text).contains("Batch report").contains("3 input(s): 2 analysed, 1 failed")
                    .contains("broken.csv: expected rows of data, found an empty file")
                    .contains("Why Your Knees Hurt When Running");
            assertThat(text.indexOf("slow")).isLessThan(text.indexOf("quick"));
        }
        String csv = BatchSummaryCsv.write(entries);
        assertThat(csv.lines().findFirst().orElseThrow()).contains("status_R1").contains("status_R3");
        assertThat(csv).contains("slow.csv,slow,ok").contains(",outside,").contains("broken.csv,broken,failed");
    }
}
