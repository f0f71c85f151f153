package org.gaitform.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.MetadataBuilder;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.gaitform.dataset.DatasetColumn;
import org.gaitform.dataset.DatasetSchema;
import org.gaitform.dataset.DatasetTable;
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

    /** Writes the four tables under {@code outUri}; returns where each went. */
    static Map<DatasetTable, String> write(SparkSession spark, JavaRDD<SessionRows> sessions, Schemas schemas,
                                           String outUri, String partitionBy) {
        Map<DatasetTable, String> written = new EnumMap<>(DatasetTable.class);
        for (DatasetTable t : DatasetTable.values()) {
            DatasetSchema schema = schemas.byTable.get(t);
            List<DatasetColumn> cols = schema.columns();
            StructType struct = struct(cols, partitionBy);
            boolean append = partitionBy != null && cols.stream().noneMatch(c -> c.name().equals(partitionBy));
            JavaRDD<Row> rows = sessions.flatMap(s -> {
                String pv = append ? sessionValue(s, partitionBy) : null;
                List<Row> out = new ArrayList<>();
                for (Object[] r : schema.align(s.part(t))) {
                    if (append) {
                        Object[] w = java.util.Arrays.copyOf(r, r.length + 1);
                        w[r.length] = pv;
                        out.add(RowFactory.create(w));
                    } else {
                        out.add(RowFactory.create(r));
                    }
                }
                return out.iterator();
            });
            // one file per analysis partition, in input order (coalescing to fewer files would save Spark's set-up per
            // write task, but Spark groups partitions by locality, not in order)
            Dataset<Row> df = spark.createDataFrame(rows, struct);
            var w = df.write().mode(SaveMode.ErrorIfExists).option("compression", "snappy");
            if (partitionBy != null) {
                w = w.partitionBy(partitionBy);
            }
            String where = outUri + "/" + t.fileStem();
            w.parquet(where);
            written.put(t, where);
        }
        return written;
    }
}
