package org.gaitform.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.gaitform.io.archive.ZipArchive;
import org.gaitform.io.imu.SensorLoggerReader;
import org.gaitform.io.watch.AccountExport;
import org.gaitform.model.GaitformException;

/**
 * Puts the files of one upload into a folder, under the upload's limits: every name rebuilt by {@link SafeNames},
 * files of kinds gaitform does not read left out (and listed), every byte counted as it is written (never trusting
 * a declared size), zips read with the command line's bounded zip reading ({@link ZipArchive}) under a budget of
 * unpacked bytes and a file count for the whole upload (no zip bomb, no zip slip). A Sensor Logger zip and a
 * runner's account export (Strava, Garmin Connect) are kept whole, so that the command line's readers read them with
 * their own checks, limits and messages.
 */
final class UploadStager {
    /** Extensions of files gaitform reads or that accompany recordings (sidecars, OpenPose JSON). */
    private static final Set<String> KEPT = Set.of(".csv", ".tsv", ".txt", ".fit", ".tcx", ".gpx", ".fit.gz", ".tcx.gz",
            ".gpx.gz", ".trc", ".c3d", ".json");
    /** Nesting of zips inside zips unpacked (a watch account export holds zips of FIT files). */
    static final int MAX_ZIP_DEPTH = 2;

    private final WebSettings limits;
    private final Path root;
    private final List<String> kept = new ArrayList<>();
    private final List<String> leftOut = new ArrayList<>();
    private final Set<String> taken = new HashSet<>();
    private long bytes;
    private long extracted;
    private int files;

    /**
     * @param limits the upload limits
     * @param root   an empty folder that receives the files
     */
    UploadStager(WebSettings limits, Path root) {
        this.limits = limits;
        this.root = root;
    }

    /** Files kept, as safe relative paths. */
    List<String> kept() {
        return List.copyOf(kept);
    }

    /** Files left out, each with the reason. */
    List<String> leftOut() {
        return List.copyOf(leftOut);
    }

    /** Bytes written. */
    long bytes() {
        return bytes;
    }

    /**
     * Adds one uploaded file.
     *
     * @param clientPath the name (or folder-relative path) the browser sent
     * @param in         its content; read to its end at most up to the limits
     */
    void add(String clientPath, InputStream in) throws IOException {
        Optional<List<String>> parts = SafeNames.components(clientPath);
        String shown = SafeNames.component(clientPath == null ? "file" : clientPath.replace('\\', '/')
                .replaceAll(".*/", ""));
        if (parts.isEmpty()) {
            leftOut.add(shown + ": hidden file, not kept");
            return;
        }
        countFile(shown);
        String lower = SafeNames.lowerName(parts.get());
        if (lower.endsWith(".zip")) {
            Path tmp = root.resolve(".upload-" + Ids.next() + ".zip");
            try {
                write(in, tmp, limits.maxFileBytes(), shown, true);
                addZip(tmp, parts.get(), shown, 1);
            } finally {
                Files.deleteIfExists(tmp);
            }
            return;
        }
        if (!keptKind(lower)) {
            leftOut.add(shown + ": not a kind of file gaitform reads");
            return;
        }
        Path target = place(parts.get());
        write(in, target, limits.maxFileBytes(), shown, true);
        kept.add(root.relativize(target).toString().replace('\\', '/'));
    }

    /** Throws 415 when nothing usable was uploaded. */
    void requireSomething() {
        if (kept.isEmpty()) {
            throw new WebException(415, files == 0 ? "the upload holds no file"
                    : "none of the uploaded files is a kind gaitform reads (IMU, keypoint or marker CSV/TSV/TXT, TRC, "
                    + "C3D, OpenPose JSON, FIT, TCX, GPX, or a zip or folder of them)"
                    + (leftOut.isEmpty() ? "" : ": " + String.join("; ", leftOut.subList(0, Math.min(5, leftOut.size())))));
        }
    }

    static boolean keptKind(String lowerName) {
        for (String e : KEPT) {
            if (lowerName.endsWith(e)) {
                return true;
            }
        }
        return false;
    }

    private void countFile(String shown) {
        if (++files > limits.maxFiles()) {
            throw new WebException(413, "too many files: at most " + limits.maxFiles() + " per upload, zip entries "
                    + "included (" + shown + " is one more)");
        }
    }

    /**
     * Unpacks a zip with the command line's bounded zip reading ({@link ZipArchive}: the directory read and checked
     * before anything is inflated, no overlapping or out-of-place entries, stated sizes and ratio checked, every
     * inflated byte counted, CRC checked), under this upload's limits: files counted, the stated sizes within the
     * upload's budget of unpacked bytes before any is inflated, the bytes really written counted again.
     */
    private void addZip(Path zip, List<String> parts, String shown, int depth) throws IOException {
        if (depth == 1 && AccountExport.detect(zip).isPresent()) {
            // a runner's account export (Strava, Garmin Connect) goes whole to the command line's reader: it reads the
            // activity list (types, names, shoes) and applies its own bounds for account exports
            Path target = place(parts);
            Files.copy(zip, target);
            kept.add(root.relativize(target).toString().replace('\\', '/'));
            return;
        }
        try (ZipArchive archive = ZipArchive.open(zip, shown, new ZipArchive.Limits(limits.maxFiles(),
                limits.maxFileBytes(), limits.maxExtractedBytes()))) {
            List<ZipArchive.Entry> entries = archive.entries().stream().filter(e -> !e.isDirectory()).toList();
            archive.requireWithinBounds(entries, limits.maxFileBytes(), "entries");
            long stated = entries.stream().mapToLong(ZipArchive.Entry::size).sum();
            if (extracted + stated > limits.maxExtractedBytes()) {
                throw new WebException(413, shown + ": unpacks to more than " + (limits.maxExtractedBytes() >> 20)
                        + " MiB with the rest of the upload (a zip bomb?); upload the files it holds instead");
            }
            if (depth == 1 && SensorLoggerReader.isExportZip(zip)) {
                // a Sensor Logger export goes whole to the command line's reader, which reads it with its own checks
                Path target = place(parts);
                Files.copy(zip, target);
                kept.add(root.relativize(target).toString().replace('\\', '/'));
                return;
            }
            String folder = parts.get(parts.size() - 1).replaceAll("(?i)\\.zip$", "");
            List<String> base = new ArrayList<>(parts.subList(0, parts.size() - 1));
            base.add(folder.isEmpty() ? "zip" : folder);
            for (ZipArchive.Entry e : entries) {
                String entryShown = shown + "!" + SafeNames.component(e.baseName());
                Optional<List<String>> sub = SafeNames.components(e.name());
                if (sub.isEmpty()) {
                    continue;
                }
                countFile(entryShown);
                List<String> path = new ArrayList<>(base);
                path.addAll(sub.get());
                if (path.size() > SafeNames.MAX_DEPTH + 1) {
                    path = new ArrayList<>(path.subList(path.size() - SafeNames.MAX_DEPTH - 1, path.size()));
                }
                String lower = SafeNames.lowerName(path);
                if (lower.endsWith(".zip")) {
                    if (depth >= MAX_ZIP_DEPTH) {
                        leftOut.add(entryShown + ": a zip inside a zip inside a zip, not unpacked");
                        continue;
                    }
                    Path tmp = root.resolve(".upload-" + Ids.next() + ".zip");
                    try {
                        try (InputStream in = archive.open(e)) {
                            writeExtracted(in, tmp, entryShown);
                        }
                        addZip(tmp, path, entryShown, depth + 1);
                    } finally {
                        Files.deleteIfExists(tmp);
                    }
                } else if (keptKind(lower)) {
                    Path target = place(path);
                    try (InputStream in = archive.open(e)) {
                        writeExtracted(in, target, entryShown);
                    }
                    kept.add(root.relativize(target).toString().replace('\\', '/'));
                } else {
                    leftOut.add(entryShown + ": not a kind of file gaitform reads");
                }
            }
        } catch (GaitformException ex) {
            String m = ex.getMessage();
            boolean tooBig = m.contains("zip bomb") || m.contains("MiB") || m.contains(" entries");
            throw new WebException(tooBig ? 413 : 400, m);
        }
    }

    private void writeExtracted(InputStream in, Path target, String shown) throws IOException {
        long n = write(in, target, limits.maxFileBytes(), shown, false);
        extracted += n;
        if (extracted > limits.maxExtractedBytes()) {
            throw new WebException(413, shown + ": the upload unpacks to more than " + (limits.maxExtractedBytes() >> 20)
                    + " MiB");
        }
    }

    /** Copies at most {@code max} bytes; one more is a 413. */
    private long write(InputStream in, Path target, long max, String shown, boolean countsToUpload) throws IOException {
        long n = 0;
        byte[] buf = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            int r;
            while ((r = in.read(buf)) > 0) {
                n += r;
                if (n > max) {
                    throw new WebException(413, shown + ": larger than " + megabytes(max) + " (the limit per file)");
                }
                if (countsToUpload && bytes + n > limits.maxUploadBytes()) {
                    throw new WebException(413, "the upload is larger than " + megabytes(limits.maxUploadBytes())
                            + " (--max-upload-mb)");
                }
                out.write(buf, 0, r);
            }
        }
        if (countsToUpload) {
            bytes += n;
        }
        return n;
    }

    static String megabytes(long b) {
        return (b >> 20) + " MB";
    }

    /** A fresh path for the components under the root, made unique with -2, -3, … */
    private Path place(List<String> parts) throws IOException {
        Path dir = root;
        for (int i = 0; i < parts.size() - 1; i++) {
            dir = dir.resolve(parts.get(i));
        }
        String name = parts.get(parts.size() - 1);
        Path target = dir.resolve(name);
        int k = 2;
        while (!taken.add(target.toString().toLowerCase(Locale.ROOT)) || Files.exists(target)) {
            int dot = name.indexOf('.');
            target = dir.resolve(dot > 0 ? name.substring(0, dot) + "-" + k + name.substring(dot) : name + "-" + k);
            k++;
        }
        Path norm = target.toAbsolutePath().normalize();
        if (!norm.startsWith(root.toAbsolutePath().normalize()) || norm.equals(root.toAbsolutePath().normalize())) {
            throw new WebException(400, "refused a file name that leaves the upload folder");
        }
        Files.createDirectories(dir);
        return target;
    }
}
