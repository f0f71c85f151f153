package org.gaitform.kinematics;

import java.util.Locale;

/** How the runner was seen. */
public enum View {
    /** 2D, camera at the side: forward and vertical. */
    SAGITTAL,
    /** 2D, camera in front or behind: lateral and vertical. */
    FRONTAL,
    /** 3D markers or keypoints. */
    THREE_D;

    /** Output label ({@code sagittal}, {@code frontal}, {@code 3d}). */
    public String label() {
        return this == THREE_D ? "3d" : name().toLowerCase(Locale.ROOT);
    }

    /** Parses a label. */
    public static View parse(String s) {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "sagittal", "side" -> SAGITTAL;
            case "frontal", "front", "rear", "back" -> FRONTAL;
            case "3d" -> THREE_D;
            default -> throw new IllegalArgumentException("unknown view " + s);
        };
    }
}
