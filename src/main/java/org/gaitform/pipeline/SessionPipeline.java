package org.gaitform.pipeline;

import java.nio.file.Path;
import org.gaitform.io.InputReaders;
import org.gaitform.model.GaitformException;
import org.gaitform.model.ImuRecording;
import org.gaitform.model.PoseRecording;
import org.gaitform.model.Recording;
import org.gaitform.model.SessionResult;

/** Analyses one input from file to {@link SessionResult}. */
public final class SessionPipeline {
    private final AnalysisSettings settings;
    private final InputReaders readers = new InputReaders();

    public SessionPipeline(AnalysisSettings settings) {
        this.settings = settings;
    }

    public AnalysisSettings settings() {
        return settings;
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
        Recording rec = readers.read(input, source, settings.read());
        if (rec instanceof ImuRecording imu) {
            return new ImuAnalysis(settings).analyse(imu, sessionId);
        }
        if (rec instanceof PoseRecording pose) {
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
            return new PoseAnalysis(settings).analyse(pose, sessionId, standing, staticNote);
        }
        throw GaitformException.notAnalysable(source, "no analysis for " + rec.getClass().getSimpleName());
    }
}
