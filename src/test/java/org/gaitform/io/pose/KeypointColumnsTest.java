package org.gaitform.io.pose;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeypointColumnsTest {
    @Test
    void openPoseCsv() {
        List<String> h = new ArrayList<>(List.of("frame", "n_people"));
        for (String n : KeypointNames.BODY_25) {
            h.addAll(List.of(n + "_x", n + "_y", n + "_c"));
        }
        KeypointColumns.Grouping g = KeypointColumns.keypointHeader(h).orElseThrow();
        assertThat(g.points()).hasSize(25);
        assertThat(g.frameColumn()).isZero();
        assertThat(g.is3d()).isFalse();
        assertThat(g.points().get(21)).isEqualTo(new KeypointColumns.Point("LHeel", 65, 66, -1, 67));
    }

    @Test
    void mediaPipeIndexedAndNamed() {
        List<String> h = new ArrayList<>(List.of("time_ms"));
        for (int i = 0; i < 33; i++) {
            h.addAll(List.of("x" + i, "y" + i, "z" + i, "v" + i));
        }
        KeypointColumns.Grouping g = KeypointColumns.keypointHeader(h).orElseThrow();
        assertThat(g.indexed()).isTrue();
        assertThat(g.timeColumn()).isZero();
        assertThat(g.timeInMs()).isTrue();
        assertThat(g.names()).contains("left_heel", "right_foot_index");
        KeypointColumns.Point heel = g.points().stream().filter(p -> p.name().equals("left_heel")).findFirst().orElseThrow();
        assertThat(heel.x()).isEqualTo(1 + 29 * 4);
        assertThat(heel.c()).isEqualTo(4 + 29 * 4);

        KeypointColumns.Grouping named = KeypointColumns.keypointHeader(List.of("timestamp", "left_heel_x", "left_heel_y",
                "left_heel_z", "left_heel_visibility", "right_heel_x", "right_heel_y", "right_heel_z", "left_hip_x",
                "left_hip_y", "left_hip_z", "right_hip_x", "right_hip_y", "right_hip_z")).orElseThrow();
        assertThat(named.names()).containsExactly("left_heel", "right_heel", "left_hip", "right_hip");
        assertThat(named.points().get(0).c()).isEqualTo(4);
    }

    @Test
    void markerExportsWithoutSeparator() {
        KeypointColumns.Grouping g = KeypointColumns.keypointHeader(List.of("Time", "R.ASISX", "R.ASISY", "R.ASISZ",
                "L.ASISX", "L.ASISY", "L.ASISZ", "R.Heel.BottomX", "R.Heel.BottomY", "R.Heel.BottomZ", "L.MT1X", "L.MT1Y",
                "L.MT1Z")).orElseThrow();
        assertThat(g.names()).containsExactly("R.ASIS", "L.ASIS", "R.Heel.Bottom", "L.MT1");
        assertThat(g.is3d()).isTrue();
        assertThat(g.timeColumn()).isZero();
    }

    @Test
    void imuHeadersAreNotKeypoints() {
        assertThat(KeypointColumns.keypointHeader(List.of("time", "acc_x", "acc_y", "acc_z", "gyr_x", "gyr_y", "gyr_z")))
                .isEmpty();
        assertThat(KeypointColumns.keypointHeader(List.of("t", "ax", "ay", "az", "gx", "gy", "gz", "mx", "my", "mz")))
                .isEmpty();
        assertThat(KeypointColumns.keypointHeader(List.of("Time (s)", "Acceleration x (m/s^2)",
                "Acceleration y (m/s^2)", "Acceleration z (m/s^2)"))).isEmpty();
        assertThat(KeypointColumns.keypointHeader(List.of("index", "x", "y"))).isEmpty();
    }
}
