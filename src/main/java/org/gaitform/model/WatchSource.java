package org.gaitform.model;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The values one device of a watch export wrote for quantities that another device of the same export measured
 * too: a research export with a chest strap's and a foot pod's running dynamics side by side ({@code hrm_*},
 * {@code stryd_*}), a FIT file with Garmin's running dynamics and Stryd's developer fields, a foot pod's elevation
 * beside the watch's altitude. The recording's {@link WatchRecording#channels() channels} hold the device chosen
 * for the findings; the others are kept here, so that they can be shown beside it and compared.
 *
 * @param id       short name of the device ({@code hrm}, {@code stryd}, {@code runscribe}, {@code garmin}, …)
 * @param label    how reports name it ("Stryd foot pod")
 * @param channels its per-record values, each as long as the recording, in the channels' units
 */
public record WatchSource(String id, String label, Map<WatchChannel, double[]> channels) {
    public WatchSource {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
        EnumMap<WatchChannel, double[]> ch = new EnumMap<>(WatchChannel.class);
        channels.forEach((k, v) -> ch.put(k, v.clone()));
        channels = Collections.unmodifiableMap(ch);
    }

    /** A copy of a channel's values, or {@code null} when this device did not write it. */
    public double[] channel(WatchChannel c) {
        double[] v = channels.get(c);
        return v == null ? null : v.clone();
    }

    /** True when the device wrote at least one value of the channel. */
    public boolean has(WatchChannel c) {
        return anyValue(channels.get(c));
    }

    /** True when {@code v} is present and holds at least one value that is not {@code NaN}. */
    static boolean anyValue(double[] v) {
        if (v == null) {
            return false;
        }
        for (double x : v) {
            if (!Double.isNaN(x)) {
                return true;
            }
        }
        return false;
    }
}
