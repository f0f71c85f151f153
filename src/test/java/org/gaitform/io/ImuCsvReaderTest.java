package org.gaitform.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.gaitform.io.imu.ImuCsvReader;
import org.gaitform.io.imu.ImuReadOptions;
import org.gaitform.model.Channel;
import org.gaitform.model.Decision;
import org.gaitform.model.GaitformException;
import org.gaitform.model.ImuRecording;
import org.gaitform.model.ImuSensor;
import org.gaitform.support.TempDirs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImuCsvReaderTest {
    @TempDir
    Path dir;

    private ImuRecording read(String name, String text) throws IOException {
        return read(name, text, ImuReadOptions.DEFAULTS);
    }

    private ImuRecording read(String name, String text, ImuReadOptions o) throws IOException {
        return new ImuCsvReader().read(TempDirs.write(dir, name, text), name, o);
    }

    private static String decision(ImuRecording r, String key) {
        return r.decisions().stream().filter(d -> d.key().equals(key)).map(Decision::value).findFirst().orElse(null);
    }

    /** n rows of a standing sensor: gravity on z, in the given unit, gyroscope quiet. */
    private static String rows(int n, double dt, double gravity, String sep, boolean comma, double gyro) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            String line = String.format(Locale.ROOT, "%.4f%s%.4f%s%.4f%s%.4f%s%.4f%s%.4f%s%.4f", i * dt, sep,
                    0.01 * Math.sin(i), sep, 0.02, sep, gravity, sep, gyro * Math.sin(i * 0.1), sep, gyro, sep, -gyro);
            sb.append(comma ? line.replace('.', ',') : line).append('\n');
        }
        return sb.toString();
    }

    @Test
    void readsUnitsNamedInTheHeaders() throws IOException {
        ImuRecording r = read("a.csv", "time_s,acc_x_g,acc_y_g,acc_z_g,gyr_x_dps,gyr_y_dps,gyr_z_dps\n"
                + rows(200, 0.01, 1.0, ",", false, 20));
        assertThat(r.samplingRateHz()).isCloseTo(100, offset(1e-6));
        assertThat(decision(r, "acc_unit")).isEqualTo("g");
        assertThat(decision(r, "gyr_unit")).isEqualTo("dps");
        assertThat(decision(r, "time_unit")).isEqualTo("s");
        ImuSensor s = r.sensors().get(0);
        assertThat(s.channel(Channel.ACC_Z)[5]).isCloseTo(1.0, offset(1e-9));
        assertThat(s.hasGyroscope()).isTrue();
    }

    @Test
    void findsUnitsFromTheSignalWhenTheHeadersAreSilent() throws IOException {
        // m/s² and rad/s without units in the headers, milliseconds in an unnamed time column
        StringBuilder sb = new StringBuilder("t\tax\tay\taz\tgx\tgy\tgz\n");
        for (int i = 0; i < 300; i++) {
            sb.append(String.format(Locale.ROOT, "%d\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f%n", 5000 + i * 10,
                    0.1, 0.2, 9.81, 2 * Math.sin(i * 0.3), 1.0, -0.5));
        }
        ImuRecording r = read("b.tsv", sb.toString());
        assertThat(decision(r, "acc_unit")).isEqualTo("mps2");
        assertThat(decision(r, "gyr_unit")).isEqualTo("rads");
        assertThat(decision(r, "time_unit")).isEqualTo("ms");
        assertThat(r.timeS()[0]).isCloseTo(5.0, offset(1e-9));
        assertThat(r.sensors().get(0).channel(Channel.ACC_Z)[0]).isCloseTo(9.81 / 9.80665, offset(1e-6));
        assertThat(r.sensors().get(0).channel(Channel.GYR_Y)[0]).isCloseTo(Math.toDegrees(1.0), offset(1e-6));
    }

    @Test
    void readsEuropeanExportsAndPhyphoxHeaders() throws IOException {
        ImuRecording r = read("eu.csv", "\"Time (s)\";\"Acceleration x (m/s^2)\";\"Acceleration y (m/s^2)\";"
                + "\"Acceleration z (m/s^2)\"\n" + rows(100, 0.005, 9.81, ";", true, 0).lines()
                .map(l -> l.substring(0, nthIndexOf(l, ';', 4))).reduce("", (a, b) -> a + b + "\n"));
        assertThat(r.samplingRateHz()).isCloseTo(200, offset(1e-6));
        assertThat(decision(r, "decimal_mark")).isEqualTo("comma");
        assertThat(decision(r, "acc_unit")).isEqualTo("mps2");
        assertThat(r.sensors().get(0).hasGyroscope()).isFalse();
    }

    private static int nthIndexOf(String s, char c, int n) {
        int k = -1;
        for (int i = 0; i < n; i++) {
            k = s.indexOf(c, k + 1);
        }
        return k;
    }

    @Test
    void readsNanosecondsAndDateTimeStamps() throws IOException {
        StringBuilder ns = new StringBuilder("timestamp,acc_v\n");
        StringBuilder iso = new StringBuilder("datetime,acc_v\n");
        for (int i = 0; i < 100; i++) {
            ns.append(1_700_000_000_000_000_000L + i * 10_000_000L).append(",1.0\n");
            iso.append(String.format(Locale.ROOT, "2024-05-01T08:00:%02d.%03d,1.0%n", i / 50, (i % 50) * 20));
        }
        ImuRecording a = read("ns.csv", ns.toString());
        assertThat(decision(a, "time_unit")).isEqualTo("ns");
        assertThat(a.samplingRateHz()).isCloseTo(100, offset(0.01));
        ImuRecording b = read("iso.csv", iso.toString());
        assertThat(decision(b, "time_unit")).isEqualTo("date-time stamps");
        assertThat(b.samplingRateHz()).isCloseTo(50, offset(0.01));
    }

    @Test
    void withoutATimeColumnTheRateIsNeeded() throws IOException {
        String text = "acc_x,acc_y,acc_z\n" + "0.0,0.0,1.0\n".repeat(100);
        assertThatThrownBy(() -> read("r.csv", text)).isInstanceOf(GaitformException.class)
                .hasMessageContaining("r.csv").hasMessageContaining("--rate")
                .hasMessageContaining("'acc_x', 'acc_y', 'acc_z'");
        ImuRecording r = read("r2.csv", text, new ImuReadOptions(Map.of(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of(50.0), Optional.empty()));
        assertThat(r.samplingRateHz()).isEqualTo(50);
        assertThat(r.timeS()[1]).isEqualTo(0.02);
    }

    @Test
    void columnOverridesNameTheRoles() throws IOException {
        String text = "zeit,vert,fwd\n" + "0.0,1.0,0.1\n0.01,1.1,0.2\n0.02,0.9,0.0\n0.03,1.0,0.1\n";
        ImuRecording r = read("o.csv", text, new ImuReadOptions(Map.of(Channel.ACC_V, "vert", Channel.ACC_AP, "FWD"),
                Optional.of("zeit"), Optional.of("g"), Optional.empty(), Optional.empty(), Optional.empty()));
        assertThat(r.sensors().get(0).channel(Channel.ACC_AP)).containsExactly(0.1, 0.2, 0.0, 0.1);
        assertThatThrownBy(() -> read("o2.csv", text, new ImuReadOptions(Map.of(Channel.ACC_V, "nope"), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty())))
                .hasMessageContaining("no column named 'nope'").hasMessageContaining("'zeit', 'vert', 'fwd'");
    }

    @Test
    void badCellsTimeAndColumnsGetOneClearMessage() {
        assertThatThrownBy(() -> read("x.csv", "time,acc_v\n0,1\n0.01,abc\n"))
                .hasMessage("x.csv: line 3, column 'acc_v': expected a finite number, found 'abc'");
        assertThatThrownBy(() -> read("y.csv", "time,acc_v\n0,1\n0.01,\n"))
                .hasMessage("y.csv: line 3, column 'acc_v': expected a finite number, found an empty cell");
        assertThatThrownBy(() -> read("back.csv", "time,acc_v\n0,1\n0.02,1\n0.01,1\n"))
                .hasMessageContaining("back.csv: line 4, column 'time'").hasMessageContaining("time going backwards");
        assertThatThrownBy(() -> read("rep.csv", "time,acc_v\n0,1\n0.01,1\n0.01,1\n"))
                .hasMessageContaining("repeated");
        assertThatThrownBy(() -> read("h.csv", "time,acc_v\n")).isInstanceOf(GaitformException.class)
                .hasMessageContaining("h.csv");
        assertThatThrownBy(() -> read("c.csv", "time,temperature,pressure\n0,20,1000\n0.01,20,1000\n"))
                .hasMessageContaining("expected accelerometer columns")
                .hasMessageContaining("found none among the headers ['time', 'temperature', 'pressure']");
        assertThatThrownBy(() -> read("p.csv", "time,acc_x,acc_y\n0,1,0\n0.01,1,0\n"))
                .hasMessageContaining("only acc_x='acc_x', acc_y='acc_y'");
    }

    @Test
    void shortGapsAreFilledAndLongGapsRefused() throws IOException {
        StringBuilder sb = new StringBuilder("time,acc_v\n");
        for (int i = 0; i < 100; i++) {
            if (i != 50 && i != 51) {
                sb.append(String.format(Locale.ROOT, "%.2f,1.0%n", i * 0.01));
            }
        }
        ImuRecording r = read("gap.csv", sb.toString());
        assertThat(r.size()).isEqualTo(100);
        assertThat(r.warnings()).anyMatch(w -> w.contains("1 short gap"));
        assertThatThrownBy(() -> read("big.csv", "time,acc_v\n0,1\n0.01,1\n0.02,1\n0.03,1\n2.5,1\n2.51,1\n"))
                .hasMessageContaining("big.csv: line 6").hasMessageContaining("a gap of 2.47 s");
    }

    @Test
    void jitteryStampsAreResampledOntoAUniformGrid() throws IOException {
        StringBuilder sb = new StringBuilder("time,acc_v\n");
        java.util.Random rnd = new java.util.Random(3);
        for (int i = 0; i < 500; i++) {
            double t = i * 0.01 + (i == 0 ? 0 : 0.002 * (rnd.nextDouble() - 0.5));
            sb.append(String.format(Locale.ROOT, "%.5f,%.6f%n", t, 1 + 0.01 * t));
        }
        ImuRecording r = read("j.csv", sb.toString());
        assertThat(decision(r, "resampled")).isEqualTo("yes");
        double[] t = r.timeS();
        double[] v = r.sensors().get(0).channel(Channel.ACC_V);
        for (int i = 1; i < t.length; i++) {
            assertThat(t[i] - t[i - 1]).isCloseTo(0.01, offset(1e-4));
            assertThat(v[i]).isCloseTo(1 + 0.01 * t[i], offset(1e-6));
        }
    }
}
