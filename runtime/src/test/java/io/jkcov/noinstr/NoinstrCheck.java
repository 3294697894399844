package io.jkcov.noinstr;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TypeInsnNode;

/**
 * jkcov's objtool: walks the bytecode of every method reachable from the entry points (the
 * public static methods of the hot-path classes) and reports each breach of the noinstr rules
 * (kcov-model.md section 7, docs/hot-path.md):
 * <ul>
 *   <li>allocation ({@code new}, {@code *newarray}), monitors (also {@code synchronized}
 *       methods), {@code athrow}, integer division (may throw);</li>
 *   <li>{@code invokedynamic}, and any call but a static or private call within the same class,
 *       or a call on the allowlist of intrinsics;</li>
 *   <li>a static field of another class (its first access may initialise it), a field of a
 *       class outside the checked set, a constant that resolves a class, a method handle or a
 *       string, a type check against a class outside the checked set;</li>
 *   <li>a write to a static field or an array, or to an instance field outside the allowed
 *       owners (the per-thread state); the area itself is written through VarHandles.</li>
 * </ul>
 * It also lists the classes outside the checked set that the hot path depends on, which must
 * never be instrumented (rule 5).
 */
public final class NoinstrCheck {

    /**
     * Calls the hot path may make: JVM intrinsics that neither allocate nor call Java code, the
     * two VarHandle fences (each a compiler barrier that costs no instruction on x86 or AArch64
     * loads, and orders the area's stores for live readers), and the absolute accessors of the
     * area's {@code LongBuffer}. Those are JDK code, not intrinsics: they are allowed because a
     * direct buffer's {@code get(int)} and {@code put(int, long)} compile to one bounds check and
     * one native load or store, allocate nothing, and throw only for an index the caller has
     * already checked; the classes behind them ({@code java/nio/*}, {@code jdk/internal/}) are
     * never instrumented (the agent's NeverInstrument table), and the runtime calls both from
     * {@code Trace}'s static initialiser so that nothing is linked on a tracing thread.
     */
    public static final Set<String> INTRINSICS = Set.of(
            "java/lang/Thread.currentThread()Ljava/lang/Thread;",
            "java/lang/System.identityHashCode(Ljava/lang/Object;)I",
            "java/lang/invoke/VarHandle.acquireFence()V",
            "java/lang/invoke/VarHandle.releaseFence()V",
            "java/nio/LongBuffer.get(I)J",
            "java/nio/LongBuffer.put(IJ)Ljava/nio/LongBuffer;");

    /** VarHandle accessors (signature-polymorphic; linked before tracing by the runtime). */
    public static final Set<String> VARHANDLE_ACCESSORS = Set.of(
            "get", "set", "getOpaque", "setOpaque", "getAcquire", "setRelease");

    private final Map<String, ClassNode> classes = new HashMap<>();
    private final Set<String> writableOwners;
    private final List<String> violations = new ArrayList<>();
    private final Set<String> reached = new LinkedHashSet<>();
    private final Set<String> dependencies = new TreeSet<>();

    /**
     * @param classNames binary names of the classes to check (loadable as resources)
     * @param writableOwners internal names whose instance fields the hot path may write
     */
    public NoinstrCheck(List<Class<?>> classNames, Set<String> writableOwners) throws IOException {
        for (Class<?> c : classNames) {
            String resource = c.getName().replace('.', '/') + ".class";
            try (InputStream in = c.getClassLoader().getResourceAsStream(resource)) {
                ClassNode node = new ClassNode();
                new ClassReader(in.readAllBytes()).accept(node, 0);
                classes.put(node.name, node);
            }
        }
        this.writableOwners = writableOwners;
    }

    /** Checks everything reachable from the public static methods of {@code entryClass}. */
    public NoinstrCheck run(Class<?> entryClass) {
        ClassNode entry = classes.get(Type.getInternalName(entryClass));
        Deque<String[]> work = new ArrayDeque<>();
        for (MethodNode m : entry.methods) {
            boolean publicStatic = (m.access & (Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC)) == (Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC);
            if (publicStatic && !m.name.equals("<clinit>")) work.add(new String[] {entry.name, m.name, m.desc});
        }
        while (!work.isEmpty()) {
            String[] key = work.poll();
            if (!reached.add(key[0] + "." + key[1] + key[2])) continue;
            checkMethod(classes.get(key[0]), method(classes.get(key[0]), key[1], key[2]), work);
        }
        return this;
    }

    public List<String> violations() {
        return violations;
    }

    /** Methods reached from the entry points, as owner.nameDescriptor. */
    public Set<String> reached() {
        return reached;
    }

    /** Classes outside the checked set that reachable code names (rule 5: never instrument). */
    public Set<String> dependencies() {
        return dependencies;
    }

    private void checkMethod(ClassNode owner, MethodNode m, Deque<String[]> work) {
        String where = owner.name + "." + m.name + m.desc;
        if ((m.access & Opcodes.ACC_SYNCHRONIZED) != 0) violations.add(where + ": synchronized method takes a monitor");
        for (AbstractInsnNode insn = m.instructions.getFirst(); insn != null; insn = insn.getNext()) {
            String breach = breach(owner, insn, work);
            if (breach != null) violations.add(where + ": " + breach);
        }
    }

    private String breach(ClassNode owner, AbstractInsnNode insn, Deque<String[]> work) {
        int op = insn.getOpcode();
        switch (op) {
            case Opcodes.NEW:
            case Opcodes.NEWARRAY:
            case Opcodes.ANEWARRAY:
            case Opcodes.MULTIANEWARRAY:
                return "allocates (" + opName(insn) + ")";
            case Opcodes.MONITORENTER:
            case Opcodes.MONITOREXIT:
                return "takes a monitor";
            case Opcodes.ATHROW:
                return "throws";
            case Opcodes.IDIV: case Opcodes.LDIV: case Opcodes.IREM: case Opcodes.LREM:
                return "integer division may throw ArithmeticException";
            case Opcodes.INVOKEDYNAMIC:
                return "invokedynamic links call sites and allocates";
            case Opcodes.IASTORE: case Opcodes.LASTORE: case Opcodes.FASTORE: case Opcodes.DASTORE:
            case Opcodes.AASTORE: case Opcodes.BASTORE: case Opcodes.CASTORE: case Opcodes.SASTORE:
                return "writes an array";
            case Opcodes.PUTSTATIC:
                return "writes static field " + field(insn);
            case Opcodes.GETSTATIC: {
                FieldInsnNode f = (FieldInsnNode) insn;
                return f.owner.equals(owner.name) ? null : "reads static field " + field(insn) + " of another class (may initialise it)";
            }
            case Opcodes.GETFIELD: {
                FieldInsnNode f = (FieldInsnNode) insn;
                dependOn(f.owner);
                return classes.containsKey(f.owner) ? null : "reads field " + field(insn) + " of a class outside the runtime";
            }
            case Opcodes.PUTFIELD: {
                FieldInsnNode f = (FieldInsnNode) insn;
                return writableOwners.contains(f.owner) ? null : "writes field " + field(insn) + " outside the per-thread state";
            }
            case Opcodes.LDC: {
                Object c = ((LdcInsnNode) insn).cst;
                boolean plain = c instanceof Integer || c instanceof Long || c instanceof Float || c instanceof Double;
                return plain ? null : "ldc " + c.getClass().getSimpleName() + " resolves a constant (may load or allocate)";
            }
            case Opcodes.CHECKCAST:
            case Opcodes.INSTANCEOF: {
                String type = ((TypeInsnNode) insn).desc;
                return classes.containsKey(type) ? null : opName(insn) + " " + type + " may load a class";
            }
            case Opcodes.INVOKESTATIC:
            case Opcodes.INVOKESPECIAL:
            case Opcodes.INVOKEVIRTUAL:
            case Opcodes.INVOKEINTERFACE:
                return call(owner, (MethodInsnNode) insn, work);
            default:
                return null;
        }
    }

    private String call(ClassNode owner, MethodInsnNode call, Deque<String[]> work) {
        String target = call.owner + "." + call.name + call.desc;
        if (INTRINSICS.contains(target)) {
            dependOn(call.owner);
            return null;
        }
        if (call.owner.equals("java/lang/invoke/VarHandle") && call.getOpcode() == Opcodes.INVOKEVIRTUAL) {
            dependOn(call.owner);
            return VARHANDLE_ACCESSORS.contains(call.name) ? null : "calls VarHandle." + call.name + ", not an allowed accessor";
        }
        boolean local = call.owner.equals(owner.name) && classes.containsKey(call.owner)
                && (call.getOpcode() == Opcodes.INVOKESTATIC || isPrivate(owner, call));
        if (!local) return "calls " + target + " (only this class's static or private methods and the intrinsics are allowed)";
        work.add(new String[] {call.owner, call.name, call.desc});
        return null;
    }

    private void dependOn(String internalName) {
        if (!classes.containsKey(internalName)) dependencies.add(internalName);
    }

    private static boolean isPrivate(ClassNode owner, MethodInsnNode call) {
        MethodNode m = method(owner, call.name, call.desc);
        return m != null && (m.access & Opcodes.ACC_PRIVATE) != 0;
    }

    private static MethodNode method(ClassNode c, String name, String desc) {
        for (MethodNode m : c.methods) if (m.name.equals(name) && m.desc.equals(desc)) return m;
        return null;
    }

    private static String field(AbstractInsnNode insn) {
        FieldInsnNode f = (FieldInsnNode) insn;
        return f.owner + "." + f.name;
    }

    private static String opName(AbstractInsnNode insn) {
        switch (insn.getOpcode()) {
            case Opcodes.NEW: return "new";
            case Opcodes.NEWARRAY: return "newarray";
            case Opcodes.ANEWARRAY: return "anewarray";
            case Opcodes.MULTIANEWARRAY: return "multianewarray";
            case Opcodes.CHECKCAST: return "checkcast";
            default: return "instanceof";
        }
    }
}
