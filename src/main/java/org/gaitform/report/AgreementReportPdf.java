package org.gaitform.report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.gaitform.agreement.AgreementFigures;
import org.gaitform.agreement.AgreementGroup;
import org.gaitform.agreement.AgreementReport;
import org.gaitform.agreement.BlandAltman;
import org.gaitform.agreement.EventFigures;
import org.gaitform.agreement.FailedValidation;
import org.gaitform.agreement.RecordingAgreement;

/**
 * {@code agreement.pdf}: how gaitform agrees with the reference — the headline figures over every recording, a
 * table per grouping (one row per condition value), the Bland–Altman and error-by-condition charts, one row per
 * recording, the recordings that could not be compared, and the methods (matching, statistics, how each reference
 * was obtained) with their citations.
 */
public final class AgreementReportPdf {
    private static final float SMALL = 6.6f;

    private AgreementReportPdf() {
    }

    /** Renders the report with its charts. */
    public static byte[] render(AgreementReport report, List<ChartSpec> charts) throws IOException {
        try (PdfDoc d = new PdfDoc("gaitform agreement with the reference", "gaitform validate · agreement with the "
                + "reference · " + report.version())) {
            d.line("Agreement with the reference", d.bold(), 18, PdfDoc.MARGIN, Palette.INK);
            d.space(2);
            d.paragraph(summary(report), 9);
            d.heading("All recordings", 12);
            groupTable(d, List.of(report.all()), "");
            for (List<String> g : report.groupings()) {
                List<AgreementGroup> groups = report.groupsBy(g);
                if (groups.isEmpty()) {
                    continue;
                }
                d.heading("By " + String.join(" and ", g), 12);
                groupTable(d, groups, String.join(" · ", g));
            }
            if (!charts.isEmpty()) {
                d.newPage();
                d.heading("Charts", 12);
                for (ChartSpec c : charts) {
                    d.chart(c);
                }
            }
            d.newPage();
            d.heading("Recordings", 12);
            recordingTable(d, report);
            if (!report.failures().isEmpty()) {
                d.heading("Recordings that could not be compared", 12);
                for (FailedValidation f : report.failures()) {
                    d.paragraph("• " + f.message(), d.regular(), 7.5f, PdfDoc.MARGIN + 6, PdfDoc.WIDTH - 6,
                            Palette.VERMILLION);
                }
            }
            methods(d, report);
            return d.finish();
        }
    }

    private static String summary(AgreementReport r) {
        AgreementFigures a = r.all().figures();
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%d recording(s) compared with their reference",
                r.recordings().size()));
        if (!r.failures().isEmpty()) {
            sb.append(String.format(Locale.ROOT, ", %d could not be compared", r.failures().size()));
        }
        sb.append(String.format(Locale.ROOT, "; events matched one to one within %s ms. ", fmt(r.toleranceMs(), 0)));
        if (a.ic().referenceN() > 0) {
            sb.append(String.format(Locale.ROOT, "Initial contacts: %d of %d reference contacts found (%s %%), %s %% of "
                            + "the detections match one; timing bias %s ms, 95 %% limits of agreement %s ms. ",
                    a.ic().matchedN(), a.ic().referenceN(), fmt(a.ic().recallPct(), 1), fmt(a.ic().precisionPct(), 1),
                    signed(a.ic().timingMs().bias(), 1), loa(a.ic().timingMs(), 0)));
        }
        if (a.to().referenceN() > 0) {
            sb.append(String.format(Locale.ROOT, "Toe-offs: %s %% found, bias %s ms, limits %s ms. ",
                    fmt(a.to().recallPct(), 1), signed(a.to().timingMs().bias(), 1), loa(a.to().timingMs(), 0)));
        }
        if (a.contactPerStepMs().n() > 0) {
            sb.append(String.format(Locale.ROOT, "Contact time per step: bias %s ms, limits %s ms. ",
                    signed(a.contactPerStepMs().bias(), 1), loa(a.contactPerStepMs(), 0)));
        }
        if (a.cadenceSpm().n() > 0) {
            sb.append(String.format(Locale.ROOT, "Cadence per recording: bias %s steps/min (mean absolute %s)%s. ",
                    signed(a.cadenceSpm().bias(), 2), fmt(a.cadenceSpm().mae(), 2), Double.isFinite(a.cadenceIcc())
                            ? ", ICC(2,1) " + fmt(a.cadenceIcc(), 3) : ""));
        }
        if (a.contactMs().n() > 0) {
            sb.append(String.format(Locale.ROOT, "Mean contact time per recording: bias %s ms (mean absolute %s)%s. ",
                    signed(a.contactMs().bias(), 1), fmt(a.contactMs().mae(), 1), Double.isFinite(a.contactIcc())
                            ? ", ICC(2,1) " + fmt(a.contactIcc(), 3) : ""));
        }
        if (a.sidesKnownN() > 0) {
            sb.append(String.format(Locale.ROOT, "Feet: %s %% of %d contacts named right.", fmt(a.sidesRightPct(), 1),
                    a.sidesKnownN()));
        }
        return sb.toString().trim();
    }

    private static final String[] GROUP_HEADER = {"group", "n", "IC", "IC bias (LoA)", "TO", "TO bias (LoA)",
        "GCT/step (LoA)", "cad.", "GCT", "ICC", "sides"};
    private static final float[] GROUP_WIDTHS = {110, 14, 36, 62, 36, 62, 62, 30, 30, 40, 26};

    private static void groupTable(PdfDoc d, List<AgreementGroup> groups, String name) throws IOException {
        List<String[]> rows = new ArrayList<>();
        for (AgreementGroup g : groups) {
            AgreementFigures f = g.figures();
            rows.add(new String[] {g.columns().isEmpty() ? "all" : String.join(" · ", g.values()),
                String.valueOf(g.recordings().size()), found(f.ic()), biasLoa(f.ic().timingMs()), found(f.to()),
                biasLoa(f.to().timingMs()), biasLoa(f.contactPerStepMs()), signed(f.cadenceSpm().bias(), 2),
                signed(f.contactMs().bias(), 1), fmt(f.cadenceIcc(), 2) + "/" + fmt(f.contactIcc(), 2),
                pct(f.sidesRightPct())});
        }
        boolean[] right = new boolean[GROUP_HEADER.length];
        java.util.Arrays.fill(right, true);
        right[0] = false;
        String[] header = GROUP_HEADER.clone();
        if (!name.isEmpty()) {
            header[0] = name;
        }
        PdfTable.draw(d, GROUP_WIDTHS, right, header, rows, null, 6.0f);
        if (!name.isEmpty()) {
            return;
        }
        d.paragraph("n: recordings. IC, TO: reference initial contacts and toe-offs found (matched / reference). Bias = mean of gaitform "
                + "− reference (ms), LoA = 95 % limits of agreement. GCT/step: ground-contact time of each matched step; "
                + "cad. (steps/min) and GCT (ms): bias of the per-recording cadence and mean contact time; ICC: ICC(2,1) "
                + "of both over the recordings (– for fewer than 3); sides: feet named right.", d.regular(), 6.3f,
                PdfDoc.MARGIN, PdfDoc.WIDTH, Palette.MUTED);
    }

    private static final String[] REC_HEADER = {"recording", "reference", "IC", "IC bias", "IC MAE", "TO", "TO bias",
        "GCT bias", "cadence", "ref.", "GCT", "ref.", "sides"};
    private static final float[] REC_WIDTHS = {100, 70, 38, 30, 30, 38, 30, 34, 30, 29, 29, 29, 26};

    private static void recordingTable(PdfDoc d, AgreementReport report) throws IOException {
        List<String[]> rows = new ArrayList<>();
        for (RecordingAgreement r : report.recordings()) {
            AgreementFigures f = AgreementFigures.of(List.of(r));
            rows.add(new String[] {name(r.recording()), name(r.reference()) + " (" + r.referenceKind().label() + ")",
                found(f.ic()), signed(f.ic().timingMs().bias(), 1), fmt(f.ic().timingMs().mae(), 1), found(f.to()),
                signed(f.to().timingMs().bias(), 1), signed(f.contactPerStepMs().bias(), 1), fmt(r.cadenceSpm(), 1),
                fmt(r.referenceCadenceSpm(), 1), fmt(r.contactMs(), 1), fmt(r.referenceContactMs(), 1),
                pct(f.sidesRightPct())});
        }
        boolean[] right = new boolean[REC_HEADER.length];
        java.util.Arrays.fill(right, true);
        right[0] = false;
        right[1] = false;
        PdfTable.draw(d, REC_WIDTHS, right, REC_HEADER, rows, null, SMALL);
        d.paragraph("Times in ms (bias and MAE of gaitform − reference), cadence in steps/min, GCT = mean ground-contact "
                + "time (ms) of gaitform and of the reference. Full paths and every figure: agreement.csv.", d.regular(),
                6.3f, PdfDoc.MARGIN, PdfDoc.WIDTH, Palette.MUTED);
    }

    /** The file name of a path (the last element), for narrow table cells. */
    static String name(String path) {
        String p = path.replace('\\', '/');
        String tail = p.contains(" line ") ? p.substring(0, p.indexOf(" line ")) : p.contains(" (") ? p.substring(0,
                p.indexOf(" (")) : p;
        int slash = tail.lastIndexOf('/');
        return slash >= 0 ? tail.substring(slash + 1) : tail;
    }

    static String biasLoa(BlandAltman b) {
        if (b.n() == 0) {
            return "–";
        }
        return signed(b.bias(), 1) + (Double.isFinite(b.loaLow()) ? " (" + signed(b.loaLow(), 0) + "…"
                + signed(b.loaHigh(), 0) + ")" : "");
    }

    private static void methods(PdfDoc d, AgreementReport r) throws IOException {
        d.newPage();
        d.heading("Methods", 12);
        float s = 8.5f;
        d.paragraph("Each recording is analysed exactly as gaitform analyze would (same reader, same detectors, same "
                + "settings for every recording) and compared with its reference on the recording's own clock.", s);
        d.paragraph(String.format(Locale.ROOT, "Matching. Detected initial contacts are paired with reference initial "
                + "contacts, and toe-offs with toe-offs, one to one and in time order, at most %s ms apart; among such "
                + "pairings the one with the most pairs and then the smallest total time difference is taken. A "
                + "reference event without a partner is missed, a detected event without one is extra. Only detected "
                + "events inside the reference's span (widened by the tolerance) take part. Recall (found) = matched / "
                + "reference events; precision = matched / detected events. Each matched initial contact also compares "
                + "the contact time (toe-off − initial contact) of its step and, where both name it, the foot.",
                fmt(r.toleranceMs(), 0)), s);
        d.paragraph("Statistics. For timing errors (gaitform − reference), contact time per step, and the cadence and "
                + "mean contact time of each recording: bias (mean difference), standard deviation, 95 % limits of "
                + "agreement (bias ± 1.96 SD; Bland & Altman 1986) and mean absolute error. Per-step limits pool every "
                + "step of every recording in a group; they do not model the repeated measures within a recording "
                + "(Bland & Altman 2007), so when recordings differ in bias the true limits are somewhat wider — the "
                + "per-recording table shows how much they differ. The agreement of per-recording values is also given "
                + "as the intraclass correlation ICC(2,1) of Shrout & Fleiss (1979): two-way, absolute agreement, single "
                + "measurement (Koo & Li 2016; the same formula as McGraw & Wong's ICC(A,1) for fixed raters), "
                + "ICC = (MSR − MSE) / (MSR + MSE + 2 (MSC − MSE) / n) with n recordings and 2 raters; it is left out for "
                + "fewer than 3 recordings. Statistics are computed with Apache Commons Math.", s);
        Set<String> refs = new LinkedHashSet<>();
        for (RecordingAgreement a : r.recordings()) {
            refs.add(a.referenceMethod().replaceAll(" \\(\\d+ rows for [^)]*\\)", ""));
        }
        if (!refs.isEmpty()) {
            d.paragraph("References of the recordings:", d.bold(), s, PdfDoc.MARGIN, PdfDoc.WIDTH, Palette.INK);
            int k = 0;
            for (String ref : refs) {
                if (k++ >= 12) {
                    d.paragraph("• … and " + (refs.size() - 12) + " more (see the reference_method column of "
                            + "agreement.csv)", d.regular(), 7.5f, PdfDoc.MARGIN + 6, PdfDoc.WIDTH - 6, Palette.INK);
                    break;
                }
                d.paragraph("• " + ref, d.regular(), 7.5f, PdfDoc.MARGIN + 6, PdfDoc.WIDTH - 6, Palette.INK);
            }
        }
        d.paragraph("A threshold tuned on a recording is not evidence of accuracy on it: where recordings were used to "
                + "choose a method's thresholds, report them apart from the held-out ones (a condition column such as "
                + "'role' does this).", s);
        d.heading("References", 12);
        for (String c : List.of(
                "Bland JM, Altman DG. Statistical methods for assessing agreement between two methods of clinical "
                        + "measurement. Lancet 1986;327(8476):307–310.",
                "Bland JM, Altman DG. Agreement between methods of measurement with multiple observations per "
                        + "individual. J Biopharm Stat 2007;17(4):571–582.",
                "Shrout PE, Fleiss JL. Intraclass correlations: uses in assessing rater reliability. Psychol Bull "
                        + "1979;86(2):420–428.",
                "Koo TK, Li MY. A guideline of selecting and reporting intraclass correlation coefficients for "
                        + "reliability research. J Chiropr Med 2016;15(2):155–163.",
                "McGraw KO, Wong SP. Forming inferences about some intraclass correlation coefficients. Psychol "
                        + "Methods 1996;1(1):30–46.")) {
            d.paragraph(c, d.regular(), 7.5f, PdfDoc.MARGIN, PdfDoc.WIDTH, Palette.INK);
        }
        d.paragraph("gaitform " + r.version() + (r.created().isEmpty() ? "" : ", " + r.created()), d.regular(), 7f,
                PdfDoc.MARGIN, PdfDoc.WIDTH, Palette.MUTED);
    }

    private static String found(EventFigures e) {
        return e.referenceN() == 0 ? "–" : e.matchedN() + "/" + e.referenceN();
    }

    private static String pct(double v) {
        return Double.isFinite(v) ? fmt(v, 0) + " %" : "–";
    }

    static String loa(BlandAltman b, int decimals) {
        if (!Double.isFinite(b.loaLow())) {
            return "–";
        }
        return signed(b.loaLow(), decimals) + " … " + signed(b.loaHigh(), decimals);
    }

    static String signed(double v, int decimals) {
        if (!Double.isFinite(v)) {
            return "–";
        }
        String s = String.format(Locale.ROOT, "%+." + decimals + "f", v);
        return s.replace("-", "−");
    }

    static String fmt(double v, int decimals) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%." + decimals + "f", v) : "–";
    }
}
