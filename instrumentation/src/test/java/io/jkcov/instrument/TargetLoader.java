package io.jkcov.instrument;

import java.util.Map;

/**
 * Defines the given classes itself, from the given bytes, and delegates everything else to the
 * test's loader (child first). Classes it defines see each other, so a target that calls another
 * calls the instrumented one; they see the real runtime through the parent.
 */
final class TargetLoader extends ClassLoader {

    static {
        registerAsParallelCapable();
    }

    private final Map<String, byte[]> classes;

    /** @param classes binary names ({@code example.targets.Branches}) to class files */
    TargetLoader(Map<String, byte[]> classes) {
        super("targets", TargetLoader.class.getClassLoader());
        this.classes = Map.copyOf(classes);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        byte[] bytes = classes.get(name);
        if (bytes == null) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> c = findLoadedClass(name);
            if (c == null) {
                c = defineClass(name, bytes, 0, bytes.length);
            }
            if (resolve) {
                resolveClass(c);
            }
            return c;
        }
    }
}
