package org.gaitform.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import org.gaitform.io.text.Numbers;
import org.gaitform.io.text.TimeStamps;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NumbersAndTimeStampsTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"9.81|false|9.81", "-0.5|false|-0.5", "+3|false|3", "1e-3|false|0.001",
        "9,81|true|9.81", "-1,25E2|true|-125", "1234567890.123456|false|1234567890.123456", "0|false|0"})
    void readsPlainNumbers(String text, boolean comma, double expected) {
        assertThat(Numbers.parse(text, comma)).isCloseTo(expected, offset(1e-9));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "12 g", "1,234.5", "NaN", "Infinity", "-", ".", "1..2", "0x10", "1e999"})
    void rejectsAnythingElse(String text) {
        assertThat(Numbers.parse(text, false)).isNaN();
    }

    @Test
    void decimalCommaIsOnlyAcceptedWhenTheFileUsesIt() {
        assertThat(Numbers.parse("9,81", false)).isNaN();
        assertThat(Numbers.parse("9.81", true)).isNaN();
    }

    @Test
    void parsesTheStampFormatsLoggersWrite() {
        double a = TimeStamps.parseSeconds("2019-08-06 10:25:50:000");
        double b = TimeStamps.parseSeconds("2019-08-06 10:25:50:020");
        assertThat(b - a).isCloseTo(0.020, offset(1e-6));
        double c = TimeStamps.parseSeconds("2019-08-06T10:25:51.5Z");
        assertThat(c - a).isCloseTo(1.5, offset(1e-6));
        assertThat(TimeStamps.parseSeconds("1970-01-02T00:00:00")).isEqualTo(86400.0);
        assertThat(TimeStamps.parseSeconds("10:00:01.250")).isCloseTo(36001.25, offset(1e-9));
        assertThat(TimeStamps.parseSeconds("2019-13-06 10:25:50")).isNaN();
        assertThat(TimeStamps.parseSeconds("hello")).isNaN();
        double j1 = TimeStamps.parseSeconds("Sun Jun 11 07:34:09 PDT 2017");
        double j2 = TimeStamps.parseSeconds("Sun Jun 11 07:35:10 PDT 2017");
        assertThat(j2 - j1).isEqualTo(61.0);
        assertThat(TimeStamps.parseSeconds("Sun Jun 11 07:34:09 2017")).isNaN();
        // zone offsets are applied: the same instant written in two zones
        assertThat(TimeStamps.parseSeconds("2019-08-06T10:25:50+02:00"))
                .isEqualTo(TimeStamps.parseSeconds("2019-08-06T08:25:50Z"));
        assertThat(TimeStamps.parse("2019-08-06T10:25:50-05:30").offsetS()).isEqualTo(-19800.0);
        assertThat(TimeStamps.parse("2019-08-06T10:25:50Z").offsetS()).isNaN();
        assertThat(TimeStamps.looksLikeTimestamp("12.5")).isFalse();
    }
}
