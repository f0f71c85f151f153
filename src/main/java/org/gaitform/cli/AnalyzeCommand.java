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
import org.gaitform.model.Channel;
import org.gaitform.model.GaitformException;
import org.gaitform.model.Placement;
import org.gaitform.pipeline.AnalysisSettings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gaitform analyze INPUT… [--out DIR]}. */
@Command(name = "analyze", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Analyse recordings (files, or folders searched recursively) and write one report folder per "
                + "recording plus batch-summary.csv into the output folder.", ""},
        footer = {"%nEach session folder holds steps.csv, summary.json, report.pdf and charts/*.png.",
            "Running again into the same folder skips recordings whose content, options",
            "and gaitform are unchanged and whose outputs are complete (status 'skipped'",
            "in batch-summary.csv); --force redoes them all.",
            "Column roles for --column: time, acc_x, acc_y, acc_z, gyr_x, gyr_y, gyr_z, and acc_v, acc_ap, acc_ml",
            "for exports already aligned to vertical (up), antero-posterior (forward) and medio-lateral (right).",
            "%nExamples:",
            "  gaitform analyze sample-data",
            "  gaitform analyze trial.csv --column acc_v=VertAcc --column time=t --acc-unit g",
            "  gaitform analyze export.csv --rate 100 --placement lower_back --out results",
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
            + "waist, chest (default: from the file name, else a trunk sensor is assumed).")
    String placement;

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
        try {
            result = new BatchRunner(settings, VersionProvider.version(), new BatchOptions(jobs, force))
                    .run(inputs, out, listener);
        } catch (GaitformException ex) {
            e.println("gaitform: " + ex.getMessage());
            return ExitCode.INTERNAL;
        } catch (java.io.IOException ex) {
            e.println("gaitform: cannot write to " + out + ": " + ex.getMessage());
            return ExitCode.INTERNAL;
        } finally {
            if (bar != null) {
                bar.close();
            }
        }
        long ok = result.okCount();
        long failed = result.failedCount();
        long skipped = result.skippedCount();
        if (result.outcomes().isEmpty()) {
            e.println("gaitform: no recordings found in " + inputs + " (looked for .csv, .tsv and .txt files)");
            return ExitCode.NOTHING_ANALYSED;
        }
        o.printf(Locale.ROOT, "%d of %d input(s) analysed%s, %d failed; summary in %s%n", ok, ok + failed,
                skipped == 0 ? "" : " (" + skipped + " unchanged since the last run, kept)", failed,
                result.summaryFile());
        return failed == 0 ? ExitCode.OK : ok == 0 ? ExitCode.NOTHING_ANALYSED : ExitCode.SOME_FAILED;
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
        return new AnalysisSettings(new ReadOptions(imu), table);
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
