/**
 * jkcov's public API: {@link io.jkcov.Kcov} descriptors, their {@link io.jkcov.Mode}s and
 * {@link io.jkcov.KcovException}. It behaves as Linux KCOV's ioctl interface does
 * (kcov-model.md section 4); docs/kcov-api.md lists every call and error.
 */
package io.jkcov;
