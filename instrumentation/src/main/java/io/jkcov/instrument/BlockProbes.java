package io.jkcov.instrument;

import java.util.BitSet;
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
 */
final class BlockProbes extends InstructionHook {

    private final ProbeSite site;
    private final BitSet starts;

    BlockProbes(MethodVisitor next, ProbeSite site, BitSet starts) {
        super(next);
        this.site = site;
        this.starts = starts;
    }

    @Override
    protected void beforeInstruction() {
        if (starts.get(site.instruction)) {
            TraceCalls.pc(mv, site.probe(PcEntry.Kind.BLOCK));
        }
    }
}
