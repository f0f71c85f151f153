package org.gaitform.batch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * SHA-256 content hashes: of a file (its bytes), or of a folder (the relative path, size and bytes of
 * every regular file in it, in path order, hidden files and folders left out). Two inputs with the same
 * hash have the same content, whatever their time stamps.
 */
public final class ContentHash {
    private static final int BUFFER = 1 << 16;

    private ContentHash() {
    }

    /** The hash of a file or a folder, as 64 hexadecimal digits. */
    public static String of(Path path) throws IOException {
        MessageDigest md = sha256();
        if (Files.isDirectory(path)) {
            md.update("folder\n".getBytes(StandardCharsets.UTF_8));
            List<Path> files;
            try (Stream<Path> s = Files.walk(path)) {
                files = s.filter(p -> !isHidden(path.relativize(p))).filter(Files::isRegularFile)
                        .sorted().toList();
            }
            for (Path f : files) {
                String rel = path.relativize(f).toString().replace('\\', '/');
                md.update((rel + "\n" + Files.size(f) + "\n").getBytes(StandardCharsets.UTF_8));
                feed(md, f);
            }
        } else {
            md.update("file\n".getBytes(StandardCharsets.UTF_8));
            feed(md, path);
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /** The hash of a text, as 64 hexadecimal digits. */
    public static String ofText(String text) {
        return HexFormat.of().formatHex(sha256().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static boolean isHidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private static void feed(MessageDigest md, Path file) throws IOException {
        byte[] buf = new byte[BUFFER];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buf)) > 0) {
                md.update(buf, 0, n);
            }
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
