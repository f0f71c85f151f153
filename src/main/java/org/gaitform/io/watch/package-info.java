/**
 * Readers of watch exports: FIT activities (decoded by {@code io.fit}), Training Center XML, GPX and per-second
 * CSV exports with running dynamics in Garmin or Stryd naming. Each produces a
 * {@link org.gaitform.model.WatchRecording} on one time axis, cadence normalised to steps of both feet per minute
 * (per-leg values are doubled, already doubled exports detected, {@code --cadence-unit} overrides), units of the
 * running dynamics detected, and every choice recorded as a decision. XML is parsed without DTDs or external
 * entities.
 */
package org.gaitform.io.watch;
