package org.gaitform.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import org.gaitform.agreement.AgreementFigures;
import org.gaitform.agreement.ForceThreshold;
import org.gaitform.agreement.ReferenceKind;
import org.gaitform.agreement.ReferenceOptions;
import org.gaitform.batch.BatchOptions;
import org.gaitform.batch.ValidationListener;
import org.gaitform.batch.ValidationOptions;
import org.gaitform.batch.ValidationRunner;
import org.gaitform.events.ForceContactSettings;
import org.gaitform.guidelines.GuidelineTable;
import org.gaitform.io.force.ForceReadOptions;
import org.gaitform.io.force.ForceUnit;
import org.gaitform.model.GaitformException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gaitform validate INPUT… --reference REF… [--out DIR] [--tolerance-ms 40]}. */
@Command(name = "validate", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Compare gaitform with a reference (force plate, motion capture, a device's own values): "
                + "every recording is analysed as 'analyze' would, its initial contacts and toe-offs are matched one to "
                + "one with the reference's, and the agreement is written per recording and per condition.", ""},
        footer = {"%nThe reference of each recording (by its file name, or by a 'file' column in a reference table):",
            "  - reference events: ic_s [, to_s] [, side] (also ic_ms, or ic_sample / bare ic, tc with --reference-rate;",
            "    without a rate, sample indices are those of the recording itself); truth files of 'simulate' work too;",
            "  - a force recording: contacts where the vertical force exceeds --force-threshold (default 50 N, or",
            "    0.05 body weight for forces in BW) for at least 30 ms, partial first and last contacts dropped; a",
            "    treadmill export (Fx Fy Fz, N), a GRF column beside the signals (grf_bw), an OpenSim .mot with per-foot",
            "    ground_force_vy columns (contacts then have their foot), or a C3D with FORCE_PLATFORM analog channels;",
            "  - session values: file, cadence_spm, contact_ms (for watches and other devices without single steps);",
            "  - an index: file, reference (a path relative to the index), optional reference_rate_hz, force_threshold.",
            "A reference named like the recording is found in a --reference folder: run1.csv → run1_events.csv,",
            "run1.truth.csv; RBDS001runT25markers.txt → RBDS001runT25forces.txt.",
            "%nOutputs in DIR: agreement.csv (one row per recording and per group; columns carry their units),",
            "agreement-events.csv (every matched, missed and extra event with its error), agreement.pdf (tables,",
            "Bland–Altman and error-by-condition charts, methods) and plots/*.png. Existing files there that",
            "gaitform validate did not write are never overwritten.",
            "%nConditions to group by: input_kind, placement, sampling_rate_hz, input_format, and every column of the",
            "recordings' metadata (sidecar <stem>.meta.csv, sessions.csv, or --metadata FILE): slope_deg, speed_mps,",
            "strike, subject_id, role, …",
            "%nExamples:",
            "  gaitform validate sample-data --reference sample-data --out check   (the simulator's truth files)",
            "  gaitform validate trials/ --reference trials/ --out agreement        (a GRF column in each trial)",
            "  gaitform validate RBDS001runT25markers.txt --reference RBDS001runT25forces.txt --reference-rate 300",
            "  gaitform validate imu.csv --rate 204.8 --reference stride_events.csv",
            "  gaitform validate runs/ --reference forces/ --metadata conditions.csv --group-by slope_deg,speed_mps",
            "  gaitform validate fit/ --reference device-session-values.csv",
            ExitCode.HELP_TEXT})
final class ValidateCommand implements Callable<Integer> {

    @Parameters(paramLabel = "INPUT", arity = "1..*", description = "Recordings, or folders to search for them.")
    List<Path> inputs;

    @Option(names = {"-r", "--reference"}, paramLabel = "REF", required = true, description = "Reference file or "
            + "folder (repeatable): events, force, session values or an index; see below.")
    List<Path> references;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", defaultValue = "agreement",
            description = "Output folder (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--tolerance-ms", paramLabel = "MS", defaultValue = "40", description = "Largest time difference "
            + "of a matched event (default: ${DEFAULT-VALUE} ms).")
    double toleranceMs;

    @Option(names = "--group-by", paramLabel = "COL[,COL…]", description = "Condition columns to group by "
            + "(repeatable; columns joined by commas form one grouping), e.g. --group-by slope_deg --group-by "
            + "input_kind,speed_mps. Default: every condition that splits the recordings.")
    List<String> groupBy = new ArrayList<>();

    @Option(names = "--metadata", paramLabel = "FILE", description = "A table with a 'file' column and condition "
            + "columns (slope_deg, speed_mps, strike, subject_id, …) for the recordings (repeatable).")
    List<Path> metadata = new ArrayList<>();

    @Option(names = "--reference-kind", paramLabel = "events|force|session-values", description = "Which reference "
            + "to use when several fit a recording.")
    String referenceKind;

    @Option(names = "--reference-rate", paramLabel = "HZ", description = "Sampling rate of reference sample indices, "
            + "or of a force file whose time column counts samples (default: a rate column, else the metadata's "
            + "reference_rate_hz, else the recording's own rate for sample indices).")
    Double referenceRate;

    @Option(names = "--force-threshold", paramLabel = "50N|0.05bw", description = "Vertical force above which a foot "
            + "is on the ground (default: 50 N for forces in newtons, 0.05 body weight for forces in body weights).")
    String forceThreshold;

    @Option(names = "--debounce-ms", paramLabel = "MS", defaultValue = "30", description = "Force contacts and flights "
            + "shorter than this are merged into their neighbours (default: ${DEFAULT-VALUE} ms).")
    double debounceMs;

    @Option(names = "--force-unit", paramLabel = "N|BW", description = "Unit of the reference force when its header "
            + "does not say (default: from the header, else from its mean, which is body weight).")
    String forceUnit;

    @Option(names = "--force-column", paramLabel = "NAME", description = "The vertical-force column of the reference "
            + "(default: the force component with the largest mean magnitude).")
    String forceColumn;

    @Option(names = "--body-mass-kg", paramLabel = "KG", description = "Body mass, to turn a threshold in newtons into "
            + "body weights or back (default: the metadata's body_mass_kg, else the mean force over whole steps).")
    Double bodyMassKg;

    @CommandLine.Mixin
    AnalysisOptions analysis = new AnalysisOptions();

    @Option(names = {"-j", "--jobs"}, paramLabel = "N", description = "Recordings analysed at the same time "
            + "(default: the number of processors, here ${DEFAULT-VALUE}).")
    int jobs = BatchOptions.defaultJobs();

    @Option(names = {"-q", "--quiet"}, description = "Print only failures and the final lines.")
    boolean quiet;

    @Option(names = "--debug", description = "Print stack traces of failures.")
    boolean debug;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        ValidationOptions options = options();
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter e = spec.commandLine().getErr();
        ValidationListener listener = new ValidationListener() {
            @Override
            public void started(int total) {
                if (!quiet) {
                    o.printf(Locale.ROOT, "gaitform %s validate: %d recording(s) → %s%n", VersionProvider.version(),
                            total, out);
                    o.flush();
                }
            }

            @Override
            public void finished(String recording, boolean ok, String message, int done, int total) {
                if (ok && !quiet) {
                    o.printf(Locale.ROOT, "[%d/%d] ok    %s: %s%n", done, total, recording, message);
                    o.flush();
                } else if (!ok) {
                    e.printf(Locale.ROOT, "[%d/%d] FAIL  %s%n", done, total, message);
                    e.flush();
                }
            }
        };
        ValidationRunner.Result result;
        try {
            result = new ValidationRunner(VersionProvider.version(), options).run(List.of(new ValidationRunner.Job(
                    inputs, analysis.settings(spec, GuidelineTable.builtIn()))), references, out, listener);
        } catch (GaitformException ex) {
            e.println("gaitform: " + ex.getMessage());
            return ex.kind() == GaitformException.Kind.OUTPUT ? ExitCode.INTERNAL : ExitCode.USAGE;
        } catch (java.io.IOException ex) {
            e.println("gaitform: cannot write to " + out + ": " + ex.getMessage());
            return ExitCode.INTERNAL;
        }
        int ok = result.report().recordings().size();
        int failed = result.report().failures().size();
        if (ok + failed == 0) {
            e.println("gaitform: no recordings found in " + inputs + " (the reference files themselves are not "
                    + "recordings)");
            return ExitCode.NOTHING_ANALYSED;
        }
        AgreementFigures all = result.report().all().figures();
        o.printf(Locale.ROOT, "%d of %d recording(s) compared, %d failed; agreement in %s%n", ok, ok + failed, failed,
                out.resolve("agreement.csv"));
        if (all.ic().referenceN() > 0) {
            o.printf(Locale.ROOT, "initial contacts: %d/%d found (%.1f %%), bias %+.1f ms, 95 %% limits %+.1f … %+.1f ms"
                            + "%n", all.ic().matchedN(), all.ic().referenceN(), all.ic().recallPct(),
                    all.ic().timingMs().bias(), all.ic().timingMs().loaLow(), all.ic().timingMs().loaHigh());
        }
        return failed == 0 ? ExitCode.OK : ok == 0 ? ExitCode.NOTHING_ANALYSED : ExitCode.SOME_FAILED;
    }

    private ValidationOptions options() {
        if (!(toleranceMs > 0 && toleranceMs <= 500)) {
            throw usage("--tolerance-ms must be above 0 and at most 500 ms, not " + fmt(toleranceMs));
        }
        if (!(debounceMs >= 0 && debounceMs <= 1000)) {
            throw usage("--debounce-ms must be between 0 and 1000 ms, not " + fmt(debounceMs));
        }
        if (jobs < 1 || jobs > 1024) {
            throw usage("--jobs must be between 1 and 1024, not " + jobs);
        }
        Optional<ReferenceKind> kind = Optional.empty();
        if (referenceKind != null) {
            ReferenceKind k = ReferenceKind.parse(referenceKind);
            if (k == null) {
                throw usage("--reference-kind must be events, force or session-values, not '" + referenceKind + "'");
            }
            kind = Optional.of(k);
        }
        if (referenceRate != null && !(referenceRate > 0 && referenceRate < 1e6)) {
            throw usage("--reference-rate must be a sampling rate in hertz above 0, not " + referenceRate);
        }
        Optional<ForceThreshold> threshold = Optional.empty();
        if (forceThreshold != null) {
            try {
                threshold = Optional.of(ForceThreshold.parse(forceThreshold));
            } catch (IllegalArgumentException ex) {
                throw usage("--force-threshold must be " + ex.getMessage());
            }
        }
        Optional<ForceUnit> unit = Optional.empty();
        if (forceUnit != null) {
            ForceUnit u = ForceUnit.parse(forceUnit);
            if (u == null) {
                throw usage("--force-unit must be N or BW, not '" + forceUnit + "'");
            }
            unit = Optional.of(u);
        }
        if (bodyMassKg != null && !(bodyMassKg >= 10 && bodyMassKg <= 300)) {
            throw usage("--body-mass-kg must be between 10 and 300 kg, not " + bodyMassKg);
        }
        for (Path m : metadata) {
            if (!Files.isRegularFile(m)) {
                throw usage("--metadata " + m + ": no such file");
            }
        }
        List<List<String>> groupings = new ArrayList<>();
        for (String g : groupBy) {
            List<String> cols = new ArrayList<>();
            for (String c : g.split(",")) {
                String k = c.trim().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
                if (k.isEmpty()) {
                    throw usage("--group-by needs column names, e.g. --group-by slope_deg,speed_mps, not '" + g + "'");
                }
                cols.add(k);
            }
            groupings.add(cols);
        }
        ReferenceOptions ref = new ReferenceOptions(kind, Optional.ofNullable(referenceRate), threshold,
                new ForceContactSettings(debounceMs, true), bodyMassKg == null ? OptionalDouble.empty()
                : OptionalDouble.of(bodyMassKg), new ForceReadOptions(Optional.empty(), unit,
                Optional.ofNullable(forceColumn)));
        return new ValidationOptions(toleranceMs, groupings, jobs, metadata, ref, true);
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
