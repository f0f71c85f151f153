package org.gaitform.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.gaitform.events.DetectedContact;
import org.gaitform.events.DetectedContact.IcMethod;
import org.junit.jupiter.api.Test;

/** The toe-offs of a tilted export drawn towards those of the gravity-aligned vertical, contact by contact. */
class TiltSensitivityTest {
    private static final double FS = 500;

    private static DetectedContact c(double ic, double to) {
        return new DetectedContact(ic, to, IcMethod.AP_BRACKET, 2.0);
    }

    @Test
    void eachToeOffMovesByTheWeightTowardsTheSameContactsOtherReading() {
        List<DetectedContact> asRead = List.of(c(100, 200), c(400, 500), c(700, 800));
        // same initial contacts within 40 ms (20 samples): 10 samples later, 5 earlier; toe-offs 30 later, 20 earlier
        List<DetectedContact> aligned = List.of(c(110, 230), c(395, 480), c(705, 800));
        List<DetectedContact> out = TiltSensitivity.combined(asRead, aligned, FS, Math.sin(Math.toRadians(30)));
        assertThat(out).hasSize(3);
        assertThat(out.get(0).toIndex()).isCloseTo(215, within(1e-9));
        assertThat(out.get(1).toIndex()).isCloseTo(490, within(1e-9));
        assertThat(out.get(2).toIndex()).isCloseTo(800, within(1e-9));
        assertThat(out).extracting(DetectedContact::icIndex).containsExactly(100.0, 400.0, 700.0);
        assertThat(out).extracting(DetectedContact::icMethod).containsOnly(IcMethod.AP_BRACKET);
    }

    @Test
    void contactsWithoutAMatchOrWithAToeOffBeforeTheirContactStayAsRead() {
        List<DetectedContact> asRead = List.of(c(100, 200), c(400, 500), c(700, 800));
        // the first aligned contact is 25 samples (50 ms) off: no match; the second starts 19 samples (38 ms) earlier
        // and ends before the export's contact starts, so taking its toe-off would end the contact before it begins
        List<DetectedContact> aligned = List.of(c(125, 260), c(381, 390), c(1000, 1100));
        List<DetectedContact> out = TiltSensitivity.combined(asRead, aligned, FS, 1.0);
        assertThat(out).containsExactlyElementsOf(asRead);
        assertThat(TiltSensitivity.combined(asRead, List.of(), FS, 0.5)).containsExactlyElementsOf(asRead);
    }

    @Test
    void aToeOffOfTwoStepsMergedInTheOtherReadingIsNotTaken() {
        List<DetectedContact> asRead = List.of(c(100, 200), c(300, 400));
        List<DetectedContact> aligned = List.of(c(100, 400));
        assertThat(TiltSensitivity.combined(asRead, aligned, FS, 0.5)).containsExactlyElementsOf(asRead);
    }

    @Test
    void weightZeroKeepsTheExportsReadingAndOneTakesTheOther() {
        List<DetectedContact> asRead = List.of(c(100, 200));
        List<DetectedContact> aligned = List.of(c(100, 240));
        assertThat(TiltSensitivity.combined(asRead, aligned, FS, 0).get(0).toIndex()).isEqualTo(200.0);
        assertThat(TiltSensitivity.combined(asRead, aligned, FS, 1).get(0).toIndex()).isEqualTo(240.0);
    }
}
