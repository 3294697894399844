package io.jkcov.instrument;

import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * TRACE_CMP: the comparison table of kcov-model.md section 3.
 *
 * <ul>
 *   <li>{@code if_icmp<cond>}: {@code dup2} and cmp4, or constCmp4 with the literal first.</li>
 *   <li>{@code if<cond>} (ifeq..ifle): {@code dup; iconst_0; swap} and constCmp4, unless it
 *       consumes the result of an lcmp (recorded already) or of fcmp/dcmp (floats record
 *       nothing).</li>
 *   <li>{@code lcmp}: replaced by a call that records and returns lcmp's result.</li>
 *   <li>switches: the value is duplicated and reported with every case constant.</li>
 * </ul>
 *
 * An operand is a literal when the instruction that pushed it is an int or long constant push
 * right before the comparison (the right operand), or right before a single plain push that
 * is right before the comparison (the left operand). Never across a label: a value that arrives
 * from more than one place is not a literal.
 */
final class CmpProbes extends MethodVisitor {

    private final ProbeSite site;
    private Operand last = Operand.UNKNOWN;
    private Operand beforeLast = Operand.UNKNOWN;

    CmpProbes(MethodVisitor next, ProbeSite site) {
        super(Opcodes.ASM9, next);
        this.site = site;
    }

    private void seen(Operand operand) {
        beforeLast = last;
        last = operand;
    }

    private boolean leftIsLiteral(boolean isLong) {
        return (isLong ? beforeLast.longLiteral() : beforeLast.intLiteral()) && last.plainPush();
    }

    private boolean rightIsLiteral(boolean isLong) {
        return isLong ? last.longLiteral() : last.intLiteral();
    }

    @Override
    public void visitJumpInsn(int opcode, Label label) {
        if (opcode >= Opcodes.IF_ICMPEQ && opcode <= Opcodes.IF_ICMPLE) {
            mv.visitInsn(Opcodes.DUP2);                              // ..., l, r, l, r
            if (leftIsLiteral(false)) {
                TraceCalls.constCmp4(mv, site.probe(PcEntry.Kind.CMP));
            } else if (rightIsLiteral(false)) {
                mv.visitInsn(Opcodes.SWAP);                          // ..., l, r, r, l
                TraceCalls.constCmp4(mv, site.probe(PcEntry.Kind.CMP));
            } else {
                TraceCalls.cmp4(mv, site.probe(PcEntry.Kind.CMP));
            }                                                        // ..., l, r
        } else if (opcode >= Opcodes.IFEQ && opcode <= Opcodes.IFLE && !consumesCompareResult()) {
            mv.visitInsn(Opcodes.DUP);                               // ..., v, v
            mv.visitInsn(Opcodes.ICONST_0);                          // ..., v, v, 0
            mv.visitInsn(Opcodes.SWAP);                              // ..., v, 0, v
            TraceCalls.constCmp4(mv, site.probe(PcEntry.Kind.CMP));  // ..., v
        }
        seen(Operand.other(opcode));
        super.visitJumpInsn(opcode, label);
    }

    private boolean consumesCompareResult() {
        int op = last.opcode();
        return op == Opcodes.LCMP || (op >= Opcodes.FCMPL && op <= Opcodes.DCMPG);
    }

    @Override
    public void visitInsn(int opcode) {
        if (opcode == Opcodes.LCMP) {
            String call = leftIsLiteral(true) ? "lcmpConstLeft"
                    : rightIsLiteral(true) ? "lcmpConstRight" : "lcmp";
            TraceCalls.lcmp(mv, call, site.probe(PcEntry.Kind.CMP)); // ..., l, r -> ..., I
            seen(Operand.other(opcode));
            return;
        }
        seen(Operand.of(opcode));
        super.visitInsn(opcode);
    }

    @Override
    public void visitTableSwitchInsn(int min, int max, Label dflt, Label... labels) {
        TraceCalls.tableSwitch(mv, min, max, site.probe(PcEntry.Kind.SWITCH));
        seen(Operand.other(Opcodes.TABLESWITCH));
        super.visitTableSwitchInsn(min, max, dflt, labels);
    }

    @Override
    public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] labels) {
        if (keys.length > 0) {
            long pc = site.probe(PcEntry.Kind.SWITCH);
            for (int key : keys) {
                TraceCalls.switchCase(mv, key, pc);
            }
        }
        seen(Operand.other(Opcodes.LOOKUPSWITCH));
        super.visitLookupSwitchInsn(dflt, keys, labels);
    }

    // ---- everything else only updates what the literal rule knows ---------------------------

    @Override
    public void visitLabel(Label label) {
        last = beforeLast = Operand.UNKNOWN;
        super.visitLabel(label);
    }

    @Override
    public void visitFrame(int type, int numLocal, Object[] local, int numStack, Object[] stack) {
        // A frame marks a place reached from elsewhere, like a label.
        last = beforeLast = Operand.UNKNOWN;
        super.visitFrame(type, numLocal, local, numStack, stack);
    }

    @Override
    public void visitIntInsn(int opcode, int operand) {
        seen(Operand.intInsn(opcode));
        super.visitIntInsn(opcode, operand);
    }

    @Override
    public void visitVarInsn(int opcode, int varIndex) {
        seen(Operand.var(opcode));
        super.visitVarInsn(opcode, varIndex);
    }

    @Override
    public void visitTypeInsn(int opcode, String type) {
        seen(Operand.other(opcode));
        super.visitTypeInsn(opcode, type);
    }

    @Override
    public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
        seen(Operand.field(opcode));
        super.visitFieldInsn(opcode, owner, name, descriptor);
    }

    @Override
    public void visitMethodInsn(int opcode, String owner, String name, String descriptor,
                                boolean isInterface) {
        seen(Operand.other(opcode));
        super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
    }

    @Override
    public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap,
                                       Object... bootstrapArguments) {
        seen(Operand.other(Opcodes.INVOKEDYNAMIC));
        super.visitInvokeDynamicInsn(name, descriptor, bootstrap, bootstrapArguments);
    }

    @Override
    public void visitLdcInsn(Object value) {
        seen(Operand.ldc(value));
        super.visitLdcInsn(value);
    }

    @Override
    public void visitIincInsn(int varIndex, int increment) {
        seen(Operand.other(Opcodes.IINC));
        super.visitIincInsn(varIndex, increment);
    }

    @Override
    public void visitMultiANewArrayInsn(String descriptor, int numDimensions) {
        seen(Operand.other(Opcodes.MULTIANEWARRAY));
        super.visitMultiANewArrayInsn(descriptor, numDimensions);
    }
}
