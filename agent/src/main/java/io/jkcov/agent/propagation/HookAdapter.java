package io.jkcov.agent.propagation;

import io.jkcov.agent.propagation.Hook.Kind;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.commons.LocalVariablesSorter;

/**
 * Applies one {@link Hook} to one method. Only {@link Kind#ENTER_THIS} adds a local (the open
 * section); {@link LocalVariablesSorter} puts it into every stack map frame that follows, so no
 * frame has to be computed (computing frames would load classes inside a transformer).
 */
final class HookAdapter extends LocalVariablesSorter {
    static final String CARRY = "io/jkcov/Carry";
    private static final String SECTION = "io/jkcov/KcovRemote$Section";

    private final Kind kind;
    private final Runnable onApplied;
    private int section = -1;
    private int applied;

    /** {@code onApplied} runs at the end if the hook found its place in the method. */
    HookAdapter(int api, int access, String descriptor, MethodVisitor next, Kind kind, Runnable onApplied) {
        super(api, access, descriptor, next);
        this.kind = kind;
        this.onApplied = onApplied;
    }

    @Override
    public void visitEnd() {
        if (applied > 0) onApplied.run();
        super.visitEnd();
    }

    @Override
    public void visitCode() {
        super.visitCode();
        switch (kind) {
            case CAPTURE_THIS_AT_ENTRY -> {
                mv.visitVarInsn(Opcodes.ALOAD, 0);
                capture();
            }
            case CAPTURE_ARG_AT_ENTRY -> {
                mv.visitVarInsn(Opcodes.ALOAD, 1);
                capture();
            }
            case ENTER_THIS -> {
                section = newLocal(Type.getObjectType(SECTION));
                mv.visitVarInsn(Opcodes.ALOAD, 0);
                mv.visitMethodInsn(Opcodes.INVOKESTATIC, CARRY, "enter", "(Ljava/lang/Object;)L" + SECTION + ";", false);
                mv.visitVarInsn(Opcodes.ASTORE, section);
                applied++;
            }
            default -> { }
        }
    }

    @Override
    public void visitInsn(int opcode) {
        boolean isReturn = opcode >= Opcodes.IRETURN && opcode <= Opcodes.RETURN;
        if (isReturn && kind == Kind.CAPTURE_THIS_AT_RETURN) {
            mv.visitVarInsn(Opcodes.ALOAD, 0);
            capture();
        } else if (isReturn && kind == Kind.ENTER_THIS) {
            mv.visitVarInsn(Opcodes.ALOAD, section);
            mv.visitMethodInsn(Opcodes.INVOKESTATIC, CARRY, "exit", "(L" + SECTION + ";)V", false);
        }
        super.visitInsn(opcode);
    }

    @Override
    public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
        if (opcode == Opcodes.INVOKEINTERFACE && owner.equals("java/lang/Runnable") && name.equals("run")
                && (kind == Kind.RUN_TASK || kind == Kind.RUN_THREAD)) {
            // Stack: [task] -> Carry.run(task) or Carry.runThread(task), which call task.run().
            String target = kind == Kind.RUN_TASK ? "run" : "runThread";
            mv.visitMethodInsn(Opcodes.INVOKESTATIC, CARRY, target, "(Ljava/lang/Runnable;)V", false);
            applied++;
            return;
        }
        if (opcode == Opcodes.INVOKEINTERFACE && owner.equals("java/util/concurrent/Callable") && name.equals("call")
                && kind == Kind.CALL_FUTURE) {
            // Stack: [callable] -> [callable, this] -> Carry.call(callable, this): Object.
            mv.visitVarInsn(Opcodes.ALOAD, 0);
            mv.visitMethodInsn(Opcodes.INVOKESTATIC, CARRY, "call",
                    "(Ljava/util/concurrent/Callable;Ljava/lang/Object;)Ljava/lang/Object;", false);
            applied++;
            return;
        }
        super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
    }

    private void capture() {
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, CARRY, "capture", "(Ljava/lang/Object;)V", false);
        applied++;
    }
}
