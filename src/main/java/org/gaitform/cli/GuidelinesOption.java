package org.gaitform.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.gaitform.guidelines.GuidelineTable;
import org.gaitform.model.GaitformException;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * {@code --guidelines FILE}: a clinic's own guideline table. A picocli mixin of the commands that judge sessions
 * ({@code analyze} and the Spark job); {@code validate} compares events and has no use for it.
 */
public final class GuidelinesOption {
    @Option(names = "--guidelines", paramLabel = "FILE", description = "A clinic's own guideline table (CSV with the "
            + "columns of the built-in one).")
    Path guidelines;

    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
    CommandLine.Model.CommandSpec spec;

    /** The table to judge by: the file's, else the built-in one; a usage error for a missing or bad file. */
    public GuidelineTable table() {
        if (guidelines == null) {
            return GuidelineTable.builtIn();
        }
        if (!Files.isRegularFile(guidelines)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--guidelines " + guidelines
                    + ": no such file");
        }
        try {
            return GuidelineTable.fromFile(guidelines);
        } catch (GaitformException ex) {
            throw new CommandLine.ParameterException(spec.commandLine(), ex.getMessage());
        }
    }

    /** The file given with {@code --guidelines}, if any. */
    public Optional<Path> file() {
        return Optional.ofNullable(guidelines);
    }
}
