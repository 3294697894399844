package io.jkcov.agent;

import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Retransforms classes that were defined without instrumentation: those loaded before the agent
 * started (the JDK's, with {@code jdk=true}; an application's, if something loaded them early),
 * those the {@link Transformer} passed over because it was busy on the same thread, and with
 * {@code lazy=true} all of them, at the first enable ({@link LazyProbes}). Failures
 * are per class, logged, never fatal.
 */
final class Retransformer {

    private final Instrumentation inst;
    private final ClassFilter filter;
    private final Worker worker;

    Retransformer(Instrumentation inst, ClassFilter filter, Worker worker) {
        this.inst = inst;
        this.filter = filter;
        this.worker = worker;
    }

    /** Every loaded class the filter accepts; called once, after the transformer is added. */
    void retransformLoaded() {
        retransformLoaded(List.of());
    }

    /**
     * Every loaded class the filter accepts (lazy=true's first enable).
     *
     * @param expected classes known to be loading; those not defined yet are returned, for a retry
     */
    List<Worker.Deferred> retransformLoaded(List<Worker.Deferred> expected) {
        return scan(expected, true);
    }

    /**
     * Retransforms the deferred classes that are defined by now.
     *
     * @return the ones not found (still being defined); the caller may retry them
     */
    List<Worker.Deferred> retransformDeferred(List<Worker.Deferred> batch) {
        return scan(batch, false);
    }

    /** One pass over the loaded classes: the eligible ones of {@code wanted}, or with {@code all} every one. */
    private List<Worker.Deferred> scan(List<Worker.Deferred> wanted, boolean all) {
        if (!inst.isRetransformClassesSupported()) return List.of();
        Map<String, List<Worker.Deferred>> byName = new HashMap<>();
        for (Worker.Deferred d : wanted) byName.computeIfAbsent(d.internalName(), k -> new ArrayList<>()).add(d);
        List<Class<?>> todo = new ArrayList<>();
        for (Class<?> c : inst.getAllLoadedClasses()) {
            boolean found = false;
            if (!byName.isEmpty()) {
                String name = internalName(c);
                List<Worker.Deferred> ds = byName.get(name);
                if (ds != null) {
                    found = ds.removeIf(d -> d.loader() == c.getClassLoader());
                    if (ds.isEmpty()) byName.remove(name);
                }
            }
            if ((all || found) && eligible(c)) todo.add(c);
        }
        retransform(todo);
        List<Worker.Deferred> left = new ArrayList<>();
        byName.values().forEach(left::addAll);
        return left;
    }

    private boolean eligible(Class<?> c) {
        return !c.isArray() && !c.isPrimitive() && !c.isHidden() && inst.isModifiableClass(c)
                && filter.accepts(internalName(c), c.getClassLoader());
    }

    /** One call for all (fast); if it fails, one call per class so one bad class spoils nothing. */
    private void retransform(List<Class<?>> classes) {
        if (classes.isEmpty()) return;
        try {
            inst.retransformClasses(classes.toArray(new Class<?>[0]));
            return;
        } catch (Throwable batchFailed) {
            // fall through: find the culprits one by one
        }
        for (Class<?> c : classes) {
            try {
                inst.retransformClasses(c);
            } catch (Throwable t) {
                worker.log("jkcov: cannot retransform " + c.getName() + ": " + Transformer.oneLine(t.toString()));
            }
        }
    }

    private static String internalName(Class<?> c) {
        return c.getName().replace('.', '/');
    }
}
