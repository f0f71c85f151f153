package org.gaitform.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What a clinic or runner noted about a session, from a sidecar file next to the input or a
 * {@code sessions.csv} index. Everything is optional.
 *
 * @param subjectId    who ran
 * @param heightCm     body height (cm)
 * @param speedMps     running speed (m/s), for example the treadmill belt
 * @param treadmill    true on a treadmill, false overground
 * @param shoes        the shoes worn
 * @param shoeKm       distance already run in them (km)
 * @param painBefore   pain before running (0–10)
 * @param painDuring   pain during running (0–10)
 * @param painAfter    pain after running (0–10)
 * @param painOnsetMin minute of the run at which pain started
 * @param notes        free text
 * @param origin       where the values came from (file and row), empty when there was no metadata
 * @param warnings     values that could not be used, each with its file, row, field, expectation and finding
 * @param columns      every column or key given, as written (trimmed), keyed by its normalised name (lower case,
 *                     {@code _} between words), in file order: also those gaitform does not interpret itself, such
 *                     as {@code slope_deg} or {@code strike}, which {@code gaitform validate} groups by
 */
public record SessionMetadata(Optional<String> subjectId, OptionalDouble heightCm, OptionalDouble speedMps,
                              Optional<Boolean> treadmill, Optional<String> shoes, OptionalDouble shoeKm,
                              OptionalDouble painBefore, OptionalDouble painDuring, OptionalDouble painAfter,
                              OptionalDouble painOnsetMin, Optional<String> notes, String origin,
                              List<String> warnings, Map<String, String> columns) {

    /** No metadata. */
    public static final SessionMetadata NONE = new SessionMetadata(Optional.empty(), OptionalDouble.empty(),
            OptionalDouble.empty(), Optional.empty(), Optional.empty(), OptionalDouble.empty(), OptionalDouble.empty(),
            OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(), Optional.empty(), "", List.of(),
            Map.of());

    public SessionMetadata {
        warnings = List.copyOf(warnings);
        columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns == null ? Map.of() : columns));
    }

    /** Metadata without the raw columns. */
    public SessionMetadata(Optional<String> subjectId, OptionalDouble heightCm, OptionalDouble speedMps,
                           Optional<Boolean> treadmill, Optional<String> shoes, OptionalDouble shoeKm,
                           OptionalDouble painBefore, OptionalDouble painDuring, OptionalDouble painAfter,
                           OptionalDouble painOnsetMin, Optional<String> notes, String origin, List<String> warnings) {
        this(subjectId, heightCm, speedMps, treadmill, shoes, shoeKm, painBefore, painDuring, painAfter, painOnsetMin,
                notes, origin, warnings, Map.of());
    }

    /** True when anything was given. */
    public boolean isPresent() {
        return !origin.isEmpty();
    }

    /** The highest of the three pain scores, if any was given. */
    public OptionalDouble painMax() {
        double m = Double.NEGATIVE_INFINITY;
        boolean any = false;
        for (OptionalDouble p : List.of(painBefore, painDuring, painAfter)) {
            if (p.isPresent()) {
                m = Math.max(m, p.getAsDouble());
                any = true;
            }
        }
        return any ? OptionalDouble.of(m) : OptionalDouble.empty();
    }
}
