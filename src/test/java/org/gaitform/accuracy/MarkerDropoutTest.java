package org.gaitform.accuracy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.gaitform.accuracy.MarkerEventAccuracyTest.Ref;
import org.gaitform.accuracy.MarkerEventAccuracyTest.Row;
import org.gaitform.accuracy.MarkerEventAccuracyTest.Trial;
import org.gaitform.model.SessionResult;
import org.gaitform.model.Step;
import org.gaitform.pipeline.AnalysisSettings;
import org.gaitform.pipeline.SessionPipeline;
import org.gaitform.support.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Motion capture loses markers: a foot hidden by the treadmill's rail or the other leg leaves its markers blank for a
 * few frames or half a second. Fukuchi's four force-plate trials with a foot's heel and metatarsal markers all blanked
 * (written {@code NaN}) in 12 windows of 20–500 ms each, on a random side (seeded): the contacts that are still found
 * must be timed as in the intact trial, no contact may be invented inside a gap, cadence must stay right, and only the
 * contacts that a gap hides may be lost.
 */
class MarkerDropoutTest {
    @TempDir
    Path tmp;

    @Test
    void contactsAroundMarkerGapsAreTimedAsInTheIntactTrial() throws IOException {
        SessionPipeline pipeline = new SessionPipeline(AnalysisSettings.defaults());
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%nFukuchi's trials with a foot's markers blank "
                + "in 12 windows of 20–500 ms%n%s%n", MarkerEventAccuracyTest.header()));
        List<String> failures = new ArrayList<>();
        for (Trial t : MarkerEventAccuracyTest.TRIALS) {
            if (!t.dataset().equals(MarkerEventAccuracyTest.FUKUCHI)) {
                continue;
            }
            Path dir = SharedData.require(t.dataset());
            List<Ref> refs = MarkerEventAccuracyTest.refs(dir.resolve(t.contacts()));
            Row intact = MarkerEventAccuracyTest.compare(t, refs, pipeline.analyse(dir.resolve(t.file()), t.file(), "s"), 0);
            out.append(MarkerEventAccuracyTest.line(intact)).append("  intact\n");
            for (long seed = 1; seed <= 3; seed++) {
                Path p = tmp.resolve(seed + "_" + t.file());
                List<double[]> gaps = blank(dir.resolve(t.file()), p, new Random(seed));
                SessionResult s = pipeline.analyse(p, t.file(), "s");
                Row r = MarkerEventAccuracyTest.compare(t, refs, s, 0);
                long hidden = refs.stream().filter(ref -> gaps.stream().anyMatch(g -> g[0] == sideOf(ref)
                        && g[1] < ref.toS() + 0.1 && g[2] > ref.icS() - 0.1)).count();
                out.append(MarkerEventAccuracyTest.line(r)).append(String.format(Locale.ROOT, "  seed %d: %d contacts "
                        + "touched by a gap, %s%n", seed, hidden, s.quality().verdict().label()));
                String at = t.file() + " seed " + seed;
                if (r.matched() < r.refs() - hidden) {
                    failures.add(at + ": " + (r.refs() - r.matched()) + " contacts lost, only " + hidden + " near a gap");
                }
                if (Math.abs(r.icMaeMs() - intact.icMaeMs()) > 1.5 || Math.abs(r.toMaeMs() - intact.toMaeMs()) > 1.5) {
                    failures.add(String.format(Locale.ROOT, "%s: |IC| %.1f ms, |TO| %.1f ms against %.1f and %.1f intact",
                            at, r.icMaeMs(), r.toMaeMs(), intact.icMaeMs(), intact.toMaeMs()));
                }
                if (Math.abs(r.cadErrSpm()) > 0.5 || r.sidesPct() < 100) {
                    failures.add(String.format(Locale.ROOT, "%s: cadence %+.2f steps/min, sides %.0f %%", at,
                            r.cadErrSpm(), r.sidesPct()));
                }
                for (Step st : s.steps()) {
                    if (refs.stream().noneMatch(ref -> Math.abs(ref.icS() - st.icS()) <= 0.1)) {
                        failures.add(String.format(Locale.ROOT, "%s: a contact at %.3f s that the force plate lacks",
                                at, st.icS()));
                    }
                }
            }
        }
        System.out.println(out);
        assertThat(failures).as(out.toString()).isEmpty();
    }

    private static double sideOf(Ref ref) {
        return ref.side() == org.gaitform.model.Side.RIGHT ? 0 : 1;
    }

    /** Blanks one foot's heel and metatarsal markers in 12 windows; returns {side (0 right), from s, to s} of each. */
    private static List<double[]> blank(Path in, Path out, Random rnd) throws IOException {
        List<String> lines = Files.readAllLines(in);
        String[] head = lines.get(0).split("\t");
        List<List<Integer>> sides = new ArrayList<>();
        for (String side : new String[] {"R.", "L."}) {
            List<Integer> cols = new ArrayList<>();
            for (int c = 0; c < head.length; c++) {
                if (head[c].startsWith(side + "Heel") || head[c].startsWith(side + "MT")) {
                    cols.add(c);
                }
            }
            assertThat(cols).as(in + ": %s heel and metatarsal markers", side).hasSize(15);
            sides.add(cols);
        }
        int n = lines.size() - 1;
        double[] time = new double[n];
        for (int i = 0; i < n; i++) {
            time[i] = Double.parseDouble(lines.get(i + 1).split("\t", 2)[0]);
        }
        double fs = (n - 1) / (time[n - 1] - time[0]);
        boolean[][] blank = new boolean[n][head.length];
        List<double[]> gaps = new ArrayList<>();
        for (int g = 0; g < 12; g++) {
            int len = (int) Math.round((0.02 + rnd.nextDouble() * 0.48) * fs);
            int from = rnd.nextInt(n - len);
            int side = rnd.nextInt(2);
            for (int i = from; i < from + len; i++) {
                for (int c : sides.get(side)) {
                    blank[i][c] = true;
                }
            }
            gaps.add(new double[] {side, time[from], time[from + len - 1]});
        }
        try (BufferedWriter w = Files.newBufferedWriter(out)) {
            w.write(lines.get(0));
            w.write('\n');
            for (int i = 0; i < n; i++) {
                String[] cells = lines.get(i + 1).split("\t", -1);
                for (int c = 0; c < cells.length; c++) {
                    w.write(c > 0 ? "\t" : "");
                    w.write(c < head.length && blank[i][c] ? "NaN" : cells[c]);
                }
                w.write('\n');
            }
        }
        return gaps;
    }
}
