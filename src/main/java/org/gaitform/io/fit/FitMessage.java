package org.gaitform.io.fit;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One decoded data message of a FIT file.
 *
 * @param number     global message number ({@code 20} for a record)
 * @param name       profile name ({@code record}, {@code lap}, …; {@code unknown_<n>} outside the profile)
 * @param fields     the valid fields in definition order, then fields expanded from components;
 *                   fields whose every element is invalid are left out
 * @param byteOffset where the message starts in the file (for messages)
 * @param segment    which file of a chain the message came from (0 for the first)
 */
public record FitMessage(int number, String name, List<FitField> fields, long byteOffset, int segment) {
    public FitMessage {
        Objects.requireNonNull(name, "name");
        fields = List.copyOf(fields);
    }

    /** The field of this name, if present and valid. */
    public Optional<FitField> field(String fieldName) {
        for (FitField f : fields) {
            if (f.name().equals(fieldName)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** The first value of a field, or {@code NaN} when absent or invalid. */
    public double value(String fieldName) {
        return field(fieldName).map(FitField::value).orElse(Double.NaN);
    }

    /** The text of a string field, or empty. */
    public Optional<String> text(String fieldName) {
        return field(fieldName).map(FitField::text);
    }

    /** True when the field is present and valid. */
    public boolean has(String fieldName) {
        return field(fieldName).isPresent();
    }
}
