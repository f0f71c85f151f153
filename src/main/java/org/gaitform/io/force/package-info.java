/**
 * Readers of force recordings, the reference of gait-event validation: vertical ground-reaction force from
 * delimited text (an instrumented treadmill's export such as Fukuchi et al.'s {@code Fx Fy Fz} table, a GRF column
 * beside other signals, in newtons or body weights), OpenSim storage files ({@code .mot}, with per-foot
 * {@code ground_force_v*} columns) and C3D analog channels described by the {@code FORCE_PLATFORM} parameters.
 * Each reader finds the vertical component, the plates (one under both feet, or one per foot), the time axis and
 * the unit, and records every such decision.
 */
package org.gaitform.io.force;
