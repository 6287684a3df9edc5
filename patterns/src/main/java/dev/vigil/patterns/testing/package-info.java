/**
 * The {@code test} blocks beside a pattern, as data: {@link dev.vigil.patterns.testing.TestCase}
 * holds input events at relative times ({@link dev.vigil.patterns.testing.TestInput}) and the
 * incidents they must give ({@link dev.vigil.patterns.testing.ExpectedIncident}). Running them
 * needs the analyzer's engine: {@code vigil patterns test} feeds {@link
 * dev.vigil.patterns.testing.TestCase#events(java.time.Instant)} through the same topology the
 * analyzer runs and compares the incidents' last states with the expectations.
 */
package dev.vigil.patterns.testing;
