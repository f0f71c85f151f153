package org.gaitform.web;

/** The content of a {@code --password-file}, as the BCrypt hash the server checks logins against. */
public final class PasswordFile {
    private PasswordFile() {
    }

    /**
     * A BCrypt hash as it is ({@code $2a$}, {@code $2b$}, {@code $2y$}, also htpasswd's {@code user:hash}), else the
     * password itself, hashed now (BCrypt, cost 12).
     *
     * @throws IllegalArgumentException for an empty file or a password under 8 characters
     */
    public static String hash(String content) {
        return Security.hashFromFile(content);
    }
}
