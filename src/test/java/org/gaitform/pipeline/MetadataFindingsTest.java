package org.gaitform.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gaitform.model.Finding;
import org.gaitform.model.FindingStatus;
import org.gaitform.model.SessionResult;
import org.gaitform.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pain and shoe advice apply when the session's metadata gives them. */
class MetadataFindingsTest {
    @Test
    void painAndShoeMileageBecomeFindings(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("painful.meta.csv"), "subject_id,P1\npain_during,5\npain_onset_min,3\n"
                + "shoe_km,700\nspeed_mps,3.0\n");
        SessionResult r = Fixtures.analyse(dir, "painful", Fixtures.shortRunCsv());
        Finding pain = find(r, "R13");
        assertThat(pain.status()).isEqualTo(FindingStatus.OUTSIDE);
        assertThat(pain.value()).isEqualTo(5);
        assertThat(pain.message()).contains("minute 3");
        assertThat(pain.sources()).contains("Knee Pain After Running", "How To Prevent Knee Pain When Running: Tips and "
                + "Exercises");
        assertThat(find(r, "R14").status()).isEqualTo(FindingStatus.WATCH);
        assertThat(r.info()).containsEntry("subject_id", "P1");
        assertThat(r.metric("speed_mps")).isEqualTo(3.0);
        // the metadata's speed gives the vertical ratio (vertical oscillation / step length)
        assertThat(r.metric("vertical_ratio_pct")).isBetween(3.0, 15.0);
        assertThat(r.decisions()).anyMatch(d -> d.key().equals("speed_mps") && d.reason().equals("from the session metadata"));
        // pain outranks cadence: both are outside, pain weighs more
        assertThat(r.findings().get(0).guidelineId()).isEqualTo("R13");
        assertThat(r.findings().get(1).guidelineId()).isEqualTo("R1");
    }

    @Test
    void withoutMetadataPainAndShoesAreNotMeasurable(@TempDir Path dir) throws IOException {
        SessionResult r = Fixtures.analyse(dir, "plain", Fixtures.shortRunCsv());
        assertThat(find(r, "R13").status()).isEqualTo(FindingStatus.NOT_MEASURABLE);
        assertThat(find(r, "R14").status()).isEqualTo(FindingStatus.NOT_MEASURABLE);
    }

    private static Finding find(SessionResult r, String id) {
        return r.findings().stream().filter(f -> f.guidelineId().equals(id)).findFirst().orElseThrow();
    }
}
