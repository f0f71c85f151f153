package org.gaitform.report;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.io.InputStream;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The report typeface, DejaVu Sans (regular and bold), shipped as resources so that every machine renders
 * the same charts and the PDF embeds the font (text stays selectable and searchable).
 */
public final class Fonts {
    private static final String REGULAR = "fonts/DejaVuSans.ttf";
    private static final String BOLD = "fonts/DejaVuSans-Bold.ttf";
    private static final Font AWT_REGULAR = load(REGULAR);
    private static final Font AWT_BOLD = load(BOLD);

    private Fonts() {
    }

    /** DejaVu Sans at a size (points). */
    public static Font regular(float size) {
        return AWT_REGULAR.deriveFont(Font.PLAIN, size);
    }

    /** DejaVu Sans Bold at a size (points). */
    public static Font bold(float size) {
        return AWT_BOLD.deriveFont(Font.PLAIN, size);
    }

    /**
     * Parsed font files, one set per thread: parsing DejaVu (about 700 kB each) for every report took a tenth
     * of the rendering time. A parsed font is read while a document is written, so threads do not share one;
     * documents are built one at a time on a thread, and PDFBox does not close a font it was handed.
     */
    private static final ThreadLocal<TrueTypeFont[]> PARSED = ThreadLocal.withInitial(() -> new TrueTypeFont[2]);

    /** Embeds (a subset of) DejaVu Sans in a PDF document. */
    public static PDType0Font pdfRegular(PDDocument doc) throws IOException {
        return PDType0Font.load(doc, parsed(0, REGULAR), true);
    }

    /** Embeds (a subset of) DejaVu Sans Bold in a PDF document. */
    public static PDType0Font pdfBold(PDDocument doc) throws IOException {
        return PDType0Font.load(doc, parsed(1, BOLD), true);
    }

    private static TrueTypeFont parsed(int slot, String name) throws IOException {
        TrueTypeFont[] fonts = PARSED.get();
        if (fonts[slot] == null) {
            try (InputStream in = open(name)) {
                fonts[slot] = new TTFParser().parse(new RandomAccessReadBuffer(in));
            }
        }
        return fonts[slot];
    }

    /** AWT font name of the regular face, for mapping chart text to the embedded PDF font. */
    public static String regularName() {
        return AWT_REGULAR.getFontName();
    }

    /** AWT font name of the bold face. */
    public static String boldName() {
        return AWT_BOLD.getFontName();
    }

    private static InputStream open(String name) {
        InputStream in = Fonts.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("missing font resource " + name);
        }
        return in;
    }

    /**
     * The AWT font of a resource. Java makes an AWT font from a file; given a stream it copies the stream to the
     * system's temporary folder for the life of the process, which a killed process leaves behind. So the font is
     * read from its own file when gaitform runs from its classes folder, and otherwise from a copy kept in the user's
     * cache folder ({@code $XDG_CACHE_HOME/gaitform/fonts}, else {@code ~/.cache/gaitform/fonts}), written once; the
     * temporary copy is the last resort when neither can be used.
     */
    private static Font load(String name) {
        try {
            java.net.URL url = Fonts.class.getResource(name);
            if (url != null && url.getProtocol().equals("file")) {
                return Font.createFont(Font.TRUETYPE_FONT, new java.io.File(url.toURI()));
            }
            java.nio.file.Path cached = cached(name);
            if (cached != null) {
                return Font.createFont(Font.TRUETYPE_FONT, cached.toFile());
            }
        } catch (IOException | FontFormatException | java.net.URISyntaxException | RuntimeException e) {
            // fall back to the stream
        }
        try (InputStream in = open(name)) {
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException | FontFormatException e) {
            throw new IllegalStateException("cannot load font " + name, e);
        }
    }

    /** A copy of a font resource in the user's cache folder (named by its content), or {@code null}. */
    private static java.nio.file.Path cached(String name) throws IOException {
        byte[] bytes;
        try (InputStream in = open(name)) {
            bytes = in.readAllBytes();
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        String home = System.getProperty("user.home");
        java.nio.file.Path base = xdg != null && !xdg.isBlank() ? java.nio.file.Path.of(xdg)
                : home == null || home.isBlank() ? null : java.nio.file.Path.of(home, ".cache");
        if (base == null) {
            return null;
        }
        String hash;
        try {
            hash = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes))
                    .substring(0, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            return null;
        }
        String file = name.substring(name.lastIndexOf('/') + 1);
        java.nio.file.Path dir = base.resolve("gaitform").resolve("fonts");
        java.nio.file.Path target = dir.resolve(file.replace(".ttf", "-" + hash + ".ttf"));
        if (java.nio.file.Files.isRegularFile(target) && java.nio.file.Files.size(target) == bytes.length) {
            return target;
        }
        java.nio.file.Files.createDirectories(dir);
        AtomicFiles.write(target, bytes);
        return target;
    }
}
