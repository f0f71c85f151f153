package org.gaitform.io.force;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gaitform.io.text.ColumnReader;
import org.gaitform.io.text.Fields;
import org.gaitform.io.text.GuardedLineReader;
import org.gaitform.io.text.LayoutSniffer;
import org.gaitform.io.text.TextDecoding;
import org.gaitform.io.text.TextLayout;
import org.gaitform.model.Decision;
import org.gaitform.model.GaitformException;
import org.gaitform.model.Side;

/**
 * Reads vertical ground-reaction force from delimited text ({@code .csv}, {@code .tsv}, {@code .txt}) and from
 * OpenSim storage files ({@code .mot}, {@code .sto}: a header ending with {@code endheader}, then a table).
 *
 * <ul>
 *   <li>Columns: an explicitly vertical force ({@code vGRF}, {@code grf_normal_bw}, …) is used as it is; of force
 *   components ({@code Fx Fy Fz}, {@code ground_force_vx/vy/vz}) the vertical one is the component with the largest
 *   mean magnitude — body weight against the much smaller mean shear forces — whatever the lab's axis convention;
 *   {@code --force-column} names it instead.</li>
 *   <li>Plates: one per column prefix; a prefix naming a foot ({@code l_}, {@code R_}, {@code left}) gives that
 *   foot's force; with two plates of which one is marked left, the unmarked one is the right foot (OpenSim's
 *   {@code ground_force_*} next to {@code l_ground_force_*}).</li>
 *   <li>Unit: from a header token ({@code Fy_N}, {@code grf_bw}, {@code Fz [kN]}), else {@code --force-unit}, else
 *   from the mean total force, which over whole strides equals body weight (hundreds of newtons, or about 1 body
 *   weight); a unit that contradicts that mean is an error ("a force file in another unit").</li>
 *   <li>Time: a seconds column ({@code time}, {@code time_s}) gives the rate; a column that counts samples
 *   (1, 2, 3 …, or named {@code sample}/{@code frame}) needs the rate from the options; sample i is then at i / rate.
 *   A force whose mean is negative (plates that report the force on the plate) is turned around.</li>
 * </ul>
 */
public final class ForceTableReader {
    /** Largest number of rows read. */
    static final long MAX_ROWS = 100_000_000L;
    /** Plausible mean total vertical force in newtons: a child's to a heavy adult's weight. */
    static final double MIN_MEAN_N = 100;
    static final double MAX_MEAN_N = 3000;
    /** Plausible mean total vertical force in body weights (a slope or a partial trial lowers it a little). */
    static final double MIN_MEAN_BW = 0.4;
    static final double MAX_MEAN_BW = 2.0;

    /** True when a header names at least one force column. */
    public static boolean hasForceColumns(List<String> headers) {
        return !ForceColumns.find(headers).isEmpty();
    }

    /** True when a header names an explicitly vertical force (vGRF, grf_normal_bw, …), not only components. */
    public static boolean hasExplicitVerticalForce(List<String> headers) {
        return ForceColumns.hasExplicitVertical(headers);
    }

    /** The column names of a force table (after an OpenSim header for {@code .mot} and {@code .sto}). */
    public static List<String> headers(Path file, String source) throws IOException {
        return layout(file, source).columnNames();
    }

    /** Reads a file. */
    public ForceRecording read(Path file, String source, ForceReadOptions options) throws IOException {
        TextLayout layout = layout(file, source);
        List<String> names = layout.columnNames();
        List<Decision> decisions = new ArrayList<>();
        List<ForceColumns.Column> cols;
        if (options.column().isPresent()) {
            String want = options.column().get();
            int idx = -1;
            for (int i = 0; i < names.size(); i++) {
                if (names.get(i).trim().equalsIgnoreCase(want.trim())) {
                    idx = i;
                }
            }
            if (idx < 0) {
                throw GaitformException.badInput(source, "header", "the force column '" + want + "' named by "
                        + "--force-column", "the columns " + names);
            }
            List<ForceColumns.Column> found = ForceColumns.find(List.of(names.get(idx)));
            String unit = found.isEmpty() ? "" : found.get(0).unitToken();
            cols = List.of(new ForceColumns.Column(idx, names.get(idx), "", "v", unit));
            decisions.add(new Decision("force_column", names.get(idx), "override"));
        } else {
            cols = ForceColumns.find(names);
        }
        if (cols.isEmpty()) {
            throw GaitformException.badInput(source, "header", "a vertical force column (Fz, Fy, vGRF, grf_bw, "
                    + "ground_force_vy, … or one named with --force-column)", "the columns " + abbreviate(names));
        }
        int timeCol = timeColumn(names);
        int[] idx = new int[cols.size() + (timeCol >= 0 ? 1 : 0)];
        for (int i = 0; i < cols.size(); i++) {
            idx[i] = cols.get(i).index();
        }
        if (timeCol >= 0) {
            idx[idx.length - 1] = timeCol;
        }
        ColumnReader.CellKind[] kinds = new ColumnReader.CellKind[idx.length];
        Arrays.fill(kinds, ColumnReader.CellKind.NUMBER);
        double[][] data = ColumnReader.read(file, source, layout, idx, kinds, MAX_ROWS);
        int n = data[0].length;
        if (n < 2) {
            throw GaitformException.badInput(source, "", "at least two rows of force", n + " row(s)");
        }
        double[] start = new double[1];
        double rate = timeAxis(source, names, timeCol, timeCol >= 0 ? data[data.length - 1] : null, options, decisions,
                start);
        // plates: vertical component of each prefix group
        List<ForcePlate> plates = new ArrayList<>();
        List<String> units = new ArrayList<>();
        Map<String, List<ForceColumns.Column>> groups = ForceColumns.byPlate(cols);
        boolean someLeft = groups.keySet().stream().anyMatch(p -> ForceColumns.side(p) == Side.LEFT);
        for (Map.Entry<String, List<ForceColumns.Column>> g : groups.entrySet()) {
            ForceColumns.Column best = null;
            double bestMag = -1;
            List<ForceColumns.Column> members = g.getValue();
            boolean explicit = members.stream().anyMatch(c -> c.axis().equals("v"));
            for (ForceColumns.Column c : members) {
                if (explicit && !c.axis().equals("v")) {
                    continue;
                }
                double mag = Math.abs(mean(data[cols.indexOf(c)]));
                if (mag > bestMag) {
                    bestMag = mag;
                    best = c;
                }
            }
            Side side = ForceColumns.side(g.getKey());
            if (side == Side.UNKNOWN && g.getKey().isEmpty() && someLeft && groups.size() == 2
                    && groups.keySet().stream().noneMatch(p -> ForceColumns.side(p) == Side.RIGHT)) {
                side = Side.RIGHT;
                decisions.add(new Decision("force_side_" + ForceColumns.normalise(best.header()), "right",
                        "the other foot's force is marked left (" + groups.keySet().stream().filter(p -> !p.isEmpty())
                                .findFirst().orElse("") + "), this one is not marked"));
            }
            double[] f = data[cols.indexOf(best)];
            if (!explicit && members.size() > 1) {
                decisions.add(new Decision("force_vertical_" + ForceColumns.normalise(best.header()),
                        best.header().trim(), "the component with the largest mean magnitude (" + fmt(bestMag)
                        + ") of " + members.stream().map(c -> c.header().trim()).toList() + ": body weight against "
                        + "shear"));
            }
            if (mean(f) < 0) {
                f = Arrays.stream(f).map(v -> -v).toArray();
                decisions.add(new Decision("force_sign_" + ForceColumns.normalise(best.header()), "inverted",
                        "its mean is negative: the plate reports the force on the plate; the ground pushes up"));
            }
            plates.add(new ForcePlate(best.header().trim(), side, f));
            // the components of one plate share a unit: a token on any of them names it
            units.add(members.stream().map(ForceColumns.Column::unitToken).filter(u -> !u.isEmpty()).findFirst()
                    .orElse(""));
        }
        ForceUnit unit = unit(source, plates, units, options, decisions);
        if (units.contains("kn")) {
            List<ForcePlate> scaled = new ArrayList<>();
            for (ForcePlate p : plates) {
                scaled.add(new ForcePlate(p.name(), p.side(), Arrays.stream(p.verticalForce()).map(v -> v * 1000)
                        .toArray()));
            }
            plates = scaled;
            decisions.add(new Decision("force_unit_scale", "1000", "the header gives kN; forces are used in N"));
        }
        ForceRecording rec = new ForceRecording(source, start[0], rate, plates, unit, decisions);
        checkMagnitude(source, rec, units.stream().anyMatch(u -> !u.isEmpty()) || options.unit().isPresent());
        return rec;
    }

    private static TextLayout layout(Path file, String source) throws IOException {
        String lower = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (lower.endsWith(".mot") || lower.endsWith(".sto")) {
            TextDecoding dec = TextDecoding.detect(file);
            try (GuardedLineReader r = new GuardedLineReader(dec.open(file), source)) {
                String line;
                while ((line = r.readLine()) != null && r.lineNumber() < 1000) {
                    if (line.trim().equalsIgnoreCase("endheader")) {
                        String header = r.readLine();
                        if (header == null) {
                            throw GaitformException.badInput(source, "line " + (r.lineNumber() + 1),
                                    "a column header after 'endheader'", "the end of the file");
                        }
                        char sep = header.indexOf('\t') >= 0 ? '\t' : ' ';
                        String[] h = sep == '\t' ? Fields.split(header, '\t') : header.trim().split("\\s+");
                        List<String> names = new ArrayList<>(Arrays.asList(h));
                        while (!names.isEmpty() && names.get(names.size() - 1).isBlank()) {
                            names.remove(names.size() - 1);
                        }
                        return new TextLayout(dec, sep, false, List.<String[]>of(names.toArray(new String[0])),
                                names, r.lineNumber() + 1, Map.of());
                    }
                }
            }
            throw GaitformException.badInput(source, "header", "an OpenSim storage header ending with 'endheader'",
                    "no 'endheader' line in the first 1000 lines");
        }
        return LayoutSniffer.sniff(file, source);
    }

    /** The time column: seconds names first, then milliseconds, then sample counters; -1 when there is none. */
    static int timeColumn(List<String> names) {
        String[][] prefs = {{"time_s", "time", "t", "seconds", "time_sec", "timestamp_s"}, {"time_ms", "t_ms"},
            {"sample", "samples", "frame", "sample_number", "index"}};
        for (String[] group : prefs) {
            for (int i = 0; i < names.size(); i++) {
                String n = ForceColumns.normalise(names.get(i));
                for (String p : group) {
                    if (n.equals(p)) {
                        return i;
                    }
                }
            }
        }
        return -1;
    }

    private static double timeAxis(String source, List<String> names, int col, double[] t, ForceReadOptions options,
                                   List<Decision> decisions, double[] start) {
        String name = col >= 0 ? ForceColumns.normalise(names.get(col)) : "";
        boolean counter = col >= 0 && (name.startsWith("sample") || name.equals("frame") || name.equals("index")
                || countsSamples(t));
        if (col < 0 || counter) {
            if (options.rateHz().isEmpty()) {
                throw GaitformException.badInput(source, col < 0 ? "header" : "column '" + names.get(col).trim() + "'",
                        "a time column in seconds, or the force's sampling rate given with --reference-rate HZ "
                                + "(or a reference_rate_hz column in the metadata)",
                        col < 0 ? "no time column" : "sample numbers (" + fmt(t[0]) + ", " + fmt(t[1]) + ", …)");
            }
            double rate = options.rateHz().get();
            start[0] = 0;
            decisions.add(new Decision("force_time", "row / " + fmt(rate) + " Hz", col < 0 ? "the file has no time "
                    + "column; rate given" : "column '" + names.get(col).trim() + "' counts samples; row i (from 0) is "
                    + "at i / " + fmt(rate) + " s"));
            return rate;
        }
        double scale = name.endsWith("ms") ? 0.001 : 1.0;
        double[] dt = new double[t.length - 1];
        for (int i = 1; i < t.length; i++) {
            dt[i - 1] = (t[i] - t[i - 1]) * scale;
        }
        double[] sorted = dt.clone();
        Arrays.sort(sorted);
        double median = sorted[sorted.length / 2];
        if (!(median > 0)) {
            throw GaitformException.badInput(source, "column '" + names.get(col).trim() + "'", "increasing times",
                    "a median step of " + fmt(median) + " s");
        }
        int bad = 0;
        for (double d : dt) {
            if (Math.abs(d - median) > 0.01 * median + 1e-9) {
                bad++;
            }
        }
        if (bad > Math.max(2, dt.length / 100)) {
            throw GaitformException.badInput(source, "column '" + names.get(col).trim() + "'",
                    "a uniform time axis (a force plate samples at a fixed rate)", bad + " uneven steps of "
                            + dt.length);
        }
        double rate = 1.0 / median;
        double rounded = Math.abs(rate - Math.rint(rate)) < 1e-3 * rate ? Math.rint(rate) : rate;
        if (options.rateHz().isPresent() && Math.abs(options.rateHz().get() - rounded) > 0.01 * rounded) {
            throw GaitformException.badInput(source, "column '" + names.get(col).trim() + "'",
                    "the sampling rate given (" + fmt(options.rateHz().get()) + " Hz)", "times at " + fmt(rounded)
                            + " Hz: a different sampling rate");
        }
        start[0] = t[0] * scale;
        decisions.add(new Decision("force_time", "column '" + names.get(col).trim() + "'", "times in "
                + (scale == 1 ? "s" : "ms") + ", " + fmt(rounded) + " Hz"));
        return rounded;
    }

    /** True for 1, 2, 3, … (or 0, 1, 2, …): whole numbers stepping by exactly one. */
    static boolean countsSamples(double[] t) {
        if (t == null || t.length < 3) {
            return false;
        }
        for (int i = 0; i < t.length; i++) {
            if (t[i] != Math.rint(t[i]) || (i > 0 && t[i] - t[i - 1] != 1)) {
                return false;
            }
        }
        return true;
    }

    private static ForceUnit unit(String source, List<ForcePlate> plates, List<String> tokens, ForceReadOptions o,
                                  List<Decision> decisions) {
        boolean bw = tokens.contains("bw");
        boolean newton = tokens.contains("n") || tokens.contains("kn");
        if (bw && newton) {
            throw GaitformException.badInput(source, "header", "one force unit for every plate", "both body weights "
                    + "and newtons");
        }
        if (o.unit().isPresent()) {
            ForceUnit u = o.unit().get();
            if ((bw && u != ForceUnit.BODY_WEIGHT) || (newton && u != ForceUnit.NEWTON)) {
                throw GaitformException.badInput(source, "header", "forces in " + u.symbol() + " as --force-unit says",
                        "a header in " + (bw ? "body weights" : "newtons"));
            }
            decisions.add(new Decision("force_unit", u.symbol(), "override"));
            return u;
        }
        if (bw || newton) {
            ForceUnit u = bw ? ForceUnit.BODY_WEIGHT : ForceUnit.NEWTON;
            decisions.add(new Decision("force_unit", u.symbol(), "named in the header"));
            return u;
        }
        double mean = 0;
        int n = plates.get(0).size();
        for (ForcePlate p : plates) {
            mean += mean(p.verticalForce());
        }
        if (mean >= MIN_MEAN_N && mean <= MAX_MEAN_N) {
            decisions.add(new Decision("force_unit", "N", "not named in the header; the mean total force, "
                    + fmt(mean) + ", is a body weight in newtons (" + fmt(mean / 9.81) + " kg)"));
            return ForceUnit.NEWTON;
        }
        if (mean >= MIN_MEAN_BW && mean <= MAX_MEAN_BW) {
            decisions.add(new Decision("force_unit", "BW", "not named in the header; the mean total force, "
                    + fmt(mean) + ", is about one body weight"));
            return ForceUnit.BODY_WEIGHT;
        }
        throw GaitformException.badInput(source, "vertical force " + plates.stream().map(ForcePlate::name).toList(),
                "newtons (a mean of " + (int) MIN_MEAN_N + "–" + (int) MAX_MEAN_N + " N over a run: body weight) or body "
                        + "weights (a mean of about 1)", "a mean of " + fmt(mean) + " over " + n + " samples: another "
                        + "unit? name it in the header (Fz_N, grf_bw) or with --force-unit");
    }

    /** A force whose unit is known must average about body weight in it. */
    static void checkMagnitude(String source, ForceRecording rec, boolean stated) {
        double mean = rec.meanTotalForce();
        boolean ok = rec.unit() == ForceUnit.NEWTON ? mean >= MIN_MEAN_N && mean <= MAX_MEAN_N
                : mean >= MIN_MEAN_BW && mean <= MAX_MEAN_BW;
        if (!ok && stated) {
            throw GaitformException.badInput(source, "vertical force " + rec.plates().stream().map(ForcePlate::name)
                            .toList(), rec.unit() == ForceUnit.NEWTON
                            ? "newtons, as its header or --force-unit says: a mean of " + (int) MIN_MEAN_N + "–"
                            + (int) MAX_MEAN_N + " N over a run (body weight)"
                            : "body weights, as its header or --force-unit says: a mean of about 1",
                    "a mean of " + fmt(mean) + (rec.unit() == ForceUnit.NEWTON && mean < MIN_MEAN_N
                            ? " (body weights or kN?)" : rec.unit() == ForceUnit.BODY_WEIGHT && mean > MAX_MEAN_BW
                            ? " (newtons?)" : ""));
        }
    }

    static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return x.length == 0 ? Double.NaN : s / x.length;
    }

    static String fmt(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e9) {
            return String.valueOf((long) v);
        }
        return String.format(Locale.ROOT, "%.4g", v);
    }

    private static String abbreviate(List<String> names) {
        return names.size() <= 12 ? names.toString() : names.subList(0, 12) + " … (" + names.size() + " columns)";
    }

    /** For tests: the recognised force columns of a header. */
    static List<String> forceColumns(List<String> headers) {
        return ForceColumns.find(headers).stream().map(c -> c.header() + "→" + c.plate() + ":" + c.axis() + ":"
                + c.unitToken()).toList();
    }
}
