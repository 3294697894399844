package io.jkcov.tools.report;

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

    /** "75.0%", or "-" when there is nothing to cover; by hand, as String.format is slow. */
    String percent() {
        if (total() == 0) {
            return "-";
        }
        long tenths = Math.round(1000.0 * covered / total());
        return tenths / 10 + "." + tenths % 10 + "%";
    }
}
