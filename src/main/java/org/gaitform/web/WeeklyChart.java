package org.gaitform.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The weekly distance as an inline SVG bar chart (no script, no inline style: allowed by the page's CSP). */
final class WeeklyChart {
    private WeeklyChart() {
    }

    static String svg(List<Map<String, String>> weeks) {
        int n = weeks.size();
        double max = 1;
        for (Map<String, String> w : weeks) {
            max = Math.max(max, num(w.get("distance_km")));
        }
        int width = 640;
        int height = 200;
        int left = 36;
        int bottom = 24;
        // at most 60 units a week, so that a few weeks do not make slabs
        double bw = Math.min(60, (width - left - 8) / (double) Math.max(n, 1));
        StringBuilder sb = new StringBuilder();
        StringBuilder desc = new StringBuilder();
        sb.append("<figure class=\"weekly\"><svg viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" role=\"img\" aria-labelledby=\"wk-title wk-desc\" preserveAspectRatio=\"xMidYMid meet\">")
                .append("<title id=\"wk-title\">Distance per week</title>");
        for (int i = 0; i < n; i++) {
            Map<String, String> w = weeks.get(i);
            double d = num(w.get("distance_km"));
            boolean flag = "yes".equals(w.get("flag_distance_over_limit")) || "yes".equals(w.get("flag_speed_over_limit"))
                    || "yes".equals(w.get("flag_more_than_one_change"));
            double h = Double.isFinite(d) ? d / max * (height - bottom - 16) : 0;
            double x = left + i * bw + bw * 0.15;
            double y = height - bottom - h;
            sb.append(String.format(Locale.ROOT, "<rect class=\"%s\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"/>",
                    flag ? "bar flag" : "bar", x, y, bw * 0.7, h));
            if (flag) {
                sb.append(String.format(Locale.ROOT, "<text class=\"mark\" x=\"%.1f\" y=\"%.1f\">!</text>",
                        x + bw * 0.35, y - 3));
            }
            if (n <= 16 || i % Math.max(1, n / 8) == 0) {
                sb.append(String.format(Locale.ROOT, "<text class=\"tick\" x=\"%.1f\" y=\"%d\">%s</text>", x + bw * 0.35,
                        height - 8, Html.esc(shortWeek(w.getOrDefault("week", "")))));
            }
            desc.append(w.getOrDefault("week", "")).append(": ").append(w.getOrDefault("distance_km", "")).append(" km")
                    .append(flag ? " (flagged)" : "").append(i + 1 < n ? "; " : ".");
        }
        sb.append(String.format(Locale.ROOT, "<text class=\"axis\" x=\"2\" y=\"14\">%.0f km</text>", max));
        sb.append("<desc id=\"wk-desc\">").append(Html.esc(desc.toString())).append("</desc></svg>")
                .append("<figcaption>Distance per week; marked weeks (!) changed the load faster than advised.</figcaption>")
                .append("</figure>");
        return sb.toString();
    }

    private static String shortWeek(String w) {
        int i = w.indexOf("-W");
        return i >= 0 ? w.substring(i + 1) : w;
    }

    private static double num(String s) {
        try {
            return s == null || s.isEmpty() ? Double.NaN : Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
