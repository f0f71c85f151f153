package org.gaitform.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.gaitform.batch.BatchListener;
import org.gaitform.batch.BatchOptions;
import org.gaitform.batch.BatchResult;
import org.gaitform.batch.BatchRunner;
import org.gaitform.guidelines.GuidelineTable;
import org.gaitform.io.ReadOptions;
import org.gaitform.io.imu.ImuReadOptions;
import org.gaitform.io.pose.PoseReadOptions;
import org.gaitform.io.watch.CadenceUnit;
import org.gaitform.io.watch.WatchReadOptions;
import org.gaitform.model.Channel;
import org.gaitform.model.GaitformException;
import org.gaitform.model.Placement;
import org.gaitform.pipeline.AnalysisSettings;
import org.gaitform.report.AtomicFiles;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gaitform analyze INPUT… [--out DIR]}. */
@Command(name = "analyze", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Analyse recordings (files, or folders searched recursively) and write one report folder per "
                + "recording plus batch-summary.csv into the output folder.", ""},
        footer = {"%nEach session folder holds steps.csv, summary.json, report.pdf and charts/*.png.",
            "Watch exports (.fit, .tcx, .gpx, also .gz; per-second CSV with cadence and ground-contact columns) add",
            "splits.csv per session, and runner-report.pdf with weekly-load.csv for the folder of runs.",
            "Running again into the same folder skips recordings whose content, options",
            "and gaitform are unchanged and whose outputs are complete (status 'skipped'",
            "in batch-summary.csv); --force redoes them all. Paths seen and not analysed are listed there too.",
            "gaitform only replaces or deletes what it wrote (session folders carry a marker); anything else in",
            "the output folder is left alone, and the session that would replace it fails with a message.",
            "A file whose name starts with '-' is given as ./-name.csv or after --.",
            "Column roles for --column: time, acc_x, acc_y, acc_z, gyr_x, gyr_y, gyr_z, and acc_v, acc_ap, acc_ml",
            "for exports already aligned to vertical (up), antero-posterior (forward) and medio-lateral (right).",
            "%nExamples:",
            "  gaitform analyze sample-data",
            "  gaitform analyze trial.csv --column acc_v=VertAcc --column time=t --acc-unit g",
            "  gaitform analyze export.csv --rate 100 --placement lower_back --out results",
            "  gaitform analyze feet.csv --rate 204.8 --placement foot      (left_/right_ sensor columns: both feet)",
            "  gaitform analyze 'Sensor Logger export/' run.zip --speed-mps 3.3",
            "  gaitform analyze garmin-exports/ --out coach-report",
            "  gaitform analyze openpose_json_folder --fps 60 --height-cm 178",
            "  gaitform analyze mediapipe.csv --image-size 1920x1080 --fps 30 --landmark heel_left=LHEEL",
            "  gaitform analyze trial.c3d trial.trc markers.tsv",
            "%nPose and marker inputs: OpenPose (JSON folder or CSV), MediaPipe CSV, keypoint CSV, marker TSV,",
            "OpenSim .trc, C3D. Landmarks for --landmark: heel_left, toe_left, ankle_left, knee_left, hip_left,",
            "shoulder_left, wrist_left (and _right), mid_hip, neck, head, knee_medial_left, ankle_medial_left, asis_left,",
            "psis_left. A standing trial beside a marker file (name with 'static') calibrates the foot angle.",
            "  gaitform analyze /data/study -j 2 -o results   (again later: only changes)",
            ExitCode.HELP_TEXT})
final class AnalyzeCommand implements Callable<Integer> {

    @Parameters(paramLabel = "INPUT", arity = "1..*", description = "Recordings, or folders to search for them.")
    List<Path> inputs;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", defaultValue = "reports",
            description = "Output folder (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--column", paramLabel = "ROLE=HEADER", mapFallbackValue = "",
            description = "Use the column HEADER for ROLE (repeatable).")
    Map<String, String> columns = new LinkedHashMap<>();

    @Option(names = "--acc-unit", paramLabel = "g|mps2", description = "Unit of the accelerations (default: from the "
            + "headers, else from gravity in the signal).")
    String accUnit;

    @Option(names = "--gyr-unit", paramLabel = "dps|rads", description = "Unit of the gyroscope (default: from the "
            + "headers, else from the signal).")
    String gyrUnit;

    @Option(names = "--rate", paramLabel = "HZ", description = "Sampling rate; needed when a file has no time column.")
    Double rateHz;

    @Option(names = "--placement", paramLabel = "WHERE", description = "Where the sensor was worn: sacrum, lower_back, "
            + "waist, chest, foot, shank, wrist, phone_pocket or arm (default: from the file's metadata or name, else "
            + "detected from the signal; the choice and its reason are in summary.json).")
    String placement;

    @Option(names = "--speed-mps", paramLabel = "M/S", description = "Running speed in m/s (treadmill speed), for the "
            + "vertical ratio (vertical oscillation / step length). Default: the session metadata, else the file name "
            + "(speed3.33), else none.")
    Double speedMps;

    @Option(names = "--cadence-unit", paramLabel = "auto|steps|strides", description = "How watch exports count "
            + "cadence: strides (per leg, as Garmin writes it; doubled) or steps (both feet). Default: detected from the "
            + "values and the speed.")
    String cadenceUnit;

    @Option(names = "--fps", paramLabel = "FPS", description = "Frame rate of keypoint or marker data when the file "
            + "does not record it (video keypoints without it are read at 30 fps, with a warning).")
    Double fps;

    @Option(names = "--image-size", paramLabel = "WxH", description = "Image size in pixels, to scale normalised "
            + "keypoint coordinates (MediaPipe).")
    String imageSize;

    @Option(names = "--unit", paramLabel = "px|mm|cm|m|normalised", description = "Coordinate unit of keypoints or "
            + "markers (default: from the file, else from the size of the body).")
    String unit;

    @Option(names = "--landmark", paramLabel = "NAME=POINT", mapFallbackValue = "",
            description = "Use the keypoint or marker POINT as body landmark NAME (repeatable), e.g. heel_left=LHEE.")
    Map<String, String> landmarks = new LinkedHashMap<>();

    @Option(names = "--vertical", paramLabel = "AXIS", description = "The data's up axis, e.g. +y or -z (default: "
            + "detected; image y points down).")
    String vertical;

    @Option(names = "--forward", paramLabel = "AXIS", description = "The direction of travel, e.g. +x (default: "
            + "from the pelvis's travel, or the feet on a treadmill).")
    String forward;

    @Option(names = "--view", paramLabel = "sagittal|frontal|3d", description = "How the runner was filmed (default: "
            + "detected from the geometry).")
    String view;

    @Option(names = "--height-cm", paramLabel = "CM", description = "The runner's height, to give pixel distances in "
            + "cm (otherwise distances are %% of leg length).")
    Double heightCm;

    @Option(names = "--treadmill", description = "Treadmill running: foot speeds relative to the belt (default: "
            + "detected from the pelvis's travel).")
    boolean treadmill;

    @Option(names = "--overground", description = "Overground running (default: detected).")
    boolean overground;

    @Option(names = "--guidelines", paramLabel = "FILE", description = "A clinic's own guideline table (CSV with the "
            + "columns of the built-in one).")
    Path guidelines;

    @Option(names = {"-q", "--quiet"}, description = "Print only failures and the final line.")
    boolean quiet;

    @Option(names = "--debug", description = "Print stack traces of failures.")
    boolean debug;

    @Option(names = {"-j", "--jobs"}, paramLabel = "N", description = "Recordings analysed at the same time "
            + "(default: the number of processors, here ${DEFAULT-VALUE}). Results are the same for any N.")
    int jobs = BatchOptions.defaultJobs();

    @Option(names = "--force", description = "Analyse every recording again, also those unchanged since the last "
            + "run into the same output folder (by default they are skipped: same content, same settings, same "
            + "gaitform, outputs still complete).")
    boolean force;

    @Option(names = "--progress", paramLabel = "auto|bar|lines", defaultValue = "auto", description = "How to show "
            + "progress: a bar on an interactive terminal, plain log lines otherwise (default: ${DEFAULT-VALUE}, "
            + "which picks by whether the output is a terminal).")
    String progress;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        AnalysisSettings settings = settings();
        if (jobs < 1 || jobs > 1024) {
            throw usage("--jobs must be between 1 and 1024, not " + jobs);
        }
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter e = spec.commandLine().getErr();
        boolean useBar = switch (progress) {
            case "bar" -> true;
            case "lines" -> false;
            case "auto" -> System.console() != null;
            default -> throw usage("--progress must be auto, bar or lines, not '" + progress + "'");
        } && !quiet;
        BarProgress bar = useBar ? new BarProgress(o, e, debug) : null;
        BatchListener listener = useBar ? bar : new LineProgress(o, e, out, quiet, debug, jobs);
        BatchResult result;
        BatchRunner runner = new BatchRunner(settings, VersionProvider.version(), new BatchOptions(jobs, force));
        // SIGTERM and Ctrl-C: stop in order — no new session, the running ones finish or are abandoned cleanly, the
        // manifest and the summary are written for what finished — before the process ends
        java.util.concurrent.CountDownLatch finished = new java.util.concurrent.CountDownLatch(1);
        Thread hook = new Thread(() -> {
            runner.requestStop("the process was asked to stop (SIGTERM or Ctrl-C)");
            try {
                finished.await(BatchRunner.STOP_GRACE_MS + 25_000, java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        }, "gaitform-stop");
        boolean hooked = addHook(hook);
        try {
            try {
                result = runner.run(inputs, out, listener);
            } catch (GaitformException ex) {
                e.println("gaitform: " + ex.getMessage());
                return ex.kind() == GaitformException.Kind.USAGE ? ExitCode.USAGE : ExitCode.INTERNAL;
            } catch (java.io.IOException ex) {
                e.println("gaitform: cannot write to " + out + ": " + AtomicFiles.reason(ex)
                        + (ex instanceof java.nio.file.FileSystemException f && f.getFile() != null
                        && !Path.of(f.getFile()).equals(out) ? " (" + f.getFile() + ")" : ""));
                return ExitCode.INTERNAL;
            } finally {
                if (bar != null) {
                    bar.close();
                }
            }
            return report(result, o, e);
        } finally {
            o.flush();
            e.flush();
            finished.countDown(); // a waiting stop hook lets the process end now
            if (hooked) {
                removeHook(hook);
            }
        }
    }

    /** The final line(s) and the exit code. */
    private int report(BatchResult result, PrintWriter o, PrintWriter e) {
        long ok = result.okCount();
        long failed = result.failedCount();
        long skipped = result.skippedCount();
        long interrupted = result.interruptedCount();
        long other = result.notAnalysed().size() - interrupted;
        for (String u : result.unwritten()) {
            e.println("gaitform: " + u);
        }
        if (result.outcomes().isEmpty() && interrupted == 0) {
            e.println("gaitform: no recordings found in " + inputs + " (looked for .csv, .tsv, .txt, .fit, .tcx, .gpx, "
                    + ".trc and .c3d files, Sensor Logger and OpenPose JSON folders)" + (other == 0 ? ""
                    : "; " + notAnalysed(result) + ", listed in " + result.summaryFile()));
            e.flush();
            return ExitCode.NOTHING_ANALYSED;
        }
        o.printf(Locale.ROOT, "%s%d of %d input(s) analysed%s, %d failed%s%s; summary in %s%n",
                result.stopped() ? "stopped: " : "", ok, ok + failed + interrupted,
                skipped == 0 ? "" : " (" + skipped + " unchanged since the last run, kept)", failed,
                interrupted == 0 ? "" : ", " + interrupted + " not started (run again to finish)",
                other == 0 ? "" : "; " + notAnalysed(result), result.summaryFile());
        o.flush();
        e.flush();
        if (!result.unwritten().isEmpty()) {
            return ExitCode.INTERNAL;
        }
        return failed == 0 ? ExitCode.OK : ok == 0 ? ExitCode.NOTHING_ANALYSED : ExitCode.SOME_FAILED;
    }

    /** "3 other path(s) not analysed (2 not_a_recording, 1 link_loop)". */
    private static String notAnalysed(BatchResult result) {
        Map<String, Long> byReason = new java.util.TreeMap<>();
        result.notAnalysed().stream().filter(s -> !s.reason().equals(BatchRunner.INTERRUPTED))
                .forEach(s -> byReason.merge(s.reason(), 1L, Long::sum));
        long n = byReason.values().stream().mapToLong(Long::longValue).sum();
        return n + " other path(s) not analysed (" + String.join(", ", byReason.entrySet().stream()
                .map(x -> x.getValue() + " " + x.getKey()).toList()) + ")";
    }

    private static boolean addHook(Thread hook) {
        try {
            Runtime.getRuntime().addShutdownHook(hook);
            return true;
        } catch (IllegalStateException | SecurityException ex) {
            return false; // already shutting down
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException ex) {
            // shutting down: the hook is running and waits for this run, which is finished
        }
    }

    private AnalysisSettings settings() {
        Map<Channel, String> roles = new EnumMap<>(Channel.class);
        Optional<String> timeColumn = Optional.empty();
        for (Map.Entry<String, String> c : columns.entrySet()) {
            String role = c.getKey().trim().toLowerCase(Locale.ROOT);
            if (c.getValue() == null || c.getValue().isBlank()) {
                throw usage("--column " + c.getKey() + " needs a header: --column ROLE=HEADER");
            }
            if (role.equals("time")) {
                timeColumn = Optional.of(c.getValue());
                continue;
            }
            Channel ch = Channel.parseRole(role);
            if (ch == null) {
                throw usage("unknown role '" + c.getKey() + "' in --column; roles are time, acc_x, acc_y, acc_z, gyr_x, "
                        + "gyr_y, gyr_z, acc_v, acc_ap, acc_ml");
            }
            roles.put(ch, c.getValue());
        }
        if (accUnit != null && !accUnit.equals("g") && !accUnit.equals("mps2")) {
            throw usage("--acc-unit must be g or mps2, not '" + accUnit + "'");
        }
        if (gyrUnit != null && !gyrUnit.equals("dps") && !gyrUnit.equals("rads")) {
            throw usage("--gyr-unit must be dps or rads, not '" + gyrUnit + "'");
        }
        if (speedMps != null && !(speedMps > 0 && speedMps < 15)) {
            throw usage("--speed-mps must be a running speed between 0 and 15 m/s, not " + speedMps);
        }
        if (rateHz != null && !(rateHz > 0 && rateHz < 100_000)) {
            throw usage("--rate must be a sampling rate in hertz above 0, not " + rateHz);
        }
        Optional<Placement> place = Optional.empty();
        if (placement != null) {
            place = Optional.of(Placement.parse(placement).orElseThrow(() -> usage("unknown --placement '" + placement
                    + "'; use sacrum, lower_back, waist, chest, foot, shank, wrist, phone_pocket or arm")));
        }
        GuidelineTable table;
        if (guidelines != null) {
            if (!Files.isRegularFile(guidelines)) {
                throw usage("--guidelines " + guidelines + ": no such file");
            }
            try {
                table = GuidelineTable.fromFile(guidelines);
            } catch (GaitformException ex) {
                throw usage(ex.getMessage());
            }
        } else {
            table = GuidelineTable.builtIn();
        }
        ImuReadOptions imu = new ImuReadOptions(roles, timeColumn, Optional.ofNullable(accUnit), Optional.ofNullable(gyrUnit),
                Optional.ofNullable(rateHz), place);
        CadenceUnit cadence = CadenceUnit.AUTO;
        if (cadenceUnit != null) {
            cadence = CadenceUnit.parse(cadenceUnit).orElseThrow(() -> usage("--cadence-unit must be auto, steps or "
                    + "strides, not '" + cadenceUnit + "'"));
        }
        return new AnalysisSettings(new ReadOptions(imu, new WatchReadOptions(cadence), poseOptions()), table,
                Optional.ofNullable(speedMps));
    }


    private PoseReadOptions poseOptions() {
        if (treadmill && overground) {
            throw usage("--treadmill and --overground exclude each other");
        }
        Optional<Integer> w = Optional.empty();
        Optional<Integer> h = Optional.empty();
        if (imageSize != null) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{1,5})[xX×](\\d{1,5})").matcher(imageSize.trim());
            if (!m.matches() || Integer.parseInt(m.group(1)) == 0 || Integer.parseInt(m.group(2)) == 0) {
                throw usage("--image-size must be WIDTHxHEIGHT in pixels, e.g. 1920x1080, not '" + imageSize + "'");
            }
            w = Optional.of(Integer.parseInt(m.group(1)));
            h = Optional.of(Integer.parseInt(m.group(2)));
        }
        for (Map.Entry<String, String> l : landmarks.entrySet()) {
            if (l.getValue() == null || l.getValue().isBlank()) {
                throw usage("--landmark " + l.getKey() + " needs a point name: --landmark NAME=POINT");
            }
            if (org.gaitform.kinematics.Landmark.parse(l.getKey()) == null) {
                throw usage("unknown landmark '" + l.getKey() + "' in --landmark; use heel_left, toe_left, ankle_left, "
                        + "knee_left, hip_left, shoulder_left, wrist_left (or _right), mid_hip, neck, head, …");
            }
        }
        Optional<Boolean> tm = treadmill ? Optional.of(true) : overground ? Optional.of(false) : Optional.empty();
        try {
            return new PoseReadOptions(Optional.ofNullable(fps), w, h, Optional.ofNullable(unit), landmarks,
                    Optional.ofNullable(vertical), Optional.ofNullable(forward),
                    Optional.ofNullable(view).map(v -> v.toLowerCase(Locale.ROOT)), Optional.ofNullable(heightCm), tm);
        } catch (IllegalArgumentException ex) {
            throw usage(ex.getMessage());
        }
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
