package org.gaitform.io.text;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the bytes of a text table come from: a file, or an entry of an archive streamed without extracting it.
 * Each call opens a fresh stream from the start (the layout is sniffed on the first lines, then the whole table is
 * read).
 */
@FunctionalInterface
public interface ByteSource {
    /** A new stream of the content from its first byte. */
    InputStream open() throws IOException;

    /** The content of a file. */
    static ByteSource of(Path file) {
        return () -> Files.newInputStream(file);
    }
}
