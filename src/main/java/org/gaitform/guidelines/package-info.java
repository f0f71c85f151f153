/**
 * The one table of recommendations (resource {@code guidelines.csv}, or a clinic's own file given with
 * {@code --guidelines}): every threshold with its unit, the articles to cite and the strength of the
 * evidence; and its evaluation against a session's metrics into ranked, cited findings.
 */
package org.gaitform.guidelines;
