package org.gaitform.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A session's table part held by column gives back the cells it was given, missing cells as null. */
class SessionRowsPartTest {
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void givesBackEveryCellOfRandomRows(long seed) {
        Random rnd = new Random(seed);
        List<DatasetColumn> columns = List.of(DatasetColumn.of(DatasetTable.SESSION_ID, ColumnType.TEXT),
                DatasetColumn.of("step", ColumnType.INTEGER), DatasetColumn.of("contact_ms", ColumnType.DECIMAL),
                DatasetColumn.of("side", ColumnType.TEXT));
        List<Object[]> rows = new ArrayList<>();
        int n = rnd.nextInt(50);
        for (int i = 0; i < n; i++) {
            rows.add(new Object[] {"s" + seed, rnd.nextInt(5) == 0 ? null : rnd.nextLong(),
                rnd.nextInt(5) == 0 ? null : rnd.nextGaussian() * 1e3,
                rnd.nextInt(5) == 0 ? null : rnd.nextBoolean() ? "left" : "right"});
        }
        SessionRows.Part part = new SessionRows.Part(columns, rows);
        assertThat(part.columns()).isEqualTo(columns);
        assertThat(part.size()).isEqualTo(n);
        assertThat(part.rows()).hasSize(n);
        for (int i = 0; i < n; i++) {
            assertThat(part.rows().get(i)).as("row %d", i).containsExactly(rows.get(i));
            for (int c = 0; c < columns.size(); c++) {
                assertThat(part.cell(i, c)).isEqualTo(rows.get(i)[c]);
            }
        }
    }
}
