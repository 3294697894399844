package io.jkcov.tools.report;

import java.util.ArrayList;
import java.util.List;

/** One source file of a package: the classes compiled from it, and their lines merged. */
final class SourceCoverage {
    /** The SourceFile attribute, {@code Foo.java}. */
    final String name;
    final List<ClassCoverage> classes = new ArrayList<>();
    private Lines lines;
    private Totals totals;

    SourceCoverage(String name) {
        this.name = name;
    }

    void add(ClassCoverage c) {
        classes.add(c);
    }

    Lines lines() {
        if (lines == null) {
            lines = Lines.merged(classes.stream().map(ClassCoverage::lines).toList());
        }
        return lines;
    }

    Totals totals() {
        if (totals == null) {
            Totals sum = Totals.NONE;
            for (ClassCoverage c : classes) {
                sum = sum.plus(c.totals());
            }
            totals = new Totals(lines().counter(), sum.methods(), sum.classes());
        }
        return totals;
    }
}
