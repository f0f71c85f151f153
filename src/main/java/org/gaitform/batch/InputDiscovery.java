package org.gaitform.batch;

import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gaitform.io.InputReaders;
import org.gaitform.io.reference.ReferenceTable;
import org.gaitform.report.Ownership;
import org.gaitform.report.OutputNames;

/**
 * Finds the inputs of a batch: files are taken as given (a missing or unreadable one becomes a failed
 * input, not a crash); folders are searched recursively for files gaitform reads. Links to files and folders are
 * followed (a link that leads back into a folder being searched is a loop and is not followed again). Every path
 * seen in a folder and not taken as an input is recorded with the reason ({@link Skipped}): hidden entries,
 * companion files (ground truth, metadata, READMEs, reference events and forces, FIT message tables, stride borders,
 * mean gait-cycle curves, subject tables), gaitform's
 * own outputs, the output folder, files of other kinds, broken links, link loops, and a second path to a file
 * already taken.
 */
public final class InputDiscovery {
    /** {@code <name>.<message>.csv}, as Garmin's FIT CSV tool names its tables. */
    private static final Pattern FIT_MESSAGE_TABLE = Pattern.compile("(.+)\\.([a-z_]+)\\.csv",
            Pattern.CASE_INSENSITIVE);

    private final InputReaders readers;
    private final Path displayBase;

    public InputDiscovery(InputReaders readers) {
        this(readers, null);
    }

    /**
     * Discovery that names inputs relative to a base folder ({@code gaitform serve} names uploads by their path in
     * the upload, not by where the server keeps them).
     *
     * @param readers     the readers that recognise inputs
     * @param displayBase folder the display names are relative to, or null for the paths as given
     */
    public InputDiscovery(InputReaders readers, Path displayBase) {
        this.readers = readers;
        this.displayBase = displayBase == null ? null : displayBase.toAbsolutePath().normalize();
    }

    /**
     * A path seen and not analysed.
     *
     * @param path    where it is
     * @param display how to name it (as {@link Input#display()})
     * @param reason  a short code for the {@code skip_reason} column: {@code hidden}, {@code not_a_recording},
     *                {@code metadata}, {@code ground_truth}, {@code document}, {@code gaitform_output},
     *                {@code static_trial}, {@code fit_messages}, {@code reference_events},
     *                {@code reference_values}, {@code force_recording}, {@code reference_strides},
     *                {@code gait_cycle_curves}, {@code subject_table}, {@code output_folder}, {@code link_loop},
     *                {@code broken_link}, {@code duplicate}
     * @param message the reason in words
     */
    public record Skipped(Path path, String display, String reason, String message) {
        public Skipped {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(display, "display");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(message, "message");
        }
    }

    /**
     * What a search found.
     *
     * @param inputs  inputs in a stable order (the user's order, then path order inside folders)
     * @param skipped paths seen and not taken, in the same order
     */
    public record Found(List<Input> inputs, List<Skipped> skipped) {
        public Found {
            inputs = List.copyOf(inputs);
            skipped = List.copyOf(skipped);
        }
    }

    /**
     * Discovers inputs.
     *
     * @param given  files and folders named by the user
     * @param outDir the output folder, never searched
     * @return inputs in a stable order (the user's order, then path order inside folders)
     */
    public List<Input> discover(List<Path> given, Path outDir) throws IOException {
        return search(given, outDir).inputs();
    }

    /** Discovers inputs and the paths seen and not taken. */
    public Found search(List<Path> given, Path outDir) throws IOException {
        Map<Path, String> seen = new HashMap<>();
        List<Input> out = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        Path outAbs = outDir.toAbsolutePath().normalize();
        Path outReal = real(outDir);
        for (Path g : given) {
            if (Files.isDirectory(g) && readers.kindOf(g).isEmpty()) {
                List<Path> found = new ArrayList<>();
                List<Skipped> here = new ArrayList<>();
                Files.walkFileTree(g, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                        if (dir.equals(g)) {
                            return FileVisitResult.CONTINUE;
                        }
                        Path d = dir.toAbsolutePath().normalize();
                        String name = dir.getFileName().toString();
                        if (d.equals(outAbs) || (outReal != null && outReal.equals(real(dir)))) {
                            here.add(skip(dir, "output_folder", "the output folder of this run"));
                            return FileVisitResult.SKIP_SUBTREE;
                        }
                        if (name.startsWith(".")) {
                            here.add(skip(dir, "hidden", "a hidden folder"));
                            return FileVisitResult.SKIP_SUBTREE;
                        }
                        if (Files.exists(dir.resolve(Ownership.MARKER), LinkOption.NOFOLLOW_LINKS)) {
                            here.add(skip(dir, "gaitform_output", "a session folder written by gaitform"));
                            return FileVisitResult.SKIP_SUBTREE;
                        }
                        if (Files.exists(dir.resolve(Manifest.FILE_NAME), LinkOption.NOFOLLOW_LINKS)) {
                            here.add(skip(dir, "gaitform_output", "an output folder of gaitform"));
                            return FileVisitResult.SKIP_SUBTREE;
                        }
                        if (readers.kindOf(dir).isPresent()) {
                            found.add(dir);
                            return FileVisitResult.SKIP_SUBTREE;
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                        if (attrs.isSymbolicLink()) {
                            here.add(skip(file, "broken_link", "a link to nothing (its target "
                                    + target(file) + " does not exist)"));
                        } else if (!attrs.isRegularFile()) {
                            here.add(skip(file, "not_a_recording", "not a regular file (a device, pipe or socket)"));
                        } else if (readers.kindOf(file).isPresent()) {
                            Optional<Skipped> table = companionTable(file);
                            if (table.isPresent()) {
                                here.add(table.get());
                            } else {
                                found.add(file);
                            }
                        } else {
                            here.add(whyNot(file));
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException exc) {
                        if (exc instanceof FileSystemLoopException) {
                            here.add(skip(file, "link_loop", "a link back to a folder above it (" + target(file)
                                    + "), which is searched once"));
                        } else {
                            found.add(file); // reported as a failed input when read
                        }
                        return FileVisitResult.CONTINUE;
                    }
                });
                found.sort(Comparator.comparing(Path::toString));
                for (Path f : found) {
                    String first = seen.putIfAbsent(key(f), name(f));
                    if (first == null) {
                        out.add(new Input(f, name(f)));
                    } else {
                        here.add(skip(f, "duplicate", "the same recording as " + first + ", analysed once"));
                    }
                }
                here.sort(Comparator.comparing(s -> s.path().toString()));
                skipped.addAll(here);
            } else {
                String first = seen.putIfAbsent(key(g), name(g));
                if (first == null) {
                    out.add(new Input(g, name(g)));
                } else if (!first.equals(name(g))) {
                    skipped.add(skip(g, "duplicate", "the same recording as " + first + ", analysed once"));
                }
            }
        }
        return new Found(out, skipped);
    }

    /**
     * A table in a searched folder that a reader would take but that sits beside the recordings as something else: a
     * table of one kind of FIT message (session, lap, event, …) that Garmin's FIT CSV tool writes beside the records
     * ({@code <name>.record.csv}, the recording), a table of reference gait events (an initial-contact and a
     * toe-off column and no sensor column), a table of reference session values per named recording, a force-plate
     * recording, a table of stride borders, of mean curves over the gait cycle or describing the subjects
     * ({@link ReferenceTable#companion}). A file named on the command line is always analysed.
     */
    private Optional<Skipped> companionTable(Path file) {
        String name = file.getFileName().toString();
        Matcher m = FIT_MESSAGE_TABLE.matcher(name);
        if (m.matches() && !m.group(2).equalsIgnoreCase("record")
                && Files.isRegularFile(file.resolveSibling(m.group(1) + ".record.csv"))) {
            return Optional.of(skip(file, "fit_messages", "the '" + m.group(2) + "' messages of a FIT file as Garmin's "
                    + "FIT CSV tool writes them: the recording is " + m.group(1) + ".record.csv beside it"));
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (!(lower.endsWith(".csv") || lower.endsWith(".tsv") || lower.endsWith(".txt"))) {
            return Optional.empty();
        }
        return ReferenceTable.companion(file, name(file)).map(kind -> switch (kind) {
            case EVENTS -> skip(file, "reference_events", "a table of reference gait events (initial contacts and "
                    + "toe-offs), not a recording: gaitform validate compares recordings with it");
            case VALUES -> skip(file, "reference_values", "a table of reference session values (cadence, contact "
                    + "time) or of references, one row per recording it names, not a recording: gaitform validate "
                    + "compares recordings with it");
            case FORCE -> skip(file, "force_recording", "a force-plate recording, not one gaitform analyses: "
                    + "gaitform validate takes its contacts as the reference of the recording beside it");
            case STRIDES -> skip(file, "reference_strides", "a table of stride borders (a start and an end per "
                    + "stride), segmented by the dataset's authors, not a recording");
            case CURVES -> skip(file, "gait_cycle_curves", "a table of curves over the gait cycle (its first column "
                    + "runs from 0 to 100 %), a processed result, not a recording");
            case SUBJECTS -> skip(file, "subject_table", "a table describing the subjects or recordings (age, "
                    + "height, mass, …), not a recording");
        });
    }

    /** Why a regular file in a searched folder is not an input. */
    private Skipped whyNot(Path file) {
        String name = file.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        if (name.startsWith(".")) {
            return skip(file, "hidden", "a hidden file");
        }
        if (lower.endsWith(".truth.csv") || lower.endsWith(".truth.json")) {
            return skip(file, "ground_truth", "ground truth written by gaitform simulate, not a recording");
        }
        if (lower.contains(".meta.") || lower.equals("sessions.csv")) {
            return skip(file, "metadata", "session metadata, read with the recordings it names");
        }
        if (lower.startsWith("readme") || lower.startsWith("license") || lower.startsWith("licence")) {
            return skip(file, "document", "a document, not a recording");
        }
        if (InputReaders.isCompanionFile(lower) || OutputNames.isReserved(lower)) {
            return skip(file, "gaitform_output", "a file gaitform writes, not a recording");
        }
        if (lower.contains("static")) {
            return skip(file, "static_trial", "a standing calibration trial, used with the running trial beside it");
        }
        if (lower.endsWith(".zip")) {
            return skip(file, "not_a_recording", "a zip archive without a Sensor Logger export (no Accelerometer.csv)");
        }
        int dot = name.lastIndexOf('.');
        return skip(file, "not_a_recording", dot > 0 ? "a " + name.substring(dot) + " file, not a kind of recording "
                + "gaitform reads" : "a file without an extension, not a kind of recording gaitform reads");
    }

    private Skipped skip(Path p, String reason, String message) {
        return new Skipped(p, name(p), reason, message);
    }

    /** The display name of a path: relative to the display base when it lies inside it. */
    private String name(Path p) {
        if (displayBase != null) {
            Path abs = p.toAbsolutePath().normalize();
            if (abs.startsWith(displayBase) && !abs.equals(displayBase)) {
                return display(displayBase.relativize(abs));
            }
        }
        return display(p);
    }

    private static String target(Path link) {
        try {
            return org.gaitform.model.Printable.safe(Files.readSymbolicLink(link).toString());
        } catch (IOException | UnsupportedOperationException e) {
            return "unknown";
        }
    }

    /** The same file reached by two paths (a link) has one key. */
    private static Path key(Path p) {
        Path r = real(p);
        return r != null ? r : p.toAbsolutePath().normalize();
    }

    private static Path real(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The path as the user would recognise it, made safe to print ({@link org.gaitform.model.Printable#safe}). */
    static String display(Path p) {
        return org.gaitform.model.Printable.safe(p.normalize().toString().replace('\\', '/'));
    }
}
