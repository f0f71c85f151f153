package org.gaitform.dataset;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.parquet.io.OutputFile;

/**
 * One Parquet file of a dataset table written to any {@link OutputFile} (a part file of a partitioned or distributed
 * dataset, e.g. by the Spark job's executors): the same schema, types, compression and units metadata as the command
 * line's {@code OUT/<table>.parquet}, rows aligned to the given columns.
 */
public final class ParquetPart implements Closeable {
    private final ParquetTableSink sink;

    /**
     * Opens the file.
     *
     * @param file          where to write (it must not exist)
     * @param table         the table the rows belong to
     * @param columns       the file's columns, in order
     * @param version       gaitform's version, for the metadata
     * @param extraMetadata more key-value metadata for the file's footer
     */
    public ParquetPart(OutputFile file, DatasetTable table, List<DatasetColumn> columns, String version,
                       Map<String, String> extraMetadata) throws IOException {
        this.sink = new ParquetTableSink(file, table, columns, version, extraMetadata);
    }

    /** Writes one row, aligned to the columns. */
    public void write(Object[] row) throws IOException {
        sink.write(row);
    }

    @Override
    public void close() throws IOException {
        sink.close();
    }
}
