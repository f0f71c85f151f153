package org.gaitform.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.gaitform.model.Activity;
import org.gaitform.model.SessionResult;
import org.gaitform.model.Side;
import org.gaitform.model.Step;
import org.gaitform.pipeline.AnalysisSettings;
import org.gaitform.pipeline.SessionPipeline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The simulator's sessions are analysed back to their ground truth: the sample sessions with every event within
 * one sample; random runners over seeds (speeds 2.5–5 m/s, slopes −10° to +10°, every foot strike, 50–1000 Hz, any
 * sensor orientation) with the tolerances of {@code FlightPhaseTrunkEventsPropertyTest}.
 */
class SimulatedSessionsTest {

    @TempDir
    Path dir;

    @Test
    void sampleDataIsExactlyWhatTheSimulatorWrites() throws IOException {
        List<Path> written = SampleSessions.write(dir, SampleSessions.DEFAULT_SEED);
        Path committed = Path.of("sample-data");
        for (Path p : written) {
            Path c = committed.resolve(p.getFileName());
            assertThat(c).as("sample-data/%s must exist: regenerate with ./gaitform simulate", p.getFileName()).exists();
            assertThat(Files.readString(c)).as("sample-data/%s differs from the simulator's output; regenerate it",
                    p.getFileName()).isEqualTo(Files.readString(p));
        }
    }

    @Test
    void everyEventOfEverySampleSessionIsFoundWithinOneSample() throws IOException {
        SampleSessions.write(dir, SampleSessions.DEFAULT_SEED);
        SessionPipeline pipeline = new SessionPipeline(AnalysisSettings.defaults());
        for (SampleSessions.Spec spec : SampleSessions.specs()) {
            SessionResult r = pipeline.analyse(dir.resolve(spec.name() + ".csv"), spec.name(), spec.name());
            List<String[]> truth = truth(dir.resolve(spec.name() + ".truth.csv"));
            assertMatches(spec.name(), r, truth, 1.0 / spec.rateHz(), 1.0 / spec.rateHz(), 0);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void holdsAcrossSeedsSpeedsSlopesAndStrikes(long seed) throws IOException {
        // a property test: random runner, speeds 2.5–5 m/s, slopes −17.6..+17.6 % (±10°), sensor orientation, 50–1000 Hz
        java.util.Random rnd = new java.util.Random(seed);
        RunnerProfile.Strike strike = RunnerProfile.Strike.values()[rnd.nextInt(3)];
        RunnerProfile runner = new RunnerProfile(strike, rnd.nextGaussian() * 6, 0.9 + 0.2 * rnd.nextDouble());
        double rate = new double[] {50, 100, 128, 200, 250, 500, 1000}[rnd.nextInt(7)];
        List<Segment> plan = new ArrayList<>();
        plan.add(Segment.stand(2));
        if (seed % 2 == 1) {
            plan.add(Segment.walk(6, 1.4)); // even seeds go straight from standing into running
        }
        for (int k = 0; k < 3; k++) {
            plan.add(Segment.run(12, 2.5 + 2.5 * rnd.nextDouble(), -17.6 + 35.2 * rnd.nextDouble()));
        }
        plan.add(Segment.stand(2));
        org.gaitform.signal.Vec3 fwd = new org.gaitform.signal.Vec3(rnd.nextGaussian(), rnd.nextGaussian(), rnd.nextGaussian());
        org.gaitform.signal.Vec3 up = new org.gaitform.signal.Vec3(rnd.nextGaussian(), rnd.nextGaussian(), rnd.nextGaussian());
        SimulatedSession s = new TrunkImuSimulator(runner, rate, seed, fwd, up).simulate(plan, 0);
        Path csv = dir.resolve("sim" + seed + ".csv");
        Files.writeString(csv, SampleSessions.csv(s, SampleSessions.Style.PLAIN));
        SessionResult r = new SessionPipeline(AnalysisSettings.defaults()).analyse(csv, csv.getFileName().toString(), "s");
        List<String[]> truth = new ArrayList<>();
        for (SimulatedSession.TruthStep t : s.steps()) {
            truth.add(new String[] {"", t.side().label(), String.valueOf(t.icS()), String.valueOf(t.toS())});
        }
        double sample = 1.0 / rate;
        assertMatches("seed " + seed + " (" + strike + ", " + rate + " Hz)", r, truth, sample + 0.003, 1.5 * sample + 0.008,
                0.022);
        double running = s.bouts().stream().filter(b -> b.activity() == Activity.RUNNING).mapToDouble(b -> b.durationS()).sum();
        assertThat(r.metric("running_s")).as("running time").isCloseTo(running, org.assertj.core.data.Offset.offset(1.5));
    }

    /**
     * @param icTolS            largest initial-contact error (s)
     * @param toTolS            largest toe-off error (s)
     * @param shortFlightExtraS added to the toe-off tolerance when the flight after the contact is shorter than 50 ms
     */
    private static void assertMatches(String name, SessionResult r, List<String[]> truth, double icTolS, double toTolS,
                                      double shortFlightExtraS) {
        // the truth lists the running steps; walking steps (warm-up) are reported too, with activity 'walking'
        List<Step> steps = r.steps().stream().filter(s -> s.activity() == Activity.RUNNING).toList();
        List<String> problems = new ArrayList<>();
        int sidesKnown = 0;
        for (int k = 0; k < truth.size(); k++) {
            String[] t = truth.get(k);
            double ic = Double.parseDouble(t[2]);
            double to = Double.parseDouble(t[3]);
            double flight = k + 1 < truth.size() ? Double.parseDouble(truth.get(k + 1)[2]) - to : Double.POSITIVE_INFINITY;
            double toTol = toTolS + (flight < 0.050 ? shortFlightExtraS : 0);
            Step best = steps.stream().min((a, b) -> Double.compare(Math.abs(a.icS() - ic), Math.abs(b.icS() - ic)))
                    .orElseThrow();
            if (Math.abs(best.icS() - ic) > icTolS) {
                problems.add(String.format(Locale.ROOT, "IC %.4f found at %.4f", ic, best.icS()));
            } else if (Math.abs(best.toS() - to) > toTol) {
                problems.add(String.format(Locale.ROOT, "TO %.4f found at %.4f", to, best.toS()));
            }
            if (best.side() != Side.UNKNOWN) {
                sidesKnown++;
                if (!best.side().label().equals(t[1])) {
                    problems.add(String.format(Locale.ROOT, "step at %.4f is %s, found %s", ic, t[1], best.side().label()));
                }
            }
        }
        assertThat(problems).as("%s: events off by more than IC %.1f ms / TO %.1f ms, or wrong sides", name,
                1000 * icTolS, 1000 * toTolS).isEmpty();
        assertThat(steps).as("%s: no extra steps", name).hasSize(truth.size());
        assertThat(sidesKnown).as("%s: sides assigned", name).isGreaterThanOrEqualTo((int) (0.9 * truth.size()));
    }

    private static List<String[]> truth(Path file) throws IOException {
        List<String[]> out = new ArrayList<>();
        for (String line : Files.readAllLines(file).subList(1, Files.readAllLines(file).size())) {
            out.add(line.split(","));
        }
        return out;
    }
}
