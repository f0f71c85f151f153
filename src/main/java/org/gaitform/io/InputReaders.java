package org.gaitform.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.gaitform.io.imu.ImuCsvReader;
import org.gaitform.io.pose.C3dReader;
import org.gaitform.io.pose.CocoKeypointsReader;
import org.gaitform.io.pose.OpenPoseJsonReader;
import org.gaitform.io.pose.PoseCsvReader;
import org.gaitform.io.pose.PoseFiles;
import org.gaitform.io.pose.QualisysTsvReader;
import org.gaitform.io.pose.TrcReader;
import org.gaitform.io.pose.ViconCsvReader;
import org.gaitform.io.pose.YoloPoseLabelsReader;
import org.gaitform.io.imu.SensorLoggerReader;
import org.gaitform.io.watch.AccountExport;
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
        if ((Files.isDirectory(path) || lower.endsWith(".zip")) && AccountExport.detect(path).isPresent()) {
            return Optional.of(InputKind.ACCOUNT_EXPORT);
        }
        if (Files.isDirectory(path)) {
            if (OpenPoseJsonReader.isOpenPoseFolder(path)) {
                return Optional.of(InputKind.OPENPOSE_JSON);
            }
            if (CocoKeypointsReader.isMmposeImageFolder(path)) {
                return Optional.of(InputKind.COCO_JSON);
            }
            if (YoloPoseLabelsReader.isLabelsFolder(path)) {
                return Optional.of(InputKind.YOLO_POSE_TXT);
            }
            return SensorLoggerReader.isExportFolder(path) ? Optional.of(InputKind.SENSOR_LOGGER) : Optional.empty();
        }
        if (lower.endsWith(".zip")) {
            return SensorLoggerReader.isExportZip(path) ? Optional.of(InputKind.SENSOR_LOGGER) : Optional.empty();
        }
        boolean staticTrial = lower.contains("static");
        if (lower.endsWith(".trc")) {
            return staticTrial ? Optional.empty() : Optional.of(InputKind.TRC);
        }
        if (lower.endsWith(".c3d")) {
            return staticTrial ? Optional.empty() : Optional.of(InputKind.C3D);
        }
        if (lower.endsWith(".csv") || lower.endsWith(".tsv") || lower.endsWith(".txt")) {
            List<String> head = PoseFiles.headLines(path); // read once for the three kinds of motion table
            if (ViconCsvReader.isViconExport(head)) {
                return staticTrial ? Optional.empty() : Optional.of(InputKind.VICON_CSV);
            }
            if (QualisysTsvReader.isQualisysExport(head)) {
                return staticTrial ? Optional.empty() : Optional.of(InputKind.QUALISYS_TSV);
            }
            if (PoseFiles.isKeypointTable(head)) {
                // a standing calibration trial accompanies a motion-capture session; it is not a run
                return staticTrial ? Optional.empty() : Optional.of(InputKind.POSE_CSV);
            }
            return Optional.of(InputKind.IMU_CSV);
        }
        if (lower.endsWith(".json")) {
            return CocoKeypointsReader.isCocoKeypoints(path) ? Optional.of(InputKind.COCO_JSON) : Optional.empty();
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

    /**
     * The bytes an input file holds once unpacked: for a Sensor Logger zip, what the streams gaitform reads unpack to
     * (its directory's sizes, which reading verifies); for a {@code .gz} file, what its trailer states, at least its
     * size and at most the readers' limit; otherwise its size. For the batch's memory estimate.
     */
    public static long unpackedSize(Path file) throws IOException {
        String lower = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        long size = Files.size(file);
        if (lower.endsWith(".zip")) {
            return SensorLoggerReader.unpackedSize(file);
        }
        if (lower.endsWith(".gz") && size >= 18) {
            try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(file)) {
                java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(4).order(java.nio.ByteOrder.LITTLE_ENDIAN);
                ch.read(b, size - 4);
                long stated = b.getInt(0) & 0xFFFFFFFFL; // the last member's size modulo 4 GiB
                return Math.min(Math.max(size, stated), 512L << 20);
            }
        }
        return size;
    }

    /** True for files that accompany recordings but are not recordings. */
    public static boolean isCompanionFile(String lowerName) {
        return lowerName.endsWith(".truth.csv") || lowerName.endsWith(".truth.json") || lowerName.contains(".meta.")
                || lowerName.equals("sessions.csv") || lowerName.startsWith("readme") || lowerName.startsWith("license")
                || lowerName.startsWith("licence") || lowerName.equals("batch-summary.csv")
                || lowerName.equals("steps.csv") || lowerName.equals("summary.json") || lowerName.equals("splits.csv")
                || lowerName.equals("bouts.csv") || lowerName.equals("findings.csv")
                || lowerName.startsWith("weekly-load");
    }

    /**
     * The standing calibration trial beside a marker recording: a file in the same folder whose name contains
     * "static" and starts like the recording's name up to "run" ({@code RBDS001static.txt} for
     * {@code RBDS001runT25markers.txt}, {@code 20140515T133244_static.c3d} for {@code 20140515T133244_run.c3d}),
     * of the same family (text table, .trc or .c3d).
     */
    public Optional<Path> staticTrialFor(Path recording) {
        Path dir = recording.toAbsolutePath().getParent();
        String name = recording.getFileName() == null ? "" : recording.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        int run = lower.indexOf("run");
        if (dir == null || run <= 0 || lower.contains("static")) {
            return Optional.empty();
        }
        String prefix = lower.substring(0, run);
        String ext = lower.substring(lower.lastIndexOf('.') + 1);
        try (java.util.stream.Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> {
                String l = p.getFileName().toString().toLowerCase(Locale.ROOT);
                String e = l.substring(l.lastIndexOf('.') + 1);
                boolean sameFamily = e.equals(ext) || (isText(e) && isText(ext));
                return l.startsWith(prefix) && l.contains("static") && sameFamily && Files.isRegularFile(p);
            }).sorted().findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static boolean isText(String ext) {
        return ext.equals("csv") || ext.equals("tsv") || ext.equals("txt");
    }

    /** Reads a standing calibration trial (keypoint table, .trc or .c3d). */
    public Recording readStatic(Path path, String source, ReadOptions options) {
        String lower = path.getFileName().toString().toLowerCase(Locale.ROOT);
        try {
            if (lower.endsWith(".trc")) {
                return new TrcReader().read(path, source, options.pose());
            }
            if (lower.endsWith(".c3d")) {
                return new C3dReader().read(path, source, options.pose());
            }
            List<String> head = PoseFiles.headLines(path);
            if (ViconCsvReader.isViconExport(head)) {
                return new ViconCsvReader().read(path, source, options.pose());
            }
            if (QualisysTsvReader.isQualisysExport(head)) {
                return new QualisysTsvReader().read(path, source, options.pose());
            }
            return new PoseCsvReader().read(path, source, options.pose());
        } catch (IOException e) {
            throw GaitformException.badInput(source, "", "a readable file", "a read error (" + e.getMessage() + ")");
        }
    }

    /** A motion recording (.trc, .c3d, a motion-capture export or keypoint table) whose name contains "static". */
    private static boolean isStandingTrial(Path path) {
        String lower = path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!lower.contains("static")) {
            return false;
        }
        if (lower.endsWith(".trc") || lower.endsWith(".c3d")) {
            return true;
        }
        if (!(lower.endsWith(".csv") || lower.endsWith(".tsv") || lower.endsWith(".txt"))) {
            return false;
        }
        List<String> head = PoseFiles.headLines(path);
        return ViconCsvReader.isViconExport(head) || QualisysTsvReader.isQualisysExport(head)
                || PoseFiles.isKeypointTable(head);
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
                "a recording gaitform reads (IMU, watch or keypoint CSV/TSV/TXT, a Sensor Logger folder or zip with "
                        + "Accelerometer.csv, FIT, TCX, GPX, .trc, .c3d, a Vicon Nexus CSV or Qualisys TSV export, an "
                        + "OpenPose JSON folder, a COCO keypoints JSON file with image or frame ids, a Strava or Garmin "
                        + "account export)",
                Files.isDirectory(path) ? "a folder without Accelerometer.csv, OpenPose *_keypoints.json or MMPose "
                        + "one-image JSON files"
                        : isStandingTrial(path) ? "a standing calibration trial (its name contains \"static\"), "
                        + "which gaitform reads only to calibrate the run recorded beside it; rename the file if it "
                        + "is a run"
                        : "a file of another kind"));
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
                case POSE_CSV -> new PoseCsvReader().read(path, source, options.pose());
                case OPENPOSE_JSON -> new OpenPoseJsonReader().read(path, source, options.pose());
                case COCO_JSON -> Files.isDirectory(path)
                        ? new CocoKeypointsReader().readFolder(path, source, options.pose())
                        : new CocoKeypointsReader().read(path, source, options.pose());
                case YOLO_POSE_TXT -> new YoloPoseLabelsReader().read(path, source, options.pose());
                case TRC -> new TrcReader().read(path, source, options.pose());
                case VICON_CSV -> new ViconCsvReader().read(path, source, options.pose());
                case QUALISYS_TSV -> new QualisysTsvReader().read(path, source, options.pose());
                case C3D -> new C3dReader().read(path, source, options.pose());
                case ACCOUNT_EXPORT -> throw GaitformException.badInput(source, "", "one recording", "a runner's account "
                        + "export, which is analysed as a whole history by 'gaitform analyze'");
            };
        } catch (IOException e) {
            throw GaitformException.badInput(source, "", "a readable file", "a read error (" + e.getMessage() + ")");
        }
    }
}
