package org.gaitform.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.gaitform.simulate.SampleSessions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gaitform simulate [--out DIR] [--seed N]}. */
@Command(name = "simulate", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Write example sessions with known ground truth: simulated trunk-IMU recordings (a rearfoot "
                + "striker on the sacrum, a low-cadence forefoot striker with a phone on the lower back, a chest strap "
                + "on hills) with standing, a walking warm-up and speed changes, each with <name>.truth.csv and "
                + "<name>.truth.json, plus a README. The same seed writes the same files.", ""},
        footer = {"%nExample:", "  gaitform simulate --out sample-data", "  gaitform analyze sample-data",
            ExitCode.HELP_TEXT})
final class SimulateCommand implements Callable<Integer> {
    @Option(names = {"-o", "--out"}, paramLabel = "DIR", defaultValue = "sample-data",
            description = "Folder to write into (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "" + SampleSessions.DEFAULT_SEED,
            description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        try {
            List<Path> files = SampleSessions.write(out, seed);
            for (Path f : files) {
                spec.commandLine().getOut().println("wrote " + f);
            }
            return ExitCode.OK;
        } catch (IOException e) {
            spec.commandLine().getErr().println("gaitform: cannot write to " + out + ": " + e.getMessage());
            return ExitCode.INTERNAL;
        }
    }
}
