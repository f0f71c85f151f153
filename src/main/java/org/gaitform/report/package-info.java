/**
 * Everything gaitform writes: per-session {@code steps.csv}, {@code summary.json}, {@code report.pdf}
 * and {@code charts/*.png}, and the batch tables. Charts are JFreeChart drawings rendered to PNG and,
 * as vectors with the embedded DejaVu fonts, into the PDF. Outputs are written to temporary files and
 * moved into place, so a reader never sees half a file or half a session folder.
 */
package org.gaitform.report;
