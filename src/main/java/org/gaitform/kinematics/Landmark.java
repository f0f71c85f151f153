package org.gaitform.kinematics;

import java.util.Locale;
import org.gaitform.model.Side;

/** Body landmarks gaitform uses, each with its side ({@link Side#UNKNOWN} for midline points). */
public enum Landmark {
    HEAD(Side.UNKNOWN), NECK(Side.UNKNOWN), MID_HIP(Side.UNKNOWN), PELVIS_CLUSTER(Side.UNKNOWN),
    SHOULDER_LEFT(Side.LEFT), SHOULDER_RIGHT(Side.RIGHT),
    ELBOW_LEFT(Side.LEFT), ELBOW_RIGHT(Side.RIGHT),
    WRIST_LEFT(Side.LEFT), WRIST_RIGHT(Side.RIGHT),
    ASIS_LEFT(Side.LEFT), ASIS_RIGHT(Side.RIGHT),
    PSIS_LEFT(Side.LEFT), PSIS_RIGHT(Side.RIGHT),
    HIP_LEFT(Side.LEFT), HIP_RIGHT(Side.RIGHT),
    KNEE_LEFT(Side.LEFT), KNEE_RIGHT(Side.RIGHT),
    KNEE_MEDIAL_LEFT(Side.LEFT), KNEE_MEDIAL_RIGHT(Side.RIGHT),
    ANKLE_LEFT(Side.LEFT), ANKLE_RIGHT(Side.RIGHT),
    ANKLE_MEDIAL_LEFT(Side.LEFT), ANKLE_MEDIAL_RIGHT(Side.RIGHT),
    HEEL_LEFT(Side.LEFT), HEEL_RIGHT(Side.RIGHT),
    TOE_LEFT(Side.LEFT), TOE_RIGHT(Side.RIGHT),
    /** The first and fifth metatarsal markers when the toe is their mean: toe-off is when the last of them leaves. */
    FOREFOOT_MEDIAL_LEFT(Side.LEFT), FOREFOOT_MEDIAL_RIGHT(Side.RIGHT),
    FOREFOOT_LATERAL_LEFT(Side.LEFT), FOREFOOT_LATERAL_RIGHT(Side.RIGHT),
    FOOT_CLUSTER_LEFT(Side.LEFT), FOOT_CLUSTER_RIGHT(Side.RIGHT);

    private final Side side;

    Landmark(Side side) {
        this.side = side;
    }

    public Side side() {
        return side;
    }

    /** Name as used by {@code --landmark NAME=PREFIX} ({@code heel_left}, {@code mid_hip}, …). */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The landmark of this kind on the given side ({@code of("HEEL", LEFT)}). */
    public static Landmark of(String part, Side side) {
        return valueOf(part + "_" + side.name());
    }

    /** Parses a label ({@code heel_left}, {@code left_heel}, {@code HEEL-LEFT}). */
    public static Landmark parse(String text) {
        String t = text.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        if (t.startsWith("LEFT_")) {
            t = t.substring(5) + "_LEFT";
        } else if (t.startsWith("RIGHT_")) {
            t = t.substring(6) + "_RIGHT";
        }
        try {
            return valueOf(t);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
