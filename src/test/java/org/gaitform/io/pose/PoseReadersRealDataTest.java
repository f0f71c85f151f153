package org.gaitform.io.pose;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.gaitform.io.InputKind;
import org.gaitform.io.InputReaders;
import org.gaitform.io.ReadOptions;
import org.gaitform.model.Keypoint;
import org.gaitform.model.PoseRecording;
import org.gaitform.support.SharedData;
import org.junit.jupiter.api.Test;

/** The pose readers on the real files in ../shared/data. */
class PoseReadersRealDataTest {
    private final InputReaders readers = new InputReaders();

    private PoseRecording read(Path p) {
        return (PoseRecording) readers.read(p, p.getFileName().toString(), ReadOptions.DEFAULTS);
    }

    private static void print(PoseRecording r) {
        System.out.printf("%s: %s, %d frames at %.3f fps, unit %s, %dD, %d points%n", r.source(), r.format(), r.size(),
                r.frameRateHz(), r.unit(), r.dimensions(), r.keypoints().size());
        r.decisions().forEach(d -> System.out.println("  decision " + d.key() + " = " + d.value() + " (" + d.reason() + ")"));
        r.warnings().forEach(w -> System.out.println("  warning " + w));
    }

    @Test
    void fukuchiMarkerText() {
        Path d = SharedData.require("fukuchi2017-treadmill-markers");
        Path f = d.resolve("RBDS001runT25markers.txt");
        assertThat(readers.kindOf(f)).contains(InputKind.POSE_CSV);
        assertThat(readers.kindOf(d.resolve("RBDS001runT25_contacts_from_vgrf.csv"))).contains(InputKind.IMU_CSV);
        PoseRecording r = read(f);
        print(r);
        assertThat(r.format()).isEqualTo("marker-text");
        assertThat(r.frameRateHz()).isCloseTo(150.0, org.assertj.core.data.Offset.offset(0.01));
        assertThat(r.unit()).isEqualTo("mm");
        assertThat(r.dimensions()).isEqualTo(3);
        Keypoint asis = r.keypoint("R.ASIS").orElseThrow();
        // keypoints are held in single precision (Keypoint): the file's 2337.84 mm comes back within 0.001 mm
        assertThat(asis.x()[0]).isCloseTo(2337.84, org.assertj.core.data.Offset.offset(1e-3));
        assertThat(asis.z()[0]).isCloseTo(1170.22, org.assertj.core.data.Offset.offset(1e-3));
        assertThat(r.keypoint("L.Heel.Lateral")).isPresent();
        assertThat(r.keypoint("R.MT5")).isPresent();
    }

    @Test
    void openPoseCsvAndJsonAgree() {
        Path d = SharedData.require("openpose-running-side");
        assertThat(readers.kindOf(d.resolve("json"))).contains(InputKind.OPENPOSE_JSON);
        assertThat(readers.kindOf(d.resolve("openpose_body25_side.csv"))).contains(InputKind.POSE_CSV);
        PoseRecording csv = read(d.resolve("openpose_body25_side.csv"));
        PoseRecording json = read(d.resolve("json"));
        print(csv);
        print(json);
        assertThat(csv.format()).isEqualTo("openpose-csv");
        assertThat(json.format()).isEqualTo("openpose-json");
        assertThat(csv.size()).isEqualTo(json.size());
        assertThat(csv.unit()).isEqualTo("px");
        for (String name : KeypointNames.BODY_25) {
            Keypoint a = csv.keypoint(name).orElseThrow();
            Keypoint b = json.keypoint(name).orElseThrow();
            assertThat(a.x()).as(name).containsExactly(b.x());
            assertThat(a.y()).as(name).containsExactly(b.y());
        }
    }

    @Test
    void ricC3dAndCsvAgree() {
        Path d = SharedData.require("ric-treadmill-markers");
        PoseRecording c3d = read(d.resolve("20140515T133244_run.c3d"));
        PoseRecording csv = read(d.resolve("20140515T133244_run_markers.csv"));
        print(c3d);
        print(csv);
        assertThat(c3d.size()).isEqualTo(csv.size());
        assertThat(c3d.frameRateHz()).isEqualTo(200.0);
        assertThat(c3d.unit()).isEqualTo("mm");
        Keypoint a = c3d.keypoint("pelvis_1").orElseThrow();
        Keypoint b = csv.keypoint("pelvis_1").orElseThrow();
        for (int i = 0; i < a.size(); i += 97) {
            assertThat(a.x()[i]).isCloseTo(b.x()[i], org.assertj.core.data.Offset.offset(0.01));
            assertThat(a.y()[i]).isCloseTo(b.y()[i], org.assertj.core.data.Offset.offset(0.01));
        }
    }

    @Test
    void openCapTrc() {
        Path d = SharedData.require("opencap-markerless-walking");
        PoseRecording r = read(d.resolve("walk.trc"));
        print(r);
        assertThat(r.format()).isEqualTo("trc");
        assertThat(r.size()).isEqualTo(222);
        assertThat(r.frameRateHz()).isEqualTo(60.0);
        assertThat(r.unit()).isEqualTo("m");
        assertThat(r.keypoints()).hasSize(63);
        assertThat(r.keypoint("RHeel").orElseThrow().y()[0]).isCloseTo(0.2277238, org.assertj.core.data.Offset.offset(1e-7));
    }
}
