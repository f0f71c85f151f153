package org.gaitform.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Writes zip archives byte by byte, including crafted ones that a zip library would refuse to write: central
 * directory entries that point into one shared deflate stream (an "overlapping" zip bomb), sizes that understate
 * what the data inflate to, and archives of very many entries.
 */
public final class CraftedZip {
    /** One local entry (header + data) as written. */
    public record Local(String name, int method, long crc, long compressedSize, long size, long offset) {
    }

    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private final List<byte[]> central = new ArrayList<>();

    /** Adds an entry with its local header and data; returns where it is. */
    public Local add(String name, byte[] content, boolean deflate) {
        byte[] data = deflate ? deflate(content) : content;
        CRC32 crc = new CRC32();
        crc.update(content);
        Local l = new Local(name, deflate ? 8 : 0, crc.getValue(), data.length, content.length, body.size());
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        ByteBuffer h = le(30);
        h.putInt(0x04034b50).putShort((short) 20).putShort((short) 0x0800).putShort((short) l.method())
                .putShort((short) 0).putShort((short) 0).putInt((int) l.crc()).putInt((int) l.compressedSize())
                .putInt((int) l.size()).putShort((short) n.length).putShort((short) 0);
        body.writeBytes(h.array());
        body.writeBytes(n);
        body.writeBytes(data);
        return l;
    }

    /** Adds a central directory entry named {@code name} that points at {@code at} and states the given sizes. */
    public CraftedZip directory(String name, Local at, long statedCompressed, long statedSize) {
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        ByteBuffer c = le(46 + n.length);
        c.putInt(0x02014b50).putShort((short) 20).putShort((short) 20).putShort((short) 0x0800)
                .putShort((short) at.method()).putShort((short) 0).putShort((short) 0).putInt((int) at.crc())
                .putInt((int) statedCompressed).putInt((int) statedSize).putShort((short) n.length).putShort((short) 0)
                .putShort((short) 0).putShort((short) 0).putShort((short) 0).putInt(0).putInt((int) at.offset()).put(n);
        central.add(c.array());
        return this;
    }

    /** Adds a central directory entry that states the local entry truly. */
    public CraftedZip directory(Local at) {
        return directory(at.name(), at, at.compressedSize(), at.size());
    }

    /** The archive. */
    public byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out);
        return out.toByteArray();
    }

    /** Writes the archive to a file. */
    public Path write(Path file) throws IOException {
        try (OutputStream o = Files.newOutputStream(file)) {
            write(o);
        }
        return file;
    }

    private void write(OutputStream o) {
        try {
            long cenStart = body.size();
            body.writeTo(o);
            long cenSize = 0;
            for (byte[] c : central) {
                o.write(c);
                cenSize += c.length;
            }
            ByteBuffer e = le(22);
            int count = Math.min(central.size(), 0xFFFF);
            e.putInt(0x06054b50).putShort((short) 0).putShort((short) 0).putShort((short) count).putShort((short) count)
                    .putInt((int) cenSize).putInt((int) cenStart).putShort((short) 0);
            o.write(e.array());
        } catch (IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
    }

    /** Raw deflate (no zlib header), as zip entries hold it. */
    public static byte[] deflate(byte[] content) {
        Deflater d = new Deflater(Deflater.BEST_SPEED, true);
        d.setInput(content);
        d.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[1 << 16];
        while (!d.finished()) {
            out.write(buf, 0, d.deflate(buf));
        }
        d.end();
        return out.toByteArray();
    }

    private static ByteBuffer le(int n) {
        return ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
    }

    /**
     * The bomb of issue 11: eight directory entries — the Sensor Logger streams and others — that all point into one
     * deflate stream of {@code megabytes} MiB of CSV-like text, each stating a size of a few kilobytes.
     */
    public static byte[] overlappingBomb(int megabytes) {
        StringBuilder row = new StringBuilder("time,seconds_elapsed,z,y,x\n");
        byte[] line = "1700000000000000000,0.0000,9.8000,0.0000,0.0000\n".getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        content.writeBytes(row.toString().getBytes(StandardCharsets.US_ASCII));
        while (content.size() < (megabytes << 20)) {
            content.writeBytes(line);
        }
        CraftedZip z = new CraftedZip();
        Local shared = z.add("TotalAcceleration.csv", content.toByteArray(), true);
        for (String n : List.of("TotalAcceleration.csv", "Gyroscope.csv", "Accelerometer.csv", "Gravity.csv",
                "Orientation.csv", "Magnetometer.csv", "Barometer.csv", "Location.csv")) {
            z.directory(n, shared, shared.compressedSize(), 4096);
        }
        return z.bytes();
    }

    /**
     * {@code count} tiny entries ({@code f/000001.csv} …) after an {@code Accelerometer.csv}, written by the JDK's
     * zip writer (with ZIP64 end records beyond 65535 entries).
     */
    public static byte[] manyEntries(int count) {
        ByteArrayOutputStream bo = new ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream z = new java.util.zip.ZipOutputStream(bo)) {
            z.setLevel(Deflater.BEST_SPEED);
            z.putNextEntry(new java.util.zip.ZipEntry("Accelerometer.csv"));
            z.write(MalformedFiles.sensorLoggerStream(100, 20, 9.8, 2).getBytes(StandardCharsets.US_ASCII));
            z.closeEntry();
            byte[] tiny = "time,x\n0,1\n".getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < count; i++) {
                z.putNextEntry(new java.util.zip.ZipEntry(String.format("f/%06d.csv", i)));
                z.write(tiny);
                z.closeEntry();
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return bo.toByteArray();
    }
}
