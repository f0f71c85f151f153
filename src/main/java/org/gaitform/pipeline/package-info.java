/**
 * Composes the stages for one input: read, align, split into bouts, detect events, assemble steps,
 * compute metrics, compare with the guidelines, keep signal excerpts for the report. One class per kind
 * of analysis; {@link org.gaitform.pipeline.SessionPipeline} dispatches on what the reader produced.
 */
package org.gaitform.pipeline;
