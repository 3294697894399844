/**
 * The compiler pass: {@link io.jkcov.instrument.Instrumenter} rewrites a class file so that its
 * code calls the runtime's hot path ({@code io.jkcov.internal.Trace}), the way
 * {@code -fsanitize-coverage=trace-pc,trace-cmp} does for the kernel. Public: Instrumenter,
 * Result, PcEntry and PcTable (instrumentation-contract.md); everything else is package-private,
 * one small ASM adapter per concern.
 */
package io.jkcov.instrument;
