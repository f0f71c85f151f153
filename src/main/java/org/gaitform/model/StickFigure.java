package org.gaitform.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A drawing of the runner at one instant of the step (for example the mean posture at initial contact),
 * for the report: body landmarks in a plane, with the horizontal axis pointing in the direction of travel
 * (sagittal) or to the runner's right (frontal) and the vertical axis up; or one person in one frame of a video with
 * several people (view {@code picture}: image x to the right, image y turned up, in pixels).
 *
 * @param key     what it shows, also the chart's file stem ({@code stick_ic_sagittal}, {@code stick_midstance_frontal});
 *                for the picture, {@code people_p<N>} for person N as {@code --person} counts them
 *                ({@code people_p<N>_analysed} for the one analysed) and {@code people_other_<i>} for the others
 * @param view    {@code sagittal}, {@code frontal} or {@code picture}
 * @param unit    unit of the coordinates ({@code cm}, or {@code % leg length} when not calibrated)
 * @param points  landmark name ({@code hip}, {@code knee}, {@code ankle}, {@code heel}, {@code toe},
 *                {@code shoulder}, {@code pelvis_left}, …) → {horizontal, vertical}
 * @param steps   number of steps averaged (0 for one frame of the picture)
 */
public record StickFigure(String key, String view, String unit, Map<String, double[]> points, int steps) {
    public StickFigure {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(view, "view");
        Objects.requireNonNull(unit, "unit");
        Map<String, double[]> copy = new LinkedHashMap<>();
        points.forEach((k, v) -> {
            if (v.length != 2) {
                throw new IllegalArgumentException("point '" + k + "' needs two coordinates");
            }
            copy.put(k, v.clone());
        });
        points = Collections.unmodifiableMap(copy);
    }

    /** The point, or {@code null} when the figure lacks it. */
    public double[] point(String name) {
        double[] p = points.get(name);
        return p == null ? null : p.clone();
    }
}
