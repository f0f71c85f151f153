package org.gaitform.agreement;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import org.gaitform.events.ForceContactSettings;
import org.gaitform.events.IndexRange;
import org.gaitform.events.VerticalForceContacts;
import org.gaitform.io.force.ForcePlate;
import org.gaitform.io.force.ForceRecording;
import org.gaitform.io.force.ForceUnit;
import org.gaitform.model.Decision;
import org.gaitform.model.GaitformException;
import org.gaitform.model.Side;

/**
 * Reference contacts from a force recording ({@link VerticalForceContacts}, per plate): on one plate under both
 * feet the contacts have no side; per-foot plates give each contact its foot. A threshold in the other unit than the
 * force is converted with the body weight: the body mass when given, else (force in newtons) the mean vertical
 * force over whole steps — from the first to the last initial contact found at 50 N — which equals body weight on
 * level ground (Newton's second law over a periodic movement).
 */
public final class ForceReferences {
    /** Standard gravity (m/s²). */
    public static final double G = 9.80665;

    private ForceReferences() {
    }

    /**
     * Derives the reference.
     *
     * @param force       the force recording
     * @param threshold   the contact threshold, or {@code null} for the default of the force's unit (50 N, 0.05 BW)
     * @param settings    debounce and partial contacts
     * @param bodyMassKg  body mass (kg) if known, for converting the threshold
     */
    public static Reference contacts(ForceRecording force, ForceThreshold threshold, ForceContactSettings settings,
                                     OptionalDouble bodyMassKg) {
        List<Decision> decisions = new ArrayList<>(force.decisions());
        ForceThreshold t = threshold != null ? threshold : ForceThreshold.defaultFor(force.unit());
        double level = level(force, t, settings, bodyMassKg, decisions);
        List<ReferenceContact> contacts = new ArrayList<>();
        for (ForcePlate p : force.plates()) {
            for (IndexRange r : VerticalForceContacts.detect(p.verticalForce(), level, force.samplingRateHz(),
                    settings)) {
                contacts.add(new ReferenceContact(force.timeS(r.from()), force.timeS(r.to()), p.side()));
            }
        }
        boolean perFoot = force.plates().stream().anyMatch(p -> p.side() != Side.UNKNOWN);
        String desc = String.format(Locale.ROOT, "contacts from the vertical ground-reaction force (%s, %s Hz, %s): "
                        + "force above %s, on and off runs shorter than %s ms merged, %s; initial contact = first "
                        + "sample above, toe-off = first sample back at or below", plateText(force),
                fmt(force.samplingRateHz()), perFoot ? "one plate per foot" : "one plate under both feet, no sides",
                t.label() + (t.unit() != force.unit() ? " (" + fmt(level) + " " + force.unit().symbol() + ")" : ""),
                fmt(settings.debounceMs()), settings.dropPartial() ? "contacts cut by the start or end dropped"
                        : "partial contacts kept");
        decisions.add(new Decision("reference_threshold", t.label(), threshold == null ? "the default for forces in "
                + force.unit().symbol() : "given"));
        return Reference.ofContacts(force.source(), ReferenceKind.FORCE, desc, contacts, decisions);
    }

    private static double level(ForceRecording force, ForceThreshold t, ForceContactSettings settings,
                                OptionalDouble massKg, List<Decision> decisions) {
        if (t.unit() == force.unit()) {
            return t.value();
        }
        if (t.unit() == ForceUnit.BODY_WEIGHT) {
            // threshold in BW, force in N
            double weightN;
            if (massKg.isPresent()) {
                weightN = massKg.getAsDouble() * G;
                decisions.add(new Decision("reference_body_weight_n", fmt(weightN), "body mass " + fmt(massKg.getAsDouble())
                        + " kg × g"));
            } else {
                weightN = weightFromSteps(force, settings);
                decisions.add(new Decision("reference_body_weight_n", fmt(weightN), "mean vertical force over whole "
                        + "steps (first to last initial contact at 50 N): body weight"));
            }
            return t.value() * weightN;
        }
        // threshold in N, force in BW
        if (massKg.isEmpty()) {
            throw GaitformException.badInput(force.source(), "vertical force", "a body mass (--body-mass-kg, or a "
                    + "body_mass_kg column in the metadata) to turn the " + t.label() + " threshold into body weights",
                    "forces in body weights and no body mass");
        }
        double bw = t.value() / (massKg.getAsDouble() * G);
        decisions.add(new Decision("reference_threshold_bw", fmt(bw), t.label() + " / (" + fmt(massKg.getAsDouble())
                + " kg × g)"));
        return bw;
    }

    /** Mean summed vertical force (N) from the first to the last initial contact at 50 N. */
    static double weightFromSteps(ForceRecording force, ForceContactSettings settings) {
        int n = force.size();
        double[] total = new double[n];
        for (ForcePlate p : force.plates()) {
            double[] f = p.verticalForce();
            for (int i = 0; i < n; i++) {
                total[i] += Double.isFinite(f[i]) ? f[i] : 0;
            }
        }
        List<IndexRange> c = VerticalForceContacts.detect(total, ForceThreshold.NEWTONS_50.value(),
                force.samplingRateHz(), settings);
        int from = c.size() >= 3 ? c.get(0).from() : 0;
        int to = c.size() >= 3 ? c.get(c.size() - 1).from() : n;
        double s = 0;
        for (int i = from; i < to; i++) {
            s += total[i];
        }
        if (!(to > from) || !(s > 0)) {
            throw GaitformException.notAnalysable(force.source(), "no whole steps in the force to estimate body weight "
                    + "from; give --body-mass-kg");
        }
        return s / (to - from);
    }

    private static String plateText(ForceRecording f) {
        return f.plates().stream().map(p -> "'" + p.name() + "'" + (p.side() == Side.UNKNOWN ? "" : " " + p.side()
                .label())).reduce((a, b) -> a + ", " + b).orElse("") + " in " + f.unit().symbol();
    }

    static String fmt(double v) {
        if (Math.abs(v - Math.rint(v)) < 1e-6 && Math.abs(v) < 1e9) {
            return String.valueOf((long) Math.rint(v));
        }
        return String.format(Locale.ROOT, "%.4g", v).replaceAll("(\\.\\d*?)0+$", "$1").replaceAll("\\.$", "");
    }
}
