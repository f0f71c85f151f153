package org.gaitform.batch;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.gaitform.pipeline.AnalysisSettings;

/**
 * A hash of everything that decides a session's outputs apart from its input: every analysis option
 * (read overrides such as {@code --column}, {@code --rate}, {@code --placement}), the full content of the
 * guideline table, the chart resolution, gaitform's version and a fingerprint of gaitform's own code (the
 * jar, or the compiled classes and resources), so that a rebuilt or upgraded gaitform never reuses
 * results of another build.
 *
 * <p>The settings are written in a canonical text form by walking the records they are made of, so an
 * option added later to any settings record is covered without changes here: records by component
 * name, maps sorted by key, sets sorted, optionals, enums, numbers and text by value. Anything else is
 * written with its {@code toString()}; if that is not a stable value, the hash simply differs from run
 * to run and nothing is skipped (never a wrong skip). A {@code Path} in the options is hashed by its name:
 * an option that names a file whose content changes results (as {@code --guidelines} does) must put the
 * parsed content into the settings, as {@link org.gaitform.guidelines.GuidelineTable} does.
 */
public final class SettingsFingerprint {
    /** The code fingerprint, worked out once per JVM: by the first caller, or ahead by {@link #startCodeHash}. */
    private static final java.util.concurrent.FutureTask<String> CODE_HASH =
            new java.util.concurrent.FutureTask<>(SettingsFingerprint::computeCodeHash);
    private static final java.util.concurrent.atomic.AtomicBoolean CODE_HASH_STARTED =
            new java.util.concurrent.atomic.AtomicBoolean();

    private SettingsFingerprint() {
    }

    /**
     * The fingerprint, as 64 hexadecimal digits.
     *
     * @param settings the analysis settings
     * @param version  gaitform's version
     * @param dpi      chart resolution
     */
    public static String of(AnalysisSettings settings, String version, int dpi) {
        return ContentHash.ofText(canonical(settings, version, dpi) + "\ncode=" + codeHash());
    }

    /** The canonical text of the settings (what {@link #of} hashes, apart from the code fingerprint). */
    static String canonical(AnalysisSettings settings, String version, int dpi) {
        StringBuilder sb = new StringBuilder();
        sb.append("gaitform=").append(version).append("\ndpi=").append(dpi).append("\nsettings=");
        canon(settings, sb);
        return sb.toString();
    }

    static void canon(Object o, StringBuilder sb) {
        if (o == null) {
            sb.append("null");
        } else if (o instanceof Record r) {
            sb.append(r.getClass().getName()).append('{');
            boolean first = true;
            for (RecordComponent c : r.getClass().getRecordComponents()) {
                if (!first) {
                    sb.append(',');
                }
                first = false;
                sb.append(c.getName()).append('=');
                canon(component(r, c), sb);
            }
            sb.append('}');
        } else if (o instanceof Optional<?> opt) {
            if (opt.isPresent()) {
                sb.append("Some(");
                canon(opt.get(), sb);
                sb.append(')');
            } else {
                sb.append("None");
            }
        } else if (o instanceof Map<?, ?> m) {
            List<String> entries = new ArrayList<>();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                StringBuilder k = new StringBuilder();
                canon(e.getKey(), k);
                k.append("=>");
                canon(e.getValue(), k);
                entries.add(k.toString());
            }
            entries.sort(null);
            sb.append("Map").append(entries);
        } else if (o instanceof Set<?> s) {
            List<String> items = new ArrayList<>();
            for (Object x : s) {
                StringBuilder k = new StringBuilder();
                canon(x, k);
                items.add(k.toString());
            }
            items.sort(null);
            sb.append("Set").append(items);
        } else if (o instanceof Collection<?> c) {
            sb.append("List[");
            boolean first = true;
            for (Object x : c) {
                if (!first) {
                    sb.append(',');
                }
                first = false;
                canon(x, sb);
            }
            sb.append(']');
        } else if (o instanceof Enum<?> e) {
            sb.append(e.getDeclaringClass().getName()).append('.').append(e.name());
        } else if (o instanceof String s) {
            sb.append('"').append(s.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        } else if (o instanceof Double || o instanceof Float || o instanceof Integer || o instanceof Long
                || o instanceof Short || o instanceof Byte || o instanceof Boolean || o instanceof Character) {
            sb.append(o);
        } else if (o instanceof Path p) {
            sb.append("Path(").append(p.toAbsolutePath().normalize()).append(')');
        } else if (o.getClass().isArray()) {
            int n = java.lang.reflect.Array.getLength(o);
            sb.append("Array[");
            for (int i = 0; i < n; i++) {
                if (i > 0) {
                    sb.append(',');
                }
                canon(java.lang.reflect.Array.get(o, i), sb);
            }
            sb.append(']');
        } else {
            sb.append(o.getClass().getName()).append('(').append(o).append(')');
        }
    }

    private static Object component(Record r, RecordComponent c) {
        try {
            Method m = c.getAccessor();
            m.setAccessible(true);
            return m.invoke(r);
        } catch (IllegalAccessException | InvocationTargetException | RuntimeException e) {
            // an unreadable component makes the fingerprint unique to this run: nothing is skipped
            return new Object();
        }
    }

    /** A hash of gaitform's code: the jar it runs from, or its classes folder. */
    static String codeHash() {
        CODE_HASH.run(); // does nothing when it ran or runs (ahead, on another thread): then get() waits for it
        try {
            return CODE_HASH.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown-" + System.nanoTime(); // never matches: nothing is skipped
        } catch (java.util.concurrent.ExecutionException e) {
            return "unknown-" + System.nanoTime();
        }
    }

    /**
     * Starts working out the code fingerprint on a background thread and returns at once, so that a run can prepare
     * (read the manifest, find its inputs) meanwhile: the jar's directory takes some 20–50 ms to hash on a cold JVM
     * (docs/benchmark.md). {@link #of} waits for it; calling this again does nothing.
     */
    public static void startCodeHash() {
        if (!CODE_HASH.isDone() && CODE_HASH_STARTED.compareAndSet(false, true)) {
            Thread t = new Thread(CODE_HASH, "gaitform-code-fingerprint");
            t.setDaemon(true);
            t.start();
        }
    }

    /**
     * A jar's fingerprint from its directory: every entry's name, size and CRC-32, which the zip format stores for
     * each entry, so that any change of any class or resource changes it. Hashing the whole 60 MB jar took a quarter
     * of a second at every start; the directory takes milliseconds. The directory's bytes as the file holds them
     * (the end of the file names where they are) are hashed, which needs no object per entry; a jar whose end
     * record cannot be read that way (ZIP64, damaged) is fingerprinted from its entries as {@link ZipFile} lists
     * them.
     */
    static String jarHash(Path jar) throws IOException {
        Optional<String> raw = centralDirectoryHash(jar);
        if (raw.isPresent()) {
            return raw.get();
        }
        StringBuilder sb = new StringBuilder(1 << 16);
        try (ZipFile z = new ZipFile(jar.toFile())) {
            var entries = z.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                sb.append(e.getName()).append('\t').append(e.getSize()).append('\t').append(Long.toHexString(e.getCrc()))
                        .append('\n');
            }
        }
        return ContentHash.ofText(sb.toString());
    }

    private static final int END_RECORD = 0x06054b50;
    private static final int END_RECORD_SIZE = 22;

    /** SHA-256 of a zip file's central directory, or empty when its end record does not locate one plainly. */
    static Optional<String> centralDirectoryHash(Path zip) throws IOException {
        try (FileChannel ch = FileChannel.open(zip, StandardOpenOption.READ)) {
            long size = ch.size();
            int tail = (int) Math.min(size, END_RECORD_SIZE + 0xFFFF); // the end record, then a comment of ≤ 64 KiB
            if (tail < END_RECORD_SIZE) {
                return Optional.empty();
            }
            ByteBuffer end = readFully(ch, size - tail, tail);
            for (int i = tail - END_RECORD_SIZE; i >= 0; i--) {
                if (end.getInt(i) != END_RECORD) {
                    continue;
                }
                int entries = end.getShort(i + 10) & 0xFFFF;
                long dirSize = end.getInt(i + 12) & 0xFFFFFFFFL;
                long dirOffset = end.getInt(i + 16) & 0xFFFFFFFFL;
                if (entries == 0xFFFF || dirSize == 0xFFFFFFFFL || dirOffset == 0xFFFFFFFFL // ZIP64
                        || dirOffset + dirSize > size - tail + i || dirSize > Integer.MAX_VALUE) {
                    return Optional.empty();
                }
                ByteBuffer dir = readFully(ch, dirOffset, (int) dirSize);
                try {
                    MessageDigest md = MessageDigest.getInstance("SHA-256");
                    md.update(dir);
                    return Optional.of(HexFormat.of().formatHex(md.digest()));
                } catch (NoSuchAlgorithmException e) {
                    throw new IllegalStateException("SHA-256 is not available", e);
                }
            }
            return Optional.empty();
        }
    }

    private static ByteBuffer readFully(FileChannel ch, long at, int length) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        while (b.hasRemaining()) {
            if (ch.read(b, at + b.position()) < 0) {
                throw new IOException("unexpected end of the file at byte " + (at + b.position()));
            }
        }
        return b.flip();
    }

    private static String computeCodeHash() {
        try {
            CodeSource src = SettingsFingerprint.class.getProtectionDomain().getCodeSource();
            if (src == null || src.getLocation() == null) {
                return "unknown-" + System.nanoTime();
            }
            Path code = Path.of(src.getLocation().toURI());
            return java.nio.file.Files.isRegularFile(code) ? jarHash(code) : ContentHash.of(code);
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return "unknown-" + System.nanoTime(); // never matches: nothing is skipped
        }
    }
}
