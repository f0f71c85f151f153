package org.gaitform.io.fit;

/**
 * The 16-bit cyclic redundancy check of the FIT protocol (CRC-16 with the reflected polynomial 0xA001,
 * initial value 0), computed four bits at a time as the protocol document describes. A file's last two
 * bytes hold the check of everything before them; a 14-byte file header holds the check of its first
 * twelve bytes.
 */
public final class FitCrc {
    private static final int[] TABLE = new int[16];

    static {
        for (int n = 0; n < 16; n++) {
            int c = n;
            for (int k = 0; k < 4; k++) {
                c = (c & 1) != 0 ? (c >>> 1) ^ 0xA001 : c >>> 1;
            }
            TABLE[n] = c;
        }
    }

    private FitCrc() {
    }

    /** Updates a running check with one byte. */
    public static int update(int crc, int b) {
        int tmp = TABLE[crc & 0xF];
        crc = (crc >>> 4) & 0x0FFF;
        crc = crc ^ tmp ^ TABLE[b & 0xF];
        tmp = TABLE[crc & 0xF];
        crc = (crc >>> 4) & 0x0FFF;
        return crc ^ tmp ^ TABLE[(b >>> 4) & 0xF];
    }

    /** The check of {@code length} bytes from {@code from}. */
    public static int of(byte[] bytes, int from, int length) {
        int crc = 0;
        for (int i = from; i < from + length; i++) {
            crc = update(crc, bytes[i]);
        }
        return crc;
    }
}
