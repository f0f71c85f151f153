package org.gaitform.io.pose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A video's size and frame rate from its headers: AVI's main header, MP4's track, media and time-to-sample boxes. */
class VideoHeadersTest {
    @TempDir
    Path dir;

    @Test
    void aviMainHeaders() throws IOException {
        assertThat(VideoHeaders.avi(avi(33_333, 1280, 720), "a.avi")).get().satisfies(h -> {
            assertThat(h.width()).isEqualTo(1280);
            assertThat(h.height()).isEqualTo(720);
            assertThat(h.fps()).isCloseTo(30.0, within(0.01));
        });
        assertThat(VideoHeaders.avi(avi(1_000_000 / 59, 1080, 1920), "a.avi")).get()
                .satisfies(h -> assertThat(h.fps()).isCloseTo(60000.0 / 1001, within(1e-9)));
        assertThat(VideoHeaders.avi(avi(40_000, 720, 576), "a.avi")).get()
                .satisfies(h -> assertThat(h.fps()).isCloseTo(25.0, within(1e-9)));
        byte[] notAvi = avi(33_333, 1280, 720);
        notAvi[8] = 'W';
        assertThat(VideoHeaders.avi(notAvi, "a.avi")).isEmpty();
        assertThat(VideoHeaders.avi(avi(33_333, 0, 720), "a.avi")).isEmpty();
        assertThat(VideoHeaders.avi(new byte[5], "a.avi")).isEmpty();
        assertThat(VideoHeaders.avi(avi(0, 640, 480), "a.avi")).get()
                .satisfies(h -> assertThat(h.fps()).isZero());
        Path f = Files.write(dir.resolve("run.avi"), avi(33_367, 1920, 1080));
        assertThat(VideoHeaders.of(f)).get().satisfies(h -> assertThat(h.fps()).isCloseTo(29.97, within(0.01)));
    }

    @Test
    void mp4TracksWhereverTheMovieBoxLies() throws IOException {
        // OpenCV writes the movie box after the media data; a sound track before the video track is passed over
        byte[] file = cat(box("ftyp", "isom".getBytes(StandardCharsets.US_ASCII)), box("mdat", new byte[5000]),
                box("moov", cat(trak("soun", 0, 0, 48000, 1024, 100), trak("vide", 1080, 1920, 30000, 1001, 300))));
        Path f = Files.write(dir.resolve("run.mp4"), file);
        assertThat(VideoHeaders.of(f)).get().satisfies(h -> {
            assertThat(h.width()).isEqualTo(1080);
            assertThat(h.height()).isEqualTo(1920);
            assertThat(h.fps()).isCloseTo(29.97, within(0.001));
            assertThat(h.fpsReason()).contains("29.970 fps in its header");
        });
        // a whole 29 fps (OpenCV's writer) stands for NTSC's 29.97
        Path g = Files.write(dir.resolve("g.mov"), cat(box("moov", trak("vide", 1920, 1080, 29 * 512, 512, 90)),
                box("mdat", new byte[10])));
        assertThat(VideoHeaders.of(g)).get().satisfies(h -> {
            assertThat(h.fps()).isCloseTo(30000.0 / 1001, within(1e-9));
            assertThat(h.fpsReason()).contains("29 fps in its header", "NTSC");
        });
        // no video track, a truncated box, another kind of file
        assertThat(VideoHeaders.of(Files.write(dir.resolve("s.mp4"), box("moov", trak("soun", 0, 0, 1, 1, 1)))))
                .isEmpty();
        byte[] cut = java.util.Arrays.copyOf(file, file.length - 20);
        assertThat(VideoHeaders.of(Files.write(dir.resolve("cut.mp4"), cut))).isEmpty();
        assertThat(VideoHeaders.of(Files.writeString(dir.resolve("x.mp4"), "not a video"))).isEmpty();
        assertThat(VideoHeaders.of(Files.write(dir.resolve("x.mkv"), file))).isEmpty();
    }

    /** The start of an AVI file: RIFF, the header list and its main header (AVIMAINHEADER, 56 bytes). */
    static byte[] avi(int usPerFrame, int width, int height) {
        ByteBuffer b = ByteBuffer.allocate(12 + 12 + 8 + 56).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(1 << 20).put("AVI ".getBytes(StandardCharsets.US_ASCII));
        b.put("LIST".getBytes(StandardCharsets.US_ASCII)).putInt(4 + 8 + 56).put("hdrl".getBytes(StandardCharsets.US_ASCII));
        b.put("avih".getBytes(StandardCharsets.US_ASCII)).putInt(56);
        b.putInt(usPerFrame).putInt(0).putInt(0).putInt(0x10).putInt(300).putInt(0).putInt(1).putInt(0);
        b.putInt(width).putInt(height).putInt(0).putInt(0).putInt(0).putInt(0);
        return b.array();
    }

    /** A small MP4 file: a file-type box, media data, and the movie box with one video track, after the data. */
    static byte[] mp4(int width, int height, int timescale, int delta, int samples) {
        return cat(box("ftyp", "isom".getBytes(StandardCharsets.US_ASCII)), box("mdat", new byte[100]),
                box("moov", trak("vide", width, height, timescale, delta, samples)));
    }

    /** A track: header with the size, media header with the time scale, handler, and one time-to-sample entry. */
    private static byte[] trak(String handler, int width, int height, int timescale, int delta, int samples) {
        ByteBuffer tkhd = ByteBuffer.allocate(84); // version 0: ... matrix, then width and height in 16.16
        tkhd.putInt(76, width << 16).putInt(80, height << 16);
        ByteBuffer mdhd = ByteBuffer.allocate(24);
        mdhd.putInt(12, timescale).putInt(16, samples * delta);
        ByteBuffer hdlr = ByteBuffer.allocate(25);
        hdlr.put(8, handler.getBytes(StandardCharsets.US_ASCII));
        ByteBuffer stts = ByteBuffer.allocate(16);
        stts.putInt(4, 1).putInt(8, samples).putInt(12, delta);
        return box("trak", cat(box("tkhd", tkhd.array()), box("mdia", cat(box("mdhd", mdhd.array()),
                box("hdlr", hdlr.array()), box("minf", box("stbl", box("stts", stts.array())))))));
    }

    private static byte[] box(String type, byte[] body) {
        return ByteBuffer.allocate(8 + body.length).putInt(8 + body.length)
                .put(type.getBytes(StandardCharsets.US_ASCII)).put(body).array();
    }

    private static byte[] cat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
