package org.gaitform.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.gaitform.model.FindingStatus;
import org.gaitform.report.Scorecard;

/**
 * The HTML pages. Plain server-rendered HTML that works without JavaScript (the script only adds drag and drop,
 * folder picking, upload progress and live job progress); every asset comes from this server; no inline script or
 * style, so the Content-Security-Policy can forbid them.
 */
final class Pages {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    /** What every page needs from the request. */
    record Frame(String csrf, boolean passwordRequired, boolean loggedIn) {
    }

    private Pages() {
    }

    static String layout(Frame f, String title, String body, boolean refresh) {
        Html h = new Html();
        h.raw("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .raw("<meta name=\"referrer\" content=\"no-referrer\">")
                .raw("<meta name=\"csrf-token\" content=\"").text(f.csrf()).raw("\">")
                .el("title", "", title + " · gaitform")
                .raw("<link rel=\"stylesheet\" href=\"/static/app.css\">")
                .raw("<script src=\"/static/app.js\" defer></script>");
        if (refresh) {
            h.raw("<noscript><meta http-equiv=\"refresh\" content=\"3\"></noscript>");
        }
        h.raw("</head><body><a class=\"skip\" href=\"#main\">Skip to content</a><header class=\"top\">")
                .raw("<a class=\"brand\" href=\"/\">gaitform</a><nav aria-label=\"Main\">");
        if (f.loggedIn()) {
            h.raw("<a href=\"/\">Upload</a><a href=\"/mine\">My sessions</a>");
            if (f.passwordRequired()) {
                h.raw("<form method=\"post\" action=\"/logout\" class=\"inline\">").raw(csrfField(f))
                        .raw("<button type=\"submit\" class=\"link\">Log out</button></form>");
            }
        }
        h.raw("</nav></header><main id=\"main\" tabindex=\"-1\">").raw(body).raw("</main>")
                .raw("<footer><p>gaitform describes how you ran; it is not a diagnosis: discuss pain or injury with a "
                        + "physical therapist or physician. Your files stay on this server and are deleted after the "
                        + "time shown on each upload.</p></footer></body></html>\n");
        return h.toString();
    }

    static String csrfField(Frame f) {
        return "<input type=\"hidden\" name=\"_csrf\" value=\"" + Html.esc(f.csrf()) + "\">";
    }

    static String upload(Frame f, WebSettings s) {
        Html h = new Html();
        h.raw("<h1>Analyse running recordings</h1>")
                .raw("<p class=\"lead\">Drop watch exports (FIT, TCX, GPX), IMU recordings (CSV, Sensor Logger zip), "
                        + "video keypoints (an OpenPose JSON folder, COCO keypoints JSON, MediaPipe CSV) or motion-capture files (TRC, C3D). "
                        + "Several files, folders and zips at once: a whole watch-account export is fine.</p>")
                .raw("<form id=\"upload-form\" method=\"post\" action=\"/upload\" enctype=\"multipart/form-data\">")
                .raw(csrfField(f))
                .raw("<div id=\"drop\" class=\"drop\"><p><strong>Drag and drop files or folders here</strong>, or choose "
                        + "them:</p>")
                .raw("<p><label for=\"files\">Files</label> <input id=\"files\" name=\"files\" type=\"file\" multiple "
                        + "accept=\".csv,.tsv,.txt,.fit,.tcx,.gpx,.gz,.trc,.c3d,.json,.zip\"></p>")
                .raw("<p class=\"folder-pick\" hidden><label for=\"folder\">A folder</label> <input id=\"folder\" "
                        + "type=\"file\" webkitdirectory multiple></p>")
                .raw("<ul id=\"chosen\" class=\"chosen\" aria-live=\"polite\"></ul></div>")
                .raw("<details class=\"meta\"><summary>Session details (optional)</summary>")
                .raw("<p class=\"hint\">Used for every recording of this upload, as a <code>.meta.csv</code> sidecar "
                        + "would be on the command line. Pain and shoe mileage are compared with the articles' advice."
                        + "</p><div class=\"grid\">")
                .raw(field("subject_id", "Runner or patient code", "text", "", "maxlength=\"40\" autocomplete=\"off\""))
                .raw(field("height_cm", "Height (cm)", "number", "", "min=\"100\" max=\"230\" step=\"0.5\""))
                .raw(field("speed_kmh", "Treadmill speed (km/h)", "number", "", "min=\"3\" max=\"30\" step=\"0.1\""))
                .raw("<p><label for=\"treadmill\">Surface</label><select id=\"treadmill\" name=\"treadmill\">"
                        + "<option value=\"\">not given</option><option value=\"yes\">treadmill</option>"
                        + "<option value=\"no\">overground</option></select></p>")
                .raw(field("shoes", "Shoes", "text", "", "maxlength=\"60\""))
                .raw(field("shoe_km", "Shoe mileage (km)", "number", "", "min=\"0\" max=\"5000\" step=\"1\""))
                .raw(field("pain_before", "Pain before the run (0–10)", "number", "", "min=\"0\" max=\"10\" step=\"1\""))
                .raw(field("pain_during", "Pain during (0–10)", "number", "", "min=\"0\" max=\"10\" step=\"1\""))
                .raw(field("pain_after", "Pain after (0–10)", "number", "", "min=\"0\" max=\"10\" step=\"1\""))
                .raw("</div></details>")
                .raw("<p><button type=\"submit\" id=\"send\" class=\"primary\">Upload and analyse</button></p>")
                .raw("<div id=\"upload-status\" class=\"status\" role=\"status\" aria-live=\"polite\"></div>")
                .raw("<progress id=\"upload-progress\" max=\"100\" value=\"0\" hidden aria-label=\"Upload progress\">"
                        + "</progress></form>")
                .raw("<p class=\"hint\">Limits: " + UploadStager.megabytes(s.maxUploadBytes()) + " per upload, "
                        + UploadStager.megabytes(s.maxFileBytes()) + " per file, " + s.maxFiles() + " files. Uploads "
                        + "and results are deleted after " + s.keepDays() + " days; you can delete them sooner under "
                        + "<a href=\"/mine\">My sessions</a>. Only someone with an upload's address can see it.</p>");
        return layout(f, "Upload", h.toString(), false);
    }

    private static String field(String name, String label, String type, String value, String attrs) {
        return "<p><label for=\"" + name + "\">" + Html.esc(label) + "</label><input id=\"" + name + "\" name=\"" + name
                + "\" type=\"" + type + "\" value=\"" + Html.esc(value) + "\" " + attrs + "></p>";
    }

    /** The job page: progress while it runs, then the list of sessions and the runner's report. */
    static String job(Frame f, Job.Snapshot j, int position, long expiresEpochS, List<SessionCard> sessions,
                      List<RunnerSection> runner) {
        boolean finished = j.state() == Job.State.DONE || j.state() == Job.State.FAILED;
        Html h = new Html();
        h.raw("<h1>Upload of ").text(WHEN.format(Instant.ofEpochSecond(j.createdEpochS()))).raw("</h1>");
        h.raw("<section id=\"job\" data-job=\"").text(j.id()).raw("\" data-state=\"").text(j.state().label())
                .raw("\" aria-labelledby=\"progress-h\"><h2 id=\"progress-h\">Progress</h2>");
        h.raw("<p id=\"job-status\" class=\"status state-").text(j.state().label()).raw("\" role=\"status\" "
                + "aria-live=\"polite\">").text(statusLine(j, position)).raw("</p>");
        h.raw("<ol id=\"inputs\" class=\"inputs\">");
        for (Job.Input in : j.inputs()) {
            h.raw("<li data-input=\"").text(in.name()).raw("\" data-status=\"").text(in.status()).raw("\">")
                    .raw("<span class=\"badge b-").text(in.status()).raw("\">").text(statusWord(in.status()))
                    .raw("</span> ");
            if (in.status().equals("ok") && !in.sessionId().isEmpty() && finished) {
                h.raw("<a href=\"/jobs/").text(j.id()).raw("/sessions/").text(in.sessionId()).raw("\">")
                        .text(in.name()).raw("</a>");
            } else {
                h.el("span", "class=\"name\"", in.name());
            }
            if (!in.message().isEmpty()) {
                h.el("span", in.status().equals("failed") ? "class=\"message error-message\"" : "class=\"message\"",
                        in.message());
            }
            h.raw("</li>");
        }
        h.raw("</ol>");
        if (j.inputs().isEmpty() && !finished) {
            h.raw("<p class=\"hint\">").text(j.files().size() + " file(s) received.").raw("</p>");
        }
        if (!j.leftOut().isEmpty()) {
            h.raw("<details><summary>").text(j.leftOut().size() + " file(s) not kept").raw("</summary><ul>");
            for (String s : j.leftOut().subList(0, Math.min(200, j.leftOut().size()))) {
                h.el("li", "", s);
            }
            h.raw("</ul></details>");
        }
        h.raw("</section>");
        if (finished && !sessions.isEmpty()) {
            h.raw("<section aria-labelledby=\"sessions-h\"><h2 id=\"sessions-h\">Sessions</h2><ul class=\"cards\">");
            for (SessionCard c : sessions) {
                h.raw("<li class=\"card\"><a href=\"/jobs/").text(j.id()).raw("/sessions/").text(c.sessionId())
                        .raw("\"><strong>").text(c.name()).raw("</strong></a> <span class=\"hint\">").text(c.headline())
                        .raw("</span></li>");
            }
            h.raw("</ul></section>");
        }
        runner.forEach(r -> h.raw(runnerSection(r)));
        if (finished) {
            h.raw("<section aria-labelledby=\"dl-h\"><h2 id=\"dl-h\">Downloads</h2><ul class=\"downloads\">")
                    .raw("<li><a href=\"/jobs/").text(j.id()).raw("/download.zip\">Everything (zip)</a></li>");
            for (String b : List.of("batch-report.pdf", "batch-summary.csv")) {
                h.raw("<li><a href=\"/jobs/").text(j.id()).raw("/batch/").text(b).raw("\">").text(b).raw("</a></li>");
            }
            h.raw("</ul></section>");
        }
        h.raw(deleteForm(f, j.id(), expiresEpochS));
        return layout(f, "Upload", h.toString(), !finished);
    }

    static String statusLine(Job.Snapshot j, int position) {
        return switch (j.state()) {
            case QUEUED -> position > 0 ? "Waiting: " + position + (position == 1 ? " upload" : " uploads")
                    + " ahead of this one counting it." : "Waiting for its turn.";
            case RUNNING -> {
                long done = j.inputs().stream().filter(i -> i.status().equals("ok") || i.status().equals("failed")).count();
                yield "Analysing: " + done + " of " + j.inputs().size() + " recording(s) done.";
            }
            case DONE, FAILED -> j.message();
        };
    }

    static String statusWord(String status) {
        return switch (status) {
            case "ok" -> "done";
            case "failed" -> "failed";
            case "analysing" -> "analysing";
            default -> "waiting";
        };
    }

    private static String deleteForm(Frame f, String id, long expiresEpochS) {
        return "<section aria-labelledby=\"del-h\"><h2 id=\"del-h\">Your data</h2><p class=\"hint\">This upload and its "
                + "results are deleted on " + Html.esc(WHEN.format(Instant.ofEpochSecond(expiresEpochS))) + ".</p>"
                + "<form method=\"post\" action=\"/jobs/" + Html.esc(id) + "/delete\" class=\"delete-form\">"
                + csrfField(f) + "<button type=\"submit\" class=\"danger\" id=\"delete\">Delete this upload now</button>"
                + "</form></section>";
    }

    /**
     * One session on the job page.
     *
     * @param sessionId its folder
     * @param name      the input's name
     * @param headline  "176 steps/min, contact 240 ms"
     */
    record SessionCard(String sessionId, String name, String headline) {
    }

    /**
     * The runner's report of a batch of watch files.
     *
     * @param pdf   file name of the PDF
     * @param csv   file name of the weekly table
     * @param weeks the weekly table's rows (column → value)
     * @param base  the address its files are under ("/jobs/ID/batch/")
     * @param more  other files of the report to offer (an account history's monthly form, shoes, activities)
     */
    record RunnerSection(String pdf, String csv, List<Map<String, String>> weeks, String base, List<String> more) {
    }

    private static String runnerSection(RunnerSection r) {
        Html h = new Html();
        h.raw("<section aria-labelledby=\"runner-h\"><h2 id=\"runner-h\">Runner's report: weekly load and trends</h2>");
        if (r.weeks().isEmpty()) {
            h.raw("<p>No run could be placed in a week (the exports carry no date or distance).</p>");
        } else {
            h.raw(WeeklyChart.svg(r.weeks()));
            h.raw("<div class=\"scroll\"><table class=\"weeks\"><caption>Weekly load; weeks marked ! raised distance or "
                    + "speed by more than the advised limit, or changed more than one of distance, speed and elevation "
                    + "at once.</caption><thead><tr><th scope=\"col\">week</th><th scope=\"col\">runs</th>"
                    + "<th scope=\"col\">distance (km)</th><th scope=\"col\">pace (/km)</th><th scope=\"col\">"
                    + "elevation gain (m)</th><th scope=\"col\">change</th><th scope=\"col\">cadence (steps/min)</th>"
                    + "<th scope=\"col\">contact (ms)</th><th scope=\"col\">note</th></tr></thead><tbody>");
            for (Map<String, String> w : r.weeks()) {
                boolean flag = "yes".equals(w.get("flag_distance_over_limit")) || "yes".equals(w.get("flag_speed_over_limit"))
                        || "yes".equals(w.get("flag_more_than_one_change"));
                h.raw("<tr" + (flag ? " class=\"flag\"" : "") + "><th scope=\"row\">").text((flag ? "! " : "")
                        + w.getOrDefault("week", "")).raw("</th>");
                for (String k : List.of("runs", "distance_km", "pace", "elevation_gain_m", "weekly_increase_pct",
                        "cadence_spm", "contact_ms", "note")) {
                    String v = w.getOrDefault(k, "");
                    h.el("td", "", k.equals("weekly_increase_pct") && !v.isEmpty() ? v + " %" : v);
                }
                h.raw("</tr>");
            }
            h.raw("</tbody></table></div>");
        }
        h.raw("<ul class=\"downloads\"><li><a href=\"").text(r.base() + r.pdf()).raw("\">")
                .text("Runner's report (" + r.pdf() + ")").raw("</a></li><li><a href=\"").text(r.base() + r.csv())
                .raw("\">").text(r.csv()).raw("</a></li>");
        for (String m : r.more()) {
            h.raw("<li><a href=\"").text(r.base() + m).raw("\">").text(m).raw("</a></li>");
        }
        h.raw("</ul></section>");
        return h.toString();
    }

    /** The result page of one session: page 1 of its report in HTML, the charts, the downloads. */
    static String session(Frame f, String jobId, String sessionId, String inputName, Scorecard card,
                          Optional<String> quality, List<String> qualityReasons, List<String> warnings,
                          List<String> charts, List<String> downloads) {
        Html h = new Html();
        h.raw("<p class=\"crumbs\"><a href=\"/jobs/").text(jobId).raw("\">← All sessions of this upload</a></p>");
        h.el("h1", "", card.title() + ": " + inputName);
        h.el("p", "class=\"hint\"", card.subtitle());
        h.el("p", "class=\"hint\"", card.durations());
        quality.ifPresent(q -> {
            h.raw("<div class=\"quality quality-").text(q).raw("\" role=\"note\" data-quality=\"").text(q).raw("\">")
                    .raw("<strong>Recording quality: ").text(org.gaitform.model.Quality.parse(q).phrase())
                    .raw("</strong>");
            if (!qualityReasons.isEmpty()) {
                h.raw("<ul>");
                qualityReasons.forEach(r -> h.el("li", "", r));
                h.raw("</ul>");
            }
            h.raw("</div>");
        });
        if (!card.tiles().isEmpty()) {
            h.raw("<section aria-labelledby=\"head-h\"><h2 id=\"head-h\" class=\"vh\">Headline numbers</h2>"
                    + "<ul class=\"tiles\">");
            for (Scorecard.Tile t : card.tiles()) {
                h.raw("<li class=\"tile").text(t.status().map(s -> " s-" + s.label()).orElse("")).raw("\" data-metric=\"")
                        .text(t.metricKey()).raw("\" data-decimals=\"" + t.decimals() + "\" data-scale=\""
                        + (t.scale() == 1 ? "1" : String.valueOf((long) t.scale())) + "\">")
                        .el("span", "class=\"label\"", t.label()).el("span", "class=\"value\"", t.value());
                if (t.doubtful()) {
                    h.raw("<span class=\"doubt\" title=\"a quality check doubts this value\">?</span>")
                            .el("span", "class=\"vh\"", "(in doubt)");
                }
                h.el("span", "class=\"unit\"", t.unit());
                t.status().ifPresent(s -> h.el("span", "class=\"vh\"", "status: " + s.phrase()));
                h.raw("</li>");
            }
            h.raw("</ul>");
            for (Scorecard.Note n : card.notes()) {
                h.el("p", n.muted() ? "class=\"hint\"" : "", n.text());
            }
            h.raw("</section>");
        }
        h.raw("<section aria-labelledby=\"focus-h\"><h2 id=\"focus-h\">What to work on first</h2>");
        h.el("p", card.focus().isEmpty() ? "" : "class=\"hint\"", card.focusIntro());
        for (Scorecard.Focus fo : card.focus()) {
            h.raw("<article class=\"focus s-").text(fo.finding().status().label()).raw("\" data-guideline=\"")
                    .text(fo.finding().guidelineId()).raw("\">")
                    .el("h3", "", fo.heading()).el("p", "", fo.message()).el("p", "class=\"advice\"", fo.advice())
                    .el("p", "class=\"hint\"", fo.sources());
            if (!fo.finding().target().isEmpty()) {
                h.el("p", "class=\"target\"", "Your target: " + fo.finding().target());
            }
            h.raw("</article>");
        }
        h.el("p", "class=\"hint\"", Scorecard.NOT_A_DIAGNOSIS);
        h.raw("</section>");
        h.raw("<section aria-labelledby=\"card-h\"><h2 id=\"card-h\">Scorecard</h2><div class=\"scroll\">"
                + "<table class=\"scorecard\"><thead><tr><th scope=\"col\">status</th><th scope=\"col\">indicator</th>"
                + "<th scope=\"col\">your value</th><th scope=\"col\">target / reference</th><th scope=\"col\">source"
                + "</th></tr></thead><tbody>");
        for (Scorecard.Row r : card.rows()) {
            FindingStatus s = r.finding().status();
            h.raw("<tr class=\"s-").text(s.label()).raw("\" data-guideline=\"").text(r.finding().guidelineId())
                    .raw("\" data-metric=\"").text(r.finding().metricKey()).raw("\">")
                    .raw("<td><span class=\"dot\" aria-hidden=\"true\">").text(r.symbol()).raw("</span> ")
                    .text(r.statusPhrase()).raw("</td>")
                    .raw("<th scope=\"row\">").text(r.indicator()).raw("</th>")
                    .raw("<td class=\"value\" data-number=\"").text(Scorecard.number(r.finding())).raw("\">")
                    .text(r.value()).raw("</td>")
                    .el("td", "", r.target()).el("td", "", r.sources()).raw("</tr>");
        }
        h.raw("</tbody></table></div>");
        if (!card.evidence().isEmpty()) {
            h.el("p", "class=\"hint\"", card.evidence());
        }
        if (!card.notMeasurable().isEmpty()) {
            h.el("p", "class=\"hint\"", "Not measurable from this input: " + String.join("; ", card.notMeasurable()) + ".");
        }
        h.el("p", "class=\"hint\"", Scorecard.FOOTNOTE + " The references are in the PDF report.");
        h.raw("</section>");
        if (!warnings.isEmpty()) {
            h.raw("<section aria-labelledby=\"warn-h\"><h2 id=\"warn-h\">Warnings</h2><ul class=\"warnings\">");
            warnings.forEach(w -> h.el("li", "", w));
            h.raw("</ul></section>");
        }
        if (!charts.isEmpty()) {
            h.raw("<section aria-labelledby=\"charts-h\"><h2 id=\"charts-h\">Charts</h2>");
            for (String c : charts) {
                String alt = ChartTexts.alt(c);
                h.raw("<figure><img src=\"/jobs/").text(jobId).raw("/files/").text(sessionId).raw("/charts/").text(c)
                        .raw(".png\" alt=\"").text(alt).raw("\" loading=\"lazy\" width=\"1000\" height=\"560\">")
                        .el("figcaption", "", alt).raw("</figure>");
            }
            h.raw("</section>");
        }
        h.raw("<section aria-labelledby=\"files-h\"><h2 id=\"files-h\">Downloads</h2><ul class=\"downloads\">");
        for (String d : downloads) {
            h.raw("<li><a href=\"/jobs/").text(jobId).raw("/files/").text(sessionId).raw("/").text(d).raw("\"")
                    .raw(d.equals("report.pdf") ? " id=\"report-pdf\"" : "").raw(">").text(d).raw("</a></li>");
        }
        h.raw("<li><a href=\"/jobs/").text(jobId).raw("/sessions/").text(sessionId).raw("/download.zip\">Everything of "
                + "this session (zip)</a></li></ul></section>");
        return layout(f, card.title(), h.toString(), false);
    }

    static String mine(Frame f, List<Job.Snapshot> jobs) {
        Html h = new Html();
        h.raw("<h1>My sessions</h1><p class=\"lead\">What this browser uploaded. Anyone with an upload's address can "
                + "open it; nobody can list it but this browser.</p>");
        if (jobs.isEmpty()) {
            h.raw("<p>Nothing yet. <a href=\"/\">Upload recordings</a>.</p>");
        } else {
            h.raw("<ul class=\"cards\" id=\"mine\">");
            for (Job.Snapshot j : jobs) {
                String names = String.join(", ", j.inputs().isEmpty() ? j.files().subList(0, Math.min(3, j.files().size()))
                        : j.inputs().stream().limit(3).map(Job.Input::name).toList());
                int more = (j.inputs().isEmpty() ? j.files().size() : j.inputs().size()) - 3;
                h.raw("<li class=\"card\" data-job=\"").text(j.id()).raw("\"><a href=\"/jobs/").text(j.id()).raw("\">")
                        .text(WHEN.format(Instant.ofEpochSecond(j.createdEpochS()))).raw("</a> <span class=\"badge b-")
                        .text(j.state().label()).raw("\">").text(j.state().label()).raw("</span> ")
                        .el("span", "class=\"hint\"", names + (more > 0 ? " and " + more + " more" : ""))
                        .raw("<form method=\"post\" action=\"/jobs/").text(j.id()).raw("/delete\" class=\"inline\">")
                        .raw(csrfField(f)).raw("<button type=\"submit\" class=\"danger small\">Delete</button></form>")
                        .raw("</li>");
            }
            h.raw("</ul>");
        }
        return layout(f, "My sessions", h.toString(), false);
    }

    static String login(Frame f, String error) {
        Html h = new Html();
        h.raw("<h1>Log in</h1><form method=\"post\" action=\"/login\" class=\"login\">").raw(csrfField(f));
        if (error != null) {
            h.el("p", "class=\"error-message\" role=\"alert\"", error);
        }
        h.raw("<p><label for=\"password\">Password</label><input id=\"password\" name=\"password\" type=\"password\" "
                + "autocomplete=\"current-password\" required autofocus></p><p><button type=\"submit\" "
                + "class=\"primary\">Log in</button></p></form>");
        return layout(f, "Log in", h.toString(), false);
    }

    static String error(Frame f, int status, String message) {
        Html h = new Html();
        h.el("h1", "", switch (status) {
            case 404 -> "Not found";
            case 413 -> "Upload too large";
            case 415 -> "Not a file gaitform reads";
            case 429 -> "Too many requests";
            case 503 -> "Busy";
            case 403 -> "Refused";
            case 400 -> "Cannot use this upload";
            default -> "Something went wrong";
        });
        h.el("p", "class=\"error-message\" role=\"alert\"", message);
        h.raw("<p><a href=\"/\">Back to the upload page</a></p>");
        return layout(f, "Error " + status, h.toString(), false);
    }
}
