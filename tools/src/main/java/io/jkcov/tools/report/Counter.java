package io.jkcov.tools.report;

import java.util.Locale;

/** Items of one kind (lines, methods, classes), missed and covered, as JaCoCo's counters count. */
record Counter(long missed, long covered) {
    static final Counter NONE = new Counter(0, 0);

    static Counter of(boolean covered) {
        return covered ? new Counter(0, 1) : new Counter(1, 0);
    }

    Counter plus(Counter other) {
        return new Counter(missed + other.missed, covered + other.covered);
    }

    long total() {
        return missed + covered;
    }

    /** "75.0%", or "-" when there is nothing to cover. */
    String percent() {
        return total() == 0 ? "-" : String.format(Locale.ROOT, "%.1f%%", 100.0 * covered / total());
    }
}
