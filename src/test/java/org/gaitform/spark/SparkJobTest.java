package org.gaitform.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.gaitform.batch.BatchListener;
import org.gaitform.batch.BatchOptions;
import org.gaitform.batch.BatchRunner;
import org.gaitform.cli.VersionProvider;
import org.gaitform.dataset.DatasetFormat;
import org.gaitform.dataset.DatasetTable;
import org.gaitform.io.json.JsonReader;
import org.gaitform.pipeline.AnalysisSettings;
import org.gaitform.report.Outputs;
import org.gaitform.support.LongRecordings;
import org.gaitform.support.ParquetRead;
import org.gaitform.support.TempDirs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spark job in local mode ({@code local[2]}) gives the command line's dataset tables, value for value, on
 * sample-data and on a generated batch of 200 sessions with broken files among them; a broken recording is a row
 * with its message, never a failed job; the remote-file-system path (copy to the executor), a manifest with
 * metadata, partitioning and report folders work.
 */
class SparkJobTest {
    @TempDir
    static Path dir;
    static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = SparkSession.builder().master("local[2]").appName("gaitform-test")
                .config("spark.ui.enabled", "false")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.sql.shuffle.partitions", "2")
                .getOrCreate();
    }

    @AfterAll
    static void stop() {
        if (spark != null) {
            spark.stop();
        }
    }

    /** Runs the job; returns its exit code and output. */
    static String[] job(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = SparkAnalyzeJob.run(args, spark, new PrintWriter(out, true), new PrintWriter(err, true));
        return new String[] {Integer.toString(code), out.toString(), err.toString()};
    }

    /** The command line's Parquet tables of the same inputs. */
    static Path cli(List<Path> inputs, Path out) throws IOException {
        new BatchRunner(AnalysisSettings.defaults(), VersionProvider.version(),
                new BatchOptions(2, false, Outputs.TABLES, DatasetFormat.PARQUET)).run(inputs, out, BatchListener.NONE);
        return out;
    }

    /** Every row of a table written by Spark (its part files in name order, partition folders included). */
    static ParquetRead.Content sparkTable(Path out, DatasetTable t) throws IOException {
        List<Path> parts;
        try (Stream<Path> s = Files.walk(out.resolve(t.fileStem()))) {
            parts = s.filter(p -> p.getFileName().toString().endsWith(".parquet")).sorted(Comparator.comparing(Path::toString))
                    .toList();
        }
        assertThat(parts).as("part files of %s", t).isNotEmpty();
        ParquetRead.Content first = ParquetRead.read(parts.get(0));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Path p : parts) {
            ParquetRead.Content c = ParquetRead.read(p);
            assertThat(c.schema()).isEqualTo(first.schema());
            for (Map<String, Object> r : c.rows()) {
                Map<String, Object> row = new LinkedHashMap<>(r);
                // a partition column lives in the folder name
                for (Path d = p.getParent(); !d.equals(out.resolve(t.fileStem())); d = d.getParent()) {
                    String n = d.getFileName().toString();
                    int eq = n.indexOf('=');
                    if (eq > 0) {
                        row.put(n.substring(0, eq), n.substring(eq + 1));
                    }
                }
                rows.add(row);
            }
        }
        return new ParquetRead.Content(first.schema(), first.metadata(), rows);
    }

    /** The units Spark keeps in the footer: each field's metadata {@code unit}. */
    static Map<String, String> sparkUnits(ParquetRead.Content c) throws JsonReader.JsonException {
        Map<String, String> units = new LinkedHashMap<>();
        Map<?, ?> schema = (Map<?, ?>) JsonReader.parse(c.metadata().get("org.apache.spark.sql.parquet.row.metadata"));
        for (Object f : (List<?>) schema.get("fields")) {
            Map<?, ?> field = (Map<?, ?>) f;
            Object unit = ((Map<?, ?>) field.get("metadata")).get("unit");
            if (unit != null) {
                units.put(field.get("name").toString(), unit.toString());
            }
        }
        return units;
    }

    static void assertSameTables(Path cliOut, Path sparkOut) throws Exception {
        for (DatasetTable t : DatasetTable.values()) {
            ParquetRead.Content expected = ParquetRead.read(cliOut.resolve(t.fileStem() + ".parquet"));
            ParquetRead.Content actual = sparkTable(sparkOut, t);
            assertThat(actual.columnNames()).as("columns of %s", t).isEqualTo(expected.columnNames());
            for (String c : expected.columnNames()) {
                assertThat(actual.type(c)).as("type of %s.%s", t, c).isEqualTo(expected.type(c));
            }
            assertThat(actual.rows()).as("rows of %s", t).hasSize(expected.rows().size());
            for (int i = 0; i < expected.rows().size(); i++) {
                assertThat(actual.rows().get(i)).as("%s row %d", t, i).isEqualTo(expected.rows().get(i));
            }
            // the same units in both writers' schemas
            Map<String, Object> cliUnits = new LinkedHashMap<>();
            ((Map<?, ?>) JsonReader.parse(expected.metadata().get("gaitform.units")))
                    .forEach((k, v) -> cliUnits.put(k.toString(), v));
            assertThat(sparkUnits(actual)).as("units of %s", t).isEqualTo(cliUnits);
        }
    }

    private static Path cliSample;

    /** The command line's tables of sample-data (made once). */
    static synchronized Path cliSample() throws IOException {
        if (cliSample == null) {
            cliSample = cli(List.of(Path.of("sample-data")), dir.resolve("cli-sample"));
        }
        return cliSample;
    }

    @Test
    void sampleDataGivesTheCommandLinesTables() throws Exception {
        Path cliOut = cliSample();
        Path out = dir.resolve("spark-sample");
        String[] r = job("sample-data", "--out", out.toString());
        assertThat(r[0]).as(r[2]).isEqualTo("0");
        assertThat(r[1]).contains("6 of 6 input(s) analysed, 0 failed");
        assertSameTables(cliOut, out);
        ParquetRead.Content steps = sparkTable(out, DatasetTable.STEPS);
        assertThat(sparkUnits(steps)).containsEntry("contact_ms", "ms").containsEntry("step_time_s", "s");
        // the output is never overwritten
        String[] again = job("sample-data", "--out", out.toString());
        assertThat(again[0]).isEqualTo("4");
        assertThat(again[2]).contains("already exists");
    }

    @Test
    void theRemotePathCopiesRecordingsAndGivesTheSameTables() throws Exception {
        Path out = dir.resolve("spark-copy");
        String[] r = job("sample-data", "--out", out.toUri().toString(), "--copy-inputs");
        assertThat(r[0]).as(r[2]).isEqualTo("0");
        assertSameTables(cliSample(), out);
        // each session's folder with its report, on the output file system
        Path reports = dir.resolve("spark-reports");
        r = job("sample-data/sacrum_heelstrike_100hz.csv", "--out", reports.toUri().toString(), "--copy-inputs",
                "--reports");
        assertThat(r[0]).as(r[2]).isEqualTo("0");
        out = reports;
        assertThat(out.resolve("reports/sacrum_heelstrike_100hz/report.pdf")).isNotEmptyFile();
        assertThat(out.resolve("reports/sacrum_heelstrike_100hz/charts")).isDirectory();
        assertThat(out.resolve("reports/sacrum_heelstrike_100hz/steps.csv")).isNotEmptyFile();
    }

    @Test
    void aManifestGivesMetadataAndBrokenRowsBecomeFailedRows() throws Exception {
        Path sample = Path.of("sample-data").toAbsolutePath();
        TempDirs.write(dir, "bad/broken.csv", "time,acc_v\n0,1\n0.01,oops\n");
        Path manifest = TempDirs.write(dir, "manifest.csv", "path,subject_id,height_cm,cohort\n"
                + sample.resolve("sacrum_heelstrike_100hz.csv") + ",S01,178,A\n"
                + sample.resolve("lowerback_forefoot_phone_eu.csv") + ",S02,165,B\n"
                + "bad/broken.csv,S03,,B\n"
                + "missing/none.csv,S04,,A\n");
        Path out = dir.resolve("spark-manifest");
        String[] r = job("--manifest", manifest.toString(), "--out", out.toString(), "--partition-by", "cohort");
        assertThat(r[0]).as(r[2]).isEqualTo("1");
        assertThat(r[1]).contains("2 of 4 input(s) analysed, 2 failed");
        assertThat(out.resolve("sessions/cohort=A")).isDirectory();
        assertThat(out.resolve("steps/cohort=B")).isDirectory();
        List<Map<String, Object>> sessions = sparkTable(out, DatasetTable.SESSIONS).rows();
        assertThat(sessions).hasSize(4);
        Map<String, Map<String, Object>> byId = new LinkedHashMap<>();
        sessions.forEach(s -> byId.put(s.get("session_id").toString(), s));
        assertThat(byId.get("sacrum_heelstrike_100hz")).containsEntry("subject_id", "S01")
                .containsEntry("height_cm", 178.0).containsEntry("cohort", "A").containsEntry("status", "ok");
        assertThat(byId.get("broken")).containsEntry("status", "failed").containsEntry("subject_id", "S03");
        assertThat(byId.get("broken").get("message").toString()).contains("oops");
        assertThat(byId.get("none").get("message").toString()).contains("missing/none.csv");
        // Spark itself reads each table back as one dataset: the partition column from the folder names, the units
        // as field metadata, and nothing of the job's temporary files is left
        org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> sparkSessions = spark.read().parquet(
                out.resolve("sessions").toString());
        assertThat(sparkSessions.count()).isEqualTo(4);
        assertThat(sparkSessions.select("cohort").distinct().collectAsList()).extracting(x -> x.getString(0))
                .containsExactlyInAnyOrder("A", "B");
        org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> sparkSteps = spark.read().parquet(
                out.resolve("steps").toString());
        assertThat(sparkSteps.schema().apply("contact_ms").metadata().getString("unit")).isEqualTo("ms");
        assertThat(sparkSteps.count()).isEqualTo(sparkTable(out, DatasetTable.STEPS).rows().size()).isPositive();
        for (DatasetTable t : DatasetTable.values()) {
            assertThat(out.resolve(t.fileStem()).resolve("_SUCCESS")).exists();
            assertThat(out.resolve(t.fileStem()).resolve("_temporary")).doesNotExist();
        }
        List<Map<String, Object>> steps = sparkTable(out, DatasetTable.STEPS).rows();
        assertThat(steps).allSatisfy(s -> assertThat(s.get("cohort")).isIn("A", "B"));
        assertThat(steps.stream().filter(s -> s.get("session_id").equals("sacrum_heelstrike_100hz")))
                .allSatisfy(s -> assertThat(s.get("cohort")).isEqualTo("A")).isNotEmpty();
    }

    @Test
    void twoHundredGeneratedSessionsGiveTheCommandLinesTables() throws Exception {
        Path in = dir.resolve("batch");
        long t0 = System.nanoTime();
        LongRecordings.writeBatch(in, 200, 0.5, 50);
        TempDirs.write(in, "s050_broken.csv", "time_s,acc_x_g\n0,1\n");
        TempDirs.write(in, "s150_empty.csv", "");
        long t1 = System.nanoTime();
        Path cliOut = cli(List.of(in), dir.resolve("cli-batch"));
        long t2 = System.nanoTime();
        Path out = dir.resolve("spark-batch");
        String[] r = job(in.toString(), "--out", out.toString());
        long t3 = System.nanoTime();
        System.out.printf("200 sessions: generated in %.1f s, command line (2 jobs, tables) %.1f s, Spark local[2] %.1f s%n",
                (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9);
        assertThat(r[0]).as(r[2]).isEqualTo("1");
        assertThat(r[1]).contains("200 of 202 input(s) analysed, 2 failed");
        assertThat(r[2]).contains("s050_broken.csv").contains("s150_empty.csv");
        assertSameTables(cliOut, out);
    }
}
