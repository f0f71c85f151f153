package org.gaitform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.data.Offset;

/** Checks that a session page's HTML scorecard shows the numbers and verdicts of the session's summary.json. */
final class WebScorecardCheck {
    private static final Pattern TILE = Pattern.compile("data-metric=\"([a-z_]+)\" data-decimals=\"(\\d)\" "
            + "data-scale=\"(\\d+)\"><span class=\"label\">[^<]*</span><span class=\"value\">([^<]*)</span>");
    private static final Pattern ROW = Pattern.compile("<tr class=\"s-([a-z_]+)\" data-guideline=\"([A-Za-z0-9]+)\" "
            + "data-metric=\"[a-z_]+\">.*?<td class=\"value\" data-number=\"([^\"]*)\">");

    private WebScorecardCheck() {
    }

    /** Every headline tile equals its summary.json value to the decimals shown; returns the tiles checked. */
    static int tilesMatch(String html, Map<?, ?> summary, String sid) {
        Matcher tile = TILE.matcher(html);
        int tiles = 0;
        while (tile.find()) {
            Object v = summary.get(tile.group(1));
            if (tile.group(4).equals("–")) {
                // a watch export without this channel: no number on either side
                assertThat(v).as(sid + " summary.json " + tile.group(1)).isNull();
                continue;
            }
            assertThat(v).as(sid + " summary.json " + tile.group(1)).isInstanceOf(Number.class);
            double expected = ((Number) v).doubleValue() * Double.parseDouble(tile.group(3));
            int decimals = Integer.parseInt(tile.group(2));
            assertThat(Double.parseDouble(tile.group(4))).as(sid + " tile " + tile.group(1))
                    .isCloseTo(expected, Offset.offset(0.5 * Math.pow(10, -decimals) + 1e-9));
            tiles++;
        }
        if (summary.get("quality") instanceof String q) {
            assertThat(html).as(sid + " quality banner").contains("data-quality=\"" + q + "\"");
        }
        return tiles;
    }

    /**
     * Every traffic-light row has the status and value of its finding in summary.json, and every judged finding
     * has a row; returns the rows checked.
     */
    static int rowsMatch(String html, Map<?, ?> summary, String sid) {
        Matcher row = ROW.matcher(html);
        int rows = 0;
        while (row.find()) {
            String id = row.group(2);
            assertThat(summary.get("finding_" + id + "_status")).as(sid + " " + id).isEqualTo(row.group(1));
            Object v = summary.get("finding_" + id + "_value");
            if (v instanceof Number n) {
                String shown = row.group(3);
                int decimals = shown.contains(".") ? shown.length() - shown.indexOf('.') - 1 : 0;
                assertThat(Double.parseDouble(shown)).as(sid + " row " + id).isCloseTo(n.doubleValue(),
                        Offset.offset(0.5 * Math.pow(10, -decimals) + 1e-9));
            } else {
                assertThat(row.group(3)).isEqualTo("–");
            }
            rows++;
        }
        long findings = summary.entrySet().stream().filter(e -> String.valueOf(e.getKey()).endsWith("_status")
                && String.valueOf(e.getKey()).startsWith("finding_") && !"not_measurable".equals(e.getValue())).count();
        assertThat(rows).as(sid + " rows").isEqualTo((int) findings);
        return rows;
    }
}
