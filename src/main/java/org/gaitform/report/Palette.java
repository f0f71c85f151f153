package org.gaitform.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Stroke;
import org.gaitform.model.FindingStatus;
import org.gaitform.model.Quality;

/**
 * Colours and strokes shared by every chart and page: the Okabe–Ito palette (safe for colour-blind
 * readers) paired with distinct line styles and marker shapes, so that charts stay readable in
 * black-and-white print.
 */
public final class Palette {
    public static final Color INK = new Color(0x22, 0x22, 0x22);
    public static final Color MUTED = new Color(0x66, 0x66, 0x66);
    public static final Color GRID = new Color(0xDD, 0xDD, 0xDD);
    public static final Color BLUE = new Color(0x00, 0x72, 0xB2);
    public static final Color ORANGE = new Color(0xE6, 0x9F, 0x00);
    public static final Color VERMILLION = new Color(0xD5, 0x5E, 0x00);
    public static final Color GREEN = new Color(0x00, 0x9E, 0x73);
    public static final Color SKY = new Color(0x56, 0xB4, 0xE9);
    public static final Color PURPLE = new Color(0xCC, 0x79, 0xA7);
    public static final Color STANCE = new Color(0xE8, 0xE8, 0xE8);
    public static final Color LEFT = BLUE;
    public static final Color RIGHT = VERMILLION;
    public static final Color UNKNOWN_SIDE = MUTED;

    public static final Stroke SOLID = new BasicStroke(1.2f);
    public static final Stroke THIN = new BasicStroke(0.7f);
    public static final Stroke DASHED = new BasicStroke(1.0f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
            new float[] {4f, 3f}, 0f);
    public static final Stroke DOTTED = new BasicStroke(1.0f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10f,
            new float[] {1f, 2.5f}, 0f);

    private Palette() {
    }

    /** Traffic-light colour of a finding status. */
    public static Color status(FindingStatus s) {
        return switch (s) {
            case WITHIN -> GREEN;
            case WATCH -> ORANGE;
            case OUTSIDE -> VERMILLION;
            case REPORTED -> SKY;
            case NOT_JUDGED -> MUTED;
            case NOT_MEASURABLE -> GRID;
        };
    }

    /** A short symbol that carries the status without colour. */
    public static String statusSymbol(FindingStatus s) {
        return switch (s) {
            case WITHIN -> "✓";
            case WATCH -> "!";
            case OUTSIDE -> "✗";
            case REPORTED -> "i";
            case NOT_JUDGED -> "?";
            case NOT_MEASURABLE -> "–";
        };
    }

    /** Colour of a session's quality verdict (good green, doubtful orange, poor vermillion). */
    public static Color quality(Quality q) {
        return switch (q) {
            case GOOD -> GREEN;
            case DOUBTFUL -> ORANGE;
            case POOR -> VERMILLION;
            case NOT_ASSESSED -> GRID;
        };
    }
}
