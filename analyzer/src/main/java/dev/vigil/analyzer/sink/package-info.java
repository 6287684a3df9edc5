/**
 * Incident sinks: services that incidents are handed to, each fed by a {@link
 * dev.vigil.analyzer.sink.SinkRunner} reading {@code vigil.incidents} as its own consumer group.
 *
 * <p>Adding a sink: a package beside {@code alertmanager} and {@code webhook} with an {@link
 * dev.vigil.analyzer.sink.IncidentSink} (throw {@link dev.vigil.analyzer.sink.SinkException#retryable}
 * for what may pass on a later try, {@link dev.vigil.analyzer.sink.SinkException#permanent} for what
 * never will; {@link dev.vigil.analyzer.sink.HttpDelivery} sorts HTTP answers so), a command in
 * {@code cli} extending {@code SinkCommand} that builds it from its options, and one line
 * registering that command in {@code VigilCommand}. Retries, dead letters, offsets, metrics and
 * the health endpoints come with the runner and the command.
 */
package dev.vigil.analyzer.sink;
