package org.gaitform.events;

import java.util.ArrayList;
import java.util.List;
import org.gaitform.signal.Extrema;

/**
 * Initial contact and toe-off from a foot-worn gyroscope, after Falbriard M, Meyer F, Mariani B, Millet GP,
 * Aminian K. Accurate estimation of running temporal parameters using foot-worn inertial sensors. Front
 * Physiol 2018;9:610.
 *
 * <p>The paper cuts the sagittal ("pitch") angular velocity, swing positive, into mid-swing to mid-swing
 * cycles and compares candidate features against force plates: in the first half of a cycle it looks for
 * initial contact (IC), in the second half for terminal contact (TC, toe-off). Implemented here:
 * <ul>
 *   <li>IC: the first zero-crossing of the pitch angular velocity after mid-swing (feature k2 of the
 *       paper's Table 1) — the foot stops turning toes-up as it lands and starts to turn flat; when the foot lands
 *       flat (a midfoot landing), the rate may only come down to about zero and rise again as the heel settles,
 *       without crossing: then the lowest point of that dip, if under {@value #FLAT_LANDING_SHARE} of the swing's
 *       peak and followed by a heel drop (a small toes-up turn, not the second hump of a swing), is the contact
 *       (this project's addition);</li>
 *   <li>TC: the minimum of the pitch angular velocity before mid-swing (feature t1) — the fastest
 *       plantar flexion of push-off, just before the toes leave the ground.</li>
 * </ul>
 * This project's choices: k2 rather than the paper's most precise IC feature (k1, the pitch minimum after
 * landing) because k2 needs no speed- and strike-dependent bias correction and also holds in walking,
 * where the minimum comes at foot-flat, about 50 ms after heel strike; the crossing is interpolated between
 * samples; cycles are bounded by {@link GyroEventSettings#maxHalfCycleS()} so that the first and last strides
 * of a bout and strides around stops are kept. Forefoot strikers turn toes-down before landing, so k2 may
 * come a little before their contact.
 */
public final class Falbriard2018FootEvents {
    /**
     * A flat landing: after mid-swing the pitch rate comes down to this share of the swing's peak and turns up again
     * without crossing zero (the heel drops, toes up, as the foot settles); its lowest point is the contact (at low
     * rates the brief toes-down turn before a forefoot contact falls between samples).
     */
    static final double FLAT_LANDING_SHARE = 0.25;
    /**
     * ... and what follows is a heel drop, not the second hump of a swing: it turns the foot less than half as far as
     * the swing did since mid-swing, and less than this angle (deg; a forefoot striker's heel drops 5–20°).
     */
    static final double MAX_HEEL_DROP_DEG = 25;
    /** ... and is the lowest within this much either side (s), so that noise on a slow descent is not taken for it. */
    static final double FLAT_LANDING_WINDOW_S = 0.01;
    private final GyroEventSettings settings;

    public Falbriard2018FootEvents(GyroEventSettings settings) {
        this.settings = settings;
    }

    public Falbriard2018FootEvents() {
        this(GyroEventSettings.DEFAULTS);
    }

    /**
     * Detects the contacts of one foot.
     *
     * @param pitchDps       sagittal angular velocity, swing positive (deg/s)
     * @param samplingRateHz rate (Hz)
     * @return contacts in time order
     */
    public List<LimbContact> detect(double[] pitchDps, double samplingRateHz) {
        double fs = samplingRateHz;
        int n = pitchDps.length;
        List<Integer> ms = MidSwings.find(pitchDps, fs, settings);
        int half = (int) Math.round(settings.maxHalfCycleS() * fs);
        double[] ic = new double[ms.size()];
        double[] to = new double[ms.size()];
        for (int k = 0; k < ms.size(); k++) {
            int m = ms.get(k);
            int icEnd = Math.min(n - 1, Math.min(m + half, k + 1 < ms.size() ? (m + ms.get(k + 1)) / 2 : n - 1));
            ic[k] = Double.NaN;
            double flat = FLAT_LANDING_SHARE * pitchDps[m];
            int w = Math.max(1, (int) Math.round(FLAT_LANDING_WINDOW_S * fs));
            for (int i = m + 1; i <= icEnd; i++) {
                if (pitchDps[i] <= 0 && pitchDps[i - 1] > 0) {
                    ic[k] = i - 1 + pitchDps[i - 1] / (pitchDps[i - 1] - pitchDps[i]);
                    break;
                }
                if (i + 1 < n && pitchDps[i] <= flat && pitchDps[i] < pitchDps[i + 1]
                        && Extrema.argMin(pitchDps, Math.max(m, i - w), Math.min(n, i + w + 1)) == i
                        && isHeelDrop(pitchDps, fs, m, i, icEnd)) {
                    // a flat landing: the toes-up turn stops at the ground without turning back
                    ic[k] = Extrema.parabolicVertex(pitchDps, i);
                    break;
                }
            }
            int toStart = Math.max(0, Math.max(m - half, k > 0 ? (ms.get(k - 1) + m) / 2 : 0));
            int j = Extrema.argMin(pitchDps, toStart, m);
            to[k] = j >= 0 && pitchDps[j] < 0 ? Extrema.parabolicVertex(pitchDps, j) : Double.NaN;
        }
        return pair(ms, ic, to, fs, settings, "gyro_zero_crossing");
    }

    /** True when the positive rotation after {@code i} is a heel drop: small, far smaller than the swing's since m. */
    static boolean isHeelDrop(double[] p, double fs, int m, int i, int end) {
        double before = 0;
        for (int j = m; j < i; j++) {
            before += p[j] / fs;
        }
        double after = 0;
        for (int j = i + 1; j <= end && p[j] > 0; j++) {
            after += p[j] / fs;
        }
        return after < 0.5 * before && after < MAX_HEEL_DROP_DEG;
    }

    /** Contacts: the initial contact after one mid-swing with the toe-off before the next. */
    static List<LimbContact> pair(List<Integer> ms, double[] ic, double[] to, double fs, GyroEventSettings settings,
                                  String method) {
        List<LimbContact> out = new ArrayList<>();
        double maxContact = settings.maxContactS() * fs;
        for (int k = 0; k + 1 < ms.size(); k++) {
            double a = ic[k];
            double b = to[k + 1];
            if (!Double.isNaN(a) && !Double.isNaN(b) && b > a && b - a <= maxContact) {
                out.add(new LimbContact(a, b, ms.get(k), method));
            }
        }
        return out;
    }
}
