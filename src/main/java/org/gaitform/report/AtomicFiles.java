package org.gaitform.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Writes that are never seen half done, and replacements that never touch what gaitform did not write.
 *
 * <p>Files are written next to their target (or in a given temporary folder) under a temporary name and moved into
 * place. Session folders are built in the output folder's own temporary area, {@value #TEMP_AREA} (never in the
 * system's temporary folder), and renamed into place when complete. A folder already at a session's place is
 * replaced or removed only when {@link Ownership} proves gaitform wrote it; anything else raises {@link NotOurs}
 * and is left exactly as it is. A folder that cannot be deleted whole (a read-only folder or file inside it) is not
 * touched at all: the error names the part and the operating system's reason.
 */
public final class AtomicFiles {
    /** Prefix of temporary files written beside their target; left-overs from a killed run are removed on the next one. */
    public static final String TEMP_PREFIX = ".gaitform-tmp-";
    /** The output folder's temporary area: session folders being built, old ones being deleted. */
    public static final String TEMP_AREA = ".gaitform-tmp";
    /** The file that shows the temporary area was made by gaitform. */
    static final String AREA_MARKER = ".gaitform-temporary-area";
    private static final String AREA_TEXT = "gaitform's temporary area: everything here belongs to a run of gaitform "
            + "and is removed by the next run into this folder\n";
    /** Names gaitform gives temporary files and folders beside their targets (a random UUID in each). */
    private static final Pattern LEFTOVER = Pattern.compile(Pattern.quote(TEMP_PREFIX)
            + "(?:.*-)?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?:\\.tmp)?");

    private AtomicFiles() {
    }

    /** Something at a place gaitform would replace or remove that gaitform cannot prove it wrote. */
    public static final class NotOurs extends IOException {
        private static final long serialVersionUID = 1L;

        /** @param message the whole message, naming the path and saying what to do */
        public NotOurs(String message) {
            super(message);
        }
    }

    /** Writes bytes to {@code target} atomically (the temporary file beside it). */
    public static void write(Path target, byte[] bytes) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        write(target, bytes, dir);
    }

    /** Writes bytes to {@code target} atomically, the temporary file in {@code tempDir} (same file system). */
    public static void write(Path target, byte[] bytes, Path tempDir) throws IOException {
        Path tmp = tempDir.resolve(TEMP_PREFIX + UUID.randomUUID() + ".tmp");
        try {
            Files.write(tmp, bytes);
            move(tmp, target);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Writes text (UTF-8) to {@code target} atomically. */
    public static void write(Path target, String text) throws IOException {
        write(target, text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The temporary area of an output folder ({@value #TEMP_AREA}), created when absent. Something of that name
     * that gaitform did not make is never used (nor removed): {@link NotOurs}.
     */
    public static Path tempArea(Path outDir) throws IOException {
        Path area = outDir.resolve(TEMP_AREA);
        if (!Files.exists(area, LinkOption.NOFOLLOW_LINKS)) {
            Files.createDirectories(outDir);
            try {
                Files.createDirectory(area);
            } catch (FileAlreadyExistsException e) {
                // made at the same moment by another session of this run
            }
            Path marker = area.resolve(AREA_MARKER);
            if (!Files.exists(marker, LinkOption.NOFOLLOW_LINKS)) {
                write(marker, AREA_TEXT.getBytes(StandardCharsets.UTF_8), area);
            }
        }
        if (!isOurArea(area)) {
            throw new NotOurs(area + " exists and was not made by gaitform (it has no " + AREA_MARKER
                    + "); choose another --out or move it");
        }
        return area;
    }

    private static boolean isOurArea(Path area) {
        try {
            Path marker = area.resolve(AREA_MARKER);
            return Files.isDirectory(area, LinkOption.NOFOLLOW_LINKS)
                    && Files.isRegularFile(marker, LinkOption.NOFOLLOW_LINKS) && Files.size(marker) < 4096
                    && Files.readString(marker, StandardCharsets.UTF_8).equals(AREA_TEXT);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** A fresh temporary folder in the temporary area of {@code outDir} for building a session's outputs. */
    public static Path tempDir(Path outDir, String id) throws IOException {
        return Files.createDirectory(tempArea(outDir).resolve("session-" + id + "-" + UUID.randomUUID()));
    }

    /**
     * Puts a finished folder at {@code target}. What is already there is replaced only when gaitform wrote it
     * ({@link Ownership}) and it can be deleted whole: it is first moved into the temporary area, the new folder is
     * renamed to the target, then the old one is deleted (if that fails part-way, what is left is in the temporary
     * area, which the next run empties).
     *
     * @throws NotOurs when something gaitform did not write is at the target; it is left as it is
     * @throws IOException when the old folder cannot be moved or deleted (the message gives the reason); the target
     *                     is then left as it was
     */
    public static void replaceDir(Path finished, Path target) throws IOException {
        Ownership.Check check = Ownership.check(target);
        if (check.foreign()) {
            throw new NotOurs(Ownership.notOursMessage(target, check));
        }
        Path old = null;
        if (check.ours()) {
            requireDeletable(target);
            old = tempArea(target.toAbsolutePath().getParent()).resolve("old-" + UUID.randomUUID());
            moveDir(target, old);
        }
        try {
            moveDir(finished, target);
        } catch (IOException e) {
            if (old != null) {
                moveDir(old, target); // put the old session back: the target is never left empty by a failure
            }
            throw e;
        }
        if (old != null) {
            try {
                deleteTree(old);
            } catch (IOException e) {
                // it is in the temporary area: the next run removes it, or says why it cannot
            }
        }
    }

    /**
     * Removes a session folder that gaitform wrote so that it is never seen half deleted: it is first moved into the
     * temporary area, then deleted. No error when absent.
     *
     * @throws NotOurs when what is there was not written by gaitform; it is left as it is
     * @throws IOException when it cannot be deleted whole (the message gives the reason); it is left as it is
     */
    public static void removeDir(Path dir) throws IOException {
        Ownership.Check check = Ownership.check(dir);
        if (check.verdict() == Ownership.Verdict.ABSENT) {
            return;
        }
        if (check.foreign()) {
            throw new NotOurs(Ownership.notOursMessage(dir, check));
        }
        requireDeletable(dir);
        Path aside = tempArea(dir.toAbsolutePath().getParent()).resolve("gone-" + UUID.randomUUID());
        moveDir(dir, aside);
        try {
            deleteTree(aside);
        } catch (IOException e) {
            // in the temporary area: the next run removes it
        }
    }

    /**
     * Fails, before anything is moved, when a folder cannot be deleted whole: a folder in it that the user may not
     * write, or a write-protected file (as {@code rm} asks before removing one, gaitform keeps it).
     */
    static void requireDeletable(Path dir) throws IOException {
        List<Path> blocked = new ArrayList<>();
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                if (!Files.isWritable(d)) {
                    blocked.add(d);
                    return FileVisitResult.TERMINATE;
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
                if (!attrs.isSymbolicLink() && !Files.isWritable(f)) {
                    blocked.add(f);
                    return FileVisitResult.TERMINATE;
                }
                return FileVisitResult.CONTINUE;
            }
        });
        if (!blocked.isEmpty()) {
            Path b = blocked.get(0);
            throw new AccessDeniedException(b.toString(), null, "permission denied: " + (b.equals(dir) ? "the folder"
                    : dir.relativize(b).toString().replace('\\', '/')) + " is read-only, so the old session cannot be "
                    + "deleted whole; it was left as it was");
        }
    }

    /** Deletes a folder and everything in it (no error when absent); links are removed, never followed. */
    public static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                if (exc != null) {
                    throw exc;
                }
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /**
     * What cleaning an output folder's left-overs did.
     *
     * @param removed    temporary files and folders removed
     * @param notRemoved one line per left-over that could not be removed, with the reason
     */
    public record Leftovers(int removed, List<String> notRemoved) {
        public Leftovers {
            notRemoved = List.copyOf(Objects.requireNonNull(notRemoved, "notRemoved"));
        }
    }

    /**
     * Removes what interrupted runs left in {@code dir}: everything in its temporary area, and the temporary files
     * gaitform writes beside their targets (names {@value #TEMP_PREFIX}…, with the random identifier gaitform gives
     * them). Call it only while holding the output folder's lock, so that no live run owns them. A left-over that
     * cannot be removed is reported, never fatal.
     */
    public static Leftovers cleanLeftovers(Path dir) {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return new Leftovers(0, List.of());
        }
        int n = 0;
        List<String> failed = new ArrayList<>();
        List<Path> candidates = new ArrayList<>();
        try (var s = Files.list(dir)) {
            s.filter(p -> LEFTOVER.matcher(p.getFileName().toString()).matches()).forEach(candidates::add);
        } catch (IOException e) {
            failed.add(dir + ": " + reason(e));
        }
        Path area = dir.resolve(TEMP_AREA);
        if (isOurArea(area)) {
            try (var s = Files.list(area)) {
                s.filter(p -> !p.getFileName().toString().equals(AREA_MARKER)).forEach(candidates::add);
            } catch (IOException e) {
                failed.add(area + ": " + reason(e));
            }
        }
        for (Path p : candidates) {
            try {
                deleteTree(p);
                n++;
            } catch (IOException e) {
                failed.add(p + " (left by an earlier run) could not be removed: " + reason(e));
            }
        }
        return new Leftovers(n, failed);
    }

    /** Removes the temporary area of {@code outDir} when nothing is left in it (at the end of a run). */
    public static void removeEmptyArea(Path outDir) {
        Path area = outDir.resolve(TEMP_AREA);
        if (!isOurArea(area)) {
            return;
        }
        try (var s = Files.list(area)) {
            if (s.anyMatch(p -> !p.getFileName().toString().equals(AREA_MARKER))) {
                return;
            }
        } catch (IOException e) {
            return;
        }
        try {
            Files.deleteIfExists(area.resolve(AREA_MARKER));
            Files.deleteIfExists(area);
        } catch (IOException e) {
            // kept; the next run uses it again
        }
    }

    /**
     * The operating system's reason for a failed file operation, in words: "permission denied", "read-only file
     * system", "no such file or folder", …
     */
    public static String reason(IOException e) {
        if (e instanceof NotOurs) {
            return e.getMessage();
        }
        if (e instanceof AccessDeniedException a) {
            return a.getReason() != null ? a.getReason() : "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or folder";
        }
        if (e instanceof NotDirectoryException) {
            return "not a folder";
        }
        if (e instanceof DirectoryNotEmptyException) {
            return "a folder that is not empty is in the way";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "something of that name already exists";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            String r = f.getReason();
            return r.isEmpty() ? "file system error" : Character.toLowerCase(r.charAt(0)) + r.substring(1);
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static void moveDir(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
