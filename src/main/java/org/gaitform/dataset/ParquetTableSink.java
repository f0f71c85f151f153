package org.gaitform.dataset;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;

/**
 * A dataset table as an Apache Parquet file, written with the Parquet Java library on the local file system
 * without Hadoop ({@link LocalOutputFile}, {@link PlainParquetConfiguration}): every column optional, typed
 * {@code INT64}, {@code DOUBLE} or {@code BINARY} annotated {@code STRING}; Snappy-compressed pages
 * ({@link SnappyCodecs}, pure Java); the units in the file's key-value metadata ({@link ParquetUnits}).
 */
@SuppressWarnings("deprecation") // the Hadoop-typed overloads must be implemented; they are never called
final class ParquetTableSink implements TableSink {
    private final ParquetWriter<Object[]> writer;

    ParquetTableSink(Path file, DatasetTable table, List<DatasetColumn> columns, String version) throws IOException {
        this(new LocalOutputFile(file), table, columns, version, Map.of());
    }

    /**
     * A table (or a part of one) written to any output file, with more key-value metadata beside the units.
     *
     * @param extraMetadata added to the file's key-value metadata (e.g. the schema a Spark reader looks for)
     */
    ParquetTableSink(OutputFile file, DatasetTable table, List<DatasetColumn> columns, String version,
                     Map<String, String> extraMetadata) throws IOException {
        MessageType schema = schema(table, columns);
        Map<String, String> meta = new HashMap<>(ParquetUnits.metadata(table, columns, version));
        meta.putAll(extraMetadata);
        this.writer = new Builder(file, schema, meta)
                .withConf(new PlainParquetConfiguration())
                .withCodecFactory(SnappyCodecs.INSTANCE)
                .withCompressionCodec(CompressionCodecName.SNAPPY)
                .withWriteMode(org.apache.parquet.hadoop.ParquetFileWriter.Mode.OVERWRITE)
                .build();
    }

    /** The Parquet schema of a table's columns. */
    static MessageType schema(DatasetTable table, List<DatasetColumn> columns) {
        Types.MessageTypeBuilder b = Types.buildMessage();
        for (DatasetColumn c : columns) {
            switch (c.type()) {
                case INTEGER -> b.optional(PrimitiveTypeName.INT64).named(c.name());
                case DECIMAL -> b.optional(PrimitiveTypeName.DOUBLE).named(c.name());
                case TEXT -> b.optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named(c.name());
            }
        }
        return b.named("gaitform_" + table.fileStem());
    }

    @Override
    public void write(Object[] row) throws IOException {
        writer.write(row);
    }

    @Override
    public void close() throws IOException {
        writer.close();
    }

    /** Builds the writer without touching Hadoop's configuration classes. */
    private static final class Builder extends ParquetWriter.Builder<Object[], Builder> {
        private final MessageType schema;
        private final Map<String, String> meta;

        Builder(OutputFile file, MessageType schema, Map<String, String> meta) {
            super(file);
            this.schema = schema;
            this.meta = meta;
        }

        @Override
        protected Builder self() {
            return this;
        }

        @Override
        protected WriteSupport<Object[]> getWriteSupport(org.apache.hadoop.conf.Configuration conf) {
            return new RowWriteSupport(schema, meta);
        }

        @Override
        protected WriteSupport<Object[]> getWriteSupport(ParquetConfiguration conf) {
            return new RowWriteSupport(schema, meta);
        }
    }

    /** Writes an aligned row: a field for every cell that is not {@code null}. */
    private static final class RowWriteSupport extends WriteSupport<Object[]> {
        private final MessageType schema;
        private final Map<String, String> meta;
        private final String[] names;
        private RecordConsumer out;

        RowWriteSupport(MessageType schema, Map<String, String> meta) {
            this.schema = schema;
            this.meta = meta;
            this.names = schema.getFields().stream().map(org.apache.parquet.schema.Type::getName).toArray(String[]::new);
        }

        @Override
        public WriteContext init(org.apache.hadoop.conf.Configuration configuration) {
            return new WriteContext(schema, new HashMap<>(meta));
        }

        @Override
        public WriteContext init(ParquetConfiguration configuration) {
            return new WriteContext(schema, new HashMap<>(meta));
        }

        @Override
        public void prepareForWrite(RecordConsumer recordConsumer) {
            this.out = recordConsumer;
        }

        @Override
        public void write(Object[] row) {
            out.startMessage();
            for (int i = 0; i < names.length; i++) {
                Object v = row[i];
                if (v == null) {
                    continue;
                }
                out.startField(names[i], i);
                if (v instanceof Long l) {
                    out.addLong(l);
                } else if (v instanceof Double d) {
                    out.addDouble(d);
                } else {
                    out.addBinary(Binary.fromString(v.toString()));
                }
                out.endField(names[i], i);
            }
            out.endMessage();
        }

        @Override
        public String getName() {
            return "gaitform";
        }
    }
}
