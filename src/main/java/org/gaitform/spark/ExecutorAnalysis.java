package org.gaitform.spark;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.gaitform.batch.SessionMessages;
import org.gaitform.dataset.SessionRows;
import org.gaitform.guidelines.GuidelineTable;
import org.gaitform.model.SessionResult;
import org.gaitform.pipeline.AnalysisSettings;
import org.gaitform.pipeline.SessionPipeline;
import org.gaitform.report.AtomicFiles;
import org.gaitform.report.ChartImages;
import org.gaitform.report.Outputs;
import org.gaitform.report.SessionWriter;
import picocli.CommandLine;

/**
 * The executors' part: analyses the recordings of one Spark partition, one after the other, with the same
 * {@link SessionPipeline} and settings as the command line, and returns each session's dataset rows. A recording
 * on a file system other than the local one is first copied to a temporary folder on the executor (a folder
 * recording with everything in it, and the files that belong with it: metadata sidecar, standing trial, the
 * {@code sessions.csv} indexes above it), so that the readers see the same layout as on the command line. With a
 * manifest, its columns are written beside the copy as the recording's metadata sidecar. A recording that cannot be
 * copied, read or analysed becomes a {@code failed} row with its message; it never fails the task.
 */
final class ExecutorAnalysis implements FlatMapFunction<Iterator<InputRef>, SessionRows> {
    private static final long serialVersionUID = 1L;
    /** One pipeline per executor JVM and job. */
    private static final Map<JobSpec, SessionPipeline> PIPELINES = new ConcurrentHashMap<>();

    private final Broadcast<JobSpec> spec;
    private final Broadcast<Map<String, String>> hadoopConf;

    ExecutorAnalysis(Broadcast<JobSpec> spec, Broadcast<Map<String, String>> hadoopConf) {
        this.spec = spec;
        this.hadoopConf = hadoopConf;
    }

    @Override
    public Iterator<SessionRows> call(Iterator<InputRef> inputs) {
        JobSpec s = spec.value();
        SessionPipeline pipeline = PIPELINES.computeIfAbsent(s, ExecutorAnalysis::pipeline);
        Configuration conf = new Configuration(false);
        hadoopConf.value().forEach(conf::set);
        SessionWriter writer = s.reportsUri() == null ? null : new SessionWriter(pipeline.settings().guidelines(),
                s.version(), ChartImages.DEFAULT_DPI, Outputs.ALL);
        List<SessionRows> out = new ArrayList<>();
        while (inputs.hasNext()) {
            out.add(analyse(inputs.next(), s, pipeline, writer, conf));
        }
        return out.iterator();
    }

    /** The settings the job's arguments give, with the guideline table the driver read. */
    static SessionPipeline pipeline(JobSpec s) {
        SparkAnalyzeJob job = new SparkAnalyzeJob();
        new CommandLine(job).parseArgs(s.args().toArray(String[]::new));
        GuidelineTable table = s.guidelinesCsv() == null ? GuidelineTable.builtIn()
                : GuidelineTable.fromText(s.guidelinesCsv(), s.guidelinesOrigin());
        AnalysisSettings settings = job.analysis.settings(table).withReportDetail(s.reportsUri() != null);
        return new SessionPipeline(settings);
    }

    static SessionRows analyse(InputRef in, JobSpec s, SessionPipeline pipeline, SessionWriter writer,
                               Configuration conf) {
        java.nio.file.Path tmp = null;
        try {
            java.nio.file.Path local;
            URI uri = URI.create(in.uri());
            if (!s.copyInputs() && in.metadata().isEmpty() && "file".equals(uri.getScheme())) {
                local = java.nio.file.Path.of(uri);
            } else {
                tmp = Files.createTempDirectory("gaitform-spark-");
                local = localise(in, tmp, conf);
            }
            SessionResult r = pipeline.analyse(local, in.display(), in.sessionId());
            Map<String, String> tables = SessionWriter.tables(r, s.version());
            if (writer != null) {
                if (tmp == null) {
                    tmp = Files.createTempDirectory("gaitform-spark-");
                }
                upload(writer.write(r, tmp.resolve("out")), in.sessionId(), s.reportsUri(), conf);
            }
            return SessionRows.analysed(in.sessionId(), in.display(), "ok", SessionMessages.ok(r),
                    tables.get("steps.csv"), tables.get("bouts.csv"), tables.get("summary.json"), in.metadata(),
                    pipeline.settings().guidelines());
        } catch (OutOfMemoryError | RuntimeException | StackOverflowError e) {
            return SessionRows.failed(in.sessionId(), in.display(), SessionMessages.failure(in.display(), e),
                    in.metadata());
        } catch (IOException e) {
            return SessionRows.failed(in.sessionId(), in.display(), in.display() + ": could not be copied to the "
                    + "executor or its report written (" + e.getMessage() + ")", in.metadata());
        } finally {
            if (tmp != null) {
                try {
                    AtomicFiles.deleteTree(tmp);
                } catch (IOException ignored) {
                    // the executor's temporary folder is cleaned by the system
                }
            }
        }
    }

    /** Copies the recording and its companions into {@code tmp/a/b/c/} and writes the manifest's sidecar. */
    private static java.nio.file.Path localise(InputRef in, java.nio.file.Path tmp, Configuration conf)
            throws IOException {
        java.nio.file.Path dir = Files.createDirectories(tmp.resolve("in/a/b/c"));
        Path src = new Path(in.uri());
        FileSystem fs = src.getFileSystem(conf);
        java.nio.file.Path local = dir.resolve(src.getName());
        if (!fs.exists(src)) {
            // left for the reader to report as on the command line ("nothing at …")
            return local;
        }
        fs.copyToLocalFile(false, src, new Path(local.toUri()), true);
        for (InputRef.Companion c : in.companions()) {
            java.nio.file.Path target = dir.resolve(c.relative()).normalize();
            if (target.startsWith(tmp) && !Files.exists(target)) {
                Path cp = new Path(c.uri());
                cp.getFileSystem(conf).copyToLocalFile(false, cp, new Path(target.toUri()), true);
            }
        }
        if (!in.metadata().isEmpty()) {
            String name = local.getFileName().toString();
            int dot = name.lastIndexOf('.');
            String stem = dot > 0 && !Files.isDirectory(local) ? name.substring(0, dot) : name;
            StringBuilder sb = new StringBuilder();
            try (CSVPrinter p = new CSVPrinter(sb, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get())) {
                p.printRecord(in.metadata().keySet());
                p.printRecord(in.metadata().values());
            }
            Files.writeString(dir.resolve(stem + ".meta.csv"), sb.toString(), StandardCharsets.UTF_8);
        }
        return local;
    }

    /** Puts a session's report folder at {@code reports/<session id>} of the output file system. */
    private static void upload(java.nio.file.Path folder, String id, String reportsUri, Configuration conf)
            throws IOException {
        Path dest = new Path(reportsUri, id);
        FileSystem fs = dest.getFileSystem(conf);
        Path staging = new Path(reportsUri, AtomicFiles.TEMP_PREFIX + id);
        fs.delete(staging, true);
        fs.copyFromLocalFile(false, true, new Path(folder.toUri()), staging);
        // a folder of an earlier attempt of this task is this job's own
        fs.delete(dest, true);
        if (!fs.rename(staging, dest)) {
            throw new IOException("could not rename " + staging + " to " + dest);
        }
    }
}
