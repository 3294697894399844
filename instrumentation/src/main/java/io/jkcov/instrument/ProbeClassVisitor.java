package io.jkcov.instrument;

import java.util.BitSet;
import java.util.List;
import java.util.Set;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Puts the method adapters in place, method by method. The chain for a method with code:
 * <pre>
 *   ClassReader -> InstructionCounter -> BlockProbes -> CmpProbes -> ClassWriter
 * </pre>
 * and for {@code <clinit>} under {@link Instrumenter.Clinit#SKIP}, only {@link ClinitGuard}:
 * nothing inside an initialiser is recorded then, so its blocks would be PCs no trace can hold.
 * A method that is skipped gets the writer's own visitor, which lets ASM copy it byte for byte.
 */
final class ProbeClassVisitor extends ClassVisitor {

    private final Instrumenter.Clinit clinit;
    private final long classHash;
    private final List<BitSet> blockStarts;
    private final Set<String> leftAlone;
    private final List<PcEntry> pcs;

    private String className;
    private String sourceFile;
    private boolean frames;
    private int methodIndex;
    private int methodsChanged;

    /**
     * @param leftAlone   methods (name + descriptor) to copy unchanged, e.g. too large once probed
     * @param pcs         receives every probe inserted, in class-file order
     */
    ProbeClassVisitor(ClassVisitor next, Instrumenter.Clinit clinit, long classHash,
                      List<BitSet> blockStarts, Set<String> leftAlone, List<PcEntry> pcs) {
        super(Opcodes.ASM9, next);
        this.clinit = clinit;
        this.classHash = classHash;
        this.blockStarts = blockStarts;
        this.leftAlone = leftAlone;
        this.pcs = pcs;
    }

    /** How many methods got at least one adapter. */
    int methodsChanged() {
        return methodsChanged;
    }

    @Override
    public void visit(int version, int access, String name, String signature, String superName,
                      String[] interfaces) {
        className = name;
        // The low 16 bits are the major version (ASM puts the minor in the high ones).
        frames = (version & 0xFFFF) >= Opcodes.V1_6;
        super.visit(version, access, name, signature, superName, interfaces);
    }

    @Override
    public void visitSource(String source, String debug) {
        sourceFile = source; // ClassReader visits the source before any method
        super.visitSource(source, debug);
    }

    @Override
    public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                     String[] exceptions) {
        int index = methodIndex++;
        MethodVisitor writer = super.visitMethod(access, name, descriptor, signature, exceptions);
        if (writer == null || !Eligibility.hasCode(access) || Eligibility.isBridge(access)
                || leftAlone.contains(name + descriptor)) {
            return writer;
        }
        methodsChanged++;
        if (name.equals("<clinit>") && clinit == Instrumenter.Clinit.SKIP) {
            return new ClinitGuard(writer, frames);
        }
        ProbeSite site = new ProbeSite(className, sourceFile, classHash, pcs, index, name, descriptor);
        MethodVisitor chain = new CmpProbes(writer, site);
        chain = new BlockProbes(chain, site, blockStarts.get(index));
        return new InstructionCounter(chain, site);
    }
}
