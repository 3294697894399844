package jkcovit.asmapp;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/** An application with its own ASM (9.2) on the class path: it must not see jkcov's. */
public final class AsmApp {
    public static void main(String[] args) throws Exception {
        String where = Opcodes.class.getProtectionDomain().getCodeSource().getLocation().getPath();
        boolean v19 = true;
        try {
            Opcodes.class.getField("V19"); // ASM 9.3 added it; 9.2 has none
        } catch (NoSuchFieldException e) {
            v19 = false;
        }
        int[] methods = {0};
        new ClassReader(AsmApp.class.getName()).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String desc, String sig, String[] ex) {
                methods[0]++;
                return null;
            }
        }, 0);
        System.out.println("asm " + where.substring(where.lastIndexOf('/') + 1) + " V19=" + v19 + " methods=" + methods[0]);
    }
}
