package org.gaitform.io.pose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.gaitform.io.InputKind;
import org.gaitform.io.InputReaders;
import org.gaitform.io.ReadOptions;
import org.gaitform.model.Keypoint;
import org.gaitform.model.PoseRecording;
import org.gaitform.model.SessionResult;
import org.gaitform.pipeline.AnalysisSettings;
import org.gaitform.pipeline.SessionPipeline;
import org.gaitform.support.SharedData;
import org.gaitform.support.TempDirs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Qualisys Track Manager 3D exports ({@link QualisysTsvReader}): real markers written in its layout, with and without
 * the column header of newer exports and with markers unseen in some frames written as Qualisys writes them
 * ({@code 0.000}), give the same steps as the file they came from; broken exports get one message.
 */
class QualisysTsvReaderTest {
    @TempDir
    Path dir;

    private final InputReaders readers = new InputReaders();

    /**
     * A recording's markers as a Qualisys export; markers hidden in {@code hidden} frames of every 50 (the first
     * marker, frames 10-12 of each 50) are written as 0.000.
     */
    private static String qtm(PoseRecording rec, boolean columnHeader, double rate) {
        List<Keypoint> ks = rec.keypoints();
        int n = rec.timeS().length;
        double toMm = switch (rec.unit()) {
            case "m" -> 1000;
            case "cm" -> 10;
            default -> 1;
        };
        StringBuilder sb = new StringBuilder();
        sb.append("NO_OF_FRAMES\t").append(n).append("\nNO_OF_CAMERAS\t10\nNO_OF_MARKERS\t").append(ks.size())
                .append("\nFREQUENCY\t").append(PoseAssembler.fmt(rate)).append("\nNO_OF_ANALOG\t0\nANALOG_FREQUENCY\t0\n"
                + "DESCRIPTION\t--\nTIME_STAMP\t2013-01-01, 10:00:00.000\t1234.5\nDATA_INCLUDED\t3D\n"
                + "EVENT\tStart\t12\t0.110\nMARKER_NAMES");
        for (Keypoint k : ks) {
            sb.append('\t').append(k.name());
        }
        sb.append("\nTRAJECTORY_TYPES");
        for (int k = 0; k < ks.size(); k++) {
            sb.append("\tMeasured");
        }
        sb.append('\n');
        if (columnHeader) {
            sb.append("Frame\tTime");
            for (Keypoint k : ks) {
                sb.append('\t').append(k.name()).append(" X\t").append(k.name()).append(" Y\t").append(k.name())
                        .append(" Z");
            }
            sb.append('\n');
        }
        for (int f = 0; f < n; f++) {
            if (columnHeader) {
                sb.append(f + 1).append('\t').append(String.format(Locale.ROOT, "%.5f", f / rate)).append('\t');
            }
            for (int k = 0; k < ks.size(); k++) {
                boolean hidden = k == 0 && f % 50 >= 10 && f % 50 < 13;
                double[] v = {toMm * ks.get(k).x()[f], toMm * ks.get(k).y()[f], toMm * ks.get(k).z()[f]};
                for (int a = 0; a < 3; a++) {
                    sb.append(k == 0 && a == 0 ? "" : "\t").append(hidden || !Double.isFinite(v[a]) ? "0.000"
                            : String.format(Locale.ROOT, "%.3f", v[a]));
                }
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    @Test
    void realMarkersWrittenAsAQualisysExportGiveTheSameSteps() throws IOException {
        Path hamner = SharedData.require("hamner2013-running-markers-grf").resolve("Run_40002_markers.csv");
        PoseRecording rec = (PoseRecording) readers.read(hamner, "hamner", ReadOptions.DEFAULTS);
        SessionResult original = new SessionPipeline(AnalysisSettings.defaults()).analyse(hamner, "hamner", "a");
        for (boolean header : new boolean[] {true, false}) {
            Path f = TempDirs.write(dir, "run40_" + header + ".tsv", qtm(rec, header, rec.frameRateHz()));
            assertThat(readers.kindOf(f)).contains(InputKind.QUALISYS_TSV);
            PoseRecording read = (PoseRecording) readers.read(f, "q", ReadOptions.DEFAULTS);
            assertThat(read.keypoints()).extracting(Keypoint::name)
                    .containsExactlyElementsOf(rec.keypoints().stream().map(Keypoint::name).toList());
            assertThat(read.unit()).isEqualTo("mm");
            assertThat(read.keypoints().get(0).x()[10]).isNaN();
            assertThat(read.keypoints().get(0).x()[13] / 1000).isCloseTo(rec.keypoints().get(0).x()[13]
                    * ("m".equals(rec.unit()) ? 1 : 0.001), within(1e-6));
            assertThat(read.decisions()).anyMatch(d -> d.key().equals("input_format")
                    && d.reason().contains("taken as gaps"));

            SessionResult r = new SessionPipeline(AnalysisSettings.defaults()).analyse(f, f.getFileName().toString(), "b");
            System.out.printf(Locale.ROOT, "Qualisys export (column header %s): %d steps, cadence %.2f, contact %.1f ms "
                            + "(original %d, %.2f, %.1f)%n", header, r.steps().size(), r.metric("cadence_spm"),
                    r.metric("contact_ms"), original.steps().size(), original.metric("cadence_spm"),
                    original.metric("contact_ms"));
            ViconCsvReaderTest.assertSameSteps(r, original, rec.timeS()[0]);
        }
    }

    @Test
    void brokenExportsGetOneMessage() throws IOException {
        String head = "NO_OF_FRAMES\t3\nFREQUENCY\t100\nDATA_INCLUDED\t3D\nMARKER_NAMES\tLHEE\tRHEE\n";
        Path sixD = TempDirs.write(dir, "six.tsv", head.replace("3D", "6D") + "1\t2\t3\t4\t5\t6\n");
        assertThatThrownBy(() -> readers.read(sixD, "six.tsv", ReadOptions.DEFAULTS)).hasMessageContaining("six.tsv")
                .hasMessageContaining("DATA_INCLUDED").hasMessageContaining("3D marker data").hasMessageContaining("'6D'");
        Path noRate = TempDirs.write(dir, "norate.tsv", head.replace("FREQUENCY\t100\n", "") + "1\t2\t3\t4\t5\t6\n");
        assertThatThrownBy(() -> readers.read(noRate, "norate.tsv", ReadOptions.DEFAULTS))
                .hasMessageContaining("norate.tsv").hasMessageContaining("a FREQUENCY line");
        Path word = TempDirs.write(dir, "word.tsv", head + "1\t2\t3\t4\t5\t6\n1\t2\tabc\t4\t5\t6\n");
        assertThatThrownBy(() -> readers.read(word, "word.tsv", ReadOptions.DEFAULTS))
                .hasMessageContaining("line 6, column 'LHEE Z'").hasMessageContaining("'abc'");
        Path ragged = TempDirs.write(dir, "ragged.tsv", head + "1\t2\t3\t4\t5\t6\n1\t2\t3\n");
        assertThatThrownBy(() -> readers.read(ragged, "ragged.tsv", ReadOptions.DEFAULTS))
                .hasMessageContaining("line 6").hasMessageContaining("6 fields").hasMessageContaining("found 3 fields");
        Path columns = TempDirs.write(dir, "columns.tsv", head + "Frame\tTime\tLHEE X\tLHEE Y\tLHEE Z\n1\t0\t1\t2\t3\n");
        assertThatThrownBy(() -> readers.read(columns, "columns.tsv", ReadOptions.DEFAULTS))
                .hasMessageContaining("line 5").hasMessageContaining("'RHEE X', 'RHEE Y', 'RHEE Z'");
    }
}
