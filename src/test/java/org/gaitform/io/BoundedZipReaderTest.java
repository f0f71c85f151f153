package org.gaitform.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.gaitform.model.GaitformException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Zips read within limits: inflated bytes against a budget, entry counts capped, overlapping entries refused. */
class BoundedZipReaderTest {
    static final BoundedZipReader.Limits SMALL = new BoundedZipReader.Limits(10, 1 << 20, 3 << 20);

    @TempDir
    Path tmp;

    private Path zip(String name, String... entriesAndContent) throws IOException {
        Path p = tmp.resolve(name);
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(p))) {
            for (int i = 0; i < entriesAndContent.length; i += 2) {
                z.putNextEntry(new ZipEntry(entriesAndContent[i]));
                z.write(entriesAndContent[i + 1].getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
        }
        return p;
    }

    @Test
    void anOrdinaryArchiveIsRead() throws IOException {
        Path p = zip("ok.zip", "a/activities.csv", "id\n1\n", "a/activities/1.gpx", "<gpx/>");
        try (BoundedZipReader r = BoundedZipReader.open(p, "ok.zip", SMALL)) {
            assertThat(r.names()).containsExactly("a/activities.csv", "a/activities/1.gpx");
            assertThat(new String(r.read("a/activities.csv", 100), StandardCharsets.UTF_8)).isEqualTo("id\n1\n");
            assertThat(r.budget().used()).isEqualTo(5);
        }
    }

    @Test
    void aSmallArchiveThatInflatesBeyondTheBudgetStops() throws IOException {
        // 4 MiB of zeros compress to a few KiB: the budget of 3 MiB stops it, the entry limit of 1 MiB first
        Path p = tmp.resolve("bomb.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(p))) {
            for (int k = 0; k < 4; k++) {
                z.putNextEntry(new ZipEntry("part" + k));
                z.write(new byte[(1 << 20) - 10]);
                z.closeEntry();
            }
        }
        assertThat(Files.size(p)).isLessThan(20_000);
        try (BoundedZipReader r = BoundedZipReader.open(p, "bomb.zip", SMALL)) {
            assertThatThrownBy(() -> {
                for (String n : r.names()) {
                    try (InputStream in = r.open(n)) {
                        in.transferTo(java.io.OutputStream.nullOutputStream());
                    }
                }
            }).isInstanceOf(GaitformException.class).hasMessageContaining("bomb.zip")
                    .hasMessageContaining("inflates to at most 3 MiB");
        }
        Path big = tmp.resolve("big.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(big))) {
            z.putNextEntry(new ZipEntry("one"));
            z.write(new byte[2 << 20]);
            z.closeEntry();
        }
        try (BoundedZipReader r = BoundedZipReader.open(big, "big.zip", SMALL)) {
            assertThatThrownBy(() -> r.read("one", Long.MAX_VALUE)).hasMessageContaining("big.zip!one")
                    .hasMessageContaining("an entry that inflates to at most 1 MiB");
        }
    }

    @Test
    void tooManyEntriesAreRefusedBeforeAnythingIsRead() throws IOException {
        String[] e = new String[24];
        for (int i = 0; i < 12; i++) {
            e[2 * i] = "f" + i;
            e[2 * i + 1] = "x";
        }
        Path p = zip("many.zip", e);
        assertThatThrownBy(() -> BoundedZipReader.open(p, "many.zip", SMALL)).isInstanceOf(GaitformException.class)
                .hasMessageContaining("many.zip").hasMessageContaining("at most 10 entries").hasMessageContaining("12");
    }

    @Test
    void namesThatLeaveTheArchiveAreRefused() throws IOException {
        Path p = zip("evil.zip", "../../etc/passwd", "x");
        assertThatThrownBy(() -> BoundedZipReader.open(p, "evil.zip", SMALL)).isInstanceOf(GaitformException.class)
                .hasMessageContaining("a name that leaves it");
    }

    /** Stored entries written by hand, their central directory pointing every entry at the same data. */
    private static byte[] overlapping(int entries) {
        byte[] data = "the same bytes, many names".getBytes(StandardCharsets.UTF_8);
        CRC32 crc = new CRC32();
        crc.update(data);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] name0 = "n0".getBytes(StandardCharsets.UTF_8);
        out.writeBytes(local(name0, data, (int) crc.getValue()));
        int cdStart = out.size();
        List<byte[]> cd = new ArrayList<>();
        for (int i = 0; i < entries; i++) {
            byte[] name = ("n" + i).getBytes(StandardCharsets.UTF_8);
            ByteBuffer b = ByteBuffer.allocate(46 + name.length).order(ByteOrder.LITTLE_ENDIAN);
            b.putInt(0x02014b50).putShort((short) 20).putShort((short) 20).putShort((short) 0).putShort((short) 0)
                    .putShort((short) 0).putShort((short) 0).putInt((int) crc.getValue()).putInt(data.length)
                    .putInt(data.length).putShort((short) name.length).putShort((short) 0).putShort((short) 0)
                    .putShort((short) 0).putShort((short) 0).putInt(0).putInt(0).put(name);
            cd.add(b.array());
        }
        cd.forEach(out::writeBytes);
        int cdSize = out.size() - cdStart;
        ByteBuffer e = ByteBuffer.allocate(22).order(ByteOrder.LITTLE_ENDIAN);
        e.putInt(0x06054b50).putShort((short) 0).putShort((short) 0).putShort((short) entries).putShort((short) entries)
                .putInt(cdSize).putInt(cdStart).putShort((short) 0);
        out.writeBytes(e.array());
        return out.toByteArray();
    }

    private static byte[] local(byte[] name, byte[] data, int crc) {
        ByteBuffer b = ByteBuffer.allocate(30 + name.length + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0x04034b50).putShort((short) 20).putShort((short) 0).putShort((short) 0).putShort((short) 0)
                .putShort((short) 0).putInt(crc).putInt(data.length).putInt(data.length).putShort((short) name.length)
                .putShort((short) 0).put(name).put(data);
        return b.array();
    }

    @Test
    void entriesThatShareTheirDataAreRefused() throws IOException {
        Path p = tmp.resolve("overlap.zip");
        Files.write(p, overlapping(5));
        assertThatThrownBy(() -> BoundedZipReader.open(p, "overlap.zip", SMALL)).isInstanceOf(GaitformException.class)
                .hasMessageContaining("overlap.zip").hasMessageContaining("entries that overlap");
        // the same layout with one entry is an ordinary archive
        Path one = tmp.resolve("one.zip");
        Files.write(one, overlapping(1));
        try (BoundedZipReader r = BoundedZipReader.open(one, "one.zip", SMALL)) {
            assertThat(new String(r.read("n0", 100), StandardCharsets.UTF_8)).isEqualTo("the same bytes, many names");
        }
    }

    @Test
    void aNestedArchiveIsReadAsAStreamAgainstTheSameBudget() throws IOException {
        ByteArrayOutputStream inner = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(inner)) {
            for (int k = 0; k < 4; k++) {
                z.putNextEntry(new ZipEntry("a" + k + ".fit"));
                z.write(new byte[900_000]);
                z.closeEntry();
            }
        }
        Path p = tmp.resolve("outer.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(p))) {
            z.putNextEntry(new ZipEntry("DI_CONNECT/DI-Connect-Uploaded-Files/UploadedFiles_0-_Part1.zip"));
            z.write(inner.toByteArray());
            z.closeEntry();
        }
        List<String> seen = new ArrayList<>();
        try (BoundedZipReader r = BoundedZipReader.open(p, "outer.zip", SMALL)) {
            assertThatThrownBy(() -> r.forEachNested(r.names().get(0), (name, in) -> {
                seen.add(name);
                in.transferTo(java.io.OutputStream.nullOutputStream());
            })).isInstanceOf(GaitformException.class).hasMessageContaining("inflates to at most 3 MiB");
        }
        // the first three fit (2.7 MB), the fourth crosses 3 MiB while it is read
        assertThat(seen).containsExactly("a0.fit", "a1.fit", "a2.fit", "a3.fit");
    }

    @Test
    void whatIsNotAZipSaysSo() throws IOException {
        Path p = tmp.resolve("not.zip");
        Files.writeString(p, "just some text, long enough to hold an end record's worth of bytes");
        assertThatThrownBy(() -> BoundedZipReader.open(p, "not.zip", SMALL)).isInstanceOf(GaitformException.class)
                .hasMessageContaining("not.zip").hasMessageContaining("no end-of-central-directory record");
    }
}
