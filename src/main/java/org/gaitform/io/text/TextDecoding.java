package org.gaitform.io.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Works out how a text file is encoded: a byte-order mark (UTF-8, UTF-16 LE/BE) wins; otherwise the
 * first 64 KiB must decode as UTF-8, failing which the file is read as windows-1252 (a superset of
 * Latin-1 that European exports use).
 *
 * @param charset   the character set to decode with
 * @param bomBytes  how many bytes of byte-order mark to skip
 * @param reason    a short sentence saying how the choice was made
 */
public record TextDecoding(Charset charset, int bomBytes, String reason) {

    private static final int PROBE_BYTES = 64 * 1024;

    /** Detects the encoding of a file from its first bytes. */
    public static TextDecoding detect(Path file) throws IOException {
        return detect(ByteSource.of(file));
    }

    /** Detects the encoding of a table from its first bytes. */
    public static TextDecoding detect(ByteSource source) throws IOException {
        byte[] head;
        try (InputStream in = source.open()) {
            head = in.readNBytes(PROBE_BYTES);
        }
        return detect(head);
    }

    /** Detects the encoding from the first bytes of a file. */
    public static TextDecoding detect(byte[] head) {
        if (head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
            return new TextDecoding(StandardCharsets.UTF_8, 3, "UTF-8 byte-order mark");
        }
        if (head.length >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE) {
            return new TextDecoding(StandardCharsets.UTF_16LE, 2, "UTF-16 little-endian byte-order mark");
        }
        if (head.length >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF) {
            return new TextDecoding(StandardCharsets.UTF_16BE, 2, "UTF-16 big-endian byte-order mark");
        }
        if (looksLikeUtf16WithoutBom(head)) {
            boolean le = head.length > 1 && head[1] == 0;
            return new TextDecoding(le ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16BE, 0,
                    "every other byte is zero (UTF-16 without byte-order mark)");
        }
        if (decodesAs(head, StandardCharsets.UTF_8)) {
            return new TextDecoding(StandardCharsets.UTF_8, 0, "valid UTF-8");
        }
        return new TextDecoding(Charset.forName("windows-1252"), 0, "not valid UTF-8; read as windows-1252 (Latin-1)");
    }

    private static boolean looksLikeUtf16WithoutBom(byte[] head) {
        int n = Math.min(head.length, 512) & ~1;
        if (n < 8) {
            return false;
        }
        int zerosEven = 0;
        int zerosOdd = 0;
        for (int i = 0; i < n; i += 2) {
            if (head[i] == 0) {
                zerosEven++;
            }
            if (head[i + 1] == 0) {
                zerosOdd++;
            }
        }
        int pairs = n / 2;
        return zerosEven > pairs * 0.8 || zerosOdd > pairs * 0.8;
    }

    private static boolean decodesAs(byte[] head, Charset cs) {
        // a multi-byte sequence may be cut at the end of the probe: ignore the last 3 bytes
        byte[] probe = head.length == PROBE_BYTES ? Arrays.copyOf(head, head.length - 3) : head;
        try {
            cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(probe));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** Opens the file as text with this encoding, the byte-order mark skipped. */
    public BufferedReader open(Path file) throws IOException {
        return open(ByteSource.of(file));
    }

    /** Opens a table as text with this encoding, the byte-order mark skipped. */
    public BufferedReader open(ByteSource source) throws IOException {
        InputStream in = source.open();
        try {
            long skipped = in.skip(bomBytes);
            if (skipped != bomBytes) {
                throw new IOException("could not skip the byte-order mark");
            }
            Reader r = new InputStreamReader(in, charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE));
            return new BufferedReader(r, 1 << 16);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }
}
