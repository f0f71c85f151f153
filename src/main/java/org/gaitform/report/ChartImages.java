package org.gaitform.report;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;

/** Renders charts to PNG at a given resolution, with the resolution recorded in the file (pHYs). */
public final class ChartImages {
    /** Default resolution of chart PNGs (dots per inch). */
    public static final int DEFAULT_DPI = 200;

    private ChartImages() {
    }

    /** Renders a chart at {@code dpi}: its page size in points times dpi / 72 pixels. */
    public static BufferedImage render(ChartSpec spec, int dpi) {
        double scale = dpi / 72.0;
        int w = (int) Math.round(spec.widthPt() * scale);
        int h = (int) Math.round(spec.heightPt() * scale);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setColor(java.awt.Color.WHITE);
            g.fillRect(0, 0, w, h);
            g.scale(scale, scale);
            spec.chart().draw(g, new Rectangle2D.Double(0, 0, spec.widthPt(), spec.heightPt()));
        } finally {
            g.dispose();
        }
        return img;
    }

    /** PNG bytes of a chart at {@code dpi}. */
    public static byte[] png(ChartSpec spec, int dpi) throws IOException {
        return png(render(spec, dpi), dpi);
    }

    /** Encodes an image as PNG with its resolution in the pHYs chunk. */
    public static byte[] png(BufferedImage img, int dpi) throws IOException {
        return PngEncoder.encode(img, dpi);
    }
}
