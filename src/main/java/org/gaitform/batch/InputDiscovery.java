package org.gaitform.batch;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.gaitform.io.InputReaders;

/**
 * Finds the inputs of a batch: files are taken as given (a missing or unreadable one becomes a failed
 * input, not a crash); folders are searched recursively for files gaitform reads, skipping hidden
 * entries, companion files (ground truth, metadata, READMEs) and the output folder.
 */
public final class InputDiscovery {
    private final InputReaders readers;

    public InputDiscovery(InputReaders readers) {
        this.readers = readers;
    }

    /**
     * Discovers inputs.
     *
     * @param given  files and folders named by the user
     * @param outDir the output folder, never searched
     * @return inputs in a stable order (the user's order, then path order inside folders)
     */
    public List<Input> discover(List<Path> given, Path outDir) throws IOException {
        return discover(given, outDir, null);
    }

    /**
     * Discovers inputs, naming them relative to a base folder ({@code gaitform serve} names uploads by their path in
     * the upload, not by where the server keeps them).
     *
     * @param given       files and folders
     * @param outDir      the output folder, never searched
     * @param displayBase folder the display names are relative to, or null for the paths as given
     */
    public List<Input> discover(List<Path> given, Path outDir, Path displayBase) throws IOException {
        Path base = displayBase == null ? null : displayBase.toAbsolutePath().normalize();
        Set<Path> seen = new LinkedHashSet<>();
        List<Input> out = new ArrayList<>();
        Path outAbs = outDir.toAbsolutePath().normalize();
        for (Path g : given) {
            Path abs = g.toAbsolutePath().normalize();
            if (Files.isDirectory(g) && readers.kindOf(g).isEmpty()) {
                List<Path> found = new ArrayList<>();
                Files.walkFileTree(g, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                        Path d = dir.toAbsolutePath().normalize();
                        if (!dir.equals(g) && (dir.getFileName().toString().startsWith(".") || d.equals(outAbs))) {
                            return FileVisitResult.SKIP_SUBTREE;
                        }
                        if (!dir.equals(g) && readers.kindOf(dir).isPresent()) {
                            found.add(dir);
                            return FileVisitResult.SKIP_SUBTREE;
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                        if (attrs.isRegularFile() && readers.kindOf(file).isPresent()) {
                            found.add(file);
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException exc) {
                        found.add(file); // reported as a failed input when read
                        return FileVisitResult.CONTINUE;
                    }
                });
                found.sort(Comparator.comparing(Path::toString));
                for (Path f : found) {
                    if (seen.add(f.toAbsolutePath().normalize())) {
                        out.add(new Input(f, display(f, base)));
                    }
                }
            } else if (seen.add(abs)) {
                out.add(new Input(g, display(g, base)));
            }
        }
        return out;
    }

    /** The path as the user would recognise it; control characters (a newline in a file name) shown as '?'. */
    private static String display(Path p, Path base) {
        Path abs = p.toAbsolutePath().normalize();
        if (base != null && abs.startsWith(base) && !abs.equals(base)) {
            p = base.relativize(abs);
        }
        return p.normalize().toString().replace('\\', '/').replaceAll("\\p{Cntrl}", "?");
    }
}
