package org.gaitform.agreement;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.gaitform.model.Activity;
import org.gaitform.model.Bout;
import org.gaitform.model.SessionResult;
import org.gaitform.model.Side;
import org.gaitform.model.Step;

/**
 * Compares one analysed recording with its reference: initial contacts and toe-offs are matched one to one within
 * the tolerance ({@link EventMatcher}); each matched initial contact also compares the contact time of its step and
 * its foot; the session's cadence and mean contact time are compared with the reference's.
 *
 * <p>Only detected events inside the reference's span (its first to its last event, widened by the tolerance) take
 * part: a reference that covers part of a recording (contacts cut by the start or end of a force recording are
 * dropped, a stride table covers the walking bouts) does not turn the detections outside it into false positives.
 */
public final class AgreementComparison {
    private AgreementComparison() {
    }

    /**
     * Compares.
     *
     * @param result      the analysed recording
     * @param reference   its reference
     * @param toleranceMs largest accepted timing difference of a match (ms)
     * @param conditions  the recording's condition columns
     */
    public static RecordingAgreement compare(SessionResult result, Reference reference, double toleranceMs,
                                             Map<String, String> conditions) {
        double tol = toleranceMs / 1000.0;
        List<EventRow> rows = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        double[] span = reference.spanS();
        List<Step> steps = result.steps().stream().sorted(Comparator.comparingDouble(Step::icS)).toList();
        if (reference.hasEvents() && span != null) {
            List<Step> inIc = steps.stream().filter(s -> s.icS() >= span[0] - tol && s.icS() <= span[1] + tol).toList();
            int outside = steps.size() - inIc.size();
            if (outside > 0) {
                notes.add(outside + " detected step(s) outside the reference's span (" + fmt(span[0]) + "–"
                        + fmt(span[1]) + " s) are not counted");
            }
            matchInitialContacts(reference, inIc, tol, rows);
            List<Step> withTo = steps.stream().filter(s -> Double.isFinite(s.toS()) && s.toS() >= span[0] - tol
                    && s.toS() <= span[1] + tol).sorted(Comparator.comparingDouble(Step::toS)).toList();
            matchToeOffs(reference, withTo, tol, rows);
        }
        boolean running = result.metric("n_steps") > 0 || Double.isFinite(result.metric("cadence_spm"));
        double cadence = running ? result.metric("cadence_spm") : result.metric("walking_cadence_spm");
        double contact = running ? result.metric("contact_ms") : result.metric("walking_stance_ms");
        if (!running && Double.isFinite(cadence)) {
            notes.add("no running: the walking cadence and stance time are compared");
        }
        String basis = running ? "running" : "walking";
        if (reference.kind() == ReferenceKind.SESSION_VALUES && Double.isFinite(result.metric("overall_cadence_spm"))) {
            // a device's session cadence counts every step over all recorded time: compare the value defined that way
            notes.add(String.format(java.util.Locale.ROOT, "the device's session cadence counts all steps over all "
                    + "recorded time: gaitform's overall_cadence_spm is compared (its cadence while running, cadence_spm, "
                    + "is %.1f steps/min)", cadence));
            cadence = result.metric("overall_cadence_spm");
            basis = "overall";
        }
        Reference values = sameActivity(reference, result, running ? Activity.RUNNING : Activity.WALKING, notes);
        return new RecordingAgreement(result.source(), reference.source(), reference.kind(), reference.description(),
                conditions, rows, reference.hasEvents(), cadence, values.referenceCadenceSpm(), contact,
                values.referenceContactMs(), basis, notes);
    }

    /**
     * The reference contacts inside the bouts of the activity gaitform's session values describe (its cadence and
     * contact time are those of running when the recording has running, of walking otherwise), so that both sides of
     * the comparison cover the same steps. Cadence intervals then never span two bouts.
     */
    static Reference sameActivity(Reference reference, SessionResult result, Activity activity, List<String> notes) {
        List<Bout> bouts = result.bouts().stream().filter(b -> b.activity() == activity).toList();
        if (!reference.hasEvents() || bouts.isEmpty() || reference.cadenceSpm().isPresent()) {
            return reference;
        }
        List<ReferenceContact> in = reference.contacts().stream().filter(c -> bouts.stream().anyMatch(b ->
                b.contains(c.icS()))).toList();
        if (in.size() < 2 || in.size() == reference.contacts().size()) {
            return reference;
        }
        notes.add((reference.contacts().size() - in.size()) + " reference contact(s) outside gaitform's "
                + activity.name().toLowerCase(java.util.Locale.ROOT) + " bouts are left out of the session values");
        List<Double> intervals = new ArrayList<>();
        for (int i = 1; i < in.size(); i++) {
            ReferenceContact a = in.get(i - 1);
            ReferenceContact b = in.get(i);
            boolean sameBout = bouts.stream().anyMatch(x -> x.contains(a.icS()) && x.contains(b.icS()));
            if (sameBout) {
                intervals.add(b.icS() - a.icS());
            }
        }
        double cadence = Reference.cadenceOfIntervals(intervals.stream().mapToDouble(Double::doubleValue).toArray());
        return new Reference(reference.source(), reference.kind(), reference.description(), in, reference.toeOffs(),
                Double.isNaN(cadence) ? java.util.OptionalDouble.empty() : java.util.OptionalDouble.of(cadence),
                reference.contactMs(), reference.decisions());
    }

    private static void matchInitialContacts(Reference reference, List<Step> steps, double tol, List<EventRow> rows) {
        List<ReferenceContact> refs = reference.contacts();
        double[] r = reference.icTimesS();
        double[] d = steps.stream().mapToDouble(Step::icS).toArray();
        List<EventMatcher.Pair> pairs = EventMatcher.match(r, d, tol);
        boolean[] refUsed = new boolean[r.length];
        boolean[] detUsed = new boolean[d.length];
        List<EventRow> out = new ArrayList<>();
        for (EventMatcher.Pair p : pairs) {
            refUsed[p.reference()] = true;
            detUsed[p.detected()] = true;
            ReferenceContact c = refs.get(p.reference());
            Step s = steps.get(p.detected());
            out.add(new EventRow("ic", "matched", c.icS(), s.icS(), c.side(), s.side(), c.contactMs(), s.contactMs()));
        }
        for (int i = 0; i < r.length; i++) {
            if (!refUsed[i]) {
                ReferenceContact c = refs.get(i);
                out.add(new EventRow("ic", "missed", c.icS(), Double.NaN, c.side(), Side.UNKNOWN, c.contactMs(),
                        Double.NaN));
            }
        }
        for (int j = 0; j < d.length; j++) {
            if (!detUsed[j]) {
                Step s = steps.get(j);
                out.add(new EventRow("ic", "extra", Double.NaN, s.icS(), Side.UNKNOWN, s.side(), Double.NaN,
                        s.contactMs()));
            }
        }
        out.sort(Comparator.comparingDouble(AgreementComparison::time));
        rows.addAll(out);
    }

    private static void matchToeOffs(Reference reference, List<Step> steps, double tol, List<EventRow> rows) {
        List<ReferenceEvent> refs = reference.toeOffs();
        double[] r = reference.toTimesS();
        double[] d = steps.stream().mapToDouble(Step::toS).toArray();
        List<EventMatcher.Pair> pairs = EventMatcher.match(r, d, tol);
        boolean[] refUsed = new boolean[r.length];
        boolean[] detUsed = new boolean[d.length];
        List<EventRow> out = new ArrayList<>();
        for (EventMatcher.Pair p : pairs) {
            refUsed[p.reference()] = true;
            detUsed[p.detected()] = true;
            ReferenceEvent e = refs.get(p.reference());
            Step s = steps.get(p.detected());
            out.add(new EventRow("to", "matched", e.timeS(), s.toS(), e.side(), s.side(), Double.NaN, Double.NaN));
        }
        for (int i = 0; i < r.length; i++) {
            if (!refUsed[i]) {
                ReferenceEvent e = refs.get(i);
                out.add(new EventRow("to", "missed", e.timeS(), Double.NaN, e.side(), Side.UNKNOWN, Double.NaN,
                        Double.NaN));
            }
        }
        for (int j = 0; j < d.length; j++) {
            if (!detUsed[j]) {
                Step s = steps.get(j);
                out.add(new EventRow("to", "extra", Double.NaN, s.toS(), Side.UNKNOWN, s.side(), Double.NaN,
                        Double.NaN));
            }
        }
        out.sort(Comparator.comparingDouble(AgreementComparison::time));
        rows.addAll(out);
    }

    private static double time(EventRow e) {
        return Double.isNaN(e.referenceS()) ? e.detectedS() : e.referenceS();
    }

    static String fmt(double s) {
        return String.format(java.util.Locale.ROOT, "%.2f", s);
    }
}
