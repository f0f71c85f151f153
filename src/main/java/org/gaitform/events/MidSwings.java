package org.gaitform.events;

import java.util.ArrayList;
import java.util.List;
import org.gaitform.signal.Extrema;
import org.gaitform.signal.Stats;

/**
 * Mid-swing instants of a foot or shank: the peaks of the sagittal angular velocity (swing positive, see
 * {@link SegmentAlignment}). Every stride has one; the gyroscope detectors look for initial contact after it
 * and for toe-off before it.
 */
final class MidSwings {
    private MidSwings() {
    }

    /** Indices of the mid-swings, in time order. */
    static List<Integer> find(double[] pitchDps, double fs, GyroEventSettings s) {
        double level = Math.max(s.minSwingDps(), s.swingShare() * Stats.percentile(pitchDps, 99));
        int minLobe = (int) Math.max(1, Math.round(s.minSwingLobeMs() / 1000 * fs));
        List<Integer> peaks = new ArrayList<>();
        int n = pitchDps.length;
        int i = 0;
        while (i < n) {
            if (pitchDps[i] > level) {
                int j = i;
                while (j < n && pitchDps[j] > level) {
                    j++;
                }
                if (j - i >= minLobe) {
                    peaks.add(Extrema.argMax(pitchDps, i, j));
                }
                i = j;
            } else {
                i++;
            }
        }
        int minGap = (int) Math.round(s.minStrideS() * fs);
        List<Integer> out = new ArrayList<>();
        for (int p : peaks) {
            if (!out.isEmpty() && p - out.get(out.size() - 1) < minGap) {
                if (pitchDps[p] > pitchDps[out.get(out.size() - 1)]) {
                    out.set(out.size() - 1, p);
                }
            } else {
                out.add(p);
            }
        }
        return out;
    }
}
