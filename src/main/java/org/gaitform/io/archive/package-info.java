/**
 * Compressed inputs read within bounds: zip archives (Sensor Logger exports) whose central directory is checked
 * before anything is inflated — entry count, names, sizes, overlapping entries — and whose entries are streamed,
 * never extracted, with every inflated byte counted against the entry's stated size, a budget per archive and a
 * budget per batch ({@link org.gaitform.io.archive.InflationBudget}).
 */
package org.gaitform.io.archive;
