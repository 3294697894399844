/**
 * Target classes for the instrumentation tests: ordinary Java whose blocks and comparisons are
 * known. Lines that a test expects in a trace carry a {@code // #tag} comment, which the tests
 * turn into a line number (Markers), so no line number is written twice.
 *
 * <p>Deliberately NOT under io.jkcov: the instrumenter never touches jkcov's own packages.
 */
package example.targets;
