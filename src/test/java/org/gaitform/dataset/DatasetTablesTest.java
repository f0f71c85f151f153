package org.gaitform.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.gaitform.batch.BatchListener;
import org.gaitform.batch.BatchOptions;
import org.gaitform.batch.BatchResult;
import org.gaitform.batch.BatchRunner;
import org.gaitform.io.json.JsonReader;
import org.gaitform.pipeline.AnalysisSettings;
import org.gaitform.report.CsvTables;
import org.gaitform.report.Outputs;
import org.gaitform.support.CsvRows;
import org.gaitform.support.Fixtures;
import org.gaitform.support.ParquetRead;
import org.gaitform.support.TempDirs;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dataset tables a researcher loads: one table of every step, bout, session and finding, session_id first,
 * units in the column names, the same values as the session folders, as CSV (read with Commons CSV) and as Parquet
 * (read with the Parquet library: types and units in the schema).
 */
class DatasetTablesTest {
    @TempDir
    static Path dir;
    static Path csvOut;
    static Path parquetOut;
    static List<Path> inputs;

    @BeforeAll
    static void run() throws IOException {
        Path bad = TempDirs.write(dir, "in/zz_broken.csv", "time,acc_v\n0,1\n0.01,oops\n");
        inputs = new ArrayList<>();
        try (Stream<Path> s = Files.list(Path.of("sample-data"))) {
            s.filter(p -> p.toString().endsWith(".csv") && !p.toString().contains(".truth.")).sorted().forEach(inputs::add);
        }
        inputs.add(bad);
        csvOut = dir.resolve("csv");
        parquetOut = dir.resolve("parquet");
        BatchResult r = new BatchRunner(AnalysisSettings.defaults(), "test",
                new BatchOptions(2, false, Outputs.TABLES, DatasetFormat.CSV)).run(inputs, csvOut, BatchListener.NONE);
        assertThat(r.failedCount()).isEqualTo(1);
        assertThat(r.datasetFiles()).extracting(p -> p.getFileName().toString())
                .containsExactly("steps.csv", "bouts.csv", "sessions.csv", "findings.csv");
        new BatchRunner(AnalysisSettings.defaults(), "test",
                new BatchOptions(2, false, Outputs.TABLES, DatasetFormat.PARQUET)).run(inputs, parquetOut,
                BatchListener.NONE);
    }

    static List<Map<String, String>> csv(Path f) throws IOException {
        return CsvRows.parse(Files.readString(f, StandardCharsets.UTF_8));
    }

    static List<String> header(Path f) throws IOException {
        return List.of(Files.readAllLines(f, StandardCharsets.UTF_8).get(0).split(","));
    }

    @Test
    void tablesOnlyMakesNoPdfAndNoPng() throws IOException {
        try (Stream<Path> all = Files.walk(csvOut)) {
            assertThat(all.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".pdf") || n.endsWith(".png")))
                    .isEmpty();
        }
        assertThat(csvOut.resolve("sacrum_heelstrike_100hz/bouts.csv")).exists();
    }

    @Test
    void stepsHoldEverySessionsStepsWithSessionIdFirst() throws IOException {
        List<String> header = header(csvOut.resolve("steps.csv"));
        assertThat(header.subList(0, 10)).containsExactly("session_id", "step", "side", "ic_s", "to_s", "contact_ms",
                "flight_ms", "step_time_s", "activity", "ic_method");
        assertThat(header.subList(10, header.size())).isSorted();
        List<Map<String, String>> all = csv(csvOut.resolve("steps.csv"));
        int expected = 0;
        for (String id : sessionIds()) {
            List<Map<String, String>> own = csv(csvOut.resolve(id).resolve("steps.csv"));
            List<Map<String, String>> mine = all.stream().filter(r -> r.get("session_id").equals(id)).toList();
            assertThat(mine).hasSize(own.size());
            for (int i = 0; i < own.size(); i++) {
                for (Map.Entry<String, String> e : own.get(i).entrySet()) {
                    assertThat(same(mine.get(i).get(e.getKey()), e.getValue()))
                            .as("%s step %d column %s", id, i + 1, e.getKey()).isTrue();
                }
            }
            expected += own.size();
        }
        assertThat(all).hasSize(expected).isNotEmpty();
    }

    @Test
    void sessionsHaveOneRowPerInputWithStatusAndEverySummaryValue() throws IOException {
        List<Map<String, String>> rows = csv(csvOut.resolve("sessions.csv"));
        assertThat(rows).hasSize(inputs.size());
        assertThat(header(csvOut.resolve("sessions.csv")).subList(0, 4))
                .containsExactly("session_id", "source", "status", "message");
        Map<String, String> failed = rows.get(rows.size() - 1);
        assertThat(failed.get("status")).isEqualTo("failed");
        assertThat(failed.get("message")).contains("zz_broken.csv").contains("oops");
        assertThat(failed.get("cadence_spm")).isEmpty();
        for (Map<String, String> row : rows.subList(0, rows.size() - 1)) {
            assertThat(row.get("status")).isEqualTo("ok");
            Map<?, ?> summary = summary(row.get("session_id"));
            for (Map.Entry<?, ?> e : summary.entrySet()) {
                String k = e.getKey().toString();
                if (k.startsWith("finding_") || k.equals("source")) {
                    continue;
                }
                assertThat(row).as("%s of %s", k, row.get("session_id")).containsKey(k);
                if (e.getValue() instanceof Double d) {
                    assertThat(Double.parseDouble(row.get(k))).as(k).isEqualTo(d);
                } else if (e.getValue() instanceof String s) {
                    assertThat(row.get(k)).as(k).isEqualTo(CsvTables.safeText(s));
                }
            }
        }
        // walking bouts are rows of bouts.csv, not summary keys
        assertThat(header(csvOut.resolve("sessions.csv"))).noneMatch(c -> c.contains("_bout"));
    }

    @Test
    void boutsAndFindingsComeFromEverySession() throws IOException {
        List<Map<String, String>> bouts = csv(csvOut.resolve("bouts.csv"));
        List<Map<String, String>> findings = csv(csvOut.resolve("findings.csv"));
        assertThat(header(csvOut.resolve("findings.csv"))).containsExactly("session_id", "recommendation_id",
                "indicator", "metric", "status", "value", "uncertainty", "unit", "target", "priority", "sources",
                "n_steps", "n_steps_left", "n_steps_right", "why_not_judged");
        for (String id : sessionIds()) {
            assertThat(bouts.stream().filter(b -> b.get("session_id").equals(id)).count())
                    .isEqualTo(csv(csvOut.resolve(id).resolve("bouts.csv")).size());
            Map<?, ?> summary = summary(id);
            long statuses = summary.keySet().stream().map(Object::toString)
                    .filter(k -> k.startsWith("finding_") && k.endsWith("_status")).count();
            List<Map<String, String>> mine = findings.stream().filter(f -> f.get("session_id").equals(id)).toList();
            assertThat(mine).hasSize((int) statuses);
            for (Map<String, String> f : mine) {
                String p = "finding_" + f.get("recommendation_id") + "_";
                assertThat(f.get("status")).isEqualTo(summary.get(p + "status"));
                if (summary.get(p + "value") instanceof Double v) {
                    assertThat(Double.parseDouble(f.get("value"))).isEqualTo(v);
                    assertThat(f.get("unit")).isEqualTo(summary.get(p + "unit"));
                }
                if (summary.get(p + "uncertainty") instanceof Double u) {
                    assertThat(Double.parseDouble(f.get("uncertainty"))).isEqualTo(u);
                }
                if (summary.get(p + "n_steps") instanceof Double n) {
                    assertThat(Long.parseLong(f.get("n_steps"))).isEqualTo(n.longValue());
                }
                assertThat(f.get("why_not_judged")).isEqualTo(summary.containsKey(p + "why_not_judged")
                        ? summary.get(p + "why_not_judged") : "");
                assertThat(f.get("indicator")).isNotEmpty();
            }
        }
        // the walk-then-run session has a walking bout with its cadence
        assertThat(bouts).anySatisfy(b -> {
            assertThat(b.get("session_id")).isEqualTo("two_feet_walk_run");
            assertThat(b.get("activity")).isEqualTo("walking");
            assertThat(Double.parseDouble(b.get("cadence_spm"))).isBetween(80.0, 140.0);
        });
    }

    @Test
    void everyNumericColumnNamesItsUnit() throws IOException {
        for (DatasetTable t : DatasetTable.values()) {
            ParquetRead.Content c = ParquetRead.read(parquetOut.resolve(t.fileStem() + ".parquet"));
            for (String name : c.columnNames()) {
                if (c.type(name) == PrimitiveTypeName.DOUBLE && !(t == DatasetTable.FINDINGS
                        && (name.equals("value") || name.equals("uncertainty")))) {
                    assertThat(Units.of(name)).as("unit of %s.%s", t.fileStem(), name).isNotEmpty();
                }
            }
        }
    }

    @Test
    void parquetHoldsTheCsvValuesWithTypesAndUnits() throws IOException {
        for (DatasetTable t : DatasetTable.values()) {
            Path csvFile = csvOut.resolve(t.fileStem() + ".csv");
            ParquetRead.Content pq = ParquetRead.read(parquetOut.resolve(t.fileStem() + ".parquet"));
            assertThat(pq.columnNames()).as(t.fileStem()).isEqualTo(header(csvFile));
            assertThat(pq.metadata()).containsEntry(ParquetUnits.TABLE_KEY, t.fileStem())
                    .containsEntry(ParquetUnits.VERSION_KEY, "test");
            List<Map<String, String>> rows = csv(csvFile);
            assertThat(pq.rows()).hasSize(rows.size());
            for (int i = 0; i < rows.size(); i++) {
                for (String col : pq.columnNames()) {
                    Object v = pq.rows().get(i).get(col);
                    String text = rows.get(i).get(col);
                    if (v == null) {
                        assertThat(text).as("%s row %d %s", t, i, col).isEmpty();
                    } else if (v instanceof String s) {
                        assertThat(text.equals(s) || text.equals("'" + s)).as("%s row %d %s", t, i, col).isTrue();
                    } else {
                        assertThat(Double.parseDouble(text)).as("%s row %d %s", t, i, col)
                                .isEqualTo(((Number) v).doubleValue());
                    }
                }
            }
        }
        ParquetRead.Content steps = ParquetRead.read(parquetOut.resolve("steps.parquet"));
        assertThat(steps.type("step")).isEqualTo(PrimitiveTypeName.INT64);
        assertThat(steps.type("contact_ms")).isEqualTo(PrimitiveTypeName.DOUBLE);
        assertThat(steps.type("side")).isEqualTo(PrimitiveTypeName.BINARY);
        assertThat(steps.schema().getType("side").getLogicalTypeAnnotation())
                .isEqualTo(LogicalTypeAnnotation.stringType());
        Map<String, Object> units = units(steps);
        assertThat(units).containsEntry("contact_ms", "ms").containsEntry("ic_s", "s")
                .containsEntry("peak_acc_g", "g").doesNotContainKey("side");
        ParquetRead.Content sessions = ParquetRead.read(parquetOut.resolve("sessions.parquet"));
        assertThat(sessions.type("n_steps")).isEqualTo(PrimitiveTypeName.INT64);
        assertThat(units(sessions)).containsEntry("cadence_spm", "steps/min").containsEntry("n_steps", "count")
                .containsEntry("trunk_lean_deg_left", "deg").containsEntry("duty_factor", "1");
    }

    @Test
    void aRerunThatSkipsEverySessionWritesTheSameTables() throws IOException {
        Path again = dir.resolve("again");
        BatchOptions tables = new BatchOptions(1, false, Outputs.TABLES, DatasetFormat.CSV);
        new BatchRunner(AnalysisSettings.defaults(), "test", tables).run(inputs, again, BatchListener.NONE);
        Map<String, String> first = texts(again);
        BatchResult second = new BatchRunner(AnalysisSettings.defaults(), "test", tables).run(inputs, again,
                BatchListener.NONE);
        assertThat(second.skippedCount()).isEqualTo(inputs.size() - 1);
        Map<String, String> next = texts(again);
        for (String f : List.of("steps.csv", "bouts.csv", "findings.csv")) {
            assertThat(next.get(f)).as(f).isEqualTo(first.get(f));
        }
        List<Map<String, String>> a = CsvRows.parse(first.get("sessions.csv"));
        List<Map<String, String>> b = CsvRows.parse(next.get("sessions.csv"));
        for (int i = 0; i < a.size(); i++) {
            Map<String, String> x = new LinkedHashMap<>(a.get(i));
            Map<String, String> y = new LinkedHashMap<>(b.get(i));
            if (!x.get("status").equals("failed")) {
                assertThat(y.get("status")).isEqualTo("skipped");
                x.remove("status");
                x.remove("message");
                y.remove("status");
                y.remove("message");
            }
            assertThat(y).isEqualTo(x);
        }
    }

    @Test
    void aSessionWrittenWithoutItsReportIsAnalysedAgainWhenReportsAreAsked() throws IOException {
        Path in = TempDirs.write(dir, "short/short_run.csv", Fixtures.shortRunCsv());
        Path out = dir.resolve("short-out");
        new BatchRunner(AnalysisSettings.defaults(), "test", new BatchOptions(1, false, Outputs.TABLES,
                DatasetFormat.CSV)).run(List.of(in), out, BatchListener.NONE);
        String steps = Files.readString(out.resolve("steps.csv"));
        assertThat(out.resolve("short_run/report.pdf")).doesNotExist();
        BatchResult all = new BatchRunner(AnalysisSettings.defaults(), "test", new BatchOptions(1, false))
                .run(List.of(in), out, BatchListener.NONE);
        assertThat(all.skippedCount()).isZero();
        assertThat(out.resolve("short_run/report.pdf")).exists();
        assertThat(out.resolve("batch-report.pdf")).exists();
        assertThat(Files.readString(out.resolve("steps.csv"))).isEqualTo(steps);
    }

    @Test
    void reportsOnlyWritesNoDatasetTables() throws IOException {
        Path out = dir.resolve("reports");
        Path in = TempDirs.write(dir, "short-reports/short_run.csv", Fixtures.shortRunCsv());
        BatchResult r = new BatchRunner(AnalysisSettings.defaults(), "test",
                new BatchOptions(1, false, Outputs.REPORTS, DatasetFormat.CSV)).run(List.of(in), out,
                BatchListener.NONE);
        assertThat(r.datasetFiles()).isEmpty();
        assertThat(out.resolve("steps.csv")).doesNotExist();
        assertThat(out.resolve("sessions.csv")).doesNotExist();
        assertThat(out.resolve("batch-report.pdf")).exists();
        assertThat(out.resolve(r.outcomes().get(0).sessionId()).resolve("report.pdf")).exists();
    }

    @Test
    void watchSessionsGiveTheirRecordsAndTheWeeklyTableButNoPdf() throws IOException {
        double mon = org.gaitform.support.SyntheticRun.epoch(2024, 4, 1, 7);
        Path in = TempDirs.write(dir, "watch/ann/a.gpx", org.gaitform.support.SyntheticRun.flat(mon, 300, 3.0, 168)
                .gpx(false));
        Path out = dir.resolve("watch-out");
        BatchResult r = new BatchRunner(AnalysisSettings.defaults(), "test", new BatchOptions(1, false, Outputs.TABLES,
                DatasetFormat.CSV)).run(List.of(in), out, BatchListener.NONE);
        assertThat(r.okCount()).isEqualTo(1);
        assertThat(out.resolve("weekly-load.csv")).isRegularFile();
        assertThat(out.resolve("runner-report.pdf")).doesNotExist();
        List<Map<String, String>> steps = csv(out.resolve("steps.csv"));
        assertThat(steps).isNotEmpty().allSatisfy(s -> assertThat(s.get("ic_method")).isEqualTo("device_record"));
        assertThat(header(out.resolve("steps.csv"))).contains("time_s", "cadence_spm");
        assertThat(csv(out.resolve("sessions.csv")).get(0).get("input_kind")).isNotEmpty();
    }

    @Test
    void theLeadingColumnsOfEveryTableAreDocumented() throws IOException {
        String doc = Files.readString(Path.of("docs", "datasets.md"), StandardCharsets.UTF_8);
        for (DatasetTable t : DatasetTable.values()) {
            assertThat(doc).contains("### " + t.fileStem());
            for (String c : t.leadingColumns()) {
                assertThat(doc).as("docs/datasets.md names %s.%s", t.fileStem(), c).contains("`" + c + "`");
            }
        }
    }

    private static Map<String, String> texts(Path out) throws IOException {
        Map<String, String> m = new LinkedHashMap<>();
        for (String f : List.of("steps.csv", "bouts.csv", "sessions.csv", "findings.csv")) {
            m.put(f, Files.readString(out.resolve(f), StandardCharsets.UTF_8));
        }
        return m;
    }

    private static Map<String, Object> units(ParquetRead.Content c) {
        try {
            Map<String, Object> m = new LinkedHashMap<>();
            ((Map<?, ?>) JsonReader.parse(c.metadata().get(ParquetUnits.UNITS_KEY)))
                    .forEach((k, v) -> m.put(k.toString(), v));
            return m;
        } catch (JsonReader.JsonException e) {
            throw new AssertionError(e);
        }
    }

    private static List<String> sessionIds() throws IOException {
        return csv(csvOut.resolve("sessions.csv")).stream().filter(r -> !r.get("status").equals("failed"))
                .map(r -> r.get("session_id")).toList();
    }

    private static Map<?, ?> summary(String id) throws IOException {
        try {
            return (Map<?, ?>) JsonReader.parse(Files.readString(csvOut.resolve(id).resolve("summary.json")));
        } catch (JsonReader.JsonException e) {
            throw new AssertionError(e);
        }
    }

    /** Two cells of the same value: equal text, or equal numbers. */
    private static boolean same(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        try {
            return Double.parseDouble(a) == Double.parseDouble(b);
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
