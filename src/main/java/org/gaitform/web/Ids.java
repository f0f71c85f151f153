package org.gaitform.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Random identifiers: upload ids, browser tokens, login tokens. 128 bits from {@link SecureRandom}, written as
 * 22 characters of URL-safe base64; an id is the only key to an upload, so it must not be guessable.
 */
final class Ids {
    /** Bits of randomness in every id. */
    static final int BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{22}");

    private Ids() {
    }

    /** A new random id. */
    static String next() {
        byte[] b = new byte[BITS / 8];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** True when the text has the shape of an id (says nothing about whether it exists). */
    static boolean wellFormed(String s) {
        return s != null && SHAPE.matcher(s).matches();
    }

    /** SHA-256 of a token, hex: what is stored instead of the token. */
    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Random bytes (the server's secret key). */
    static byte[] bytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }
}
