/**
 * Immutable records shared by every stage: sides, activities, placements, bouts, steps, session
 * results and the one exception type. Nothing here reads files, filters signals or prints.
 *
 * <p>Units are part of every name: {@code icS} is seconds on the input's own time axis,
 * {@code contactMs} is milliseconds, {@code cadenceSpm} is steps (both feet) per minute.
 */
package org.gaitform.model;
