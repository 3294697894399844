package io.jkcov.instrument;

import java.util.List;

/**
 * What {@link Instrumenter#instrument} made of one class: new bytes and their probes, or the
 * reason the class is left as it was. Immutable; the byte array is shared, not copied.
 */
public final class Result {

    private final byte[] bytes;
    private final List<PcEntry> pcs;
    private final List<String> warnings;
    private final String reason;
    private final boolean failed;

    private Result(byte[] bytes, List<PcEntry> pcs, List<String> warnings, String reason, boolean failed) {
        this.bytes = bytes;
        this.pcs = List.copyOf(pcs);
        this.warnings = List.copyOf(warnings);
        this.reason = reason;
        this.failed = failed;
    }

    /** The class is to be loaded as it is because it could not be instrumented: worth a warning. */
    public static Result unchanged(String reason) {
        return new Result(null, List.of(), List.of(), reason, true);
    }

    /** The class is to be loaded as it is because there is nothing to do (an interface, jkcov's own). */
    static Result skipped(String reason) {
        return new Result(null, List.of(), List.of(), reason, false);
    }

    static Result instrumented(byte[] bytes, List<PcEntry> pcs, List<String> warnings) {
        return new Result(bytes, pcs, warnings, null, false);
    }

    /** True when the class is unchanged because instrumenting it failed (not: nothing to do). */
    public boolean failed() {
        return failed;
    }

    /** True when {@link #bytes()} holds instrumented bytes. */
    public boolean changed() {
        return bytes != null;
    }

    /** The instrumented class file; null when unchanged. */
    public byte[] bytes() {
        return bytes;
    }

    /** Every probe inserted, in class-file order (methods, then instructions); empty when unchanged. */
    public List<PcEntry> pcs() {
        return pcs;
    }

    /** Things a user should know although the class was instrumented, e.g. a method left alone. */
    public List<String> warnings() {
        return warnings;
    }

    /** Why the class is unchanged; null when it changed. */
    public String reason() {
        return reason;
    }

    @Override
    public String toString() {
        return changed()
                ? "Result[changed, " + pcs.size() + " pcs, warnings=" + warnings + "]"
                : "Result[unchanged: " + reason + "]";
    }
}
