package org.gaitform.agreement;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import org.gaitform.model.Decision;
import org.gaitform.model.Side;

/**
 * The truth one recording is compared with: reference contacts (initial contact, toe-off, foot), further toe-offs
 * that belong to no listed initial contact, and reference session values. Times are on the recording's own time
 * axis.
 *
 * @param source        the file (and rows) it came from, as named in messages and outputs
 * @param kind          events table, force recording, or session values
 * @param description   how the reference was obtained, one sentence (threshold, debounce, columns …)
 * @param contacts      reference contacts in time order (empty for session values)
 * @param toeOffs       every reference toe-off in time order, also those paired with a contact
 * @param cadenceSpm    the reference cadence when the reference states it (session values); otherwise derived
 * @param contactMs     the reference mean contact time when stated; otherwise derived
 * @param decisions     what was decided while reading it (units, columns, sampling rate)
 */
public record Reference(String source, ReferenceKind kind, String description, List<ReferenceContact> contacts,
                        List<ReferenceEvent> toeOffs, OptionalDouble cadenceSpm, OptionalDouble contactMs,
                        List<Decision> decisions) {
    /** Longest contact a toe-off is paired into (s). */
    static final double MAX_CONTACT_S = 2.0;
    /** Step intervals longer than this multiple of the median are pauses, not steps (cadence). */
    static final double PAUSE_FACTOR = 2.0;

    public Reference {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(description, "description");
        contacts = contacts.stream().sorted(Comparator.comparingDouble(ReferenceContact::icS)).toList();
        toeOffs = toeOffs.stream().sorted(Comparator.comparingDouble(ReferenceEvent::timeS)).toList();
        Objects.requireNonNull(cadenceSpm, "cadenceSpm");
        Objects.requireNonNull(contactMs, "contactMs");
        decisions = List.copyOf(decisions);
    }

    /** A reference of contacts whose toe-offs are already paired (each row one contact). */
    public static Reference ofContacts(String source, ReferenceKind kind, String description,
                                       List<ReferenceContact> contacts, List<Decision> decisions) {
        List<ReferenceEvent> tos = contacts.stream().filter(c -> !Double.isNaN(c.toS()))
                .map(c -> new ReferenceEvent(c.toS(), c.side())).toList();
        return new Reference(source, kind, description, contacts, tos, OptionalDouble.empty(), OptionalDouble.empty(),
                decisions);
    }

    /**
     * A reference of separate initial-contact and toe-off events (as in stride tables, where a row's toe-off
     * belongs to the previous contact of its foot). Each initial contact takes the first toe-off after it of the
     * same foot (or of any foot when either side is unknown) that comes before that foot's next initial contact
     * (before the next initial contact of any foot when the side is unknown) and within 2 s.
     */
    public static Reference ofEvents(String source, ReferenceKind kind, String description,
                                     List<ReferenceEvent> initialContacts, List<ReferenceEvent> toeOffs,
                                     List<Decision> decisions) {
        List<ReferenceEvent> ics = initialContacts.stream().sorted(Comparator.comparingDouble(ReferenceEvent::timeS))
                .toList();
        List<ReferenceEvent> tos = toeOffs.stream().sorted(Comparator.comparingDouble(ReferenceEvent::timeS)).toList();
        boolean[] used = new boolean[tos.size()];
        List<ReferenceContact> contacts = new ArrayList<>();
        for (int i = 0; i < ics.size(); i++) {
            ReferenceEvent ic = ics.get(i);
            double limit = ic.timeS() + MAX_CONTACT_S;
            for (int k = i + 1; k < ics.size(); k++) {
                ReferenceEvent next = ics.get(k);
                if (ic.side() == Side.UNKNOWN || next.side() == ic.side()) {
                    limit = Math.min(limit, next.timeS());
                    break;
                }
            }
            double to = Double.NaN;
            for (int t = 0; t < tos.size(); t++) {
                ReferenceEvent e = tos.get(t);
                if (used[t] || e.timeS() <= ic.timeS()) {
                    continue;
                }
                if (e.timeS() >= limit) {
                    break;
                }
                if (ic.side() == Side.UNKNOWN || e.side() == Side.UNKNOWN || e.side() == ic.side()) {
                    to = e.timeS();
                    used[t] = true;
                    break;
                }
            }
            contacts.add(new ReferenceContact(ic.timeS(), to, ic.side()));
        }
        return new Reference(source, kind, description, contacts, tos, OptionalDouble.empty(), OptionalDouble.empty(),
                decisions);
    }

    /** Session values only. */
    public static Reference ofSessionValues(String source, String description, OptionalDouble cadenceSpm,
                                            OptionalDouble contactMs, List<Decision> decisions) {
        return new Reference(source, ReferenceKind.SESSION_VALUES, description, List.of(), List.of(), cadenceSpm,
                contactMs, decisions);
    }

    /** True when the reference has events to match (not only session values). */
    public boolean hasEvents() {
        return !contacts.isEmpty() || !toeOffs.isEmpty();
    }

    /** True when at least one reference contact names its foot. */
    public boolean sidesKnown() {
        return contacts.stream().anyMatch(c -> c.side() != Side.UNKNOWN);
    }

    /** Initial-contact times (s), ascending. */
    public double[] icTimesS() {
        return contacts.stream().mapToDouble(ReferenceContact::icS).toArray();
    }

    /** Toe-off times (s), ascending. */
    public double[] toTimesS() {
        return toeOffs.stream().mapToDouble(ReferenceEvent::timeS).toArray();
    }

    /** First and last event time (s), or {@code null} without events. */
    public double[] spanS() {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (ReferenceContact c : contacts) {
            lo = Math.min(lo, c.icS());
            hi = Math.max(hi, Double.isNaN(c.toS()) ? c.icS() : c.toS());
        }
        for (ReferenceEvent e : toeOffs) {
            lo = Math.min(lo, e.timeS());
            hi = Math.max(hi, e.timeS());
        }
        return lo <= hi ? new double[] {lo, hi} : null;
    }

    /**
     * The reference cadence (steps/min): the stated value, else 60 / the mean interval between successive initial
     * contacts, leaving out intervals longer than twice their median (pauses, turns, contacts the reference lacks).
     * {@code NaN} with fewer than two contacts.
     */
    public double referenceCadenceSpm() {
        if (cadenceSpm.isPresent()) {
            return cadenceSpm.getAsDouble();
        }
        double[] ic = icTimesS();
        if (ic.length < 2) {
            return Double.NaN;
        }
        double[] d = new double[ic.length - 1];
        for (int i = 1; i < ic.length; i++) {
            d[i - 1] = ic[i] - ic[i - 1];
        }
        return cadenceOfIntervals(d);
    }

    /**
     * 60 / the mean of step intervals (s), leaving out those longer than twice their median (pauses, turns, missing
     * contacts); {@code NaN} without intervals.
     */
    static double cadenceOfIntervals(double[] intervalsS) {
        if (intervalsS.length == 0) {
            return Double.NaN;
        }
        double[] sorted = intervalsS.clone();
        Arrays.sort(sorted);
        double median = sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
        double sum = 0;
        int n = 0;
        for (double x : intervalsS) {
            if (x > 0 && x <= PAUSE_FACTOR * median) {
                sum += x;
                n++;
            }
        }
        return n == 0 ? Double.NaN : 60.0 * n / sum;
    }

    /** The reference mean contact time (ms): the stated value, else the mean over contacts with a toe-off. */
    public double referenceContactMs() {
        if (contactMs.isPresent()) {
            return contactMs.getAsDouble();
        }
        double sum = 0;
        int n = 0;
        for (ReferenceContact c : contacts) {
            if (!Double.isNaN(c.toS())) {
                sum += c.contactMs();
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /** The same reference restricted to events within [fromS, toS]. */
    public Reference within(double fromS, double toS) {
        List<ReferenceContact> c = contacts.stream().filter(x -> x.icS() >= fromS && x.icS() <= toS).toList();
        List<ReferenceEvent> t = toeOffs.stream().filter(x -> x.timeS() >= fromS && x.timeS() <= toS).toList();
        return new Reference(source, kind, description, c, t, cadenceSpm, contactMs, decisions);
    }
}
