package org.gaitform.spark;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One recording of the job, as the driver found it.
 *
 * @param index      its place in input order
 * @param sessionId  its session id (as the command line would assign it)
 * @param uri        where it is (a file or a folder), fully qualified ({@code file:/…}, {@code hdfs://…}, …)
 * @param display    how it is named in the tables and messages (the path as the user gave it, as on the command line)
 * @param folder     true for a folder recording (OpenPose JSON frames, a Sensor Logger export)
 * @param companions files that belong with it, to copy beside it when it is copied: its metadata sidecar, a marker
 *                   recording's standing trial (same folder), and {@code sessions.csv} indexes of up to three folders
 *                   above; each as (uri, path relative to the recording's folder, e.g. {@code ../sessions.csv})
 * @param metadata   the manifest's other columns for it (empty without a manifest)
 */
record InputRef(int index, String sessionId, String uri, String display, boolean folder, List<Companion> companions,
                Map<String, String> metadata) implements Serializable {
    private static final long serialVersionUID = 1L;

    InputRef {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(display, "display");
        companions = List.copyOf(companions);
        metadata = Map.copyOf(metadata);
    }

    /**
     * A file that belongs with a recording.
     *
     * @param uri      where it is
     * @param relative where it goes, relative to the recording's folder ({@code run1.meta.csv}, {@code ../sessions.csv})
     */
    record Companion(String uri, String relative) implements Serializable {
        private static final long serialVersionUID = 1L;
    }
}
