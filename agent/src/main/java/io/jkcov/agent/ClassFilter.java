package io.jkcov.agent;

/**
 * Which classes get instrumented: never the {@link NeverInstrument} list, JDK classes only with
 * {@code jdk=true}, then {@code includes} minus {@code excludes}.
 */
final class ClassFilter {

    private final Options options;
    private final ClassLoader platform = ClassLoader.getPlatformClassLoader();

    ClassFilter(Options options) {
        this.options = options;
    }

    /** @param internalName e.g. {@code java/util/HashMap}; null (hidden classes) is never accepted */
    boolean accepts(String internalName, ClassLoader loader) {
        if (internalName == null || NeverInstrument.covers(internalName)) return false;
        if (!options.jdk() && isJdk(internalName, loader)) return false;
        String dotted = internalName.replace('/', '.');
        return options.includes().matches(dotted) && !options.excludes().matches(dotted);
    }

    /**
     * A JDK class is one the bootstrap or platform loader defines (java.*, jdk.*, sun.*, ...).
     * Classes an application appends to the bootstrap path count too: the loader is the only
     * identity the JVM gives. java.* is the JDK's in any loader (JLS 13.1 reserves it;
     * ClassLoader.preDefineClass refuses it elsewhere).
     */
    boolean isJdk(String internalName, ClassLoader loader) {
        return loader == null || loader == platform || internalName.startsWith("java/");
    }
}
