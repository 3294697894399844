package io.jkcov.agent.propagation;

import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * The transformer that applies {@link Hooks} to the JDK's bootstrap classes. Most of them are
 * loaded before any agent starts, so {@link #install} retransforms those; a retransformation may
 * change method bodies only (JVMS 4.10 still applies, and no member may be added), which is all
 * the hooks do.
 */
public final class Propagation implements ClassFileTransformer {

    private static final Set<String> APPLIED = new TreeSet<>();

    private final Consumer<String> log;

    private Propagation(Consumer<String> log) {
        this.log = log;
    }

    /** Registers the hooks and applies them to the hooked classes already loaded. */
    public static void install(Instrumentation inst, Consumer<String> log) {
        Propagation p = new Propagation(log);
        inst.addTransformer(p, true);
        List<Class<?>> loaded = new ArrayList<>();
        for (Class<?> c : inst.getAllLoadedClasses()) {
            if (c.getClassLoader() == null && Hooks.CLASSES.contains(c.getName().replace('.', '/'))) loaded.add(c);
        }
        for (Class<?> c : loaded) {
            try {
                if (inst.isModifiableClass(c)) inst.retransformClasses(c);
            } catch (Throwable e) {
                log.accept("jkcov: cannot add propagation hooks to " + c.getName() + ": " + e);
            }
        }
    }

    @Override
    public byte[] transform(Module module, ClassLoader loader, String className, Class<?> redefined,
            ProtectionDomain domain, byte[] bytes) {
        if (loader != null || className == null || !Hooks.CLASSES.contains(className)) return null;
        try {
            return rewrite(className, bytes);
        } catch (Throwable e) {
            log.accept("jkcov: cannot add propagation hooks to " + className.replace('/', '.') + ": " + e);
            return null;
        }
    }

    /** The hooks each JDK got, as {@code owner.name descriptor}; for tests and diagnostics. */
    public static synchronized Set<String> applied() {
        return new TreeSet<>(APPLIED);
    }

    /** Applies the hooks of {@code className} to its bytes. */
    static byte[] rewrite(String className, byte[] bytes) {
        List<Hook> hooks = Hooks.of(className);
        ClassReader reader = new ClassReader(bytes);
        ClassWriter writer = new ClassWriter(reader, ClassWriter.COMPUTE_MAXS);
        List<String> done = new ArrayList<>();
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String desc, String signature, String[] exceptions) {
                MethodVisitor mv = super.visitMethod(access, name, desc, signature, exceptions);
                for (Hook h : hooks) {
                    if (h.matches(name, desc)) {
                        String id = h.owner() + "." + name + desc;
                        return new HookAdapter(Opcodes.ASM9, access, desc, mv, h.kind(), () -> done.add(id));
                    }
                }
                return mv;
            }
        }, ClassReader.EXPAND_FRAMES);
        byte[] out = writer.toByteArray();
        synchronized (Propagation.class) {
            APPLIED.addAll(done);
        }
        return out;
    }
}
