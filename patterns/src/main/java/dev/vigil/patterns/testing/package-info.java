/**
 * The {@code test} blocks beside a pattern, as data, and how to judge a run of them.
 *
 * <p>{@link dev.vigil.patterns.testing.TestCase} holds input events at relative times ({@link
 * dev.vigil.patterns.testing.TestInput}) and the incidents they must give ({@link
 * dev.vigil.patterns.testing.ExpectedIncident}), or {@code expectNone}. Running them needs the
 * analyzer's engine: {@code vigil patterns test} feeds {@link
 * dev.vigil.patterns.testing.TestCase#events(java.time.Instant)} through the same topology the
 * analyzer runs, reduces the last state of each incident of the test's pattern to an {@link
 * dev.vigil.patterns.testing.ObservedIncident}, and prints {@link
 * dev.vigil.patterns.testing.TestVerdict#of(TestCase, java.util.List)}'s {@code report()}.
 */
package dev.vigil.patterns.testing;
