package org.gaitform.events;

import java.util.ArrayList;
import java.util.List;

/**
 * Ground contacts from a vertical ground-reaction force, the usual gold standard of gait-event studies: a foot is
 * on the ground while the force exceeds a threshold (typically 20–50 N, or a few per cent of body weight, above the
 * plate's noise), with on and off runs shorter than a debounce time (30 ms) merged into their neighbours so that
 * noise around the threshold does not split or invent contacts; contacts cut by the start or end of the
 * recording are dropped. Initial contact is the first sample above the threshold, toe-off the first sample back at
 * or below it. On one plate under both feet (a single-belt treadmill) the contacts alternate feet but do not say
 * which; per-foot plates give each foot its own contacts.
 *
 * <p>Debounce, as in the derivation of the shared reference files: a change between "above" and "at or below" the
 * threshold counts only when the new state lasts at least the debounce time; shorter runs, in time order, take the
 * state of the run before them (so a contact ends at the first sample of a lasting drop, and a short blip before a
 * landing does not move the landing). The first and the last run are kept as they are: they are cut by the
 * recording, not short (a recording that starts 8 ms before a landing keeps that landing).
 */
public final class VerticalForceContacts {
    private VerticalForceContacts() {
    }

    /** Runs of equal state: {start, end (exclusive), 1 on / 0 off}. */
    private static List<int[]> runs(boolean[] on) {
        List<int[]> runs = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= on.length; i++) {
            if (i == on.length || on[i] != on[start]) {
                runs.add(new int[] {start, i, on[start] ? 1 : 0});
                start = i;
            }
        }
        return runs;
    }

    /**
     * A change of state counts only when the new state lasts at least {@code minLen} samples: in time order, every run
     * between the first and the last that is shorter takes the state of the run before it (as merged so far).
     */
    private static void debounce(boolean[] on, int minLen) {
        List<int[]> runs = runs(on);
        boolean state = runs.get(0)[2] == 1;
        for (int k = 1; k < runs.size() - 1; k++) {
            int[] r = runs.get(k);
            if (r[1] - r[0] < minLen) {
                for (int i = r[0]; i < r[1]; i++) {
                    on[i] = state;
                }
            } else {
                state = r[2] == 1;
            }
        }
    }

    /**
     * Contacts as half-open index ranges {@code [ic, to)}.
     *
     * @param forceN      vertical force (any unit, the threshold's); {@code NaN} counts as below the threshold
     * @param threshold   contact when the force is above this
     * @param rateHz      sampling rate (Hz)
     * @param settings    debounce and partial contacts
     */
    public static List<IndexRange> detect(double[] forceN, double threshold, double rateHz,
                                          ForceContactSettings settings) {
        int n = forceN.length;
        List<IndexRange> out = new ArrayList<>();
        if (n == 0) {
            return out;
        }
        boolean[] on = new boolean[n];
        for (int i = 0; i < n; i++) {
            on[i] = forceN[i] > threshold;
        }
        int minLen = (int) Math.round(settings.debounceMs() / 1000.0 * rateHz);
        debounce(on, minLen);
        List<int[]> runs = runs(on);
        for (int[] r : runs) {
            if (r[2] != 1) {
                continue;
            }
            if (settings.dropPartial() && (r[0] == 0 || r[1] == n)) {
                continue;
            }
            out.add(new IndexRange(r[0], r[1]));
        }
        return out;
    }
}
