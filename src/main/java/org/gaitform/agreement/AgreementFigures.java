package org.gaitform.agreement;

import java.util.ArrayList;
import java.util.List;

/**
 * The agreement figures of one recording or of a group of recordings. Per-event and per-step figures pool every
 * event of every recording; per-recording values (cadence, mean contact time) give one difference per recording,
 * and their intraclass correlation ICC(2,1) over the recordings ({@link IntraclassCorrelation}).
 *
 * <p>Pooled per-step limits of agreement treat the steps of a recording as independent. When recordings differ in
 * their bias the limits that account for repeated measures (Bland &amp; Altman 2007, J Biopharm Stat 17:571–582)
 * are somewhat wider; the per-recording rows show how much the recordings differ.
 *
 * @param recordings          number of recordings
 * @param ic                  initial contacts
 * @param to                  toe-offs
 * @param contactPerStepMs    contact time per matched step, detected − reference (ms)
 * @param cadenceSpm          per-recording cadence, gaitform − reference (steps/min)
 * @param contactMs           per-recording mean contact time, gaitform − reference (ms)
 * @param cadenceIcc          ICC(2,1) of the per-recording cadences ({@code NaN} for fewer than 3 recordings)
 * @param contactIcc          ICC(2,1) of the per-recording mean contact times (idem)
 * @param meanCadenceSpm      mean of gaitform's cadences over the recordings compared (steps/min)
 * @param referenceCadenceSpm mean of the reference cadences over the same recordings (steps/min)
 * @param meanContactMs       mean of gaitform's mean contact times over the recordings compared (ms)
 * @param referenceContactMs  mean of the reference mean contact times over the same recordings (ms)
 * @param sidesKnownN         matched initial contacts whose foot both gaitform and the reference name
 * @param sidesRightN         of those, how many gaitform named right
 */
public record AgreementFigures(int recordings, EventFigures ic, EventFigures to, BlandAltman contactPerStepMs,
                               BlandAltman cadenceSpm, BlandAltman contactMs, double cadenceIcc, double contactIcc,
                               double meanCadenceSpm, double referenceCadenceSpm, double meanContactMs,
                               double referenceContactMs, int sidesKnownN, int sidesRightN) {
    /** Fewest recordings for an intraclass correlation. */
    public static final int MIN_ICC_RECORDINGS = 3;

    /** Sides right (%), {@code NaN} when no matched contact has both feet known. */
    public double sidesRightPct() {
        return sidesKnownN == 0 ? Double.NaN : 100.0 * sidesRightN / sidesKnownN;
    }

    /** The figures of a set of recordings. */
    public static AgreementFigures of(List<RecordingAgreement> recs) {
        List<Double> icErr = new ArrayList<>();
        List<Double> toErr = new ArrayList<>();
        List<Double> contactErr = new ArrayList<>();
        int[] icN = new int[3];
        int[] toN = new int[3];
        int sidesKnown = 0;
        int sidesRight = 0;
        int valuesN = 0;
        double[] cadDet = new double[recs.size()];
        double[] cadRef = new double[recs.size()];
        double[] gctDet = new double[recs.size()];
        double[] gctRef = new double[recs.size()];
        for (int k = 0; k < recs.size(); k++) {
            RecordingAgreement r = recs.get(k);
            for (EventRow e : r.events()) {
                int[] n = e.event().equals("ic") ? icN : toN;
                List<Double> err = e.event().equals("ic") ? icErr : toErr;
                switch (e.status()) {
                    case "matched" -> {
                        n[0]++;
                        n[1]++;
                        n[2]++;
                        err.add(e.errorMs());
                        if (e.event().equals("ic")) {
                            if (Double.isFinite(e.contactErrorMs())) {
                                contactErr.add(e.contactErrorMs());
                            }
                            if (!e.sideRight().isEmpty()) {
                                sidesKnown++;
                                sidesRight += e.sideRight().equals("yes") ? 1 : 0;
                            }
                        }
                    }
                    case "missed" -> n[0]++;
                    default -> n[1]++;
                }
            }
            cadDet[k] = r.cadenceSpm();
            cadRef[k] = r.referenceCadenceSpm();
            gctDet[k] = r.contactMs();
            gctRef[k] = r.referenceContactMs();
            valuesN++;
        }
        BlandAltman cad = BlandAltman.of(cadDet, cadRef);
        BlandAltman gct = BlandAltman.of(gctDet, gctRef);
        return new AgreementFigures(valuesN,
                new EventFigures(icN[0], icN[1], icN[2], BlandAltman.of(unbox(icErr))),
                new EventFigures(toN[0], toN[1], toN[2], BlandAltman.of(unbox(toErr))),
                BlandAltman.of(unbox(contactErr)), cad, gct,
                cad.n() >= MIN_ICC_RECORDINGS ? IntraclassCorrelation.icc21(cadDet, cadRef) : Double.NaN,
                gct.n() >= MIN_ICC_RECORDINGS ? IntraclassCorrelation.icc21(gctDet, gctRef) : Double.NaN,
                meanOfPairs(cadDet, cadRef, true), meanOfPairs(cadDet, cadRef, false), meanOfPairs(gctDet, gctRef, true),
                meanOfPairs(gctDet, gctRef, false), sidesKnown, sidesRight);
    }

    private static double[] unbox(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Mean of the first (or second) values over the pairs where both are finite. */
    private static double meanOfPairs(double[] a, double[] b, boolean first) {
        double s = 0;
        int n = 0;
        for (int i = 0; i < a.length; i++) {
            if (Double.isFinite(a[i]) && Double.isFinite(b[i])) {
                s += first ? a[i] : b[i];
                n++;
            }
        }
        return n == 0 ? Double.NaN : s / n;
    }
}
