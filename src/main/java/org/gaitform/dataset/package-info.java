/**
 * The dataset tables of a batch: every step, bout, session and finding of every session in four tidy tables
 * ({@code steps}, {@code bouts}, {@code sessions}, {@code findings}) with {@code session_id} first, typed columns
 * whose names carry their units, a fixed documented column order (docs/datasets.md), written as CSV or as Apache
 * Parquet with the types and units in the file's schema. A session's rows are read from the tables it wrote
 * (its {@code steps.csv}, {@code bouts.csv} and {@code summary.json}), so a batch on one machine and a Spark job
 * give the same rows for the same session.
 */
package org.gaitform.dataset;
