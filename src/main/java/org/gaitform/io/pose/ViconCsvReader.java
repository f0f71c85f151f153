package org.gaitform.io.pose;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.gaitform.io.text.ColumnReader;
import org.gaitform.io.text.Fields;
import org.gaitform.io.text.GuardedLineReader;
import org.gaitform.io.text.Numbers;
import org.gaitform.io.text.TextDecoding;
import org.gaitform.model.GaitformException;
import org.gaitform.model.PoseRecording;

/**
 * Reads the marker trajectories of a Vicon Nexus export ("Export ASCII", {@code .csv}, or the same with tabs in a
 * {@code .txt}). The file is a series of sections ({@code Devices}, {@code Joints}, {@code Model Outputs},
 * {@code Segments}, {@code Trajectories}), each:
 * <pre>
 * Trajectories
 * 100                                   the section's rate (Hz)
 * ,,Subject:LASI,,,Subject:RASI,,,…     the names, one per X, Y, Z triple
 * Frame,Sub Frame,X,Y,Z,X,Y,Z,…
 * ,,mm,mm,mm,mm,mm,mm,…                 units
 * 1,0,123.4,567.8,901.2,…               one row per frame; empty cells are gaps
 * </pre>
 * and sections are separated by a blank line. Only the {@code Trajectories} section is read: the subject's prefix
 * ({@code Subject:}) is taken off the names when that leaves them distinct, unlabelled trajectories ({@code *12}) are
 * left out, and the time is the frame number less the first one, over the rate.
 */
public final class ViconCsvReader {
    /** The section names of a Nexus export; the first non-blank line of the file is one of them. */
    static final Set<String> SECTIONS = Set.of("devices", "joints", "model outputs", "segments", "trajectories");
    /** Lines looked at to tell an export from other tables. */
    private static final int SNIFF_LINES = 2;

    /**
     * True when the file's first non-blank line names a Nexus section ({@link #SECTIONS}) and the line after it is a
     * number (the section's rate): a truncated export is still read as one, and told what it lacks.
     */
    public static boolean isViconExport(Path file) {
        return isViconExport(PoseFiles.headLines(file));
    }

    /** The same on the file's first lines ({@link PoseFiles#headLines}). */
    public static boolean isViconExport(List<String> headLines) {
        List<String> lines = headLines.stream().dropWhile(String::isBlank).limit(SNIFF_LINES).toList();
        return lines.size() == SNIFF_LINES && SECTIONS.contains(cell(lines.get(0)).toLowerCase(Locale.ROOT))
                && Double.isFinite(Numbers.parse(cell(lines.get(1)), false));
    }

    /** A line's first field, trimmed (a section name or a rate line may carry trailing separators). */
    private static String cell(String line) {
        String t = line.trim();
        int cut = t.length();
        for (char c : new char[] {',', '\t', ';'}) {
            int i = t.indexOf(c);
            if (i >= 0) {
                cut = Math.min(cut, i);
            }
        }
        return t.substring(0, cut).trim();
    }

    /** Reads the Trajectories section of one file. */
    public PoseRecording read(Path file, String source, PoseReadOptions options) throws IOException {
        try (GuardedLineReader r = new GuardedLineReader(TextDecoding.detect(file).open(file), source)) {
            List<String> sections = new ArrayList<>();
            String s;
            boolean atSectionStart = true;
            while ((s = r.readLine()) != null) {
                if (s.isBlank()) {
                    atSectionStart = true;
                    continue;
                }
                if (atSectionStart && SECTIONS.contains(cell(s).toLowerCase(Locale.ROOT))) {
                    sections.add(cell(s));
                    if (cell(s).equalsIgnoreCase("trajectories")) {
                        return trajectories(r, source, options);
                    }
                }
                atSectionStart = false;
            }
            throw GaitformException.badInput(source, "", "a Trajectories section (export the trajectories from Nexus)",
                    sections.isEmpty() ? "no section" : "the sections " + String.join(", ", sections) + " only");
        }
    }

    private PoseRecording trajectories(GuardedLineReader r, String source, PoseReadOptions options) throws IOException {
        String rateLine = r.readLine();
        long rateNo = r.lineNumber();
        double rate = rateLine == null ? Double.NaN : Numbers.parse(cell(rateLine), false);
        if (!(rate > 0 && rate <= TrcReader.MAX_RATE_HZ)) {
            throw GaitformException.badInput(source, "line " + rateNo, "the Trajectories section's frame rate (Hz) "
                    + "after its name", rateLine == null ? "the end of the file" : "'" + MarkerColumns.abbreviate(rateLine) + "'");
        }
        String namesLine = r.readLine();
        long namesNo = r.lineNumber();
        String axesLine = r.readLine();
        long axesNo = r.lineNumber();
        String unitsLine = r.readLine();
        if (namesLine == null || axesLine == null || unitsLine == null) {
            throw GaitformException.badInput(source, "line " + rateNo, "marker names, 'Frame,Sub Frame,X,Y,Z,…' and "
                    + "units after the frame rate", "the end of the file (truncated)");
        }
        char sep = axesLine.indexOf('\t') >= 0 ? '\t' : ',';
        String[] axes = Fields.split(axesLine, sep);
        if (axes.length < 5 || !axes[0].trim().equalsIgnoreCase("frame")
                || !axes[1].trim().equalsIgnoreCase("sub frame")) {
            throw GaitformException.badInput(source, "line " + axesNo, "'Frame, Sub Frame, X, Y, Z, …'",
                    "'" + MarkerColumns.abbreviate(axesLine) + "'");
        }
        String[] names = Fields.split(namesLine, sep);
        String[] units = Fields.split(unitsLine, sep);
        List<String> markers = new ArrayList<>();
        List<Integer> firstCol = new ArrayList<>();
        int unlabelled = 0;
        for (int i = 2; i < names.length; i++) {
            String nm = names[i].trim();
            if (nm.isEmpty()) {
                continue;
            }
            if (i + 2 >= axes.length || !axes[i].trim().equalsIgnoreCase("x") || !axes[i + 1].trim().equalsIgnoreCase("y")
                    || !axes[i + 2].trim().equalsIgnoreCase("z")) {
                throw GaitformException.badInput(source, "line " + axesNo + ", column " + (i + 1), "X, Y, Z under the "
                        + "trajectory '" + MarkerColumns.abbreviate(nm) + "'", "'" + MarkerColumns.abbreviate(i < axes.length ? axes[i] : "") + "'");
            }
            if (nm.startsWith("*")) {
                unlabelled++;
                continue;
            }
            markers.add(nm);
            firstCol.add(i);
        }
        if (markers.isEmpty()) {
            throw GaitformException.badInput(source, "line " + namesNo, "labelled trajectory names after 'Frame' and "
                    + "'Sub Frame'", unlabelled > 0 ? unlabelled + " unlabelled trajectories only" : "none");
        }
        if (markers.size() > TrcReader.MAX_MARKERS) {
            throw GaitformException.badInput(source, "line " + namesNo, "at most " + TrcReader.MAX_MARKERS
                    + " trajectories", String.valueOf(markers.size()));
        }
        String unit = firstCol.get(0) < units.length ? units[firstCol.get(0)].trim().toLowerCase(Locale.ROOT) : "";
        if (!unit.matches("mm|cm|m")) {
            throw GaitformException.badInput(source, "line " + (axesNo + 1) + ", column " + (firstCol.get(0) + 1),
                    "the unit of the trajectories: mm, cm or m", unit.isEmpty() ? "an empty cell" : "'"
                            + MarkerColumns.abbreviate(unit) + "'");
        }
        List<String> shown = withoutSubject(markers);
        int width = firstCol.get(firstCol.size() - 1) + 3;
        ColumnReader.DoubleColumn time = new ColumnReader.DoubleColumn();
        double firstFrame = Double.NaN;
        double previous = Double.NaN;
        MarkerColumns xyz = new MarkerColumns(markers.size());
        int n = 0;
        String s;
        while ((s = r.readLine()) != null) {
            long no = r.lineNumber();
            if (s.isBlank()) {
                break; // the section ends at a blank line
            }
            String[] f = Fields.split(s, sep);
            String fc = f[0].trim();
            double fr = Numbers.parse(fc, false);
            if (Double.isNaN(fr)) {
                throw GaitformException.badInput(source, "line " + no + ", column 'Frame'", "a frame number",
                        fc.isEmpty() ? "an empty cell" : "'" + MarkerColumns.abbreviate(fc) + "'");
            }
            if (n >= PoseCsvReader.MAX_FRAMES) {
                throw GaitformException.badInput(source, "line " + no, "at most " + PoseCsvReader.MAX_FRAMES + " frames",
                        "more (split the recording)");
            }
            if (n > 0 && !(fr > previous)) {
                throw GaitformException.badInput(source, "line " + no + ", column 'Frame'", "a frame number above the "
                        + "previous row's (" + PoseAssembler.fmt(previous) + ")", PoseAssembler.fmt(fr));
            }
            if (n == 0) {
                firstFrame = fr;
            }
            previous = fr;
            time.add((fr - firstFrame) / rate);
            for (int m = 0; m < markers.size(); m++) {
                int c0 = firstCol.get(m);
                for (int a = 0; a < 3; a++) {
                    String cell = c0 + a < f.length ? f[c0 + a].trim() : ""; // Nexus ends a row at its last value
                    xyz.add(m, a, MarkerColumns.cell(cell, source, no, markers.get(m), a, "an empty cell for a gap"));
                }
            }
            n++;
        }
        if (n == 0) {
            throw GaitformException.notAnalysable(source, "no frames of data in the Trajectories section");
        }
        PoseAssembler a = new PoseAssembler(source, "vicon-csv");
        a.decide("input_format", "vicon-csv", "Vicon Nexus export, Trajectories section: " + markers.size()
                + " trajectories, " + n + " frames at " + PoseAssembler.fmt(rate) + " Hz (from the section's rate line)"
                + (unlabelled > 0 ? "; " + unlabelled + " unlabelled trajectories left out" : "")
                + (shown.equals(markers) ? "" : "; the subject's prefix taken off the names"));
        return a.build(xyz.raw(shown), time.toArray(), rate, false, Optional.of(unit), options);
    }

    /** The names without the part up to the last {@code :} when that leaves them distinct, else as they are. */
    static List<String> withoutSubject(List<String> names) {
        List<String> out = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (String n : names) {
            String s = n.substring(n.lastIndexOf(':') + 1).trim();
            if (s.isEmpty() || seen.merge(s, 1, Integer::sum) > 1) {
                return names;
            }
            out.add(s);
        }
        return out;
    }
}
