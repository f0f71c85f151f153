/**
 * Gait events. Each published method is one class named after its authors and year, with the paper
 * in its Javadoc; settings are records with documented defaults. Detectors take signals and a
 * sampling rate and return events as fractional sample indices; they never read files or print.
 * Also here: sensor-to-body alignment and the split of a recording into running, walking and standing
 * bouts, which the detectors work inside.
 */
package org.gaitform.events;
