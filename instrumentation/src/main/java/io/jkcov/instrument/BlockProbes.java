package io.jkcov.instrument;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

/**
 * TRACE_PC: a {@code Trace.pc(J)V} call at the start of every basic block ({@link BlockStarts}).
 *
 * <p>The call goes in just before the block's first instruction, that is after the label, the
 * stack map frame and the line number that ClassReader visits ahead of it. The frame therefore
 * still describes the state at the branch target, and the call (push a long, pop it) leaves
 * that state as it found it, so no frame needs recomputing (JVMS 4.10.1). It is also legal
 * before {@code super()} in a constructor: it touches neither {@code this} nor any local.
 *
 * <p>It sits right after {@link InstructionCounter}, ahead of {@link CmpProbes}, so that a
 * block's probe precedes whatever CmpProbes adds for the block's first instruction, in the code
 * and in the PC table alike. CmpProbes sees the probe as two instructions ending in a call, which
 * its literal rule treats as "no literal", as it would the jump or label that starts a block.
 *
 * <p>One frame entry does name an instruction rather than a state: {@code Uninitialized(L)}, the
 * object made by the {@code new} at label L (JVMS 4.10.1.2), and the verifier requires L to be
 * that {@code new}. When a block starts with a {@code new} (a constructor whose arguments branch,
 * after an {@code if}), the probe would come between L and the {@code new}. So a fresh label is
 * placed after every probe, and frames refer to it instead; jumps, handlers and line numbers
 * keep the old one and still land on the probe.
 */
final class BlockProbes extends InstructionHook {

    private final ProbeSite site;
    private final BitSet starts;
    /** Labels visited since the last instruction: the ones a probe would separate from it. */
    private final List<Label> pending = new ArrayList<>();
    /** Label of a block's first instruction -> the label now right before that instruction. */
    private final Map<Label, Label> moved = new HashMap<>();

    BlockProbes(MethodVisitor next, ProbeSite site, BitSet starts) {
        super(next);
        this.site = site;
        this.starts = starts;
    }

    @Override
    public void visitLabel(Label label) {
        pending.add(label);
        super.visitLabel(label);
    }

    @Override
    protected void beforeInstruction() {
        if (starts.get(site.instruction)) {
            TraceCalls.pc(mv, site.probe(PcEntry.Kind.BLOCK));
            if (!pending.isEmpty()) {
                Label instruction = new Label();
                super.visitLabel(instruction);
                for (Label l : pending) moved.put(l, instruction);
            }
        }
        pending.clear();
    }

    @Override
    public void visitFrame(int type, int numLocal, Object[] local, int numStack, Object[] stack) {
        super.visitFrame(type, numLocal, relabel(local, numLocal), numStack, relabel(stack, numStack));
    }

    private Object[] relabel(Object[] types, int n) {
        if (types == null || moved.isEmpty()) return types;
        Object[] out = null;
        for (int i = 0; i < n; i++) {
            Object to = types[i] instanceof Label ? moved.get(types[i]) : null;
            if (to != null) {
                if (out == null) out = types.clone();
                out[i] = to;
            }
        }
        return out == null ? types : out;
    }
}
