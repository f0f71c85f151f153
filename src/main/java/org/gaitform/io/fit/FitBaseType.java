package org.gaitform.io.fit;

/**
 * The base types of the FIT protocol: how many bytes one element takes, whether it is signed, a float
 * or text, and which raw value means "invalid" (not recorded). Ids are those written in definition
 * messages (the endian-ability bit 0x80 included).
 */
public enum FitBaseType {
    ENUM(0x00, 1, Kind.UNSIGNED, 0xFFL),
    SINT8(0x01, 1, Kind.SIGNED, 0x7FL),
    UINT8(0x02, 1, Kind.UNSIGNED, 0xFFL),
    SINT16(0x83, 2, Kind.SIGNED, 0x7FFFL),
    UINT16(0x84, 2, Kind.UNSIGNED, 0xFFFFL),
    SINT32(0x85, 4, Kind.SIGNED, 0x7FFFFFFFL),
    UINT32(0x86, 4, Kind.UNSIGNED, 0xFFFFFFFFL),
    STRING(0x07, 1, Kind.TEXT, 0L),
    FLOAT32(0x88, 4, Kind.FLOAT, 0xFFFFFFFFL),
    FLOAT64(0x89, 8, Kind.FLOAT, -1L),
    UINT8Z(0x0A, 1, Kind.UNSIGNED, 0L),
    UINT16Z(0x8B, 2, Kind.UNSIGNED, 0L),
    UINT32Z(0x8C, 4, Kind.UNSIGNED, 0L),
    BYTE(0x0D, 1, Kind.UNSIGNED, 0xFFL),
    SINT64(0x8E, 8, Kind.SIGNED, 0x7FFFFFFFFFFFFFFFL),
    UINT64(0x8F, 8, Kind.UNSIGNED, -1L),
    UINT64Z(0x90, 8, Kind.UNSIGNED, 0L);

    /** How the bytes of an element are read. */
    enum Kind { SIGNED, UNSIGNED, FLOAT, TEXT }

    private final int id;
    private final int size;
    private final Kind kind;
    private final long invalid;

    FitBaseType(int id, int size, Kind kind, long invalid) {
        this.id = id;
        this.size = size;
        this.kind = kind;
        this.invalid = invalid;
    }

    /** The id written in definition messages. */
    public int id() {
        return id;
    }

    /** Bytes per element. */
    public int size() {
        return size;
    }

    Kind kind() {
        return kind;
    }

    /** True for signed and unsigned integers (including enums and bytes). */
    public boolean isInteger() {
        return kind == Kind.SIGNED || kind == Kind.UNSIGNED;
    }

    /** The base type with this id (the low five bits decide, as in the protocol), or {@code null}. */
    public static FitBaseType of(int id) {
        int number = id & 0x1F;
        for (FitBaseType t : values()) {
            if ((t.id & 0x1F) == number) {
                return t;
            }
        }
        return null;
    }

    /**
     * Reads one integer element as its raw bits (sign-extended for signed types).
     *
     * @param b         the bytes
     * @param at        offset of the element
     * @param bigEndian byte order of the message
     */
    long readRaw(byte[] b, int at, boolean bigEndian) {
        long v = 0;
        for (int i = 0; i < size; i++) {
            int k = bigEndian ? i : size - 1 - i;
            v = (v << 8) | (b[at + k] & 0xFFL);
        }
        if (kind == Kind.SIGNED && size < 8) {
            int shift = 64 - 8 * size;
            v = (v << shift) >> shift;
        }
        return v;
    }

    /** True when the raw bits of an element are this type's "invalid" marker. */
    boolean isInvalid(long raw) {
        if (kind == Kind.FLOAT) {
            return size == 4 ? (raw & 0xFFFFFFFFL) == 0xFFFFFFFFL : raw == -1L;
        }
        if (kind == Kind.SIGNED) {
            return raw == invalid;
        }
        long mask = size == 8 ? -1L : (1L << (8 * size)) - 1;
        return (raw & mask) == (invalid & mask);
    }

    /** The numeric value of raw bits (floats decoded, unsigned 64-bit values approximated). */
    double toDouble(long raw) {
        if (kind == Kind.FLOAT) {
            return size == 4 ? Float.intBitsToFloat((int) raw) : Double.longBitsToDouble(raw);
        }
        if (kind == Kind.UNSIGNED && size == 8 && raw < 0) {
            return (raw >>> 1) * 2.0 + (raw & 1);
        }
        return raw;
    }
}
