package org.gaitform.web;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.gaitform.io.json.JsonReader;
import org.gaitform.report.AtomicFiles;
import org.gaitform.report.Json;

/**
 * The uploads and results under the data folder:
 * <pre>
 * DATA/.gaitform-serve.lock   one server per data folder
 * DATA/secret.key             the server's key for CSRF tokens (random, made once)
 * DATA/incoming/              uploads being received (an upload is complete only once moved into jobs/)
 * DATA/jobs/ID/job.json       the job: state, files, inputs and their outcomes (rewritten atomically)
 * DATA/jobs/ID/upload/files/  the uploaded files, names made safe
 * DATA/jobs/ID/out/           the batch's outputs (session folders, batch-summary.csv, runner-report.pdf)
 * DATA/trash/                 jobs being deleted
 * </pre>
 * An upload becomes a job in one atomic rename, with its job.json inside, so a restart finds every upload that was
 * answered and none half-received. Ids are never derived from anything a client sends.
 */
final class JobStore implements AutoCloseable {
    static final String JOB_JSON = "job.json";
    /** Marks a job deleted while it was being analysed. */
    static final String DELETED = "deleted.mark";
    private final Path data;
    private final Path jobs;
    private final Path incoming;
    private final Path trash;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final Map<String, Job> byId = new ConcurrentHashMap<>();

    private JobStore(Path data, FileChannel lockChannel, FileLock lock) {
        this.data = data;
        this.jobs = data.resolve("jobs");
        this.incoming = data.resolve("incoming");
        this.trash = data.resolve("trash");
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /** Opens the data folder (creating it), cleans what a killed server left half-done, and loads the jobs. */
    static JobStore open(Path data) throws IOException {
        Files.createDirectories(data);
        FileChannel ch = FileChannel.open(data.resolve(".gaitform-serve.lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        FileLock l;
        try {
            l = ch.tryLock();
        } catch (OverlappingFileLockException e) {
            l = null;
        }
        if (l == null) {
            ch.close();
            throw new IOException("another gaitform serve is using the data folder " + data + "; stop it or choose "
                    + "another --data");
        }
        JobStore s = new JobStore(data, ch, l);
        Files.createDirectories(s.jobs);
        Files.createDirectories(s.incoming);
        Files.createDirectories(s.trash);
        AtomicFiles.deleteTree(s.incoming);
        AtomicFiles.deleteTree(s.trash);
        Files.createDirectories(s.incoming);
        Files.createDirectories(s.trash);
        s.load();
        return s;
    }

    private void load() throws IOException {
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(jobs)) {
            for (Path d : ds) {
                String id = d.getFileName().toString();
                if (!Ids.wellFormed(id)) {
                    continue;
                }
                if (Files.exists(d.resolve(DELETED))) {
                    Path t = trash.resolve(id);
                    Files.move(d, t, StandardCopyOption.ATOMIC_MOVE);
                    AtomicFiles.deleteTree(t);
                    continue;
                }
                Path f = d.resolve(JOB_JSON);
                try {
                    Object parsed = JsonReader.parse(Files.readString(f, StandardCharsets.UTF_8));
                    if (parsed instanceof Map<?, ?> m) {
                        Job j = Job.fromJson(m);
                        if (j.id().equals(id)) {
                            byId.put(id, j);
                        }
                    }
                } catch (IOException | JsonReader.JsonException | RuntimeException e) {
                    // not a job this server wrote completely: left alone
                }
            }
        }
    }

    /** The server's secret key (32 random bytes), made on first use. */
    byte[] secret() throws IOException {
        Path key = data.resolve("secret.key");
        if (!Files.isRegularFile(key) || Files.size(key) != 32) {
            AtomicFiles.write(key, Ids.bytes(32));
        }
        return Files.readAllBytes(key);
    }

    /** A fresh folder for an upload being received. */
    Path newIncoming() throws IOException {
        return Files.createDirectories(incoming.resolve(Ids.next()));
    }

    /**
     * Turns a received upload into a queued job: writes its job.json into the folder and renames the folder into
     * {@code jobs/} in one step.
     *
     * @param staging folder from {@link #newIncoming()} whose {@code upload/files/} holds the files
     */
    Job create(Path staging, String ownerHash, List<String> files, List<String> leftOut, Map<String, String> metadata)
            throws IOException {
        String id = Ids.next();
        Job job = new Job(id, ownerHash, java.time.Instant.now().getEpochSecond(), files, leftOut, metadata,
                Job.State.QUEUED, "waiting for its turn", List.of(), List.of());
        AtomicFiles.write(staging.resolve(JOB_JSON), Json.write(job.toJson()));
        Path target = jobs.resolve(id);
        try {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the data folder does not support atomic renames", e);
        }
        byId.put(id, job);
        return job;
    }

    /** Writes the job's state (atomically). */
    void save(Job job) throws IOException {
        Path dir = jobs.resolve(job.id());
        if (job.deleted() || !Files.isDirectory(dir)) {
            return;
        }
        AtomicFiles.write(dir.resolve(JOB_JSON), Json.write(job.toJson()));
    }

    /** The job with this id, unless it is unknown or deleted. */
    Optional<Job> get(String id) {
        if (!Ids.wellFormed(id)) {
            return Optional.empty();
        }
        Job j = byId.get(id);
        return j == null || j.deleted() ? Optional.empty() : Optional.of(j);
    }

    /** Every job, oldest first. */
    List<Job> all() {
        List<Job> l = new ArrayList<>(byId.values());
        l.removeIf(Job::deleted);
        l.sort(Comparator.comparingLong(Job::createdEpochS).thenComparing(Job::id));
        return l;
    }

    /** The jobs of one browser, newest first. */
    List<Job> ownedBy(String ownerHash) {
        List<Job> l = new ArrayList<>(all());
        l.removeIf(j -> !j.ownerHash().equals(ownerHash));
        l.sort(Comparator.comparingLong(Job::createdEpochS).reversed());
        return l;
    }

    Path dir(Job job) {
        return jobs.resolve(job.id());
    }

    Path uploadFiles(Job job) {
        return dir(job).resolve("upload").resolve("files");
    }

    Path out(Job job) {
        return dir(job).resolve("out");
    }

    /**
     * Deletes a job: it disappears at once (renamed into trash/, then removed). A job being analysed is only marked;
     * its worker removes it when the batch returns.
     */
    void delete(Job job) throws IOException {
        job.markDeleted();
        if (job.state() == Job.State.RUNNING) {
            // remembered on disk too: a server stopped before the batch returns removes it when it starts again
            Path dir = jobs.resolve(job.id());
            if (Files.isDirectory(dir)) {
                AtomicFiles.write(dir.resolve(DELETED), new byte[0]);
            }
            return;
        }
        remove(job);
    }

    /** Removes a deleted job's folder. */
    void remove(Job job) throws IOException {
        Path dir = jobs.resolve(job.id());
        if (Files.isDirectory(dir)) {
            Path t = trash.resolve(job.id());
            Files.move(dir, t, StandardCopyOption.ATOMIC_MOVE);
            AtomicFiles.deleteTree(t);
        }
        byId.remove(job.id());
    }

    /** Deletes the jobs created before the epoch second given; returns how many. */
    int expire(long beforeEpochS) throws IOException {
        int n = 0;
        for (Job j : all()) {
            if (j.createdEpochS() < beforeEpochS) {
                delete(j);
                n++;
            }
        }
        return n;
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            lockChannel.close();
        }
    }
}
