package io.jkcov.instrument;

import org.objectweb.asm.Opcodes;

/**
 * What an instruction means to the literal rule of kcov-model.md section 3: is it a literal
 * int or long push, and does it push exactly one value and do nothing else. {@link CmpProbes}
 * keeps the last two of these to tell which operand of a comparison is a literal.
 */
record Operand(boolean intLiteral, boolean longLiteral, boolean plainPush, int opcode) {

    /** Before the first instruction, and after a label: nothing is known about the stack. */
    static final Operand UNKNOWN = new Operand(false, false, false, -1);

    static Operand of(int opcode) {
        if (opcode >= Opcodes.ICONST_M1 && opcode <= Opcodes.ICONST_5) {
            return new Operand(true, false, true, opcode);
        }
        if (opcode == Opcodes.LCONST_0 || opcode == Opcodes.LCONST_1) {
            return new Operand(false, true, true, opcode);
        }
        // aconst_null, fconst_*, dconst_*: still a single push; xLOAD: visitVarInsn, see var().
        boolean push = opcode == Opcodes.ACONST_NULL
                || (opcode >= Opcodes.FCONST_0 && opcode <= Opcodes.DCONST_1);
        return new Operand(false, false, push, opcode);
    }

    /** bipush and sipush are literals; newarray, the other visitIntInsn, is not. */
    static Operand intInsn(int opcode) {
        boolean literal = opcode == Opcodes.BIPUSH || opcode == Opcodes.SIPUSH;
        return new Operand(literal, false, literal, opcode);
    }

    static Operand var(int opcode) {
        return new Operand(false, false, opcode >= Opcodes.ILOAD && opcode <= Opcodes.ALOAD, opcode);
    }

    static Operand field(int opcode) {
        return new Operand(false, false, opcode == Opcodes.GETSTATIC, opcode);
    }

    static Operand ldc(Object value) {
        return new Operand(value instanceof Integer, value instanceof Long, true, Opcodes.LDC);
    }

    /** Any other instruction: pops, or has another effect. */
    static Operand other(int opcode) {
        return new Operand(false, false, false, opcode);
    }
}
