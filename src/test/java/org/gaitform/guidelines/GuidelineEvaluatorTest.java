package org.gaitform.guidelines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.gaitform.model.Finding;
import org.gaitform.model.FindingStatus;
import org.gaitform.model.GaitformException;
import org.gaitform.support.TempDirs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GuidelineEvaluatorTest {
    private final GuidelineTable table = GuidelineTable.builtIn();
    private final GuidelineEvaluator eval = new GuidelineEvaluator(table);

    private Finding judge(String id, double value) {
        return eval.evaluate(table.byId(id).orElseThrow(), value, "trunk-imu");
    }

    @Test
    void theTableHoldsEveryRecommendationWithSourcesAndUnits() {
        assertThat(table.guidelines()).extracting(Guideline::id).contains("R1", "R2", "R3", "R4", "R5", "R6", "R7",
                "R8", "R9", "R10", "R11", "R12", "R13", "R14");
        for (Guideline g : table.guidelines()) {
            assertThat(g.sources()).as(g.id()).isNotEmpty();
            assertThat(table.titles(g.sources())).as(g.id()).allMatch(t -> !t.matches("A\\d"));
            assertThat(g.unit()).as(g.id()).isNotBlank();
            assertThat(g.metric()).as(g.id()).matches("[a-z0-9_]+");
        }
        assertThat(table.sources()).containsEntry("A3", "Why Your Knees Hurt When Running — Plus How to Stop the Pain");
    }

    @ParameterizedTest(name = "cadence {0} → {1}")
    @CsvSource({"159.9, OUTSIDE", "160.0, WITHIN", "185, WITHIN", "120, OUTSIDE"})
    void cadenceBelow160IsOutside(double cadence, FindingStatus expected) {
        assertThat(judge("R1", cadence).status()).isEqualTo(expected);
    }

    @Test
    void lowCadenceGetsAPersonalTargetOfPlusFiveToTenPercent() {
        Finding f = judge("R1", 150);
        assertThat(f.target()).isEqualTo("158–165 steps/min");
        assertThat(f.message()).contains("150 steps/min").contains("below 160").contains("+5–10 %");
        assertThat(f.sources()).containsExactly("Why Your Knees Hurt When Running — Plus How to Stop the Pain",
                "Knee Pain While Running");
        assertThat(f.uncertainty()).isEqualTo(1.0);
    }

    @ParameterizedTest(name = "{0} = {1} → {2}")
    @CsvSource({"R3, 272, WITHIN", "R3, 272.1, WATCH", "R3, 305, WATCH", "R3, 305.1, OUTSIDE",
        "R4, 7, WITHIN", "R4, 10, WITHIN", "R4, 6.9, WATCH", "R4, 3, WATCH", "R4, 2.9, OUTSIDE", "R4, 14.1, OUTSIDE",
        "R10, 50, WITHIN", "R10, 52.2, WATCH", "R10, 52.3, OUTSIDE", "R10, 47.6, OUTSIDE",
        "R11, -3, WITHIN", "R11, -4, WATCH", "R11, -6.1, OUTSIDE", "R7, 12, REPORTED", "R2, 30, REPORTED"})
    void edgeValues(String id, double value, FindingStatus expected) {
        assertThat(judge(id, value).status()).isEqualTo(expected);
    }

    @Test
    void missingValuesAreNotMeasurableAndRankedLast() {
        List<Finding> f = eval.evaluate(Map.of("cadence_spm", 150.0, "contact_ms", 250.0), "trunk-imu");
        assertThat(f.get(0).guidelineId()).isEqualTo("R1");
        assertThat(f.get(0).priority()).isEqualTo(1);
        assertThat(f.get(1).status()).isEqualTo(FindingStatus.WITHIN);
        assertThat(f.stream().filter(x -> x.status() == FindingStatus.NOT_MEASURABLE)).allMatch(x -> x.priority() == 0)
                .hasSize(table.guidelines().size() - 2);
    }

    /**
     * A video calibrated with the runner's height measures step length in cm; the recommendation is in m, as watches give
     * it: the same length is judged in the recommendation's unit, and a table keyed in cm is judged from metres.
     */
    @Test
    void aLengthInTheOtherUnitIsJudgedInTheRecommendationsUnit() {
        Finding step = eval.evaluate(Map.of("step_length_cm", 106.8), "pose-2d").stream()
                .filter(x -> x.guidelineId().equals("R2c")).findFirst().orElseThrow();
        assertThat(step.status()).isEqualTo(FindingStatus.REPORTED);
        assertThat(step.value()).isCloseTo(1.068, within(1e-12));
        assertThat(step.message()).contains("1.07 m");
        assertThat(GuidelineEvaluator.valueOf(Map.of("vertical_oscillation_m", 0.081), "vertical_oscillation_cm"))
                .isCloseTo(8.1, within(1e-12));
        // the metric itself comes first; an unmeasured one stays unmeasured
        assertThat(GuidelineEvaluator.valueOf(Map.of("step_length_m", 1.1, "step_length_cm", 50.0), "step_length_m"))
                .isEqualTo(1.1);
        assertThat(GuidelineEvaluator.valueOf(Map.of("step_length_pct_leg", 120.0), "step_length_m")).isNaN();
        assertThat(GuidelineEvaluator.valueOf(Map.of("contact_ms", 250.0), "cadence_spm")).isNaN();
    }

    @Test
    void aClinicTableIsReadAndCheckedWithClearMessages(@TempDir Path dir) throws IOException {
        String header = "id,indicator,metric,unit,rule,low,high,watch_low,watch_high,target_rel_low_pct,"
                + "target_rel_high_pct,weight,advice,sources,evidence\n";
        Path ok = TempDirs.write(dir, "ok.csv", header + "C1,cadence,cadence_spm,steps/min,raise_below,170,,,,3,5,10,"
                + "Faster steps,A3,clinic choice\n");
        GuidelineTable custom = GuidelineTable.fromFile(ok);
        assertThat(new GuidelineEvaluator(custom).evaluate(custom.guidelines().get(0), 165, "trunk-imu").status())
                .isEqualTo(FindingStatus.OUTSIDE);
        Path bad = TempDirs.write(dir, "bad.csv", header + "C1,cadence,cadence_spm,steps/min,sometimes,170,,,,3,5,10,x,A3,y\n");
        assertThatThrownBy(() -> GuidelineTable.fromFile(bad)).isInstanceOf(GaitformException.class)
                .hasMessageContaining("line 2, column 'rule'").hasMessageContaining("'sometimes'");
        Path missing = TempDirs.write(dir, "m.csv", "id,indicator\nC1,x\n");
        assertThatThrownBy(() -> GuidelineTable.fromFile(missing)).hasMessageContaining("no column 'metric'");
    }
}
