package org.gaitform.report;

import org.gaitform.guidelines.GuidelineEvaluator;
import org.gaitform.model.Finding;

/** Formatting of finding values for the report. */
final class GuidelineFormat {
    private GuidelineFormat() {
    }

    static String value(Finding f) {
        if (Double.isNaN(f.value())) {
            return "–";
        }
        return number(f.value(), f.unit()) + " " + f.unit();
    }

    static String number(double v, String unit) {
        return GuidelineEvaluator.format(v, unit);
    }
}
