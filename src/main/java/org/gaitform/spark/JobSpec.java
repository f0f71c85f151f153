package org.gaitform.spark;

import java.io.Serializable;
import java.util.List;

/**
 * What every executor needs to analyse as the driver would: the job's own arguments (the analysis options are
 * parsed from them again on the executor, with the same code as {@code gaitform analyze}), the guideline table's text
 * when {@code --guidelines} named a file (read once, by the driver), where to write reports, and gaitform's version.
 *
 * @param args            the job's arguments
 * @param guidelinesCsv   the text of the {@code --guidelines} file, or {@code null} for the built-in table
 * @param guidelinesOrigin the file as the user named it ({@code null} for the built-in table)
 * @param reportsUri      the folder for each session's report folder, or {@code null} for no reports
 * @param copyInputs      copy every recording to the executor's local disk, also from a local file system (a test
 *                        of the path that remote file systems take)
 * @param version         gaitform's version
 */
record JobSpec(List<String> args, String guidelinesCsv, String guidelinesOrigin, String reportsUri, boolean copyInputs,
               String version) implements Serializable {
    private static final long serialVersionUID = 1L;

    JobSpec {
        args = List.copyOf(args);
    }
}
