package org.gaitform.simulate;

/**
 * How the simulated runner runs.
 *
 * @param strike            foot strike
 * @param cadenceOffsetSpm  added to the speed-dependent cadence (steps/min); negative for a low-cadence runner
 * @param contactScale      multiplies the speed-dependent contact time
 */
public record RunnerProfile(Strike strike, double cadenceOffsetSpm, double contactScale) {

    /** Foot strike pattern, which shapes the landing transient. */
    public enum Strike {
        REARFOOT(1.2), MIDFOOT(0.5), FOREFOOT(0.0);

        private final double impactG;

        Strike(double impactG) {
            this.impactG = impactG;
        }

        /** Amplitude of the landing transient in the vertical trunk acceleration (g). */
        public double impactG() {
            return impactG;
        }
    }

    /** Cadence at a speed on the flat (steps/min): about 150 + 8 × speed, plus the profile's offset. */
    public double cadenceSpm(double speedMps, double slopePct) {
        return 150 + 8 * speedMps + cadenceOffsetSpm + 0.4 * slopePct;
    }

    /** Contact time at a speed (s): about 0.345 − 0.036 × speed, longer uphill, shorter downhill. */
    public double contactS(double speedMps, double slopePct) {
        return (0.345 - 0.036 * speedMps) * contactScale * (1 + 0.01 * slopePct);
    }
}
