package org.gaitform.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import org.gaitform.batch.BatchListener;
import org.gaitform.batch.Outcome;

/**
 * Progress as plain log lines, for pipes, log files and CI: one line per input (failures on the error
 * stream), and every tenth of a longer batch a line with the rate and the time left.
 */
final class LineProgress implements BatchListener {
    private final PrintWriter out;
    private final PrintWriter err;
    private final Path outDir;
    private final boolean quiet;
    private final boolean debug;
    private final int jobs;
    private long startNanos;
    private int nextMark;

    LineProgress(PrintWriter out, PrintWriter err, Path outDir, boolean quiet, boolean debug, int jobs) {
        this.out = out;
        this.err = err;
        this.outDir = outDir;
        this.quiet = quiet;
        this.debug = debug;
        this.jobs = jobs;
    }

    @Override
    public void started(int total) {
        startNanos = System.nanoTime();
        nextMark = Math.max(1, total / 10);
        if (!quiet) {
            out.printf(Locale.ROOT, "gaitform %s: %d input(s) → %s (%d job%s)%n", VersionProvider.version(), total,
                    outDir, jobs, jobs == 1 ? "" : "s");
            out.flush();
        }
    }

    @Override
    public void finished(Outcome oc, int done, int total) {
        String n = "[" + done + "/" + total + "] ";
        switch (oc.status()) {
            case OK -> {
                if (!quiet) {
                    out.println(n + "ok    " + oc.input().display() + " → " + outDir.resolve(oc.sessionId()) + "/ ("
                            + oc.message() + ")");
                }
            }
            case SKIPPED -> {
                if (!quiet) {
                    out.println(n + "skip  " + oc.input().display() + " → " + outDir.resolve(oc.sessionId()) + "/ ("
                            + oc.message() + ")");
                }
            }
            default -> {
                err.println(n + "FAIL  " + oc.message());
                if (debug) {
                    oc.detail().ifPresent(t -> t.printStackTrace(err));
                }
            }
        }
        if (!quiet && total >= 20 && done >= nextMark && done < total) {
            out.println(progressLine(done, total, (System.nanoTime() - startNanos) / 1e9));
            nextMark = done + Math.max(1, total / 10);
        }
        out.flush();
        err.flush();
    }

    private long activitiesStart;
    private int nextActivityMark;

    @Override
    public void activities(org.gaitform.batch.Input input, int done, int total) {
        if (quiet) {
            return;
        }
        if (done <= 1) {
            activitiesStart = System.nanoTime();
            nextActivityMark = total > 0 ? Math.max(1, total / 10) : 100;
        }
        if (done >= nextActivityMark || done == total) {
            double s = (System.nanoTime() - activitiesStart) / 1e9;
            out.println("      " + input.display() + ": " + (total > 0 ? progressLine(done, total, s)
                    .replace("progress: ", "activities ").replace(" inputs/s", " activities/s") : String.format(Locale.ROOT, "activities %d, %.1f/s", done,
                    s > 0 ? done / s : 0)));
            out.flush();
            nextActivityMark = done + (total > 0 ? Math.max(1, total / 10) : 100);
        }
    }

    @Override
    public void notice(String message) {
        err.println("gaitform: warning: " + message);
        err.flush();
    }

    @Override
    public void written(Path file) {
        if (!quiet) {
            out.println("      runner's report → " + file);
            out.flush();
        }
    }

    /** "progress: 40/200 (20 %), 1.9 inputs/s, about 1 min 24 s left". */
    static String progressLine(int done, int total, double elapsedS) {
        double rate = elapsedS > 0 ? done / elapsedS : Double.NaN;
        String left = rate > 0 ? duration((total - done) / rate) : "unknown";
        return String.format(Locale.ROOT, "progress: %d/%d (%.0f %%), %.1f inputs/s, about %s left", done, total,
                100.0 * done / total, rate, left);
    }

    static String duration(double s) {
        long t = Math.round(s);
        if (t < 60) {
            return t + " s";
        }
        if (t < 3600) {
            return t / 60 + " min " + t % 60 + " s";
        }
        return t / 3600 + " h " + (t % 3600) / 60 + " min";
    }
}
