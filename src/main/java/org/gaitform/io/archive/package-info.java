/**
 * Compressed inputs read within bounds: zip archives (Sensor Logger exports, a runner's account export with its zips
 * of zips) whose central directory is checked before anything is inflated — entry count, names, sizes, overlapping
 * entries — and whose entries are streamed, never extracted, with every inflated byte counted against the entry's
 * stated size, a limit per entry, a budget per archive (nested archives included) and a budget per batch
 * ({@link org.gaitform.io.archive.InflationBudget}).
 */
package org.gaitform.io.archive;
