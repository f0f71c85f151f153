package org.gaitform.batch;

import java.util.Locale;
import org.gaitform.model.GaitformException;
import org.gaitform.model.SessionResult;

/**
 * The one-line account of a session in {@code batch-summary.csv}, the progress lines and the dataset's
 * {@code sessions} table: what an analysed session found, or why an input failed. The command line and the Spark
 * job word them alike.
 */
public final class SessionMessages {
    private SessionMessages() {
    }

    /**
     * What an analysed session found: its running steps and cadence, or its walking, or its running time; and its
     * quality verdict when that is in doubt.
     */
    public static String ok(SessionResult r) {
        String msg = String.format(Locale.ROOT, "%d running steps, cadence %.1f steps/min",
                (long) r.metric("n_steps"), r.metric("cadence_spm"));
        if (!(r.metric("n_steps") > 0) && r.metric("walking_n_steps") > 0) {
            msg = String.format(Locale.ROOT, "no running; %d walking steps, walking cadence %.1f steps/min",
                    (long) r.metric("walking_n_steps"), r.metric("walking_cadence_spm"));
        } else if (!Double.isFinite(r.metric("cadence_spm"))) {
            msg = String.format(Locale.ROOT, "%.0f s running; the input has no cadence", r.metric("running_s"));
        }
        if (r.quality().verdict().isDoubt()) {
            msg += "; quality " + r.quality().verdict().label();
        }
        return msg;
    }

    /**
     * Why an input failed: the message of a {@link GaitformException} (bad input, nothing to analyse, an output
     * that could not be written), a lack of memory, or an internal error to report.
     *
     * @param display the input as the user names it
     * @param e       what was thrown while analysing or writing it
     */
    public static String failure(String display, Throwable e) {
        if (e instanceof GaitformException g) {
            return g.getMessage();
        }
        if (e instanceof OutOfMemoryError) {
            return display + ": not enough memory to analyse it (heap limit " + Runtime.getRuntime().maxMemory() / (1 << 20)
                    + " MB); run it with fewer --jobs or a larger heap (GAITFORM_JAVA_OPTS=-Xmx2g)";
        }
        return display + ": internal error while analysing (" + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "); please report it with the file";
    }
}
