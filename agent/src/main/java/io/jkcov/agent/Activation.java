package io.jkcov.agent;

import io.jkcov.agent.propagation.Propagation;
import io.jkcov.instrument.Instrumenter;
import java.io.InputStream;
import java.lang.instrument.Instrumentation;

/**
 * Starts instrumenting. The first agent class that touches the runtime, so {@link JkcovAgent}
 * loads it only after the runtime is on the bootstrap class path.
 */
final class Activation {

    static final String TRACE = "io.jkcov.internal.Trace";

    private Activation() {}

    static void activate(Options options, Instrumentation inst) throws Exception {
        Worker worker = new Worker(options.pcTable());
        ClassFilter filter = new ClassFilter(options);
        Instrumenter instrumenter =
                new Instrumenter(options.recordClinit() ? Instrumenter.Clinit.RECORD : Instrumenter.Clinit.SKIP);
        Retransformer retransformer = new Retransformer(inst, filter, worker);
        LazyProbes lazy = options.lazy() ? new LazyProbes(() -> warmUp(instrumenter), retransformer, worker) : null;
        // The probes' static key off, while nothing is compiled yet: Trace is loaded (the
        // installer looked it up) but not initialised.
        boolean keyOff = TraceForms.install(inst, Class.forName(TRACE, false, null), worker::log,
                lazy == null ? null : lazy::start);
        if (lazy != null && !keyOff) {
            // Nothing would ever call lazy.start: instrument now, as without lazy=true.
            worker.log("jkcov: lazy=true needs the probes' static key; instrumenting from the start");
            lazy = null;
        }
        // Initialise the hot path here, in the bootstrap loader, before any instrumented code
        // can call it: Trace's initialiser links its VarHandles (kcov-model.md section 7, rule 3).
        Class.forName(TRACE, true, null);
        if (lazy == null) warmUp(instrumenter);
        Transformer transformer = new Transformer(filter, instrumenter, worker, lazy);
        preload(transformer, filter);
        inst.addTransformer(transformer, true);
        worker.start(retransformer);
        // lazy=true: LazyProbes.start does this at the first enable.
        if (lazy == null) retransformer.retransformLoaded();
        // After coverage, so that with jdk=true the hooks go into already-probed bytes and the
        // probes never see the hooks' calls as code of the JDK's.
        if (options.propagate()) Propagation.install(inst, worker::log);
        // Last: from here on the main thread records (jkcov run).
        if (options.run() != null) startProgramTrace(options.run());
    }

    /**
     * A trace that cannot start (no room for an area) stops the JVM with one line, as a bad
     * option does: the user asked for a trace, and a run without one would look like a run
     * that covered nothing.
     */
    private static void startProgramTrace(Options.Run run) {
        try {
            ProgramTrace.start(run);
        } catch (Exception e) {
            System.err.println("jkcov: cannot start tracing (trace=" + (run.mode() == 0 ? "pc" : "cmp")
                    + ", areawords=" + run.areaWords() + "): " + e.getMessage());
            System.exit(1);
        }
    }

    /**
     * Runs the transformer's own path once on a class it turns away, so that every agent class
     * it needs (the never-list, the filter's globs, the re-entry flag, the pause) is loaded
     * before the transformer is registered. An agent class loaded later is still safe (the
     * transformer's first check is a String test), but loading them now keeps class loading
     * out of the first real transform.
     */
    private static void preload(Transformer transformer, ClassFilter filter) {
        filter.accepts("jkcov/Warm", null);
        filter.accepts("jkcov/Warm", ClassLoader.getSystemClassLoader());
        transformer.transform(null, null, "java/lang/invoke/Warm", null, null, new byte[0]);
        Transformer.busy();
        Transformer.oneLine("");
    }

    /**
     * Instruments a JDK class's bytes once (the result is thrown away), before the transformer
     * is registered, so that ASM and the JDK classes it needs load now rather than inside the
     * first transform, where they would have to be passed over and retransformed later. Not one
     * of jkcov's own classes: the instrumenter turns those away before ASM does any work.
     */
    private static void warmUp(Instrumenter instrumenter) {
        try (InputStream in = ClassLoader.getSystemResourceAsStream("java/util/AbstractList.class")) {
            if (in != null) instrumenter.instrument(in.readAllBytes());
        } catch (Throwable ignored) {
            // Only a warm-up: the real work copes with a cold ASM.
        }
    }
}
