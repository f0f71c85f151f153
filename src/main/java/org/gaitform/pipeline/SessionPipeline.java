package org.gaitform.pipeline;

import java.nio.file.Path;
import org.gaitform.io.InputReaders;
import org.gaitform.io.meta.MetadataReader;
import org.gaitform.model.GaitformException;
import org.gaitform.model.ImuRecording;
import org.gaitform.model.PoseRecording;
import org.gaitform.model.Recording;
import org.gaitform.model.SessionMetadata;
import org.gaitform.model.SessionResult;
import org.gaitform.model.WatchRecording;

/** Analyses one input from file to {@link SessionResult}. */
public final class SessionPipeline {
    private final AnalysisSettings settings;
    private final InputReaders readers = new InputReaders();
    private final MetadataReader metadata = new MetadataReader();

    public SessionPipeline(AnalysisSettings settings) {
        this.settings = settings;
    }

    public AnalysisSettings settings() {
        return settings;
    }

    /**
     * Analyses a watch recording already read (an activity of an account export), with the name and shoes the
     * export gives it, and judges it against the guideline table.
     *
     * @param name its name, or empty
     * @param gear its shoes, or empty
     */
    public SessionResult analyseWatch(WatchRecording rec, String sessionId, String name, String gear) {
        SessionResult r = new WatchAnalysis(settings).analyse(rec, sessionId);
        java.util.Map<String, String> info = new java.util.LinkedHashMap<>(r.info());
        if (!name.isBlank()) {
            info.put("activity_name", name);
        }
        if (!gear.isBlank()) {
            info.put("shoes", gear);
        }
        SessionResult named = new SessionResult(r.sessionId(), r.source(), r.inputKind(), r.placement(),
                r.samplingRateHz(), r.bouts(), r.steps(), r.metrics(), info, r.findings(), r.decisions(), r.warnings(),
                r.traces(), r.figures(), r.quality());
        return SessionEnrichment.apply(rec, named, SessionMetadata.NONE, settings.guidelines());
    }

    /**
     * Reads and analyses one input.
     *
     * @param input     the file or folder
     * @param source    how to name it in outputs and messages
     * @param sessionId its session id
     * @throws GaitformException for bad or unanalysable input
     */
    public SessionResult analyse(Path input, String source, String sessionId) {
        return analyse(input, source, sessionId, r -> { });
    }

    /**
     * Reads and analyses one input, showing the recording to {@code onRead} once it is read (for callers that need
     * more of it than the result keeps, such as its time span).
     */
    public SessionResult analyse(Path input, String source, String sessionId,
                                 java.util.function.Consumer<Recording> onRead) {
        Recording rec = readers.read(input, source, settings.read());
        onRead.accept(rec);
        SessionMetadata meta = metadata.find(input);
        SessionResult result;
        // --speed-mps applies to every session; a session's own metadata comes next
        boolean metadataSpeed = settings.speedMps().isEmpty() && meta.speedMps().isPresent();
        AnalysisSettings forSession = metadataSpeed ? settings.withSpeedMps(meta.speedMps().getAsDouble()) : settings;
        if (rec instanceof ImuRecording imu) {
            result = new ImuAnalysis(forSession, metadataSpeed).analyse(imu, sessionId);
        } else if (rec instanceof WatchRecording watch) {
            result = new WatchAnalysis(forSession).analyse(watch, sessionId);
        } else if (rec instanceof PoseRecording pose) {
            PoseRecording standing = null;
            String staticNote = null;
            java.util.Optional<Path> st = readers.staticTrialFor(input);
            if (st.isPresent()) {
                try {
                    if (readers.readStatic(st.get(), st.get().getFileName().toString(), settings.read())
                            instanceof PoseRecording p) {
                        standing = p;
                    }
                } catch (GaitformException e) {
                    staticNote = e.getMessage();
                }
            }
            result = new PoseAnalysis(forSession).analyse(pose, sessionId, standing, staticNote);
        } else {
            throw GaitformException.notAnalysable(source, "no analysis for " + rec.getClass().getSimpleName());
        }
        return SessionEnrichment.apply(rec, result, meta, settings.guidelines());
    }
}
