package org.gaitform.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The walking/running call from the duty factor is checked against the foot's own speed: a walk whose contacts were
 * swapped (so that it looks like running) travels at a walking speed, and says so.
 */
class LegImuSpeedCheckTest {
    @Test
    void runningAtAWalkingSpeedIsReported() {
        List<String> w = LegImuAnalysis.speedWarnings(List.of(), List.of(1.2, 1.3, 1.25, 1.4));
        assertThat(w).singleElement().asString().contains("called running").contains("1.3 m/s");
    }

    @Test
    void walkingAtARunningSpeedIsReported() {
        List<String> w = LegImuAnalysis.speedWarnings(List.of(3.4, 3.6, 3.5), List.of());
        assertThat(w).singleElement().asString().contains("called walking");
    }

    @Test
    void plausibleSpeedsOrTooFewStridesSayNothing() {
        assertThat(LegImuAnalysis.speedWarnings(List.of(1.3, 1.4, 1.2), List.of(3.1, 3.3, 3.2))).isEmpty();
        assertThat(LegImuAnalysis.speedWarnings(List.of(3.5, 3.6), List.of(1.0, 1.1))).isEmpty();
        // between the limits: jogging slowly, walking briskly
        assertThat(LegImuAnalysis.speedWarnings(List.of(2.2, 2.3, 2.1), List.of(1.9, 2.0, 1.8))).isEmpty();
    }
}
