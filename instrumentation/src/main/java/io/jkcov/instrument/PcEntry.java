package io.jkcov.instrument;

/**
 * One probe inserted by the {@link Instrumenter}: a line of the PC table (docs/pc-table.md),
 * which symbolises a trace after the run the way vmlinux symbolises a kernel one.
 *
 * @param pc         the stable PC the probe records (nonzero; docs/pc-scheme.md)
 * @param kind       what the probe records
 * @param className  the class, as an internal name ({@code java/lang/String})
 * @param method     the method name ({@code <init>} and {@code <clinit>} included)
 * @param descriptor the method descriptor
 * @param sourceFile the class's SourceFile attribute, or null
 * @param line       the source line of the instruction probed, or -1 if the method has none
 */
public record PcEntry(long pc, PcEntry.Kind kind, String className, String method,
                      String descriptor, String sourceFile, int line) {

    /** What a probe records. */
    public enum Kind {
        /** Trace.pc: a basic block was entered (TRACE_PC). */
        BLOCK,
        /** An integer comparison: if_icmp, if against zero, or lcmp (TRACE_CMP). */
        CMP,
        /** A tableswitch or lookupswitch: one CMP record per case (TRACE_CMP). */
        SWITCH
    }
}
