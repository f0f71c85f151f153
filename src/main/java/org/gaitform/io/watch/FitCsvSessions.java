package org.gaitform.io.watch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.gaitform.io.fit.FitProfile;
import org.gaitform.io.text.GuardedLineReader;
import org.gaitform.io.text.LayoutSniffer;
import org.gaitform.io.text.Numbers;
import org.gaitform.io.text.TextLayout;
import org.gaitform.model.GaitformException;

/**
 * The sessions of a FIT file as Garmin's FIT CSV tool writes them beside the records: {@code <name>.session.csv}
 * next to {@code <name>.record.csv}, one row per session with its {@code sport}, {@code start_time}, its time stamp
 * and its elapsed time (FIT seconds). A multisport file (a triathlon, a run with a bike leg) holds records of every
 * sport in one records table; as for the FIT file itself ({@link FitActivityReader}), only the records inside the
 * running sessions are a run.
 *
 * @param running       the running sessions' {start, end} (FIT seconds)
 * @param otherSports   the sports of the other sessions, by name, in the table's order
 * @param sessions      how many sessions the table holds
 * @param table         the session table's file name
 */
public record FitCsvSessions(List<double[]> running, Set<String> otherSports, int sessions, String table) {

    public FitCsvSessions {
        running = List.copyOf(running);
        // in the table's order: Set.copyOf iterates in an order that changes from run to run
        otherSports = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(otherSports));
    }

    /**
     * The session table beside a records table, or empty when the records table is not named
     * {@code <name>.record.csv}, there is no {@code <name>.session.csv} beside it, or that table has no sport and start
     * time columns.
     *
     * @param recordCsv the records table
     * @param source    its name in messages
     * @throws GaitformException when the session table is there but its rows cannot be read
     */
    public static Optional<FitCsvSessions> beside(Path recordCsv, String source) throws IOException {
        String name = recordCsv.getFileName().toString();
        if (!name.toLowerCase(Locale.ROOT).endsWith(".record.csv")) {
            return Optional.empty();
        }
        Path sessionCsv = recordCsv.resolveSibling(name.substring(0, name.length() - ".record.csv".length())
                + ".session.csv");
        if (!Files.isRegularFile(sessionCsv)) {
            return Optional.empty();
        }
        String table = sessionCsv.getFileName().toString();
        TextLayout layout = LayoutSniffer.sniff(sessionCsv, table);
        List<String> names = layout.columnNames();
        int sport = column(names, "sport");
        int start = column(names, "start_time");
        int stamp = column(names, "timestamp");
        int elapsed = column(names, "total_elapsed_time");
        int timer = column(names, "total_timer_time");
        if (sport < 0 || start < 0 || (stamp < 0 && elapsed < 0 && timer < 0)) {
            return Optional.empty();
        }
        List<double[]> running = new ArrayList<>();
        Set<String> other = new LinkedHashSet<>();
        int sessions = 0;
        try (GuardedLineReader r = new GuardedLineReader(layout.decoding().open(sessionCsv), table)) {
            String line;
            while ((line = r.readLine()) != null) {
                if (r.lineNumber() < layout.firstDataLine() || line.isBlank()) {
                    continue;
                }
                String[] f = layout.split(line);
                sessions++;
                double s = number(f, start);
                double end = FitActivityReader.end(number(f, stamp), s, number(f, elapsed), number(f, timer));
                String sp = sport < f.length ? f[sport].trim() : "";
                double code = Numbers.parse(sp, false);
                boolean isRun = code == 1 || sp.equalsIgnoreCase("running");
                if (Double.isNaN(s) || Double.isNaN(end)) {
                    throw GaitformException.badInput(table, "line " + r.lineNumber(), "a session's start_time and its "
                            + "time stamp or elapsed time (FIT seconds)", "'" + line.trim() + "'");
                }
                if (isRun) {
                    running.add(new double[] {s, end});
                } else {
                    other.add(sp.isEmpty() ? "unknown sport" : Double.isNaN(code) ? sp : FitProfile.sportName((long) code));
                }
            }
        }
        if (sessions == 0) {
            return Optional.empty();
        }
        return Optional.of(new FitCsvSessions(running, other, sessions, table));
    }

    /** True when a record's FIT time stamp lies inside a running session. */
    public boolean inRunning(double fitSeconds) {
        for (double[] r : running) {
            if (fitSeconds >= r[0] && fitSeconds <= r[1]) {
                return true;
            }
        }
        return false;
    }

    /** The column whose name (without its FIT CSV tool unit in brackets) is {@code name}, or -1. */
    private static int column(List<String> names, String name) {
        for (int i = 0; i < names.size(); i++) {
            String n = names.get(i).trim().toLowerCase(Locale.ROOT);
            int b = n.indexOf('[');
            if ((b >= 0 ? n.substring(0, b) : n).trim().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private static double number(String[] f, int c) {
        return c < 0 || c >= f.length ? Double.NaN : Numbers.parse(f[c].trim(), false);
    }
}
