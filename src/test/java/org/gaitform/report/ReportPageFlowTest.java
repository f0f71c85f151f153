package org.gaitform.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.gaitform.guidelines.GuidelineTable;
import org.gaitform.model.SessionResult;
import org.gaitform.pipeline.AnalysisSettings;
import org.gaitform.pipeline.SessionPipeline;
import org.gaitform.support.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A session with many indicators (Fukuchi's RBDS002 T25 with its standing trial: knee, shank, step length and pelvis
 * rows) fills page 1's scorecard past the page; the form indicators then go on on the page it ran over to, rather than
 * leaving that page with a row and a footnote on it.
 */
class ReportPageFlowTest {
    @Test
    void aScorecardThatRunsOverIsFollowedOnTheSamePage(@TempDir Path tmp) throws IOException {
        Path in = SharedData.require("fukuchi2017-treadmill-markers").resolve("RBDS002runT25markers.txt");
        SessionResult r = new SessionPipeline(AnalysisSettings.defaults()).analyse(in, in.toString(), "s");
        Path folder = new SessionWriter(GuidelineTable.builtIn(), "test", 200).write(r, tmp.resolve("out"));
        List<String> pages = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(folder.resolve("report.pdf").toFile())) {
            PDFTextStripper s = new PDFTextStripper();
            for (int p = 1; p <= doc.getNumberOfPages(); p++) {
                s.setStartPage(p);
                s.setEndPage(p);
                pages.add(s.getText(doc));
            }
        }
        int footnote = indexOf(pages, "The values rest on up to");
        int indicators = indexOf(pages, "Form indicators");
        System.out.printf("RBDS002 T25 report: %d pages; scorecard ends on page %d, form indicators start on page %d%n",
                pages.size(), footnote + 1, indicators + 1);
        assertThat(footnote).as("the scorecard runs over page 1 (else this test shows nothing)").isEqualTo(1);
        assertThat(indicators).isEqualTo(footnote);
    }

    private static int indexOf(List<String> pages, String text) {
        for (int i = 0; i < pages.size(); i++) {
            if (pages.get(i).contains(text)) {
                return i;
            }
        }
        return -1;
    }
}
