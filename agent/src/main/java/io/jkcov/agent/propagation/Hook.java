package io.jkcov.agent.propagation;

/** One rewrite of one JDK method; see {@link Hooks} for the list and why each is there. */
record Hook(String owner, String method, String descriptor, Kind kind) {

    enum Kind {
        /** Capture {@code this} at entry: where a thread is started. */
        CAPTURE_THIS_AT_ENTRY,
        /** Capture the first argument at entry: where a task is submitted. */
        CAPTURE_ARG_AT_ENTRY,
        /** Capture {@code this} before each return of a constructor: where a task is made. */
        CAPTURE_THIS_AT_RETURN,
        /** Replace each {@code Runnable.run()} call with {@code Carry.run(Runnable)}. */
        RUN_TASK,
        /** Replace each {@code Runnable.run()} call with {@code Carry.runThread(Runnable)}. */
        RUN_THREAD,
        /** Replace each {@code Callable.call()} call with {@code Carry.call(Callable, this)}. */
        CALL_FUTURE,
        /**
         * Enter the context of {@code this} around each {@code exec()} call, and leave it right
         * after the call returns and at the start of each exception handler of the method.
         */
        EXEC_IN_SECTION
    }

    boolean matches(String name, String desc) {
        return method.equals(name) && descriptor.equals(desc);
    }
}
