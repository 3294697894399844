package io.jkcov.instrument;

import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Emits calls to the runtime's hot path (instrumentation-contract.md), named by strings so that
 * this module does not link against the runtime. Each helper documents its stack effect; the
 * callers rely on every sequence being stack-neutral apart from what the comment says.
 */
final class TraceCalls {

    static final String OWNER = "io/jkcov/internal/Trace";

    private TraceCalls() {}

    /** Stack: ... -> ... */
    static void pc(MethodVisitor mv, long pc) {
        mv.visitLdcInsn(pc);
        call(mv, "pc", "(J)V");
    }

    /** Stack: ..., arg1, arg2 -> ... */
    static void cmp4(MethodVisitor mv, long pc) {
        mv.visitLdcInsn(pc);
        call(mv, "cmp4", "(IIJ)V");
    }

    /** Stack: ..., literal, other -> ... */
    static void constCmp4(MethodVisitor mv, long pc) {
        mv.visitLdcInsn(pc);
        call(mv, "constCmp4", "(IIJ)V");
    }

    /** Replaces lcmp. name is lcmp, lcmpConstLeft or lcmpConstRight. Stack: ..., l, r -> ..., I */
    static void lcmp(MethodVisitor mv, String name, long pc) {
        mv.visitLdcInsn(pc);
        call(mv, name, "(JJJ)I");
    }

    /** Stack: ..., value -> ..., value */
    static void tableSwitch(MethodVisitor mv, int low, int high, long pc) {
        mv.visitInsn(Opcodes.DUP);
        pushInt(mv, low);
        pushInt(mv, high);
        mv.visitLdcInsn(pc);
        call(mv, "tableSwitch", "(IIIJ)V");
    }

    /** Stack: ..., value -> ..., value */
    static void switchCase(MethodVisitor mv, int caseConstant, long pc) {
        mv.visitInsn(Opcodes.DUP);
        pushInt(mv, caseConstant);
        mv.visitLdcInsn(pc);
        call(mv, "switchCase", "(IIJ)V");
    }

    /** Stack: ... -> ... */
    static void enterClinit(MethodVisitor mv) {
        call(mv, "enterClinit", "()V");
    }

    /** Stack: ... -> ... */
    static void exitClinit(MethodVisitor mv) {
        call(mv, "exitClinit", "()V");
    }

    /** The shortest push of an int constant: it is the code size that meets the 64 KiB limit. */
    static void pushInt(MethodVisitor mv, int value) {
        if (value >= -1 && value <= 5) {
            mv.visitInsn(Opcodes.ICONST_0 + value);
        } else if (value == (byte) value) {
            mv.visitIntInsn(Opcodes.BIPUSH, value);
        } else if (value == (short) value) {
            mv.visitIntInsn(Opcodes.SIPUSH, value);
        } else {
            mv.visitLdcInsn(value);
        }
    }

    private static void call(MethodVisitor mv, String name, String descriptor) {
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, OWNER, name, descriptor, false);
    }
}
