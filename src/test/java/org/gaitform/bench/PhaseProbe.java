package org.gaitform.bench;

import java.nio.file.Path;
import java.util.Locale;
import org.gaitform.io.InputReaders;
import org.gaitform.io.ReadOptions;
import org.gaitform.model.SessionResult;
import org.gaitform.pipeline.AnalysisSettings;
import org.gaitform.pipeline.SessionPipeline;
import org.gaitform.report.SessionWriter;

/** Times the phases of one file's analysis, cold then warm, in this JVM (a profiling aid): {@code FILE [runs]}. */
public final class PhaseProbe {
    private PhaseProbe() {
    }

    public static void main(String[] args) throws Exception {
        Path f = Path.of(args[0]);
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        int preamble = Benchmark.preambleLines(f);
        AnalysisSettings settings = AnalysisSettings.defaults().withReportDetail(false);
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            new InputReaders().read(f, f.getFileName().toString(), ReadOptions.DEFAULTS);
            long t1 = System.nanoTime();
            SessionResult r = new SessionPipeline(settings).analyse(f, f.getFileName().toString(), "probe");
            long t2 = System.nanoTime();
            SessionWriter.tables(r, "probe");
            long t3 = System.nanoTime();
            double csv = Benchmark.commonsCsvParse(f, preamble);
            long t4 = System.nanoTime();
            System.out.printf(Locale.ROOT, "run %d: read %.3f s, read+analysis %.3f s, tables %.3f s, Commons CSV parse "
                    + "%.3f s (%.0f)%n", i + 1, (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9, (t4 - t3) / 1e9, csv);
        }
    }
}
