package org.gaitform.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Makes a folder that this process cannot change (for tests of read-only places): its write permission is removed;
 * when that does not stop this process (running as root), the folder is made immutable with {@code chattr +i}. When
 * neither works the test is skipped with a message. Closing restores the folder.
 */
public final class ReadOnly implements AutoCloseable {
    private final Path dir;
    private final Set<PosixFilePermission> before;
    private final boolean immutable;

    private ReadOnly(Path dir, Set<PosixFilePermission> before, boolean immutable) {
        this.dir = dir;
        this.before = before;
        this.immutable = immutable;
    }

    /** Makes {@code dir} read-only for this process. */
    public static ReadOnly make(Path dir) throws IOException {
        Set<PosixFilePermission> before = Files.getPosixFilePermissions(dir);
        Set<PosixFilePermission> ro = EnumSet.copyOf(before);
        ro.removeAll(Set.of(PosixFilePermission.OWNER_WRITE, PosixFilePermission.GROUP_WRITE,
                PosixFilePermission.OTHERS_WRITE));
        Files.setPosixFilePermissions(dir, ro);
        if (!Files.isWritable(dir)) {
            return new ReadOnly(dir, before, false);
        }
        boolean done = chattr("+i", dir);
        if (!done || Files.isWritable(dir)) {
            Files.setPosixFilePermissions(dir, before);
            if (done) {
                chattr("-i", dir);
            }
            Assumptions.abort("cannot make a folder read-only for this process (root without chattr +i)");
        }
        return new ReadOnly(dir, before, true);
    }

    private static boolean chattr(String flag, Path dir) {
        try {
            Process p = new ProcessBuilder("chattr", flag, dir.toString()).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() throws IOException {
        if (immutable) {
            chattr("-i", dir);
        }
        Files.setPosixFilePermissions(dir, before);
    }
}
