package org.gaitform.spark;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.gaitform.batch.Input;
import org.gaitform.batch.InputDiscovery;
import org.gaitform.batch.SessionIds;
import org.gaitform.io.InputReaders;
import org.gaitform.io.meta.MetadataReader;

/**
 * Finds the job's recordings, on the driver, in input order, with their session ids.
 *
 * <ul>
 *   <li>On the local file system the command line's own discovery is used ({@link InputDiscovery}): the same
 *       recordings, order, names and session ids as {@code gaitform analyze}; globs ({@code data/*.csv}) are
 *       expanded first.</li>
 *   <li>On any other file system (HDFS, S3, …) folders are listed recursively through Hadoop's {@link FileSystem}
 *       and recordings recognised by name: {@code .csv .tsv .txt .fit .tcx .gpx} (also {@code .gz}), {@code .trc},
 *       {@code .c3d}, Sensor Logger {@code .zip}; a folder holding {@code *_keypoints.json} (OpenPose) or
 *       {@code Accelerometer.csv} (Sensor Logger) is one recording; hidden entries, companion files (ground truth,
 *       metadata sidecars, {@code sessions.csv}, READMEs, gaitform's own tables) and standing trials of marker
 *       files are not recordings. A file that turns out not to be readable is a failed row.</li>
 *   <li>A manifest ({@code --manifest}) lists the recordings itself: a CSV with a {@code path} column (also
 *       {@code file}, {@code input} or {@code recording}; else the first column) — relative paths are taken from the
 *       manifest's folder — and any other columns, which become the session's metadata (known keys such as
 *       {@code subject_id}, {@code height_cm}, {@code speed_mps} are used by the analysis as a sidecar would be; every
 *       column is in the {@code sessions} table).</li>
 * </ul>
 */
final class SparkInputs {
    private static final List<String> PATH_COLUMNS = List.of("path", "file", "input", "recording");

    private final Configuration conf;
    private final boolean listWithHadoop;
    private final Map<String, Boolean> indexExists = new HashMap<>();

    /**
     * @param conf           Hadoop's configuration
     * @param listWithHadoop list local folders through Hadoop too (as for a remote file system)
     */
    SparkInputs(Configuration conf, boolean listWithHadoop) {
        this.conf = conf;
        this.listWithHadoop = listWithHadoop;
    }

    /** A found recording before its session id is assigned. */
    private record Found(String uri, String display, java.nio.file.Path forId, boolean folder,
                         List<InputRef.Companion> companions, Map<String, String> metadata) {
    }

    /** The recordings under the given paths, globs or files, leaving out {@code outUri}. */
    List<InputRef> discover(List<String> given, String outUri) throws IOException {
        List<Found> found = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (String g : given) {
            Path p = new Path(g);
            FileSystem fs = p.getFileSystem(conf);
            boolean local = "file".equals(fs.getUri().getScheme());
            if (local && !listWithHadoop) {
                for (java.nio.file.Path lp : expandLocal(fs, g)) {
                    java.nio.file.Path out = localPath(outUri);
                    for (Input in : new InputDiscovery(new InputReaders()).discover(List.of(lp),
                            out == null ? lp.resolve(".gaitform-no-output") : out)) {
                        String uri = in.path().toAbsolutePath().normalize().toUri().toString();
                        if (seen.add(uri)) {
                            found.add(new Found(uri, in.display(), in.path(), Files.isDirectory(in.path()), List.of(),
                                    Map.of()));
                        }
                    }
                }
            } else {
                for (Found f : listRemote(fs, p, g, outUri)) {
                    if (seen.add(f.uri())) {
                        found.add(f);
                    }
                }
            }
        }
        return withIds(found);
    }

    /** The recordings a manifest lists, in its row order. */
    List<InputRef> manifest(String manifest) throws IOException {
        Path m = new Path(manifest);
        FileSystem fs = m.getFileSystem(conf);
        Path base = fs.makeQualified(m).getParent();
        List<Found> found = new ArrayList<>();
        try (Reader r = new InputStreamReader(fs.open(m), StandardCharsets.UTF_8);
             CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                     .setIgnoreEmptyLines(true).get().parse(r)) {
            List<String> header = p.getHeaderNames();
            if (header.isEmpty()) {
                throw new IllegalArgumentException(manifest + ": expected a header row with a 'path' column, found none");
            }
            String pathColumn = header.stream().filter(h -> PATH_COLUMNS.contains(h.toLowerCase(Locale.ROOT)))
                    .findFirst().orElse(header.get(0));
            for (CSVRecord rec : p) {
                String rel = rec.isMapped(pathColumn) ? rec.get(pathColumn) : "";
                if (rel.isBlank()) {
                    throw new IllegalArgumentException(manifest + ": line " + rec.getRecordNumber() + ", column '"
                            + pathColumn + "': expected the path of a recording, found an empty cell");
                }
                Path q = new Path(rel);
                Path abs = q.isAbsoluteAndSchemeAuthorityNull() || q.toUri().getScheme() != null
                        ? q.getFileSystem(conf).makeQualified(q) : new Path(base, rel);
                Map<String, String> meta = new LinkedHashMap<>();
                for (String h : header) {
                    if (!h.equals(pathColumn) && rec.isSet(h) && !rec.get(h).isEmpty()) {
                        meta.put(h, rec.get(h));
                    }
                }
                URI u = abs.toUri();
                found.add(new Found(abs.toString(), rel, java.nio.file.Path.of(u.getPath()), false, List.of(), meta));
            }
        }
        return withIds(found);
    }

    private List<InputRef> withIds(List<Found> found) {
        List<String> ids = SessionIds.assign(found.stream().map(Found::forId).toList());
        List<InputRef> out = new ArrayList<>();
        for (int i = 0; i < found.size(); i++) {
            Found f = found.get(i);
            out.add(new InputRef(i, ids.get(i), f.uri(), f.display(), f.folder(), f.companions(), f.metadata()));
        }
        return out;
    }

    /** Local paths of a local argument: a glob expanded (sorted), or the path as given. */
    private static List<java.nio.file.Path> expandLocal(FileSystem fs, String g) throws IOException {
        if (!isGlob(g)) {
            return List.of(java.nio.file.Path.of(stripFileScheme(g)));
        }
        FileStatus[] matches = fs.globStatus(new Path(g));
        List<java.nio.file.Path> out = new ArrayList<>();
        java.nio.file.Path cwd = java.nio.file.Path.of("").toAbsolutePath();
        if (matches != null) {
            for (FileStatus s : matches) {
                java.nio.file.Path abs = java.nio.file.Path.of(s.getPath().toUri().getPath());
                out.add(g.startsWith("/") || g.startsWith("file:") ? abs : cwd.relativize(abs));
            }
        }
        out.sort(Comparator.comparing(java.nio.file.Path::toString));
        return out;
    }

    private static boolean isGlob(String s) {
        return s.indexOf('*') >= 0 || s.indexOf('?') >= 0 || s.indexOf('[') >= 0 || s.indexOf('{') >= 0;
    }

    private static String stripFileScheme(String s) {
        return s.startsWith("file:") ? URI.create(s).getPath() : s;
    }

    private static java.nio.file.Path localPath(String uri) {
        if (uri == null) {
            return null;
        }
        URI u = URI.create(uri);
        return u.getScheme() == null || "file".equals(u.getScheme()) ? java.nio.file.Path.of(u.getPath()) : null;
    }

    /** Recordings under a path of any file system, listed through Hadoop. */
    private List<Found> listRemote(FileSystem fs, Path p, String given, String outUri) throws IOException {
        FileStatus[] matches = isGlob(given) ? fs.globStatus(p) : exists(fs, p) ? new FileStatus[] {fs.getFileStatus(p)}
                : null;
        List<Found> out = new ArrayList<>();
        if (matches == null || matches.length == 0) {
            // reported as a failed input when it is read, as on the command line
            Path q = fs.makeQualified(p);
            out.add(new Found(q.toString(), given, java.nio.file.Path.of(q.toUri().getPath()), false, List.of(), Map.of()));
            return out;
        }
        String out0 = outUri == null ? null : fs.makeQualified(new Path(outUri)).toString();
        java.util.Arrays.sort(matches, Comparator.comparing(s -> s.getPath().toString()));
        for (FileStatus m : matches) {
            String display = isGlob(given) ? displayOf(given, m.getPath()) : given;
            if (m.isFile()) {
                out.add(found(fs, m.getPath(), display, false, null));
            } else if (isRecordingFolder(fs, m.getPath())) {
                out.add(found(fs, m.getPath(), display, true, null));
            } else {
                out.addAll(walk(fs, m.getPath(), display, out0));
            }
        }
        return out;
    }

    private static boolean exists(FileSystem fs, Path p) throws IOException {
        return fs.exists(p);
    }

    /** How to name a path found under what the user gave ({@code display} + the rest of the path). */
    private static String displayOf(String given, Path match) {
        URI u = URI.create(given.replace(" ", "%20"));
        if (u.getScheme() == null && !given.startsWith("/")) {
            java.nio.file.Path abs = java.nio.file.Path.of(match.toUri().getPath());
            return java.nio.file.Path.of("").toAbsolutePath().relativize(abs).toString();
        }
        return match.toString();
    }

    private static boolean isRecordingFolder(FileSystem fs, Path dir) throws IOException {
        for (FileStatus s : fs.listStatus(dir)) {
            String n = s.getPath().getName();
            if (s.isFile() && (n.endsWith("_keypoints.json") || n.equalsIgnoreCase("Accelerometer.csv")
                    || n.equalsIgnoreCase("TotalAcceleration.csv"))) {
                return true;
            }
        }
        return false;
    }

    /** Every recording under a folder, in path order (as the command line sorts them). */
    private List<Found> walk(FileSystem fs, Path root, String rootDisplay, String outUri) throws IOException {
        Path qroot = fs.makeQualified(root);
        String rootStr = qroot.toString();
        Map<String, List<Path>> byFolder = new TreeMap<>();
        RemoteIterator<LocatedFileStatus> it = fs.listFiles(qroot, true);
        while (it.hasNext()) {
            LocatedFileStatus s = it.next();
            String rel = relative(rootStr, s.getPath().toString());
            if (rel == null || hidden(rel) || (outUri != null && s.getPath().toString().startsWith(outUri + "/"))) {
                continue;
            }
            byFolder.computeIfAbsent(s.getPath().getParent().toString(), k -> new ArrayList<>()).add(s.getPath());
        }
        // folders that are recordings themselves, and everything below them, are not searched
        Set<String> recordingFolders = new LinkedHashSet<>();
        for (Map.Entry<String, List<Path>> e : byFolder.entrySet()) {
            if (!e.getKey().equals(rootStr) && e.getValue().stream().map(Path::getName).anyMatch(n ->
                    n.endsWith("_keypoints.json") || n.equalsIgnoreCase("Accelerometer.csv")
                            || n.equalsIgnoreCase("TotalAcceleration.csv"))) {
                recordingFolders.add(e.getKey());
            }
        }
        TreeMap<String, Found> sorted = new TreeMap<>();
        for (Map.Entry<String, List<Path>> e : byFolder.entrySet()) {
            String folder = e.getKey();
            Optional<String> inside = recordingFolders.stream().filter(r -> folder.equals(r) || folder.startsWith(r + "/"))
                    .findFirst();
            if (inside.isPresent()) {
                if (inside.get().equals(folder)) {
                    Path f = new Path(folder);
                    String rel = relative(rootStr, folder);
                    sorted.put(rel, found(fs, f, join(rootDisplay, rel), true, e.getValue()));
                }
                continue;
            }
            for (Path f : e.getValue()) {
                if (looksLikeRecording(f.getName())) {
                    String rel = relative(rootStr, f.toString());
                    sorted.put(rel, found(fs, f, join(rootDisplay, rel), false, e.getValue()));
                }
            }
        }
        return new ArrayList<>(sorted.values());
    }

    private static String join(String rootDisplay, String rel) {
        String r = rootDisplay.endsWith("/") ? rootDisplay.substring(0, rootDisplay.length() - 1) : rootDisplay;
        URI u = URI.create(r.replace(" ", "%20"));
        if (u.getScheme() == null) {
            return java.nio.file.Path.of(r).resolve(rel).normalize().toString();
        }
        return r + "/" + rel;
    }

    private static String relative(String root, String path) {
        if (path.equals(root)) {
            return "";
        }
        return path.startsWith(root + "/") ? path.substring(root.length() + 1) : null;
    }

    private static boolean hidden(String rel) {
        for (String part : rel.split("/")) {
            if (part.startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    /** True for file names gaitform reads (by name alone; the content decides on the executor). */
    static boolean looksLikeRecording(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.startsWith(".") || InputReaders.isCompanionFile(lower) || lower.equals("bouts.csv")
                || lower.equals("findings.csv") || lower.equals(MetadataReader.INDEX)) {
            return false;
        }
        boolean staticTrial = lower.contains("static");
        if (lower.endsWith(".trc") || lower.endsWith(".c3d")) {
            return !staticTrial;
        }
        return lower.endsWith(".csv") || lower.endsWith(".tsv") || lower.endsWith(".txt") || lower.endsWith(".zip")
                || lower.endsWith(".fit") || lower.endsWith(".fit.gz") || lower.endsWith(".tcx")
                || lower.endsWith(".tcx.gz") || lower.endsWith(".gpx") || lower.endsWith(".gpx.gz");
    }

    /**
     * A recording with its companions: its sidecar and standing trials from its folder's listing, and
     * {@code sessions.csv} indexes of its folder and up to three folders above.
     */
    private Found found(FileSystem fs, Path p, String display, boolean folder, List<Path> siblings) throws IOException {
        Path q = fs.makeQualified(p);
        List<InputRef.Companion> companions = new ArrayList<>();
        String name = q.getName();
        int dot = name.lastIndexOf('.');
        String stem = folder || dot <= 0 ? name : name.substring(0, dot);
        List<Path> sibs = siblings;
        if (sibs == null) {
            sibs = new ArrayList<>();
            Path parent = q.getParent();
            if (parent != null) {
                for (FileStatus s : fs.listStatus(parent)) {
                    if (s.isFile()) {
                        sibs.add(s.getPath());
                    }
                }
            }
        }
        if (!folder) {
            for (Path s : sibs) {
                String n = s.getName();
                String l = n.toLowerCase(Locale.ROOT);
                if (!n.equals(name) && (n.equals(stem + ".meta.csv") || l.contains("static"))) {
                    companions.add(new InputRef.Companion(s.toString(), n));
                }
            }
        }
        Path d = q.getParent();
        String up = "";
        for (int k = 0; k < 4 && d != null; k++, d = d.getParent(), up += "../") {
            Path index = new Path(d, MetadataReader.INDEX);
            Boolean has = indexExists.get(index.toString());
            if (has == null) {
                has = fs.exists(index);
                indexExists.put(index.toString(), has);
            }
            if (has) {
                companions.add(new InputRef.Companion(index.toString(), up + MetadataReader.INDEX));
            }
        }
        return new Found(q.toString(), display, java.nio.file.Path.of(q.toUri().getPath()), folder, companions, Map.of());
    }
}
