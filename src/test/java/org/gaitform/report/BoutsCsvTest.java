package org.gaitform.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.gaitform.model.Bout;
import org.gaitform.model.SessionResult;
import org.gaitform.model.Step;
import org.gaitform.signal.Stats;
import org.gaitform.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bouts.csv finds each bout's steps by bisection when the steps are in time order (as the pipeline gives them) and by
 * looking at every step otherwise: both give exactly the table of the plain definition (every step of the bout's
 * activity whose initial contact lies in the bout, in list order).
 */
class BoutsCsvTest {

    @Test
    void sameTableAsThePlainDefinitionInAndOutOfTimeOrder(@TempDir Path dir) throws IOException {
        SessionResult r = Fixtures.shortRun(dir);
        assertThat(r.bouts()).isNotEmpty();
        assertThat(r.steps()).hasSizeGreaterThan(10);
        assertThat(SessionTables.boutsCsv(r)).isEqualTo(plain(r));
        List<Step> reversed = new ArrayList<>(r.steps());
        Collections.reverse(reversed);
        SessionResult outOfOrder = r.withSteps(reversed, r.metrics());
        assertThat(SessionTables.boutsCsv(outOfOrder)).isEqualTo(plain(outOfOrder));
    }

    /** The table as its Javadoc defines it, every bout against every step. */
    private static String plain(SessionResult r) {
        List<List<Object>> rows = new ArrayList<>();
        int k = 0;
        for (Bout b : r.bouts()) {
            List<Step> in = r.steps().stream().filter(s -> s.activity() == b.activity() && b.contains(s.icS())).toList();
            double stepTime = Stats.mean(in.stream().mapToDouble(Step::stepTimeS).toArray());
            rows.add(List.of(++k, b.activity().label(), new CsvTables.Num(b.startS(), 4), new CsvTables.Num(b.endS(), 4),
                    new CsvTables.Num(b.durationS(), 4), in.size(),
                    new CsvTables.Num(stepTime > 0 ? 60.0 / stepTime : Double.NaN, 2),
                    new CsvTables.Num(Stats.mean(in.stream().mapToDouble(Step::contactMs).toArray()), 1)));
        }
        return CsvTables.write(SessionTables.BOUT_COLUMNS, rows);
    }
}
