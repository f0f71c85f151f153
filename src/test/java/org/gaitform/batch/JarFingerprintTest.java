package org.gaitform.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The code fingerprint of a jar ({@link SettingsFingerprint#jarHash}) from its central directory. */
class JarFingerprintTest {
    @TempDir
    Path dir;

    private Path jar(String name, String comment, String... entries) throws IOException {
        Path p = dir.resolve(name);
        try (OutputStream o = Files.newOutputStream(p); ZipOutputStream z = new ZipOutputStream(o)) {
            for (int i = 0; i < entries.length; i += 2) {
                ZipEntry e = new ZipEntry(entries[i]);
                e.setTime(0);
                z.putNextEntry(e);
                z.write(entries[i + 1].getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
            if (comment != null) {
                z.setComment(comment);
            }
        }
        return p;
    }

    @Test
    void theSameEntriesGiveTheSameFingerprintAndAnyChangedClassAnother() throws IOException {
        String a = SettingsFingerprint.jarHash(jar("a.jar", null, "A.class", "one", "B.class", "two"));
        String same = SettingsFingerprint.jarHash(jar("b.jar", null, "A.class", "one", "B.class", "two"));
        String changed = SettingsFingerprint.jarHash(jar("c.jar", null, "A.class", "one", "B.class", "twO"));
        String added = SettingsFingerprint.jarHash(jar("d.jar", null, "A.class", "one", "B.class", "two", "C.class", ""));
        assertThat(a).hasSize(64).isEqualTo(same);
        assertThat(changed).isNotEqualTo(a);
        assertThat(added).isNotEqualTo(a).isNotEqualTo(changed);
    }

    @Test
    void theDirectoryIsFoundBehindAComment() throws IOException {
        Path p = jar("e.jar", "a comment of the archive", "A.class", "one");
        assertThat(SettingsFingerprint.centralDirectoryHash(p)).isPresent();
        assertThat(SettingsFingerprint.jarHash(p)).hasSize(64);
    }

    @Test
    void aFileWithoutADirectoryHasNoDirectoryHash() throws IOException {
        Path p = dir.resolve("not.jar");
        Files.writeString(p, "not a zip file at all, but long enough to hold an end record");
        assertThat(SettingsFingerprint.centralDirectoryHash(p)).isEmpty();
    }
}
