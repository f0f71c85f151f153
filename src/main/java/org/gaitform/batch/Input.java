package org.gaitform.batch;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One input of a batch.
 *
 * @param path    where it is
 * @param display how to name it in messages and tables (the path as the user would recognise it)
 */
public record Input(Path path, String display) {
    public Input {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(display, "display");
    }
}
