package io.jkcov.instrument;

import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Brackets a static initialiser with {@code Trace.enterClinit()} / {@code Trace.exitClinit()}, so
 * that nothing it runs is recorded (kcov-model.md section 8: an initialiser runs once per JVM,
 * so its coverage could never be reproduced). The exit runs before every {@code return}, and in
 * a catch-all handler that rethrows, so an initialiser that fails still resumes recording.
 *
 * <pre>
 *     invokestatic enterClinit
 *   start:                           // try {
 *     ...original code, with invokestatic exitClinit before each return...
 *   end/handler:                     // } catch (any)
 *     [frame: no locals, stack Throwable]  (class files of version 50 and later only)
 *     invokestatic exitClinit
 *     athrow
 * </pre>
 *
 * The handler must come LAST in the exception table: the JVM tries entries in order (JVMS
 * 2.10), and the original handlers must see their exceptions first. ClassReader visits all of
 * a method's try-catch blocks before its first label or instruction, so this adapter declares
 * its own on the first code event after them.
 */
final class ClinitGuard extends InstructionHook {

    private static final Object[] NO_LOCALS = {};
    private static final Object[] THROWABLE = {"java/lang/Throwable"};

    /** StackMapTable frames exist from class-file version 50 (JVMS 4.7.4); none before. */
    private final boolean frames;
    private final Label start = new Label();
    private final Label end = new Label();
    private final Label handler = new Label();
    private boolean started;

    ClinitGuard(MethodVisitor next, boolean frames) {
        super(next);
        this.frames = frames;
    }

    private void start() {
        if (!started) {
            started = true;
            super.visitTryCatchBlock(start, end, handler, null);
            TraceCalls.enterClinit(mv);
            super.visitLabel(start);
        }
    }

    @Override
    protected void beforeInstruction() {
        start();
    }

    @Override
    public void visitLabel(Label label) {
        start();
        super.visitLabel(label);
    }

    @Override
    public void visitFrame(int type, int numLocal, Object[] local, int numStack, Object[] stack) {
        start();
        super.visitFrame(type, numLocal, local, numStack, stack);
    }

    @Override
    public void visitLineNumber(int line, Label label) {
        start();
        super.visitLineNumber(line, label);
    }

    @Override
    public void visitInsn(int opcode) {
        if (opcode == Opcodes.RETURN) {
            start();
            TraceCalls.exitClinit(mv);
        }
        super.visitInsn(opcode);
    }

    @Override
    public void visitMaxs(int maxStack, int maxLocals) {
        if (started) {
            super.visitLabel(end);
            super.visitLabel(handler);
            if (frames) {
                // Follows an unconditional transfer (the code cannot fall off its end, JVMS
                // 4.9.2), so a full frame is required here (JVMS 4.10.1). No locals: TOP accepts
                // every local of every instruction in the range, so the frame fits them all.
                super.visitFrame(Opcodes.F_FULL, 0, NO_LOCALS, 1, THROWABLE);
            }
            TraceCalls.exitClinit(mv);
            super.visitInsn(Opcodes.ATHROW);
        }
        super.visitMaxs(maxStack, maxLocals);
    }
}
