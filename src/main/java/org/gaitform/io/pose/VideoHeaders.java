package org.gaitform.io.pose;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The picture's size and frame rate from a video file's headers, without decoding it: AVI's main header and the
 * ISO base media file format of MP4 and QuickTime. Used where a pose estimator's output does not record them but the
 * video it wrote lies beside it.
 *
 * <p>OpenCV's video writers, which pose tools use, take a whole number of frames per second; a video recorded at an
 * NTSC rate (24, 30, 60, 120 or 240 × 1000/1001) then reads 23, 29, 59, 119 or 239, and those whole numbers are taken
 * for the NTSC rate they stand for (a 3 % error in every time otherwise).
 */
public final class VideoHeaders {
    /** Bytes of an AVI file read for its header. */
    static final int AVI_HEAD_BYTES = 1 << 16;
    /** Largest {@code moov} box read (bytes): its sample tables grow with the video's length. */
    static final long MAX_MOOV_BYTES = 64L << 20;

    /**
     * What a video's headers say.
     *
     * @param file      the file's name
     * @param width     pixels
     * @param height    pixels
     * @param fps       frames per second (0 when the header gives none)
     * @param fpsReason how the frame rate was read
     */
    public record Header(String file, int width, int height, double fps, String fpsReason) {
    }

    private VideoHeaders() {
    }

    /** Endings of a keypoint file's name that a pose tool adds to its video's name ({@code run_keypoints.csv}). */
    private static final java.util.regex.Pattern TOOL_SUFFIX = java.util.regex.Pattern.compile(
            "(?i)[_.-](keypoints|pose|poses|landmarks|openpose|mediapipe|blazepose|coco|yolo|alphapose|mmpose|results"
                    + "|2d)$");

    /**
     * The video named {@code stem} (or {@code stem} without an ending a pose tool adds, such as {@code _keypoints})
     * in one of {@code folders}, the first found whose header is readable; empty when there is none.
     */
    public static Optional<Header> beside(List<Path> folders, String stem) {
        if (stem.isBlank()) {
            return Optional.empty();
        }
        java.util.LinkedHashSet<String> stems = new java.util.LinkedHashSet<>();
        stems.add(stem);
        stems.add(TOOL_SUFFIX.matcher(stem).replaceFirst(""));
        for (Path dir : folders) {
            if (dir == null || !Files.isDirectory(dir)) {
                continue;
            }
            for (String st : stems) {
                for (String ext : List.of(".mp4", ".mov", ".m4v", ".avi", ".MP4", ".MOV", ".M4V", ".AVI")) {
                    Path video = dir.resolve(st + ext);
                    if (!st.isBlank() && Files.isRegularFile(video)) {
                        Optional<Header> h = of(video);
                        if (h.isPresent()) {
                            return h;
                        }
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** A file's name without its extension ({@code run.csv} → {@code run}). */
    public static String stem(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /** The header of the video {@code file} (AVI, MP4, MOV, M4V), or empty when it is of another kind or unreadable. */
    public static Optional<Header> of(Path file) {
        String name = file.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        try {
            if (lower.endsWith(".avi")) {
                try (InputStream in = Files.newInputStream(file)) {
                    return avi(in.readNBytes(AVI_HEAD_BYTES), name);
                }
            }
            if (lower.endsWith(".mp4") || lower.endsWith(".mov") || lower.endsWith(".m4v")) {
                try (SeekableByteChannel ch = Files.newByteChannel(file)) {
                    return mp4(ch, name);
                }
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /**
     * The main header ({@code avih}) of an AVI file's first bytes: microseconds per frame, then after seven more
     * 32-bit fields the width and the height, little-endian (Microsoft, AVI RIFF File Reference, AVIMAINHEADER).
     */
    static Optional<Header> avi(byte[] head, String file) {
        ByteBuffer b = ByteBuffer.wrap(head).order(ByteOrder.LITTLE_ENDIAN);
        if (head.length < 12 || b.getInt(0) != fourcc("RIFF", ByteOrder.LITTLE_ENDIAN)
                || b.getInt(8) != fourcc("AVI ", ByteOrder.LITTLE_ENDIAN)) {
            return Optional.empty();
        }
        int avih = fourcc("avih", ByteOrder.LITTLE_ENDIAN);
        for (int p = 12; p + 8 + 40 <= head.length; p++) {
            if (b.getInt(p) != avih) {
                continue;
            }
            if (b.getInt(p + 4) < 40) {
                return Optional.empty();
            }
            long usPerFrame = b.getInt(p + 8) & 0xffffffffL;
            double fps = usPerFrame > 0 && usPerFrame < 1_000_000 ? 1e6 / usPerFrame : 0;
            return header(file, b.getInt(p + 8 + 32), b.getInt(p + 8 + 36), fps);
        }
        return Optional.empty();
    }

    /**
     * The first video track of an MP4 or QuickTime file (ISO/IEC 14496-12): its size from the track header
     * ({@code tkhd}, 16.16 fixed point), its frame rate from the media header's time scale ({@code mdhd}) over the mean
     * sample duration of the decoding time table ({@code stts}). The {@code moov} box is found by walking the file's
     * top-level boxes, wherever it lies (OpenCV writes it at the end).
     */
    static Optional<Header> mp4(SeekableByteChannel ch, String file) throws IOException {
        long size = ch.size();
        long p = 0;
        while (p + 8 <= size) {
            ByteBuffer h = read(ch, p, 16);
            long len = h.getInt(0) & 0xffffffffL;
            int type = h.getInt(4);
            int head = 8;
            if (len == 1) {
                if (h.limit() < 16) {
                    return Optional.empty();
                }
                len = h.getLong(8);
                head = 16;
            } else if (len == 0) {
                len = size - p;
            }
            if (len < head || p + len > size) {
                return Optional.empty();
            }
            if (type == fourcc("moov", ByteOrder.BIG_ENDIAN)) {
                if (len - head > MAX_MOOV_BYTES) {
                    return Optional.empty();
                }
                ByteBuffer moov = read(ch, p + head, (int) (len - head));
                return moov(moov, file);
            }
            p += len;
        }
        return Optional.empty();
    }

    private static Optional<Header> moov(ByteBuffer moov, String file) {
        for (ByteBuffer trak : children(moov, "trak")) {
            Optional<ByteBuffer> mdia = child(trak, "mdia");
            Optional<ByteBuffer> hdlr = mdia.flatMap(m -> child(m, "hdlr"));
            if (hdlr.isEmpty() || hdlr.get().limit() < 12
                    || hdlr.get().getInt(8) != fourcc("vide", ByteOrder.BIG_ENDIAN)) {
                continue;
            }
            Optional<ByteBuffer> tkhd = child(trak, "tkhd");
            if (tkhd.isEmpty() || tkhd.get().limit() < 8) {
                return Optional.empty();
            }
            ByteBuffer t = tkhd.get();
            int end = t.limit(); // width and height are the header's last two fields
            int width = t.getInt(end - 8) >>> 16;
            int height = t.getInt(end - 4) >>> 16;
            double fps = 0;
            Optional<ByteBuffer> mdhd = child(mdia.get(), "mdhd");
            Optional<ByteBuffer> stts = mdia.flatMap(m -> child(m, "minf")).flatMap(m -> child(m, "stbl"))
                    .flatMap(s -> child(s, "stts"));
            if (mdhd.isPresent() && stts.isPresent()) {
                ByteBuffer m = mdhd.get();
                int version = m.limit() > 0 ? m.get(0) : -1;
                int at = version == 1 ? 20 : 12;
                long timescale = m.limit() >= at + 4 ? m.getInt(at) & 0xffffffffL : 0;
                ByteBuffer s = stts.get();
                long entries = s.limit() >= 8 ? s.getInt(4) & 0xffffffffL : 0;
                long samples = 0;
                double duration = 0;
                for (long i = 0; i < entries && 16 + 8 * i <= s.limit(); i++) {
                    long count = s.getInt((int) (8 + 8 * i)) & 0xffffffffL;
                    long delta = s.getInt((int) (12 + 8 * i)) & 0xffffffffL;
                    samples += count;
                    duration += (double) count * delta;
                }
                if (timescale > 0 && samples > 0 && duration > 0) {
                    fps = timescale * samples / duration;
                }
            }
            return header(file, width, height, fps);
        }
        return Optional.empty();
    }

    private static Optional<Header> header(String file, int width, int height, double raw) {
        if (width <= 0 || height <= 0 || width > 100_000 || height > 100_000) {
            return Optional.empty();
        }
        if (!(raw >= 1 && raw <= 10_000)) {
            return Optional.of(new Header(file, width, height, 0, "no frame rate in its header"));
        }
        long whole = Math.round(raw);
        if (Math.abs(raw - whole) < 0.01 && List.of(23L, 29L, 59L, 119L, 239L).contains(whole)) {
            double fps = (whole + 1) * 1000.0 / 1001;
            return Optional.of(new Header(file, width, height, fps, String.format(Locale.ROOT, "%d fps in its header, "
                    + "a whole number written for an NTSC video: %.3f fps", whole, fps)));
        }
        return Optional.of(new Header(file, width, height, raw, String.format(Locale.ROOT, "%.3f fps in its header",
                raw)));
    }

    /** The boxes of type {@code type} directly inside {@code parent} (each its body, without its size and type). */
    private static List<ByteBuffer> children(ByteBuffer parent, String type) {
        List<ByteBuffer> out = new java.util.ArrayList<>();
        int want = fourcc(type, ByteOrder.BIG_ENDIAN);
        int p = 0;
        while (p + 8 <= parent.limit()) {
            long len = parent.getInt(p) & 0xffffffffL;
            int head = 8;
            if (len == 1 && p + 16 <= parent.limit()) {
                len = parent.getLong(p + 8);
                head = 16;
            } else if (len == 0) {
                len = parent.limit() - p;
            }
            if (len < head || p + len > parent.limit()) {
                break;
            }
            if (parent.getInt(p + 4) == want) {
                out.add(parent.slice(p + head, (int) len - head).order(ByteOrder.BIG_ENDIAN));
            }
            p += (int) len;
        }
        return out;
    }

    private static Optional<ByteBuffer> child(ByteBuffer parent, String type) {
        List<ByteBuffer> c = children(parent, type);
        return c.isEmpty() ? Optional.empty() : Optional.of(c.get(0));
    }

    private static ByteBuffer read(SeekableByteChannel ch, long at, int n) throws IOException {
        ByteBuffer b = ByteBuffer.allocate((int) Math.min(n, ch.size() - at)).order(ByteOrder.BIG_ENDIAN);
        ch.position(at);
        while (b.hasRemaining() && ch.read(b) > 0) {
            // read on
        }
        b.flip();
        return b;
    }

    private static int fourcc(String s, ByteOrder order) {
        return ByteBuffer.wrap(s.getBytes(StandardCharsets.US_ASCII)).order(order).getInt();
    }
}
