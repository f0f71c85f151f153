package org.gaitform.events;

import java.util.ArrayList;
import java.util.List;
import org.gaitform.signal.Extrema;

/**
 * Mid-swing instants of a foot or shank: the peaks of the sagittal angular velocity (swing positive, see
 * {@link SegmentAlignment}). Every stride has one; the gyroscope detectors look for initial contact after it
 * and for toe-off before it. A swing is a lobe of positive rate that turns the segment through at least
 * {@link GyroEventSettings#minSwingDeg()}; of two such lobes within one stride, the one that turns it further.
 */
final class MidSwings {
    private MidSwings() {
    }

    /** Indices of the mid-swings, in time order. */
    static List<Integer> find(double[] pitchDps, double fs, GyroEventSettings s) {
        double level = s.minSwingDps();
        int minLobe = (int) Math.max(1, Math.round(s.minSwingLobeMs() / 1000 * fs));
        List<Integer> peaks = new ArrayList<>();
        List<Double> areas = new ArrayList<>();
        int n = pitchDps.length;
        int i = 0;
        while (i < n) {
            if (pitchDps[i] > level) {
                int j = i;
                double area = 0;
                while (j < n && pitchDps[j] > level) {
                    area += pitchDps[j];
                    j++;
                }
                if (j - i >= minLobe && area / fs >= s.minSwingDeg()) {
                    peaks.add(Extrema.argMax(pitchDps, i, j));
                    areas.add(area);
                }
                i = j;
            } else {
                i++;
            }
        }
        int minGap = (int) Math.round(s.minStrideS() * fs);
        List<Integer> out = new ArrayList<>();
        double lastArea = 0;
        for (int k = 0; k < peaks.size(); k++) {
            int p = peaks.get(k);
            double area = areas.get(k);
            if (!out.isEmpty() && p - out.get(out.size() - 1) < minGap) {
                // two lobes within one stride: the swing turns the foot furthest (a heel drop turns it 10–20°)
                if (area > lastArea) {
                    out.set(out.size() - 1, p);
                    lastArea = area;
                }
            } else {
                out.add(p);
                lastArea = area;
            }
        }
        return out;
    }
}
