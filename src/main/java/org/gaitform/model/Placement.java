package org.gaitform.model;

import java.util.Locale;
import java.util.Optional;

/**
 * Where a sensor was worn. Trunk placements (sacrum, lower back, waist, chest) share one event
 * detector; the others have their own.
 */
public enum Placement {
    SACRUM("sacrum", true),
    LOWER_BACK("lower_back", true),
    WAIST("waist", true),
    CHEST("chest", true),
    FOOT("foot", false),
    SHANK("shank", false),
    WRIST("wrist", false),
    PHONE_POCKET("phone_pocket", false),
    ARM("arm", false),
    /** Keypoints from video (pose estimation). */
    VIDEO("video", false),
    /** Motion-capture markers. */
    MARKERS("markers", false),
    UNKNOWN("unknown", false);

    private final String label;
    private final boolean trunk;

    Placement(String label, boolean trunk) {
        this.label = label;
        this.trunk = trunk;
    }

    /** Name as written in outputs and accepted by {@code --placement}. */
    public String label() {
        return label;
    }

    /** True for sensors worn on the trunk (sacrum, lower back, waist belt, chest strap). */
    public boolean isTrunk() {
        return trunk;
    }

    /**
     * Parses a user-supplied placement name; accepts the labels and a few common synonyms
     * ({@code lumbar}, {@code pelvis}, {@code belt}, {@code chest_strap}, {@code tibia}, {@code watch}, …).
     */
    public static Optional<Placement> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.trim().toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        return Optional.ofNullable(switch (t) {
            case "sacrum", "sacral", "pelvis" -> SACRUM;
            case "lower_back", "lowerback", "lumbar", "l5", "back" -> LOWER_BACK;
            case "waist", "belt", "hip", "phone_belt" -> WAIST;
            case "chest", "chest_strap", "sternum", "trunk", "torso" -> CHEST;
            case "foot", "shoe", "instep" -> FOOT;
            case "shank", "tibia", "shin", "ankle" -> SHANK;
            case "wrist", "watch" -> WRIST;
            case "phone_pocket", "pocket", "thigh", "phone" -> PHONE_POCKET;
            case "arm", "armband", "upper_arm" -> ARM;
            case "unknown" -> UNKNOWN;
            default -> null;
        });
    }
}
