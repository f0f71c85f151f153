package org.gaitform.report;

import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.gaitform.model.Finding;
import org.gaitform.model.FindingStatus;
import org.gaitform.model.Quality;
import org.gaitform.model.QualityCheck;
import org.gaitform.model.SessionQuality;
import org.gaitform.model.SessionResult;

/**
 * The quality verdict on page 1 of a session report: a coloured banner naming the reasons when the session is not
 * good, a one-line note when it is, and the inputs that were assumed in either case; and the list of every check for
 * the methods page.
 */
final class QualityBanner {
    /** Reasons shown in the banner; the rest are on the methods page and in summary.json. */
    static final int MAX_REASONS = 4;

    private QualityBanner() {
    }

    /** Writes the banner (or the note) at the current position. */
    static void write(PdfDoc d, SessionResult r) throws IOException {
        SessionQuality q = r.quality();
        if (q.verdict() == Quality.NOT_ASSESSED) {
            return;
        }
        boolean frameRateFailed = q.checks().stream().anyMatch(c -> c.failed() && c.id().equals("frame_rate_assumed"));
        List<String> assumedInputs = q.assumedInputs().stream()
                .filter(a -> !(frameRateFailed && a.startsWith("frame rate"))).toList();
        String assumed = assumedInputs.isEmpty() ? "" : "Assumed: " + String.join("; ", assumedInputs) + ".";
        if (q.isGood()) {
            d.paragraph(String.format(Locale.ROOT, "Quality: good — the %d consistency checks passed (%s); see the "
                    + "methods page.", q.checks().size(), String.join(", ", checked(q))) + (assumed.isEmpty() ? ""
                    : " " + assumed), d.regular(), 8, PdfDoc.MARGIN, PdfDoc.WIDTH, Palette.MUTED);
            d.space(2);
            return;
        }
        Color colour = Palette.quality(q.verdict());
        List<String[]> lines = new ArrayList<>();
        lines.add(new String[] {"title", "Quality: " + q.verdict().phrase()});
        List<String> reasons = q.reasons();
        for (int i = 0; i < Math.min(MAX_REASONS, reasons.size()); i++) {
            lines.add(new String[] {"bullet", "• " + headline(reasons.get(i))});
        }
        if (reasons.size() > MAX_REASONS) {
            lines.add(new String[] {"note", String.format(Locale.ROOT, "… and %d more on the methods page.",
                    reasons.size() - MAX_REASONS)});
        }
        long notJudged = r.findings().stream().filter(f -> f.status() == FindingStatus.NOT_JUDGED).count();
        lines.add(new String[] {"note", notJudged > 0 ? String.format(Locale.ROOT, "%d value%s built on these measures "
                + "or on too few steps %s shown with “?” and not judged or ranked.", notJudged, notJudged == 1 ? "" : "s",
                notJudged == 1 ? "is" : "are") : "The values are shown; read them with care."});
        if (!assumed.isEmpty()) {
            lines.add(new String[] {"note", assumed});
        }
        float x = PdfDoc.MARGIN + 10;
        float w = PdfDoc.WIDTH - 16;
        float height = 6;
        List<List<String>> wrapped = new ArrayList<>();
        for (String[] l : lines) {
            List<String> wl = d.wrap(l[1], font(d, l[0]), size(l[0]), w);
            wrapped.add(wl);
            height += wl.size() * size(l[0]) * 1.35f + size(l[0]) * 0.35f;
        }
        d.ensure(height + 8);
        float top = d.y();
        d.box(PdfDoc.MARGIN, top, PdfDoc.WIDTH, height, tint(colour), null);
        d.box(PdfDoc.MARGIN, top, 4, height, colour, null);
        d.space(3);
        for (int i = 0; i < lines.size(); i++) {
            String kind = lines.get(i)[0];
            for (String l : wrapped.get(i)) {
                d.line(l, font(d, kind), size(kind), kind.equals("bullet") ? x : x, Palette.INK);
            }
            d.space(size(kind) * 0.35f);
        }
        d.moveTo(top - height - 6);
    }

    /** What the checks of a session looked at, in words, in the order run. */
    static List<String> checked(SessionQuality q) {
        java.util.LinkedHashSet<String> out = new java.util.LinkedHashSet<>();
        for (QualityCheck c : q.checks()) {
            String id = c.id();
            String w = id.equals("steps_evidence") ? "enough steps"
                    : id.equals("cadence_agreement") ? "cadence against the signal's own rhythm"
                    : id.equals("steps_expected") || id.equals("unanalysed_stepping") ? "steps against the running time"
                    : id.equals("step_gaps") || id.equals("alternation") ? "missed, spurious and same-foot contacts"
                    : id.endsWith("_variability") ? "step-to-step variation"
                    : id.equals("contact_speed") || id.equals("step_length_speed") ? "contact time and step length "
                    + "against the speed"
                    : id.startsWith("range_") || id.equals("vertical_oscillation_flight") ? "physical ranges"
                    : id.equals("vertical_ratio_consistency") ? "the device's vertical ratio against its oscillation "
                    + "and step length"
                    : id.equals("gravity_magnitude") ? "the sensor's gravity estimate against 1 g" : null;
            if (w != null) {
                out.add(w);
            }
        }
        return List.copyOf(out);
    }

    /** Every check with its outcome, for the methods page. */
    static void methods(PdfDoc d, SessionResult r) throws IOException {
        SessionQuality q = r.quality();
        if (q.verdict() == Quality.NOT_ASSESSED) {
            return;
        }
        d.line("Quality checks: " + q.verdict().label(), d.bold(), 9, PdfDoc.MARGIN, Palette.INK);
        d.paragraph("Each check compares two things the session says about itself, or a value with what a runner's "
                + "body can do; none uses a reference. The verdict is the worst outcome (docs/quality.md).", 8.5f);
        for (QualityCheck c : q.checks()) {
            String mark = switch (c.outcome()) {
                case GOOD -> "✓";
                case DOUBTFUL -> "!";
                case POOR -> "✗";
                case NOT_ASSESSED -> "–";
            };
            d.paragraph(mark + " " + c.sentence(), d.regular(), 7.5f, PdfDoc.MARGIN + 6, PdfDoc.WIDTH - 6,
                    c.failed() ? Palette.VERMILLION : Palette.INK);
        }
        for (String a : q.assumedInputs()) {
            d.paragraph("Assumed: " + a + ".", d.regular(), 7.5f, PdfDoc.MARGIN + 6, PdfDoc.WIDTH - 6, Palette.INK);
        }
    }

    /** The short reason of a finding shown but not judged (its message's first sentence, without the label). */
    static String notJudgedReason(Finding f) {
        String m = f.message().replaceFirst("^Not judged: ", "");
        int dot = m.indexOf(". ");
        return dot < 0 ? m.replaceAll("\\.$", "") : m.substring(0, dot);
    }

    /** A reason as the banner shows it: up to its first semicolon (the details follow it). */
    static String headline(String reason) {
        int semi = reason.indexOf("; ");
        return semi < 0 ? reason : reason.substring(0, semi) + ".";
    }

    private static PDFont font(PdfDoc d, String kind) {
        return kind.equals("title") ? d.bold() : d.regular();
    }

    private static float size(String kind) {
        return switch (kind) {
            case "title" -> 10.5f;
            case "bullet" -> 8.3f;
            default -> 8f;
        };
    }

    /** A pale version of a colour, for the banner's background. */
    private static Color tint(Color c) {
        return new Color(255 - (255 - c.getRed()) / 6, 255 - (255 - c.getGreen()) / 6, 255 - (255 - c.getBlue()) / 6);
    }
}
