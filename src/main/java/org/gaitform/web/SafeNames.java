package org.gaitform.web;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns a name a browser or a zip sent ({@code "run 1/../../etc/passwd"}, {@code "C:\\x\\run.csv"}) into a safe
 * relative path: each component rebuilt from letters, digits and {@code . _ - + ( )} (anything else becomes
 * {@code _}), no empty, {@code .} or {@code ..} component, nothing hidden, at most {@link #MAX_DEPTH} folders and
 * {@link #MAX_COMPONENT} characters per component. The uploaded name is never used as a path as it came.
 */
final class SafeNames {
    static final int MAX_DEPTH = 8;
    static final int MAX_COMPONENT = 100;

    private SafeNames() {
    }

    /**
     * The safe components of a client-side path, or empty when nothing usable is left or the path names a
     * hidden file or folder (macOS {@code __MACOSX/}, {@code .DS_Store}), which uploads skip.
     */
    static Optional<List<String>> components(String clientPath) {
        if (clientPath == null) {
            return Optional.empty();
        }
        String p = Normalizer.normalize(clientPath, Normalizer.Form.NFC).replace('\\', '/');
        List<String> out = new ArrayList<>();
        for (String raw : p.split("/")) {
            String c = raw.strip();
            if (c.isEmpty() || c.equals(".") || c.equals("..") || c.matches("[A-Za-z]:")) {
                continue; // never climbs: '..' is dropped, not applied
            }
            if (c.startsWith(".") || c.equals("__MACOSX")) {
                return Optional.empty();
            }
            out.add(component(c));
        }
        if (out.isEmpty()) {
            return Optional.empty();
        }
        if (out.size() > MAX_DEPTH + 1) {
            out = new ArrayList<>(out.subList(out.size() - MAX_DEPTH - 1, out.size()));
        }
        return Optional.of(out);
    }

    /** One component rebuilt from allowed characters, the extension kept when it is cut. */
    static String component(String c) {
        StringBuilder sb = new StringBuilder();
        c.codePoints().forEach(cp -> {
            boolean ok = cp < 128 && (Character.isLetterOrDigit(cp) || ".-_+() ".indexOf(cp) >= 0);
            sb.append(ok ? (char) cp : '_');
        });
        String s = sb.toString().replaceAll("^[ .]+", "").replaceAll("[ .]+$", "").replace(' ', '_');
        if (s.isEmpty()) {
            s = "file";
        }
        if (s.length() > MAX_COMPONENT) {
            int dot = s.lastIndexOf('.');
            String ext = dot > 0 && s.length() - dot <= 12 ? s.substring(dot) : "";
            s = s.substring(0, MAX_COMPONENT - ext.length()) + ext;
        }
        return s;
    }

    /** The lower-case name of the last component. */
    static String lowerName(List<String> components) {
        return components.get(components.size() - 1).toLowerCase(Locale.ROOT);
    }
}
