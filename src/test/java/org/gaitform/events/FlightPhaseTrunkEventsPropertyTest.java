package org.gaitform.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.LongStream;
import org.gaitform.model.Activity;
import org.gaitform.model.Bout;
import org.gaitform.signal.Vec3;
import org.gaitform.simulate.RunnerProfile;
import org.gaitform.simulate.Segment;
import org.gaitform.simulate.SimulatedSession;
import org.gaitform.simulate.TrunkImuSimulator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A property test of {@link FlightPhaseTrunkEvents} over seeds: a random runner (rearfoot, midfoot or forefoot,
 * cadence and contact time varied) runs three stretches at random speeds of 2.5–5 m/s on random slopes of −10° to
 * +10° (−17.6 to +17.6 %: downhill heel transients with soft-tissue rebounds and long pre-landing rises, uphill
 * flat landings, late-stance bumps and short flights), sampled at 50–1000 Hz with 0.01 g noise. Every true contact
 * must be found once, with no extra contact, and every event within the stated tolerance:
 * <ul>
 *   <li>initial contact with a forward axis: one sample + 3 ms;</li>
 *   <li>initial contact from the vertical alone: one sample + 40 ms (the 0.5 g level is reached 5–40 ms after
 *       landing on this model: soon after a rearfoot transient, late after a flat landing on a steep uphill, where
 *       the load builds up slowly);</li>
 *   <li>toe-off: one and a half samples + 8 ms when the flight after it lasts at least 50 ms; one and a half
 *       samples + 30 ms after shorter flights (slow steep uphill running), where the push-off shoulder meets the
 *       next landing and the trunk never comes back down to free fall, so the return to the flight level comes
 *       early.</li>
 * </ul>
 */
class FlightPhaseTrunkEventsPropertyTest {
    static final double[] RATES_HZ = {50, 100, 128, 200, 250, 500, 1000};
    static final double MAX_SLOPE_PCT = 17.6;
    /** Flights shorter than this (s) get the wider toe-off tolerance. */
    static final double SHORT_FLIGHT_S = 0.050;

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 24);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void everyContactIsFoundOnceAndOnTime(long seed) {
        Random rnd = new Random(seed);
        RunnerProfile.Strike strike = RunnerProfile.Strike.values()[rnd.nextInt(3)];
        RunnerProfile runner = new RunnerProfile(strike, rnd.nextGaussian() * 6, 0.9 + 0.2 * rnd.nextDouble());
        double rate = RATES_HZ[rnd.nextInt(RATES_HZ.length)];
        List<Segment> plan = new ArrayList<>();
        plan.add(Segment.stand(2));
        List<String> stretches = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            double speed = 2.5 + 2.5 * rnd.nextDouble();
            double slope = -MAX_SLOPE_PCT + 2 * MAX_SLOPE_PCT * rnd.nextDouble();
            plan.add(Segment.run(8, speed, slope));
            stretches.add(String.format(Locale.ROOT, "%.2f m/s %+.1f %%", speed, slope));
        }
        plan.add(Segment.stand(2));
        SimulatedSession s = new TrunkImuSimulator(runner, rate, seed, new Vec3(1, 0, 0), new Vec3(0, 0, 1))
                .simulate(plan, 0);
        double[][] body = s.bodyAccG();
        double[] v = body[0].clone();
        double[] ap = body[1].clone();
        for (int i = 0; i < v.length; i++) {
            v[i] += 0.01 * rnd.nextGaussian();
            ap[i] += 0.01 * rnd.nextGaussian();
        }
        List<IndexRange> running = new ArrayList<>();
        for (Bout b : s.bouts()) {
            if (b.activity() == Activity.RUNNING) {
                int from = (int) Math.round(b.startS() * rate);
                int to = (int) Math.round(b.endS() * rate);
                if (!running.isEmpty() && running.get(running.size() - 1).to() == from) {
                    from = running.remove(running.size() - 1).from(); // consecutive running segments: one stretch
                }
                running.add(new IndexRange(from, Math.min(v.length, to)));
            }
        }
        String what = String.format(Locale.ROOT, "seed %d: %s, %.0f Hz, %s", seed, strike, rate, stretches);
        double sample = 1 / rate;
        check(what + ", forward axis", s, new FlightPhaseTrunkEvents().detect(new TrunkSignals(rate, v, ap, null), running),
                rate, sample + 0.003, 1.5 * sample);
        check(what + ", vertical only", s, new FlightPhaseTrunkEvents().detect(new TrunkSignals(rate, v, null, null),
                running), rate, sample + 0.040, 1.5 * sample);
    }

    /**
     * @param toBaseS toe-off tolerance before the allowance for the flight (s): + 8 ms, or + 30 ms after a flight
     *                shorter than {@link #SHORT_FLIGHT_S}
     */
    private static void check(String what, SimulatedSession s, List<DetectedContact> found, double rate, double icTolS,
                              double toBaseS) {
        List<String> problems = new ArrayList<>();
        boolean[] used = new boolean[found.size()];
        List<SimulatedSession.TruthStep> steps = s.steps();
        for (int k = 0; k < steps.size(); k++) {
            SimulatedSession.TruthStep t = steps.get(k);
            double flight = k + 1 < steps.size() ? steps.get(k + 1).icS() - t.toS() : Double.POSITIVE_INFINITY;
            double toTolS = toBaseS + (flight < SHORT_FLIGHT_S ? 0.030 : 0.008);
            int best = -1;
            for (int i = 0; i < found.size(); i++) {
                if (best < 0 || Math.abs(found.get(i).icIndex() / rate - t.icS())
                        < Math.abs(found.get(best).icIndex() / rate - t.icS())) {
                    best = i;
                }
            }
            if (best < 0 || Math.abs(found.get(best).icIndex() / rate - t.icS()) > 0.1) {
                problems.add(String.format(Locale.ROOT, "contact at %.3f s (%+.1f %%) missed", t.icS(), t.slopePct()));
                continue;
            }
            used[best] = true;
            double icErr = found.get(best).icIndex() / rate - t.icS();
            double toErr = found.get(best).toIndex() / rate - t.toS();
            if (Math.abs(icErr) > icTolS || Math.abs(toErr) > toTolS) {
                problems.add(String.format(Locale.ROOT, "contact at %.3f s (%.2f m/s %+.1f %%, flight after it %.0f ms): "
                        + "IC %+.1f ms (tolerance %.1f), TO %+.1f ms (tolerance %.1f)", t.icS(), t.speedMps(), t.slopePct(),
                        1000 * flight, 1000 * icErr, 1000 * icTolS, 1000 * toErr, 1000 * toTolS));
            }
        }
        for (int i = 0; i < found.size(); i++) {
            if (!used[i]) {
                problems.add(String.format(Locale.ROOT, "extra contact at %.3f s", found.get(i).icIndex() / rate));
            }
        }
        assertThat(problems).as(what).isEmpty();
    }
}
