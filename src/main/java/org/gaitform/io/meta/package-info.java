/**
 * Per-session metadata: a sidecar {@code <input stem>.meta.csv} next to a recording, or a
 * {@code sessions.csv} index in its folder (or a parent folder) with one row per recording. Columns or keys:
 * subject_id, height_cm, speed_mps (or speed_kmh), treadmill, shoes, shoe_km (or shoe_miles), pain_before,
 * pain_during, pain_after (0–10), pain_onset_min, notes. Every other column is kept as it is written
 * ({@link org.gaitform.model.SessionMetadata#columns()}: {@code slope_deg}, {@code strike}, …) for the conditions
 * {@code gaitform validate} groups by; {@code --metadata FILE} names a table of the same form anywhere.
 */
package org.gaitform.io.meta;
