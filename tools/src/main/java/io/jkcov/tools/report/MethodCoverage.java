package io.jkcov.tools.report;

/** One method: its probes of the trace's kind, and the lines they are on. */
final class MethodCoverage {
    final String name;
    final String descriptor;
    final Lines lines = new Lines();
    int probes;
    int hit;

    MethodCoverage(String name, String descriptor) {
        this.name = name;
        this.descriptor = descriptor;
    }

    /** A probe at line (-1: none) recorded {@code recorded} times; the line it is on. */
    Line add(int line, long recorded) {
        probes++;
        if (recorded > 0) {
            hit++;
        }
        if (line < 0) {
            return null;
        }
        Line l = lines.at(line);
        l.add(recorded);
        return l;
    }

    /** A method is covered if any of its probes was recorded. */
    Totals totals() {
        return new Totals(lines.counter(), Counter.of(hit > 0), Counter.NONE);
    }
}
