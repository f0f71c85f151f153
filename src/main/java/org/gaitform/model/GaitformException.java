package org.gaitform.model;

import java.util.Objects;

/**
 * The one exception type of gaitform. Its message is complete and meant for people: it names the
 * file, the row or field, what was expected and what was found. The {@link Kind} tells the batch
 * how to count the failure.
 */
public final class GaitformException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why an input could not be analysed. */
    public enum Kind {
        /** The file is missing, unreadable or not in a format we can read. */
        BAD_INPUT,
        /** The file was read but holds nothing we can analyse (too short, no running, …). */
        NOT_ANALYSABLE,
        /** Results could not be written. */
        OUTPUT,
        /** The command asks for something gaitform refuses to do (an output folder that is one of the inputs). */
        USAGE
    }

    private final Kind kind;

    public GaitformException(Kind kind, String message) {
        super(Objects.requireNonNull(message, "message"));
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    public GaitformException(Kind kind, String message, Throwable cause) {
        super(Objects.requireNonNull(message, "message"), cause);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    public Kind kind() {
        return kind;
    }

    /**
     * A bad-input error in the standard form: {@code <source>: <where>: expected <expected>, found <found>}.
     *
     * @param source   the file (or folder) name
     * @param where    the row, column or field, for example "row 12, column 'acc_x'"; may be empty
     * @param expected what a valid input has there
     * @param found    what the input has there
     */
    public static GaitformException badInput(String source, String where, String expected, String found) {
        StringBuilder sb = new StringBuilder(source).append(": ");
        if (where != null && !where.isEmpty()) {
            sb.append(where).append(": ");
        }
        sb.append("expected ").append(expected).append(", found ").append(found);
        return new GaitformException(Kind.BAD_INPUT, sb.toString());
    }

    /** An input that was read but cannot be analysed, with the reason. */
    public static GaitformException notAnalysable(String source, String reason) {
        return new GaitformException(Kind.NOT_ANALYSABLE, source + ": " + reason);
    }
}
