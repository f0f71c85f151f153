package org.gaitform.events;

import java.util.ArrayList;
import java.util.List;
import org.gaitform.model.Activity;
import org.gaitform.signal.Extrema;
import org.gaitform.signal.Periodicity;
import org.gaitform.signal.Stats;
import org.gaitform.signal.ZeroPhaseButterworth;

/**
 * Cadence and running/walking bouts from any body-worn accelerometer (wrist, arm, pocket), where the exact
 * instants of contact cannot be seen. The acceleration magnitude is band-passed (0.5–5 Hz) and cut into 6 s
 * windows every 3 s. In each window the autocorrelation gives the step period: every foot contact jolts the
 * whole body, so the magnitude repeats once per step; an arm swing or a thigh repeats once per stride, so when
 * the best period in the stride range (0.5–1.6 s) is twice a weaker step period the step period is taken, and
 * when no step period shows, half the stride. Windows are running when cadence is at least
 * {@value #RUNNING_MIN_SPM} steps/min and the jolts are strong (magnitude SD at least {@value #RUNNING_MIN_SD_G} g),
 * or whenever cadence reaches {@value #RUNNING_SURE_SPM} steps/min; walking at lower cadences down to 60 steps/min; standing when the magnitude barely varies. Step marks are the
 * magnitude's peaks, one per step period; they mark steps, not initial contacts. These rules are this project's
 * own.
 */
public final class StepPeriodicity {
    public static final double WINDOW_S = 6;
    public static final double HOP_S = 3;
    public static final double RUNNING_MIN_SPM = 135;
    public static final double RUNNING_MIN_SD_G = 0.35;
    /** Cadence above which a person runs whatever the jolts (no one walks this fast), steps/min. */
    public static final double RUNNING_SURE_SPM = 150;
    public static final double STILL_SD_G = 0.04;
    public static final double MIN_PERIODICITY = 0.3;

    private StepPeriodicity() {
    }

    /**
     * One labelled window.
     *
     * @param from      first sample
     * @param to        one past the last
     * @param activity  what was done
     * @param stepS     step period (s), {@code NaN} when not periodic
     */
    public record Window(int from, int to, Activity activity, double stepS) {
    }

    /** Labels the recording window by window. */
    public static List<Window> windows(double[] magnitudeG, double fs) {
        double[] x = ZeroPhaseButterworth.highPass(2, 0.5).apply(ZeroPhaseButterworth.lowPass(2, 5).apply(magnitudeG, fs), fs);
        int win = (int) Math.round(WINDOW_S * fs);
        int hop = (int) Math.round(HOP_S * fs);
        List<Window> out = new ArrayList<>();
        for (int a = 0; a < Math.max(1, x.length - win + hop); a += hop) {
            int b = Math.min(x.length, a + win);
            if (b - a < win / 2) {
                break;
            }
            double sd = Stats.sd(x, a, b);
            if (sd < STILL_SD_G) {
                out.add(new Window(a, b, Activity.STANDING, Double.NaN));
                continue;
            }
            double[] step = Periodicity.dominantLag(x, a, b, (int) Math.round(0.25 * fs), (int) Math.round(0.8 * fs));
            double[] stride = Periodicity.dominantLag(x, a, b, (int) Math.round(0.5 * fs), (int) Math.round(1.6 * fs));
            double stepS = Double.NaN;
            if (step != null && stride != null) {
                boolean harmonic = Math.abs(2 * step[0] - stride[0]) < 0.15 * stride[0];
                if (step[1] >= MIN_PERIODICITY && (harmonic || step[1] >= stride[1])) {
                    stepS = step[0] / fs;
                } else if (stride[1] >= MIN_PERIODICITY) {
                    stepS = stride[0] / 2 / fs;
                }
            }
            Activity act = Activity.UNKNOWN;
            if (!Double.isNaN(stepS)) {
                double spm = 60 / stepS;
                boolean running = spm >= RUNNING_SURE_SPM || spm >= RUNNING_MIN_SPM && sd >= RUNNING_MIN_SD_G;
                act = running ? Activity.RUNNING : spm >= 60 ? Activity.WALKING : Activity.UNKNOWN;
            }
            out.add(new Window(a, b, act, stepS));
        }
        return out;
    }

    /**
     * Step marks inside a stretch: the magnitude's peaks, searched one step period after another.
     *
     * @return fractional sample indices
     */
    public static List<Double> stepMarks(double[] magnitudeG, double fs, int from, int to, double stepS) {
        double[] x = ZeroPhaseButterworth.lowPass(2, 5).apply(magnitudeG, fs);
        int p = (int) Math.round(stepS * fs);
        List<Double> out = new ArrayList<>();
        int i = Extrema.argMax(x, from, Math.min(to, from + p));
        if (i == from) {
            // the stretch starts on a falling edge: the first peak is the next one
            i = Extrema.argMax(x, from + p / 3, Math.min(to, from + p + p / 3));
        }
        while (i >= 0 && i < to) {
            out.add(Extrema.parabolicVertex(x, i));
            int a = i + (int) Math.round(0.7 * p);
            int b = i + (int) Math.round(1.3 * p);
            if (a >= to) {
                break;
            }
            i = Extrema.argMax(x, a, Math.min(to, b));
        }
        return out;
    }
}
