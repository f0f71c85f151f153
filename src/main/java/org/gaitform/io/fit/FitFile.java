package org.gaitform.io.fit;

import java.util.List;

/**
 * A decoded FIT file: its data messages in file order (every file of a chain, one after the other) and
 * what the decoder noticed.
 *
 * @param messages        data messages in order
 * @param segments        number of FIT files chained in the input (several headers)
 * @param protocolVersion protocol version of the first header (major × 16 + minor)
 * @param profileVersion  profile version of the first header (× 100)
 * @param warnings        problems that did not stop the decoding (checksums, truncation, trailing bytes,
 *                        developer fields without description)
 */
public record FitFile(List<FitMessage> messages, int segments, int protocolVersion, int profileVersion,
                      List<String> warnings) {
    public FitFile {
        messages = List.copyOf(messages);
        warnings = List.copyOf(warnings);
    }

    /** The messages with this profile name, in order. */
    public List<FitMessage> messages(String name) {
        return messages.stream().filter(m -> m.name().equals(name)).toList();
    }
}
