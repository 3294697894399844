package io.jkcov.instrument;

import org.objectweb.asm.Opcodes;

/** Which classes and methods are never instrumented, and why. */
final class Eligibility {

    /**
     * jkcov itself, the runtime included, and the ASM that the agent relocates under
     * io/jkcov/shaded/: instrumenting the hot path would recurse into it (kcov-model.md
     * section 7, rule 5), and instrumenting the instrumenter would record the agent's own work.
     */
    private static final String OWN_PACKAGE = "io/jkcov/";

    private Eligibility() {}

    /** Why the class must be left alone, or null if it may be instrumented. */
    static String whySkipped(String internalName, int access) {
        if ((access & Opcodes.ACC_MODULE) != 0 || internalName.equals("module-info")) {
            return "module-info has no code";
        }
        if (internalName.startsWith(OWN_PACKAGE)) {
            return "jkcov's own class (" + internalName + ")";
        }
        return null;
    }

    /** Abstract and native methods have no code to probe. */
    static boolean hasCode(int access) {
        return (access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) == 0;
    }

    /**
     * Bridge methods (JLS 15.12.4.5) are compiler glue that only casts and forwards to the method
     * they bridge, which is instrumented itself: probing them would add a block to every call
     * through an erased type and nothing a fuzzer could use. Other synthetic methods (lambda
     * bodies, switch-map initialisers, accessors) hold user code and ARE instrumented.
     */
    static boolean isBridge(int access) {
        return (access & Opcodes.ACC_BRIDGE) != 0;
    }
}
