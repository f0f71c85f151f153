/**
 * {@code gaitform serve}: a small web front end on the same pipeline. Uploads (files, folders, zips) are kept
 * under the data folder with an unguessable id, analysed by {@link org.gaitform.batch.BatchRunner} on a bounded
 * job queue, and their reports shown as pages (the scorecard of the PDF's page 1 in HTML, the charts, the
 * runner's weekly load) with downloads. A layer above {@code batch}, below {@code cli}: nothing here prints or
 * exits; the server's address and warnings go back to the command that started it.
 */
package org.gaitform.web;
