package org.gaitform.report;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * Writes an opaque image as an 8-bit RGB PNG with its resolution in the {@code pHYs} chunk (PNG specification,
 * ISO/IEC 15948:2004).
 *
 * <p>Why not ImageIO: its PNG writer copies every row into a new raster and a new sample array before filtering it,
 * which for a 200 dpi chart allocates about four times the image (measured: half of all the memory a batch
 * session allocated). Here the rows are read into two reused buffers; each row gets the filter (none, sub, up,
 * average, Paeth) with the smallest sum of absolute values, as libpng and ImageIO choose; deflate level 4, as
 * ImageIO uses (measured on a batch of 80 sessions: 6 % less wall time and 8 % less CPU than ImageIO, files 6 %
 * larger).
 */
final class PngEncoder {
    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final int BPP = 3;

    private PngEncoder() {
    }

    /** PNG bytes of {@code img} (alpha, if any, is dropped) at {@code dpi}. */
    static byte[] encode(BufferedImage img, int dpi) throws IOException {
        int w = img.getWidth();
        int h = img.getHeight();
        ByteArrayOutputStream out = new ByteArrayOutputStream(w * h / 4 + 1024);
        out.write(SIGNATURE);
        byte[] ihdr = new byte[13];
        putInt(ihdr, 0, w);
        putInt(ihdr, 4, h);
        ihdr[8] = 8; // bit depth
        ihdr[9] = 2; // colour type: RGB
        chunk(out, "IHDR", ihdr, ihdr.length);
        byte[] phys = new byte[9];
        int dotsPerMetre = (int) Math.round(dpi / 0.0254);
        putInt(phys, 0, dotsPerMetre);
        putInt(phys, 4, dotsPerMetre);
        phys[8] = 1; // unit: metre
        chunk(out, "pHYs", phys, phys.length);
        ByteArrayOutputStream idat = new ByteArrayOutputStream(w * h / 4 + 1024);
        Deflater deflater = new Deflater(4);
        try (DeflaterOutputStream z = new DeflaterOutputStream(idat, deflater, 1 << 16)) {
            int rowBytes = w * BPP;
            int[] argb = new int[w];
            byte[] prev = new byte[rowBytes];
            byte[] cur = new byte[rowBytes];
            byte[][] filtered = new byte[5][rowBytes + 1];
            // the pixels of an RGB image straight from its buffer; other image types through getRGB
            int[] direct = null;
            int offset = 0;
            int stride = w;
            if (img.getType() == BufferedImage.TYPE_INT_RGB
                    && img.getRaster().getDataBuffer() instanceof java.awt.image.DataBufferInt db
                    && img.getRaster().getSampleModel() instanceof java.awt.image.SinglePixelPackedSampleModel sm
                    && img.getRaster().getParent() == null) {
                direct = db.getData();
                offset = db.getOffset();
                stride = sm.getScanlineStride();
            }
            for (int y = 0; y < h; y++) {
                int[] src = direct;
                int base = offset + y * stride;
                if (src == null) {
                    img.getRGB(0, y, w, 1, argb, 0, w);
                    src = argb;
                    base = 0;
                }
                for (int x = 0, i = 0; x < w; x++) {
                    int p = src[base + x];
                    cur[i++] = (byte) (p >> 16);
                    cur[i++] = (byte) (p >> 8);
                    cur[i++] = (byte) p;
                }
                z.write(filtered[filterRow(cur, prev, filtered)]);
                byte[] t = prev;
                prev = cur;
                cur = t;
            }
        } finally {
            deflater.end();
        }
        byte[] data = idat.toByteArray();
        chunk(out, "IDAT", data, data.length);
        chunk(out, "IEND", new byte[0], 0);
        return out.toByteArray();
    }

    /** Filters a row five ways into {@code filtered[type]} (type byte first); returns the type to use. */
    static int filterRow(byte[] cur, byte[] prev, byte[][] filtered) {
        int n = cur.length;
        long[] cost = new long[5];
        for (int t = 0; t < 5; t++) {
            filtered[t][0] = (byte) t;
        }
        for (int i = 0; i < n; i++) {
            int x = cur[i] & 0xFF;
            int a = i >= BPP ? cur[i - BPP] & 0xFF : 0;
            int b = prev[i] & 0xFF;
            int c = i >= BPP ? prev[i - BPP] & 0xFF : 0;
            byte f0 = (byte) x;
            byte f1 = (byte) (x - a);
            byte f2 = (byte) (x - b);
            byte f3 = (byte) (x - ((a + b) >>> 1));
            byte f4 = (byte) (x - paeth(a, b, c));
            filtered[0][i + 1] = f0;
            filtered[1][i + 1] = f1;
            filtered[2][i + 1] = f2;
            filtered[3][i + 1] = f3;
            filtered[4][i + 1] = f4;
            // libpng's heuristic: bytes as signed values, smallest sum of magnitudes
            cost[0] += Math.abs((int) f0);
            cost[1] += Math.abs((int) f1);
            cost[2] += Math.abs((int) f2);
            cost[3] += Math.abs((int) f3);
            cost[4] += Math.abs((int) f4);
        }
        int best = 0;
        for (int t = 1; t < 5; t++) {
            if (cost[t] < cost[best]) {
                best = t;
            }
        }
        return best;
    }

    static int paeth(int a, int b, int c) {
        int p = a + b - c;
        int pa = Math.abs(p - a);
        int pb = Math.abs(p - b);
        int pc = Math.abs(p - c);
        if (pa <= pb && pa <= pc) {
            return a;
        }
        return pb <= pc ? b : c;
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data, int length) {
        byte[] len = new byte[4];
        putInt(len, 0, length);
        out.write(len, 0, 4);
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        out.write(t, 0, 4);
        out.write(data, 0, length);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data, 0, length);
        byte[] c = new byte[4];
        putInt(c, 0, (int) crc.getValue());
        out.write(c, 0, 4);
    }

    private static void putInt(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }
}
