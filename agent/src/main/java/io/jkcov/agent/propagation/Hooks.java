package io.jkcov.agent.propagation;

import io.jkcov.agent.propagation.Hook.Kind;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where the JDK hands work to another thread, on JDK 17 and later. A method missing from a JDK
 * (VirtualThread before 21, Thread.runWith before 21) is simply not found; {@code
 * PropagationTest} checks which hooks each JDK gets.
 */
final class Hooks {
    private Hooks() {}

    static final String THREAD = "java/lang/Thread";
    static final String VIRTUAL_THREAD = "java/lang/VirtualThread";
    static final String POOL = "java/util/concurrent/ThreadPoolExecutor";
    static final String FUTURE = "java/util/concurrent/FutureTask";
    static final String FORK_JOIN_TASK = "java/util/concurrent/ForkJoinTask";

    static final List<Hook> ALL = List.of(
            // A thread captures the starter's handle; its task runs in a section for it. JDK 21+
            // starts threads through start(ThreadContainer) as well as start(), and runs the task
            // of platform and virtual threads through runWith; JDK 17 runs it in run().
            new Hook(THREAD, "start", "()V", Kind.CAPTURE_THIS_AT_ENTRY),
            new Hook(THREAD, "start", "(Ljdk/internal/vm/ThreadContainer;)V", Kind.CAPTURE_THIS_AT_ENTRY),
            new Hook(VIRTUAL_THREAD, "start", "(Ljdk/internal/vm/ThreadContainer;)V", Kind.CAPTURE_THIS_AT_ENTRY),
            new Hook(THREAD, "run", "()V", Kind.RUN_THREAD),
            new Hook(THREAD, "runWith", "(Ljava/lang/Object;Ljava/lang/Runnable;)V", Kind.RUN_THREAD),
            // Executors: a task captures at submission and runs in its context in the worker.
            // ScheduledThreadPoolExecutor queues ScheduledFutureTasks without execute(), so the
            // FutureTask constructor captures too; FutureTask.run covers other executors.
            new Hook(POOL, "execute", "(Ljava/lang/Runnable;)V", Kind.CAPTURE_ARG_AT_ENTRY),
            new Hook(POOL, "runWorker", "(Ljava/util/concurrent/ThreadPoolExecutor$Worker;)V", Kind.RUN_TASK),
            new Hook(FUTURE, "<init>", "(Ljava/util/concurrent/Callable;)V", Kind.CAPTURE_THIS_AT_RETURN),
            new Hook(FUTURE, "<init>", "(Ljava/lang/Runnable;Ljava/lang/Object;)V", Kind.CAPTURE_THIS_AT_RETURN),
            new Hook(FUTURE, "run", "()V", Kind.CALL_FUTURE),
            new Hook(FUTURE, "runAndReset", "()Z", Kind.CALL_FUTURE),
            // Fork/join tasks, CompletableFuture's async stages among them, capture when made
            // (a fork inside a section captures the section's handle) and run their exec() in
            // doExec, in a section that ends before doExec marks the task done: so once join()
            // returns, the task's entries are in the owner's area. doExec catches whatever
            // exec() throws in one handler, where the section ends too.
            new Hook(FORK_JOIN_TASK, "<init>", "()V", Kind.CAPTURE_THIS_AT_RETURN),
            new Hook(FORK_JOIN_TASK, "doExec", "()I", Kind.EXEC_IN_SECTION),
            new Hook(FORK_JOIN_TASK, "doExec", "()V", Kind.EXEC_IN_SECTION));

    static final Set<String> CLASSES = ALL.stream().map(Hook::owner).collect(Collectors.toUnmodifiableSet());

    static List<Hook> of(String owner) {
        return ALL.stream().filter(h -> h.owner().equals(owner)).toList();
    }
}
