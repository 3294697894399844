package io.jkcov.tools.report;

import java.io.PrintWriter;

/** {@code --text}: the trace in one line, then lines, methods and classes per package and in all. */
final class TextSummary {
    private TextSummary() {}

    static void write(Coverage coverage, PrintWriter out) {
        Trace t = coverage.trace;
        out.printf("%s: %s, %d %s%n", t.file(), t.mode().kcovName + (t.detected() ? " (detected)" : ""),
                t.count(), t.count() == 1 ? t.mode().entry : t.mode().entries);
        int width = "total".length();
        for (PackageCoverage p : coverage.packages) {
            width = Math.max(width, p.displayName().length());
        }
        String row = "%-" + width + "s  %18s  %18s  %18s%n";
        out.printf(row, "", "lines", "methods", "classes");
        for (PackageCoverage p : coverage.packages) {
            row(out, row, p.displayName(), p.totals());
        }
        row(out, row, "total", coverage.totals());
    }

    private static void row(PrintWriter out, String row, String name, Totals t) {
        out.printf(row, name, cell(t.lines()), cell(t.methods()), cell(t.classes()));
    }

    /** "21 of 29  72.4%". */
    private static String cell(Counter c) {
        return c.covered() + " of " + c.total() + " " + String.format("%6s", c.percent());
    }
}
