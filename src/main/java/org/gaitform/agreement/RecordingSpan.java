package org.gaitform.agreement;

/**
 * The time a recording covers, on its own clock.
 *
 * @param startS          first sample (s)
 * @param endS            last sample (s)
 * @param samplingRateHz  its sampling rate (Hz)
 */
public record RecordingSpan(double startS, double endS, double samplingRateHz) {
    public RecordingSpan {
        if (!(endS >= startS) || !(samplingRateHz > 0)) {
            throw new IllegalArgumentException("bad recording span " + startS + "–" + endS + " s at " + samplingRateHz
                    + " Hz");
        }
    }
}
