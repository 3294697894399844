package io.jkcov.tools.report;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/** One class: its methods in class-file order, and its lines merged over them. */
final class ClassCoverage {
    /** Internal name, {@code com/example/Foo$Bar}. */
    final String name;
    /** The SourceFile attribute, or null. */
    final String sourceFile;
    private final Map<String, MethodCoverage> methods = new LinkedHashMap<>();
    private Lines lines;
    private Totals totals;

    ClassCoverage(String name, String sourceFile) {
        this.name = name;
        this.sourceFile = sourceFile;
    }

    MethodCoverage method(String method, String descriptor) {
        return methods.computeIfAbsent(method + descriptor, k -> new MethodCoverage(method, descriptor));
    }

    Collection<MethodCoverage> methods() {
        return methods.values();
    }

    /** Internal name of the package, "" for the default package. */
    String packageName() {
        int slash = name.lastIndexOf('/');
        return slash < 0 ? "" : name.substring(0, slash);
    }

    String simpleName() {
        return name.substring(name.lastIndexOf('/') + 1);
    }

    Lines lines() {
        if (lines == null) {
            lines = Lines.merged(methods.values().stream().map(m -> m.lines).toList());
        }
        return lines;
    }

    /** A class is covered if any of its methods is. Asked once the class is complete. */
    Totals totals() {
        if (totals == null) {
            Counter methodCounter = Counter.NONE;
            for (MethodCoverage m : methods.values()) {
                methodCounter = methodCounter.plus(Counter.of(m.hit > 0));
            }
            totals = new Totals(lines().counter(), methodCounter, Counter.of(methodCounter.covered() > 0));
        }
        return totals;
    }
}
