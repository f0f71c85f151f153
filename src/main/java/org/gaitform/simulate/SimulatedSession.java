package org.gaitform.simulate;

import java.util.List;
import org.gaitform.model.Bout;
import org.gaitform.model.Side;

/**
 * A simulated recording with its ground truth.
 *
 * @param samplingRateHz rate (Hz)
 * @param timeS          sample times (s)
 * @param accG           sensor-axis accelerations [x, y, z][sample] (g, gravity included)
 * @param gyrDps         sensor-axis angular velocities [x, y, z][sample] (deg/s)
 * @param bodyAccG       body-axis accelerations [vertical, forward, right][sample] (g, gravity included)
 * @param steps          true running steps
 * @param bouts          true activity bouts
 */
public record SimulatedSession(double samplingRateHz, double[] timeS, double[][] accG, double[][] gyrDps,
                               double[][] bodyAccG, List<TruthStep> steps, List<Bout> bouts) {

    /**
     * One true step.
     *
     * @param side     the foot
     * @param icS      initial contact (s)
     * @param toS      toe-off (s)
     * @param speedMps running speed (m/s)
     * @param slopePct gradient (%)
     */
    public record TruthStep(Side side, double icS, double toS, double speedMps, double slopePct) {
    }

    public SimulatedSession {
        steps = List.copyOf(steps);
        bouts = List.copyOf(bouts);
    }
}
