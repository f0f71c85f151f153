package org.gaitform.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.UUID;

/**
 * Writes that are never seen half done: files are written next to their target under a temporary name
 * and moved into place; session folders are built under a temporary name and renamed.
 */
public final class AtomicFiles {
    /** Prefix of temporary files and folders; left-overs from a killed run are removed on the next one. */
    public static final String TEMP_PREFIX = ".gaitform-tmp-";

    private AtomicFiles() {
    }

    /** Writes bytes to {@code target} atomically. */
    public static void write(Path target, byte[] bytes) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = dir.resolve(TEMP_PREFIX + UUID.randomUUID() + ".tmp");
        try {
            Files.write(tmp, bytes);
            move(tmp, target);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Writes a file at the path it is given. */
    @FunctionalInterface
    public interface FileWriting {
        void writeTo(Path file) throws IOException;
    }

    /**
     * Writes {@code target} atomically with {@code writing}, which is given a temporary path beside the target to
     * write the whole file at (for files written as a stream).
     */
    public static void writeWith(Path target, FileWriting writing) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = dir.resolve(TEMP_PREFIX + UUID.randomUUID() + ".tmp");
        try {
            writing.writeTo(tmp);
            move(tmp, target);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Writes text (UTF-8) to {@code target} atomically. */
    public static void write(Path target, String text) throws IOException {
        write(target, text.getBytes(StandardCharsets.UTF_8));
    }

    /** A fresh temporary folder inside {@code parent} for building a session's outputs. */
    public static Path tempDir(Path parent, String id) throws IOException {
        Files.createDirectories(parent);
        return Files.createDirectory(parent.resolve(TEMP_PREFIX + id + "-" + UUID.randomUUID()));
    }

    /**
     * Puts a finished folder in place of {@code target}: an existing target is first renamed aside, then
     * the new folder is renamed to the target, then the old one is deleted.
     */
    public static void replaceDir(Path finished, Path target) throws IOException {
        Path parent = target.toAbsolutePath().getParent();
        Path old = null;
        if (Files.exists(target)) {
            old = parent.resolve(TEMP_PREFIX + "old-" + UUID.randomUUID());
            move(target, old);
        }
        move(finished, target);
        if (old != null) {
            deleteTree(old);
        }
    }

    /**
     * Removes a folder so that it is never seen half deleted: it is first renamed to a temporary name
     * (which the next run cleans up if this one is killed), then deleted. No error when absent.
     */
    public static void removeDir(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        Path aside = dir.toAbsolutePath().getParent().resolve(TEMP_PREFIX + "gone-" + UUID.randomUUID());
        move(dir, aside);
        deleteTree(aside);
    }

    /** Deletes a folder and everything in it (no error when absent). */
    public static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
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
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** Removes temporary files and folders left in {@code dir} by an interrupted run. */
    public static int cleanLeftovers(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        int n = 0;
        try (var s = Files.list(dir)) {
            for (Path p : s.toList()) {
                if (p.getFileName().toString().startsWith(TEMP_PREFIX)) {
                    deleteTree(p);
                    n++;
                }
            }
        }
        return n;
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
