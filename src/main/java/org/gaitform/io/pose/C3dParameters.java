package org.gaitform.io.pose;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gaitform.model.GaitformException;

/**
 * The parameter section of a C3D file (c3d.org): groups and parameters ({@code GROUP:NAME}) with their type
 * (-1 char, 1 byte, 2 int16, 4 float), dimensions and raw little-endian bytes. Shared by the point reader
 * ({@link C3dReader}) and the force-plate reader ({@code io.force.C3dForceReader}). Every record is checked against
 * the section's end, so that a damaged file gives a message and never reads past its data.
 */
public final class C3dParameters {
    /** Bytes of a C3D block. */
    public static final int BLOCK = 512;

    private C3dParameters() {
    }

    /** One parameter: its type (-1 char, 1 byte, 2 int16, 4 float), dimensions and raw bytes. */
    public record Param(int type, int[] dims, byte[] data) {
        long count() {
            long n = 1;
            for (int d : dims) {
                n = Math.min(n * d, 1L << 40); // dimensions of up to 255 each cannot overflow past this cap
            }
            return n;
        }
    }

    /**
     * The first value of an integer (type 2, read unsigned) or float (type 4) parameter; a parameter that declares
     * that type but holds no value is a damaged file.
     */
    public static double firstValue(Param p, String name, String source) {
        int size = Math.abs(p.type());
        if (p.data().length < size) {
            throw GaitformException.badInput(source, "parameter " + name, (p.type() == 4 ? "a float" : "an integer")
                    + " value", p.data().length == 0 ? "no value" : p.data().length + " byte(s)");
        }
        ByteBuffer v = ByteBuffer.wrap(p.data()).order(ByteOrder.LITTLE_ENDIAN);
        return p.type() == 4 ? v.getFloat(0) : v.getShort(0) & 0xFFFF;
    }

    /**
     * Reads the parameter section starting at byte {@code start}: every parameter keyed {@code GROUP:NAME}
     * (upper case).
     */
    public static Map<String, Param> parse(byte[] b, int start, String source) {
        Map<String, Param> out = new HashMap<>();
        Map<Integer, String> groups = new HashMap<>();
        List<Object[]> pending = new ArrayList<>();
        int nBlocks = b[start + 2] & 0xFF;
        int end = Math.min(b.length, start + Math.max(1, nBlocks) * BLOCK);
        int pos = start + 4;
        while (pos + 2 <= end) {
            int nameLen = Math.abs(b[pos]);
            int id = b[pos + 1];
            if (nameLen == 0) {
                break;
            }
            if (pos + 2 + nameLen + 2 > end) {
                throw GaitformException.badInput(source, "parameter section", "complete parameter records",
                        "a record running past the section (truncated or corrupt file)");
            }
            String name = new String(b, pos + 2, nameLen, StandardCharsets.US_ASCII).toUpperCase(Locale.ROOT);
            int offPos = pos + 2 + nameLen;
            int next = (short) ((b[offPos] & 0xFF) | ((b[offPos + 1] & 0xFF) << 8));
            if (next < 0) {
                throw GaitformException.badInput(source, "parameter section, record '" + name + "'",
                        "parameter records that follow one another", "a record pointing back (offset " + next + ")");
            }
            int body = offPos + 2;
            if (id < 0) {
                groups.put(-id, name);
            } else if (body + 2 <= end) {
                int type = b[body];
                int nd = b[body + 1] & 0xFF;
                int[] dims = new int[nd];
                int q = body + 2;
                if (q + nd > end) {
                    throw GaitformException.badInput(source, "parameter " + name, "its dimensions", "the end of the section");
                }
                for (int i = 0; i < nd; i++) {
                    dims[i] = b[q + i] & 0xFF;
                }
                q += nd;
                Param p = new Param(type, dims, new byte[0]);
                long len = p.count() * Math.abs(type);
                if (q + len > end) {
                    throw GaitformException.badInput(source, "parameter " + name, len + " bytes of data",
                            "the end of the parameter section (truncated or corrupt file)");
                }
                byte[] data = new byte[(int) len];
                System.arraycopy(b, q, data, 0, (int) len);
                pending.add(new Object[] {id, name, new Param(type, dims, data)});
            }
            if (next == 0) {
                break;
            }
            pos = offPos + next;
        }
        for (Object[] p : pending) {
            String g = groups.getOrDefault((Integer) p[0], "?");
            out.put(g + ":" + p[1], (Param) p[2]);
        }
        return out;
    }

    /** A char parameter as a list of strings (one per column of its first dimension). */
    public static List<String> strings(Param p) {
        List<String> out = new ArrayList<>();
        if (p == null || p.type() != -1) {
            return out;
        }
        if (p.dims().length == 0) {
            out.add(new String(p.data(), StandardCharsets.US_ASCII).trim());
            return out;
        }
        int len = p.dims()[0];
        if (len <= 0) {
            return out;
        }
        // never beyond the data (found by fuzzing: more dimensions than two, one of them 0, hold no data at all)
        int n = Math.min(p.dims().length > 1 ? p.dims()[1] : 1, p.data().length / len);
        for (int i = 0; i < n; i++) {
            out.add(new String(p.data(), i * len, len, StandardCharsets.US_ASCII).trim());
        }
        return out;
    }

    /** The values of an integer (type 2, signed) parameter, or an empty array. */
    public static int[] ints(Param p) {
        if (p == null || p.type() != 2) {
            return new int[0];
        }
        ByteBuffer v = ByteBuffer.wrap(p.data()).order(ByteOrder.LITTLE_ENDIAN);
        int[] out = new int[p.data().length / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = v.getShort(2 * i);
        }
        return out;
    }

    /** The values of a float (type 4) or integer (type 2) parameter, or an empty array. */
    public static double[] numbers(Param p) {
        if (p == null) {
            return new double[0];
        }
        if (p.type() == 2) {
            return java.util.Arrays.stream(ints(p)).asDoubleStream().toArray();
        }
        if (p.type() != 4) {
            return new double[0];
        }
        ByteBuffer v = ByteBuffer.wrap(p.data()).order(ByteOrder.LITTLE_ENDIAN);
        double[] out = new double[p.data().length / 4];
        for (int i = 0; i < out.length; i++) {
            out[i] = v.getFloat(4 * i);
        }
        return out;
    }
}
