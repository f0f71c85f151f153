package org.gaitform.report;

import java.awt.Color;
import java.io.IOException;
import java.util.List;

/**
 * A simple table on a {@link PdfDoc}: a bold header row on a light band, then rows with thin rules, columns of
 * given widths, numbers right-aligned; the header repeats after a page break. Cells that do not fit are shortened
 * with an ellipsis rather than overprinted.
 */
final class PdfTable {
    private PdfTable() {
    }

    /**
     * Draws a table at the current position.
     *
     * @param widths  column widths (points); their sum should not exceed {@link PdfDoc#WIDTH}
     * @param right   per column, true to right-align (numbers)
     * @param header  header cells
     * @param rows    body rows
     * @param colours per row, the text colour (or {@code null} for ink)
     */
    static void draw(PdfDoc d, float[] widths, boolean[] right, String[] header, List<String[]> rows,
                     List<Color> colours, float size) throws IOException {
        float rowH = size * 1.55f;
        headerRow(d, widths, right, header, size, rowH);
        for (int r = 0; r < rows.size(); r++) {
            if (d.remaining() < rowH + 2) {
                d.newPage();
                headerRow(d, widths, right, header, size, rowH);
            }
            float top = d.y();
            Color c = colours == null || colours.get(r) == null ? Palette.INK : colours.get(r);
            cells(d, widths, right, rows.get(r), d.regular(), size, top, rowH, c);
            d.box(PdfDoc.MARGIN, top - rowH, sum(widths), 0.3f, Palette.GRID, null);
            d.moveTo(top - rowH);
        }
        d.space(4);
    }

    private static void headerRow(PdfDoc d, float[] widths, boolean[] right, String[] header, float size, float rowH)
            throws IOException {
        d.ensure(rowH * 3);
        float top = d.y();
        d.box(PdfDoc.MARGIN, top, sum(widths), rowH, new Color(0xEE, 0xF1, 0xF4), null);
        cells(d, widths, right, header, d.bold(), size, top, rowH, Palette.INK);
        d.moveTo(top - rowH);
    }

    private static void cells(PdfDoc d, float[] widths, boolean[] right, String[] cells,
                              org.apache.pdfbox.pdmodel.font.PDFont font, float size, float top, float rowH, Color c)
            throws IOException {
        float x = PdfDoc.MARGIN;
        for (int i = 0; i < widths.length && i < cells.length; i++) {
            String text = fit(d, cells[i] == null ? "" : cells[i], font, size, widths[i] - 6);
            float w = d.width(text, font, size);
            float tx = right[i] ? x + widths[i] - 3 - w : x + 3;
            d.text(text, font, size, tx, top - rowH + size * 0.45f, c);
            x += widths[i];
        }
    }

    private static String fit(PdfDoc d, String text, org.apache.pdfbox.pdmodel.font.PDFont font, float size, float width)
            throws IOException {
        if (d.width(text, font, size) <= width) {
            return text;
        }
        String t = text;
        while (t.length() > 1 && d.width(t + "…", font, size) > width) {
            t = t.substring(0, t.length() - 1);
        }
        return t + "…";
    }

    private static float sum(float[] w) {
        float s = 0;
        for (float x : w) {
            s += x;
        }
        return s;
    }
}
