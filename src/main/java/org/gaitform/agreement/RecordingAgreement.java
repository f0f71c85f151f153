package org.gaitform.agreement;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How one recording agrees with its reference: every event row, and the per-recording values.
 *
 * @param recording          the input as named in outputs
 * @param reference          the reference's source
 * @param referenceKind      events, force or session values
 * @param referenceMethod    how the reference was obtained (one sentence)
 * @param conditions         condition columns of this recording (input kind, placement, sampling rate and the
 *                           metadata columns), in output order
 * @param events             matched, missed and extra events in time order (initial contacts, then toe-offs)
 * @param hasEventReference  true when the reference has events (else only session values are compared)
 * @param cadenceSpm         gaitform's cadence of the recording (steps/min)
 * @param referenceCadenceSpm the reference cadence (steps/min)
 * @param contactMs          gaitform's mean contact time (ms)
 * @param referenceContactMs the reference mean contact time (ms)
 * @param valuesBasis        which session values were compared ({@code running}, {@code walking}, or {@code overall}
 *                           for a device session value: all steps over all recorded time)
 * @param notes              what the user should know about this comparison
 */
public record RecordingAgreement(String recording, String reference, ReferenceKind referenceKind,
                                 String referenceMethod, Map<String, String> conditions, List<EventRow> events,
                                 boolean hasEventReference, double cadenceSpm, double referenceCadenceSpm,
                                 double contactMs, double referenceContactMs, String valuesBasis,
                                 List<String> notes) {
    public RecordingAgreement {
        Objects.requireNonNull(recording, "recording");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(referenceKind, "referenceKind");
        Objects.requireNonNull(referenceMethod, "referenceMethod");
        conditions = Collections.unmodifiableMap(new LinkedHashMap<>(conditions));
        events = List.copyOf(events);
        notes = List.copyOf(notes);
    }

    /** A condition value, or empty. */
    public String condition(String column) {
        return conditions.getOrDefault(column, "");
    }

    /** The rows of one event kind ({@code ic} or {@code to}). */
    public List<EventRow> rows(String event) {
        return events.stream().filter(e -> e.event().equals(event)).toList();
    }

    /** A copy with more condition columns (existing ones are kept). */
    public RecordingAgreement withConditions(Map<String, String> more) {
        Map<String, String> c = new LinkedHashMap<>(conditions);
        more.forEach(c::putIfAbsent);
        return new RecordingAgreement(recording, reference, referenceKind, referenceMethod, c, events,
                hasEventReference, cadenceSpm, referenceCadenceSpm, contactMs, referenceContactMs, valuesBasis, notes);
    }
}
