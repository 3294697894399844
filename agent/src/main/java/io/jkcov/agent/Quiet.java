package io.jkcov.agent;

import io.jkcov.internal.Tasks;

/**
 * Pauses recording on the calling thread while jkcov works on it (kcov-model.md section 1:
 * nothing is recorded inside jkcov itself). With {@code jdk=true} the collections, strings and
 * I/O that ASM and the agent use are instrumented; without the pause, a class load on a tracing
 * thread would append ASM's blocks to the application's trace. The pause nests, so a transform
 * inside a static initialiser (itself paused) resumes to the right depth.
 */
final class Quiet {

    private Quiet() {}

    static void pause() {
        Tasks.pause();
    }

    static void resume() {
        Tasks.resume();
    }
}
