package org.gaitform.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real recordings in {@code ../shared/data} (or the folder named by the system property
 * {@code gaitform.shared.data}). Tests that need them skip, with a message saying so, when they are absent.
 */
public final class SharedData {
    private SharedData() {
    }

    /** The data folder, whether or not it exists. */
    public static Path root() {
        String p = System.getProperty("gaitform.shared.data");
        return p != null ? Path.of(p) : Path.of("..", "shared", "data");
    }

    /** A sub-folder of the shared data; skips the calling test when it is absent. */
    public static Path require(String folder) {
        Path d = root().resolve(folder);
        assumeTrue(Files.isDirectory(d), "skipped: real recordings not found at " + d.toAbsolutePath().normalize()
                + " (they live in ../shared/data beside the repository)");
        return d;
    }

    /** A sub-folder of the shared data, or empty when it is absent (for tests that use several and skip none). */
    public static java.util.Optional<Path> find(String folder) {
        Path d = root().resolve(folder);
        return Files.isDirectory(d) ? java.util.Optional.of(d) : java.util.Optional.empty();
    }
}
