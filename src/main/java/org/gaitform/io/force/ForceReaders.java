package org.gaitform.io.force;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.gaitform.model.GaitformException;

/** The entry point to the force readers: C3D analog force plates, OpenSim storage files and delimited text. */
public final class ForceReaders {
    private ForceReaders() {
    }

    /** Reads the vertical force of a file. */
    public static ForceRecording read(Path file, String source, ForceReadOptions options) {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw GaitformException.badInput(source, "", "a readable force file", "nothing readable at " + file);
        }
        try {
            if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".c3d")) {
                return new C3dForceReader().read(file, source, options);
            }
            return new ForceTableReader().read(file, source, options);
        } catch (IOException e) {
            throw GaitformException.badInput(source, "", "a readable force file", "a read error (" + e.getMessage()
                    + ")");
        }
    }
}
