package io.jkcov.agent;

import io.jkcov.instrument.Instrumenter;
import io.jkcov.instrument.PcEntry;
import io.jkcov.instrument.Result;
import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.List;

/**
 * Instruments each class as it loads (or is retransformed). Never throws and never blocks: the
 * JVM silently drops a transformer's exception (and, before JDK 9's module-aware dispatch, the
 * rest of the chain's work with it), and a transformer runs holding the class's loading lock.
 *
 * <p>Order of the checks, cheapest and safest first:
 * <ol>
 *   <li>jkcov's own classes ({@code io/jkcov/}, the shaded ASM included), by a String test that
 *       needs no other class: an agent class loaded lazily (the first time premain or a
 *       transform uses it) reaches this method while it is being defined, and anything that
 *       loaded it again here would fail with "duplicate class definition";</li>
 *   <li>pause recording on this thread, so nothing below lands in a trace;</li>
 *   <li>the never-list ({@link NeverInstrument}): what the hot path and class loading use;</li>
 *   <li>re-entry: a class loaded because this thread is already transforming one (ASM, the
 *       agent, the JDK classes they touch first) is defined as it is and handed to the
 *       {@link Worker} to retransform later. No recursion, no lock taken twice;</li>
 *   <li>the filter (includes, excludes, jdk); with {@code lazy=true}, whether a thread has
 *       enabled yet ({@link LazyProbes}); then the instrumenter.</li>
 * </ol>
 */
final class Transformer implements ClassFileTransformer {

    /**
     * Whether this thread is inside {@link #instrument}. A ThreadLocal is safe here because
     * java/lang/ThreadLocal and its map are on the never-list, so {@code get()} cannot recurse.
     */
    private static final ThreadLocal<boolean[]> BUSY = new ThreadLocal<>() {
        @Override
        protected boolean[] initialValue() {
            return new boolean[1];
        }
    };

    /** jkcov's package prefix; also the relocated ASM's (io/jkcov/shaded/asm). */
    static final String OWN = "io/jkcov/";

    /** Where the transformer leaves its output; each method must return at once, never block. */
    interface Sink {
        void log(String line);

        void table(List<PcEntry> entries);

        void defer(String internalName, ClassLoader loader);
    }

    private final ClassFilter filter;
    private final Instrumenter instrumenter;
    private final Sink worker;
    /** With lazy=true, what decides whether probes go in yet; null: always (the default). */
    private final LazyProbes lazy;

    Transformer(ClassFilter filter, Instrumenter instrumenter, Sink worker, LazyProbes lazy) {
        this.filter = filter;
        this.instrumenter = instrumenter;
        this.worker = worker;
        this.lazy = lazy;
    }

    @Override
    public byte[] transform(Module module, ClassLoader loader, String className,
                            Class<?> classBeingRedefined, ProtectionDomain domain, byte[] bytes) {
        if (className == null || className.startsWith(OWN)) return null;
        Quiet.pause();
        try {
            if (NeverInstrument.covers(className)) return null;
            boolean[] busy = busy();
            if (busy[0]) {
                if (classBeingRedefined == null && filter.accepts(className, loader)) {
                    worker.defer(className, loader);
                }
                return null;
            }
            busy[0] = true;
            try {
                return instrument(className, loader, classBeingRedefined != null, bytes);
            } finally {
                busy[0] = false;
            }
        } catch (Throwable t) {
            // Only the bookkeeping above can get here (e.g. StackOverflowError on a deep stack).
            worker.log("jkcov: cannot instrument " + className + ": " + oneLine(t.toString()));
            return null;
        } finally {
            Quiet.resume();
        }
    }

    private byte[] instrument(String className, ClassLoader loader, boolean redefining, byte[] bytes) {
        if (!filter.accepts(className, loader)) return null;
        if (lazy != null) {
            if (redefining && lazy.waiting()) return null;
            // The bytes as they came, not null: HotSpot keeps a class's original bytes for later
            // retransformations only when a retransformation-capable transformer returned bytes
            // at load (JvmtiClassFileLoadHookPoster). Without them the first enable would
            // instrument the JVM's reconstitution of the class, whose constant pool differs, and
            // so would its PCs from those of lazy=false and of offline instrumentation.
            if (!redefining && lazy.passOver(className, loader)) return bytes;
        }
        String name = className.replace('/', '.');
        try {
            Result r = instrumenter.instrument(bytes);
            for (String w : r.warnings()) worker.log("jkcov: " + name + ": " + oneLine(w));
            if (!r.changed()) {
                if (r.failed()) {
                    worker.log("jkcov: cannot instrument " + name + ": " + oneLine(r.reason()));
                }
                return null;
            }
            worker.table(r.pcs());
            return r.bytes();
        } catch (Throwable t) {
            worker.log("jkcov: cannot instrument " + name + ": " + oneLine(t.toString()));
            return null;
        }
    }

    /** This thread's re-entry flag. */
    static boolean[] busy() {
        return BUSY.get();
    }

    /** The log promises one line per class; exception messages may hold newlines. */
    static String oneLine(String s) {
        return s.replace('\n', ' ').replace('\r', ' ');
    }
}
