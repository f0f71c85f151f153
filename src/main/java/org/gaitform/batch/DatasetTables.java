package org.gaitform.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gaitform.dataset.DatasetFormat;
import org.gaitform.dataset.DatasetWriter;
import org.gaitform.dataset.SessionRows;
import org.gaitform.guidelines.GuidelineTable;

/**
 * Writes a batch's dataset tables ({@code steps}, {@code bouts}, {@code sessions}, {@code findings}) at the top of
 * the output folder, in input order, from the session folders of this run: sessions analysed now and sessions
 * skipped as unchanged alike (their folders hold the same tables), and a {@code sessions} row with the message for
 * each input that failed.
 */
final class DatasetTables {
    private static final String SUMMARY = "summary.json";
    private DatasetTables() {
    }

    /**
     * Writes the tables through {@code files}: each checked (never over a file gaitform did not write), written in
     * the temporary area and recorded in the manifest.
     *
     * @return the files written, in table order
     */
    static List<Path> write(List<Outcome> outcomes, Path outDir, BatchFiles files, DatasetFormat format,
                            GuidelineTable guidelines, String version) throws IOException {
        List<DatasetWriter.Loader> loaders = new ArrayList<>();
        for (Outcome o : outcomes) {
            String status = switch (o.status()) {
                case OK -> "ok";
                case SKIPPED -> "skipped";
                case FAILED -> "failed";
            };
            Path folder = outDir.resolve(o.sessionId());
            if (o.ok() && Files.exists(folder.resolve(SUMMARY))) {
                loaders.add(() -> SessionRows.fromFolder(folder, o.sessionId(), o.input().display(), status, o.message(),
                        Map.of(), guidelines));
            } else if (o.ok()) {
                // a runner's account export: the history row, then each recent run's session folder under runs/
                loaders.add(() -> SessionRows.statusOnly(o.sessionId(), o.input().display(), status, o.message(),
                        Map.of()));
                for (Path run : recentRuns(folder)) {
                    String id = o.sessionId() + "/" + run.getFileName();
                    loaders.add(() -> SessionRows.fromFolder(run, id, o.input().display() + " (" + run.getFileName()
                            + ")", status, "", Map.of(), guidelines));
                }
            } else {
                loaders.add(() -> SessionRows.failed(o.sessionId(), o.input().display(), o.message(), Map.of()));
            }
        }
        return DatasetWriter.write(files::writeWith, format, loaders, version).stream().map(outDir::resolve).toList();
    }

    /** The session folders of an account export's most recent runs ({@code runs/*} with a summary), in name order. */
    private static List<Path> recentRuns(Path folder) throws IOException {
        Path runs = folder.resolve("runs");
        if (!Files.isDirectory(runs)) {
            return List.of();
        }
        try (java.util.stream.Stream<Path> s = Files.list(runs)) {
            return s.filter(p -> Files.isRegularFile(p.resolve(SUMMARY)) && Files.isRegularFile(p.resolve("steps.csv")))
                    .sorted().toList();
        }
    }
}
