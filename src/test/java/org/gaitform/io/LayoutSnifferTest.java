package org.gaitform.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gaitform.io.text.LayoutSniffer;
import org.gaitform.io.text.TextLayout;
import org.gaitform.model.GaitformException;
import org.gaitform.support.TempDirs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LayoutSnifferTest {
    @TempDir
    Path dir;

    @Test
    void commaSeparatedWithHeader() throws IOException {
        TextLayout l = LayoutSniffer.sniff(TempDirs.write(dir, "a.csv", "t,ax,ay\n0,1.0,2.0\n0.01,1.1,2.1\n"));
        assertThat(l.separator()).isEqualTo(',');
        assertThat(l.decimalComma()).isFalse();
        assertThat(l.columnNames()).containsExactly("t", "ax", "ay");
        assertThat(l.firstDataLine()).isEqualTo(2);
    }

    @Test
    void semicolonsWithDecimalCommasAndAByteOrderMark() throws IOException {
        Path f = dir.resolve("eu.csv");
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = "Zeit (ms);acc_x;acc_y\n0;9,81;0,12\n10;9,79;0,15\n".getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, all, 0, bom.length);
        System.arraycopy(body, 0, all, bom.length, body.length);
        Files.write(f, all);
        TextLayout l = LayoutSniffer.sniff(f);
        assertThat(l.separator()).isEqualTo(';');
        assertThat(l.decimalComma()).isTrue();
        assertThat(l.decoding().bomBytes()).isEqualTo(3);
        assertThat(l.columnNames().get(0)).isEqualTo("Zeit (ms)");
    }

    @Test
    void tabsAndAPreambleOfDeviceMetadata() throws IOException {
        String text = "Device,GENEric\nMeasurement Frequency,50 Hz\n\ntime\tacc_v\n0\t1.0\n0.02\t1.1\n0.04\t0.9\n";
        TextLayout l = LayoutSniffer.sniff(TempDirs.write(dir, "p.txt", text));
        assertThat(l.separator()).isEqualTo('\t');
        assertThat(l.columnNames()).containsExactly("time", "acc_v");
        assertThat(l.preamble()).containsEntry("Measurement Frequency", "50 Hz");
        assertThat(l.firstDataLine()).isEqualTo(5);
    }

    @Test
    void twoRowHeadersOfGroupsOrUnits() throws IOException {
        TextLayout groups = LayoutSniffer.sniff(TempDirs.write(dir, "g.csv",
                "sensor,left,left,right,right\naxis,acc_x,acc_y,acc_x,acc_y\n0,1,2,3,4\n1,1,2,3,4\n"));
        assertThat(groups.columnNames()).containsExactly("sensor/axis", "left/acc_x", "left/acc_y", "right/acc_x",
                "right/acc_y");
        TextLayout units = LayoutSniffer.sniff(TempDirs.write(dir, "u.csv",
                "time,acc_x,acc_y\ns,g,g\n0,1,2\n0.01,1,2\n"));
        assertThat(units.columnNames()).containsExactly("time (s)", "acc_x (g)", "acc_y (g)");
    }

    /**
     * A device's records leave the fields it has no value for empty: Garmin's FIT CSV decode of a triathlon has its
     * first 348 rows with 9 of 19 fields filled (no running dynamics on the bike; here 3 of 7). Empty fields are missing values,
     * not text, so those rows are data and the header stays the first line; before, the two rows above the first
     * fuller row were taken as a two-row header.
     */
    @Test
    void rowsWithMostFieldsEmptyAreStillData() throws IOException {
        StringBuilder sb = new StringBuilder("timestamp[s],speed[m/s],heart_rate[bpm],cadence[rpm],"
                + "vertical_oscillation[mm],stance_time[ms],step_length[mm]\n");
        for (int i = 0; i < 300; i++) {
            sb.append(896340781 + i).append(",3.1,").append(140 + i % 5).append(",,,,\n");
        }
        for (int i = 300; i < 320; i++) {
            sb.append(896340781 + i).append(",3.1,150,85,91.2,251,1180\n");
        }
        TextLayout l = LayoutSniffer.sniff(TempDirs.write(dir, "triathlon.record.csv", sb.toString()));
        assertThat(l.columnNames()).containsExactly("timestamp[s]", "speed[m/s]", "heart_rate[bpm]", "cadence[rpm]",
                "vertical_oscillation[mm]", "stance_time[ms]", "step_length[mm]");
        assertThat(l.firstDataLine()).isEqualTo(2);
        // a header whose only filled fields are words is still a header
        TextLayout g = LayoutSniffer.sniff(TempDirs.write(dir, "groups.csv",
                "Accelerometer,,,Gyroscope,,\nx,y,z,x,y,z\n0.1,0.2,9.8,0.01,0.02,0.03\n0.1,0.2,9.7,0.01,0.02,0.03\n"));
        assertThat(g.firstDataLine()).isEqualTo(3);
    }

    @Test
    void noHeaderAndWhiteSpaceSeparated() throws IOException {
        TextLayout l = LayoutSniffer.sniff(TempDirs.write(dir, "n.txt", "0.00  0.98  0.01\n0.01  1.02  0.02\n"));
        assertThat(l.separator()).isEqualTo(' ');
        assertThat(l.hasHeader()).isFalse();
        assertThat(l.columnNames()).containsExactly("column 1", "column 2", "column 3");
    }

    @Test
    void utf16AndLatin1Files() throws IOException {
        Path f16 = dir.resolve("w.csv");
        Files.write(f16, "\uFEFFtime,acc_v\n0,1\n1,2\n".getBytes(StandardCharsets.UTF_16LE));
        assertThat(LayoutSniffer.sniff(f16).columnNames()).containsExactly("time", "acc_v");
        Path latin = dir.resolve("l.csv");
        Files.write(latin, "Zeit (s);Beschl. vertikal (m/s²)\n0;9,8\n1;9,9\n".getBytes(StandardCharsets.ISO_8859_1));
        TextLayout l = LayoutSniffer.sniff(latin);
        assertThat(l.decoding().charset().name()).isEqualTo("windows-1252");
        assertThat(l.columnNames().get(1)).isEqualTo("Beschl. vertikal (m/s²)");
    }

    @Test
    void emptyAndBinaryFilesAreRefusedWithAMessage() throws IOException {
        assertThatThrownBy(() -> LayoutSniffer.sniff(TempDirs.write(dir, "e.csv", "\n\n")))
                .isInstanceOf(GaitformException.class).hasMessageContaining("an empty file");
        Path bin = dir.resolve("b.csv");
        Files.write(bin, new byte[] {1, 0, 2, 0, 3, 0, (byte) 200, 0, 10});
        assertThatThrownBy(() -> LayoutSniffer.sniff(bin)).isInstanceOf(GaitformException.class);
        assertThatThrownBy(() -> LayoutSniffer.sniff(TempDirs.write(dir, "w.csv", "hello world\nthis is text\n")))
                .isInstanceOf(GaitformException.class).hasMessageContaining("no rows of numbers");
    }
}
