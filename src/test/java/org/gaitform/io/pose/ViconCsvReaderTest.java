package org.gaitform.io.pose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.gaitform.io.InputKind;
import org.gaitform.io.InputReaders;
import org.gaitform.io.ReadOptions;
import org.gaitform.model.GaitformException;
import org.gaitform.model.Keypoint;
import org.gaitform.model.PoseRecording;
import org.gaitform.model.SessionResult;
import org.gaitform.model.Step;
import org.gaitform.pipeline.AnalysisSettings;
import org.gaitform.pipeline.SessionPipeline;
import org.gaitform.support.SharedData;
import org.gaitform.support.TempDirs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Vicon Nexus exports ({@link ViconCsvReader}): real markers written in Nexus's layout, behind a Devices section, with
 * the subject's prefix, an unlabelled trajectory, gaps as empty cells and rows cut after their last value, give the
 * same steps as the file they came from; broken exports get one message naming the line and what was expected.
 */
class ViconCsvReaderTest {
    @TempDir
    Path dir;

    private final InputReaders readers = new InputReaders();

    /** Writes a recording's markers as a Nexus export (frames numbered from 101), with a Devices section first. */
    private static String nexus(PoseRecording rec, char sep) {
        String s = String.valueOf(sep);
        StringBuilder sb = new StringBuilder("Devices" + s + s + "\n1000\n" + s + s + "Force Plate 1 - Force" + s + s
                + "\nFrame" + s + "Sub Frame" + s + "Fx" + s + "Fy" + s + "Fz\n" + s + s + "N" + s + "N" + s + "N\n");
        for (int i = 1; i <= 3; i++) {
            for (int sub = 0; sub < 10; sub++) {
                sb.append(i).append(sep).append(sub).append(sep).append("0").append(sep).append("0").append(sep)
                        .append("0\n");
            }
        }
        sb.append("\nTrajectories\n").append(PoseAssembler.fmt(rec.frameRateHz())).append('\n').append(sep);
        List<Keypoint> ks = rec.keypoints();
        for (Keypoint k : ks) {
            sb.append(sep).append("Runner:").append(k.name()).append(sep).append(sep);
        }
        sb.append(sep).append("*7").append(sep).append(sep).append("\nFrame").append(sep).append("Sub Frame");
        for (int k = 0; k <= ks.size(); k++) {
            sb.append(sep).append("X").append(sep).append("Y").append(sep).append("Z");
        }
        sb.append('\n').append(sep);
        for (int k = 0; k <= ks.size(); k++) {
            sb.append(sep).append(rec.unit()).append(sep).append(rec.unit()).append(sep).append(rec.unit());
        }
        sb.append('\n');
        for (int f = 0; f < rec.timeS().length; f++) {
            StringBuilder row = new StringBuilder().append(101 + f).append(sep).append(0);
            for (Keypoint k : ks) {
                for (double v : new double[] {k.x()[f], k.y()[f], k.z()[f]}) {
                    row.append(sep).append(Double.isFinite(v) ? String.format(Locale.ROOT, "%.5f", v) : "");
                }
            }
            row.append(sep).append(f % 7 == 0 ? "1.0" : "").append(sep).append(f % 7 == 0 ? "2.0" : "").append(sep)
                    .append(f % 7 == 0 ? "3.0" : "");
            String line = row.toString();
            while (line.endsWith(s)) {
                line = line.substring(0, line.length() - 1); // Nexus ends a row at its last value
            }
            sb.append(line).append('\n');
        }
        return sb.append('\n').toString();
    }

    @Test
    void realMarkersWrittenAsANexusExportGiveTheSameSteps() throws IOException {
        Path hamner = SharedData.require("hamner2013-running-markers-grf").resolve("Run_40002_markers.csv");
        PoseRecording rec = (PoseRecording) readers.read(hamner, "hamner", ReadOptions.DEFAULTS);
        Path copy = TempDirs.write(dir, "Run_40002 Trajectories.csv", nexus(rec, ','));
        Path tabs = TempDirs.write(dir, "Run_40002.txt", nexus(rec, '\t'));
        assertThat(readers.kindOf(copy)).contains(InputKind.VICON_CSV);
        assertThat(readers.kindOf(tabs)).contains(InputKind.VICON_CSV);
        PoseRecording read = (PoseRecording) readers.read(copy, "copy", ReadOptions.DEFAULTS);
        assertThat(read.keypoints()).extracting(Keypoint::name)
                .containsExactlyElementsOf(rec.keypoints().stream().map(Keypoint::name).toList());
        assertThat(read.frameRateHz()).isEqualTo(rec.frameRateHz());
        assertThat(read.decisions()).anyMatch(d -> d.key().equals("input_format")
                && d.reason().contains("1 unlabelled trajectories left out") && d.reason().contains("prefix"));

        SessionPipeline pipeline = new SessionPipeline(AnalysisSettings.defaults());
        SessionResult original = pipeline.analyse(hamner, "hamner", "a");
        for (Path p : List.of(copy, tabs)) {
            SessionResult r = pipeline.analyse(p, p.getFileName().toString(), "b");
            System.out.printf(Locale.ROOT, "%s: %d steps, cadence %.2f, contact %.1f ms (original %d, %.2f, %.1f)%n",
                    p.getFileName(), r.steps().size(), r.metric("cadence_spm"), r.metric("contact_ms"),
                    original.steps().size(), original.metric("cadence_spm"), original.metric("contact_ms"));
            assertSameSteps(r, original, rec.timeS()[0]);
            assertThat(r.inputKind()).isEqualTo("vicon-csv");
        }
    }

    /**
     * The steps of an export written from a recording are the recording's: same sides, initial contacts and toe-offs
     * within 1 ms, cadence within 0.01 steps/min, same kind of measurement. The export's time starts at its first
     * frame, the original's at its own first time stamp ({@code firstTimeS}) or at 0.
     */
    static void assertSameSteps(SessionResult r, SessionResult original, double firstTimeS) {
        assertThat(r.steps()).hasSameSizeAs(original.steps());
        double offset = original.steps().get(0).icS() - r.steps().get(0).icS();
        assertThat(offset).satisfiesAnyOf(o -> assertThat(o).isCloseTo(0.0, within(1e-6)),
                o -> assertThat(o).isCloseTo(firstTimeS, within(1e-6)));
        for (int i = 0; i < r.steps().size(); i++) {
            Step a = r.steps().get(i);
            Step b = original.steps().get(i);
            assertThat(a.side()).isEqualTo(b.side());
            assertThat(a.icS() + offset).isCloseTo(b.icS(), within(1e-3));
            assertThat(a.toS() + offset).isCloseTo(b.toS(), within(1e-3));
        }
        assertThat(r.metric("cadence_spm")).isCloseTo(original.metric("cadence_spm"), within(0.01));
        assertThat(r.info().get("measurement_kind")).isEqualTo(original.info().get("measurement_kind"));
    }

    @Test
    void anExportWithoutTrajectoriesNamesItsSections() throws IOException {
        Path f = TempDirs.write(dir, "model.csv", "Model Outputs\n100\n,,Runner:LKneeAngles,,\n"
                + "Frame,Sub Frame,X,Y,Z\n,,deg,deg,deg\n1,0,10,2,3\n2,0,11,2,3\n");
        assertThat(readers.kindOf(f)).contains(InputKind.VICON_CSV);
        assertThatThrownBy(() -> readers.read(f, "model.csv", ReadOptions.DEFAULTS))
                .isInstanceOf(GaitformException.class).hasMessageContaining("model.csv")
                .hasMessageContaining("a Trajectories section").hasMessageContaining("the sections Model Outputs only");
    }

    @Test
    void brokenTrajectoriesGetOneMessageWithTheLine() throws IOException {
        String head = "Trajectories\n100\n,,Runner:LHEE,,,Runner:RHEE,,\nFrame,Sub Frame,X,Y,Z,X,Y,Z\n";
        Path unit = TempDirs.write(dir, "unit.csv", head + ",,px,px,px,px,px,px\n1,0,1,2,3,4,5,6\n");
        assertThatThrownBy(() -> readers.read(unit, "unit.csv", ReadOptions.DEFAULTS))
                .hasMessageContaining("unit.csv").hasMessageContaining("line 5")
                .hasMessageContaining("mm, cm or m").hasMessageContaining("'px'");
        Path cell = TempDirs.write(dir, "cell.csv", head + ",,mm,mm,mm,mm,mm,mm\n1,0,1,2,3,4,5,6\n2,0,1,2,x,4,5,6\n");
        assertThatThrownBy(() -> readers.read(cell, "cell.csv", ReadOptions.DEFAULTS))
                .hasMessageContaining("cell.csv").hasMessageContaining("line 7, column 'Runner:LHEE Z'")
                .hasMessageContaining("'x'");
        Path order = TempDirs.write(dir, "order.csv", head + ",,mm,mm,mm,mm,mm,mm\n2,0,1,2,3,4,5,6\n2,0,1,2,3,4,5,6\n");
        assertThatThrownBy(() -> readers.read(order, "order.csv", ReadOptions.DEFAULTS))
                .hasMessageContaining("line 7, column 'Frame'").hasMessageContaining("above the previous row's (2)");
        Path rate = TempDirs.write(dir, "rate.csv", "Trajectories\nfast\n,,Runner:LHEE,,\nFrame,Sub Frame,X,Y,Z\n"
                + ",,mm,mm,mm\n1,0,1,2,3\n");
        assertThat(readers.kindOf(rate)).isNotEqualTo(java.util.Optional.of(InputKind.VICON_CSV));
    }

    @Test
    void theSubjectPrefixStaysWhenTakingItOffWouldMergeTwoMarkers() {
        assertThat(ViconCsvReader.withoutSubject(List.of("A:LHEE", "A:RHEE"))).containsExactly("LHEE", "RHEE");
        assertThat(ViconCsvReader.withoutSubject(List.of("A:LHEE", "B:LHEE"))).containsExactly("A:LHEE", "B:LHEE");
        assertThat(ViconCsvReader.withoutSubject(List.of("LHEE", "RHEE"))).containsExactly("LHEE", "RHEE");
    }

    @Test
    void aPlainMarkerTableIsNotTakenForAnExport() throws IOException {
        Path f = TempDirs.write(dir, "plain.csv", "Frame,Time,LHEE_X,LHEE_Y,LHEE_Z\n1,0.01,1,2,3\n");
        assertThat(ViconCsvReader.isViconExport(f)).isFalse();
        assertThat(Files.exists(f)).isTrue();
    }
}
