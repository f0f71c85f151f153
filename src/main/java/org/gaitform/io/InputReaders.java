package org.gaitform.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.gaitform.io.imu.ImuCsvReader;
import org.gaitform.io.imu.SensorLoggerReader;
import org.gaitform.io.watch.FitActivityReader;
import org.gaitform.io.watch.GpxReader;
import org.gaitform.io.watch.TcxReader;
import org.gaitform.io.watch.WatchCsvReader;
import org.gaitform.model.GaitformException;
import org.gaitform.model.Recording;

/**
 * The entry point to every reader: says which inputs gaitform reads and reads them. Files that belong
 * to a session but are not themselves recordings (ground truth written by {@code simulate}, metadata
 * sidecars, a folder's {@code sessions.csv} index, READMEs and licences) are not inputs.
 */
public final class InputReaders {

    /** The kind of input a path is, or empty when gaitform does not read it. */
    public Optional<InputKind> kindOf(Path path) {
        String name = path.getFileName() == null ? "" : path.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        if (name.startsWith(".") || isCompanionFile(lower)) {
            return Optional.empty();
        }
        if (Files.isDirectory(path)) {
            return SensorLoggerReader.isExportFolder(path) ? Optional.of(InputKind.SENSOR_LOGGER) : Optional.empty();
        }
        if (lower.endsWith(".zip")) {
            return SensorLoggerReader.isExportZip(path) ? Optional.of(InputKind.SENSOR_LOGGER) : Optional.empty();
        }
        if (lower.endsWith(".csv") || lower.endsWith(".tsv") || lower.endsWith(".txt")) {
            return Optional.of(InputKind.IMU_CSV);
        }
        if (lower.endsWith(".fit") || lower.endsWith(".fit.gz")) {
            return Optional.of(InputKind.WATCH_FIT);
        }
        if (lower.endsWith(".tcx") || lower.endsWith(".tcx.gz")) {
            return Optional.of(InputKind.WATCH_TCX);
        }
        if (lower.endsWith(".gpx") || lower.endsWith(".gpx.gz")) {
            return Optional.of(InputKind.WATCH_GPX);
        }
        return Optional.empty();
    }

    /** True for files that accompany recordings but are not recordings. */
    public static boolean isCompanionFile(String lowerName) {
        return lowerName.endsWith(".truth.csv") || lowerName.endsWith(".truth.json") || lowerName.contains(".meta.")
                || lowerName.equals("sessions.csv") || lowerName.startsWith("readme") || lowerName.startsWith("license")
                || lowerName.startsWith("licence") || lowerName.equals("batch-summary.csv")
                || lowerName.equals("steps.csv") || lowerName.equals("summary.json") || lowerName.equals("splits.csv")
                || lowerName.startsWith("weekly-load");
    }

    /**
     * Reads one input.
     *
     * @param path    the file or folder
     * @param source  the name to report it by
     * @param options user overrides
     */
    public Recording read(Path path, String source, ReadOptions options) {
        if (!Files.exists(path)) {
            throw GaitformException.badInput(source, "", "an existing file", "nothing at " + path);
        }
        if (!Files.isReadable(path)) {
            throw GaitformException.badInput(source, "", "a readable file", "no permission to read it");
        }
        InputKind kind = kindOf(path).orElseThrow(() -> GaitformException.badInput(source, "",
                "a recording gaitform reads (IMU or watch CSV/TSV/TXT, a Sensor Logger folder or zip with "
                        + "Accelerometer.csv, FIT, TCX, GPX)",
                Files.isDirectory(path) ? "a folder without Accelerometer.csv" : "a file of another kind"));
        try {
            if (!Files.isDirectory(path) && Files.size(path) == 0) {
                throw GaitformException.badInput(source, "", "rows of data", "an empty file");
            }
            return switch (kind) {
                case IMU_CSV -> WatchCsvReader.looksLikeWatchCsv(path)
                        ? new WatchCsvReader().read(path, source, options.watch())
                        : new ImuCsvReader().read(path, source, options.imu());
                case SENSOR_LOGGER -> new SensorLoggerReader().read(path, source, options.imu());
                case WATCH_FIT -> new FitActivityReader().read(path, source, options.watch());
                case WATCH_TCX -> new TcxReader().read(path, source, options.watch());
                case WATCH_GPX -> new GpxReader().read(path, source, options.watch());
            };
        } catch (IOException e) {
            throw GaitformException.badInput(source, "", "a readable file", "a read error (" + e.getMessage() + ")");
        }
    }
}
