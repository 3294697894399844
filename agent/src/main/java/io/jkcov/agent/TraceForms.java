package io.jkcov.agent;

import io.jkcov.internal.StaticKey;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.lang.instrument.UnmodifiableClassException;
import java.security.ProtectionDomain;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * The forms of the runtime's {@code Trace} that the JVM runs under the agent, and the switch
 * between them ({@link StaticKey}; docs/hot-path.md, "The static key").
 *
 * <ul>
 *   <li><b>Off</b>, from the agent's start until the first thread traces: every read of a count
 *       of recording tasks ({@link #COUNTS}) becomes the constant 0 ({@code getstatic} to
 *       {@code iconst_0}),
 *       so an entry point is {@code if (0 != 0) record...}, which C1 and C2 fold away when they
 *       inline it. An idle probe then compiles to nothing, where the on form leaves a load, a
 *       branch and the deoptimisation state of an uncommon trap at every basic block.</li>
 *   <li><b>On</b>: the class as compiled.</li>
 * </ul>
 * Both forms mark the slow paths ({@link #SLOW}) {@code @DontInline}, so that the JIT compiles
 * each once instead of into every probe whose branch it has seen taken: that inlined copy
 * (lookup, mode test, the area's bounds checks and stores) cost a tracing run up to a quarter of
 * its process CPU, mostly C2's time (docs/performance-whole-process.md, "The static key").
 * HotSpot honours {@code jdk.internal.vm.annotation.DontInline} only in classes of the boot and
 * platform loaders (ClassFileParser's "privileged" test), which is where the agent puts the
 * runtime; the source cannot carry the annotation, because {@code release 17} compiles against
 * java.base's exported API only.
 *
 * <p>A form that cannot be built (a runtime whose Trace does not look as expected) is logged and
 * the class is left as compiled: on, without the marks. Slower, never wrong.
 */
final class TraceForms implements ClassFileTransformer {

    static final String TRACE = "io/jkcov/internal/Trace";
    /** The counts of recording tasks that the entry points test. */
    static final Set<String> COUNTS = Set.of("registered", "pcTasks", "cmpTasks");
    private static final String DONT_INLINE = "Ljdk/internal/vm/annotation/DontInline;";

    /** The methods that the entry points call when a count is not 0. */
    static final Set<String> SLOW =
            Set.of("recordPc", "recordCmp4", "recordCmp8", "recordTableSwitch", "pause", "resume");

    private final Consumer<String> log;

    TraceForms(Consumer<String> log) {
        this.log = log;
    }

    /**
     * Registers the transformer and turns the key off, before Trace is initialised or any class
     * is instrumented. Does nothing when another copy of the agent has done it.
     *
     * @param beforeOn what the switch to on runs first, before Trace is retransformed (lazy=true's
     *                 instrumenting), or null
     * @return whether the key is off now, so that the first enable will run {@code beforeOn}
     */
    static boolean install(Instrumentation inst, Class<?> trace, Consumer<String> log, Runnable beforeOn) {
        TraceForms forms = new TraceForms(log);
        inst.addTransformer(forms, true);
        boolean off;
        try {
            off = StaticKey.switchOff(() -> {
                // The key runs this both ways: now, to turn it off, and at the first enable.
                if (beforeOn != null && StaticKey.isOn()) beforeOn.run();
                retransform(inst, trace);
            });
        } catch (RuntimeException | Error e) {
            // Never out of premain, which would abort the JVM: an Error too (a ClassFormatError
            // of the JVM's, or a NoClassDefFoundError for StaticKey when an older runtime is on
            // the bootstrap path already).
            log.accept("jkcov: probes left always on: " + Transformer.oneLine(e.toString()));
            off = false;
        }
        if (!off) inst.removeTransformer(forms);
        return off;
    }

    /** What the key runs: the JVM reloads Trace through {@link #transform}, deoptimising its inliners. */
    private static void retransform(Instrumentation inst, Class<?> trace) {
        try {
            inst.retransformClasses(trace);
        } catch (UnmodifiableClassException e) {
            throw new IllegalStateException("jkcov: cannot switch the probes (" + TRACE + " not modifiable)", e);
        }
    }

    @Override
    public byte[] transform(Module module, ClassLoader loader, String className, Class<?> redefined,
            ProtectionDomain domain, byte[] bytes) {
        if (loader != null || !TRACE.equals(className)) return null;
        try {
            return form(bytes, StaticKey.isOn());
        } catch (Throwable t) {
            log.accept("jkcov: probes left always on, Trace kept as compiled: " + Transformer.oneLine(t.toString()));
            return null;
        }
    }

    /**
     * The form of Trace's class bytes {@code original}: on or off as said, with the slow paths
     * marked. Throws if Trace does not have every method of {@link #SLOW} or reads no count of
     * {@link #COUNTS}: the runtime changed under the agent.
     */
    static byte[] form(byte[] original, boolean on) {
        ClassReader reader = new ClassReader(original);
        // Frames are kept, not computed: iconst_0 pushes the int that getstatic pushed.
        ClassWriter writer = new ClassWriter(reader, 0);
        Set<String> marked = new HashSet<>();
        int[] reads = new int[1];
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                    String[] exceptions) {
                MethodVisitor mv = super.visitMethod(access, name, descriptor, signature, exceptions);
                if (SLOW.contains(name) && marked.add(name)) mv.visitAnnotation(DONT_INLINE, true).visitEnd();
                return new MethodVisitor(Opcodes.ASM9, mv) {
                    @Override
                    public void visitFieldInsn(int opcode, String owner, String field, String desc) {
                        if (opcode == Opcodes.GETSTATIC && owner.equals(TRACE) && COUNTS.contains(field)) {
                            reads[0]++;
                            if (!on) {
                                super.visitInsn(Opcodes.ICONST_0);
                                return;
                            }
                        }
                        super.visitFieldInsn(opcode, owner, field, desc);
                    }
                };
            }
        }, 0);
        if (!marked.equals(SLOW)) throw new IllegalStateException("Trace lacks slow paths " + missing(marked));
        if (reads[0] == 0) throw new IllegalStateException("Trace never reads a count of " + COUNTS);
        return writer.toByteArray();
    }

    private static Set<String> missing(Set<String> marked) {
        Set<String> m = new HashSet<>(SLOW);
        m.removeAll(marked);
        return m;
    }
}
