package io.jkcov.tools.report;

/** The three counters every level of a report shows: lines, methods and classes. */
record Totals(Counter lines, Counter methods, Counter classes) {
    static final Totals NONE = new Totals(Counter.NONE, Counter.NONE, Counter.NONE);

    Totals plus(Totals other) {
        return new Totals(lines.plus(other.lines), methods.plus(other.methods), classes.plus(other.classes));
    }
}
