package org.gaitform.agreement;

/** Where a reference came from. */
public enum ReferenceKind {
    /** A table of reference events (initial contacts, toe-offs, sides). */
    EVENTS("events"),
    /** Contacts derived from a vertical ground-reaction force. */
    FORCE("force"),
    /** Reference session values only (cadence, mean contact time), for device comparisons. */
    SESSION_VALUES("session-values");

    private final String label;

    ReferenceKind(String label) {
        this.label = label;
    }

    /** Name written in outputs and accepted by {@code --reference-kind}. */
    public String label() {
        return label;
    }

    /** The kind named by a label, or {@code null}. */
    public static ReferenceKind parse(String s) {
        for (ReferenceKind k : values()) {
            if (k.label.equalsIgnoreCase(s.trim()) || k.name().equalsIgnoreCase(s.trim())) {
                return k;
            }
        }
        return null;
    }
}
