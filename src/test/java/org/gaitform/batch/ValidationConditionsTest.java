package org.gaitform.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.gaitform.agreement.RecordingAgreement;
import org.gaitform.agreement.ReferenceKind;
import org.junit.jupiter.api.Test;

/** Conditions from file names, and the groupings chosen when none are asked for. */
class ValidationConditionsTest {
    @Test
    void slopeAndSpeedInAFileName() {
        assertThat(ValidationRunner.fromName(Path.of("trial10_speed3.33_slope-5.csv")))
                .containsEntry("slope_deg", "-5").containsEntry("speed_mps", "3.33");
        assertThat(ValidationRunner.fromName(Path.of("run_speed12kmh_incline2.5.csv")))
                .containsEntry("speed_mps", "3.33").containsEntry("slope_deg", "2.5");
        assertThat(ValidationRunner.fromName(Path.of("subject3.csv"))).isEmpty();
        assertThat(ValidationRunner.rate(204.8)).isEqualTo("204.8");
        assertThat(ValidationRunner.rate(99.99999)).isEqualTo("100");
    }

    private static RecordingAgreement rec(String name, Map<String, String> c) {
        return new RecordingAgreement(name, "ref", ReferenceKind.EVENTS, "", c, List.of(), true, 170, 170, 250, 250,
                "running", List.of());
    }

    @Test
    void defaultGroupingsSplitTheRecordings() {
        List<RecordingAgreement> recs = List.of(
                rec("a", Map.of("input_kind", "trunk-imu", "slope_deg", "0", "trial", "1", "note_id", "x")),
                rec("b", Map.of("input_kind", "trunk-imu", "slope_deg", "5", "trial", "2", "note_id", "x")),
                rec("c", Map.of("input_kind", "trunk-imu", "slope_deg", "5", "trial", "3", "note_id", "y")));
        // slope splits them; a column with one value per recording that is not a known condition does not
        assertThat(ValidationRunner.defaultGroupings(recs, List.of("input_kind", "slope_deg", "trial", "note_id")))
                .containsExactly(List.of("slope_deg"), List.of("note_id"));
    }
}
