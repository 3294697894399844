package io.jkcov.agent;

import java.util.List;

/**
 * Classes the agent never instruments, whatever the options say ({@code jdk=true} included).
 * Checked first in the transformer, by internal name.
 *
 * <p>Three reasons put a class here, and each entry says which:
 * <ul>
 *   <li><b>hot path</b>: the trace entry points reach it (kcov-model.md section 7, rule 5). An
 *       instrumented class on that path calls {@code Trace.pc} from inside {@code Trace.pc}: an
 *       unbounded recursion that ends in StackOverflowError on the first traced block. The path
 *       was read from the JDK sources of {@code Trace}'s calls: {@code Thread.currentThread},
 *       {@code System.identityHashCode} and the {@code byteBufferViewVarHandle} accessors
 *       ({@code java.lang.invoke.VarHandleByteArrayAsLongs$ByteBufferHandle}: Objects,
 *       Long.reverseBytes, Preconditions, Unsafe, ScopedMemoryAccess, the buffer's memory
 *       segment and session).</li>
 *   <li><b>transformer</b>: the JVM or the agent runs it while a class is being loaded or
 *       transformed; instrumenting it risks re-entering the transformer or deadlocking on a
 *       class-loading lock.</li>
 *   <li><b>noise</b>: it runs on the tracing thread for reasons the input does not control
 *       (class loading, lock contention, JIT intrinsics), so its blocks would differ between two
 *       runs of the same input (kcov-model.md section 8).</li>
 * </ul>
 * Entry forms: {@code a/b/} a package and its subpackages; {@code a/b/*} the classes of one
 * package only; {@code a/b/C*} every class whose name starts so; {@code a/b/C} one class and its
 * nested classes.
 */
public final class NeverInstrument {

    /** One rule and why it is there; the reasons are the documentation (docs/agent.md). */
    public record Entry(String pattern, String why) {
        boolean covers(String name) {
            String p = pattern;
            if (p.endsWith("/")) return name.startsWith(p);
            if (p.endsWith("/*")) {
                String pkg = p.substring(0, p.length() - 1);
                return name.startsWith(pkg) && name.indexOf('/', pkg.length()) < 0;
            }
            if (p.endsWith("*")) return name.startsWith(p.substring(0, p.length() - 1));
            return name.equals(p) || (name.startsWith(p) && name.charAt(p.length()) == '$');
        }
    }

    private static final Entry[] TABLE = {
            new Entry("io/jkcov/", "jkcov itself: runtime, agent, instrumentation, shaded ASM (io/jkcov/shaded/asm)"),
            // hot path
            new Entry("java/lang/Object", "hot path: every constructor chain ends in Object.<init>"),
            new Entry("java/lang/Thread*", "hot path: Thread.currentThread; ThreadLocal holds the transformer's re-entry flag"),
            new Entry("java/lang/VirtualThread", "hot path: the current thread when a virtual thread traces (JDK 21+)"),
            new Entry("java/lang/BaseVirtualThread", "hot path: the current thread when a virtual thread traces (JDK 21+)"),
            new Entry("java/lang/System", "hot path: System.identityHashCode; System.err carries the agent's log"),
            new Entry("java/lang/Long", "hot path: Long.reverseBytes in the VarHandle accessors"),
            new Entry("java/lang/Integer", "hot path: boxing on java.lang.invoke's interpreted LambdaForm path"),
            new Entry("java/lang/Short", "hot path: boxing on java.lang.invoke's interpreted LambdaForm path"),
            new Entry("java/lang/Byte", "hot path: boxing on java.lang.invoke's interpreted LambdaForm path"),
            new Entry("java/lang/Character", "hot path: boxing on java.lang.invoke's interpreted LambdaForm path"),
            new Entry("java/lang/Boolean", "hot path: boxing on java.lang.invoke's interpreted LambdaForm path"),
            new Entry("java/util/Objects", "hot path: Objects.requireNonNull in the VarHandle accessors"),
            new Entry("java/lang/invoke/", "hot path: VarHandles and LambdaForms; also indy bootstraps and string concatenation (JEP 280)"),
            new Entry("java/lang/StringConcatHelper", "hot path of indy string concatenation, called from java.lang.invoke"),
            new Entry("java/nio/*", "hot path: the area is a direct ByteBuffer (Buffer, Bits, ByteOrder, MappedByteBuffer)"),
            new Entry("java/lang/foreign/", "hot path: a buffer's MemorySegment in the VarHandle accessors (JDK 21+)"),
            new Entry("jdk/internal/", "hot path and transformer: Unsafe, ScopedMemoryAccess, Preconditions, SharedSecrets, foreign sessions, loader, reflect, vm, module"),
            new Entry("sun/", "transformer: sun.instrument dispatches to the agent; sun.invoke.util converts on the invoke path; sun.nio.cs encodes the agent's output"),
            new Entry("java/lang/ref/", "hot path: references clean up the area's mapping; WeakReference keys of ThreadLocalMap"),
            // transformer
            new Entry("java/lang/Class*", "transformer: Class, ClassLoader and ClassValue load and link the class being transformed"),
            new Entry("java/lang/reflect/", "transformer: reflection under java.lang.invoke and class linking"),
            new Entry("java/lang/Module*", "transformer: the JVM calls Modules.transformedByAgent, adding reads edges, after a named module's class changes"),
            new Entry("java/lang/WeakPairMap", "transformer: stores the reads edges Module adds for transformed classes"),
            new Entry("java/util/concurrent/locks/", "transformer and noise: the runtime and loaders synchronise through them; spins depend on contention"),
            new Entry("jdk/jfr/", "transformer: JFR retransforms its own event classes"),
            // noise
            new Entry("java/security/", "noise: SecureClassLoader, CodeSource and ProtectionDomain run once per loaded class"),
            new Entry("java/util/zip/", "noise: class loading reads jar entries through it, once per loaded class"),
            new Entry("java/util/jar/", "noise: class loading reads jar entries through it, once per loaded class"),
            new Entry("java/net/URL*", "noise: URLClassLoader and URL resolve class files, once per loaded class"),
            new Entry("java/lang/StringLatin1", "noise: nearly every method is a JIT intrinsic, so its blocks appear only until the caller is compiled"),
            new Entry("java/lang/StringUTF16", "noise: nearly every method is a JIT intrinsic, so its blocks appear only until the caller is compiled"),
            new Entry("java/lang/StringCoding", "noise: nearly every method is a JIT intrinsic, so its blocks appear only until the caller is compiled"),
    };

    /** The rules, in the order they are checked. */
    public static final List<Entry> ENTRIES = List.of(TABLE);

    private NeverInstrument() {}

    /** Whether a class (internal name) is never instrumented; the entry that says why, or null. */
    public static Entry rule(String internalName) {
        // A plain array loop: with jdk=true the collection classes are instrumented too.
        for (Entry e : TABLE) {
            if (e.covers(internalName)) return e;
        }
        return null;
    }

    public static boolean covers(String internalName) {
        return rule(internalName) != null;
    }
}
