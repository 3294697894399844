package io.jkcov.tools.instrument;

import java.io.PrintWriter;

/**
 * A progress bar on the terminal for large inputs; silent when stderr is not a terminal (a
 * build log or a pipe would only collect carriage returns) and for inputs of under 1000 classes.
 */
final class Progress {
    private static final int LARGE = 1000;
    private static final int WIDTH = 40;

    private final PrintWriter err;
    private final long total;
    private final boolean shown;
    private long done;
    private int drawn = -1;

    Progress(PrintWriter err, long total) {
        this.err = err;
        this.total = total;
        this.shown = total >= LARGE && System.console() != null;
    }

    void step() {
        done++;
        if (!shown) return;
        int filled = (int) (WIDTH * done / total);
        if (filled == drawn) return;
        drawn = filled;
        err.print("\rinstrumenting [" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + done + "/" + total);
        err.flush();
    }

    void done() {
        if (shown) err.println();
    }
}
