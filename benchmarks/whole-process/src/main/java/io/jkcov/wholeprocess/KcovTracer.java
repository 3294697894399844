package io.jkcov.wholeprocess;

import io.jkcov.Kcov;
import io.jkcov.KcovRemote;
import io.jkcov.Mode;

/**
 * The only class of the workloads that uses jkcov's API (besides {@link FirstEnable}, which always
 * runs under the agent); see {@link Tracer#create}.
 */
final class KcovTracer implements Tracer {

    private final Kcov kcov = Kcov.open();
    private final String mode;
    private long inputs;
    private long overflows;
    private long maxCount;
    private long entries;

    public KcovTracer(String mode, long words, long sectionWords) {
        this.mode = mode;
        kcov.initTrace(words);
        switch (mode) {
            case "pc" -> kcov.enable(Mode.TRACE_PC);
            case "cmp" -> kcov.enable(Mode.TRACE_CMP);
            case "remote" -> kcov.remoteEnable(Mode.TRACE_PC, sectionWords, new long[0],
                    KcovRemote.handle(KcovRemote.SUBSYSTEM_COMMON, 1));
            default -> throw new IllegalArgumentException("unknown trace mode " + mode);
        }
    }

    @Override
    public void beforeInput() {
        kcov.reset();
    }

    @Override
    public void afterInput() {
        long n = kcov.count();
        inputs++;
        entries += n;
        if (n > maxCount) maxCount = n;
        if (kcov.overflowed()) overflows++;
    }

    @Override
    public String finish() {
        kcov.disable();
        long size = kcov.size();
        kcov.close();
        return String.format("trace=%s area_words=%d inputs=%d entries=%d max_entries_per_input=%d overflowed_inputs=%d",
                mode, size, inputs, entries, maxCount, overflows);
    }
}
