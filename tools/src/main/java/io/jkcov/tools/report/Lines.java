package io.jkcov.tools.report;

import java.util.Collection;
import java.util.TreeMap;

/** The lines of a method, class or source file, by number. */
final class Lines {
    private final TreeMap<Integer, Line> byNumber = new TreeMap<>();

    Line at(int number) {
        return byNumber.computeIfAbsent(number, Line::new);
    }

    /** Adds other's probes into these lines: a line two methods share counts once. */
    void addAll(Lines other) {
        for (Line l : other.byNumber.values()) {
            at(l.number).add(l);
        }
    }

    Collection<Line> all() {
        return byNumber.values();
    }

    Line get(int number) {
        return byNumber.get(number);
    }

    /** -1 if there are none. */
    int first() {
        return byNumber.isEmpty() ? -1 : byNumber.firstKey();
    }

    /** A line is covered if any of its probes was recorded. */
    Counter counter() {
        long covered = 0;
        for (Line l : byNumber.values()) {
            if (l.hit > 0) {
                covered++;
            }
        }
        return new Counter(byNumber.size() - covered, covered);
    }
}
