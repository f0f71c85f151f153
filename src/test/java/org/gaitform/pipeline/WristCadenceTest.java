package org.gaitform.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import org.gaitform.model.Activity;
import org.gaitform.model.FindingStatus;
import org.gaitform.model.SessionResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A synthetic watch: the arm swings like a pendulum once per stride (the gravity direction tilts ±35°), each
 * foot contact jolts it; 15 s of walking at 110 steps/min, then 20 s of running at 170 steps/min.
 */
class WristCadenceTest {
    @TempDir
    Path tmp;

    @Test
    void watchGivesCadenceAndBoutsAndSaysWhatItCannotMeasure() throws Exception {
        double fs = 50;
        Random r = new Random(3);
        StringBuilder sb = new StringBuilder("time,acc_x,acc_y,acc_z,gyr_x,gyr_y,gyr_z\n");
        double phase = 0;
        double stepPhase = 0;
        for (int i = 0; i < 35 * fs; i++) {
            double t = i / fs;
            boolean run = t >= 15;
            double spm = run ? 170 : 110;
            double strideHz = spm / 120;
            phase += 2 * Math.PI * strideHz / fs;
            stepPhase += 2 * Math.PI * 2 * strideHz / fs;
            double swingDeg = 35 * Math.sin(phase);
            double rateDps = 35 * 2 * Math.PI * strideHz * Math.cos(phase) * (run ? 1.6 : 1);
            double jolt = (run ? 0.9 : 0.3) * Math.pow(Math.max(0, Math.cos(stepPhase)), 8);
            double a = Math.toRadians(swingDeg);
            double ax = Math.sin(a) * (1 + jolt) + 0.02 * r.nextGaussian();
            double az = Math.cos(a) * (1 + jolt) + 0.02 * r.nextGaussian();
            sb.append(String.format(Locale.ROOT, "%.3f,%.4f,%.4f,%.4f,%.2f,%.2f,%.2f%n", t, ax, 0.05 * r.nextGaussian(), az,
                    2 * r.nextGaussian(), rateDps + 2 * r.nextGaussian(), 0.3 * rateDps + 2 * r.nextGaussian()));
        }
        Path f = tmp.resolve("session.csv");
        Files.writeString(f, sb.toString());
        SessionResult s = new SessionPipeline(AnalysisSettings.defaults()).analyse(f, "session.csv", "w");
        assertThat(s.decisions()).anyMatch(d -> d.key().equals("placement") && d.value().contains("limb"));
        assertThat(s.metric("cadence_spm")).isCloseTo(170, offset(3.0));
        assertThat(s.metric("walking_cadence_spm")).isCloseTo(110, offset(3.0));
        assertThat(s.bouts()).extracting(b -> b.activity()).contains(Activity.WALKING, Activity.RUNNING);
        assertThat(s.metric("contact_ms")).isNaN();
        assertThat(s.info().get("not_measured")).contains("contact and flight time");
        assertThat(s.findings()).filteredOn(x -> x.metricKey().equals("contact_ms"))
                .allMatch(x -> x.status() == FindingStatus.NOT_MEASURABLE);
        // the same file named as a watch goes the same way, by name
        Path named = tmp.resolve("watch_run.csv");
        Files.copy(f, named);
        SessionResult w = new SessionPipeline(AnalysisSettings.defaults()).analyse(named, "watch_run.csv", "w2");
        assertThat(w.placement().label()).isEqualTo("wrist");
        assertThat(w.metric("cadence_spm")).isCloseTo(170, offset(3.0));
    }
}
