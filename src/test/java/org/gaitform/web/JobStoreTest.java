package org.gaitform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The data folder of {@code gaitform serve}: expiry, deletion (also of a running job across a restart), recovery. */
class JobStoreTest {
    private static Job newJob(JobStore store, String owner) throws IOException {
        Path staging = store.newIncoming();
        Files.createDirectories(staging.resolve("upload/files"));
        Files.writeString(staging.resolve("upload/files/run.csv"), "time,acc_v\n");
        return store.create(staging, owner, List.of("run.csv"), List.of(), Map.of());
    }

    @Test
    void uploadsExpireAfterTheirDaysAndTheirFilesGo(@TempDir Path data) throws Exception {
        try (JobStore store = JobStore.open(data)) {
            Job a = newJob(store, "o1");
            Job b = newJob(store, "o2");
            assertThat(store.expire(Instant.now().getEpochSecond() - 86400)).isZero();
            assertThat(store.get(a.id())).isPresent();
            assertThat(store.expire(Instant.now().getEpochSecond() + 1)).isEqualTo(2);
            assertThat(store.get(a.id())).isEmpty();
            assertThat(store.get(b.id())).isEmpty();
            assertThat(data.resolve("jobs").resolve(a.id())).doesNotExist();
            assertThat(data.resolve("jobs").resolve(b.id())).doesNotExist();
        }
    }

    @Test
    void aJobDeletedWhileRunningStaysDeletedAfterARestart(@TempDir Path data) throws Exception {
        String id;
        try (JobStore store = JobStore.open(data)) {
            Job j = newJob(store, "owner");
            id = j.id();
            j.update(Job.State.RUNNING, "analysing");
            store.save(j);
            store.delete(j);
            // gone for every request at once, its folder waits for the worker
            assertThat(store.get(id)).isEmpty();
            assertThat(data.resolve("jobs").resolve(id)).exists();
        }
        // the server stopped before the worker returned: the next start removes it instead of analysing it again
        try (JobStore store = JobStore.open(data)) {
            assertThat(store.get(id)).isEmpty();
            assertThat(store.all()).isEmpty();
            assertThat(data.resolve("jobs").resolve(id)).doesNotExist();
        }
    }

    @Test
    void aRestartKeepsAnsweredUploadsAndDropsHalfReceivedOnes(@TempDir Path data) throws Exception {
        String id;
        byte[] secret;
        try (JobStore store = JobStore.open(data)) {
            id = newJob(store, "owner").id();
            Path half = store.newIncoming();
            Files.writeString(half.resolve("partial.csv"), "time,acc");
            secret = store.secret();
            // one server per data folder
            assertThatThrownBy(() -> JobStore.open(data)).isInstanceOf(IOException.class)
                    .hasMessageContaining("another gaitform serve");
        }
        try (JobStore store = JobStore.open(data)) {
            assertThat(store.get(id)).isPresent();
            assertThat(store.get(id).get().state()).isEqualTo(Job.State.QUEUED);
            assertThat(Files.list(data.resolve("incoming")).toList()).isEmpty();
            assertThat(store.secret()).isEqualTo(secret);
        }
    }
}
