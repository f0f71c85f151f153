package org.gaitform.dataset;

import java.io.Closeable;
import java.io.IOException;

/** Where the rows of one dataset table go, in order: a CSV or a Parquet file. */
interface TableSink extends Closeable {
    /** Writes one row, aligned to the table's columns. */
    void write(Object[] row) throws IOException;
}
