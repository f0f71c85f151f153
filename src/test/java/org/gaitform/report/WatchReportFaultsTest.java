package org.gaitform.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.gaitform.guidelines.GuidelineTable;
import org.gaitform.metrics.TrainingLoad;
import org.gaitform.model.RunSummary;
import org.gaitform.model.SessionResult;
import org.gaitform.model.TrainingWeek;
import org.gaitform.pipeline.AnalysisSettings;
import org.gaitform.pipeline.SessionPipeline;
import org.gaitform.support.SyntheticRun;
import org.gaitform.support.TempDirs;
import org.jfree.data.xy.XYSeries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report faults issue 14 found, each on an export of its shape: how the file counted cadence said right, no
 * "elevation +– m", no empty panels or columns for a file without cadence (said once instead), captions naming only
 * what is drawn, axes spanning a meaningful range, a reference label beside the data, one pace for a run in both
 * reports, and a speed rise called a speed rise.
 */
class WatchReportFaultsTest {
    static final double START = SyntheticRun.epoch(2024, 5, 6, 7);

    @TempDir
    Path tmp;

    private SessionResult analyse(String name, String text) throws IOException {
        Path p = TempDirs.write(tmp, name, text);
        return new SessionPipeline(AnalysisSettings.defaults()).analyse(p, name, name.replace('.', '_'));
    }

    private static String pdf(SessionResult r) throws IOException {
        byte[] b = WatchReportPdf.render(r, WatchCharts.forSession(r), GuidelineTable.builtIn());
        try (PDDocument d = Loader.loadPDF(b)) {
            return new PDFTextStripper().getText(d).replaceAll("\\s+", " ");
        }
    }

    @Test
    void howTheFileCountedCadenceIsSaidRight() throws IOException {
        SyntheticRun run = SyntheticRun.flat(START, 600, 3.2, 170);
        String doubled = pdf(analyse("doubled.tcx", run.tcx(true)));
        assertThat(doubled).contains("Cadence counts both feet, as the file already does (steps/min)")
                .doesNotContain("its values were doubled");
        String perLeg = pdf(analyse("perleg.csv", run.garminCsv()));
        assertThat(perLeg).contains("the file counts one leg (strides/min), so its values were doubled")
                .doesNotContain("(steps/min in the file)");
    }

    @Test
    void anExportWithoutAltitudeOrCadenceSaysSoOnceAndDrawsNoEmptyPanel() throws IOException {
        StringBuilder csv = new StringBuilder("timestamp,distance,speed,heart_rate,cadence,stance_time\n");
        for (int i = 0; i <= 900; i++) {
            csv.append(String.format(Locale.ROOT, "%d,%.1f,3.1,150,170,255%n", (long) START + i, 3.1 * i));
        }
        SessionResult noAlt = analyse("noalt.csv", csv.toString());
        String t = pdf(noAlt);
        assertThat(t).contains("no elevation in the export").doesNotContain("+– m").doesNotContain("−– m");
        StringBuilder gpx = new StringBuilder("<?xml version=\"1.0\"?>\n<gpx version=\"1.1\" creator=\"t\" "
                + "xmlns=\"http://www.topografix.com/GPX/1/1\">\n<trk><type>running</type><trkseg>\n");
        for (int i = 0; i <= 1500; i++) {
            gpx.append(String.format(Locale.ROOT, "<trkpt lat=\"%.7f\" lon=\"7.0\"><ele>%.1f</ele><time>%s</time></trkpt>%n",
                    46 + 3.1 * i / 111195.0, 100 + 15 * Math.sin(i / 300.0), java.time.Instant.ofEpochSecond((long) START
                    + i)));
        }
        SessionResult noCad = analyse("nocadence.gpx", gpx.append("</trkseg></trk></gpx>\n").toString());
        List<ChartSpec> charts = WatchCharts.forSession(noCad);
        assertThat(charts).extracting(ChartSpec::name).containsExactly("splits");
        org.jfree.chart.plot.CombinedDomainXYPlot plot = (org.jfree.chart.plot.CombinedDomainXYPlot) charts.get(0).chart()
                .getXYPlot();
        assertThat(plot.getSubplots()).as("the elevation profile only, no empty cadence or step-length panel").hasSize(1);
        assertThat(charts.get(0).caption()).contains("no cadence");
        String n = pdf(noCad);
        assertThat(n).contains("The export has no cadence").doesNotContain("GCT ms").doesNotContain("VO cm");
        // the downhill comparison says why once, and does not deny the splits its table lists
        assertThat(n).doesNotContain("no downhill and no flat").contains("the export has no cadence, so the "
                + "kilometre splits");
        String beforeMethods = n.substring(0, n.indexOf("Methods"));
        assertThat(beforeMethods.split("the export has no cadence, so the", -1)).as("said once in the report (and "
                + "once more in the list of decisions)").hasSize(2);
    }

    @Test
    void captionsNameOnlyWhatIsDrawnAndAxesSpanAMeaningfulRange() throws IOException {
        // a TCX has cadence but no balance: no green band, so the caption does not name one
        SessionResult r = analyse("run.tcx", SyntheticRun.flat(START, 900, 3.2, 170).tcx(false));
        ChartSpec form = WatchCharts.forSession(r).get(0);
        assertThat(form.caption()).contains("160 steps/min").doesNotContain("green band");
        SessionResult g = analyse("garmin.csv", SyntheticRun.flat(START, 900, 3.2, 170).garminCsv());
        assertThat(WatchCharts.forSession(g).get(0).caption()).contains("green band");
        // a 1 % change in cadence (169 → 171) spans a fraction of a 30 steps/min axis, not its whole height
        double[] range = WatchCharts.range("cadence_spm", 169, 171);
        assertThat(range[1] - range[0]).isGreaterThanOrEqualTo(30);
        assertThat(WatchCharts.range("contact_balance_left_pct", 50.1, 50.3)[1]
                - WatchCharts.range("contact_balance_left_pct", 50.1, 50.3)[0]).isGreaterThanOrEqualTo(6);
        assertThat(WatchCharts.range("step_length_m", 1.20, 1.22)[0]).isGreaterThanOrEqualTo(0);
        // a wide range is kept as it is (with a margin)
        assertThat(WatchCharts.range("cadence_spm", 120, 190)).containsExactly(113, 197);
    }

    @Test
    void theReferenceLabelGoesWhereTheDataAreNot() {
        XYSeries above = new XYSeries("a");
        XYSeries below = new XYSeries("b");
        for (int i = 0; i < 100; i++) {
            above.add(i, 163 + (i % 3));
            below.add(i, 157 - (i % 3));
        }
        assertThat(WatchCharts.labelAbove(160, above, new double[] {150, 180})).as("data just above the line")
                .isFalse();
        assertThat(WatchCharts.labelAbove(160, below, new double[] {140, 180})).as("data just below the line").isTrue();
    }

    @Test
    void aRunHasOnePaceInTheSessionAndTheRunnersReport() throws IOException {
        // a run with two minutes standing at a light: the pace is over the moving time and the moving distance
        StringBuilder csv = new StringBuilder("timestamp,distance,speed,cadence\n");
        double d = 0;
        for (int i = 0; i <= 1500; i++) {
            boolean standing = i >= 600 && i < 720;
            double v = standing ? 0.3 : 3.4;
            csv.append(String.format(Locale.ROOT, "%d,%.1f,%.1f,%d%n", (long) START + i, d, v, standing ? 0 : 172));
            d += v;
        }
        SessionResult r = analyse("light.csv", csv.toString());
        RunSummary s = TrainingLoad.summarise(r);
        assertThat(s.paceSPerKm()).isCloseTo(r.metric("pace_s_per_km"), within(0.01));
        assertThat(WatchSessionTables.pace(s.paceSPerKm())).isEqualTo(WatchSessionTables.pace(r.metric("pace_s_per_km")));
        TrainingWeek w = TrainingLoad.weeks(List.of(s), TrainingLoad.Settings.DEFAULTS).get(0);
        assertThat(w.paceSPerKm()).isCloseTo(r.metric("pace_s_per_km"), within(0.01));
    }

    @Test
    void aSpeedRiseIsCalledASpeedRiseNotTheTrainingLoad() {
        LocalDate monday = LocalDate.of(2024, 5, 6);
        TrainingWeek w = new TrainingWeek("2024-W19", monday, List.of("a"), 30000, 9000, 100, -3, 6, 0, List.of(),
                false, false, false, Map.of(), "", 30000);
        String text = RunnerReportPdf.latestWeek(w, 10);
        assertThat(text).contains("distance -3 %", "speed +6 %", "the larger rise, speed +6 %, is within the 10 %")
                .doesNotContain("training load");
        TrainingWeek up = new TrainingWeek("2024-W20", monday.plusWeeks(1), List.of("b"), 36000, 9000, 100, 20, 2, 0,
                List.of("distance"), true, false, false, Map.of(), "", 36000);
        assertThat(RunnerReportPdf.latestWeek(up, 10)).contains("the larger rise, distance +20 %, is above the 10 %");
    }
}
