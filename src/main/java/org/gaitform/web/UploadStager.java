package org.gaitform.web;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import org.gaitform.io.imu.SensorLoggerReader;

/**
 * Puts the files of one upload into a folder, under the upload's limits: every name rebuilt by {@link SafeNames},
 * files of kinds gaitform does not read left out (and listed), every byte counted as it is written (never trusting
 * a declared size), zips unpacked as a stream with a budget of inflated bytes, an entry count and a per-entry
 * inflation ratio (no zip bomb, no zip slip; a zip whose central directory does not match its entries is refused).
 * A Sensor Logger zip is kept whole, so that the command line's reader reads it with its own checks and messages.
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

    private void addZip(Path zip, List<String> parts, String shown, int depth) throws IOException {
        boolean sensorLogger = depth == 1 && SensorLoggerReader.isExportZip(zip);
        // a Sensor Logger zip goes whole to the command line's reader, which checks the inflation ratio itself (and
        // says so in its own words); the budget of inflated bytes and the directory check apply to every zip
        List<String> entries = scan(zip, shown, !sensorLogger);
        if (sensorLogger) {
            Path target = place(parts);
            Files.copy(zip, target);
            kept.add(root.relativize(target).toString().replace('\\', '/'));
            return;
        }
        String folder = parts.get(parts.size() - 1).replaceAll("(?i)\\.zip$", "");
        List<String> base = new ArrayList<>(parts.subList(0, parts.size() - 1));
        base.add(folder.isEmpty() ? "zip" : folder);
        try (InputStream raw = Files.newInputStream(zip); ZipInputStream z = new ZipInputStream(raw)) {
            ZipEntry e;
            int i = 0;
            while ((e = z.getNextEntry()) != null) {
                if (e.isDirectory()) {
                    continue;
                }
                String entryShown = shown + "!" + SafeNames.component(e.getName().replaceAll(".*/", ""));
                Optional<List<String>> sub = SafeNames.components(entries.get(i++));
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
                        writeExtracted(z, tmp, entryShown);
                        addZip(tmp, path, entryShown, depth + 1);
                    } finally {
                        Files.deleteIfExists(tmp);
                    }
                } else if (keptKind(lower)) {
                    Path target = place(path);
                    writeExtracted(z, target, entryShown);
                    kept.add(root.relativize(target).toString().replace('\\', '/'));
                } else {
                    leftOut.add(entryShown + ": not a kind of file gaitform reads");
                }
            }
        } catch (ZipException ex) {
            throw new WebException(400, shown + ": not a readable zip archive (" + ex.getMessage() + ")");
        }
    }

    /**
     * Reads the whole zip as a stream, counting the bytes really inflated against the budget and the ratio, and
     * checks that the central directory names the same entries in the same order: an entry the stream does not
     * see (overlapping or hidden entries) is refused. Returns the entry names of the files, in stream order.
     */
    private List<String> scan(Path zip, String shown, boolean checkRatio) throws IOException {
        List<String> streamed = new ArrayList<>();
        long budget = limits.maxExtractedBytes() - extracted;
        long total = 0;
        try (CountingStream counted = new CountingStream(Files.newInputStream(zip));
             ZipInputStream z = new ZipInputStream(counted)) {
            ZipEntry e;
            byte[] buf = new byte[64 * 1024];
            while ((e = z.getNextEntry()) != null) {
                if (streamed.size() >= limits.maxFiles()) {
                    throw new WebException(413, shown + ": more than " + limits.maxFiles() + " entries");
                }
                long before = counted.count;
                long entry = 0;
                int n;
                while ((n = z.read(buf)) > 0) {
                    entry += n;
                    total += n;
                    if (total > budget) {
                        throw new WebException(413, shown + ": unpacks to more than " + (limits.maxExtractedBytes() >> 20)
                                + " MiB (a zip bomb?); upload the files it holds instead");
                    }
                    long compressed = Math.max(counted.count - before, 1);
                    if (checkRatio && entry > 1_000_000 && entry > (long) limits.maxZipRatio() * compressed) {
                        throw new WebException(413, shown + ": entry " + SafeNames.component(e.getName()) + " inflates "
                                + "more than " + limits.maxZipRatio() + " times its compressed size (a zip bomb?)");
                    }
                }
                if (!e.isDirectory()) {
                    streamed.add(e.getName());
                }
            }
        } catch (ZipException | java.io.EOFException ex) {
            throw new WebException(400, shown + ": not a readable zip archive (" + ex.getMessage() + ")");
        }
        List<String> central = new ArrayList<>();
        try (ZipFile zf = new ZipFile(zip.toFile())) {
            Enumeration<? extends ZipEntry> en = zf.entries();
            while (en.hasMoreElements()) {
                ZipEntry e = en.nextElement();
                if (!e.isDirectory()) {
                    central.add(e.getName());
                }
                if (central.size() > limits.maxFiles()) {
                    throw new WebException(413, shown + ": more than " + limits.maxFiles() + " entries");
                }
            }
        } catch (ZipException ex) {
            throw new WebException(400, shown + ": not a readable zip archive (" + ex.getMessage() + ")");
        }
        if (!central.equals(streamed)) {
            throw new WebException(400, shown + ": the zip's directory does not match its entries (overlapping or "
                    + "hidden entries); refused");
        }
        return streamed;
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

    /** Counts the bytes read from the underlying stream (the compressed bytes of a zip). */
    private static final class CountingStream extends FilterInputStream {
        long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long s = super.skip(n);
            count += Math.max(0, s);
            return s;
        }
    }
}
