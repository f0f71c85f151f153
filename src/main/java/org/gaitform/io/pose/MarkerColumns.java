package org.gaitform.io.pose;

import java.util.ArrayList;
import java.util.List;
import org.gaitform.io.text.ColumnReader;
import org.gaitform.io.text.Numbers;
import org.gaitform.model.GaitformException;

/**
 * The X, Y and Z columns of a marker table as the motion-capture text readers ({@link TrcReader},
 * {@link ViconCsvReader}, {@link QualisysTsvReader}) fill them: growing columns per marker and axis, one cell's number
 * (empty or {@code nan}: a gap), and the raw tracks handed to {@link PoseAssembler}.
 */
final class MarkerColumns {
    private final ColumnReader.DoubleColumn[][] xyz;

    /** Columns for {@code markers} markers. */
    MarkerColumns(int markers) {
        xyz = new ColumnReader.DoubleColumn[markers][3];
        for (ColumnReader.DoubleColumn[] m : xyz) {
            for (int a = 0; a < 3; a++) {
                m[a] = new ColumnReader.DoubleColumn();
            }
        }
    }

    /** Appends a value to a marker's axis (0 x, 1 y, 2 z). */
    void add(int marker, int axis, double v) {
        xyz[marker][axis].add(v);
    }

    /**
     * The number in a cell: NaN for an empty cell or {@code nan} (a gap); otherwise a number, or one message naming the
     * line, the marker's column and what was found.
     *
     * @param gap how the file marks a gap, for the message ("an empty cell for a missing marker")
     */
    static double cell(String cell, String source, long line, String marker, int axis, String gap) {
        if (cell.isEmpty() || cell.equalsIgnoreCase("nan")) {
            return Double.NaN;
        }
        double v = Numbers.parse(cell, false);
        if (Double.isNaN(v)) {
            throw GaitformException.badInput(source, "line " + line + ", column '" + marker + " " + "XYZ".charAt(axis)
                    + "'", "a number (or " + gap + ")", "'" + abbreviate(cell) + "'");
        }
        return v;
    }

    /** The markers' tracks, named, for {@link PoseAssembler#build}; the columns are released as they are copied. */
    List<PoseAssembler.Raw> raw(List<String> names) {
        List<PoseAssembler.Raw> raw = new ArrayList<>();
        for (int m = 0; m < names.size(); m++) {
            raw.add(new PoseAssembler.Raw(names.get(m), xyz[m][0].toArray(), xyz[m][1].toArray(), xyz[m][2].toArray(),
                    null));
            xyz[m] = null;
        }
        return raw;
    }

    /** A cell or line for a message: control characters shown as '?', at most 40 characters. */
    static String abbreviate(String s) {
        String t = s.replaceAll("\\p{Cntrl}", "?");
        return t.length() > 40 ? t.substring(0, 37) + "…" : t;
    }
}
