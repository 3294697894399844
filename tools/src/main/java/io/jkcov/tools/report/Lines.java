package io.jkcov.tools.report;

import java.util.Collection;
import java.util.List;
import java.util.TreeMap;

/** The lines of a method, class or source file, by number. */
final class Lines {
    private final TreeMap<Integer, Line> byNumber = new TreeMap<>();

    Line at(int number) {
        return byNumber.computeIfAbsent(number, Line::new);
    }

    /**
     * The lines of several methods or classes as one: a line two of them share counts once.
     * One part is its own merge, and is not copied: a report holds every line of a program.
     */
    static Lines merged(List<Lines> parts) {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        Lines all = new Lines();
        for (Lines part : parts) {
            for (Line l : part.byNumber.values()) {
                all.at(l.number).add(l);
            }
        }
        return all;
    }

    Collection<Line> all() {
        return byNumber.values();
    }

    Line get(int number) {
        return byNumber.get(number);
    }

    /** 0 if there are none. */
    int last() {
        return byNumber.isEmpty() ? 0 : byNumber.lastKey();
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
