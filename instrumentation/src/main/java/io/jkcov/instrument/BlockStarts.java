package io.jkcov.instrument;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * A first pass over a class that finds, for each method, the indices of the instructions that
 * start a basic block: the entry, every jump, switch and exception-handler target, and the
 * instruction after each conditional branch (and after each jsr, where ret comes back to).
 *
 * <p>A separate pass because a loop head is visited before the backward jump that makes it a
 * target, and the probe must go in before the instruction is forwarded. Instruction indices,
 * not Labels, carry the result over: ClassReader makes new Labels on every pass, but visits the
 * same instructions in the same order.
 */
final class BlockStarts extends ClassVisitor {

    private final List<BitSet> byMethod = new ArrayList<>();

    private BlockStarts() {
        super(Opcodes.ASM9);
    }

    /** One BitSet of instruction indices per method, indexed by the method's place in the class file. */
    static List<BitSet> scan(ClassReader reader) {
        BlockStarts scanner = new BlockStarts();
        // Debug info and frames change no instruction, and skipping them is cheaper.
        reader.accept(scanner, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return scanner.byMethod;
    }

    @Override
    public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                     String[] exceptions) {
        BitSet starts = new BitSet();
        byMethod.add(starts);
        return new MethodScanner(starts);
    }

    private static final class MethodScanner extends InstructionHook {
        private final BitSet starts;
        private final Map<Label, Integer> instructionAt = new HashMap<>();
        private final List<Label> targets = new ArrayList<>();
        private int instruction = -1;

        MethodScanner(BitSet starts) {
            super(null);
            this.starts = starts;
        }

        @Override
        protected void beforeInstruction() {
            instruction++;
        }

        @Override
        public void visitLabel(Label label) {
            instructionAt.put(label, instruction + 1);
        }

        @Override
        public void visitTryCatchBlock(Label start, Label end, Label handler, String type) {
            targets.add(handler);
        }

        @Override
        public void visitJumpInsn(int opcode, Label label) {
            super.visitJumpInsn(opcode, label);
            targets.add(label);
            if (opcode != Opcodes.GOTO) {
                // Every other jump opcode is conditional, or jsr, whose ret resumes after it.
                starts.set(instruction + 1);
            }
        }

        @Override
        public void visitTableSwitchInsn(int min, int max, Label dflt, Label... labels) {
            super.visitTableSwitchInsn(min, max, dflt, labels);
            targets.add(dflt);
            targets.addAll(List.of(labels));
        }

        @Override
        public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] labels) {
            super.visitLookupSwitchInsn(dflt, keys, labels);
            targets.add(dflt);
            targets.addAll(List.of(labels));
        }

        @Override
        public void visitEnd() {
            if (instruction < 0) {
                return; // no code
            }
            starts.set(0);
            for (Label target : targets) {
                Integer at = instructionAt.get(target);
                if (at != null) {
                    starts.set(at);
                }
            }
            // A conditional branch can only be followed by an instruction (JVMS 4.9.2: code
            // must not fall off its end), but keep the set inside the method all the same.
            starts.clear(instruction + 1, Integer.MAX_VALUE);
        }
    }
}
