package io.jkcov.tools.report;

import java.util.ArrayList;
import java.util.List;

/** One source file of a package: the classes compiled from it, and their lines merged. */
final class SourceCoverage {
    /** The SourceFile attribute, {@code Foo.java}. */
    final String name;
    final List<ClassCoverage> classes = new ArrayList<>();
    final Lines lines = new Lines();

    SourceCoverage(String name) {
        this.name = name;
    }

    void add(ClassCoverage c) {
        classes.add(c);
        lines.addAll(c.lines());
    }

    Totals totals() {
        Totals sum = Totals.NONE;
        for (ClassCoverage c : classes) {
            sum = sum.plus(c.totals());
        }
        return new Totals(lines.counter(), sum.methods(), sum.classes());
    }
}
