package org.gaitform.cli;

/** Exit codes of the {@code gaitform} command, listed in {@code --help}. */
public final class ExitCode {
    /** Every input was analysed. */
    public static final int OK = 0;
    /** Some inputs failed; the others were analysed and written. */
    public static final int SOME_FAILED = 1;
    /** The command line was wrong (unknown option, missing argument, bad value). */
    public static final int USAGE = 2;
    /** Nothing could be analysed: every input failed, or no input was found. */
    public static final int NOTHING_ANALYSED = 3;
    /** gaitform itself failed (a bug, or the output folder could not be written). */
    public static final int INTERNAL = 4;

    private ExitCode() {
    }

    /** The footer of {@code --help}. */
    static final String HELP_TEXT = "%nExit codes:%n"
            + "  0  every input analysed%n"
            + "  1  some inputs failed (see batch-summary.csv); the rest were written%n"
            + "  2  usage error (also: an output folder that is an input folder, or would replace an input)%n"
            + "  3  nothing could be analysed (every input failed, or none was found)%n"
            + "  4  internal error, or the output folder could not be written%n"
            + "143  stopped by SIGTERM or Ctrl-C: what finished is written and listed in batch-summary.csv%n";
}
