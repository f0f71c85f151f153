package org.gaitform.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** ICC(2,1) and ICC(3,1) reproduce the worked example of Shrout and Fleiss (1979, Table 2). */
class IntraclassCorrelationTest {
    /** Six targets rated by four judges (Shrout &amp; Fleiss 1979, Table 2). */
    private static final double[][] SHROUT_FLEISS = {
        {9, 2, 5, 8}, {6, 1, 3, 2}, {8, 4, 6, 8}, {7, 1, 2, 6}, {10, 5, 6, 9}, {6, 2, 4, 7}};

    @Test
    void shroutAndFleissWorkedExample() {
        // published: BMS 11.24, JMS 32.49, EMS 1.02; ICC(2,1) = .29, ICC(3,1) = .71
        IntraclassCorrelation.MeanSquares ms = IntraclassCorrelation.meanSquares(SHROUT_FLEISS);
        assertThat(ms.rows()).isCloseTo(11.24, within(0.01));
        assertThat(ms.columns()).isCloseTo(32.49, within(0.01));
        assertThat(ms.error()).isCloseTo(1.02, within(0.01));
        assertThat(IntraclassCorrelation.icc21(SHROUT_FLEISS)).isCloseTo(0.29, within(0.005));
        assertThat(IntraclassCorrelation.icc31(SHROUT_FLEISS)).isCloseTo(0.71, within(0.005));
    }

    @Test
    void perfectAgreementIsOneAndAConstantBiasLowersOnlyTheAbsoluteForm() {
        double[] ref = {160, 170, 175, 182, 190};
        assertThat(IntraclassCorrelation.icc21(ref, ref)).isCloseTo(1.0, within(1e-12));
        double[] biased = {165, 175, 180, 187, 195};
        // by hand: MSR = 2 × var(ref) = 261.6, MSC = 5 × (2.5² + 2.5²) = 62.5, MSE = 0 → 261.6 / (261.6 + 2 × 62.5 / 5)
        assertThat(IntraclassCorrelation.icc21(biased, ref)).isCloseTo(261.6 / 286.6, within(1e-9));
        double[][] table = new double[ref.length][];
        for (int i = 0; i < ref.length; i++) {
            table[i] = new double[] {biased[i], ref[i]};
        }
        assertThat(IntraclassCorrelation.icc31(table)).isCloseTo(1.0, within(1e-12));
        assertThat(IntraclassCorrelation.icc21(new double[] {1}, new double[] {1})).isNaN();
    }
}
