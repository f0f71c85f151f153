package org.gaitform.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.MetadataBuilder;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.gaitform.dataset.DatasetColumn;
import org.gaitform.dataset.DatasetSchema;
import org.gaitform.dataset.DatasetTable;
import org.gaitform.dataset.ParquetPart;
import org.gaitform.dataset.SessionRows;

/**
 * Writes the dataset tables from the sessions' rows as Parquet datasets ({@code OUT/steps/}, {@code OUT/bouts/},
 * {@code OUT/sessions/}, {@code OUT/findings/}) with the same columns, order and types as the command line's tables
 * ({@link DatasetSchema}): {@code long}, {@code double} and {@code string} columns, each column's unit in its field
 * metadata ({@code unit}), which Spark keeps in the Parquet footer. With a partition column, every table is
 * partitioned by the session's value of that {@code sessions} column ({@code OUT/steps/subject_id=S01/…}).
 */
final class SparkTables {
    /** Metadata key of a column's unit. */
    static final String UNIT = "unit";

    private SparkTables() {
    }

    /** The four tables' schemas: the union of every session's columns. */
    static final class Schemas implements Serializable {
        private static final long serialVersionUID = 1L;
        final EnumMap<DatasetTable, DatasetSchema> byTable = new EnumMap<>(DatasetTable.class);

        Schemas() {
            for (DatasetTable t : DatasetTable.values()) {
                byTable.put(t, new DatasetSchema(t));
            }
        }

        static Schemas of(SessionRows s) {
            Schemas out = new Schemas();
            for (DatasetTable t : DatasetTable.values()) {
                out.byTable.get(t).add(s.part(t).columns());
            }
            return out;
        }

        Schemas merge(Schemas other) {
            for (DatasetTable t : DatasetTable.values()) {
                byTable.get(t).merge(other.byTable.get(t));
            }
            return this;
        }
    }

    /**
     * What the driver needs of a partition's sessions: their columns, and each session's id, status, message and
     * source (in order).
     */
    record Summary(Schemas schemas, List<String[]> statuses) implements Serializable {
        private static final long serialVersionUID = 1L;

        static java.util.Iterator<Summary> of(java.util.Iterator<SessionRows> sessions) {
            Schemas schemas = new Schemas();
            List<String[]> statuses = new ArrayList<>();
            while (sessions.hasNext()) {
                SessionRows s = sessions.next();
                schemas.merge(Schemas.of(s));
                statuses.add(new String[] {s.sessionId(), sessionValue(s, "status"), sessionValue(s, "message"),
                    sessionValue(s, "source")});
            }
            return List.of(new Summary(schemas, statuses)).iterator();
        }
    }

    /** The Spark schema of a table, with the partition column appended when the table lacks it. */
    static StructType struct(List<DatasetColumn> columns, String partitionBy) {
        List<StructField> fields = new ArrayList<>();
        boolean has = false;
        for (DatasetColumn c : columns) {
            DataType t = switch (c.type()) {
                case INTEGER -> DataTypes.LongType;
                case DECIMAL -> DataTypes.DoubleType;
                case TEXT -> DataTypes.StringType;
            };
            Metadata m = c.unit().isEmpty() ? Metadata.empty() : new MetadataBuilder().putString(UNIT, c.unit()).build();
            fields.add(DataTypes.createStructField(c.name(), t, true, m));
            has |= c.name().equals(partitionBy);
        }
        if (partitionBy != null && !has) {
            fields.add(DataTypes.createStructField(partitionBy, DataTypes.StringType, true));
        }
        return DataTypes.createStructType(fields);
    }

    /** The value of a {@code sessions} column for a session, as text ({@code null} when it has none). */
    static String sessionValue(SessionRows s, String column) {
        SessionRows.Part p = s.part(DatasetTable.SESSIONS);
        for (int i = 0; i < p.columns().size(); i++) {
            if (p.columns().get(i).name().equals(column)) {
                Object v = p.rows().get(0)[i];
                return v == null ? null : v instanceof Double d ? DatasetSchema.plain(d) : v.toString();
            }
        }
        return null;
    }

    /**
     * Writes the four tables under {@code outUri} in one Spark job; returns where each went. Every task writes its
     * sessions' rows of all four tables as Parquet part files ({@code OUT/<table>/[<column>=<value>/]part-<task>-<job>
     * .snappy.parquet}, with the command line's writer, {@link ParquetPart}) under {@code OUT/<table>/_temporary/<job>/
     * <attempt>/}; the driver then moves the files of the successful attempts into place and marks each table with
     * {@code _SUCCESS}, as Spark's own file committer does. One job instead of one Spark SQL write per table: the
     * four writes' set-up, row conversion and commits cost about 1.7 s for 200 two-minute sessions on {@code local[2]},
     * more than half of the command line's whole run (docs/benchmark.md). The files have the command line's
     * columns, order, types and units, plus the schema Spark keeps in its footer ({@code
     * org.apache.spark.sql.parquet.row.metadata}, each column's unit in its metadata), so Spark, pyarrow and pandas
     * read them as a dataset; a partition column lives in the folder names only, as Spark writes it. The first task
     * writes every table, empty or not, so that an unpartitioned table always has a file with its schema.
     */
    static Map<DatasetTable, String> write(JavaRDD<SessionRows> sessions, Schemas schemas, String outUri,
                                           String partitionBy, String version,
                                           org.apache.spark.broadcast.Broadcast<Map<String, String>> hadoopConf)
            throws java.io.IOException {
        String job = java.util.UUID.randomUUID().toString();
        Map<DatasetTable, String> written = new EnumMap<>(DatasetTable.class);
        for (DatasetTable t : DatasetTable.values()) {
            written.put(t, outUri + "/" + t.fileStem());
        }
        org.apache.hadoop.conf.Configuration conf = configuration(hadoopConf.value());
        List<String[]> files;
        try {
            files = sessions.mapPartitionsWithIndex((index, it) -> writePart(index, it, schemas, outUri, partitionBy,
                    version, job, hadoopConf.value()).iterator(), true).collect();
            for (String[] f : files) {
                org.apache.hadoop.fs.Path from = new org.apache.hadoop.fs.Path(f[0]);
                org.apache.hadoop.fs.Path to = new org.apache.hadoop.fs.Path(f[1]);
                org.apache.hadoop.fs.FileSystem fs = to.getFileSystem(conf);
                fs.mkdirs(to.getParent());
                if (!fs.rename(from, to)) {
                    throw new java.io.IOException("could not move " + from + " to " + to);
                }
            }
            for (String where : written.values()) {
                org.apache.hadoop.fs.Path ok = new org.apache.hadoop.fs.Path(where, "_SUCCESS");
                ok.getFileSystem(conf).create(ok, false).close();
            }
        } finally {
            // this job's own temporary folders, whatever became of it
            for (String where : written.values()) {
                org.apache.hadoop.fs.Path tmp = new org.apache.hadoop.fs.Path(new org.apache.hadoop.fs.Path(where,
                        "_temporary"), job);
                org.apache.hadoop.fs.FileSystem fs = tmp.getFileSystem(conf);
                fs.delete(tmp, true);
                org.apache.hadoop.fs.Path parent = tmp.getParent();
                org.apache.hadoop.fs.FileStatus[] left = fs.exists(parent) ? fs.listStatus(parent) : null;
                if (left != null && left.length == 0) {
                    fs.delete(parent, false);
                }
            }
        }
        return written;
    }

    private static org.apache.hadoop.conf.Configuration configuration(Map<String, String> values) {
        org.apache.hadoop.conf.Configuration conf = new org.apache.hadoop.conf.Configuration(false);
        values.forEach(conf::set);
        return conf;
    }

    /**
     * A task's part files: each of its sessions' rows, per table and partition value, in session order; returns
     * {temporary path, final path} of every file written.
     */
    private static List<String[]> writePart(int index, java.util.Iterator<SessionRows> it, Schemas schemas,
                                            String outUri, String partitionBy, String version, String job,
                                            Map<String, String> hadoopConf) throws java.io.IOException {
        org.apache.hadoop.conf.Configuration conf = configuration(hadoopConf);
        org.apache.spark.TaskContext task = org.apache.spark.TaskContext.get();
        String attempt = task == null ? "0" : Long.toString(task.taskAttemptId());
        String name = String.format(java.util.Locale.ROOT, "part-%05d-%s.snappy.parquet", index, job);
        Map<String, Part> open = new java.util.LinkedHashMap<>();
        List<String[]> files = new ArrayList<>();
        try {
            if (index == 0 && partitionBy == null) {
                for (DatasetTable t : DatasetTable.values()) {
                    part(open, t, null, schemas, outUri, partitionBy, version, job, attempt, name, conf);
                }
            }
            while (it.hasNext()) {
                SessionRows s = it.next();
                for (DatasetTable t : DatasetTable.values()) {
                    DatasetSchema schema = schemas.byTable.get(t);
                    List<Object[]> rows = schema.align(s.part(t));
                    if (rows.isEmpty()) {
                        continue;
                    }
                    int at = partitionBy == null ? -1 : indexOf(schema.columns(), partitionBy);
                    // without the partition column in the table, all of a session's rows go to one file
                    Part same = at >= 0 ? null : part(open, t, partitionBy == null ? null : sessionValue(s,
                            partitionBy), schemas, outUri, partitionBy, version, job, attempt, name, conf);
                    for (Object[] r : rows) {
                        Part p = same != null ? same : part(open, t, text(r[at]), schemas, outUri, partitionBy,
                                version, job, attempt, name, conf);
                        p.writer.write(p.fileRow(r, at));
                    }
                }
            }
        } finally {
            java.io.IOException failure = null;
            for (Part p : open.values()) {
                try {
                    p.writer.close();
                    files.add(new String[] {p.temporary, p.target});
                } catch (java.io.IOException e) {
                    failure = failure == null ? e : failure;
                }
            }
            if (failure != null) {
                throw failure;
            }
        }
        return files;
    }

    /** The open part file of a table and partition value, opened on first use. */
    private static Part part(Map<String, Part> open, DatasetTable t, String value, Schemas schemas, String outUri,
                             String partitionBy, String version, String job, String attempt, String name,
                             org.apache.hadoop.conf.Configuration conf) throws java.io.IOException {
        String folder = partitionBy == null ? "" : org.apache.spark.sql.catalyst.catalog.ExternalCatalogUtils
                .escapePathName(partitionBy) + "=" + (value == null || value.isEmpty()
                ? org.apache.spark.sql.catalyst.catalog.ExternalCatalogUtils.DEFAULT_PARTITION_NAME()
                : org.apache.spark.sql.catalyst.catalog.ExternalCatalogUtils.escapePathName(value)) + "/";
        String key = t.name() + "/" + folder;
        Part p = open.get(key);
        if (p == null) {
            String base = outUri + "/" + t.fileStem() + "/";
            String temporary = base + "_temporary/" + job + "/" + attempt + "/" + folder + name;
            List<DatasetColumn> all = schemas.byTable.get(t).columns();
            List<DatasetColumn> cols = all.stream().filter(c -> !c.name().equals(partitionBy)).toList();
            Map<String, String> meta = Map.of("org.apache.spark.sql.parquet.row.metadata", struct(cols, null).json());
            org.apache.parquet.io.OutputFile file = org.apache.parquet.hadoop.util.HadoopOutputFile.fromPath(
                    new org.apache.hadoop.fs.Path(temporary), conf);
            p = new Part(new ParquetPart(file, t, cols, version, meta), temporary, base + folder + name);
            open.put(key, p);
        }
        return p;
    }

    private static int indexOf(List<DatasetColumn> columns, String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** A partition value as text, as it becomes a folder name. */
    private static String text(Object v) {
        return v == null ? null : v instanceof Double d ? DatasetSchema.plain(d) : v.toString();
    }

    /** An open part file: its writer, where it is written and where it goes. */
    private record Part(ParquetPart writer, String temporary, String target) {
        /** A row without the partition column at {@code at} (none when negative). */
        Object[] fileRow(Object[] row, int at) {
            if (at < 0) {
                return row;
            }
            Object[] out = new Object[row.length - 1];
            System.arraycopy(row, 0, out, 0, at);
            System.arraycopy(row, at + 1, out, at, row.length - at - 1);
            return out;
        }
    }
}
