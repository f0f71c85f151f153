package org.gaitform.events;

import java.util.List;
import org.gaitform.signal.Extrema;
import org.gaitform.signal.ZeroPhaseButterworth;

/**
 * Initial contact and toe-off from a shank-worn gyroscope, after Greene BR, McGrath D, O'Neill R, O'Donovan KJ,
 * Burns A, Caulfield B. An adaptive gyroscope-based algorithm for temporal gait analysis. Med Biol Eng Comput
 * 2010;48:1251–60 (which builds on Salarian et al. 2004), as used for running by Kiernan et al. 2023.
 *
 * <p>The shank's sagittal angular velocity, swing positive, peaks at mid-swing. Initial contact is the first
 * local minimum after mid-swing once the rate has fallen below zero — the shank stops swinging forward and
 * is thrown back at heel strike; toe-off is the deepest minimum before mid-swing — the shank's fastest
 * backward rotation as the foot leaves the ground. Greene's adaptive thresholds are replaced here by the
 * mid-swing criteria of {@link GyroEventSettings} (a lobe of forward rotation through at least 8°, the largest within a stride); the rate is
 * low-passed at 15 Hz first so that the impact's ringing does not make spurious minima (this project's
 * choices).
 */
public final class Greene2010ShankEvents {
    /** Low-pass cut-off of the pitch rate before the search for minima (Hz). */
    public static final double LOW_PASS_HZ = 15;
    private final GyroEventSettings settings;

    public Greene2010ShankEvents(GyroEventSettings settings) {
        this.settings = settings;
    }

    public Greene2010ShankEvents() {
        this(GyroEventSettings.DEFAULTS);
    }

    /** Detects the contacts of one leg from its shank's pitch rate (deg/s, swing positive). */
    public List<LimbContact> detect(double[] pitchDps, double samplingRateHz) {
        double fs = samplingRateHz;
        double[] p = ZeroPhaseButterworth.lowPass(2, LOW_PASS_HZ).apply(pitchDps, fs);
        int n = p.length;
        List<Integer> ms = MidSwings.find(p, fs, settings);
        int half = (int) Math.round(settings.maxHalfCycleS() * fs);
        double[] ic = new double[ms.size()];
        double[] to = new double[ms.size()];
        for (int k = 0; k < ms.size(); k++) {
            int m = ms.get(k);
            int icEnd = Math.min(n - 1, Math.min(m + half, k + 1 < ms.size() ? (m + ms.get(k + 1)) / 2 : n - 1));
            ic[k] = Double.NaN;
            for (int i = m + 1; i < icEnd; i++) {
                if (p[i] < 0 && p[i] <= p[i - 1] && p[i] < p[i + 1]) {
                    ic[k] = Extrema.parabolicVertex(p, i);
                    break;
                }
            }
            int toStart = Math.max(0, Math.max(m - half, k > 0 ? (ms.get(k - 1) + m) / 2 : 0));
            int j = Extrema.argMin(p, toStart, m);
            to[k] = j >= 0 && p[j] < 0 ? Extrema.parabolicVertex(p, j) : Double.NaN;
        }
        return Falbriard2018FootEvents.pair(ms, ic, to, fs, settings, "gyro_minimum");
    }
}
