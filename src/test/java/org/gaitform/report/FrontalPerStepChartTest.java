package org.gaitform.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.gaitform.guidelines.GuidelineTable;
import org.gaitform.model.SessionResult;
import org.gaitform.pipeline.AnalysisSettings;
import org.gaitform.pipeline.SessionPipeline;
import org.gaitform.support.Fixtures;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.Marker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rear-view sample's knee valgus and pelvic drop per step, left and right apart, with the limits of the guideline
 * table the session is judged by (a clinic's own table moves them); sessions without frontal-plane values have no
 * such chart.
 */
class FrontalPerStepChartTest {
    @TempDir
    Path dir;

    private static SessionResult rearSample() throws IOException {
        Path f = Path.of("sample-data", "video_rear_treadmill_60fps.csv");
        return new SessionPipeline(AnalysisSettings.defaults()).analyse(f, f.toString(), "s");
    }

    private static List<Double> limits(XYPlot p) {
        return p.getRangeMarkers(Layer.FOREGROUND).stream().map(m -> ((ValueMarker) (Marker) m).getValue()).sorted()
                .toList();
    }

    @Test
    void kneeAndPelvisPerStepWithTheTablesLimits() throws IOException {
        SessionResult r = rearSample();
        ChartSpec c = Charts.forSession(r).stream().filter(s -> s.name().equals("frontal_per_step")).findFirst()
                .orElseThrow();
        assertThat(c.chart().getTitle().getText()).isEqualTo("Knee valgus and pelvic drop per step");
        List<XYPlot> panels = ((CombinedDomainXYPlot) c.chart().getXYPlot()).getSubplots();
        assertThat(panels).hasSize(2);
        // every step with a value is a mark, on its side's series
        long knee = r.steps().stream().filter(s -> s.extras().containsKey("knee_fppa_deg")).count();
        assertThat(panels.get(0).getDataset().getItemCount(0) + panels.get(0).getDataset().getItemCount(1))
                .isEqualTo((int) knee);
        assertThat(limits(panels.get(0))).containsExactly(10.0, 15.0);
        assertThat(limits(panels.get(1))).containsExactly(5.0, 7.0);
        // a clinic's own table: its limits are drawn
        String csv;
        try (InputStream in = GuidelineTable.class.getResourceAsStream("guidelines.csv")) {
            csv = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String row = "R6,contralateral pelvic drop,pelvic_drop_deg,°,max,";
        assertThat(csv).contains(row + "5,,,7,");
        GuidelineTable own = GuidelineTable.fromText(csv.replace(row + "5,,,7,", row + "4,,,6,"), "clinic.csv");
        ChartSpec mine = Charts.forSession(r, own).stream().filter(s -> s.name().equals("frontal_per_step"))
                .findFirst().orElseThrow();
        assertThat(limits(((CombinedDomainXYPlot) mine.chart().getXYPlot()).getSubplots().get(1)))
                .containsExactly(4.0, 6.0);
    }

    @Test
    void aTrunkSessionHasNoFrontalChart() throws IOException {
        SessionResult trunk = Fixtures.shortRun(dir);
        assertThat(Charts.forSession(trunk)).extracting(ChartSpec::name).doesNotContain("frontal_per_step");
    }
}
