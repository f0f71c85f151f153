/**
 * Agreement with a reference (the stage behind {@code gaitform validate}): reference events and session values,
 * one-to-one matching of detected to reference events within a tolerance, and the agreement statistics that
 * validation studies report (recall and precision, Bland–Altman bias and 95 % limits of agreement, mean absolute
 * error, intraclass correlation), per recording and per group of recordings sharing a condition (slope, speed,
 * strike, subject, placement, input kind, sampling rate). Also the measured accuracy that reports quote
 * ({@link org.gaitform.agreement.MeasuredAccuracy}), written by the project's accuracy command. Nothing here reads
 * recordings or writes files.
 */
package org.gaitform.agreement;
