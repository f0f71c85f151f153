package org.gaitform.batch;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Session ids: derived from the input path, with the file name stem always part of it; made of letters,
 * digits, {@code .}, {@code _} and {@code -} only (so an id can never leave the output folder); unique
 * within a run — clashing stems get their parent folder's name in front, then a number.
 */
public final class SessionIds {
    /** Longest id. */
    public static final int MAX_LENGTH = 80;
    private static final Set<String> RESERVED = Set.of("batch-summary", "batch-report", "con", "prn", "aux", "nul",
            "charts");

    private SessionIds() {
    }

    /** Ids for inputs, in the same order. */
    public static List<String> assign(List<Path> inputs) {
        List<String> base = new ArrayList<>();
        for (Path p : inputs) {
            base.add(safe(stem(p)));
        }
        Map<String, Integer> count = new HashMap<>();
        base.forEach(b -> count.merge(b.toLowerCase(Locale.ROOT), 1, Integer::sum));
        List<String> ids = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (int i = 0; i < inputs.size(); i++) {
            String id = base.get(i);
            if (count.get(id.toLowerCase(Locale.ROOT)) > 1) {
                Path parent = inputs.get(i).toAbsolutePath().normalize().getParent();
                if (parent != null && parent.getFileName() != null) {
                    id = safe(parent.getFileName() + "_" + id);
                }
            }
            String unique = id;
            int k = 2;
            while (!used.add(unique.toLowerCase(Locale.ROOT))) {
                unique = id + "-" + k++;
            }
            ids.add(unique);
        }
        return ids;
    }

    /** The file name without its extension (folders keep their name). */
    static String stem(Path p) {
        Path f = p.getFileName();
        String name = f == null ? "input" : f.toString();
        int dot = name.lastIndexOf('.');
        if (dot > 0 && !java.nio.file.Files.isDirectory(p)) {
            name = name.substring(0, dot);
        }
        return name;
    }

    /** Replaces anything but letters, digits, dot, underscore and hyphen; never empty, never dots only. */
    static String safe(String s) {
        String t = s.replaceAll("[^A-Za-z0-9._-]+", "_").replaceAll("^[._-]+", "");
        if (t.length() > MAX_LENGTH) {
            t = t.substring(0, MAX_LENGTH);
        }
        if (t.isEmpty()) {
            t = "input";
        }
        if (RESERVED.contains(t.toLowerCase(Locale.ROOT))) {
            t = "session_" + t;
        }
        return t;
    }
}
