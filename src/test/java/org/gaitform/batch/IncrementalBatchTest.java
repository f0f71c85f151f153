package org.gaitform.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gaitform.guidelines.GuidelineTable;
import org.gaitform.io.ReadOptions;
import org.gaitform.io.imu.ImuReadOptions;
import org.gaitform.model.Channel;
import org.gaitform.model.GaitformException;
import org.gaitform.model.Placement;
import org.gaitform.pipeline.AnalysisSettings;
import org.gaitform.support.CsvRows;
import org.gaitform.support.Fixtures;
import org.gaitform.support.TempDirs;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Re-runs skip what is unchanged and redo everything else. */
class IncrementalBatchTest {
    static String good;

    @BeforeAll
    static void simulate() {
        good = Fixtures.shortRunCsv();
    }

    static BatchResult run(Path in, Path out, AnalysisSettings settings, boolean force) throws IOException {
        return new BatchRunner(settings, "test", new BatchOptions(1, force)).run(List.of(in), out, BatchListener.NONE);
    }

    static BatchResult run(Path in, Path out) throws IOException {
        return run(in, out, AnalysisSettings.defaults(), false);
    }

    static Map<String, Outcome.Status> statuses(BatchResult r) {
        Map<String, Outcome.Status> m = new LinkedHashMap<>();
        r.outcomes().forEach(o -> m.put(o.sessionId(), o.status()));
        return m;
    }

    @Test
    void unchangedSessionsAreSkippedAndKeepTheirNumbers(@TempDir Path dir) throws IOException {
        Path in = dir.resolve("in");
        TempDirs.write(dir, "in/a.csv", good);
        TempDirs.write(dir, "in/b.csv", good);
        TempDirs.write(dir, "in/bad.csv", "time,acc_v\n0,1\n0.01,x\n");
        Path out = dir.resolve("out");
        BatchResult first = run(in, out);
        assertThat(statuses(first)).containsEntry("a", Outcome.Status.OK).containsEntry("bad", Outcome.Status.FAILED);
        String summary1 = Files.readString(out.resolve("batch-summary.csv"));
        FileTime pdfTime = Files.getLastModifiedTime(out.resolve("a/report.pdf"));

        BatchResult second = run(in, out);
        assertThat(statuses(second)).containsEntry("a", Outcome.Status.SKIPPED).containsEntry("b", Outcome.Status.SKIPPED)
                .containsEntry("bad", Outcome.Status.FAILED);
        assertThat(second.okCount()).isEqualTo(2);
        assertThat(second.skippedCount()).isEqualTo(2);
        assertThat(Files.getLastModifiedTime(out.resolve("a/report.pdf"))).isEqualTo(pdfTime);
        String summary2 = Files.readString(out.resolve("batch-summary.csv"));
        List<Map<String, String>> rows1 = CsvRows.parse(summary1);
        List<Map<String, String>> rows2 = CsvRows.parse(summary2);
        assertThat(rows2).hasSameSizeAs(rows1);
        // the skipped rows carry the same numbers; only status and message differ
        for (int i = 0; i < rows1.size(); i++) {
            Map<String, String> a = new LinkedHashMap<>(rows1.get(i));
            Map<String, String> b = new LinkedHashMap<>(rows2.get(i));
            if (a.get("status").equals("ok")) {
                assertThat(b.get("status")).isEqualTo("skipped");
                assertThat(b.get("message")).isEqualTo("unchanged since the last run (" + a.get("message") + ")");
                assertThat(a.get("skip_reason")).isEmpty();
                assertThat(b.get("skip_reason")).isEqualTo("unchanged");
                for (String col : List.of("status", "message", "skip_reason")) {
                    a.remove(col);
                    b.remove(col);
                }
            }
            assertThat(b).isEqualTo(a);
        }

        BatchResult forced = run(in, out, AnalysisSettings.defaults(), true);
        assertThat(statuses(forced)).containsEntry("a", Outcome.Status.OK).containsEntry("b", Outcome.Status.OK);
        assertThat(Files.readString(out.resolve("batch-summary.csv"))).isEqualTo(summary1);
    }

    @Test
    void changedInputsDamagedOutputsAndChangedSettingsAreRedone(@TempDir Path dir) throws IOException {
        Path in = dir.resolve("in");
        for (String n : List.of("a", "b", "c", "d")) {
            TempDirs.write(dir, "in/" + n + ".csv", good);
        }
        Path out = dir.resolve("out");
        run(in, out);
        TempDirs.write(dir, "in/a.csv", good + "\n"); // same numbers, other bytes: redone
        Files.delete(out.resolve("b/charts").toFile().listFiles()[0].toPath()); // incomplete folder
        Files.writeString(out.resolve("c/summary.json"), "{"); // changed after gaitform wrote it: kept, never replaced
        BatchResult r = run(in, out);
        assertThat(statuses(r)).containsExactlyEntriesOf(Map.of("a", Outcome.Status.OK, "b", Outcome.Status.OK,
                "c", Outcome.Status.FAILED, "d", Outcome.Status.SKIPPED).entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .collect(LinkedHashMap::new, (m, e) -> m.put(e.getKey(), e.getValue()), Map::putAll));
        assertThat(r.outcomes().get(2).message()).contains(out.resolve("c") + " exists and was not written by gaitform "
                + "(summary.json was changed after gaitform wrote it); choose another --out or move it");
        assertThat(Files.readString(out.resolve("c/summary.json"))).isEqualTo("{");
        // the user moves it away: the next run writes the session again
        Files.move(out.resolve("c"), dir.resolve("c-kept"));
        assertThat(statuses(run(in, out))).containsEntry("c", Outcome.Status.OK);
        assertThat(Files.readString(out.resolve("c/summary.json"))).startsWith("{\n");

        org.gaitform.report.AtomicFiles.deleteTree(out.resolve("d")); // folder gone
        assertThat(statuses(run(in, out))).containsEntry("d", Outcome.Status.OK).containsEntry("a", Outcome.Status.SKIPPED);

        // another option that changes results: everything is redone
        ImuReadOptions imu = new ImuReadOptions(new EnumMap<>(Channel.class), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.of(Placement.LOWER_BACK));
        AnalysisSettings other = new AnalysisSettings(new ReadOptions(imu), GuidelineTable.builtIn());
        BatchResult changed = run(in, out, other, false);
        assertThat(changed.skippedCount()).isZero();
        assertThat(Files.readString(out.resolve("a/summary.json"))).contains("\"placement\": \"lower_back\"");
        assertThat(run(in, out, other, false).skippedCount()).isEqualTo(4);
    }

    @Test
    void anInputThatNowFailsLosesItsOldResults(@TempDir Path dir) throws IOException {
        Path in = dir.resolve("in");
        TempDirs.write(dir, "in/a.csv", good);
        Path out = dir.resolve("out");
        run(in, out);
        assertThat(out.resolve("a/report.pdf")).exists();
        assertThat(Manifest.load(out).sessionIds()).containsExactly("a");
        TempDirs.write(dir, "in/a.csv", "time,acc_v\n0,1\n0.01,x\n");
        BatchResult r = run(in, out);
        assertThat(r.failedCount()).isEqualTo(1);
        assertThat(out.resolve("a")).doesNotExist();
        assertThat(Manifest.load(out).sessionIds()).isEmpty();
    }

    @Test
    void aDamagedManifestMeansEverythingIsRedone(@TempDir Path dir) throws IOException {
        Path in = dir.resolve("in");
        TempDirs.write(dir, "in/a.csv", good);
        Path out = dir.resolve("out");
        run(in, out);
        Files.writeString(out.resolve(Manifest.FILE_NAME), "session_id,input\n\"unclosed,\n");
        assertThat(statuses(run(in, out))).containsEntry("a", Outcome.Status.OK);
        Files.write(out.resolve(Manifest.FILE_NAME), new byte[] {0, 1, 2, (byte) 0xff, '\n', ','});
        assertThat(statuses(run(in, out))).containsEntry("a", Outcome.Status.OK);
        assertThat(statuses(run(in, out))).containsEntry("a", Outcome.Status.SKIPPED);
    }

    @Test
    void theManifestKeepsAnyTextExactlyAndNeutralisesFormulas(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("out");
        java.nio.file.Files.createDirectories(out);
        Manifest m = Manifest.load(out);
        for (String s : List.of("=1+2", "'quoted", "''two", "+x", "-y", "@z", "\ttab", "plain, \"comma\"\nnewline", "")) {
            org.gaitform.report.BatchSummaryCsv.Row row = new org.gaitform.report.BatchSummaryCsv.Row(s, "id" + s.hashCode(),
                    true, s, s, s, 1, -2.5, Double.NaN, 4, 5, 6, 7, s, s);
            m.put(new Manifest.Entry("id" + s.hashCode(), s, "a", "b", "c", row));
        }
        String text = java.nio.file.Files.readString(out.resolve(Manifest.FILE_NAME));
        assertThat(text.lines().skip(1)).noneMatch(l -> l.startsWith("=") || l.contains(",=") || l.contains(",@"));
        Manifest back = Manifest.load(out);
        assertThat(back.size()).isEqualTo(9);
        for (String id : back.sessionIds()) {
            Manifest.Entry e = back.get(id);
            assertThat(e.row().message()).isEqualTo(e.input());
            assertThat(e.row().topFinding()).isEqualTo(e.input());
            assertThat(e.row().cadenceSpm()).isEqualTo(-2.5);
            assertThat(e.row().contactMs()).isNaN();
        }
        assertThat(back.sessionIds().stream().map(i -> back.get(i).input()))
                .contains("=1+2", "'quoted", "''two", "\ttab", "plain, \"comma\"\nnewline", "");
    }

    @Test
    void aSecondRunIntoTheSameFolderIsRefused(@TempDir Path dir) throws IOException {
        Path in = dir.resolve("in");
        TempDirs.write(dir, "in/a.csv", good);
        Path out = dir.resolve("out");
        try (OutputLock held = OutputLock.acquire(out)) {
            assertThatThrownBy(() -> run(in, out)).isInstanceOf(GaitformException.class)
                    .hasMessageContaining("another gaitform run is writing into");
        }
        assertThat(run(in, out).okCount()).isEqualTo(1);
    }

    @Test
    void theFingerprintCoversEveryOptionAndIgnoresMapOrder() {
        Map<Channel, String> ab = new LinkedHashMap<>();
        ab.put(Channel.ACC_X, "a");
        ab.put(Channel.ACC_Y, "b");
        Map<Channel, String> ba = new LinkedHashMap<>();
        ba.put(Channel.ACC_Y, "b");
        ba.put(Channel.ACC_X, "a");
        String c1 = SettingsFingerprint.canonical(settings(ab, Optional.empty()), "1", 200);
        String c2 = SettingsFingerprint.canonical(settings(ba, Optional.empty()), "1", 200);
        assertThat(c1).isEqualTo(c2).contains("ACC_X").contains("\"a\"").contains("rateHz=None");
        assertThat(SettingsFingerprint.canonical(settings(ab, Optional.of(100.0)), "1", 200)).isNotEqualTo(c1)
                .contains("rateHz=Some(100.0)");
        assertThat(SettingsFingerprint.canonical(settings(ab, Optional.empty()), "2", 200)).isNotEqualTo(c1);
        // the guideline table's content is part of it (thresholds, advice, sources)
        assertThat(c1).contains("R1").contains("cadence_spm");
        assertThat(SettingsFingerprint.of(settings(ab, Optional.empty()), "1", 200))
                .isEqualTo(SettingsFingerprint.of(settings(ba, Optional.empty()), "1", 200)).hasSize(64);
    }

    private static AnalysisSettings settings(Map<Channel, String> columns, Optional<Double> rate) {
        return new AnalysisSettings(new ReadOptions(new ImuReadOptions(columns, Optional.empty(), Optional.empty(),
                Optional.empty(), rate, Optional.empty())), GuidelineTable.builtIn());
    }
}
