package org.gaitform.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One upload and its analysis. Its id is the only key to it. Thread-safe: the worker updates it while pages read
 * {@link #snapshot()}s.
 */
final class Job {
    /** Where a job is. */
    enum State {
        /** Waiting for a worker. */
        QUEUED,
        /** Being analysed. */
        RUNNING,
        /** Analysed: every input has an outcome (some may have failed). */
        DONE,
        /** The batch itself could not run (outputs could not be written). */
        FAILED;

        String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * One input of the upload.
     *
     * @param name      its path in the upload
     * @param sessionId its session folder, empty until known
     * @param status    {@code pending}, {@code analysing}, {@code ok}, {@code skipped} or {@code failed}
     * @param message   the one-line account (the error for failures)
     */
    record Input(String name, String sessionId, String status, String message) {
    }

    /**
     * What a page shows of a job at one instant.
     */
    record Snapshot(String id, long createdEpochS, State state, String message, List<String> files,
                    List<String> leftOut, List<Input> inputs, Map<String, String> metadata, List<String> batchFiles) {
    }

    private final String id;
    private final String ownerHash;
    private final long createdEpochS;
    private final List<String> files;
    private final List<String> leftOut;
    private final Map<String, String> metadata;
    private State state;
    private String message;
    private List<Input> inputs;
    private List<String> batchFiles;
    private boolean deleted;

    Job(String id, String ownerHash, long createdEpochS, List<String> files, List<String> leftOut,
        Map<String, String> metadata, State state, String message, List<Input> inputs, List<String> batchFiles) {
        this.id = Objects.requireNonNull(id);
        this.ownerHash = Objects.requireNonNull(ownerHash);
        this.createdEpochS = createdEpochS;
        this.files = List.copyOf(files);
        this.leftOut = List.copyOf(leftOut);
        this.metadata = new LinkedHashMap<>(metadata);
        this.state = state;
        this.message = message;
        this.inputs = List.copyOf(inputs);
        this.batchFiles = List.copyOf(batchFiles);
    }

    String id() {
        return id;
    }

    String ownerHash() {
        return ownerHash;
    }

    long createdEpochS() {
        return createdEpochS;
    }

    Map<String, String> metadata() {
        return Map.copyOf(metadata);
    }

    synchronized State state() {
        return state;
    }

    synchronized boolean deleted() {
        return deleted;
    }

    synchronized void markDeleted() {
        deleted = true;
    }

    synchronized void update(State s, String msg) {
        state = s;
        message = msg;
    }

    synchronized void inputs(List<Input> list) {
        inputs = List.copyOf(list);
    }

    synchronized void batchFiles(List<String> list) {
        batchFiles = List.copyOf(list);
    }

    /** Sets the outcome of the input named {@code name} and marks the next pending one as being analysed. */
    synchronized void finished(String name, String sessionId, String status, String msg) {
        List<Input> next = new ArrayList<>();
        boolean marked = false;
        boolean seen = false;
        for (Input in : inputs) {
            if (!seen && in.name().equals(name)) {
                next.add(new Input(name, sessionId, status, msg));
                seen = true;
            } else if (seen && !marked && in.status().equals("pending")) {
                next.add(new Input(in.name(), in.sessionId(), "analysing", ""));
                marked = true;
            } else {
                next.add(in);
            }
        }
        inputs = List.copyOf(next);
    }

    synchronized Snapshot snapshot() {
        return new Snapshot(id, createdEpochS, state, message, files, leftOut, inputs, Map.copyOf(metadata), batchFiles);
    }

    /** The job as job.json holds it. */
    synchronized Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("owner_sha256", ownerHash);
        m.put("created_epoch_s", createdEpochS);
        m.put("state", state.label());
        m.put("message", message);
        m.put("files", files);
        m.put("left_out", leftOut);
        m.put("metadata", metadata);
        List<Object> ins = new ArrayList<>();
        for (Input in : inputs) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("name", in.name());
            x.put("session_id", in.sessionId());
            x.put("status", in.status());
            x.put("message", in.message());
            ins.add(x);
        }
        m.put("inputs", ins);
        m.put("batch_files", batchFiles);
        return m;
    }

    /** A job from job.json. */
    @SuppressWarnings("unchecked")
    static Job fromJson(Map<?, ?> m) {
        List<Input> ins = new ArrayList<>();
        if (m.get("inputs") instanceof List<?> l) {
            for (Object o : l) {
                if (o instanceof Map<?, ?> x) {
                    ins.add(new Input(str(x.get("name")), str(x.get("session_id")), str(x.get("status")),
                            str(x.get("message"))));
                }
            }
        }
        Map<String, String> meta = new LinkedHashMap<>();
        if (m.get("metadata") instanceof Map<?, ?> mm) {
            mm.forEach((k, v) -> meta.put(String.valueOf(k), str(v)));
        }
        State state = State.valueOf(str(m.get("state")).toUpperCase(java.util.Locale.ROOT));
        return new Job(str(m.get("id")), str(m.get("owner_sha256")), m.get("created_epoch_s") instanceof Number n
                ? n.longValue() : 0, strings(m.get("files")), strings(m.get("left_out")), meta, state,
                str(m.get("message")), ins, strings(m.get("batch_files")));
    }

    private static String str(Object o) {
        return o == null ? "" : String.valueOf(o);
    }

    private static List<String> strings(Object o) {
        List<String> out = new ArrayList<>();
        if (o instanceof List<?> l) {
            l.forEach(x -> out.add(String.valueOf(x)));
        }
        return out;
    }
}
