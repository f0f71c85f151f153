package org.gaitform.io.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gaitform.io.InputReaders;
import org.gaitform.io.ReadOptions;
import org.gaitform.model.GaitformException;
import org.gaitform.model.Recording;
import org.gaitform.model.WatchRecording;
import org.gaitform.support.SyntheticRun;
import org.gaitform.support.TempDirs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * XML attacks in TCX and GPX files: external entities (XXE) reading a local file, an external DTD, and entity
 * expansion ("billion laughs"). None may resolve: the file is refused with a clear message, or read without the
 * entity, and the secret never appears in any output.
 */
class XmlEntitiesTest {
    static final String SECRET = "TOP-SECRET-7731";

    @TempDir
    Path tmp;

    private Path secret() throws IOException {
        return TempDirs.write(tmp, "secret.txt", SECRET);
    }

    private Object readOrError(String name, String text) throws IOException {
        Path p = TempDirs.write(tmp, name, text);
        try {
            return new InputReaders().read(p, name, ReadOptions.DEFAULTS);
        } catch (GaitformException e) {
            return e;
        }
    }

    private static void noSecret(Object result) {
        if (result instanceof GaitformException e) {
            assertThat(e.getMessage()).doesNotContain(SECRET);
        } else {
            WatchRecording r = (WatchRecording) result;
            assertThat(r.info().toString() + r.decisions() + r.warnings()).doesNotContain(SECRET);
        }
    }

    @Test
    void anExternalEntityInTcxIsNeverResolved() throws IOException {
        String tcx = SyntheticRun.flat(1.7e9, 120, 3, 170).tcx(false)
                .replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                        + "<!DOCTYPE TrainingCenterDatabase [<!ENTITY xxe SYSTEM \"" + secret().toUri() + "\">]>\n")
                .replace("Synthetic Watch", "&xxe;");
        Object r = readOrError("xxe.tcx", tcx);
        assertThat(r).isInstanceOf(GaitformException.class);
        assertThat(((GaitformException) r).getMessage()).contains("xxe.tcx").contains("xxe");
        noSecret(r);
    }

    @Test
    void anExternalEntityInGpxIsNeverResolved() throws IOException {
        String gpx = SyntheticRun.flat(1.7e9, 120, 3, 170).gpx(false)
                .replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                        + "<!DOCTYPE gpx [<!ENTITY xxe SYSTEM \"" + secret().toUri() + "\">]>\n")
                .replace("<name>run</name>", "<name>&xxe;</name>");
        Object r = readOrError("xxe.gpx", gpx);
        assertThat(r).isInstanceOf(GaitformException.class);
        noSecret(r);
    }

    @Test
    void anExternalDtdIsNotLoaded() throws IOException {
        Path dtd = TempDirs.write(tmp, "evil.dtd", "<!ENTITY leak SYSTEM \"" + secret().toUri() + "\">");
        String gpx = SyntheticRun.flat(1.7e9, 120, 3, 170).gpx(false)
                .replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                        + "<!DOCTYPE gpx SYSTEM \"" + dtd.toUri() + "\">\n")
                .replace("<name>run</name>", "<name>&leak;</name>");
        Object r = readOrError("dtd.gpx", gpx);
        assertThat(r).isInstanceOf(GaitformException.class);
        noSecret(r);
        // a harmless DOCTYPE without entity references is simply skipped
        String plain = SyntheticRun.flat(1.7e9, 120, 3, 170).gpx(false)
                .replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                        + "<!DOCTYPE gpx SYSTEM \"" + dtd.toUri() + "\">\n");
        Object ok = readOrError("plain.gpx", plain);
        assertThat(ok).isInstanceOf(Recording.class);
    }

    @Test
    void entityExpansionBombsAreRefusedQuickly() throws IOException {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE gpx [<!ENTITY a0 \"lol\">");
        for (int i = 1; i <= 12; i++) {
            dtd.append("<!ENTITY a").append(i).append(" \"").append(("&a" + (i - 1) + ";").repeat(10)).append("\">");
        }
        dtd.append("]>\n");
        String gpx = SyntheticRun.flat(1.7e9, 60, 3, 170).gpx(false)
                .replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                        + dtd).replace("<name>run</name>", "<name>&a12;</name>");
        long t0 = System.nanoTime();
        Object r = readOrError("bomb.gpx", gpx);
        assertThat(r).isInstanceOf(GaitformException.class);
        assertThat((System.nanoTime() - t0) / 1e9).isLessThan(10);
        assertThat(Files.size(tmp.resolve("bomb.gpx"))).isLessThan(100_000);
    }
}
