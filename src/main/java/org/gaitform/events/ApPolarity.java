package org.gaitform.events;

import java.util.List;
import org.gaitform.signal.Stats;
import org.gaitform.signal.ZeroPhaseButterworth;

/**
 * Checks the sign of an antero-posterior axis: right after landing the trunk brakes, so the forward
 * acceleration in the first 40 ms of stance is below its running mean in most steps. When most steps
 * show the opposite, the axis points backwards.
 */
public final class ApPolarity {
    private ApPolarity() {
    }

    /**
     * True when the antero-posterior axis of {@code signals} points backwards.
     *
     * @param contacts contacts found from the vertical acceleration alone
     */
    public static boolean looksReversed(TrunkSignals signals, List<DetectedContact> contacts) {
        if (!signals.hasAp() || contacts.size() < 4) {
            return false;
        }
        double fs = signals.samplingRateHz();
        double[] ap = ZeroPhaseButterworth.lowPass(2, 10).apply(signals.ap(), fs);
        int w = (int) Math.round(0.04 * fs);
        int backwards = 0;
        for (DetectedContact c : contacts) {
            int ic = (int) Math.round(c.icIndex());
            int to = (int) Math.round(c.toIndex());
            double early = Stats.mean(ap, ic, ic + w + 1);
            double stance = Stats.mean(ap, ic, to + 1);
            if (early > stance) {
                backwards++;
            }
        }
        return backwards > contacts.size() / 2;
    }
}
