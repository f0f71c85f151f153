package org.gaitform.batch;

import java.nio.file.Path;
import java.util.List;

/** The manifest of an output folder, for tests in other packages. */
public final class ManifestAccess {
    private ManifestAccess() {
    }

    /** Session ids recorded in an output folder's manifest, sorted. */
    public static List<String> sessionIds(Path outDir) {
        return Manifest.load(outDir).sessionIds().stream().sorted().toList();
    }
}
