package org.gaitform.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code gaitform} command. {@code gaitform FOLDER…} without a subcommand means {@code gaitform analyze FOLDER…}. */
@Command(name = "gaitform", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Running-gait analysis: reads IMU exports, detects every step, measures cadence, contact "
                + "and flight time, compares them with published running-form advice and writes PDF/PNG reports "
                + "and CSV/JSON tables.", ""},
        footer = {"%nExamples:",
            "  gaitform sample-data                      analyse every recording in sample-data/ into reports/",
            "  gaitform analyze run.csv --out results    analyse one file into results/",
            "  gaitform analyze run.csv --rate 100 --placement sacrum",
            "  gaitform validate trials/ --reference forces/   agreement with a force plate → agreement/",
            "  gaitform simulate --out sample-data       write the example sessions again",
            "  gaitform serve                            a web page for uploads and reports: http://127.0.0.1:8080/",
            ExitCode.HELP_TEXT})
public final class GaitformCli implements Runnable {
    private static final Set<String> TOP_LEVEL = Set.of("analyze", "validate", "simulate", "serve", "help", "-h", "--help",
            "-V", "--version");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
        throw new CommandLine.ParameterException(spec.commandLine(), "name the recordings to analyse, or a subcommand");
    }

    /** Entry point. */
    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command with the given console writers and returns the exit code (used by tests). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        String[] a = withDefaultSubcommand(args);
        CommandLine cl = commandLine(out, err, a.length > 0 && SUBCOMMANDS.containsKey(a[0]) ? a[0] : null);
        return cl.execute(a);
    }

    /**
     * The subcommands in the order {@code --help} lists them. A run of one of them sets up only that one: picocli reads
     * every option of every command it is given, which took some 50 ms of the start of each run (docs/benchmark.md).
     */
    private static final java.util.Map<String, Class<?>> SUBCOMMANDS = orderedMap("analyze", AnalyzeCommand.class,
            "validate", ValidateCommand.class, "simulate", SimulateCommand.class, "serve", ServeCommand.class);

    private static java.util.Map<String, Class<?>> orderedMap(Object... kv) {
        java.util.Map<String, Class<?>> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], (Class<?>) kv[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(m);
    }

    static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        return commandLine(out, err, null);
    }

    /**
     * The command line.
     *
     * @param only the one subcommand that will run, or {@code null} for all (help, a top-level option, no arguments)
     */
    static CommandLine commandLine(PrintWriter out, PrintWriter err, String only) {
        CommandLine cl = new CommandLine(new GaitformCli());
        // added before the settings below, which apply to the subcommands present when they are made
        SUBCOMMANDS.forEach((name, type) -> {
            if (only == null || only.equals(name)) {
                cl.addSubcommand(name, type);
            }
        });
        if (only == null) {
            cl.addSubcommand("help", CommandLine.HelpCommand.class);
        }
        cl.setOut(out);
        cl.setErr(err);
        cl.setExitCodeExceptionMapper(e -> e instanceof CommandLine.ParameterException ? ExitCode.USAGE
                : ExitCode.INTERNAL);
        cl.setParameterExceptionHandler((ex, a) -> {
            PrintWriter e = ex.getCommandLine().getErr();
            String unknown = unknownOption(ex.getCommandLine().getCommandSpec(), a);
            e.println("gaitform: " + (unknown == null ? ex.getMessage() : "unknown option '" + unknown + "'; if it is "
                    + "a file name, write ./" + unknown + " or put -- before it (gaitform "
                    + ex.getCommandLine().getCommandName() + " -- " + unknown + ")"));
            e.println("Run 'gaitform " + (ex.getCommandLine().getCommandName().equals("gaitform") ? ""
                    : ex.getCommandLine().getCommandName() + " ") + "--help' for usage.");
            return ExitCode.USAGE;
        });
        cl.setExecutionExceptionHandler((ex, c, parseResult) -> {
            c.getErr().println("gaitform: internal error: " + ex);
            if (Arrays.asList(parseResult.originalArgs().toArray(new String[0])).contains("--debug")) {
                ex.printStackTrace(c.getErr());
            }
            return ExitCode.INTERNAL;
        });
        return cl;
    }

    /**
     * The first argument that looks like an option and is none of the command's (a file named {@code -leading.csv}),
     * or {@code null}: picocli may report it as a missing input instead, which does not tell the user what went wrong.
     */
    static String unknownOption(CommandLine.Model.CommandSpec spec, String[] args) {
        boolean sub = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!sub) {
                sub = a.equals(spec.name());
                continue;
            }
            if (a.equals("--")) {
                return null;
            }
            if (a.startsWith("-") && a.length() > 1) {
                String name = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
                CommandLine.Model.OptionSpec o = spec.findOption(name);
                if (o == null && !(name.length() > 2 && !name.startsWith("--") && spec.findOption(name.substring(0, 2))
                        != null)) {
                    return a;
                }
                if (o != null && o.arity().min() > 0 && !a.contains("=")) {
                    i++; // its value
                }
            }
        }
        return null;
    }

    /** Holds the analysis options alone, to parse them outside a command. */
    @Command(name = "settings")
    static final class SettingsOnly {
        @CommandLine.Mixin
        AnalysisOptions analysis = new AnalysisOptions();
    }

    /**
     * The analysis settings that {@code analyze} and {@code validate} use for these options (for example
     * {@code --rate 204.8} or {@code --landmark heel_left=LCAL}), with the built-in guideline table: for tools that
     * run the same analysis as the command line, such as the project's accuracy command.
     *
     * @throws IllegalArgumentException with picocli's message when an option is unknown or bad
     */
    public static org.gaitform.pipeline.AnalysisSettings analysisSettings(java.util.List<String> options) {
        SettingsOnly s = new SettingsOnly();
        CommandLine cl = new CommandLine(s);
        try {
            cl.parseArgs(options.toArray(new String[0]));
            return s.analysis.settings(org.gaitform.guidelines.GuidelineTable.builtIn());
        } catch (CommandLine.ParameterException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** Puts {@code analyze} in front when the first argument is not a subcommand or a top-level option. */
    static String[] withDefaultSubcommand(String[] args) {
        if (args.length == 0 || TOP_LEVEL.contains(args[0])) {
            return args;
        }
        String[] out = new String[args.length + 1];
        out[0] = "analyze";
        System.arraycopy(args, 0, out, 1, args.length);
        return out;
    }
}
