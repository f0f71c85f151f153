package org.gaitform.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SessionIdsTest {
    @Test
    void stemsWithParentsWhenTheyClash() {
        List<String> ids = SessionIds.assign(List.of(Path.of("a/run.csv"), Path.of("b/run.csv"), Path.of("c/walk.csv"),
                Path.of("a/run.tsv")));
        assertThat(ids).containsExactly("a_run", "b_run", "walk", "a_run-2");
    }

    @Test
    void idsAreSafeFolderNames() {
        List<String> ids = SessionIds.assign(List.of(Path.of("../../etc/passwd"), Path.of("x/..csv"),
                Path.of("séance n°1 (test).csv"), Path.of("batch-summary.csv"), Path.of("=cmd|' /C calc'!A0.csv")));
        for (String id : ids) {
            assertThat(id).matches("[A-Za-z0-9][A-Za-z0-9._-]*").doesNotContain("..").hasSizeLessThanOrEqualTo(80);
        }
        assertThat(ids.get(2)).isEqualTo("s_ance_n_1_test_");
        assertThat(ids.get(3)).isEqualTo("session_batch-summary");
    }

    @Test
    void compressedExportsLoseBothSuffixes() {
        // issue 11: run.gpx.gz got the id run.gpx
        assertThat(SessionIds.assign(List.of(Path.of("a/run.gpx.gz"), Path.of("b/ride.fit.GZ"), Path.of("c/x.gz"),
                Path.of("d/.gz")))).containsExactly("run", "ride", "x", "gz");
    }

    @Test
    void namesGaitformWritesAtTheTopOfTheOutputFolderAreNeverIds() {
        java.util.List<Path> inputs = new java.util.ArrayList<>();
        for (String reserved : org.gaitform.report.OutputNames.reserved()) {
            inputs.add(Path.of("in", reserved + ".csv"));
            inputs.add(Path.of("in2", reserved.toUpperCase(java.util.Locale.ROOT) + ".tsv"));
        }
        inputs.add(Path.of("in", "runner-report-alice.pdf.csv"));
        inputs.add(Path.of("in", "weekly-load-bob.csv.csv"));
        for (String id : SessionIds.assign(inputs)) {
            assertThat(org.gaitform.report.OutputNames.isReserved(id)).as(id).isFalse();
        }
        assertThat(SessionIds.assign(List.of(Path.of("batch-summary.csv.csv")))).containsExactly(
                "session_batch-summary.csv");
    }

    @Test
    void idsOfAnEarlierRunAreKept() {
        List<Path> paths = List.of(Path.of("in/run.csv"), Path.of("in/run.tsv"));
        List<String> keys = List.of("in/run.csv", "in/run.tsv");
        assertThat(SessionIds.assign(paths, keys, java.util.Map.of("in/run.csv", "run"))).containsExactly("run", "in_run");
        assertThat(SessionIds.assign(paths, keys, java.util.Map.of("in/run.tsv", "run"))).containsExactly("in_run", "run");
        // an id that is no longer valid (unsafe, reserved, or taken twice) is assigned afresh
        assertThat(SessionIds.assign(paths, keys, java.util.Map.of("in/run.csv", "../x", "in/run.tsv", "batch-summary.csv")))
                .containsExactly("in_run", "in_run-2");
        assertThat(SessionIds.assign(paths, keys, java.util.Map.of("in/run.csv", "same", "in/run.tsv", "SAME")))
                .containsExactly("same", "in_run");
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void randomPathsGetUniqueSafeIds(long seed) {
        Random rnd = new Random(seed);
        String alphabet = "aB1._-/ é\\:*?\"<>|";
        List<Path> paths = new java.util.ArrayList<>();
        for (int i = 0; i < 200; i++) {
            StringBuilder sb = new StringBuilder();
            for (int k = 0; k < 1 + rnd.nextInt(12); k++) {
                char c = alphabet.charAt(rnd.nextInt(alphabet.length()));
                sb.append(c == '/' && sb.length() == 0 ? 'x' : c);
            }
            paths.add(Path.of("root", sb.toString().replace("\\", "_").replace(":", "_").replace("*", "_")
                    .replace("?", "_").replace("\"", "_").replace("<", "_").replace(">", "_").replace("|", "_") + ".csv"));
        }
        List<String> ids = SessionIds.assign(paths);
        assertThat(new HashSet<>(ids.stream().map(String::toLowerCase).toList())).hasSize(paths.size());
        for (String id : ids) {
            assertThat(id).matches("[A-Za-z0-9][A-Za-z0-9._-]*");
            assertThat(Path.of("out").resolve(id).normalize().startsWith(Path.of("out"))).isTrue();
        }
    }
}
