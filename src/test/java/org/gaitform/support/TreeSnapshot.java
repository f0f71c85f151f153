package org.gaitform.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * A full content snapshot of files and folders: for every path (links not followed) its kind, its permissions, and
 * the SHA-256 of a file's bytes or a link's target. Two equal snapshots mean nothing was deleted, added, changed,
 * retargeted or chmod-ed.
 */
public final class TreeSnapshot {
    private TreeSnapshot() {
    }

    /** The snapshot of each path in {@code roots} (files, folders or links; absent ones are recorded as such). */
    public static Map<String, String> of(Path base, Iterable<Path> roots) throws IOException {
        Map<String, String> out = new TreeMap<>();
        for (Path root : roots) {
            if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
                out.put(base.relativize(root).toString(), "absent");
                continue;
            }
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                    out.put(base.relativize(dir) + "/", "dir " + perms(dir));
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    String key = base.relativize(file).toString();
                    if (attrs.isSymbolicLink()) {
                        out.put(key, "link -> " + Files.readSymbolicLink(file));
                    } else {
                        out.put(key, "file " + perms(file) + " " + attrs.size() + " " + sha256(file));
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        }
        return out;
    }

    private static String perms(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
    }

    private static String sha256(Path f) throws IOException {
        try (InputStream in = Files.newInputStream(f)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
