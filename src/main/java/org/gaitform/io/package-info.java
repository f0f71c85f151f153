/**
 * Input readers, one sub-package per format family, behind one entry point
 * ({@link org.gaitform.io.InputReaders}). Readers detect what they can (separator, header, units,
 * time base, …), take user overrides, and record every choice as a {@link org.gaitform.model.Decision}.
 * Bad input raises {@link org.gaitform.model.GaitformException} with the file, the row or field, what
 * was expected and what was found. Reference data for {@code gaitform validate} (force recordings, reference
 * event and session-value tables) have their own readers in {@code io.force} and {@code io.reference}.
 */
package org.gaitform.io;
