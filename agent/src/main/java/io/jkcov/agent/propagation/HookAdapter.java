package io.jkcov.agent.propagation;

import io.jkcov.agent.propagation.Hook.Kind;
import java.util.HashSet;
import java.util.Set;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.commons.LocalVariablesSorter;

/**
 * Applies one {@link Hook} to one method. Only {@link Kind#EXEC_IN_SECTION} adds a local (the open
 * section, null while none is); {@link LocalVariablesSorter} puts it into every stack map frame
 * that follows, so no frame has to be computed (computing frames would load classes inside a
 * transformer). Its exit in a handler goes right after the handler's frame, where the stack holds
 * only the exception, and leaves the stack as it was; so no frame changes either.
 */
final class HookAdapter extends LocalVariablesSorter {
    static final String CARRY = "io/jkcov/Carry";
    private static final String SECTION = "io/jkcov/KcovRemote$Section";

    private final Kind kind;
    private final Runnable onApplied;
    private int section = -1;
    private int applied;
    /** EXEC_IN_SECTION: the method's exception handlers, a handler just visited, exits put in them. */
    private final Set<Label> handlers = new HashSet<>();
    private boolean atHandler;
    private int handlerExits;

    /** {@code onApplied} runs at the end if the hook found its place in the method. */
    HookAdapter(int api, int access, String descriptor, MethodVisitor next, Kind kind, Runnable onApplied) {
        super(api, access, descriptor, next);
        this.kind = kind;
        this.onApplied = onApplied;
    }

    @Override
    public void visitEnd() {
        if (kind == Kind.EXEC_IN_SECTION && (applied == 0) != (handlerExits == 0)) {
            // Half a hook would leave a section open when exec() throws, or close one never
            // opened: refuse the class (Propagation logs it and keeps the original bytes).
            throw new IllegalStateException("doExec has " + applied + " exec() calls and "
                    + handlerExits + " exception handlers, not the shape this hook expects");
        }
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
            case EXEC_IN_SECTION -> {
                section = newLocal(Type.getObjectType(SECTION));
                mv.visitInsn(Opcodes.ACONST_NULL);
                mv.visitVarInsn(Opcodes.ASTORE, section);
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
        }
        super.visitInsn(opcode);
    }

    @Override
    public void visitTryCatchBlock(Label start, Label end, Label handler, String type) {
        if (kind == Kind.EXEC_IN_SECTION) handlers.add(handler);
        super.visitTryCatchBlock(start, end, handler, type);
    }

    @Override
    public void visitLabel(Label label) {
        super.visitLabel(label);
        if (handlers.contains(label)) atHandler = true;
    }

    @Override
    public void visitFrame(int type, int numLocal, Object[] local, int numStack, Object[] stack) {
        super.visitFrame(type, numLocal, local, numStack, stack);
        if (atHandler) {
            // Stack: [throwable]. Ends the section if exec() threw inside it.
            atHandler = false;
            exitSection();
            handlerExits++;
        }
    }

    /** Closes the open section, if any, and forgets it, so that no path closes it twice. */
    private void exitSection() {
        mv.visitVarInsn(Opcodes.ALOAD, section);
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, CARRY, "exit", "(L" + SECTION + ";)V", false);
        mv.visitInsn(Opcodes.ACONST_NULL);
        mv.visitVarInsn(Opcodes.ASTORE, section);
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
        if (opcode == Opcodes.INVOKEVIRTUAL && owner.equals("java/util/concurrent/ForkJoinTask") && name.equals("exec")
                && descriptor.equals("()Z") && kind == Kind.EXEC_IN_SECTION) {
            // Stack: [task] -> [task, task] -> enter -> [task] -> exec() -> [completed], then the
            // section ends before doExec goes on to mark the task done.
            mv.visitInsn(Opcodes.DUP);
            mv.visitMethodInsn(Opcodes.INVOKESTATIC, CARRY, "enter", "(Ljava/lang/Object;)L" + SECTION + ";", false);
            mv.visitVarInsn(Opcodes.ASTORE, section);
            super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
            exitSection();
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
