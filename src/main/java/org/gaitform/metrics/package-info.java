/**
 * Per-step and per-session indicators: step assembly from events, temporal metrics (cadence, contact
 * and flight time, duty factor, left/right balance) and bout durations. Output names carry their units.
 */
package org.gaitform.metrics;
