package org.gaitform.events;

/**
 * Settings of {@link VerticalForceContacts}.
 *
 * @param debounceMs   on and off runs shorter than this are merged into their neighbours (ms); default 30
 * @param dropPartial  drop the contacts cut by the start or the end of the recording; default true
 */
public record ForceContactSettings(double debounceMs, boolean dropPartial) {
    /** 30 ms debounce, partial first and last contacts dropped: the derivation of the shared reference files. */
    public static final ForceContactSettings DEFAULTS = new ForceContactSettings(30, true);

    public ForceContactSettings {
        if (!(debounceMs >= 0 && debounceMs <= 1000)) {
            throw new IllegalArgumentException("debounce must be between 0 and 1000 ms, not " + debounceMs);
        }
    }
}
