/**
 * The quality verdict of a session: consistency checks of a session's own data (never a reference) that tell
 * when its numbers cannot be trusted — cadence from the events against cadence from the signal's periodicity,
 * steps found against steps expected, left/right alternation, step-to-step variability, contact time and duty
 * factor against cadence and speed, the physical range of every metric, the evidence (steps per side) behind each
 * finding, and inputs that had to be assumed. Findings built on a doubtful measure, or on too few steps, are shown
 * but not judged. The checks, their thresholds and the reasons for them are in {@code docs/quality.md}.
 */
package org.gaitform.quality;
