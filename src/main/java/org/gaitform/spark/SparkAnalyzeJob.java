package org.gaitform.spark;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.gaitform.cli.AnalysisOptions;
import org.gaitform.cli.GuidelinesOption;
import org.gaitform.dataset.DatasetTable;
import org.gaitform.dataset.SessionRows;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code spark-submit --class org.gaitform.spark.SparkAnalyzeJob gaitform.jar INPUT… --out OUT}: the batch of
 * {@code gaitform analyze} on Apache Spark. The driver finds the recordings ({@link SparkInputs}), the executors
 * analyse them ({@link ExecutorAnalysis}), and the dataset tables are written as Parquet ({@link SparkTables}); with
 * {@code --reports} every session's folder (tables, report.pdf, charts) goes to {@code OUT/reports/<session id>/}.
 * The analysis options are those of {@code gaitform analyze} and give the same results.
 */
@Command(name = "org.gaitform.spark.SparkAnalyzeJob", mixinStandardHelpOptions = true,
        versionProvider = SparkAnalyzeJob.Version.class,
        description = {"Analyse recordings on Apache Spark: each recording in an executor with the same analysis as "
                + "'gaitform analyze', the dataset tables (steps, bouts, sessions, findings) written as Parquet to "
                + "OUT/<table>/, optionally each session's report folder to OUT/reports/<session id>/.", ""},
        footer = {"%nINPUT: files, folders (searched recursively) or globs on any Hadoop file system (file:, hdfs://,",
            "s3a://, …); or --manifest with a CSV listing them. Every analysis option of 'gaitform analyze' applies.",
            "%nExample:",
            "  spark-submit --master 'local[*]' --class org.gaitform.spark.SparkAnalyzeJob target/gaitform.jar \\",
            "      sample-data --out spark-out",
            "%nExit codes: 0 every input analysed; 1 some failed (see the sessions table); 2 usage error;",
            "3 nothing analysed; 4 the output could not be written."})
public final class SparkAnalyzeJob implements Callable<Integer> {
    @Parameters(paramLabel = "INPUT", arity = "0..*", description = "Recordings, folders or globs (any Hadoop file "
            + "system).")
    List<String> inputs = new ArrayList<>();

    @Option(names = {"-o", "--out"}, paramLabel = "OUT", required = true, description = "Output folder (any Hadoop "
            + "file system); must not hold the tables already.")
    String out;

    @Option(names = "--manifest", paramLabel = "CSV", description = "A CSV listing the recordings: a 'path' column "
            + "(relative to the manifest's folder, or absolute URIs) and metadata columns (subject_id, height_cm, "
            + "speed_mps, …, any other) that go with each into the sessions table.")
    String manifest;

    @Option(names = "--partition-by", paramLabel = "COLUMN", description = "Partition every table by this column of "
            + "the sessions table (e.g. subject_id, input_kind, placement, a manifest column).")
    String partitionBy;

    @Option(names = "--reports", description = "Also write each session's folder (steps.csv, bouts.csv, summary.json, "
            + "report.pdf, charts/) to OUT/reports/<session id>/.")
    boolean reports;

    @Option(names = "--partitions", paramLabel = "N", description = "Spark partitions of the recordings (default: three "
            + "per core of the cluster, at most one per recording).")
    Integer partitions;

    @Option(names = "--copy-inputs", hidden = true, description = "Copy every recording to the executor also from a "
            + "local file system, and list local folders through Hadoop (tests the remote path).")
    boolean copyInputs;

    @CommandLine.Mixin
    AnalysisOptions analysis = new AnalysisOptions();

    @CommandLine.Mixin
    GuidelinesOption guidelines = new GuidelinesOption();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private String[] args = new String[0];
    private SparkSession session;

    /** Run by spark-submit. */
    public static void main(String[] args) {
        int code = run(args, null, new PrintWriter(System.out, true, StandardCharsets.UTF_8),
                new PrintWriter(System.err, true, StandardCharsets.UTF_8));
        if (code != 0) {
            System.exit(code);
        }
    }

    /**
     * Runs the job.
     *
     * @param args    its arguments
     * @param spark   the session to run in, or {@code null} for the one spark-submit configured
     * @param out     where the summary goes
     * @param err     where failures and errors go
     * @return the exit code
     */
    public static int run(String[] args, SparkSession spark, PrintWriter out, PrintWriter err) {
        SparkAnalyzeJob job = new SparkAnalyzeJob();
        job.args = args.clone();
        job.session = spark;
        CommandLine cl = new CommandLine(job).setOut(out).setErr(err);
        return cl.execute(args);
    }

    @Override
    public Integer call() {
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter e = spec.commandLine().getErr();
        if (inputs.isEmpty() == (manifest == null)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give either INPUT paths or --manifest CSV");
        }
        if (partitions != null && partitions < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--partitions must be at least 1");
        }
        // the settings are checked here, on the driver, before any work: a bad option is a usage error
        analysis.settings(guidelines.table());
        String guidelinesCsv = null;
        String guidelinesOrigin = null;
        if (guidelines.file().isPresent()) {
            try {
                guidelinesCsv = java.nio.file.Files.readString(guidelines.file().get(), StandardCharsets.UTF_8);
                guidelinesOrigin = guidelines.file().get().toString();
            } catch (java.io.IOException ex) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--guidelines: " + ex.getMessage());
            }
        }
        SparkSession spark = session != null ? session : SparkSession.builder().appName("gaitform").getOrCreate();
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        String outUri;
        try {
            Path outPath = new Path(out);
            FileSystem outFs = outPath.getFileSystem(conf);
            outUri = outFs.makeQualified(outPath).toString();
            for (DatasetTable t : DatasetTable.values()) {
                if (outFs.exists(new Path(outUri, t.fileStem()))) {
                    e.println("gaitform: " + new Path(outUri, t.fileStem()) + " already exists; gaitform does not "
                            + "overwrite tables: choose another --out or remove it");
                    return 4;
                }
            }
            if (reports && outFs.exists(new Path(outUri, "reports"))) {
                e.println("gaitform: " + new Path(outUri, "reports") + " already exists; choose another --out or "
                        + "remove it");
                return 4;
            }
        } catch (java.io.IOException ex) {
            e.println("gaitform: cannot use the output folder " + out + ": " + ex.getMessage());
            return 4;
        }
        List<InputRef> refs;
        try {
            SparkInputs finder = new SparkInputs(conf, copyInputs);
            refs = manifest != null ? finder.manifest(manifest) : finder.discover(inputs, outUri);
        } catch (java.io.IOException | IllegalArgumentException ex) {
            e.println("gaitform: " + ex.getMessage());
            return 2;
        }
        if (refs.isEmpty()) {
            e.println("gaitform: no recordings found in " + inputs);
            return 3;
        }
        Map<String, String> hadoop = new LinkedHashMap<>();
        conf.forEach(x -> hadoop.put(x.getKey(), x.getValue()));
        JobSpec jobSpec = new JobSpec(Arrays.asList(args), guidelinesCsv, guidelinesOrigin,
                reports ? new Path(outUri, "reports").toString() : null, copyInputs,
                org.gaitform.cli.VersionProvider.version());
        Broadcast<JobSpec> specB = jsc.broadcast(jobSpec);
        Broadcast<Map<String, String>> confB = jsc.broadcast(hadoop);
        int slices = partitions != null ? partitions : Math.max(1, Math.min(refs.size(), 3 * jsc.defaultParallelism()));
        JavaRDD<SessionRows> results = jsc.parallelize(refs, slices).mapPartitions(new ExecutorAnalysis(specB, confB))
                .persist(StorageLevel.MEMORY_AND_DISK());
        try {
            // one job: the analysis, each partition's columns and each session's status
            List<SparkTables.Summary> parts = results.mapPartitions(SparkTables.Summary::of).collect();
            SparkTables.Schemas schemas = new SparkTables.Schemas();
            List<String[]> statuses = new ArrayList<>();
            for (SparkTables.Summary s : parts) {
                schemas.merge(s.schemas());
                statuses.addAll(s.statuses());
            }
            if (partitionBy != null && schemas.byTable.get(DatasetTable.SESSIONS).columns().stream()
                    .noneMatch(c -> c.name().equals(partitionBy))) {
                e.println("gaitform: --partition-by " + partitionBy + ": no such column in the sessions table; it has "
                        + String.join(", ", schemas.byTable.get(DatasetTable.SESSIONS).columns().stream()
                        .map(c -> c.name()).limit(30).toList()) + ", …");
                return 2;
            }
            Map<DatasetTable, String> written;
            try {
                written = SparkTables.write(results, schemas, outUri, partitionBy, jobSpec.version(), confB);
            } catch (java.io.IOException ex) {
                e.println("gaitform: could not write the dataset tables to " + outUri + ": " + ex.getMessage());
                return 4;
            }
            long failed = statuses.stream().filter(s -> "failed".equals(s[1])).count();
            long ok = statuses.size() - failed;
            int shown = 0;
            for (String[] s : statuses) {
                if ("failed".equals(s[1]) && shown++ < 50) {
                    e.println("FAIL  " + s[3] + ": " + s[2]);
                }
            }
            o.printf(Locale.ROOT, "%d of %d input(s) analysed, %d failed; dataset tables (Parquet%s): %s%s%n", ok,
                    statuses.size(), failed, partitionBy == null ? "" : ", partitioned by " + partitionBy,
                    String.join(", ", written.values()), reports ? "; session folders in " + jobSpec.reportsUri() : "");
            return failed == 0 ? 0 : ok == 0 ? 3 : 1;
        } catch (RuntimeException ex) {
            e.println("gaitform: the Spark job failed: " + ex);
            return 4;
        } finally {
            results.unpersist(false);
            specB.destroy();
            confB.destroy();
        }
    }

    /** gaitform's version for {@code --version}. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"gaitform " + org.gaitform.cli.VersionProvider.version() + " (Spark job)"};
        }
    }
}
