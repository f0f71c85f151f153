package org.gaitform.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.gaitform.model.Placement;
import org.gaitform.model.SessionResult;
import org.gaitform.model.Step;
import org.gaitform.pipeline.AnalysisSettings;
import org.gaitform.pipeline.SessionPipeline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bilateral foot-IMU sample session: placement from the signal, every contact of both feet, walking and running:
 * initial contacts within one sample, toe-offs within two (the simulated push-off turns fastest 5 ms before the
 * toe-off, and the minimum of a rounded peak is placed between samples), sides and activities right, and the mean foot
 * angle at the running contacts within 3° of the truth.
 */
class SimulatedFeetSessionTest {
    @TempDir
    Path dir;

    @Test
    void everyContactOfBothFeetIsFoundWithinOneSample() throws IOException {
        SampleSessions.write(dir, SampleSessions.DEFAULT_SEED);
        Path csv = dir.resolve(SampleSessions.FEET_NAME + ".csv");
        SessionResult r = new SessionPipeline(AnalysisSettings.defaults()).analyse(csv, csv.getFileName().toString(), "f");
        assertThat(r.placement()).isEqualTo(Placement.FOOT);
        List<String> lines = Files.readAllLines(dir.resolve(SampleSessions.FEET_NAME + ".truth.csv"));
        double sample = 1 / SampleSessions.FEET_RATE_HZ;
        List<String> problems = new ArrayList<>();
        double truthStrike = 0;
        int running = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] t = line.split(",");
            double ic = Double.parseDouble(t[3]);
            double to = Double.parseDouble(t[4]);
            if (t[2].equals("running")) {
                truthStrike += Double.parseDouble(t[6]);
                running++;
            }
            Step best = r.steps().stream().min((a, b) -> Double.compare(Math.abs(a.icS() - ic), Math.abs(b.icS() - ic)))
                    .orElseThrow();
            if (Math.abs(best.icS() - ic) > sample || Math.abs(best.toS() - to) > 2 * sample
                    || !best.side().label().equals(t[1]) || !best.activity().label().equals(t[2])) {
                problems.add(String.format(Locale.ROOT, "%s %s IC %.4f TO %.4f: found %s %s IC %.4f TO %.4f", t[1], t[2],
                        ic, to, best.side().label(), best.activity().label(), best.icS(), best.toS()));
            }
        }
        assertThat(problems).isEmpty();
        assertThat(r.steps()).hasSize(lines.size() - 1);
        assertThat(r.metric("contact_balance_left_pct")).isBetween(48.0, 52.0);
        // a heel-first landing (about 15° when running)
        assertThat(r.metric("foot_strike_angle_deg")).isCloseTo(truthStrike / running, org.assertj.core.data.Offset.offset(3.0));
    }
}
