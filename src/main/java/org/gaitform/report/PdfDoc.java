package org.gaitform.report;

import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2D;
import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2DFontTextDrawer;
import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.util.Matrix;

/**
 * A flowing A4 document: headings, wrapped paragraphs, coloured boxes and vector charts, placed top to
 * bottom with automatic page breaks, each page with a footer. Text uses the embedded DejaVu fonts, so it
 * is real, searchable text.
 */
public final class PdfDoc implements Closeable {
    public static final float PAGE_W = PDRectangle.A4.getWidth();
    public static final float PAGE_H = PDRectangle.A4.getHeight();
    public static final float MARGIN = 40f;
    public static final float WIDTH = PAGE_W - 2 * MARGIN;

    private final PDDocument doc = new PDDocument();
    private final PDFont regular;
    private final PDFont bold;
    private final String footer;
    private final List<PDPage> pages = new ArrayList<>();
    private PDPageContentStream cs;
    private float y;

    /**
     * @param title  document title (metadata)
     * @param footer text at the foot of every page
     */
    public PdfDoc(String title, String footer) throws IOException {
        this.regular = Fonts.pdfRegular(doc);
        this.bold = Fonts.pdfBold(doc);
        this.footer = footer;
        PDDocumentInformation info = doc.getDocumentInformation();
        info.setTitle(title);
        info.setCreator("gaitform");
        info.setProducer("gaitform (Apache PDFBox)");
        newPage();
    }

    public PDFont regular() {
        return regular;
    }

    public PDFont bold() {
        return bold;
    }

    /** Distance from the current position to the bottom margin (points). */
    public float remaining() {
        return y - (MARGIN + 24);
    }

    /** Starts a new page. */
    public void newPage() throws IOException {
        if (cs != null) {
            cs.close();
        }
        PDPage page = new PDPage(PDRectangle.A4);
        doc.addPage(page);
        pages.add(page);
        cs = new PDPageContentStream(doc, page);
        y = PAGE_H - MARGIN;
    }

    /** Pages started so far. */
    public int pages() {
        return pages.size();
    }

    /** Starts a new page unless {@code height} points still fit. */
    public void ensure(float height) throws IOException {
        if (remaining() < height) {
            newPage();
        }
    }

    /** Moves down. */
    public void space(float points) {
        y -= points;
    }

    /** A heading. */
    public void heading(String text, float size) throws IOException {
        ensure(size * 3);
        y -= size * 0.4f;
        line(text, bold, size, MARGIN, Palette.INK);
        y -= size * 0.5f;
    }

    /** A wrapped paragraph in the regular font. */
    public void paragraph(String text, float size) throws IOException {
        paragraph(text, regular, size, MARGIN, WIDTH, Palette.INK);
    }

    /** A wrapped paragraph. */
    public void paragraph(String text, PDFont font, float size, float x, float width, Color colour) throws IOException {
        for (String l : wrap(text, font, size, width)) {
            ensure(size * 1.35f);
            line(l, font, size, x, colour);
        }
        y -= size * 0.35f;
    }

    /** One line of text at the current position, then moves down. */
    public void line(String text, PDFont font, float size, float x, Color colour) throws IOException {
        y -= size * 1.1f;
        text(text, font, size, x, y, colour);
        y -= size * 0.25f;
    }

    /** Text at an absolute position (baseline), without moving. */
    public void text(String text, PDFont font, float size, float x, float baseline, Color colour) throws IOException {
        cs.beginText();
        cs.setFont(font, size);
        cs.setNonStrokingColor(colour);
        cs.newLineAtOffset(x, baseline);
        cs.showText(safe(text, font));
        cs.endText();
    }

    /** A filled rectangle given by its top-left corner (points from the page's top-left). */
    public void box(float x, float top, float w, float h, Color fill, Color stroke) throws IOException {
        if (fill != null) {
            cs.setNonStrokingColor(fill);
            cs.addRect(x, top - h, w, h);
            cs.fill();
        }
        if (stroke != null) {
            cs.setStrokingColor(stroke);
            cs.setLineWidth(0.6f);
            cs.addRect(x, top - h, w, h);
            cs.stroke();
        }
    }

    /** Current vertical position (points from the bottom of the page). */
    public float y() {
        return y;
    }

    /** Sets the vertical position. */
    public void moveTo(float newY) {
        y = newY;
    }

    /** Draws a chart as vectors at the full text width, with its caption under it. */
    public void chart(ChartSpec spec) throws IOException {
        float w = spec.widthPt();
        float h = spec.heightPt();
        ensure(h + 30);
        PdfBoxGraphics2D g = new PdfBoxGraphics2D(doc, w, h);
        PdfBoxGraphics2DFontTextDrawer fonts = new PdfBoxGraphics2DFontTextDrawer();
        fonts.registerFont(Fonts.regularName(), regular);
        fonts.registerFont(Fonts.boldName(), bold);
        g.setFontTextDrawer(fonts);
        spec.chart().draw(g, new Rectangle2D.Double(0, 0, w, h));
        g.dispose();
        PDFormXObject form = g.getXFormObject();
        y -= h;
        cs.saveGraphicsState();
        cs.transform(Matrix.getTranslateInstance(MARGIN + (WIDTH - w) / 2, y));
        cs.drawForm(form);
        cs.restoreGraphicsState();
        y -= 2;
        paragraph(spec.caption(), regular, 7.5f, MARGIN, WIDTH, Palette.MUTED);
        y -= 6;
    }

    /** Splits text into lines no wider than {@code width}. */
    public List<String> wrap(String text, PDFont font, float size, float width) throws IOException {
        List<String> out = new ArrayList<>();
        for (String para : text.split("\n", -1)) {
            StringBuilder cur = new StringBuilder();
            for (String word : para.split(" ")) {
                String trial = cur.length() == 0 ? word : cur + " " + word;
                if (width(trial, font, size) <= width || cur.length() == 0) {
                    cur.setLength(0);
                    cur.append(trial);
                } else {
                    out.add(cur.toString());
                    cur.setLength(0);
                    cur.append(word);
                }
            }
            out.add(cur.toString());
        }
        return out;
    }

    /** Width of text (points). */
    public float width(String text, PDFont font, float size) throws IOException {
        return font.getStringWidth(safe(text, font)) / 1000f * size;
    }

    /** Replaces characters the font cannot show. */
    static String safe(String text, PDFont font) {
        StringBuilder sb = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            String ch = new String(Character.toChars(cp));
            try {
                font.encode(ch);
                sb.append(ch);
            } catch (IOException | IllegalArgumentException e) {
                sb.append('?');
            }
        });
        return sb.toString();
    }

    /** Finishes the pages (footers) and returns the PDF bytes. */
    public byte[] finish() throws IOException {
        cs.close();
        cs = null;
        int n = pages.size();
        for (int i = 0; i < n; i++) {
            try (PDPageContentStream f = new PDPageContentStream(doc, pages.get(i), PDPageContentStream.AppendMode.APPEND,
                    true)) {
                f.setStrokingColor(Palette.GRID);
                f.setLineWidth(0.5f);
                f.moveTo(MARGIN, MARGIN + 14);
                f.lineTo(PAGE_W - MARGIN, MARGIN + 14);
                f.stroke();
                f.beginText();
                f.setFont(regular, 7f);
                f.setNonStrokingColor(Palette.MUTED);
                f.newLineAtOffset(MARGIN, MARGIN + 4);
                f.showText(safe(footer, regular));
                f.endText();
                String pg = "page " + (i + 1) + " of " + n;
                float w = width(pg, regular, 7f);
                f.beginText();
                f.setFont(regular, 7f);
                f.newLineAtOffset(PAGE_W - MARGIN - w, MARGIN + 4);
                f.showText(pg);
                f.endText();
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        doc.save(out);
        return out.toByteArray();
    }

    @Override
    public void close() throws IOException {
        if (cs != null) {
            cs.close();
        }
        doc.close();
    }
}
