package io.jkcov.instrument;

import java.util.List;

/**
 * Where the adapters of one method are in the ORIGINAL code: the method's index in the class
 * file, the index of the original instruction being visited, and its source line. Shared by the
 * chain; only {@link InstructionCounter}, at the head of it, advances it, so instructions the
 * adapters insert never shift the positions that PCs are derived from.
 */
final class ProbeSite {

    private final String className;
    private final String sourceFile;
    private final long classHash;
    private final List<PcEntry> pcs;
    private final int methodIndex;
    private final String method;
    private final String descriptor;

    /** Index of the original instruction being visited; -1 before the first. */
    int instruction = -1;
    /** Line of that instruction, -1 while the method has given none. */
    int line = -1;

    ProbeSite(String className, String sourceFile, long classHash, List<PcEntry> pcs,
              int methodIndex, String method, String descriptor) {
        this.className = className;
        this.sourceFile = sourceFile;
        this.classHash = classHash;
        this.pcs = pcs;
        this.methodIndex = methodIndex;
        this.method = method;
        this.descriptor = descriptor;
    }

    /** The PC of a probe of this kind at the current instruction, entered in the PC table. */
    long probe(PcEntry.Kind kind) {
        long pc = PcScheme.pc(classHash, methodIndex, instruction, kind);
        pcs.add(new PcEntry(pc, kind, className, method, descriptor, sourceFile, line));
        return pc;
    }
}
