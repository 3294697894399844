package io.jkcov.tools.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** One package: its classes by name, and its source files by name. */
final class PackageCoverage {
    /** Internal name, {@code com/example}; "" for the default package. */
    final String name;
    final List<ClassCoverage> classes = new ArrayList<>();
    private final Map<String, SourceCoverage> sources = new TreeMap<>();
    private Totals totals;

    PackageCoverage(String name) {
        this.name = name;
    }

    void add(ClassCoverage c) {
        classes.add(c);
        if (c.sourceFile != null) {
            sources.computeIfAbsent(c.sourceFile, SourceCoverage::new).add(c);
        }
    }

    Iterable<SourceCoverage> sources() {
        return sources.values();
    }

    SourceCoverage source(String file) {
        return sources.get(file);
    }

    /** The name people read: {@code com.example}, or {@code (default package)}. */
    String displayName() {
        return name.isEmpty() ? "(default package)" : name.replace('/', '.');
    }

    Totals totals() {
        if (totals == null) {
            totals = Totals.NONE;
            for (ClassCoverage c : classes) {
                totals = totals.plus(c.totals());
            }
        }
        return totals;
    }
}
