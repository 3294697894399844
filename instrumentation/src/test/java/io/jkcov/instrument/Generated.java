package io.jkcov.instrument;

import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/** Class files that javac will not write: huge methods, jsr/ret, odd kinds of class. */
final class Generated implements Opcodes {

    private Generated() {}

    /**
     * {@code big(I)I}: {@code repeats} times "if (x != 0) x++", about 7 bytes each, so that
     * 9000 repeats fit in 64 KiB but not once probed; and {@code small(I)I}: "x > 0 ? 1 : 0"
     * with line 10 at the entry, 11 and 12 at the two returns.
     */
    static byte[] bigAndSmall(int repeats) {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES);
        cw.visit(V17, ACC_PUBLIC | ACC_FINAL | ACC_SUPER, "example/generated/Big", null,
                "java/lang/Object", null);
        MethodVisitor big = cw.visitMethod(ACC_PUBLIC | ACC_STATIC, "big", "(I)I", null, null);
        big.visitCode();
        for (int i = 0; i < repeats; i++) {
            Label next = new Label();
            big.visitVarInsn(ILOAD, 0);
            big.visitJumpInsn(IFEQ, next);
            big.visitIincInsn(0, 1);
            big.visitLabel(next);
        }
        big.visitVarInsn(ILOAD, 0);
        big.visitInsn(IRETURN);
        big.visitMaxs(0, 0);
        big.visitEnd();
        small(cw, "small");
        cw.visitEnd();
        return cw.toByteArray();
    }

    /** name(I)I: x > 0 ? 1 : 0, lines 10 (entry), 11 (then), 12 (else). */
    static void small(ClassWriter cw, String name) {
        MethodVisitor mv = cw.visitMethod(ACC_PUBLIC | ACC_STATIC, name, "(I)I", null, null);
        mv.visitCode();
        Label entry = new Label();
        Label otherwise = new Label();
        Label then = new Label();
        mv.visitLabel(entry);
        mv.visitLineNumber(10, entry);
        mv.visitVarInsn(ILOAD, 0);
        mv.visitJumpInsn(IFLE, otherwise);
        mv.visitLabel(then);
        mv.visitLineNumber(11, then);
        mv.visitInsn(ICONST_1);
        mv.visitInsn(IRETURN);
        mv.visitLabel(otherwise);
        mv.visitLineNumber(12, otherwise);
        mv.visitInsn(ICONST_0);
        mv.visitInsn(IRETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    /**
     * A class-file version 48 class (no StackMapTable; jsr and ret allowed, JVMS 4.9.1):
     * {@code sub(I)I} calls a subroutine that adds 10 to x (lines: 10 at the jsr, 20 after it,
     * 30 in the subroutine), and a {@code <clinit>} that sets {@code INIT = 7} by a branch.
     */
    static byte[] jsrRet() {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        cw.visit(V1_4, ACC_PUBLIC | ACC_SUPER, "example/generated/Jsr", null, "java/lang/Object", null);
        cw.visitField(ACC_PUBLIC | ACC_STATIC, "INIT", "I", null, null).visitEnd();
        MethodVisitor mv = cw.visitMethod(ACC_PUBLIC | ACC_STATIC, "sub", "(I)I", null, null);
        mv.visitCode();
        Label l10 = new Label();
        Label l20 = new Label();
        Label subroutine = new Label();
        mv.visitLabel(l10);
        mv.visitLineNumber(10, l10);
        mv.visitJumpInsn(JSR, subroutine);
        mv.visitLabel(l20);
        mv.visitLineNumber(20, l20);
        mv.visitVarInsn(ILOAD, 0);
        mv.visitInsn(IRETURN);
        mv.visitLabel(subroutine);
        mv.visitLineNumber(30, subroutine);
        mv.visitVarInsn(ASTORE, 1);
        mv.visitIincInsn(0, 10);
        mv.visitVarInsn(RET, 1);
        mv.visitMaxs(0, 0);
        mv.visitEnd();

        MethodVisitor clinit = cw.visitMethod(ACC_STATIC, "<clinit>", "()V", null, null);
        clinit.visitCode();
        Label set = new Label();
        clinit.visitInsn(ICONST_3);
        clinit.visitInsn(DUP);
        clinit.visitJumpInsn(IF_ICMPNE, set);
        clinit.visitIntInsn(BIPUSH, 7);
        clinit.visitFieldInsn(PUTSTATIC, "example/generated/Jsr", "INIT", "I");
        clinit.visitLabel(set);
        clinit.visitInsn(RETURN);
        clinit.visitMaxs(0, 0);
        clinit.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }

    /** A class with one trivial method, named as given (e.g. inside io/jkcov/). */
    static byte[] named(String internalName) {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES);
        cw.visit(V17, ACC_PUBLIC | ACC_SUPER, internalName, null, "java/lang/Object", null);
        small(cw, "small");
        cw.visitEnd();
        return cw.toByteArray();
    }

    static byte[] moduleInfo() {
        ClassWriter cw = new ClassWriter(0);
        cw.visit(V17, ACC_MODULE, "module-info", null, null, null);
        cw.visitModule("example.mod", 0, null).visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }

    /** An interface: an abstract method, and optionally a default method with a branch. */
    static byte[] anInterface(boolean withDefault) {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES);
        cw.visit(V17, ACC_PUBLIC | ACC_ABSTRACT | ACC_INTERFACE, "example/generated/Api", null,
                "java/lang/Object", null);
        cw.visitMethod(ACC_PUBLIC | ACC_ABSTRACT, "run", "()V", null, null).visitEnd();
        if (withDefault) {
            small(cw, "small");
        }
        cw.visitEnd();
        return cw.toByteArray();
    }
}
