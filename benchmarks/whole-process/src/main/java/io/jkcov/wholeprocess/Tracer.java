package io.jkcov.wholeprocess;

/**
 * What a workload does around its units of work ("inputs", in fuzzer terms). The no-op tracer
 * touches no jkcov class, so the same driver runs without any agent; {@link KcovTracer} is
 * loaded by name only when a jkcov configuration asks for tracing.
 */
interface Tracer {

    /** Before an input: a fuzzer resets the area here (stores 0 into area[0]). */
    void beforeInput();

    /** After an input: checks that nothing was dropped, remembers the largest trace. */
    void afterInput();

    /** Stops tracing; returns a one-line summary for the report, or "" for none. */
    String finish();

    Tracer NONE = new Tracer() {
        @Override
        public void beforeInput() {}

        @Override
        public void afterInput() {}

        @Override
        public String finish() {
            return "";
        }
    };

    /**
     * {@code none}, {@code pc} or {@code cmp} (the calling thread traces into an area of
     * {@code words} words), or {@code remote} (the calling thread owns a descriptor in remote
     * mode with a common handle, so the tasks it submits record in sections).
     */
    static Tracer create(String mode, long words, long sectionWords) {
        if (mode.equals("none")) return NONE;
        try {
            return (Tracer) Class.forName("io.jkcov.wholeprocess.KcovTracer")
                    .getConstructor(String.class, long.class, long.class)
                    .newInstance(mode, words, sectionWords);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot start jkcov tracing (is the agent loaded?): " + e, e);
        } catch (LinkageError e) {
            throw new IllegalStateException("cannot start jkcov tracing (is the agent loaded?): " + e, e);
        }
    }
}
