package org.gaitform.web;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.crypto.bcrypt.BCrypt;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Browser identity, CSRF tokens and the optional password.
 * <ul>
 * <li>Each browser gets a random token in an HttpOnly, SameSite=Strict cookie; what it uploaded is recorded under
 *     the token's SHA-256, which is how "my sessions" finds it. The server never stores the token itself.</li>
 * <li>Every state-changing request carries a CSRF token, HMAC-SHA256 of the browser token under the server's
 *     secret key, in a form field or the {@code X-CSRF-Token} header (compared in constant time), and a
 *     cross-site Origin is refused.</li>
 * <li>With a password, a login gives a random session token (kept in memory as its SHA-256, 12 hours); the
 *     password is checked with BCrypt (Spring Security Crypto).</li>
 * </ul>
 */
final class Security {
    static final String CLIENT_COOKIE = "gf_client";
    static final String LOGIN_COOKIE = "gf_login";
    static final long LOGIN_SECONDS = 12 * 3600;
    private final byte[] secret;
    private final Optional<String> passwordHash;
    private final Map<String, Long> logins = new ConcurrentHashMap<>();

    Security(byte[] secret, Optional<String> passwordHash) {
        this.secret = secret.clone();
        this.passwordHash = passwordHash;
    }

    boolean passwordRequired() {
        return passwordHash.isPresent();
    }

    /** The CSRF token of a browser token. */
    String csrf(String clientToken) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(
                    ("csrf:" + clientToken).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** True when the token sent matches the browser's. */
    boolean csrfValid(String clientToken, String sent) {
        if (clientToken == null || sent == null) {
            return false;
        }
        return MessageDigest.isEqual(csrf(clientToken).getBytes(StandardCharsets.UTF_8),
                sent.getBytes(StandardCharsets.UTF_8));
    }

    /** Checks the password; a new login token when right. */
    Optional<String> login(String password) {
        if (passwordHash.isEmpty() || password == null || password.length() > 1024) {
            return Optional.empty();
        }
        boolean ok;
        try {
            ok = BCrypt.checkpw(password, passwordHash.get());
        } catch (IllegalArgumentException e) {
            ok = false;
        }
        if (!ok) {
            return Optional.empty();
        }
        String token = Ids.next();
        long now = System.currentTimeMillis() / 1000;
        logins.entrySet().removeIf(e -> e.getValue() < now);
        logins.put(Ids.hash(token), now + LOGIN_SECONDS);
        return Optional.of(token);
    }

    boolean loggedIn(String loginToken) {
        if (passwordHash.isEmpty()) {
            return true;
        }
        if (loginToken == null || !Ids.wellFormed(loginToken)) {
            return false;
        }
        Long until = logins.get(Ids.hash(loginToken));
        return until != null && until > System.currentTimeMillis() / 1000;
    }

    void logout(String loginToken) {
        if (loginToken != null) {
            logins.remove(Ids.hash(loginToken));
        }
    }

    /**
     * The BCrypt hash for a password file's content: a BCrypt hash as it is ({@code $2a$}, {@code $2b$},
     * {@code $2y$}, e.g. from {@code htpasswd -nbB}), else the password itself, hashed now (cost 12).
     */
    static String hashFromFile(String content) {
        String line = content.strip();
        int colon = line.indexOf(":$2");
        if (colon > 0) {
            line = line.substring(colon + 1); // htpasswd's user:hash
        }
        if (line.matches("\\$2[aby]?\\$\\d\\d\\$[./A-Za-z0-9]{53}")) {
            return line;
        }
        if (line.isEmpty()) {
            throw new IllegalArgumentException("the password file is empty");
        }
        if (line.length() < 8) {
            throw new IllegalArgumentException("the password in the password file is shorter than 8 characters");
        }
        return new BCryptPasswordEncoder(12).encode(line);
    }
}
