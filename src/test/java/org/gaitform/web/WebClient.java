package org.gaitform.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gaitform.io.json.JsonReader;

/** A browser-like HTTP client for the server's tests: keeps its cookies, knows its CSRF token, builds multipart. */
final class WebClient {
    private static final Pattern CSRF = Pattern.compile("name=\"csrf-token\" content=\"([^\"]+)\"");
    final String base;
    final HttpClient http;
    private String csrf;

    WebClient(String base) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<byte[]> bytes(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    /** The CSRF token of this client, from the upload page. */
    String csrf() throws IOException, InterruptedException {
        if (csrf == null) {
            Matcher m = CSRF.matcher(get("/").body());
            if (!m.find()) {
                throw new IllegalStateException("no CSRF token on the upload page");
            }
            csrf = m.group(1);
        }
        return csrf;
    }

    /** A form POST (application/x-www-form-urlencoded). */
    HttpResponse<String> post(String path, Map<String, String> form) throws IOException, InterruptedException {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> e : form.entrySet()) {
            if (sb.length() > 0) {
                sb.append('&');
            }
            sb.append(java.net.URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)).append('=')
                    .append(java.net.URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
        }
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(sb.toString())).build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Uploads files as the page's script does: multipart with the CSRF header, the names in a {@code paths} field.
     *
     * @param files  client-side path → content
     * @param fields other form fields
     */
    HttpResponse<String> upload(Map<String, byte[]> files, Map<String, String> fields, boolean withToken)
            throws IOException, InterruptedException {
        String boundary = "----gaitformtest" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            part(body, boundary, "Content-Disposition: form-data; name=\"files\"; filename=\"" + f.getKey()
                    .replace("\"", "%22") + "\"\r\nContent-Type: application/octet-stream", f.getValue());
        }
        part(body, boundary, "Content-Disposition: form-data; name=\"paths\"",
                String.join("\n", files.keySet()).getBytes(StandardCharsets.UTF_8));
        for (Map.Entry<String, String> f : fields.entrySet()) {
            part(body, boundary, "Content-Disposition: form-data; name=\"" + f.getKey() + "\"",
                    f.getValue().getBytes(StandardCharsets.UTF_8));
        }
        body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + "/upload")).timeout(Duration.ofSeconds(120))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        if (withToken) {
            b.header("X-CSRF-Token", csrf());
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void part(ByteArrayOutputStream body, String boundary, String headers, byte[] content)
            throws IOException {
        body.write(("--" + boundary + "\r\n" + headers + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write("\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    /** The JSON object of a response body. */
    static Map<?, ?> json(String body) {
        try {
            return (Map<?, ?>) JsonReader.parse(body);
        } catch (JsonReader.JsonException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }

    /** Polls the job until it is done or failed; returns its last status. */
    Map<?, ?> waitDone(String id, Duration limit) throws IOException, InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        Map<?, ?> s = Map.of();
        while (System.nanoTime() < end) {
            HttpResponse<String> r = get("/api/jobs/" + id);
            if (r.statusCode() != 200) {
                throw new AssertionError("job " + id + ": HTTP " + r.statusCode() + " " + r.body());
            }
            s = json(r.body());
            if (s.get("state").equals("done") || s.get("state").equals("failed")) {
                return s;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("job " + id + " not done within " + limit + ": " + s);
    }

    /** Inputs of a job status, name → input object. */
    static Map<String, Map<?, ?>> inputs(Map<?, ?> status) {
        Map<String, Map<?, ?>> out = new LinkedHashMap<>();
        for (Object o : (List<?>) status.get("inputs")) {
            Map<?, ?> m = (Map<?, ?>) o;
            out.put(String.valueOf(m.get("name")), m);
        }
        return out;
    }
}
