/**
 * Compiled patterns: the model the analyzer runs, with no trace of the syntax.
 *
 * <h2>Loading</h2>
 * {@code PatternLoader.load(paths)} (package {@code library}) or {@code
 * PatternLoader.fromSources(fileName -> text)} gives a {@link dev.vigil.patterns.compile.PatternSet}
 * and every diagnostic; refuse a set whose result {@code hasErrors()}. Everything in the set is
 * immutable and thread-safe; regexes are compiled once (RE2/J, linear time).
 *
 * <h2>Per event</h2>
 * <ol>
 *   <li>{@link dev.vigil.patterns.compile.PatternSet#candidates(dev.vigil.patterns.event.Event)}:
 *       the only patterns that can match (one Aho-Corasick pass over the message).</li>
 *   <li>For each candidate {@code p}: {@code p.steps()} and {@link
 *       dev.vigil.patterns.compile.Step#match(dev.vigil.patterns.event.Event)} give the captures
 *       ({@link dev.vigil.patterns.compile.Match}); {@code p.match(e)} is the first step.</li>
 *   <li>The group key is {@code host} plus {@link
 *       dev.vigil.patterns.compile.CompiledPattern#groupKey(dev.vigil.patterns.event.Event,
 *       dev.vigil.patterns.compile.Match)}; for SIGNATURE also the mined template of the message.</li>
 * </ol>
 *
 * <h2>Per kind ({@link dev.vigil.patterns.compile.CompiledPattern#kind()})</h2>
 * <ul>
 *   <li>MATCH: every match opens or updates the episode of its group key; without {@code group
 *       by} the key is the host alone. Captures accumulate over an episode's events (a later
 *       line fills what an earlier one lacked: the OOM lines of one kill).</li>
 *   <li>THRESHOLD / SIGNATURE: {@link dev.vigil.patterns.compile.Threshold}: count (or distinct
 *       count of {@code distinctOf()}) per key in a sliding {@code window()}; fires once when it
 *       reaches {@code min()}, then updates the same incident.</li>
 *   <li>SEQUENCE: {@link dev.vigil.patterns.compile.SequenceSpec}: events matching steps 0..n in
 *       order, all within {@code within()} of the first, equal group key, every {@link
 *       dev.vigil.patterns.compile.Join} holding ({@link
 *       dev.vigil.patterns.compile.CompiledPattern#value(String, dev.vigil.patterns.event.Event,
 *       dev.vigil.patterns.compile.Match)} reads a join side).</li>
 *   <li>ABSENCE: {@link dev.vigil.patterns.compile.AbsenceSpec}: the step selects a stream's
 *       events (one stream per group key); {@code silenceAfter(usualGap)} is how long it may be
 *       quiet; {@code isGraceful(lastEvent)}; {@code whileHostAlive()} gates on host life.</li>
 * </ul>
 * All kinds: an episode resolves after {@link dev.vigil.patterns.compile.CompiledPattern#quiet()}
 * without a match; {@code renotify()} re-sends a firing incident; {@link
 * dev.vigil.patterns.compile.CauseSpec} (when present) says which earlier lines to keep per
 * {@code sameField()} value and attach as the probable cause ({@code filter().matches(e)} runs on
 * every event, it is not prefiltered).
 *
 * <h2>Output</h2>
 * {@code type()}, {@code severity()}, {@code subject()}, {@code summary()} and {@code labels()}
 * ({@link dev.vigil.patterns.compile.Template#render(java.util.Map)}) over {@link
 * dev.vigil.patterns.compile.CompiledPattern#variables(dev.vigil.patterns.event.Event,
 * dev.vigil.patterns.compile.Match)} plus the engine's own: {@code count}, {@code distinct},
 * {@code window}, {@code first_seen}, {@code last_seen}, {@code cause}, {@code template}
 * (SIGNATURE), {@code silence} (ABSENCE) and {@code step.name} values (SEQUENCE).
 *
 * <h2>Reload</h2>
 * {@link dev.vigil.patterns.compile.CompiledPattern#fingerprint()} depends only on what the
 * pattern detects (not comments, layout, tests or wording): keep the state of a pattern whose
 * name and fingerprint are unchanged, and render with its new wording.
 *
 * <h2>Tests</h2>
 * {@link dev.vigil.patterns.compile.CompiledPattern#tests()}: see package {@code testing}.
 */
package dev.vigil.patterns.compile;
