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

/** The simulator's sessions are analysed back to their ground truth, every event within one sample. */
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
            assertMatches(spec.name(), r, truth, 1.0 / spec.rateHz());
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void holdsAcrossSeedsSpeedsSlopesAndStrikes(long seed) throws IOException {
        // a property test: random runner, speeds 2.5–4.5 m/s, slopes −8..+8 %, sensor orientation and rate
        java.util.Random rnd = new java.util.Random(seed);
        RunnerProfile.Strike strike = RunnerProfile.Strike.values()[rnd.nextInt(3)];
        RunnerProfile runner = new RunnerProfile(strike, rnd.nextGaussian() * 6, 0.9 + 0.2 * rnd.nextDouble());
        double rate = new double[] {100, 128, 200, 250}[rnd.nextInt(4)];
        List<Segment> plan = new ArrayList<>();
        plan.add(Segment.stand(2));
        if (seed % 2 == 1) {
            plan.add(Segment.walk(6, 1.4)); // even seeds go straight from standing into running
        }
        for (int k = 0; k < 3; k++) {
            plan.add(Segment.run(12, 2.5 + 2.0 * rnd.nextDouble(), -8 + 16 * rnd.nextDouble()));
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
        assertMatches("seed " + seed + " (" + strike + ", " + rate + " Hz)", r, truth, 1.0 / rate);
        double running = s.bouts().stream().filter(b -> b.activity() == Activity.RUNNING).mapToDouble(b -> b.durationS()).sum();
        assertThat(r.metric("running_s")).as("running time").isCloseTo(running, org.assertj.core.data.Offset.offset(1.5));
    }

    private static void assertMatches(String name, SessionResult r, List<String[]> truth, double sampleS) {
        // the truth lists the running steps; walking steps (warm-up) are reported too, with activity 'walking'
        List<Step> steps = r.steps().stream().filter(s -> s.activity() == Activity.RUNNING).toList();
        List<String> problems = new ArrayList<>();
        int sidesKnown = 0;
        for (String[] t : truth) {
            double ic = Double.parseDouble(t[2]);
            double to = Double.parseDouble(t[3]);
            Step best = steps.stream().min((a, b) -> Double.compare(Math.abs(a.icS() - ic), Math.abs(b.icS() - ic)))
                    .orElseThrow();
            if (Math.abs(best.icS() - ic) > sampleS) {
                problems.add(String.format(Locale.ROOT, "IC %.4f found at %.4f", ic, best.icS()));
            } else if (Math.abs(best.toS() - to) > sampleS) {
                problems.add(String.format(Locale.ROOT, "TO %.4f found at %.4f", to, best.toS()));
            }
            if (best.side() != Side.UNKNOWN) {
                sidesKnown++;
                if (!best.side().label().equals(t[1])) {
                    problems.add(String.format(Locale.ROOT, "step at %.4f is %s, found %s", ic, t[1], best.side().label()));
                }
            }
        }
        assertThat(problems).as("%s: events more than one sample off, or wrong sides", name).isEmpty();
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
