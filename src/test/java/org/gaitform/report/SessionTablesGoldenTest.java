package org.gaitform.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gaitform.model.SessionResult;
import org.gaitform.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * steps.csv and summary.json of a fixed simulated session, frozen as golden files. A difference is a
 * change of output: look at it, and re-record only on purpose with {@code -Dgaitform.updateGolden=true}.
 */
class SessionTablesGoldenTest {
    static final Path GOLDEN = Path.of("src/test/resources/golden/short_run");

    @Test
    void stepsAndSummaryMatchTheGoldenFiles(@TempDir Path dir) throws IOException {
        SessionResult r = Fixtures.shortRun(dir);
        compare("steps.csv", SessionTables.stepsCsv(r));
        compare("summary.json", Json.write(SessionTables.summary(r, "test")));
    }

    private static void compare(String name, String actual) throws IOException {
        Path g = GOLDEN.resolve(name);
        if (Boolean.getBoolean("gaitform.updateGolden") || !Files.exists(g)) {
            Files.createDirectories(GOLDEN);
            Files.writeString(g, actual);
        }
        assertThat(actual).as("%s differs from %s (re-record only on purpose: -Dgaitform.updateGolden=true)", name, g)
                .isEqualTo(Files.readString(g));
    }
}
