/**
 * The runtime's machinery, public only because instrumented code in any class loader and the
 * agent must reach it: {@link io.jkcov.internal.Trace}, the hot path instrumented code calls;
 * {@link io.jkcov.internal.Tasks}, the per-thread table it reads; {@link io.jkcov.internal.Area},
 * the mapped file. Not an API: names and signatures change with the instrumentation.
 */
package io.jkcov.internal;
