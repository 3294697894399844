package io.jkcov.instrument;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FrameNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.BasicVerifier;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.util.CheckClassAdapter;

/**
 * Checks an instrumented class without loading any class, as far as that can go:
 * <ol>
 *   <li>ASM's CheckClassAdapter: the class is well formed;</li>
 *   <li>ASM's Analyzer with a BasicVerifier: every method's data flow is type-correct at the
 *       level of int/long/float/double/reference and return address, stack heights agree at
 *       every merge, and no instruction underflows the stack;</li>
 *   <li>the stack map frames, which neither of those reads: every branch target and handler
 *       has a frame (JVMS 4.10.1), each frame agrees with the Analyzer's state there, slot by
 *       slot, at the same level of types, and the method has as many frames as the original
 *       (plus the one of the clinit handler): probes neither moved nor dropped one.</li>
 * </ol>
 * What it cannot check without the class hierarchy is reference assignability; the probes
 * never touch a reference, and the one frame written by hand holds only java/lang/Throwable.
 */
final class ClassCheck {

    private ClassCheck() {}

    /**
     * The problems found, one line each; empty when the class passes.
     *
     * @param wellFormed whether to run CheckClassAdapter (step 1), for classes whose original
     *                   it accepts
     */
    static List<String> problems(byte[] original, byte[] instrumented, boolean wellFormed) {
        List<String> problems = new ArrayList<>();
        ClassNode node = new ClassNode();
        try {
            ClassVisitor check = wellFormed ? new CheckClassAdapter(node, false) : node;
            new ClassReader(instrumented).accept(check, ClassReader.EXPAND_FRAMES);
        } catch (RuntimeException e) {
            problems.add("CheckClassAdapter: " + e);
            return problems;
        }
        List<Integer> originalFrames = frameCounts(original);
        int major = node.version & 0xFFFF;
        for (int m = 0; m < node.methods.size(); m++) {
            MethodNode method = node.methods.get(m);
            if (method.instructions.size() == 0) {
                continue;
            }
            String where = node.name + "." + method.name + method.desc + ": ";
            Frame<BasicValue>[] computed;
            try {
                computed = new Analyzer<>(new BasicVerifier()).analyze(node.name, method);
            } catch (AnalyzerException e) {
                problems.add(where + "Analyzer: " + e.getMessage());
                continue;
            }
            int frames = 0;
            for (AbstractInsnNode insn : method.instructions) {
                if (insn instanceof FrameNode frame) {
                    frames++;
                    String bad = compare(frame, method, computed);
                    if (bad != null) {
                        problems.add(where + bad);
                    }
                    String notNew = uninitializedNamesANew(frame);
                    if (notNew != null) {
                        problems.add(where + notNew);
                    }
                }
            }
            int expected = originalFrames.get(m);
            if (major >= Opcodes.V1_6 && callsTrace(method, "enterClinit")) {
                expected++; // ClinitGuard's handler
            }
            if (frames != expected) {
                problems.add(where + frames + " frames, the original has " + originalFrames.get(m));
            }
            if (major >= Opcodes.V1_7) {
                for (LabelNode target : targets(method)) {
                    if (!hasFrame(target)) {
                        problems.add(where + "no frame at the branch target at instruction "
                                + method.instructions.indexOf(target));
                    }
                }
            }
        }
        return problems;
    }

    /**
     * JVMS 4.10.1.2: Uninitialized(Offset) must name a {@code new} instruction; the JVM rejects
     * the class otherwise ("bad offset for Uninitialized"), which the Analyzer never sees.
     */
    private static String uninitializedNamesANew(FrameNode frame) {
        List<Object> types = new ArrayList<>();
        if (frame.local != null) types.addAll(frame.local);
        if (frame.stack != null) types.addAll(frame.stack);
        for (Object t : types) {
            if (!(t instanceof LabelNode label)) continue;
            AbstractInsnNode next = label.getNext();
            while (next != null && next.getOpcode() < 0) next = next.getNext();
            if (next == null || next.getOpcode() != Opcodes.NEW) {
                return "a frame's Uninitialized entry names instruction " + (next == null ? "(none)" : next.getOpcode())
                        + ", not a new";
            }
        }
        return null;
    }

    private static boolean callsTrace(MethodNode method, String entryPoint) {
        for (AbstractInsnNode insn : method.instructions) {
            if (insn instanceof MethodInsnNode call && call.owner.equals(TraceCalls.OWNER)
                    && call.name.equals(entryPoint)) {
                return true;
            }
        }
        return false;
    }

    /** Frames per method of the original, read cheaply. */
    private static List<Integer> frameCounts(byte[] original) {
        List<Integer> counts = new ArrayList<>();
        new ClassReader(original).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor,
                                             String signature, String[] exceptions) {
                int index = counts.size();
                counts.add(0);
                return new MethodVisitor(Opcodes.ASM9) {
                    @Override
                    public void visitFrame(int type, int numLocal, Object[] local, int numStack,
                                           Object[] stack) {
                        counts.set(index, counts.get(index) + 1);
                    }
                };
            }
        }, ClassReader.SKIP_DEBUG);
        return counts;
    }

    private static Set<LabelNode> targets(MethodNode method) {
        Set<LabelNode> targets = new HashSet<>();
        for (AbstractInsnNode insn : method.instructions) {
            if (insn instanceof JumpInsnNode j && j.getOpcode() != Opcodes.JSR) {
                targets.add(j.label);
            } else if (insn instanceof TableSwitchInsnNode t) {
                targets.add(t.dflt);
                targets.addAll(t.labels);
            } else if (insn instanceof LookupSwitchInsnNode l) {
                targets.add(l.dflt);
                targets.addAll(l.labels);
            }
        }
        for (TryCatchBlockNode tcb : method.tryCatchBlocks) {
            targets.add(tcb.handler);
        }
        return targets;
    }

    /** A frame between the label and the next real instruction (ClassReader's order). */
    private static boolean hasFrame(LabelNode label) {
        for (AbstractInsnNode n = label; n != null; n = n.getNext()) {
            if (n instanceof FrameNode) {
                return true;
            }
            if (n.getOpcode() >= 0) {
                return false;
            }
        }
        return false;
    }

    /** Null if the declared frame agrees with the computed state at the next instruction. */
    private static String compare(FrameNode frame, MethodNode method, Frame<BasicValue>[] computed) {
        AbstractInsnNode next = frame.getNext();
        while (next != null && next.getOpcode() < 0) {
            next = next.getNext();
        }
        if (next == null) {
            return "frame after the last instruction";
        }
        Frame<BasicValue> state = computed[method.instructions.indexOf(next)];
        if (state == null) {
            return null; // unreachable code: nothing flows in to disagree with
        }
        int at = method.instructions.indexOf(frame);
        List<Object> stack = frame.stack == null ? List.of() : frame.stack;
        if (stack.size() != state.getStackSize()) {
            return "frame at " + at + " declares " + stack.size() + " stack values, the code has "
                    + state.getStackSize();
        }
        for (int i = 0; i < stack.size(); i++) {
            if (!sameSort(stack.get(i), state.getStack(i))) {
                return "frame at " + at + ": stack " + i + " is declared " + stack.get(i)
                        + " but holds " + state.getStack(i);
            }
        }
        List<Object> locals = frame.local == null ? List.of() : frame.local;
        int slot = 0;
        for (Object declared : locals) {
            if (slot >= state.getLocals()) {
                return "frame at " + at + " declares more locals than max_locals";
            }
            if (!declared.equals(Opcodes.TOP) && !sameSort(declared, state.getLocal(slot))) {
                return "frame at " + at + ": local " + slot + " is declared " + declared
                        + " but holds " + state.getLocal(slot);
            }
            slot += declared.equals(Opcodes.LONG) || declared.equals(Opcodes.DOUBLE) ? 2 : 1;
        }
        return null;
    }

    private static boolean sameSort(Object declared, BasicValue value) {
        Type type = value.getType();
        if (declared.equals(Opcodes.INTEGER)) {
            return value == BasicValue.INT_VALUE;
        } else if (declared.equals(Opcodes.FLOAT)) {
            return value == BasicValue.FLOAT_VALUE;
        } else if (declared.equals(Opcodes.LONG)) {
            return value == BasicValue.LONG_VALUE;
        } else if (declared.equals(Opcodes.DOUBLE)) {
            return value == BasicValue.DOUBLE_VALUE;
        } else if (declared.equals(Opcodes.TOP)) {
            return false; // TOP on the stack is never valid
        }
        // NULL, UNINITIALIZED_THIS, a class name or a label (uninitialised new): a reference.
        return type != null && (type.getSort() == Type.OBJECT || type.getSort() == Type.ARRAY);
    }
}
