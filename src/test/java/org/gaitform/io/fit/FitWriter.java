package org.gaitform.io.fit;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * A minimal FIT encoder for tests: definitions and data messages (normal or compressed-time-stamp headers, either
 * byte order, developer fields), wrapped in a 14-byte header and the file check. Raw values are written as given
 * (the test chooses them, including invalid markers).
 */
public final class FitWriter {
    /** A field of a definition: number, size in bytes, base type id. */
    public record F(int num, int size, int type) {
    }

    private record Def(int global, boolean big, F[] fields, F[] dev) {
    }

    private final ByteArrayOutputStream data = new ByteArrayOutputStream();
    private final Map<Integer, Def> defs = new HashMap<>();

    public static F f(int num, int size, int type) {
        return new F(num, size, type);
    }

    /** A definition message (developer fields: num, size, developer index in the {@code type} slot). */
    public FitWriter define(int local, int global, boolean bigEndian, F[] fields, F... dev) {
        data.write(0x40 | (dev.length > 0 ? 0x20 : 0) | local);
        data.write(0);
        data.write(bigEndian ? 1 : 0);
        if (bigEndian) {
            data.write(global >> 8);
            data.write(global & 0xFF);
        } else {
            data.write(global & 0xFF);
            data.write(global >> 8);
        }
        data.write(fields.length);
        for (F fd : fields) {
            data.write(fd.num());
            data.write(fd.size());
            data.write(fd.type());
        }
        if (dev.length > 0) {
            data.write(dev.length);
            for (F fd : dev) {
                data.write(fd.num());
                data.write(fd.size());
                data.write(fd.type());
            }
        }
        defs.put(local, new Def(global, bigEndian, fields, dev));
        return this;
    }

    public FitWriter define(int local, int global, F... fields) {
        return define(local, global, false, fields);
    }

    /** A data message; values in definition order (native then developer fields). */
    public FitWriter data(int local, Object... values) {
        data.write(local);
        return values(local, values);
    }

    /** A data message with a compressed time-stamp header (local type 0–3, offset 0–31). */
    public FitWriter compressed(int local, int offset, Object... values) {
        data.write(0x80 | (local << 5) | (offset & 0x1F));
        return values(local, values);
    }

    /** Raw bytes inserted as they are (for damaged files). */
    public FitWriter raw(int... bytes) {
        for (int b : bytes) {
            data.write(b);
        }
        return this;
    }

    private FitWriter values(int local, Object... values) {
        Def d = defs.get(local);
        F[] all = new F[d.fields().length + d.dev().length];
        System.arraycopy(d.fields(), 0, all, 0, d.fields().length);
        System.arraycopy(d.dev(), 0, all, d.fields().length, d.dev().length);
        if (values.length != all.length) {
            throw new IllegalArgumentException(values.length + " values for " + all.length + " fields");
        }
        for (int i = 0; i < all.length; i++) {
            write(values[i], all[i].size(), elementSize(all[i]), d.big());
        }
        return this;
    }

    private static int elementSize(F f) {
        return switch (f.type() & 0x1F) {
            case 3, 4, 0x0B -> 2;
            case 5, 6, 8, 0x0C -> 4;
            case 9, 0x0E, 0x0F, 0x10 -> 8;
            default -> 1;
        };
    }

    private void write(Object v, int size, int element, boolean big) {
        if (v instanceof String s) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < size; i++) {
                data.write(i < b.length ? b[i] : 0);
            }
        } else if (v instanceof long[] arr) {
            for (long x : arr) {
                number(x, element, big);
            }
        } else if (v instanceof Float fl) {
            number(Float.floatToIntBits(fl) & 0xFFFFFFFFL, 4, big);
        } else {
            number(((Number) v).longValue(), size, big);
        }
    }

    private void number(long v, int size, boolean big) {
        for (int i = 0; i < size; i++) {
            int shift = 8 * (big ? size - 1 - i : i);
            data.write((int) (v >>> shift) & 0xFF);
        }
    }

    /** The file: 14-byte header with its check, the messages, the file check. */
    public byte[] bytes() {
        byte[] body = data.toByteArray();
        byte[] out = new byte[14 + body.length + 2];
        out[0] = 14;
        out[1] = 0x20;
        out[2] = (byte) (2132 & 0xFF);
        out[3] = (byte) (2132 >> 8);
        for (int i = 0; i < 4; i++) {
            out[4 + i] = (byte) (body.length >>> (8 * i));
        }
        out[8] = '.';
        out[9] = 'F';
        out[10] = 'I';
        out[11] = 'T';
        int hc = FitCrc.of(out, 0, 12);
        out[12] = (byte) hc;
        out[13] = (byte) (hc >> 8);
        System.arraycopy(body, 0, out, 14, body.length);
        int crc = FitCrc.of(out, 0, 14 + body.length);
        out[14 + body.length] = (byte) crc;
        out[15 + body.length] = (byte) (crc >> 8);
        return out;
    }

    /** Files one after the other (a chained FIT file). */
    public static byte[] chain(byte[]... files) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        for (byte[] f : files) {
            o.writeBytes(f);
        }
        return o.toByteArray();
    }
}
