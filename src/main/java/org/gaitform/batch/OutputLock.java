package org.gaitform.batch;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.gaitform.model.GaitformException;

/**
 * An exclusive lock on an output folder for the length of a run, so that two runs never write into the
 * same folder at once (each would remove the other's temporary files). The lock is held by the operating
 * system on the file {@value #FILE_NAME}; it is released when the run ends, however it ends — also when
 * the process is killed.
 */
final class OutputLock implements AutoCloseable {
    /** Name of the lock file in the output folder. */
    static final String FILE_NAME = ".gaitform-lock";

    private final FileChannel channel;
    private final FileLock lock;

    private OutputLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the lock, or fails with a clear message when another run holds it. */
    static OutputLock acquire(Path outDir) throws IOException {
        Files.createDirectories(outDir);
        FileChannel ch = FileChannel.open(outDir.resolve(FILE_NAME), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock l;
        try {
            l = ch.tryLock();
        } catch (OverlappingFileLockException e) {
            l = null;
        } catch (IOException e) {
            ch.close();
            throw e;
        }
        if (l == null) {
            ch.close();
            throw new GaitformException(GaitformException.Kind.OUTPUT, "another gaitform run is writing into " + outDir
                    + "; wait for it to finish or choose another --out folder");
        }
        return new OutputLock(ch, l);
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
