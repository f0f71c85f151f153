/**
 * Readers of reference tables for {@code gaitform validate}: tables of reference events (initial contacts and
 * toe-offs in seconds, milliseconds or sample indices, with the foot), tables of reference session values (cadence,
 * mean contact time, for device comparisons), and index tables that name each recording's reference file. A
 * {@code file} column lets one table hold the rows of several recordings.
 */
package org.gaitform.io.reference;
