package org.gaitform.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * What gaitform may replace or delete: only what it can prove it wrote. Every session folder gaitform writes holds
 * a marker file, {@value #MARKER}, listing each file of the folder with its size and SHA-256. A folder is
 * {@linkplain Verdict#OURS ours} when it is a real folder (not a link) with a valid marker and nothing in it but the
 * files the marker lists, unchanged (files that were deleted since do not matter). Anything else at a session's
 * place — a folder without marker, one with a file added or changed, a link, a plain file — is
 * {@linkplain Verdict#FOREIGN foreign}, and gaitform leaves it exactly as it is.
 */
public final class Ownership {
    /** The marker file in every session folder gaitform writes. */
    public static final String MARKER = ".gaitform-session";
    private static final String HEADER = "gaitform session folder v1";

    private Ownership() {
    }

    /** Whether a path may be replaced. */
    public enum Verdict {
        /** Nothing there. */
        ABSENT,
        /** A folder gaitform wrote, unchanged since. */
        OURS,
        /** Something gaitform cannot prove it wrote. */
        FOREIGN
    }

    /**
     * The verdict on a path and, for a foreign one, why.
     *
     * @param verdict absent, ours or foreign
     * @param reason  for a foreign path, what makes it foreign ("it has no gaitform marker", "it holds notes.txt");
     *                empty otherwise
     */
    public record Check(Verdict verdict, String reason) {
        public Check {
            Objects.requireNonNull(verdict, "verdict");
            Objects.requireNonNull(reason, "reason");
        }

        /** True when gaitform wrote it (and it may be replaced). */
        public boolean ours() {
            return verdict == Verdict.OURS;
        }

        /** True when something gaitform did not write is there. */
        public boolean foreign() {
            return verdict == Verdict.FOREIGN;
        }

        static Check foreign(String why) {
            return new Check(Verdict.FOREIGN, why);
        }
    }

    /**
     * The message for a session place held by something gaitform did not write: "OUT/P02 exists and was not
     * written by gaitform (it holds notes.txt); choose another --out or move it".
     */
    public static String notOursMessage(Path place, Check check) {
        return place + " exists and was not written by gaitform" + (check.reason().isEmpty() ? ""
                : " (" + check.reason() + ")") + "; choose another --out or move it";
    }

    /** Writes the marker of a finished session folder: every file in it with its size and SHA-256. */
    public static void mark(Path folder, String sessionId) throws IOException {
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        sb.append("session_id\t").append(sessionId.replaceAll("[\\t\\n\\r]", "_")).append('\n');
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.walk(folder)) {
            s.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).sorted().forEach(files::add);
        }
        for (Path f : files) {
            String rel = relative(folder, f);
            if (rel.equals(MARKER)) {
                continue;
            }
            sb.append(Files.size(f)).append('\t').append(sha256(f)).append('\t').append(rel).append('\n');
        }
        AtomicFiles.write(folder.resolve(MARKER), sb.toString());
    }

    /** The verdict on what is at {@code place} (a session folder's place in the output folder). */
    public static Check check(Path place) {
        if (!Files.exists(place, LinkOption.NOFOLLOW_LINKS)) {
            return new Check(Verdict.ABSENT, "");
        }
        if (Files.isSymbolicLink(place)) {
            return Check.foreign("it is a link");
        }
        if (!Files.isDirectory(place, LinkOption.NOFOLLOW_LINKS)) {
            return Check.foreign("it is a file, not a session folder");
        }
        Path marker = place.resolve(MARKER);
        if (!Files.isRegularFile(marker, LinkOption.NOFOLLOW_LINKS)) {
            return Check.foreign("it has no gaitform marker, " + MARKER);
        }
        Map<String, String[]> listed;
        try {
            listed = read(marker);
        } catch (IOException | RuntimeException e) {
            return Check.foreign("its marker " + MARKER + " cannot be read");
        }
        if (listed == null) {
            return Check.foreign("its marker " + MARKER + " is not gaitform's");
        }
        List<String> problems = new ArrayList<>();
        try {
            Files.walkFileTree(place, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    if (!dir.equals(place)) {
                        String rel = relative(place, dir) + "/";
                        if (listed.keySet().stream().noneMatch(k -> k.startsWith(rel))) {
                            problems.add("it holds the folder " + rel + " that gaitform did not write");
                            return FileVisitResult.TERMINATE;
                        }
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    String rel = relative(place, file);
                    if (rel.equals(MARKER)) {
                        return FileVisitResult.CONTINUE;
                    }
                    String[] want = listed.get(rel);
                    if (attrs.isSymbolicLink() || !attrs.isRegularFile()) {
                        problems.add("it holds " + rel + ", a link or special file gaitform did not write");
                    } else if (want == null) {
                        problems.add("it holds " + rel + ", which gaitform did not write");
                    } else if (Long.parseLong(want[0]) != attrs.size() || !want[1].equals(sha256(file))) {
                        problems.add(rel + " was changed after gaitform wrote it");
                    }
                    return problems.isEmpty() ? FileVisitResult.CONTINUE : FileVisitResult.TERMINATE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException exc) {
                    problems.add(relative(place, file) + " cannot be read (" + AtomicFiles.reason(exc) + ")");
                    return FileVisitResult.TERMINATE;
                }
            });
        } catch (IOException e) {
            return Check.foreign("it cannot be read (" + AtomicFiles.reason(e) + ")");
        }
        return problems.isEmpty() ? new Check(Verdict.OURS, "") : Check.foreign(problems.get(0));
    }

    /** The files a marker lists (relative path → size, SHA-256), or {@code null} when it is not gaitform's. */
    private static Map<String, String[]> read(Path marker) throws IOException {
        if (Files.size(marker) > (4L << 20)) {
            return null;
        }
        List<String> lines = Files.readAllLines(marker, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
            return null;
        }
        Map<String, String[]> out = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.startsWith("session_id\t") || line.isEmpty()) {
                continue;
            }
            String[] f = line.split("\t", 3);
            if (f.length != 3 || !f[0].matches("\\d{1,18}") || !f[1].matches("[0-9a-f]{64}")) {
                return null;
            }
            out.put(f[2], new String[] {f[0], f[1]});
        }
        return out;
    }

    private static String relative(Path base, Path p) {
        return base.relativize(p).toString().replace('\\', '/');
    }

    /** The SHA-256 of a file's bytes (a link is not followed), as 64 hexadecimal digits. */
    public static String sha256(Path file) throws IOException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
        byte[] buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            int n;
            while ((n = in.read(buf)) > 0) {
                md.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }
}
