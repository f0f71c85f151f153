package org.gaitform.dataset;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.gaitform.report.CsvTables;

/**
 * A dataset table as CSV: a header row of the column names, {@code \n} line ends, UTF-8; whole numbers as digits,
 * decimals as plain decimals without exponent (as precise as the session's own files), missing values as empty
 * cells; text cells a spreadsheet would run as a formula get a leading apostrophe, as in every CSV gaitform writes.
 */
final class CsvTableSink implements TableSink {
    private final CSVPrinter printer;
    private final int width;
    private final String[] cells;

    CsvTableSink(Path file, List<DatasetColumn> columns) throws IOException {
        BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        this.printer = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get());
        this.width = columns.size();
        this.cells = new String[width];
        printer.printRecord(columns.stream().map(c -> CsvTables.safeText(c.name())).toList());
    }

    @Override
    public void write(Object[] row) throws IOException {
        for (int i = 0; i < width; i++) {
            Object v = row[i];
            cells[i] = v == null ? "" : v instanceof Double d ? DatasetSchema.plain(d) : v instanceof Long l ? l.toString()
                    : CsvTables.safeText(v.toString());
        }
        printer.printRecord((Object[]) cells);
    }

    @Override
    public void close() throws IOException {
        printer.close(true);
    }
}
