package dev.vigil.analyzer.topology;

import dev.vigil.analyzer.engine.MinedSignature;
import dev.vigil.analyzer.signature.MinerConfig;
import dev.vigil.analyzer.signature.TemplateMiner;
import dev.vigil.patterns.compile.PatternSet;
import dev.vigil.patterns.event.Event;
import java.time.Instant;
import java.util.Optional;

/**
 * The part of {@link InlineAnalyzer} that needs none of the engine's state: the intake (time
 * clamp, id, redaction), whether a signature pattern counts the event, its cut and the miner's
 * signature. It may run on another thread than the engine, ahead of it, as long as events go
 * through it one at a time in input order (positions and the miner's templates follow that
 * order); {@link InlineAnalyzer#process(Prepared)} then runs the engine on what it made.
 */
public final class InlineIntake {
    private final PatternSet patterns;
    private final String eventsTopic;
    private final TemplateMiner miner = new TemplateMiner(MinerConfig.defaults());
    /** Position of the next event in the input, as the topology's intake numbers records. */
    private long offset;

    /**
     * @param eventsTopic the topic events are taken to come from (part of the ids events are given)
     */
    public InlineIntake(PatternSet patterns, String eventsTopic) {
        // the engine's set: it remembers the last event's candidates per thread, so the engine, a
        // few events behind on its own thread, is not displaced by what this side asks about
        this.patterns = patterns;
        this.eventsTopic = eventsTopic;
    }

    /**
     * One event made ready for the engine.
     *
     * @param raw the event as read
     * @param receivedAt when its record reached the analyzer (as the record's time says)
     * @param position its place in the input (the offset the intake numbers it with)
     * @param event the event the engine runs (clamped, with an id, redacted); null when refused
     * @param refusal why the event is refused (its time is absurd); null when admitted
     * @param signed the event cut for signing, when a signature pattern counts it; else null
     * @param signature the miner's signature of {@code signed}; null when {@code signed} is
     * @param scan the prefilter's scan of {@code event} ({@link PatternSet#scanOf}); null when refused
     */
    public record Prepared(Event raw, Instant receivedAt, long position, Event event, String refusal, Event signed,
            MinedSignature signature, PatternSet.Scan scan) {}

    /** Admits {@code raw} and, when a signature pattern counts it, cuts and signs it. */
    public Prepared prepare(Event raw, Instant receivedAt) {
        long position = offset++;
        EventIntake.Admission admission = EventIntake.admitUnredacted(raw, receivedAt, eventsTopic, 0, position);
        if (admission.refusal() != null) {
            return new Prepared(raw, receivedAt, position, null, admission.refusal(), null, null, null);
        }
        // redacted by what the prefilter's scan found: no pass of the redactor's own over most lines,
        // which was a sixth of replay's read-ahead
        Event e = EventIntake.redactedAsScanned(admission.event(), patterns);
        // the redaction's scan when nothing was redacted, else a scan of the redacted message
        PatternSet.Scan scan = patterns.scanOf(e);
        // asked for just now, so remembered by the set: no second scan
        SignatureMiner.ToSign signing = SignatureMiner.toSign(patterns, e);
        Optional<Event> cut = signing == null ? Optional.empty() : SignatureMiner.cutToSign(e);
        if (cut.isEmpty()) {
            return new Prepared(raw, receivedAt, position, e, null, null, null, scan);
        }
        EngineInput signed = SignatureMiner.sign(miner, cut.get(), signing.textOf(e, cut.get()), signing.patterns());
        return new Prepared(raw, receivedAt, position, e, null, signed.event(), signed.signature(), scan);
    }
}
