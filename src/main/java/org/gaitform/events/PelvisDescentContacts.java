package org.gaitform.events;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.gaitform.kinematics.Body;
import org.gaitform.kinematics.BodyFrame;
import org.gaitform.kinematics.Landmark;
import org.gaitform.model.Side;
import org.gaitform.signal.Extrema;
import org.gaitform.signal.Stats;

/**
 * Initial contacts timed from the pelvis's descent, for a view in which the feet cannot time them: a runner on a
 * treadmill filmed from behind or ahead, where the belt carries the planted foot through the picture and a foot
 * reaches the floor's image height only late in stance.
 *
 * <p>Physics. In flight the body falls freely and its downward speed grows; after landing it keeps growing until
 * the ground's push exceeds the body's weight, a few tens of milliseconds later, and then the body is braked down
 * to its lowest point in mid-stance. So the pelvis descends fastest shortly after each landing, whatever the foot
 * that lands and however it strikes. At one distance from a frontal camera the pelvis's image height is its height
 * (scaled), so that moment is seen, and an initial contact is put {@link #LANDING_TO_FASTEST_DESCENT_S} before it.
 * The foot detector's contacts still say which foot lands in which step; each contact's initial contact moves to the
 * pelvis's fastest descent within the step around it, and its toe-off, when the feet's is earlier, to where the
 * pelvis's lowest point puts it (from ahead the belt carries the planted foot up the picture, so the feet seem to
 * leave early).
 *
 * <p>This is this project's method. The delay was measured on the hip markers (mean of the four pelvis markers,
 * 6 Hz low-pass) of the shared treadmill trials with force-plate contacts: 21–38 ms on Hamner and Delp 2013 (one
 * rearfoot runner, 2–5 m/s) and 36 ms on Fukuchi et al. 2017 RBDS001 (forefoot, 2.5 m/s), from which the constant was
 * taken (docs/tuning-split.csv); 24 ms on RBDS008 T35 (rearfoot, 3.5 m/s), 34 ms on RBDS002 T25 (midfoot, 2.5 m/s)
 * and 9 ms on RBDS002 T45 (forefoot, 4.5 m/s), held out. Per contact it scatters by 3–5 ms (SD). The lowest point of
 * the pelvis, 39–45 % into the stance on all eight, confirms the physics; it gives a toe-off only through the initial
 * contact (its error grows 2.4 times: −38 to +29 ms on those trials), so it is used only where the feet's is worse.
 */
public final class PelvisDescentContacts {
    /** From initial contact to the pelvis's fastest descent (s): the mean over the tuning trials (above). */
    public static final double LANDING_TO_FASTEST_DESCENT_S = 0.028;
    /**
     * Where in the stance the pelvis is lowest (share of the contact time): 0.424, the mean over the tuning trials
     * (Hamner's four, 0.39–0.44, and RBDS001, 0.45); the held-out ones gave 0.42–0.43. A toe-off is put where this
     * share makes it when that is later than the feet's (a treadmill filmed from ahead, where the belt carries the
     * planted foot up the picture and the feet seem to leave the floor 130–180 ms early).
     */
    public static final double LOWEST_SHARE_OF_STANCE = 0.424;
    /** The pelvis height is low-passed here (Hz) before it is differentiated: above the step, below the impact. */
    public static final double PELVIS_CUTOFF_HZ = 6;
    /**
     * {@link #retime} changes nothing unless it times at least this share of the contacts: the contacts it leaves out
     * leave gaps, and where half of them are gaps a stride would pass for a step.
     */
    public static final double MIN_TIMED_SHARE = 0.75;

    private PelvisDescentContacts() {
    }

    /**
     * The contacts re-timed.
     *
     * @param contacts    the contacts, each initial contact moved to the pelvis's descent; those the pelvis could not
     *                    time are left out (their initial contacts would stay late); the input unchanged when fewer
     *                    than {@link #MIN_TIMED_SHARE} of them could be timed
     * @param retimed     how many were moved ({@code 0} when the input is returned unchanged)
     * @param dropped     how many were left out
     * @param meanShiftMs mean move of the initial contacts (ms, negative: earlier), NaN when none moved
     */
    public record Result(List<FootContact> contacts, int retimed, int dropped, double meanShiftMs) {
        /** True when the initial contacts come from the pelvis. */
        public boolean applied() {
            return retimed > 0;
        }
    }

    /**
     * Moves each contact's initial contact to {@link #LANDING_TO_FASTEST_DESCENT_S} before the pelvis's fastest
     * descent in the step around it (from three quarters of a step before the foot's own initial contact to a quarter
     * after it: one step, so one descent, whether the foot's contact is on time or up to half a step late). For a view
     * whose feet time the landings late (a treadmill filmed from behind or ahead). Each toe-off stays the feet's, or
     * moves to where the pelvis's lowest point puts it ({@link #LOWEST_SHARE_OF_STANCE}) when that is later, but not
     * past the next landing nor the recording's last frame. A contact the pelvis cannot time (not seen there, at the
     * recording's ends, or a new initial contact that would not fall after the previous contact's and the same foot's
     * previous toe-off and before its own toe-off) is left out; when fewer than {@link #MIN_TIMED_SHARE} of them are
     * timed, the contacts are returned unchanged.
     */
    public static Result retime(Body body, List<FootContact> contacts) {
        Result unchanged = new Result(contacts, 0, 0, Double.NaN);
        double[][] both = candidates(body, contacts);
        if (both == null) {
            return unchanged;
        }
        double[] ic = both[0];
        double[] toFromPelvis = both[1];
        List<FootContact> out = new ArrayList<>();
        double shift = 0;
        for (int k = 0; k < contacts.size(); k++) {
            FootContact c = contacts.get(k);
            if (Double.isFinite(ic[k])) {
                double to = c.toIndex();
                if (toFromPelvis[k] > to) {
                    // not past the next landing (running has no double support) nor the recording's end
                    double next = body.size() - 1;
                    for (int j = k + 1; j < ic.length; j++) {
                        if (Double.isFinite(ic[j])) {
                            next = Math.min(next, ic[j]);
                            break;
                        }
                    }
                    to = Math.max(to, Math.min(toFromPelvis[k], next));
                }
                out.add(new FootContact(c.side(), ic[k], to, c.icPoint(), c.relSpeed()));
                shift += (ic[k] - c.icIndex()) / body.rateHz() * 1000;
            }
        }
        if (out.size() < MIN_TIMED_SHARE * contacts.size()) {
            return unchanged;
        }
        return new Result(out, out.size(), contacts.size() - out.size(), shift / out.size());
    }

    /**
     * Per contact, the initial contact the pelvis gives and the toe-off its lowest point gives (fractional frames),
     * NaN where it gives none; null when the pelvis is not seen at all or there are too few contacts for a step period.
     */
    private static double[][] candidates(Body body, List<FootContact> contacts) {
        if (contacts.size() < 3 || !body.has(Landmark.MID_HIP)) {
            return null;
        }
        double rate = body.rateHz();
        double[] up = BodyFrame.smooth(body.up(Landmark.MID_HIP), rate, PELVIS_CUTOFF_HZ);
        int n = up.length;
        double[] v = new double[n];
        Arrays.fill(v, Double.NaN);
        for (int i = 1; i + 1 < n; i++) {
            v[i] = (up[i + 1] - up[i - 1]) / 2 * rate;
        }
        double[] gaps = new double[contacts.size() - 1];
        for (int k = 1; k < contacts.size(); k++) {
            gaps[k - 1] = contacts.get(k).icIndex() - contacts.get(k - 1).icIndex();
        }
        double step = Stats.median(gaps);
        if (!(step > 4)) {
            return null;
        }
        double[] out = new double[contacts.size()];
        double[] toOut = new double[contacts.size()];
        double[] lastTo = new double[Side.values().length];
        Arrays.fill(lastTo, Double.NEGATIVE_INFINITY);
        double lastIc = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < contacts.size(); k++) {
            FootContact c = contacts.get(k);
            int lo = (int) Math.max(1, Math.ceil(c.icIndex() - 0.75 * step));
            int hi = (int) Math.min(n - 2, Math.floor(c.icIndex() + 0.25 * step));
            int best = -1;
            for (int i = lo; i <= hi; i++) {
                if (Double.isFinite(v[i]) && Double.isFinite(v[i - 1]) && Double.isFinite(v[i + 1])
                        && v[i] <= v[i - 1] && v[i] <= v[i + 1] && (best < 0 || v[i] < v[best])) {
                    best = i;
                }
            }
            int side = c.side().ordinal();
            double ic = best < 0 ? Double.NaN : Extrema.parabolicVertex(v, best) - LANDING_TO_FASTEST_DESCENT_S * rate;
            toOut[k] = Double.NaN;
            if (best >= 0 && v[best] < 0 && ic > lastTo[side] && ic > lastIc && ic < c.toIndex() - 1) {
                out[k] = ic;
                lastIc = ic;
                // the pelvis's lowest point in the half step after its fastest descent
                int low = -1;
                for (int i = best; i <= Math.min(n - 1, best + 0.5 * step); i++) {
                    if (Double.isFinite(up[i]) && (low < 0 || up[i] < up[low])) {
                        low = i;
                    }
                }
                if (low > best && low < n - 1 && up[low] <= up[low + 1]) {
                    toOut[k] = ic + (Extrema.parabolicVertex(up, low) - ic) / LOWEST_SHARE_OF_STANCE;
                }
            } else {
                out[k] = Double.NaN;
            }
            lastTo[side] = c.toIndex();
        }
        return new double[][] {out, toOut};
    }
}
