/**
 * The command line (picocli): {@code gaitform analyze}, {@code gaitform validate}, {@code gaitform simulate},
 * {@code --help},
 * {@code --version}. The only package that prints to the console or exits; exit codes are in
 * {@link org.gaitform.cli.ExitCode}.
 */
package org.gaitform.cli;
