/**
 * Carrying the common handle across threads and pools (kcov-model.md section 5; docs/remote.md):
 * a few JDK methods are rewritten so that the handle current where a task or thread is handed
 * over is captured ({@code io.jkcov.Carry.capture}) and re-entered where it runs. These hooks
 * are not coverage: they are applied whether or not JDK classes are instrumented.
 */
package io.jkcov.agent.propagation;
