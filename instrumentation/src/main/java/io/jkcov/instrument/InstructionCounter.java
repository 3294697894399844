package io.jkcov.instrument;

import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

/**
 * Head of every probing chain: advances the {@link ProbeSite} to each original instruction and
 * keeps its line current. ClassReader visits a method's code in offset order, with the line
 * numbers of an offset before its instruction, so the last line seen is the instruction's.
 */
final class InstructionCounter extends InstructionHook {

    private final ProbeSite site;

    InstructionCounter(MethodVisitor next, ProbeSite site) {
        super(next);
        this.site = site;
    }

    @Override
    protected void beforeInstruction() {
        site.instruction++;
    }

    @Override
    public void visitLineNumber(int line, Label start) {
        site.line = line;
        super.visitLineNumber(line, start);
    }
}
