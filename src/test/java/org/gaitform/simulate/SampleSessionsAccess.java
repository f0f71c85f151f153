package org.gaitform.simulate;

/** Test access to the simulator's CSV writer. */
public final class SampleSessionsAccess {
    private SampleSessionsAccess() {
    }

    /** The plain CSV export (s, g, deg/s) of a simulated session. */
    public static String plain(SimulatedSession s) {
        return SampleSessions.csv(s, SampleSessions.Style.PLAIN);
    }

    /** The ground-truth table ({@code step,side,ic_s,to_s,…}) of a simulated session. */
    public static String truth(SimulatedSession s) {
        return SampleSessions.truthCsv(s);
    }
}
