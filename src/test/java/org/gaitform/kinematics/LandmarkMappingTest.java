package org.gaitform.kinematics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gaitform.model.GaitformException;
import org.gaitform.model.Keypoint;
import org.gaitform.model.PoseRecording;
import org.gaitform.signal.Vec3;
import org.junit.jupiter.api.Test;

class LandmarkMappingTest {
    private static PoseRecording rec(String... names) {
        List<Keypoint> k = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            double v = i;
            k.add(new Keypoint(names[i], new double[] {v, v}, new double[] {v, v}, new double[] {v, v}, null));
        }
        return new PoseRecording("t", "marker-text", new double[] {0, 0.01}, 100, "mm", false, k, List.of(), List.of());
    }

    @Test
    void mapsTheCommonNamingSchemes() {
        LandmarkMapping.Mapped m = LandmarkMapping.map(rec("LHeel", "RBigToe", "left_knee", "right_foot_index",
                "L.Heel.Bottom", "r_calc_study", "L.MT1", "L.MT5", "R.Knee.Medial", "RHJC_study", "Neck", "MidHip"),
                Map.of(), 1);
        assertThat(m.sources().get(Landmark.HEEL_LEFT)).isEqualTo("L.Heel.Bottom");
        assertThat(m.sources().get(Landmark.HEEL_RIGHT)).isEqualTo("r_calc_study");
        assertThat(m.sources().get(Landmark.TOE_RIGHT)).isEqualTo("RBigToe");
        assertThat(m.sources().get(Landmark.TOE_LEFT)).isEqualTo("mean of L.MT1 and L.MT5");
        assertThat(m.sources().get(Landmark.KNEE_LEFT)).isEqualTo("left_knee");
        assertThat(m.sources().get(Landmark.KNEE_MEDIAL_RIGHT)).isEqualTo("R.Knee.Medial");
        assertThat(m.sources().get(Landmark.HIP_RIGHT)).isEqualTo("RHJC_study");
        assertThat(m.sources().get(Landmark.NECK)).isEqualTo("Neck");
        assertThat(m.sources().get(Landmark.MID_HIP)).isEqualTo("MidHip");
    }

    @Test
    void overridesWinAndBadOverridesAreNamed() {
        LandmarkMapping.Mapped m = LandmarkMapping.map(rec("LHEE", "LHeel", "XTOE"), Map.of("heel_left", "LHEE",
                "left_toe", "XTOE"), 1);
        assertThat(m.sources().get(Landmark.HEEL_LEFT)).isEqualTo("LHEE (override)");
        assertThat(m.sources().get(Landmark.TOE_LEFT)).isEqualTo("XTOE (override)");
        assertThatThrownBy(() -> LandmarkMapping.map(rec("LHeel"), Map.of("heel_left", "NOPE"), 1))
                .isInstanceOf(GaitformException.class).hasMessageContaining("--landmark heel_left=NOPE")
                .hasMessageContaining("LHeel");
    }

    @Test
    void harringtonRegressionPlacesTheHipsBelowBehindAndInsideTheAsis() {
        // pelvis: ASIS 250 mm apart, PSIS 150 mm behind, x forward, y up, z right (mm)
        Vec3 la = new Vec3(0, 1000, -125);
        Vec3 ra = new Vec3(0, 1000, 125);
        Vec3 lp = new Vec3(-150, 1000, -45);
        Vec3 rp = new Vec3(-150, 1000, 45);
        Vec3[] c = Harrington2007HipJointCentre.centres(la, ra, lp, rp, 1);
        assertThat(c[1].x()).isCloseTo(-0.24 * 150 - 9.9, within(1e-9));
        assertThat(c[1].y()).isCloseTo(1000 - 0.30 * 250 - 10.9, within(1e-9));
        assertThat(c[1].z()).isCloseTo(0.33 * 250 + 7.3, within(1e-9));
        assertThat(c[0].z()).isCloseTo(-(0.33 * 250 + 7.3), within(1e-9));
        // the same pelvis in metres gives the same centres in metres
        Vec3[] m = Harrington2007HipJointCentre.centres(la.times(0.001), ra.times(0.001), lp.times(0.001),
                rp.times(0.001), 1000);
        assertThat(m[1].x() * 1000).isCloseTo(c[1].x(), within(1e-9));
    }
}
