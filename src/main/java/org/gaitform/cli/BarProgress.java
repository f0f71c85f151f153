package org.gaitform.cli;

import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarStyle;
import org.gaitform.batch.BatchListener;
import org.gaitform.batch.Outcome;

/**
 * Progress as a bar on an interactive terminal (inputs done, rate, time left). Failures are printed above
 * the bar as they happen; analysed and skipped inputs only move the bar.
 */
final class BarProgress implements BatchListener, AutoCloseable {
    private static final String CLEAR_LINE = "\r\u001b[K";
    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean debug;
    private final Object screen = new Object();
    private ProgressBar bar;
    private int width = 100;

    BarProgress(PrintWriter out, PrintWriter err, boolean debug) {
        this.out = out;
        this.err = err;
        this.debug = debug;
    }

    @Override
    public void started(int total) {
        if (total == 0) {
            return;
        }
        // the terminal's width, as the library measures it (a consumer on a discarded stream only measures)
        int measured = new ConsoleProgressBarConsumer(new PrintStream(OutputStream.nullOutputStream()))
                .getMaxRenderedLength();
        width = measured >= 20 ? Math.min(measured, 160) : 100;
        bar = new ProgressBarBuilder().setTaskName("Analysing").setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII).setUnit(" inputs", 1)
                .showSpeed(new DecimalFormat("0.0", DecimalFormatSymbols.getInstance(Locale.ROOT)))
                .setSpeedUnit(ChronoUnit.SECONDS).setUpdateIntervalMillis(250).continuousUpdate()
                .setConsumer(new Consumer()).build();
    }

    @Override
    public void finished(Outcome oc, int done, int total) {
        if (oc.status() == Outcome.Status.FAILED) {
            synchronized (screen) {
                out.print(CLEAR_LINE);
                out.flush();
                err.println("FAIL  " + oc.message());
                if (debug) {
                    oc.detail().ifPresent(t -> t.printStackTrace(err));
                }
                err.flush();
            }
        }
        inputsDone = done;
        inputsTotal = total;
        if (bar != null) {
            if (showingActivities) {
                showingActivities = false;
                bar.setExtraMessage("");
                bar.maxHint(total);
            }
            bar.stepTo(done);
        }
    }

    private int inputsDone;
    private int inputsTotal;
    private boolean showingActivities;

    @Override
    public void activities(org.gaitform.batch.Input input, int done, int total) {
        if (bar == null) {
            return;
        }
        // the bar counts the account export's activities while it is read, then inputs again
        if (!showingActivities) {
            showingActivities = true;
            bar.setExtraMessage(" activities of " + shortName(input.display()));
        }
        bar.maxHint(total > 0 ? total : -1);
        bar.stepTo(done);
    }

    private static String shortName(String s) {
        return s.length() > 30 ? "…" + s.substring(s.length() - 29) : s;
    }

    @Override
    public void notice(String message) {
        synchronized (screen) {
            out.print(CLEAR_LINE);
            out.flush();
            err.println("gaitform: warning: " + message);
            err.flush();
        }
    }

    @Override
    public void written(java.nio.file.Path file) {
        close();
        out.println("      runner's report → " + file);
        out.flush();
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }

    /** Draws the bar on the command's output writer, sharing its lock with the failure lines. */
    private final class Consumer implements ProgressBarConsumer {
        @Override
        public int getMaxRenderedLength() {
            return width;
        }

        @Override
        public void accept(String rendered) {
            synchronized (screen) {
                out.print(CLEAR_LINE + rendered);
                out.flush();
            }
        }

        @Override
        public void close() {
            synchronized (screen) {
                out.println();
                out.flush();
            }
        }
    }
}
