package org.gaitform.support;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * Reads a fuzzer's raw bytes as a stream of small decisions (counts, choices, lengths, blocks of bytes), for fuzz
 * targets that build a structurally valid file (a C3D header, a FIT file with its checks, a zip) around fuzzed
 * content so that the fuzzer gets past the magic numbers. Deterministic: the same bytes always give the same file,
 * so that regression inputs replay; an exhausted input yields zeros. {@link Writer} encodes seeds in the same way.
 */
public final class FuzzBytes {
    private final byte[] data;
    private int pos;

    public FuzzBytes(byte[] data) {
        this.data = data;
    }

    /** True when every byte was consumed. */
    public boolean exhausted() {
        return pos >= data.length;
    }

    /** One unsigned byte (0 when exhausted). */
    public int u8() {
        return pos < data.length ? data[pos++] & 0xFF : 0;
    }

    /** Two bytes, little-endian. */
    public int u16() {
        return u8() | (u8() << 8);
    }

    /** Four bytes, little-endian. */
    public int i32() {
        return u16() | (u16() << 16);
    }

    /** A float from four bytes. */
    public float f32() {
        return Float.intBitsToFloat(i32());
    }

    /** A value in {@code [0, n)} from one byte. */
    public int pick(int n) {
        return n <= 0 ? 0 : u8() % n;
    }

    /** One of the values. */
    @SafeVarargs
    public final <T> T pick(T... values) {
        return values[pick(values.length)];
    }

    /** A length-prefixed block (two-byte length, then as many bytes as there are, at most {@code max}). */
    public byte[] block(int max) {
        int n = Math.min(u16(), max);
        int k = Math.min(n, data.length - Math.min(pos, data.length));
        byte[] out = Arrays.copyOfRange(data, Math.min(pos, data.length), Math.min(pos, data.length) + k);
        pos += k;
        return out;
    }

    /** The bytes not consumed yet. */
    public byte[] rest() {
        byte[] out = pos < data.length ? Arrays.copyOfRange(data, pos, data.length) : new byte[0];
        pos = data.length;
        return out;
    }

    /** Encodes decisions as {@link FuzzBytes} reads them (to write seed inputs). */
    public static final class Writer {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        public Writer u8(int v) {
            out.write(v);
            return this;
        }

        public Writer u16(int v) {
            return u8(v & 0xFF).u8((v >> 8) & 0xFF);
        }

        public Writer i32(int v) {
            return u16(v & 0xFFFF).u16(v >>> 16);
        }

        public Writer f32(float v) {
            return i32(Float.floatToIntBits(v));
        }

        public Writer block(byte[] b) {
            u16(b.length);
            out.writeBytes(b);
            return this;
        }

        public Writer raw(byte[] b) {
            out.writeBytes(b);
            return this;
        }

        public byte[] bytes() {
            return out.toByteArray();
        }
    }
}
