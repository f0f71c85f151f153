package org.gaitform.agreement;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gaitform.io.force.ForceUnit;

/**
 * The vertical-force level above which a foot is on the ground.
 *
 * @param value the level
 * @param unit  newtons or body weights
 */
public record ForceThreshold(double value, ForceUnit unit) {
    /** 50 N: the threshold of the Fukuchi and Hamner reference files. */
    public static final ForceThreshold NEWTONS_50 = new ForceThreshold(50, ForceUnit.NEWTON);
    /** 0.05 body weight: the threshold of the Alcantara reference file. */
    public static final ForceThreshold BW_005 = new ForceThreshold(0.05, ForceUnit.BODY_WEIGHT);

    private static final Pattern TEXT = Pattern.compile("\\s*([0-9]*\\.?[0-9]+)\\s*(n|bw|%\\s*bw)\\s*",
            Pattern.CASE_INSENSITIVE);

    public ForceThreshold {
        Objects.requireNonNull(unit, "unit");
        if (!(value > 0) || (unit == ForceUnit.BODY_WEIGHT && value >= 1) || (unit == ForceUnit.NEWTON
                && value >= 1000)) {
            throw new IllegalArgumentException("a contact threshold must be above 0 and below body weight, not "
                    + value + " " + unit.symbol());
        }
    }

    /** The default for a force in {@code unit}: 50 N or 0.05 BW. */
    public static ForceThreshold defaultFor(ForceUnit unit) {
        return unit == ForceUnit.NEWTON ? NEWTONS_50 : BW_005;
    }

    /**
     * Parses {@code 50N}, {@code 20 n}, {@code 0.05bw}, {@code 5%bw}.
     *
     * @throws IllegalArgumentException with a message saying what is expected
     */
    public static ForceThreshold parse(String text) {
        Matcher m = TEXT.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("a force threshold such as 50N, 20N, 0.05bw or 5%bw, not '" + text + "'");
        }
        double v = Double.parseDouble(m.group(1));
        String u = m.group(2).toLowerCase(Locale.ROOT).replace(" ", "");
        return u.equals("n") ? new ForceThreshold(v, ForceUnit.NEWTON)
                : new ForceThreshold(u.startsWith("%") ? v / 100 : v, ForceUnit.BODY_WEIGHT);
    }

    /** As written in outputs: {@code 50 N}, {@code 0.05 BW}. */
    public String label() {
        String v = value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
        return v + " " + unit.symbol();
    }
}
