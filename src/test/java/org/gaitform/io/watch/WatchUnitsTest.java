package org.gaitform.io.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.gaitform.io.watch.WatchUnits.Dimension;
import org.gaitform.io.watch.WatchUnits.Unit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Every spelling of the unit table, one test each: 10 of the unit, written as the table lists it, in upper case, in
 * brackets and in parentheses, converted to the base unit of its dimension, against a value worked out by hand.
 */
class WatchUnitsTest {
    /** Every spelling the table must know: spelling, dimension, 10 of it in the dimension's base unit. */
    private static final String[][] EXPECTED = {
        {"s", "TIME", "10"}, {"sec", "TIME", "10"}, {"secs", "TIME", "10"}, {"second", "TIME", "10"},
        {"seconds", "TIME", "10"}, {"ms", "TIME", "0.01"}, {"msec", "TIME", "0.01"}, {"msecs", "TIME", "0.01"},
        {"millisecond", "TIME", "0.01"}, {"milliseconds", "TIME", "0.01"}, {"millisec", "TIME", "0.01"},
        {"min", "TIME", "600"}, {"mins", "TIME", "600"}, {"minute", "TIME", "600"}, {"minutes", "TIME", "600"},
        {"h", "TIME", "36000"}, {"hr", "TIME", "36000"}, {"hrs", "TIME", "36000"}, {"hour", "TIME", "36000"},
        {"hours", "TIME", "36000"},
        {"m", "LENGTH", "10"}, {"meter", "LENGTH", "10"}, {"meters", "LENGTH", "10"}, {"metre", "LENGTH", "10"},
        {"metres", "LENGTH", "10"}, {"cm", "LENGTH", "0.1"}, {"centimeter", "LENGTH", "0.1"},
        {"centimetre", "LENGTH", "0.1"}, {"cms", "LENGTH", "0.1"}, {"mm", "LENGTH", "0.01"},
        {"millimeter", "LENGTH", "0.01"}, {"millimetre", "LENGTH", "0.01"}, {"km", "LENGTH", "10000"},
        {"kilometer", "LENGTH", "10000"}, {"kilometre", "LENGTH", "10000"}, {"kms", "LENGTH", "10000"},
        {"mi", "LENGTH", "16093.44"}, {"mile", "LENGTH", "16093.44"}, {"miles", "LENGTH", "16093.44"},
        {"ft", "LENGTH", "3.048"}, {"foot", "LENGTH", "3.048"}, {"feet", "LENGTH", "3.048"},
        {"in", "LENGTH", "0.254"}, {"inch", "LENGTH", "0.254"}, {"inches", "LENGTH", "0.254"},
        {"yd", "LENGTH", "9.144"}, {"yard", "LENGTH", "9.144"}, {"yards", "LENGTH", "9.144"},
        {"m/s", "SPEED", "10"}, {"mps", "SPEED", "10"}, {"meter/s", "SPEED", "10"}, {"meter/second", "SPEED", "10"},
        {"metre/s", "SPEED", "10"}, {"metre/second", "SPEED", "10"}, {"meter/sec", "SPEED", "10"},
        {"metre/sec", "SPEED", "10"}, {"m/sec", "SPEED", "10"}, {"m/second", "SPEED", "10"},
        {"m/min", "SPEED", "0.16666667"}, {"meter/minute", "SPEED", "0.16666667"},
        {"metre/minute", "SPEED", "0.16666667"}, {"meter/min", "SPEED", "0.16666667"},
        {"metre/min", "SPEED", "0.16666667"}, {"mpm", "SPEED", "0.16666667"},
        {"km/h", "SPEED", "2.7777778"}, {"kph", "SPEED", "2.7777778"}, {"kmh", "SPEED", "2.7777778"},
        {"kmph", "SPEED", "2.7777778"}, {"km/hr", "SPEED", "2.7777778"}, {"kilometer/hour", "SPEED", "2.7777778"},
        {"kilometre/hour", "SPEED", "2.7777778"},
        {"mph", "SPEED", "4.4704"}, {"mi/h", "SPEED", "4.4704"}, {"mi/hr", "SPEED", "4.4704"},
        {"mile/hour", "SPEED", "4.4704"},
        {"min/km", "PACE", "0.6"}, {"mins/km", "PACE", "0.6"}, {"minute/km", "PACE", "0.6"},
        {"minute/kilometer", "PACE", "0.6"}, {"minute/kilometre", "PACE", "0.6"}, {"min/kilometer", "PACE", "0.6"},
        {"min/kilometre", "PACE", "0.6"}, {"min/mi", "PACE", "0.37282272"}, {"min/mile", "PACE", "0.37282272"},
        {"minute/mile", "PACE", "0.37282272"}, {"s/km", "PACE", "0.01"}, {"sec/km", "PACE", "0.01"},
        {"secs/km", "PACE", "0.01"}, {"second/km", "PACE", "0.01"}, {"second/kilometer", "PACE", "0.01"},
        {"second/kilometre", "PACE", "0.01"},
        {"spm", "RATE", "10"}, {"step/min", "RATE", "10"}, {"step/minute", "RATE", "10"},
        {"steps per minute", "RATE", "10"}, {"rpm", "RATE", "10"}, {"stride/min", "RATE", "10"},
        {"stride/minute", "RATE", "10"}, {"revolution/minute", "RATE", "10"}, {"rev/min", "RATE", "10"},
        {"cycle/min", "RATE", "10"}, {"cycle/minute", "RATE", "10"}, {"bpm", "RATE", "10"},
        {"beat/min", "RATE", "10"}, {"beat/minute", "RATE", "10"}, {"1/min", "RATE", "10"}, {"/min", "RATE", "10"},
        {"%", "PERCENT", "10"}, {"percent", "PERCENT", "10"}, {"pct", "PERCENT", "10"}, {"percentage", "PERCENT", "10"},
        {"% left", "PERCENT", "10"}, {"fraction", "PERCENT", "1000"},
        {"w", "POWER", "10"}, {"watt", "POWER", "10"}, {"watts", "POWER", "10"}, {"kw", "POWER", "10000"},
        {"kilowatt", "POWER", "10000"}, {"kilowatts", "POWER", "10000"},
        {"deg", "ANGLE", "10"}, {"degree", "ANGLE", "10"}, {"degrees", "ANGLE", "10"}, {"°", "ANGLE", "10"},
        {"d", "ANGLE", "10"}, {"degs", "ANGLE", "10"}, {"rad", "ANGLE", "572.957795"},
        {"radian", "ANGLE", "572.957795"}, {"radians", "ANGLE", "572.957795"},
        {"semicircles", "ANGLE", "8.381903e-7"}, {"semicircle", "ANGLE", "8.381903e-7"},
        {"g", "ACCELERATION", "10"}, {"gs", "ACCELERATION", "10"}, {"g's", "ACCELERATION", "10"},
        {"g-force", "ACCELERATION", "10"}, {"mg", "ACCELERATION", "0.01"}, {"milli-g", "ACCELERATION", "0.01"},
        {"m/s^2", "ACCELERATION", "1.0197162"}, {"m/s2", "ACCELERATION", "1.0197162"},
        {"m/s²", "ACCELERATION", "1.0197162"}, {"m/s/s", "ACCELERATION", "1.0197162"},
        {"kn/m", "STIFFNESS", "10"}, {"n/m", "STIFFNESS", "0.01"},
        {"c", "TEMPERATURE", "10"}, {"°c", "TEMPERATURE", "10"}, {"degc", "TEMPERATURE", "10"},
        {"deg c", "TEMPERATURE", "10"}, {"celsius", "TEMPERATURE", "10"}, {"degrees c", "TEMPERATURE", "10"},
        {"degrees celsius", "TEMPERATURE", "10"}, {"°f", "TEMPERATURE", "-12.2222222"},
        {"f", "TEMPERATURE", "-12.2222222"}, {"degf", "TEMPERATURE", "-12.2222222"},
        {"deg f", "TEMPERATURE", "-12.2222222"}, {"fahrenheit", "TEMPERATURE", "-12.2222222"},
        {"degrees f", "TEMPERATURE", "-12.2222222"}, {"degrees fahrenheit", "TEMPERATURE", "-12.2222222"},
        {"kj", "ENERGY", "10"}, {"kilojoule", "ENERGY", "10"}, {"kilojoules", "ENERGY", "10"}, {"j", "ENERGY", "0.01"},
        {"joule", "ENERGY", "0.01"}, {"joules", "ENERGY", "0.01"}, {"kcal", "ENERGY", "41.84"},
        {"kcals", "ENERGY", "41.84"}, {"calories", "ENERGY", "41.84"}, {"cal", "ENERGY", "41.84"},
        {"cycles", "COUNT", "10"}, {"cycle", "COUNT", "10"}, {"counts", "COUNT", "10"}, {"count", "COUNT", "10"},
        {"strides", "COUNT", "10"}, {"steps", "COUNT", "10"},
    };

    private static Unit unit(String spelling) {
        return WatchUnits.parse(spelling).orElseThrow(() -> new AssertionError("'" + spelling + "' not understood"));
    }

    @Test
    void everySpellingOfTheTableHasAHandWorkedTestAndViceVersa() {
        Set<String> table = WatchUnits.spellings().keySet().stream().map(WatchUnits::normalise)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> tested = java.util.Arrays.stream(EXPECTED).map(e -> WatchUnits.normalise(e[0]))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(tested).as("spellings with a worked value").containsExactlyElementsOf(table);
    }

    @Test
    void everySpellingConvertsTenOfItToTheWorkedValueWhateverItsCaseOrBrackets() {
        for (String[] e : EXPECTED) {
            for (String written : new String[] {e[0], e[0].toUpperCase(Locale.ROOT), "[" + e[0] + "]", "(" + e[0] + ")",
                " " + e[0] + " "}) {
                Unit u = unit(written);
                assertThat(u.dimension()).as(written).isEqualTo(Dimension.valueOf(e[1]));
                double expected = Double.parseDouble(e[2]);
                assertThat(u.toBase(10)).as(written).isCloseTo(expected, within(Math.abs(expected) * 1e-6 + 1e-12));
            }
        }
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', value = {
        // the spellings the issue found read wrong, and the exports' own words
        "Centimeters|cm", "Centimetres|cm", "CENTIMETERS|cm", "Millimeters|mm", "Milliseconds|ms", "[sec]|s",
        "(seconds)|s", "Seconds|s", "Meters|m", "Watts|W", "RPM|strides/min", "M/S|m/s", "kN/m|kN/m", "KN/m|kN/m",
        "m/min|m/min", "Meters/Second|m/s", "Steps/Minute|steps/min", "steps per minute|steps/min", "per min|/min",
        "Kilometers per hour|km/h", "mph|mph", "min/km|min/km", "D|°", "G|g", "percent|%", "semicircles|semicircles",
    })
    void spellingsOfExportsAreRead(String spelling, String symbol) {
        assertThat(unit(spelling).symbol()).isEqualTo(symbol);
    }

    @Test
    void nothingIsGuessedFromAPartOfAString() {
        assertThat(unit("m/min")).as("metres per minute, not miles").isEqualTo(WatchUnits.M_PER_MIN);
        assertThat(unit("m/min").dimension()).isEqualTo(Dimension.SPEED);
        assertThat(WatchUnits.parse("minutes per mile")).contains(WatchUnits.MIN_PER_MI);
        assertThat(WatchUnits.parse("mins")).contains(WatchUnits.MIN);
        assertThat(WatchUnits.parse("centimetersish")).isEmpty();
        assertThat(WatchUnits.parse("mmm")).isEmpty();
        assertThat(WatchUnits.parse("")).isEmpty();
        assertThat(WatchUnits.parse(null)).isEmpty();
        assertThat(WatchUnits.parse("stance")).isEmpty();
    }

    @Test
    void ratesSayWhatTheyCount() {
        assertThat(unit("RPM").counts()).isEqualTo(WatchUnits.Counts.STRIDES);
        assertThat(unit("spm").counts()).isEqualTo(WatchUnits.Counts.STEPS);
        assertThat(unit("bpm").counts()).isEqualTo(WatchUnits.Counts.BEATS);
        assertThat(unit("/min").counts()).isEqualTo(WatchUnits.Counts.NONE);
    }

    @Test
    void conversionsBetweenUnitsOfADimension() {
        assertThat(unit("Centimeters").to(WatchUnits.MM, 7.64)).isCloseTo(76.4, within(1e-9));
        assertThat(unit("[sec]").to(WatchUnits.MS, 0.272)).isCloseTo(272, within(1e-9));
        assertThat(unit("Millimeters").to(WatchUnits.MM, 1180)).isCloseTo(1180, within(1e-9));
        assertThat(unit("m/min").to(WatchUnits.MPS, 192)).isCloseTo(3.2, within(1e-9));
        assertThat(unit("°F").to(WatchUnits.DEG_C, 212)).isCloseTo(100, within(1e-9));
        assertThat(unit("fraction").to(WatchUnits.PERCENT, 0.4972)).isCloseTo(49.72, within(1e-9));
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> unit("cm").to(WatchUnits.MS, 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
