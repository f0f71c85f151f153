package org.gaitform.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void writesLeaveNoTemporaryFiles() throws IOException {
        Path f = dir.resolve("a/b.txt");
        AtomicFiles.write(f, "one");
        AtomicFiles.write(f, "two");
        assertThat(Files.readString(f)).isEqualTo("two");
        try (var s = Files.list(f.getParent())) {
            assertThat(s.toList()).containsExactly(f);
        }
    }

    @Test
    void aFolderIsReplacedWholeAndLeftoversAreCleaned() throws IOException {
        Path target = dir.resolve("session");
        Files.createDirectories(target);
        Files.writeString(target.resolve("old.txt"), "old");
        Path tmp = AtomicFiles.tempDir(dir, "session");
        Files.writeString(tmp.resolve("new.txt"), "new");
        AtomicFiles.replaceDir(tmp, target);
        assertThat(target.resolve("new.txt")).exists();
        assertThat(target.resolve("old.txt")).doesNotExist();
        // a killed run leaves a temporary folder behind; the next run removes it
        Path left = AtomicFiles.tempDir(dir, "other");
        Files.writeString(left.resolve("half.csv"), "step,si");
        assertThat(AtomicFiles.cleanLeftovers(dir)).isEqualTo(1);
        assertThat(left).doesNotExist();
        assertThat(target).exists();
    }

    @Test
    void csvCellsThatSpreadsheetsWouldRunAreNeutralised() {
        assertThat(CsvTables.safeText("=HYPERLINK(\"x\")")).isEqualTo("'=HYPERLINK(\"x\")");
        assertThat(CsvTables.safeText("+1")).isEqualTo("'+1");
        assertThat(CsvTables.safeText("-cmd")).isEqualTo("'-cmd");
        assertThat(CsvTables.safeText("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CsvTables.safeText("left")).isEqualTo("left");
        String csv = CsvTables.write(java.util.List.of("name", "value"), java.util.List.of(
                java.util.List.of("=1+1", new CsvTables.Num(-0.5, 2)), java.util.List.of("ok", new CsvTables.Num(Double.NaN, 1))));
        assertThat(csv).isEqualTo("name,value\n'=1+1,-0.50\nok,\n");
    }

    @Test
    void jsonIsFlatOrderedAndHasNoNaN() {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("b", 1.5);
        m.put("a", Double.NaN);
        m.put("s", "quote \" and \\ and\nnewline");
        m.put("w", java.util.List.of("x"));
        m.put("n", 3);
        assertThat(Json.write(m)).isEqualTo("{\n  \"b\": 1.5,\n  \"a\": null,\n  \"s\": \"quote \\\" and \\\\ and\\nnewline\",\n"
                + "  \"w\": [\"x\"],\n  \"n\": 3\n}\n");
    }
}
