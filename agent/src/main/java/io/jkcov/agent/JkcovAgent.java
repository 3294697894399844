package io.jkcov.agent;

import java.lang.instrument.Instrumentation;

/**
 * The {@code -javaagent} entry point ({@code Premain-Class} and {@code Agent-Class}).
 *
 * <p>This class must not mention a runtime class ({@code io.jkcov.*} outside this package): it is
 * loaded and verified by the application class loader before the runtime is on the bootstrap
 * class path, and a runtime class resolved through that loader now would be a second copy with
 * its own state. {@link Activation} is the first class that touches the runtime, and it is
 * loaded only after {@link BootstrapInstaller} ran.
 */
public final class JkcovAgent {

    private JkcovAgent() {}

    /**
     * Start-up attach. A bad option stops the JVM before main with one line that names the
     * option and exit status 1.
     *
     * <p>Why not simply throw: an exception from premain makes libinstrument call JNI
     * FatalError ("processing of -javaagent failed, processJavaStart failed"), so the JVM dies
     * by SIGABRT (status 134, a core file where cores are enabled) after a stack trace and a
     * native frame dump, on JDK 17 and 25 alike. A typo in an option is not a crash.
     */
    public static void premain(String args, Instrumentation inst) throws Exception {
        Options options = parseOrExit(args);
        BootstrapInstaller.install(inst);
        Activation.activate(options, inst);
    }

    /**
     * Dynamic attach: the same, except that a bad option throws (the attaching tool reports it;
     * exiting would kill a running application).
     */
    public static void agentmain(String args, Instrumentation inst) throws Exception {
        Options options = Options.parse(args);
        BootstrapInstaller.install(inst);
        Activation.activate(options, inst);
    }

    private static Options parseOrExit(String args) {
        try {
            return Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(1);
            throw e; // not reached
        }
    }
}
