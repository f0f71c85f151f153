package org.gaitform.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
    void aFolderGaitformWroteIsReplacedWholeAndLeftoversAreCleaned() throws IOException {
        Path target = dir.resolve("session");
        Files.createDirectories(target);
        Files.writeString(target.resolve("old.txt"), "old");
        Ownership.mark(target, "session");
        Path tmp = AtomicFiles.tempDir(dir, "session");
        Files.writeString(tmp.resolve("new.txt"), "new");
        AtomicFiles.replaceDir(tmp, target);
        assertThat(target.resolve("new.txt")).exists();
        assertThat(target.resolve("old.txt")).doesNotExist();
        // a killed run leaves a temporary folder behind, and a temporary file beside a target; the next run removes them
        Path left = AtomicFiles.tempDir(dir, "other");
        Files.writeString(left.resolve("half.csv"), "step,si");
        Path beside = dir.resolve(AtomicFiles.TEMP_PREFIX + java.util.UUID.randomUUID() + ".tmp");
        Files.writeString(beside, "half");
        Path usersOwn = dir.resolve(AtomicFiles.TEMP_PREFIX + "notes.txt");
        Files.writeString(usersOwn, "mine");
        assertThat(AtomicFiles.cleanLeftovers(dir)).isEqualTo(new AtomicFiles.Leftovers(2, java.util.List.of()));
        assertThat(left).doesNotExist();
        assertThat(beside).doesNotExist();
        assertThat(usersOwn).hasContent("mine");
        assertThat(target).exists();
    }

    @Test
    void aFolderGaitformDidNotWriteIsNeverReplacedNorRemoved() throws IOException {
        Path target = dir.resolve("P02");
        Files.createDirectories(target);
        Files.writeString(target.resolve("notes.txt"), "the patient's notes");
        Path tmp = AtomicFiles.tempDir(dir, "P02");
        Files.writeString(tmp.resolve("steps.csv"), "new");
        assertThatThrownBy(() -> AtomicFiles.replaceDir(tmp, target)).isInstanceOf(AtomicFiles.NotOurs.class)
                .hasMessage(target + " exists and was not written by gaitform (it has no gaitform marker, "
                        + ".gaitform-session); choose another --out or move it");
        assertThatThrownBy(() -> AtomicFiles.removeDir(target)).isInstanceOf(AtomicFiles.NotOurs.class);
        assertThat(target.resolve("notes.txt")).hasContent("the patient's notes");
        // a gaitform folder that the user added a file to is not gaitform's any more
        Ownership.mark(target, "P02");
        assertThat(Ownership.check(target).ours()).isTrue();
        Files.writeString(target.resolve("more.txt"), "added later");
        assertThat(Ownership.check(target).reason()).isEqualTo("it holds more.txt, which gaitform did not write");
        Files.delete(target.resolve("more.txt"));
        Files.writeString(target.resolve("notes.txt"), "edited");
        assertThat(Ownership.check(target).reason()).isEqualTo("notes.txt was changed after gaitform wrote it");
        assertThatThrownBy(() -> AtomicFiles.removeDir(target)).isInstanceOf(AtomicFiles.NotOurs.class);
        assertThat(target.resolve("notes.txt")).hasContent("edited");
        // a link at a session's place is never followed nor removed
        Path link = Files.createSymbolicLink(dir.resolve("P03"), target);
        assertThat(Ownership.check(link).reason()).isEqualTo("it is a link");
        assertThatThrownBy(() -> AtomicFiles.removeDir(link)).isInstanceOf(AtomicFiles.NotOurs.class);
        assertThat(link).isSymbolicLink();
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
