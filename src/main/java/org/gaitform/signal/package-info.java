/**
 * Signal processing with no gait words: zero-phase Butterworth filters, resampling, threshold
 * crossings, extrema, summary statistics, 3-D vectors and periodicity. Inputs are never modified;
 * every method returns new arrays.
 */
package org.gaitform.signal;
