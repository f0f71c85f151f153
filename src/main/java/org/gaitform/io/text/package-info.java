/**
 * Delimited text shared by the CSV-like readers: character-set and byte-order-mark detection,
 * separator / decimal-comma / header sniffing, strict number parsing with row and column context,
 * and columnar streaming into {@code double[]} arrays.
 */
package org.gaitform.io.text;
