package org.gaitform.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.gaitform.guidelines.GuidelineTable;
import org.gaitform.model.SessionResult;
import org.gaitform.support.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rendered report: real text with the numbers and citations, embedded fonts, pages that are not empty. */
class ReportRenderingTest {
    @TempDir
    static Path dir;
    static SessionResult session;
    static Path folder;

    @BeforeAll
    static void write() throws IOException {
        session = Fixtures.shortRun(dir);
        folder = new SessionWriter(GuidelineTable.builtIn(), "test", 200).write(session, dir.resolve("out"));
    }

    @Test
    void textIsSearchableAndCarriesTheNumbersAndTheCitations() throws IOException {
        try (PDDocument doc = Loader.loadPDF(folder.resolve("report.pdf").toFile())) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            String cadence = String.format(java.util.Locale.ROOT, "%.0f", session.metric("cadence_spm"));
            assertThat(session.metric("cadence_spm")).isLessThan(160);
            assertThat(text).contains("Running form report").contains(cadence).contains("steps/min")
                    .contains("Cadence — outside the recommendation")
                    .contains("Why Your Knees Hurt When Running — Plus How to Stop the Pain")
                    .contains("Knee Pain While Running").contains("not a diagnosis")
                    .contains("Patoz A, Lussiana T").contains(String.format(java.util.Locale.ROOT, "%.0f",
                            session.metric("contact_ms")));
            for (PDPage p : doc.getPages()) {
                for (var name : p.getResources().getFontNames()) {
                    PDFont f = p.getResources().getFont(name);
                    assertThat(f.isEmbedded()).as("font %s embedded", f.getName()).isTrue();
                }
            }
        }
    }

    @Test
    void pagesAreRenderedAndNoneIsEmpty() throws IOException {
        try (PDDocument doc = Loader.loadPDF(folder.resolve("report.pdf").toFile())) {
            assertThat(doc.getNumberOfPages()).isBetween(4, 10);
            PDFRenderer r = new PDFRenderer(doc);
            for (int i = 0; i < doc.getNumberOfPages(); i++) {
                BufferedImage img = r.renderImageWithDPI(i, 40);
                assertThat(inkFraction(img)).as("ink on page %d", i + 1).isGreaterThan(0.01);
            }
        }
    }

    @Test
    void chartsArePngsOfAtLeast150DpiAndNotBlank() throws IOException {
        for (String name : List.of("signal_events", "contact_time", "cadence")) {
            Path png = folder.resolve("charts").resolve(name + ".png");
            assertThat(png).exists();
            BufferedImage img = ImageIO.read(png.toFile());
            assertThat(img.getWidth()).isGreaterThanOrEqualTo(1000);
            assertThat(inkFraction(img)).as(name).isGreaterThan(0.01);
            assertThat(dpi(png)).as(name).isGreaterThanOrEqualTo(150);
        }
    }

    @Test
    void firstPageLooksLikeTheGoldenPicture() throws IOException {
        Path golden = Path.of("src/test/resources/golden/short_run/report-page1.png");
        BufferedImage page;
        try (PDDocument doc = Loader.loadPDF(folder.resolve("report.pdf").toFile())) {
            page = new PDFRenderer(doc).renderImageWithDPI(0, 50);
        }
        if (Boolean.getBoolean("gaitform.updateGolden") || !Files.exists(golden)) {
            ImageIO.write(page, "png", golden.toFile());
        }
        BufferedImage expected = ImageIO.read(golden.toFile());
        assertThat(page.getWidth()).isEqualTo(expected.getWidth());
        assertThat(page.getHeight()).isEqualTo(expected.getHeight());
        long differing = 0;
        double sum = 0;
        for (int y = 0; y < page.getHeight(); y++) {
            for (int x = 0; x < page.getWidth(); x++) {
                int a = page.getRGB(x, y);
                int b = expected.getRGB(x, y);
                int d = Math.abs(((a >> 16) & 255) - ((b >> 16) & 255)) + Math.abs(((a >> 8) & 255) - ((b >> 8) & 255))
                        + Math.abs((a & 255) - (b & 255));
                sum += d / 3.0;
                if (d > 3 * 64) {
                    differing++;
                }
            }
        }
        double pixels = page.getWidth() * (double) page.getHeight();
        // tolerance for anti-aliasing differences between machines; a moved block or a new line fails
        assertThat(differing / pixels).as("share of clearly different pixels (update on purpose with "
                + "-Dgaitform.updateGolden=true)").isLessThan(0.004);
        assertThat(sum / pixels).as("mean absolute difference (0–255)").isLessThan(2.0);
    }

    static double inkFraction(BufferedImage img) {
        long ink = 0;
        for (int y = 0; y < img.getHeight(); y += 2) {
            for (int x = 0; x < img.getWidth(); x += 2) {
                int rgb = img.getRGB(x, y);
                int lum = ((rgb >> 16) & 255) + ((rgb >> 8) & 255) + (rgb & 255);
                if (lum < 600) {
                    ink++;
                }
            }
        }
        return ink / (double) ((img.getHeight() / 2) * (img.getWidth() / 2));
    }

    static double dpi(Path png) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(Files.newInputStream(png))) {
            ImageReader reader = ImageIO.getImageReadersByFormatName("png").next();
            reader.setInput(in);
            IIOMetadataNode root = (IIOMetadataNode) reader.getImageMetadata(0).getAsTree("javax_imageio_png_1.0");
            IIOMetadataNode phys = (IIOMetadataNode) root.getElementsByTagName("pHYs").item(0);
            return Double.parseDouble(phys.getAttribute("pixelsPerUnitXAxis")) * 0.0254;
        }
    }
}
