/**
 * A batch over many inputs: discovery of inputs in files and folders, unique and safe session ids, one
 * outcome per input (ok or failed, with a message), and the batch summary table. A bad input never stops
 * the batch.
 */
package org.gaitform.batch;
