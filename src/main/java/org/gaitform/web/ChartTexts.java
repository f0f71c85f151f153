package org.gaitform.web;

import java.util.Map;

/** Alternative texts of the report's charts, by the name of their PNG. */
final class ChartTexts {
    private static final Map<String, String> ALT = Map.ofEntries(
            Map.entry("signal_events", "The sensor signal over a few seconds, with each ground contact shaded from "
                    + "initial contact to toe-off"),
            Map.entry("contact_time", "Ground-contact time of every step, with the session mean as a dashed line"),
            Map.entry("cadence", "Cadence step by step with its 10-step mean and the 160 steps/min line"),
            Map.entry("contact_distribution", "Distribution of the ground-contact times of the running steps"),
            Map.entry("left_right", "Left against right foot: contact time and other values per side"),
            Map.entry("form_over_time", "Cadence and contact time over the run, with a note where they drift"),
            Map.entry("form_along_run", "The watch's running-dynamics values averaged over each part of the run"),
            Map.entry("splits", "One bar per kilometre: pace, with downhill, flat and uphill kilometres marked"),
            Map.entry("trunk_lean", "Forward lean of the trunk over the run"),
            Map.entry("overstride", "How far ahead of the hips the heel lands, step by step"),
            Map.entry("weekly_load", "Distance per week; weeks that raised the load too fast are marked"),
            Map.entry("form_trends", "Cadence, contact time and other form values week by week"),
            Map.entry("cohort_cadence_contact", "Cadence against contact time, one dot per session"));

    private ChartTexts() {
    }

    static String alt(String name) {
        String known = ALT.get(name);
        if (known != null) {
            return known;
        }
        String words = name.replace('_', ' ');
        return "Chart: " + words;
    }
}
