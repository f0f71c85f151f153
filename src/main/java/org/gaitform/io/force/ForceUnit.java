package org.gaitform.io.force;

/** Unit of a vertical force. */
public enum ForceUnit {
    /** Newtons. */
    NEWTON("N"),
    /** Body weights (force / (body mass × g)). */
    BODY_WEIGHT("BW");

    private final String symbol;

    ForceUnit(String symbol) {
        this.symbol = symbol;
    }

    /** {@code N} or {@code BW}. */
    public String symbol() {
        return symbol;
    }

    /** The unit named by {@code n}, {@code newton}, {@code bw}, {@code body_weight} (any case), or {@code null}. */
    public static ForceUnit parse(String s) {
        String t = s.trim().toLowerCase(java.util.Locale.ROOT).replace("-", "_").replace(" ", "_");
        return switch (t) {
            case "n", "newton", "newtons" -> NEWTON;
            case "bw", "body_weight", "body_weights", "bodyweight", "bodyweights" -> BODY_WEIGHT;
            default -> null;
        };
    }
}
