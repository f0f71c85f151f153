package org.gaitform.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;
import org.gaitform.io.imu.ImuCsvReader;
import org.gaitform.io.imu.ImuReadOptions;
import org.gaitform.io.text.ColumnReader;
import org.gaitform.io.text.ColumnReader.CellKind;
import org.gaitform.io.text.Fields;
import org.gaitform.io.text.LayoutSniffer;
import org.gaitform.io.text.Numbers;
import org.gaitform.io.text.TextLayout;
import org.gaitform.io.text.TimeStamps;
import org.gaitform.model.Channel;
import org.gaitform.model.GaitformException;
import org.gaitform.model.ImuRecording;
import org.gaitform.model.ImuSensor;
import org.gaitform.pipeline.AnalysisSettings;
import org.gaitform.pipeline.SessionPipeline;

/**
 * Fuzz targets for the text layer (Jazzer): whatever the bytes, the parsers either return a valid result or
 * throw {@link GaitformException} with a message — never another exception. Without {@code JAZZER_FUZZ} each
 * target runs on its committed inputs ({@code src/test/resources/org/gaitform/io/TextInputFuzzTestInputs/<target>/})
 * as a regression test; with {@code JAZZER_FUZZ=1} one target is fuzzed (see docs/fuzzing.md).
 */
class TextInputFuzzTest {
    private static final Path FILE = tempFile();
    private static final Pattern PLAIN_DECIMAL = Pattern.compile("[+-]?[0-9]{1,15}(\\.[0-9]{1,15})?");

    private static Path tempFile() {
        try {
            Path dir = Files.createTempDirectory("gaitform-fuzz");
            dir.toFile().deleteOnExit();
            Path f = dir.resolve("fuzz.csv");
            f.toFile().deleteOnExit();
            return f;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path write(byte[] data) {
        try {
            return Files.write(FILE, data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Layout sniffing and column reading on arbitrary bytes. */
    @FuzzTest(maxDuration = "10m")
    void sniffAndReadColumns(byte[] data) throws IOException {
        Path f = write(data);
        TextLayout layout;
        try {
            layout = LayoutSniffer.sniff(f, "fuzz.csv");
        } catch (GaitformException expected) {
            return;
        }
        assertThat(layout.columnCount()).isPositive();
        assertThat(layout.firstDataLine()).isPositive();
        int k = Math.min(layout.columnCount(), 16);
        int[] cols = new int[k];
        CellKind[] kinds = new CellKind[k];
        String[] first = ColumnReader.firstDataRow(f, "fuzz.csv", layout);
        for (int c = 0; c < k; c++) {
            cols[c] = c;
            kinds[c] = first != null && c < first.length && !Numbers.isNumber(first[c], layout.decimalComma())
                    && TimeStamps.looksLikeTimestamp(first[c]) ? CellKind.TIMESTAMP : CellKind.NUMBER;
        }
        double[][] columns;
        try {
            columns = ColumnReader.read(f, "fuzz.csv", layout, cols, kinds, 100_000);
        } catch (GaitformException expected) {
            return;
        }
        assertThat(columns.length).isEqualTo(k);
        for (double[] c : columns) {
            assertThat(c).hasSameSizeAs(columns[0]);
            assertThat(Arrays.stream(c).allMatch(Double::isFinite)).isTrue();
        }
    }

    /** The IMU CSV reader on arbitrary bytes: a valid recording or one message. */
    @FuzzTest(maxDuration = "10m")
    void imuCsvReader(byte[] data) throws IOException {
        Path f = write(data);
        ImuRecording r;
        try {
            r = new ImuCsvReader().read(f, "fuzz.csv", ImuReadOptions.DEFAULTS);
        } catch (GaitformException expected) {
            return;
        }
        assertThat(r.samplingRateHz()).isPositive().isLessThan(100_001);
        double[] t = r.timeS();
        for (int i = 1; i < t.length; i++) {
            assertThat(t[i]).isGreaterThan(t[i - 1]);
        }
        for (ImuSensor s : r.sensors()) {
            for (Channel c : s.channels().keySet()) {
                assertThat(Arrays.stream(s.channel(c)).allMatch(Double::isFinite)).as(c.role()).isTrue();
            }
        }
    }

    /** A whole session (read, analyse) on arbitrary bytes: results or one message. */
    @FuzzTest(maxDuration = "10m")
    void wholeSession(byte[] data) {
        Path f = write(data);
        try {
            new SessionPipeline(AnalysisSettings.defaults()).analyse(f, "fuzz.csv", "fuzz");
        } catch (GaitformException expected) {
            assertThat(expected.getMessage()).startsWith("fuzz.csv: ");
        }
    }

    /** Strict number parsing: NaN or a finite value, equal to Java's where both apply. */
    @FuzzTest(maxDuration = "5m")
    void numbers(FuzzedDataProvider data) {
        boolean comma = data.consumeBoolean();
        String s = data.consumeRemainingAsString();
        double v = Numbers.parse(s, comma);
        assertThat(Double.isNaN(v) || Double.isFinite(v)).isTrue();
        if (!comma && PLAIN_DECIMAL.matcher(s).matches()) {
            assertThat(v).isEqualTo(Double.parseDouble(s));
        }
        if (comma && PLAIN_DECIMAL.matcher(s.replace(',', '.')).matches() && s.indexOf('.') < 0) {
            assertThat(v).isEqualTo(Double.parseDouble(s.replace(',', '.')));
        }
    }

    /** Time stamps: NaN or finite seconds; splitting fields never fails. */
    @FuzzTest(maxDuration = "5m")
    void stampsAndFields(FuzzedDataProvider data) {
        char sep = data.pickValue(new Character[] {',', ';', '\t', '|'});
        String s = data.consumeRemainingAsString();
        double secs = TimeStamps.parseSeconds(s);
        assertThat(Double.isNaN(secs) || Double.isFinite(secs)).isTrue();
        if (TimeStamps.looksLikeTimestamp(s)) {
            assertThat(secs).isNotNaN();
            TimeStamps.hasDate(s);
        }
        String[] fields = Fields.split(s, sep);
        assertThat(fields.length).isPositive();
        assertThat(Fields.count(s, sep)).isEqualTo(fields.length);
    }

    /** The time base on arbitrary time columns: a uniform axis or one message. */
    @FuzzTest(maxDuration = "5m")
    void timeBase(FuzzedDataProvider data) {
        boolean stamp = data.consumeBoolean();
        String unit = data.pickValue(new String[] {"", "s", "ms", "us", "ns"});
        int n = data.consumeInt(0, 3000);
        double[] raw = new double[n];
        double t = data.consumeDouble();
        for (int i = 0; i < n && data.remainingBytes() > 0; i++) {
            t += data.consumeBoolean() ? data.consumeDouble() : data.consumeRegularDouble(0, 0.02);
            raw[i] = t;
        }
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(raw[i])) {
                return; // the column reader never hands over non-finite values
            }
        }
        TimeBase.Result r;
        try {
            r = TimeBase.build("fuzz.csv", "time", raw, unit.isEmpty() ? Optional.empty() : Optional.of(unit), stamp, 2);
        } catch (GaitformException expected) {
            return;
        }
        assertThat(r.samplingRateHz()).isPositive();
        double[] grid = r.timeS();
        for (int i = 1; i < grid.length; i++) {
            assertThat(grid[i]).isGreaterThan(grid[i - 1]);
        }
    }
}
