package org.gaitform.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.gaitform.model.Activity;
import org.gaitform.model.Step;
import org.gaitform.signal.Stats;

/**
 * Form over the course of a run: the running steps grouped into consecutive windows (a minute for runs of six
 * minutes or more, 30 s for runs of two minutes or more, 10 s otherwise), with the mean cadence, contact time
 * and every per-step indicator in each window, and notes on where form drifts away from the first third of the
 * run (the articles ask runners to note where in a run form starts to break down).
 */
public final class FormOverTime {
    /** A change from the first third of the run that deserves a note (fraction). */
    public static final double CADENCE_DRIFT = 0.03;
    /** Contact-time drift that deserves a note (fraction). */
    public static final double CONTACT_DRIFT = 0.05;

    private FormOverTime() {
    }

    /**
     * One window.
     *
     * @param startS start (s)
     * @param endS   end (s)
     * @param nSteps running steps in it
     * @param means  window means by column name ({@code cadence_spm}, {@code contact_ms}, extras)
     */
    public record Window(double startS, double endS, int nSteps, Map<String, Double> means) {
        public Window {
            means = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(means));
        }
    }

    /**
     * The windows and the notes.
     *
     * @param windowS window length (s)
     * @param windows windows in time order (only those with steps)
     * @param notes   sentences about drift, possibly none
     */
    public record Result(double windowS, List<Window> windows, List<String> notes) {
        public Result {
            windows = List.copyOf(windows);
            notes = List.copyOf(notes);
        }
    }

    /** Groups the running steps of a session. */
    public static Result of(List<Step> steps) {
        List<Step> run = steps.stream().filter(s -> s.activity() == Activity.RUNNING).toList();
        if (run.isEmpty()) {
            return new Result(0, List.of(), List.of());
        }
        double start = run.get(0).icS();
        double end = run.get(run.size() - 1).icS();
        double span = end - start;
        double w = span >= 360 ? 60 : span >= 120 ? 30 : 10;
        Set<String> extras = new LinkedHashSet<>();
        run.forEach(s -> extras.addAll(s.extras().keySet()));
        List<Window> windows = new ArrayList<>();
        for (double a = start; a <= end; a += w) {
            double b = a + w;
            double lo = a;
            List<Step> in = run.stream().filter(s -> s.icS() >= lo && s.icS() < b).toList();
            if (in.size() < 3) {
                continue;
            }
            Map<String, Double> m = new LinkedHashMap<>();
            double stepTime = Stats.mean(in.stream().mapToDouble(Step::stepTimeS).toArray());
            m.put("cadence_spm", stepTime > 0 ? 60 / stepTime : Double.NaN);
            m.put("contact_ms", Stats.mean(in.stream().mapToDouble(Step::contactMs).toArray()));
            for (String e : extras) {
                m.put(e, Stats.mean(in.stream().mapToDouble(s -> s.extras().getOrDefault(e, Double.NaN)).toArray()));
            }
            windows.add(new Window(a, Math.min(b, end), in.size(), m));
        }
        return new Result(w, windows, notes(windows, w));
    }

    private static List<String> notes(List<Window> windows, double w) {
        List<String> out = new ArrayList<>();
        if (windows.size() < 4) {
            return out;
        }
        int third = Math.max(1, windows.size() / 3);
        double cad0 = Stats.mean(windows.subList(0, third).stream().mapToDouble(x -> x.means().get("cadence_spm")).toArray());
        double con0 = Stats.mean(windows.subList(0, third).stream().mapToDouble(x -> x.means().get("contact_ms")).toArray());
        double t0 = windows.get(0).startS();
        // first window after which the drift holds for two windows in a row
        for (int i = third; i + 1 < windows.size(); i++) {
            double c1 = windows.get(i).means().get("cadence_spm") / cad0 - 1;
            double c2 = windows.get(i + 1).means().get("cadence_spm") / cad0 - 1;
            double k1 = windows.get(i).means().get("contact_ms") / con0 - 1;
            double k2 = windows.get(i + 1).means().get("contact_ms") / con0 - 1;
            boolean cadence = c1 < -CADENCE_DRIFT && c2 < -CADENCE_DRIFT;
            boolean contact = k1 > CONTACT_DRIFT && k2 > CONTACT_DRIFT;
            if (cadence || contact) {
                String when = w >= 60 ? String.format(Locale.ROOT, "minute %.0f", (windows.get(i).startS() - t0) / 60)
                        : String.format(Locale.ROOT, "%.0f s", windows.get(i).startS() - t0);
                StringBuilder sb = new StringBuilder("From " + when + " into the run, ");
                if (cadence) {
                    sb.append(String.format(Locale.ROOT, "cadence stayed %.0f %% below", -100 * (c1 + c2) / 2));
                }
                if (cadence && contact) {
                    sb.append(" and ");
                }
                if (contact) {
                    sb.append(String.format(Locale.ROOT, "contact time stayed %.0f %% above", 100 * (k1 + k2) / 2));
                }
                sb.append(" the first third of the run. Note whether this matches a change of speed or slope, or "
                        + "fatigue: that is where form starts to change.");
                out.add(sb.toString());
                break;
            }
        }
        return out;
    }
}
