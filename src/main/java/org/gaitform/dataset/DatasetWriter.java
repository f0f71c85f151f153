package org.gaitform.dataset;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
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

    /** Puts one table file in place, atomically, from what {@code writing} writes at a temporary path. */
    @FunctionalInterface
    public interface Target {
        void write(String fileName, AtomicFiles.FileWriting writing) throws IOException;
    }

    private DatasetWriter() {
    }

    /**
     * True when {@code file}, at the name of a dataset table, is one gaitform wrote, by its content: a CSV whose header
     * starts with the table's leading columns, or a Parquet file with gaitform's table metadata. For output folders
     * whose manifest does not record it (damaged, or of an older gaitform).
     */
    public static boolean isGaitformTable(Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        for (DatasetTable t : DatasetTable.values()) {
            if (name.equals(DatasetFormat.CSV.fileName(t))) {
                String head;
                try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
                    head = new String(in.readNBytes(4096), StandardCharsets.UTF_8);
                }
                return head.startsWith(String.join(",", t.leadingColumns().subList(0, 3)) + ",");
            }
            if (name.equals(DatasetFormat.PARQUET.fileName(t))) {
                return isGaitformParquet(file, t);
            }
        }
        return false;
    }

    /**
     * A Parquet file of this table written by gaitform: {@code PAR1} at both ends, and its footer (read as bytes, so
     * that no Hadoop class is needed) holds the schema name {@code gaitform_<table>} and gaitform's table key.
     */
    private static boolean isGaitformParquet(Path file, DatasetTable t) throws IOException {
        try (java.nio.channels.SeekableByteChannel ch = Files.newByteChannel(file, LinkOption.NOFOLLOW_LINKS)) {
            long size = ch.size();
            if (size < 12) {
                return false;
            }
            java.nio.ByteBuffer tail = java.nio.ByteBuffer.allocate(8).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            ch.position(size - 8);
            while (tail.hasRemaining() && ch.read(tail) > 0) {
                // read the footer length and the magic
            }
            int footer = tail.getInt(0);
            if (!new String(tail.array(), 4, 4, StandardCharsets.US_ASCII).equals("PAR1") || footer <= 0
                    || footer > size - 12 || footer > (16 << 20)) {
                return false;
            }
            java.nio.ByteBuffer meta = java.nio.ByteBuffer.allocate(footer);
            ch.position(size - 8 - footer);
            while (meta.hasRemaining() && ch.read(meta) > 0) {
                // read the footer
            }
            String text = new String(meta.array(), StandardCharsets.ISO_8859_1);
            return text.contains("gaitform_" + t.fileStem()) && text.contains(ParquetUnits.TABLE_KEY);
        }
    }

    /**
     * Writes the tables through {@code target} (a batch checks and records each file it puts at the top of its
     * output folder).
     *
     * @param target   puts each table file in place
     * @param format   CSV or Parquet
     * @param sessions the sessions, in the order their rows are written
     * @param version  gaitform's version (in the Parquet metadata)
     * @return the names of the files written, in table order
     */
    public static List<String> write(Target target, DatasetFormat format, List<Loader> sessions, String version)
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
        List<String> written = new ArrayList<>();
        for (DatasetTable t : DatasetTable.values()) {
            String name = format.fileName(t);
            DatasetSchema schema = schemas.get(t);
            target.write(name, tmp -> {
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
            written.add(name);
        }
        return written;
    }
}
