package org.gaitform.io.force;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.gaitform.events.ForceContactSettings;
import org.gaitform.events.IndexRange;
import org.gaitform.events.VerticalForceContacts;
import org.gaitform.model.GaitformException;
import org.gaitform.model.Side;
import org.gaitform.support.C3dForceFile;
import org.gaitform.support.SyntheticForce;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Force readers: columns, vertical axis, unit, sign, time axis, per-foot plates, C3D analog channels. */
class ForceReadersTest {
    private final SyntheticForce force = new SyntheticForce(500, 20, 0.3, 0.36, 0.24, 700, 3);

    private static ForceRecording read(Path p, ForceReadOptions o) {
        return ForceReaders.read(p, p.getFileName().toString(), o);
    }

    @Test
    void treadmillTableWithSampleNumbersNeedsItsRate(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("trialforces.txt");
        Files.writeString(f, force.table("Time\tFx\tFy\tFz", 2, 1, true));
        assertThatThrownBy(() -> read(f, ForceReadOptions.DEFAULTS)).isInstanceOf(GaitformException.class)
                .hasMessageContaining("trialforces.txt").hasMessageContaining("column 'Time'")
                .hasMessageContaining("--reference-rate").hasMessageContaining("sample numbers (1, 2, …)");
        ForceRecording r = read(f, ForceReadOptions.DEFAULTS.withRateHz(500));
        assertThat(r.plates()).hasSize(1);
        assertThat(r.plates().get(0).name()).isEqualTo("Fy");
        assertThat(r.plates().get(0).side()).isEqualTo(Side.UNKNOWN);
        assertThat(r.unit()).isEqualTo(ForceUnit.NEWTON);
        assertThat(r.samplingRateHz()).isEqualTo(500.0);
        assertThat(r.decisions()).anyMatch(d -> d.key().startsWith("force_vertical") && d.reason().contains("largest"));
        List<IndexRange> c = VerticalForceContacts.detect(r.plates().get(0).verticalForce(), 50, 500,
                ForceContactSettings.DEFAULTS);
        assertThat(c).hasSize(20);
        for (int k = 0; k < 20; k++) {
            assertThat(r.timeS(c.get(k).from())).isCloseTo(force.firstAbove(force.icS[k] - 0.01, 50), within(1e-9));
        }
    }

    @Test
    void aDifferentRateThanTheTimeColumnIsAnError(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("grf.csv");
        Files.writeString(f, force.table("time_s,Fx,Fz_N", 2, 1, false));
        assertThatThrownBy(() -> read(f, ForceReadOptions.DEFAULTS.withRateHz(300)))
                .hasMessageContaining("grf.csv").hasMessageContaining("the sampling rate given (300 Hz)")
                .hasMessageContaining("times at 500 Hz: a different sampling rate");
    }

    @Test
    void aForceInAnotherUnitThanItsHeaderSaysIsAnError(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("grf.csv");
        Files.writeString(f, force.table("time_s,Fx,Fz_N", 2, 1 / 700.0, false)); // body weights under a newton header
        assertThatThrownBy(() -> read(f, ForceReadOptions.DEFAULTS)).isInstanceOf(GaitformException.class)
                .hasMessageContaining("grf.csv").hasMessageContaining("expected newtons")
                .hasMessageContaining("body weights or kN?");
        Path g = dir.resolve("grf_bw.csv");
        Files.writeString(g, force.table("time_s,Fx,vgrf_bw", 2, 1, false)); // newtons under a body-weight header
        assertThatThrownBy(() -> read(g, ForceReadOptions.DEFAULTS)).hasMessageContaining("expected body weights")
                .hasMessageContaining("(newtons?)");
        Path h = dir.resolve("odd.csv");
        Files.writeString(h, force.table("time_s,Fx,Fz", 2, 1 / 7000.0, false)); // 0.1 of body weight: no unit fits
        assertThatThrownBy(() -> read(h, ForceReadOptions.DEFAULTS)).hasMessageContaining("odd.csv")
                .hasMessageContaining("another unit? name it in the header");
    }

    @Test
    void bodyWeightsPerFootAndTheSignAreFound(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("feet.csv");
        StringBuilder sb = new StringBuilder("time,L_vGRF_bw,R_vGRF_bw\n");
        double[] v = force.forceN;
        for (int i = 0; i < v.length; i++) {
            boolean left = ((int) ((i / 500.0 - 0.3) / 0.36)) % 2 == 0;
            sb.append(i / 500.0).append(',').append(left ? -v[i] / 700 : 0).append(',').append(left ? 0 : -v[i] / 700)
                    .append('\n');
        }
        Files.writeString(f, sb.toString());
        ForceRecording r = read(f, ForceReadOptions.DEFAULTS);
        assertThat(r.unit()).isEqualTo(ForceUnit.BODY_WEIGHT);
        assertThat(r.plates()).extracting(ForcePlate::side).containsExactly(Side.LEFT, Side.RIGHT);
        assertThat(r.decisions()).anyMatch(d -> d.value().equals("inverted"));
        assertThat(r.meanTotalForce()).isCloseTo(1.0, within(0.1));
    }

    @Test
    void unnamedOpenSimFootIsTheRightOneWhenTheOtherIsLeft() {
        assertThat(ForceTableReader.forceColumns(List.of("time", "ground_force_vx", "ground_force_vy",
                "ground_force_px", "l_ground_force_vy", "ground_torque_x", "LTHF_X", "copx")))
                .containsExactly("ground_force_vx→:x:", "ground_force_vy→:y:", "l_ground_force_vy→l:y:");
        assertThat(ForceTableReader.forceColumns(List.of("grf_normal_bw", "Fz [N]", "FP1_Fz", "vGRF")))
                .containsExactly("grf_normal_bw→:v:bw", "Fz [N]→:z:n", "FP1_Fz→fp1:z:", "vGRF→:v:");
    }

    @Test
    void c3dForcePlateAnalogChannels(@TempDir Path dir) throws IOException {
        SyntheticForce f1k = new SyntheticForce(1000, 12, 0.25, 0.35, 0.23, 650, 9);
        C3dForceFile c3d = new C3dForceFile();
        Path p = dir.resolve("trial.c3d");
        Files.write(p, c3d.bytes(f1k.forceN));
        ForceRecording r = read(p, ForceReadOptions.DEFAULTS);
        assertThat(r.samplingRateHz()).isEqualTo(1000.0);
        assertThat(r.unit()).isEqualTo(ForceUnit.NEWTON);
        assertThat(r.plates()).hasSize(1);
        assertThat(r.decisions()).anyMatch(d -> d.key().equals("force_sign_plate1"));
        double[] v = r.plates().get(0).verticalForce();
        int n = Math.min(v.length, f1k.forceN.length);
        for (int i = 0; i < n; i += 37) {
            assertThat(v[i]).isCloseTo(f1k.forceN[i], within(0.01));
        }
        List<IndexRange> c = VerticalForceContacts.detect(v, 50, 1000, ForceContactSettings.DEFAULTS);
        assertThat(c).hasSize(12);
        for (int k = 0; k < 12; k++) {
            assertThat(r.timeS(c.get(k).from())).isCloseTo(f1k.firstAbove(f1k.icS[k] - 0.01, 50), within(1e-9));
        }
        // a wrong unit in the file is a clear message too
        c3d.unit = "BW";
        Files.write(p, c3d.bytes(f1k.forceN));
        assertThatThrownBy(() -> read(p, ForceReadOptions.DEFAULTS)).hasMessageContaining("trial.c3d")
                .hasMessageContaining("expected body weights");
        assertThat(read(p, new ForceReadOptions(Optional.empty(), Optional.of(ForceUnit.NEWTON), Optional.empty()))
                .unit()).isEqualTo(ForceUnit.NEWTON);
    }

    @Test
    void aC3dWithoutForcePlatesSaysSo(@TempDir Path dir) throws IOException {
        Path p = dir.resolve("points.c3d");
        Files.write(p, new org.gaitform.support.MalformedFiles.C3d().bytes());
        assertThatThrownBy(() -> read(p, ForceReadOptions.DEFAULTS)).isInstanceOf(GaitformException.class)
                .hasMessageContaining("points.c3d").hasMessageContaining("force plates with analog channels");
    }
}
