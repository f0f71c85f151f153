package org.gaitform.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Helpers to write small input files in tests. */
public final class TempDirs {
    private TempDirs() {
    }

    /** Writes text (UTF-8) into a file in a folder and returns the file. */
    public static Path write(Path dir, String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }
}
