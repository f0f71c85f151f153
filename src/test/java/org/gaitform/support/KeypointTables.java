package org.gaitform.support;

/** Edits of OpenPose-style keypoint tables ({@code frame,<Name>_x,_y,_c}) for tests. */
public final class KeypointTables {
    private KeypointTables() {
    }

    /**
     * The table with every keypoint whose name contains {@code part} written as OpenPose writes a missing one
     * ({@code 0,0,0}): an estimator that lost those points, or a keypoint set without them.
     */
    public static String without(String csv, String part) {
        String[] lines = csv.split("\n");
        String[] header = lines[0].split(",");
        StringBuilder out = new StringBuilder(lines[0]).append('\n');
        for (int k = 1; k < lines.length; k++) {
            String[] v = lines[k].split(",");
            for (int c = 1; c + 2 < v.length; c += 3) {
                if (header[c].contains(part)) {
                    v[c] = "0";
                    v[c + 1] = "0";
                    v[c + 2] = "0";
                }
            }
            out.append(String.join(",", v)).append('\n');
        }
        return out.toString();
    }
}
