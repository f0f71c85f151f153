package org.gaitform.events;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gaitform.kinematics.Body;
import org.gaitform.kinematics.Landmark;
import org.gaitform.kinematics.View;
import org.gaitform.model.Side;
import org.gaitform.signal.Stats;

/**
 * The floor's up-and-down drift in a side video, from where each stance puts the planted foot, and the body with it
 * removed.
 *
 * <p>A foot on the ground rests at the floor's height. On a camera that stands still every stance of a foot puts its
 * lowest point at the same image height, to within the keypoints' jitter; a camera held in the hand moves, and the
 * floor with it, by a few pixels — enough to move a foot's height above the floor through the clearance the contacts
 * are found with ({@link FootClearanceEvents}). Per stance, the median height of the lower of heel and toe over the
 * middle half of the contact (the foot flat on the floor), less that foot's median over its stances (the two feet
 * stand at different depths), samples the drift at the stance's middle; between those samples (both feet's, one per
 * step) it is interpolated linearly, before the first and after the last held. Taking it off every point's up
 * coordinate measures each foot from the floor under it, as the contacts of a frontal view of a runner moving away
 * are ({@code FrontalPerspective}).
 */
public final class FloorDrift {
    /** Decision key: whether the floor's drift was taken off, and how much the stances' levels spread. */
    public static final String KEY = "floor_drift";
    /** Fewest stances per foot for the drift to be measured. */
    static final int MIN_STANCES = 4;

    /**
     * Spread of the stances' levels (% of leg length) from which the drift is taken off: about 4 mm on an adult's leg,
     * a few milliseconds at the speed a foot meets the floor. On Fukuchi's and Hamner's force-plate trials filmed by a
     * virtual side camera that stands still (60 fps, 0–3 px of jitter) the levels spread by 0.14–0.58 %, and by
     * 0.82–0.91 % on RBDS002 T45, whose treadmill deck itself moves in the lab's frame; a hand-held camera drifting by
     * 3 px (0.8 % of the leg) spreads them by 0.67–1.41 % (docs/pose-input.md, "A camera that moves").
     */
    public static final double MIN_SPREAD_PCT = 0.5;

    private FloorDrift() {
    }

    /**
     * The drift.
     *
     * @param shift    per frame, the floor's height over its median (body units)
     * @param stances  the stances it was sampled at
     * @param spreadPct the robust standard deviation of the stances' levels (median absolute deviation × 1.4826, per
     *                 foot, the two feet pooled as the root mean square), in per cent of the leg's length
     */
    public record Result(double[] shift, int stances, double spreadPct) {
        /** Whether the drift is large enough to be taken off ({@link #MIN_SPREAD_PCT}). */
        public boolean applies() {
            return spreadPct >= MIN_SPREAD_PCT;
        }
    }

    /** One stance's floor: its middle frame and the planted foot's level (body units, over its foot's median). */
    private record Level(double index, Side side, double level) {
    }

    /**
     * The drift of a 2D side view with at least {@link #MIN_STANCES} stances of each foot seen at the heel or toe,
     * else empty.
     *
     * @param footHeight per side, the lower of heel and toe (the ankle where a foot has no heel) above its own ground
     *                   level, per frame, as the contacts were found from ({@link FootClearanceEvents.Result#footHeight()})
     */
    public static Optional<Result> measure(Body b, List<FootContact> contacts, Map<Side, double[]> footHeight) {
        if (b.view() != View.SAGITTAL || !(b.legLength() > 0)) {
            return Optional.empty();
        }
        List<Level> all = new ArrayList<>();
        double sumSq = 0;
        for (Side s : new Side[] {Side.LEFT, Side.RIGHT}) {
            double[] low = footHeight.get(s);
            if (low == null || !(b.has(Landmark.of("HEEL", s)) || b.has(Landmark.of("TOE", s)))) {
                return Optional.empty();
            }
            List<Level> levels = new ArrayList<>();
            for (FootContact c : contacts) {
                if (c.side() != s) {
                    continue;
                }
                double d = c.toIndex() - c.icIndex();
                int from = Math.max(0, (int) Math.ceil(c.icIndex() + d / 4));
                int to = Math.min(b.size() - 1, (int) Math.floor(c.toIndex() - d / 4));
                double[] mid = new double[Math.max(0, to - from + 1)];
                int m = 0;
                for (int i = from; i <= to; i++) {
                    if (Double.isFinite(low[i])) {
                        mid[m++] = low[i];
                    }
                }
                if (m > 0) {
                    levels.add(new Level((from + to) / 2.0, s, Stats.median(java.util.Arrays.copyOf(mid, m))));
                }
            }
            if (levels.size() < MIN_STANCES) {
                return Optional.empty();
            }
            double[] v = levels.stream().mapToDouble(Level::level).toArray();
            double med = Stats.median(v);
            double[] dev = new double[v.length];
            for (int i = 0; i < v.length; i++) {
                dev[i] = Math.abs(v[i] - med);
            }
            double sd = 1.4826 * Stats.median(dev);
            sumSq += sd * sd;
            for (Level l : levels) {
                all.add(new Level(l.index(), s, l.level() - med));
            }
        }
        all.sort(Comparator.comparingDouble(Level::index));
        int n = b.size();
        double[] shift = new double[n];
        int k = 0;
        for (int i = 0; i < n; i++) {
            while (k < all.size() && all.get(k).index() <= i) {
                k++;
            }
            if (k == 0) {
                shift[i] = all.get(0).level();
            } else if (k == all.size()) {
                shift[i] = all.get(all.size() - 1).level();
            } else {
                Level a = all.get(k - 1);
                Level c = all.get(k);
                shift[i] = a.level() + (c.level() - a.level()) * (i - a.index()) / (c.index() - a.index());
            }
        }
        return Optional.of(new Result(shift, all.size(), 100 * Math.sqrt(sumSq / 2) / b.legLength()));
    }
}
