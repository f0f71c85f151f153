package org.gaitform.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The unit a column name names, as the Parquet schema and docs/datasets.md give it. */
class UnitsTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "cadence_spm|steps/min",
        "contact_ms_left|ms",
        "knee_fppa_deg_mean|deg",
        "crossover_pct|%",
        "wrist_crossing_pct_lr_diff|%",
        "foot_midline_pct_leg|% of leg length",
        "duty_factor|1",
        "n_steps|count",
        "difference_stryd_n_records|count",
        "elevation_terrain_n_disagreements|count",
        "temperature_degc|°C",
        "developer_temperature_degc|°C",
        "total_work_kj|kJ",
        "impact_mps2|m/s²",
        "leg_spring_stiffness_kn_per_m|kN/m",
        "step|''",
        "crossover|''",
        "temperature|''"})
    void aColumnNamesItsUnit(String column, String unit) {
        assertThat(Units.of(column)).as(column).isEqualTo(unit);
    }
}
