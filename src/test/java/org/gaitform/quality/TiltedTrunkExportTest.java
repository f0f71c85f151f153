package org.gaitform.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.gaitform.model.Decision;
import org.gaitform.model.Quality;
import org.gaitform.model.SessionResult;
import org.gaitform.pipeline.AnalysisSettings;
import org.gaitform.pipeline.SessionPipeline;
import org.gaitform.signal.Vec3;
import org.gaitform.simulate.RunnerProfile;
import org.gaitform.simulate.Segment;
import org.gaitform.simulate.SimulatedSession;
import org.gaitform.simulate.TrunkImuSimulator;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Pre-aligned trunk exports ({@code acc_v, acc_ap, acc_ml}) whose columns lean forwards: simulated runners (seeded:
 * strike, speed 2.5–4.5 m/s, slope ±8 %) written with the sensor pitched by 0–40°. Up to 20° the contacts are
 * within 15 ms and the verdict good: the toe-offs of a tilted export are drawn towards those of the gravity-aligned
 * vertical by the sine of the tilt, and that reading is 23 ms shorter in this simulator than on Alcantara's sensor
 * (its trunk is back at free fall as soon on the true vertical as on a tilted one), so the simulated contacts read
 * about 0.5 ms short per degree of tilt. Beyond, the export's "vertical" reads a third or more of the forward
 * acceleration and the toe-off on it can be far off; the {@code sensor_tilt} check must then not leave a wrong contact
 * time {@code good} at 40° (at 30° it is printed: in this simulator a tilted column can stay 38 ms off while both
 * readings agree).
 */
class TiltedTrunkExportTest {
    private static final SessionPipeline PIPELINE = new SessionPipeline(AnalysisSettings.defaults());

    @TempDir
    Path dir;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void tiltedColumnsGiveRightContactsOrAVerdictThatSaysSo(long seed) throws IOException {
        Random rnd = new Random(seed);
        RunnerProfile.Strike strike = RunnerProfile.Strike.values()[rnd.nextInt(3)];
        RunnerProfile runner = new RunnerProfile(strike, rnd.nextGaussian() * 6, 0.9 + 0.2 * rnd.nextDouble());
        double speed = 2.5 + 2.0 * rnd.nextDouble();
        double slopePct = -8 + 16 * rnd.nextDouble();
        SimulatedSession s = new TrunkImuSimulator(runner, 200, seed, new Vec3(1, 0, 0), new Vec3(0, 0, 1))
                .simulate(List.of(Segment.run(20, speed, slopePct)), 0);
        double truthMs = s.steps().stream().mapToDouble(t -> (t.toS() - t.icS()) * 1000).average().orElseThrow();
        for (double pitchDeg : new double[] {0, 10, 20, 30, 40}) {
            SessionResult r = PIPELINE.analyse(write(s, pitchDeg), "pitched", "t");
            double errMs = r.metric("contact_ms") - truthMs;
            String shift = r.decisions().stream().filter(d -> d.key().equals("tilt_contact_shift"))
                    .map(Decision::value).findFirst().orElse("(not checked)");
            String line = String.format(Locale.ROOT, "seed %d %s %.1f m/s %+.1f %% pitched %2.0f°: sensor_tilt %-20s "
                    + "contact time %+6.1f ms, %s", seed, strike, speed, slopePct, pitchDeg, shift, errMs,
                    r.quality().verdict().label());
            System.out.println(line);
            if (pitchDeg <= 20) {
                assertThat(Math.abs(errMs)).as(line).isLessThan(15);
                assertThat(r.quality().verdict()).as(line).isEqualTo(Quality.GOOD);
            } else if (pitchDeg >= 40 && Math.abs(errMs) > 25) {
                assertThat(r.quality().verdict()).as(line).isNotEqualTo(Quality.GOOD);
            }
            if (pitchDeg < 5) {
                assertThat(shift).as(line).isEqualTo("(not checked)");
            }
        }
    }

    /** The session as a pre-aligned export whose columns are pitched forwards. */
    private Path write(SimulatedSession s, double pitchDeg) throws IOException {
        double a = Math.toRadians(pitchDeg);
        StringBuilder sb = new StringBuilder("timestamp,acc_v,acc_ap,acc_ml\n");
        double[][] acc = s.accG();
        for (int i = 0; i < s.timeS().length; i++) {
            double f = acc[0][i];
            double u = acc[2][i];
            sb.append(String.format(Locale.ROOT, "%.4f,%.4f,%.4f,%.4f%n", s.timeS()[i],
                    Math.sin(a) * f + Math.cos(a) * u, Math.cos(a) * f - Math.sin(a) * u, acc[1][i]));
        }
        Path f = dir.resolve(String.format(Locale.ROOT, "pitched_%02.0f.csv", pitchDeg));
        Files.writeString(f, sb);
        return f;
    }
}
