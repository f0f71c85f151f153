package org.gaitform.support;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.MessageColumnIO;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;
import org.gaitform.dataset.SnappyCodecs;

/**
 * Reads a Parquet file back with the Parquet library alone (no Hadoop, no Spark): its schema, its key-value
 * metadata and its rows as column → value ({@link Long}, {@link Double}, {@link String}; absent cells missing).
 */
public final class ParquetRead {
    /**
     * A file's content.
     *
     * @param schema   the Parquet schema
     * @param metadata the footer's key-value metadata
     * @param rows     the rows, each an ordered map of the cells present
     */
    public record Content(MessageType schema, Map<String, String> metadata, List<Map<String, Object>> rows) {
        /** The names of the columns in order. */
        public List<String> columnNames() {
            return schema.getFields().stream().map(Type::getName).toList();
        }

        /** The primitive type of a column. */
        public PrimitiveType.PrimitiveTypeName type(String column) {
            return schema.getType(column).asPrimitiveType().getPrimitiveTypeName();
        }
    }

    private ParquetRead() {
    }

    /** Reads a whole file. */
    public static Content read(Path file) throws IOException {
        ParquetReadOptions options = ParquetReadOptions.builder(new PlainParquetConfiguration())
                .withCodecFactory(SnappyCodecs.INSTANCE).build();
        try (ParquetFileReader r = ParquetFileReader.open(new LocalInputFile(file), options)) {
            MessageType schema = r.getFooter().getFileMetaData().getSchema();
            Map<String, String> meta = new LinkedHashMap<>(r.getFooter().getFileMetaData().getKeyValueMetaData());
            MessageColumnIO io = new ColumnIOFactory().getColumnIO(schema);
            List<Map<String, Object>> rows = new ArrayList<>();
            PageReadStore pages;
            while ((pages = r.readNextRowGroup()) != null) {
                RecordReader<Group> rr = io.getRecordReader(pages, new GroupRecordConverter(schema));
                for (long i = 0; i < pages.getRowCount(); i++) {
                    Group g = rr.read();
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int f = 0; f < schema.getFieldCount(); f++) {
                        if (g.getFieldRepetitionCount(f) == 0) {
                            continue;
                        }
                        PrimitiveType t = schema.getType(f).asPrimitiveType();
                        String name = t.getName();
                        switch (t.getPrimitiveTypeName()) {
                            case INT64 -> row.put(name, g.getLong(f, 0));
                            case INT32 -> row.put(name, (long) g.getInteger(f, 0));
                            case DOUBLE -> row.put(name, g.getDouble(f, 0));
                            case BOOLEAN -> row.put(name, g.getBoolean(f, 0));
                            default -> row.put(name, g.getString(f, 0));
                        }
                    }
                    rows.add(row);
                }
            }
            return new Content(schema, meta, rows);
        }
    }
}
