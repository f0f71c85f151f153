package org.gaitform.io.fit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.gaitform.support.SharedData;
import org.junit.jupiter.api.Test;

/** The chained-header and developer-field files of the shared FIT exports, decoded. */
class FitSharedFilesTest {
    private static Path dir() {
        return SharedData.require("garmin-stryd-fit-exports").resolve("fit");
    }

    @Test
    void theChainedTriathlonFileHasFourHeadersAndFiveSessions() throws IOException {
        FitFile fit = new FitDecoder(true).decode(dir().resolve("fitparse__sample_mulitple_header.fit"), "multi");
        assertThat(fit.segments()).isEqualTo(4);
        assertThat(fit.warnings()).isEmpty();
        assertThat(fit.messages().stream().map(FitMessage::segment).distinct().toList()).containsExactly(0, 1, 2, 3);
        List<FitMessage> sessions = fit.messages("session");
        assertThat(sessions).extracting(m -> m.value("sport")).containsExactly(5.0, 3.0, 2.0, 3.0, 1.0);
        FitMessage run = sessions.get(4);
        assertThat(run.value("avg_running_cadence")).isEqualTo(83);
        assertThat(run.value("avg_stance_time")).isEqualTo(252.0);
        assertThat(run.value("avg_step_length")).isEqualTo(1238.0);
        assertThat(fit.messages("record")).hasSize(1773);
    }

    @Test
    void theStrydFileCarriesDeveloperFieldsWithTheirDescriptions() throws IOException {
        FitFile fit = new FitDecoder(true).decode(dir().resolve("fitparse__developer-types-sample.fit"), "stryd");
        assertThat(fit.messages("developer_data_id")).isNotEmpty();
        assertThat(fit.messages("field_description")).extracting(m -> m.text("field_name").orElse(""))
                .contains("Form Power", "Leg Spring Stiffness", "Distance", "Speed");
        FitMessage rec = fit.messages("record").get(2);
        assertThat(rec.field("Form Power").orElseThrow().developer()).isTrue();
        assertThat(rec.value("Form Power")).isEqualTo(26);
        assertThat(rec.value("Leg Spring Stiffness")).isEqualTo(8.325509, org.assertj.core.data.Offset.offset(1e-5));
        assertThat(rec.field("Leg Spring Stiffness").orElseThrow().units()).isEqualTo("KN/m");
        long withDev = fit.messages("record").stream().filter(m -> m.fields().stream().anyMatch(FitField::developer))
                .count();
        assertThat(withDev).isEqualTo(fit.messages("record").size());
    }
}
