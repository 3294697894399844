package io.jkcov.instrument;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassTooLargeException;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodTooLargeException;

/**
 * The compiler pass: rewrites one class file so that its code calls the runtime's hot path
 * (kcov-model.md sections 3 and 6; instrumentation-contract.md). Stateless, so thread-safe.
 *
 * <p>Frames are kept, not recomputed: ClassWriter.COMPUTE_MAXS only. Computing frames would need
 * the class hierarchy, i.e. class loading inside a transformer. Every inserted sequence is
 * therefore stack-neutral where a frame applies and adds no branch, except the static
 * initialiser's handler, whose frame {@link ClinitGuard} writes itself.
 */
public final class Instrumenter {

    /** What to do with static initialisers. */
    public enum Clinit {
        /** Default: record nothing while a class initialises (kcov-model.md section 8). */
        SKIP,
        /** Record initialisers like any other code: their blocks are probed, nothing paused. */
        RECORD
    }

    private final Clinit clinit;

    public Instrumenter(Clinit clinit) {
        if (clinit == null) {
            throw new NullPointerException("clinit");
        }
        this.clinit = clinit;
    }

    /** Never throws for bad class bytes: returns {@link Result#unchanged} instead. Thread-safe. */
    public Result instrument(byte[] classBytes) {
        try {
            return rewrite(classBytes);
        } catch (Throwable t) {
            // Transformers must not throw (the JVM drops the exception and the class with it),
            // so anything unexpected leaves the class as it was, with a reason to log.
            return Result.unchanged("cannot instrument: " + t);
        }
    }

    private Result rewrite(byte[] classBytes) {
        if (classBytes == null) {
            return Result.unchanged("no class bytes");
        }
        ClassReader reader = new ClassReader(classBytes);
        String skipped = Eligibility.whySkipped(reader.getClassName(), reader.getAccess());
        if (skipped != null) {
            return Result.skipped(skipped);
        }
        long classHash = ClassHash.of(classBytes);
        List<BitSet> blockStarts = BlockStarts.scan(reader);
        Set<String> leftAlone = new LinkedHashSet<>();
        List<String> warnings = new ArrayList<>();
        while (true) {
            List<PcEntry> pcs = new ArrayList<>();
            // Passing the reader lets ASM keep the constant pool and copy untouched methods as is.
            ClassWriter writer = new ClassWriter(reader, ClassWriter.COMPUTE_MAXS);
            ProbeClassVisitor probes =
                    new ProbeClassVisitor(writer, clinit, classHash, blockStarts, leftAlone, pcs);
            reader.accept(probes, 0);
            if (probes.methodsChanged() == 0) {
                if (leftAlone.isEmpty()) {
                    return Result.skipped("no method with code to instrument");
                }
                return Result.unchanged("every method with code is too large once instrumented: " + warnings);
            }
            try {
                return Result.instrumented(writer.toByteArray(), pcs, warnings);
            } catch (MethodTooLargeException e) {
                // JVMS 4.7.3: code_length < 65536. The method is copied unchanged next time;
                // the PCs of the others do not move, since they depend on the original bytes.
                String method = e.getMethodName() + e.getDescriptor();
                if (!leftAlone.add(method)) {
                    throw e; // copied unchanged, yet too large: cannot be our doing
                }
                warnings.add(reader.getClassName() + "." + method + " left uninstrumented: its code"
                        + " would be " + e.getCodeSize() + " bytes, over the 65535 of JVMS 4.7.3");
            } catch (ClassTooLargeException e) {
                // JVMS 4.1: constant_pool_count is a u2, and every PC is a new long constant.
                // Leave alone the method with the most probes, and try again.
                String method = mostProbed(pcs, leftAlone);
                if (method == null) {
                    throw e;
                }
                leftAlone.add(method);
                warnings.add(reader.getClassName() + "." + method + " left uninstrumented: its"
                        + " probes overflow the 65535-entry constant pool of JVMS 4.1");
            }
        }
    }

    private static String mostProbed(List<PcEntry> pcs, Set<String> leftAlone) {
        Map<String, Integer> counts = new HashMap<>();
        String most = null;
        int max = 0;
        for (PcEntry e : pcs) {
            String method = e.method() + e.descriptor();
            int n = counts.merge(method, 1, Integer::sum);
            if (n > max && !leftAlone.contains(method)) {
                max = n;
                most = method;
            }
        }
        return most;
    }
}
