package org.gaitform.dataset;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.gaitform.report.AtomicFiles;

/**
 * Writes the four dataset tables of a batch into a folder, each atomically ({@code steps.csv} or
 * {@code steps.parquet}, …): one pass over the sessions finds the columns, a second writes the rows in session
 * order. A session's rows are loaded when needed, so a batch of any size is written in the memory of a few
 * sessions (they are kept between the passes while they are few).
 */
public final class DatasetWriter {
    /** Cells kept in memory between the two passes; beyond, sessions are loaded again. */
    private static final long KEEP_CELLS = 4_000_000;

    /** Loads one session's rows. */
    @FunctionalInterface
    public interface Loader {
        SessionRows load() throws IOException;
    }

    private DatasetWriter() {
    }

    /**
     * Writes the tables.
     *
     * @param dir      the output folder
     * @param format   CSV or Parquet
     * @param sessions the sessions, in the order their rows are written
     * @param version  gaitform's version (in the Parquet metadata)
     * @return the files written, in table order
     */
    public static List<Path> write(Path dir, DatasetFormat format, List<Loader> sessions, String version)
            throws IOException {
        Map<DatasetTable, DatasetSchema> schemas = new EnumMap<>(DatasetTable.class);
        for (DatasetTable t : DatasetTable.values()) {
            schemas.put(t, new DatasetSchema(t));
        }
        List<SessionRows> kept = new ArrayList<>();
        long cells = 0;
        for (Loader l : sessions) {
            SessionRows s = l.load();
            for (DatasetTable t : DatasetTable.values()) {
                SessionRows.Part p = s.part(t);
                schemas.get(t).add(p.columns());
                cells += (long) p.rows().size() * p.columns().size();
            }
            if (cells <= KEEP_CELLS) {
                kept.add(s);
            }
        }
        boolean reload = cells > KEEP_CELLS;
        List<Path> written = new ArrayList<>();
        for (DatasetTable t : DatasetTable.values()) {
            Path target = dir.resolve(format.fileName(t));
            DatasetSchema schema = schemas.get(t);
            AtomicFiles.writeWith(target, tmp -> {
                try (TableSink sink = format == DatasetFormat.CSV ? new CsvTableSink(tmp, schema.columns())
                        : new ParquetTableSink(tmp, t, schema.columns(), version)) {
                    for (int i = 0; i < sessions.size(); i++) {
                        SessionRows s = reload ? sessions.get(i).load() : kept.get(i);
                        for (Object[] row : schema.align(s.part(t))) {
                            sink.write(row);
                        }
                    }
                }
            });
            written.add(target);
        }
        return written;
    }
}
