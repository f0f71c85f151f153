package org.gaitform.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.gaitform.batch.BatchListener;
import org.gaitform.batch.BatchOptions;
import org.gaitform.batch.BatchResult;
import org.gaitform.batch.BatchRunner;
import org.gaitform.dataset.DatasetFormat;
import org.gaitform.model.GaitformException;
import org.gaitform.pipeline.AnalysisSettings;
import org.gaitform.report.AtomicFiles;
import org.gaitform.report.Outputs;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gaitform analyze INPUT… [--out DIR]}. */
@Command(name = "analyze", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Analyse recordings (files, or folders searched recursively) and write one report folder per "
                + "recording plus batch-summary.csv into the output folder.", ""},
        footer = {"%nEach session folder holds steps.csv, bouts.csv, summary.json, report.pdf and charts/*.png; the",
            "output folder holds batch-summary.csv, batch-report.pdf and the dataset tables steps.csv, bouts.csv,",
            "sessions.csv and findings.csv (every session, session_id first; .parquet with --format parquet).",
            "Watch exports (.fit, .tcx, .gpx, also .gz; per-second CSV with cadence and ground-contact columns) add",
            "splits.csv per session, and runner-report.pdf with weekly-load.csv for the folder of runs.",
            "A runner's account export (Strava bulk export: folder or zip with activities.csv; Garmin Connect data",
            "export: zip of zips of FIT files) is one input: its folder holds the whole history's runner-report.pdf,",
            "weekly-load.csv, monthly-form.csv, shoes.csv, activities.csv and the most recent runs' session folders.",
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
            "  gaitform analyze export_12345678.zip --history-sessions 10   (a Strava account export)",
            "  gaitform analyze openpose_json_folder --fps 60 --height-cm 178",
            "  gaitform analyze alphapose.json --person 2   (the second person seen)",
            "  gaitform analyze mediapipe.csv --image-size 1920x1080 --fps 30 --landmark heel_left=LHEEL",
            "  gaitform analyze trial.c3d trial.trc markers.tsv",
            "%nPose and marker inputs: OpenPose (JSON folder or CSV), COCO keypoints JSON",
            "(AlphaPose, Detectron2, YOLO-pose, MMPose), MediaPipe CSV, DeepLabCut CSV,",
            "SLEAP CSV, keypoint CSV, marker TSV, OpenSim .trc, C3D, Vicon Nexus CSV exports",
            "(Trajectories section), Qualisys 3D TSV exports.",
            "Landmarks for --landmark: heel_left, toe_left, ankle_left, knee_left, hip_left,",
            "shoulder_left, wrist_left (and _right), mid_hip, neck, head, knee_medial_left, ankle_medial_left, asis_left,",
            "psis_left. A standing trial beside a marker file (name with 'static') calibrates the foot angle.",
            "  gaitform analyze /data/study -j 2 -o results   (again later: only changes)",
            "  gaitform analyze /data/study --outputs tables --format parquet -o dataset",
            ExitCode.HELP_TEXT})
final class AnalyzeCommand implements Callable<Integer> {

    @Parameters(paramLabel = "INPUT", arity = "1..*", description = "Recordings, or folders to search for them.")
    List<Path> inputs;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", defaultValue = "reports",
            description = "Output folder (default: ${DEFAULT-VALUE}).")
    Path out;

    @CommandLine.Mixin
    AnalysisOptions analysis = new AnalysisOptions();

    @CommandLine.Mixin
    GuidelinesOption guidelines = new GuidelinesOption();

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

    @Option(names = "--history-sessions", paramLabel = "N", description = "For a runner's account export (a Strava "
            + "bulk export or a Garmin Connect data export, folder or zip): how many of the most recent runs also get a "
            + "full session folder beside the history's report (default: ${DEFAULT-VALUE}).")
    int historySessions = BatchOptions.DEFAULT_HISTORY_SESSIONS;

    @Option(names = "--outputs", paramLabel = "tables|reports|all", defaultValue = "all", description = "What to "
            + "write: 'tables' — the dataset tables at the top of the output folder (steps, bouts, sessions, findings) "
            + "and each session's tables, no PDF and no PNG (much faster); 'reports' — each session's report.pdf and "
            + "charts, the batch report, no dataset tables; 'all' (default) — both.")
    String outputs;

    @Option(names = "--format", paramLabel = "csv|parquet", defaultValue = "csv", description = "Format of the "
            + "dataset tables: csv (default) or parquet (typed columns, units in the file's metadata).")
    String format;

    @Option(names = "--progress", paramLabel = "auto|bar|lines", defaultValue = "auto", description = "How to show "
            + "progress: a bar on an interactive terminal, plain log lines otherwise (default: ${DEFAULT-VALUE}, "
            + "which picks by whether the output is a terminal).")
    String progress;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        AnalysisSettings settings = analysis.settings(guidelines.table());
        if (jobs < 1 || jobs > 1024) {
            throw usage("--jobs must be between 1 and 1024, not " + jobs);
        }
        Outputs what = Outputs.parse(outputs).orElseThrow(() -> usage("--outputs must be tables, reports or all, not '"
                + outputs + "'"));
        DatasetFormat tableFormat = DatasetFormat.parse(format).orElseThrow(() -> usage("--format must be csv or "
                + "parquet, not '" + format + "'"));
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
        BatchRunner runner = new BatchRunner(settings, VersionProvider.version(),
                new BatchOptions(jobs, force, what, tableFormat, historySessions));
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
            if (historySessions < 0 || historySessions > 100_000) {
                throw usage("--history-sessions must be between 0 and 100000, not " + historySessions);
            }
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
                    + ".trc, .c3d and COCO keypoints .json files, Sensor Logger and OpenPose JSON folders)" + (other == 0 ? ""
                    : "; " + notAnalysed(result) + ", listed in " + result.summaryFile()));
            e.flush();
            return ExitCode.NOTHING_ANALYSED;
        }
        o.printf(Locale.ROOT, "%s%d of %d input(s) analysed%s, %d failed%s%s; summary in %s%s%n",
                result.stopped() ? "stopped: " : "", ok, ok + failed + interrupted,
                skipped == 0 ? "" : " (" + skipped + " unchanged since the last run, kept)", failed,
                interrupted == 0 ? "" : ", " + interrupted + " not started (run again to finish)",
                other == 0 ? "" : "; " + notAnalysed(result), result.summaryFile(),
                result.datasetFiles().isEmpty() ? "" : "; dataset tables " + String.join(", ",
                        result.datasetFiles().stream().map(p -> p.getFileName().toString()).toList()));
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

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
