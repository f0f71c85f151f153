package org.gaitform.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.gaitform.events.FootImuFixture;
import org.gaitform.model.Activity;
import org.gaitform.model.Placement;
import org.gaitform.model.SessionResult;
import org.gaitform.model.Side;
import org.gaitform.model.Step;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two synthetic foot IMUs in one file with prefixed headers ({@code left_acc_x}, {@code right_gyr_z}): one
 * bilateral session, the placement found from the signal, per-foot contacts merged into one step sequence.
 */
class FootPipelineTest {
    @TempDir
    Path tmp;

    private Path write(String name, FootImuFixture l, FootImuFixture r) throws IOException {
        StringBuilder sb = new StringBuilder("time");
        for (String side : new String[] {"left", "right"}) {
            for (String k : new String[] {"acc_x", "acc_y", "acc_z", "gyr_x", "gyr_y", "gyr_z"}) {
                sb.append(',').append(side).append('_').append(k);
            }
        }
        sb.append('\n');
        for (int i = 0; i < l.n; i++) {
            sb.append(String.format(Locale.ROOT, "%.4f", i / l.fs));
            for (FootImuFixture f : new FootImuFixture[] {l, r}) {
                for (int c = 0; c < 3; c++) {
                    sb.append(String.format(Locale.ROOT, ",%.4f", f.acc[c][i]));
                }
                for (int c = 0; c < 3; c++) {
                    sb.append(String.format(Locale.ROOT, ",%.2f", f.gyr[c][i]));
                }
            }
            sb.append('\n');
        }
        Path p = tmp.resolve(name);
        Files.writeString(p, sb.toString());
        return p;
    }

    @Test
    void bilateralRunningFromTwoFootSensors() throws IOException {
        double fs = 200;
        double stride = 0.70;
        double contact = 0.24;
        FootImuFixture left = new FootImuFixture(11, fs, 20, stride, contact, 0, Side.LEFT);
        FootImuFixture right = new FootImuFixture(12, fs, 20, stride, contact, stride / 2, Side.RIGHT);
        SessionResult s = new SessionPipeline(AnalysisSettings.defaults()).analyse(write("feet.csv", left, right),
                "feet.csv", "feet");
        assertThat(s.placement()).isEqualTo(Placement.FOOT);
        assertThat(s.decisions()).anyMatch(d -> d.key().equals("placement") && d.reason().startsWith("from the signal"));
        assertThat(s.decisions()).anyMatch(d -> d.key().equals("ml_axis_left"));
        List<Step> run = s.steps().stream().filter(st -> st.activity() == Activity.RUNNING).toList();
        assertThat(run.size()).isGreaterThan(40);
        // sides alternate and match the sensors
        for (int i = 1; i < run.size(); i++) {
            assertThat(run.get(i).side()).isNotEqualTo(run.get(i - 1).side());
        }
        List<FootImuFixture.Truth> truth = new ArrayList<>(left.truth);
        truth.addAll(right.truth);
        for (Step st : run) {
            FootImuFixture.Truth t = truth.stream().min((a, b) -> Double.compare(Math.abs(a.icS() - st.icS()),
                    Math.abs(b.icS() - st.icS()))).orElseThrow();
            assertThat(st.side()).isEqualTo(t.side());
            assertThat(st.icS()).isCloseTo(t.icS(), offset(1 / fs));
        }
        assertThat(s.metric("cadence_spm")).isCloseTo(120 / stride, offset(2.0));
        assertThat(s.metric("contact_ms")).isCloseTo(1000 * contact, offset(8.0));
        assertThat(s.metric("flight_ms")).isCloseTo(1000 * (stride / 2 - contact), offset(10.0));
        assertThat(s.metric("duty_factor")).isCloseTo(contact / stride, offset(0.02));
        assertThat(s.metric("contact_balance_left_pct")).isCloseTo(50, offset(2.0));
        assertThat(s.metric("foot_strike_angle_deg")).isFinite();
        assertThat(s.metric("peak_acc_g")).isGreaterThan(2);
        assertThat(s.findings()).anyMatch(f -> f.guidelineId().equals("R1"));
    }

    @Test
    void oneFootWalkingThenRunningIsSplitIntoBouts() throws IOException {
        double fs = 100;
        FootImuFixture walk = new FootImuFixture(21, fs, 14, 1.1, 0.68, 0, Side.UNKNOWN);
        FootImuFixture run = new FootImuFixture(21, fs, 14, 0.72, 0.23, 0, Side.UNKNOWN); // same seed: same sensor orientation
        StringBuilder sb = new StringBuilder("time,acc_x,acc_y,acc_z,gyr_x,gyr_y,gyr_z\n");
        int k = 0;
        for (FootImuFixture f : new FootImuFixture[] {walk, run}) {
            for (int i = 0; i < f.n; i++) {
                sb.append(String.format(Locale.ROOT, "%.3f,%.4f,%.4f,%.4f,%.2f,%.2f,%.2f%n", k++ / fs, f.acc[0][i],
                        f.acc[1][i], f.acc[2][i], f.gyr[0][i], f.gyr[1][i], f.gyr[2][i]));
            }
        }
        Path p = tmp.resolve("shoe_left.csv");
        Files.writeString(p, sb.toString());
        // the file name says 'shoe': the placement comes from the name, and the signal agrees
        SessionResult s = new SessionPipeline(AnalysisSettings.defaults()).analyse(p, "shoe_left.csv", "shoe");
        assertThat(s.placement()).isEqualTo(Placement.FOOT);
        assertThat(s.bouts()).extracting(b -> b.activity()).contains(Activity.WALKING, Activity.RUNNING);
        assertThat(s.metric("walking_cadence_spm")).isCloseTo(120 / 1.1, offset(3.0));
        assertThat(s.metric("cadence_spm")).isCloseTo(120 / 0.72, offset(3.0));
        assertThat(s.metric("flight_ms")).isNaN();
        assertThat(s.decisions()).anyMatch(d -> d.key().equals("cadence_basis"));
    }
}
