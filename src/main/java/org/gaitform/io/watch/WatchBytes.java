package org.gaitform.io.watch;

import java.io.ByteArrayInputStream;
import java.util.Locale;
import org.gaitform.io.fit.FitDecoder;
import org.gaitform.io.fit.FitFile;
import org.gaitform.model.GaitformException;
import org.gaitform.model.WatchRecording;

/**
 * Reads a watch export held in memory (an activity of an account export, already decompressed), by its file name:
 * FIT, TCX or GPX.
 */
public final class WatchBytes {
    private WatchBytes() {
    }

    /** True for the names of files this class reads ({@code .fit}, {@code .tcx}, {@code .gpx}, also {@code .gz}). */
    public static boolean readable(String fileName) {
        String l = plain(fileName);
        return l.endsWith(".fit") || l.endsWith(".tcx") || l.endsWith(".gpx");
    }

    private static String plain(String fileName) {
        String l = fileName.toLowerCase(Locale.ROOT);
        return l.endsWith(".gz") ? l.substring(0, l.length() - 3) : l;
    }

    /**
     * The sport of a FIT activity ({@code running}, {@code cycling}, …; empty when the file does not say), without
     * reading the records; {@code running} for TCX and GPX, whose readers refuse other sports themselves.
     */
    public static String sport(String fileName, byte[] content, String source) {
        if (!plain(fileName).endsWith(".fit")) {
            return "running";
        }
        return FitActivityReader.sportOf(new FitDecoder().decode(content, source));
    }

    /** Reads the activity. */
    public static WatchRecording read(String fileName, byte[] content, String source, WatchReadOptions options) {
        String l = plain(fileName);
        if (l.endsWith(".fit")) {
            FitFile fit = new FitDecoder().decode(content, source);
            return new FitActivityReader().read(fit, source, options);
        }
        if (l.endsWith(".tcx")) {
            return new TcxReader().read(new ByteArrayInputStream(content), source, options);
        }
        if (l.endsWith(".gpx")) {
            return new GpxReader().read(new ByteArrayInputStream(content), source, options);
        }
        throw GaitformException.badInput(source, "", "a FIT, TCX or GPX activity", "a file named " + fileName);
    }
}
