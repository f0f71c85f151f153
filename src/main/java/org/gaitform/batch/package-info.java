/**
 * A batch over many inputs: discovery of inputs in files and folders, unique and safe session ids, one
 * outcome per input (ok, skipped as unchanged, or failed, with a message), and the batch summary table.
 * A bad input never stops the batch. Sessions run on several worker threads when asked, with the same
 * results as one after the other; a manifest of content and settings hashes in the output folder lets a
 * later run skip unchanged sessions; a lock keeps two runs out of one folder. Also the validation run
 * ({@link org.gaitform.batch.ValidationRunner}, {@code gaitform validate}): the same analysis of every recording,
 * compared with its reference, grouped by condition, written as agreement tables, plots and a report.
 */
package org.gaitform.batch;
