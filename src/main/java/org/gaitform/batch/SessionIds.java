package org.gaitform.batch;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.gaitform.report.OutputNames;

/**
 * Session ids: derived from the input path, with the file name stem always part of it (without the extension, and
 * without {@code .gz} before it: {@code run.gpx.gz} is {@code run}); made of letters, digits, {@code .}, {@code _}
 * and {@code -} only (so an id can never leave the output folder); never one of the names gaitform writes at the
 * top of the output folder ({@link OutputNames}, ignoring case); unique within a run ignoring case — clashing stems
 * get their parent folder's name in front, then a number. An input that already had an id in an earlier run into
 * the same folder keeps it, so adding {@code run.tsv} beside {@code run.csv} never renames {@code run}.
 */
public final class SessionIds {
    /** Longest id. */
    public static final int MAX_LENGTH = 80;
    /** Names that are not file names on Windows, and the charts folder's name; compared ignoring case. */
    private static final Set<String> RESERVED = Set.of("batch-summary", "batch-report", "con", "prn", "aux", "nul",
            "charts", "com1", "com2", "com3", "com4", "lpt1", "lpt2", "lpt3");

    private SessionIds() {
    }

    /** Ids for inputs, in the same order. */
    public static List<String> assign(List<Path> inputs) {
        return assign(inputs, inputs.stream().map(Path::toString).toList(), Map.of());
    }

    /**
     * Ids for inputs, in the same order, keeping the ids of an earlier run.
     *
     * @param inputs the inputs
     * @param keys   how each input is named in the manifest (its display name)
     * @param kept   id by key from the earlier run; an id is kept while it is still a valid, unused id
     */
    public static List<String> assign(List<Path> inputs, List<String> keys, Map<String, String> kept) {
        List<String> ids = new ArrayList<>(java.util.Collections.nCopies(inputs.size(), (String) null));
        Set<String> used = new HashSet<>();
        for (int i = 0; i < inputs.size(); i++) {
            String old = kept.get(keys.get(i));
            if (old != null && safe(old).equals(old) && used.add(old.toLowerCase(Locale.ROOT))) {
                ids.set(i, old);
            }
        }
        List<String> base = new ArrayList<>();
        for (Path p : inputs) {
            base.add(safe(stem(p)));
        }
        Map<String, Integer> count = new HashMap<>();
        base.forEach(b -> count.merge(b.toLowerCase(Locale.ROOT), 1, Integer::sum));
        for (int i = 0; i < inputs.size(); i++) {
            if (ids.get(i) != null) {
                continue;
            }
            String id = base.get(i);
            if (count.get(id.toLowerCase(Locale.ROOT)) > 1 || used.contains(id.toLowerCase(Locale.ROOT))) {
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
            ids.set(i, unique);
        }
        return ids;
    }

    /** The file name without its extension (and without {@code .gz} before it); folders keep their name. */
    static String stem(Path p) {
        Path f = p.getFileName();
        String name = f == null ? "input" : f.toString();
        if (java.nio.file.Files.isDirectory(p)) {
            return name;
        }
        if (name.toLowerCase(Locale.ROOT).endsWith(".gz") && name.length() > 3) {
            name = name.substring(0, name.length() - 3);
        }
        int dot = name.lastIndexOf('.');
        if (dot > 0) {
            name = name.substring(0, dot);
        }
        return name;
    }

    /**
     * Replaces anything but letters, digits, dot, underscore and hyphen; never empty, never dots only, never a name
     * gaitform writes at the top of the output folder.
     */
    static String safe(String s) {
        String t = s.replaceAll("[^A-Za-z0-9._-]+", "_").replaceAll("^[._-]+", "");
        if (t.length() > MAX_LENGTH) {
            t = t.substring(0, MAX_LENGTH);
        }
        if (t.isEmpty()) {
            t = "input";
        }
        String lower = t.toLowerCase(Locale.ROOT);
        if (RESERVED.contains(lower) || OutputNames.isReserved(lower)) {
            t = "session_" + t;
        }
        return t;
    }
}
