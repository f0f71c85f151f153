package org.gaitform.io.watch;

import java.util.Arrays;
import java.util.Locale;
import org.gaitform.model.Decision;

/**
 * Normalises cadence to steps of both feet per minute. Garmin (FIT {@code cadence} + {@code fractional_cadence},
 * TCX {@code RunCadence}, GPX {@code cad}) counts one leg — strides per minute, about 75–100 when running —
 * while other tools write steps per minute (about 150–200), and some exports have already been doubled.
 *
 * <p>Detection, in order: with speed, the step length each reading implies — a per-leg reading at running
 * speed gives 0.6–1.8 m per step, the same number read as steps gives twice that; a steps/min reading of a
 * walk read as strides would give steps under 0.45 m. Without speed, the 90th percentile of the non-zero
 * values: up to {@value #PER_LEG_MAX} it is per leg, above it both feet. The user can override the choice.
 * Thresholds are this project's choice from the ranges above.
 */
public final class CadenceUnits {
    /** Highest 90th percentile read as per-leg cadence (per minute). */
    static final double PER_LEG_MAX = 125;
    /** Shortest plausible step (m). */
    static final double MIN_STEP_M = 0.45;
    /** Longest plausible step at the records' speed (m). */
    static final double MAX_STEP_M = 1.9;

    private CadenceUnits() {
    }

    /**
     * The result: cadence in steps/min and the decision taken.
     *
     * @param stepsPerMin values in steps/min ({@code NaN} stays {@code NaN})
     * @param factor      1 or 2
     * @param decision    how the unit was chosen (key {@code cadence_unit})
     */
    public record Result(double[] stepsPerMin, int factor, Decision decision) {
        public Result {
            stepsPerMin = stepsPerMin.clone();
        }

        @Override
        public double[] stepsPerMin() {
            return stepsPerMin.clone();
        }
    }

    /**
     * Normalises a cadence column.
     *
     * @param raw      the values as written
     * @param speedMps speed per record (m/s), or {@code null}
     * @param unit     the user's choice or {@link CadenceUnit#AUTO}
     * @param what     where the values come from, for the decision ("FIT record cadence")
     */
    public static Result normalise(double[] raw, double[] speedMps, CadenceUnit unit, String what) {
        int factor;
        String reason;
        if (unit == CadenceUnit.STEPS) {
            factor = 1;
            reason = "override (--cadence-unit steps): " + what + " taken as steps/min";
        } else if (unit == CadenceUnit.STRIDES) {
            factor = 2;
            reason = "override (--cadence-unit strides): " + what + " taken as strides/min and doubled";
        } else {
            double[] pos = Arrays.stream(raw).filter(v -> v > 0 && Double.isFinite(v)).sorted().toArray();
            if (pos.length == 0) {
                return new Result(raw, 1, new Decision("cadence_unit", "none", what + " holds no cadence values"));
            }
            double p90 = pos[(int) Math.min(pos.length - 1, Math.floor(0.9 * pos.length))];
            double stepIfStrides = impliedStep(raw, speedMps, 2);
            if (!Double.isNaN(stepIfStrides) && stepIfStrides < MIN_STEP_M) {
                factor = 1;
                reason = String.format(Locale.ROOT, "%s read as strides/min would make steps of %.2f m at the recorded "
                        + "speed (too short): the export already counts both feet (doubled), so the values are used as "
                        + "steps/min", what, stepIfStrides);
            } else if (!Double.isNaN(stepIfStrides) && 2 * stepIfStrides > MAX_STEP_M) {
                factor = 2;
                reason = String.format(Locale.ROOT, "%s read as steps/min would make steps of %.2f m at the recorded "
                        + "speed (too long); read as strides/min (one leg, as Garmin writes it) they make %.2f m, so "
                        + "they are doubled to steps/min", what, 2 * stepIfStrides, stepIfStrides);
            } else if (p90 <= PER_LEG_MAX) {
                factor = 2;
                reason = String.format(Locale.ROOT, "the 90th percentile of %s is %.0f per minute, a per-leg (stride) "
                        + "count as Garmin writes it; doubled to steps/min", what, p90);
            } else {
                factor = 1;
                reason = String.format(Locale.ROOT, "the 90th percentile of %s is %.0f per minute, above %.0f: the "
                        + "export already counts both feet (doubled), so the values are used as steps/min", what, p90,
                        PER_LEG_MAX);
            }
        }
        double[] out = new double[raw.length];
        for (int i = 0; i < raw.length; i++) {
            out[i] = raw[i] * factor;
        }
        return new Result(out, factor, new Decision("cadence_unit", factor == 2 ? "strides/min, doubled"
                : "steps/min", reason));
    }

    /** Median step length (m) implied at running speeds (≥ 1.8 m/s) when the values are divided by {@code perStep}. */
    private static double impliedStep(double[] raw, double[] speed, int perStep) {
        if (speed == null) {
            return Double.NaN;
        }
        double[] s = new double[raw.length];
        int n = 0;
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] > 20 && speed[i] >= 1.8 && Double.isFinite(speed[i])) {
                s[n++] = speed[i] * 60.0 / (perStep * raw[i]);
            }
        }
        if (n < 10) {
            return Double.NaN;
        }
        double[] t = Arrays.copyOf(s, n);
        Arrays.sort(t);
        return t[n / 2];
    }
}
