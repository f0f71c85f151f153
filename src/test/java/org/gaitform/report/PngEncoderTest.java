package org.gaitform.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Random;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The PNG encoder's output decodes (with ImageIO) to exactly the pixels it was given, with its resolution. */
class PngEncoderTest {

    @ParameterizedTest
    @CsvSource({"1,1,200,1", "3,2,150,2", "317,41,200,3", "640,480,300,4", "1389,694,200,5"})
    void roundTripThroughImageIo(int w, int h, int dpi, long seed) throws Exception {
        Random rnd = new Random(seed);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        for (int k = 0; k < 30; k++) { // chart-like: lines and flat areas, plus noise
            g.setColor(new Color(rnd.nextInt(0xFFFFFF)));
            g.drawLine(rnd.nextInt(w), rnd.nextInt(h), rnd.nextInt(w), rnd.nextInt(h));
            g.fillRect(rnd.nextInt(w), rnd.nextInt(h), rnd.nextInt(20) + 1, rnd.nextInt(20) + 1);
        }
        g.dispose();
        for (int k = 0; k < w * h / 50; k++) {
            img.setRGB(rnd.nextInt(w), rnd.nextInt(h), rnd.nextInt(0x1000000));
        }
        byte[] png = PngEncoder.encode(img, dpi);
        BufferedImage back = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(back.getWidth()).isEqualTo(w);
        assertThat(back.getHeight()).isEqualTo(h);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                assertThat(back.getRGB(x, y) & 0xFFFFFF).as("pixel %d,%d", x, y).isEqualTo(img.getRGB(x, y) & 0xFFFFFF);
            }
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(png))) {
            ImageReader r = ImageIO.getImageReadersByFormatName("png").next();
            r.setInput(in);
            IIOMetadataNode root = (IIOMetadataNode) r.getImageMetadata(0).getAsTree("javax_imageio_png_1.0");
            IIOMetadataNode phys = (IIOMetadataNode) root.getElementsByTagName("pHYs").item(0);
            assertThat(Integer.parseInt(phys.getAttribute("pixelsPerUnitXAxis"))).isEqualTo(Math.round(dpi / 0.0254));
            assertThat(phys.getAttribute("unitSpecifier")).isEqualTo("meter");
        }
    }

    @ParameterizedTest
    @CsvSource({"0,0,0,0", "10,20,30,10", "50,10,40,10", "200,10,100,100", "5,250,128,128", "90,80,85,85"})
    void paethPredictorAsSpecified(int a, int b, int c, int expected) {
        assertThat(PngEncoder.paeth(a, b, c)).isEqualTo(expected);
    }
}
