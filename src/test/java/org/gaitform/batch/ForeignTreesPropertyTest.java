package org.gaitform.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.gaitform.model.GaitformException;
import org.gaitform.pipeline.AnalysisSettings;
import org.gaitform.report.AtomicFiles;
import org.gaitform.support.Fixtures;
import org.gaitform.support.TempDirs;
import org.gaitform.support.TreeSnapshot;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Property: whatever files, folders and links that gaitform did not write are in an output folder — named like the
 * batch's sessions (in any case), like the batch's own files, like its temporary files, or anything else; a session
 * folder of an earlier run that the user replaced, edited or added to — a batch into that folder never deletes,
 * changes, moves or re-permissions any of them (a full snapshot of every path, its kind, permissions and content
 * before and after), whether it completes, fails some sessions or refuses to run. Random trees from fixed seeds.
 */
class ForeignTreesPropertyTest {
    static final List<String> INPUTS = List.of("run_a", "run_b");
    static final List<String> SESSION_LIKE = List.of("run_a", "RUN_B", "Run_C", "run_a.csv", "run_b-2", "in_run_a");
    static final List<String> RESERVED_LIKE = List.of("batch-summary.csv", "Batch-Report.PDF", "runner-report.pdf",
            "weekly-load.csv", "steps.csv", "sessions.parquet", "findings.csv", "bouts.csv", "runner-report-in.pdf",
            ".gaitform-tmp-notes", ".gaitform-tmp", ".gaitform-session", ".gaitformrc", ".gaitform-tmp-x.tmp");
    static String good;

    @BeforeAll
    static void simulate() {
        good = Fixtures.shortRunCsv();
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void aBatchNeverTouchesWhatGaitformDidNotWrite(long seed, @TempDir Path dir) throws IOException {
        Random rnd = new Random(seed);
        Path in = dir.resolve("in");
        for (String n : INPUTS) {
            TempDirs.write(in, n + ".csv", good);
        }
        Path out = dir.resolve("out");
        Path victim = dir.resolve("elsewhere");
        TempDirs.write(victim, "precious.txt", "outside the output folder, reached by a link");
        boolean earlier = rnd.nextBoolean();
        if (earlier) {
            run(in, out, 1, false);
        }
        Files.createDirectories(out);
        Set<Path> foreign = new LinkedHashSet<>();
        int entries = 3 + rnd.nextInt(8);
        for (int i = 0; i < entries; i++) {
            String name = switch (rnd.nextInt(3)) {
                case 0 -> pick(rnd, SESSION_LIKE);
                case 1 -> pick(rnd, RESERVED_LIKE);
                default -> randomName(rnd);
            };
            Path p = out.resolve(name);
            if (foreign.contains(p)) {
                continue;
            }
            if (Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
                // something gaitform wrote: the user edits it, adds to it, or replaces it with their own
                switch (rnd.nextInt(3)) {
                    case 0 -> edit(rnd, p);
                    case 1 -> {
                        if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                            TempDirs.write(p, "notes-" + i + ".txt", "added by the user");
                        } else {
                            edit(rnd, p);
                        }
                    }
                    default -> {
                        AtomicFiles.deleteTree(p);
                        plant(rnd, p, victim, 0);
                    }
                }
            } else {
                plant(rnd, p, victim, 0);
            }
            foreign.add(p);
        }
        List<Path> roots = new ArrayList<>(foreign);
        roots.add(victim);
        Map<String, String> before = TreeSnapshot.of(dir, roots);

        // the second run: another input fails now, or changed, with or without --force, with one or two jobs
        String changed = pick(rnd, INPUTS);
        TempDirs.write(in, changed + ".csv", rnd.nextBoolean() ? "time,acc_v\n0,1\n0.01,x\n" : good + "\n");
        BatchResult r = null;
        try {
            r = run(in, out, 1 + rnd.nextInt(2), rnd.nextBoolean());
        } catch (GaitformException e) {
            assertThat(e.getMessage()).as("a refusal says why").contains("was not ");
        }
        assertThat(TreeSnapshot.of(dir, roots)).as("seed %d: foreign %s", seed, foreign).isEqualTo(before);
        if (r != null) {
            for (Outcome o : r.outcomes()) {
                Path place = out.resolve(o.sessionId());
                // the same place (on a file system that ignores case, RUN_B is run_b)
                boolean occupied = foreign.stream().anyMatch(f -> same(f, place));
                if (occupied) {
                    assertThat(o.status()).as(o.toString()).isEqualTo(Outcome.Status.FAILED);
                    assertThat(o.message()).contains("exists and was not written by gaitform");
                } else if (!o.sessionId().equals(changed) || o.ok()) {
                    assertThat(place.resolve("summary.json")).as(o.toString()).isRegularFile();
                }
            }
        }
    }

    static boolean same(Path a, Path b) {
        try {
            return Files.exists(a, LinkOption.NOFOLLOW_LINKS) && Files.exists(b, LinkOption.NOFOLLOW_LINKS)
                    && a.getFileName().toString().equalsIgnoreCase(b.getFileName().toString())
                    && Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }

    static BatchResult run(Path in, Path out, int jobs, boolean force) throws IOException {
        return new BatchRunner(AnalysisSettings.defaults(), "test", new BatchOptions(jobs, force)).run(List.of(in), out,
                BatchListener.NONE);
    }

    /** A file, a folder tree (with empty folders and links inside) or a link at {@code p}. */
    static void plant(Random rnd, Path p, Path victim, int depth) throws IOException {
        int kind = depth >= 2 ? 0 : rnd.nextInt(5);
        switch (kind) {
            case 0, 1 -> {
                Files.createDirectories(p.getParent());
                byte[] b = new byte[rnd.nextInt(200)];
                rnd.nextBytes(b);
                Files.write(p, b);
            }
            case 2, 3 -> {
                Files.createDirectories(p);
                int n = rnd.nextInt(4);
                for (int i = 0; i < n; i++) {
                    plant(rnd, p.resolve(i == 0 && rnd.nextBoolean() ? "steps.csv" : randomName(rnd)), victim, depth + 1);
                }
            }
            default -> {
                Files.createDirectories(p.getParent());
                Path target = switch (rnd.nextInt(3)) {
                    case 0 -> victim;
                    case 1 -> victim.resolve("precious.txt");
                    default -> p.getParent().resolve("nowhere-" + rnd.nextInt(100));
                };
                Files.createSymbolicLink(p, target);
            }
        }
    }

    /** Changes one file gaitform wrote (or the folder's first file). */
    static void edit(Random rnd, Path p) throws IOException {
        Path f = p;
        if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
            try (var s = Files.walk(p)) {
                f = s.filter(x -> Files.isRegularFile(x, LinkOption.NOFOLLOW_LINKS)).sorted().findFirst().orElse(null);
            }
            if (f == null) {
                TempDirs.write(p, "notes.txt", "added");
                return;
            }
        }
        Files.writeString(f, "edited by the user " + rnd.nextInt(), java.nio.file.StandardOpenOption.APPEND);
    }

    static String randomName(Random rnd) {
        String alphabet = "abcXYZ019._- ";
        StringBuilder sb = new StringBuilder();
        int n = 1 + rnd.nextInt(8);
        for (int i = 0; i < n; i++) {
            sb.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
        }
        String s = sb.toString().trim();
        return s.isEmpty() || s.equals(".") || s.equals("..") || s.startsWith(".gaitform") ? "x" + rnd.nextInt(1000) : s;
    }

    static <T> T pick(Random rnd, List<T> from) {
        return from.get(rnd.nextInt(from.size()));
    }
}
