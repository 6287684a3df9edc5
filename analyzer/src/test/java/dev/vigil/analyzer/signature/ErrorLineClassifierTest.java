package dev.vigil.analyzer.signature;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.patterns.event.Event;
import dev.vigil.patterns.event.Source;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ErrorLineClassifierTest {

    private static final Instant T0 = Instant.parse("2026-02-08T09:04:45Z");
    private final ErrorLineClassifier classifier = new ErrorLineClassifier();

    private static Event journal(Integer priority, String message) {
        return Event.builder("h1", Source.JOURNALD, T0, message).priority(priority).build();
    }

    private static Event file(String message) {
        return Event.builder("h1", Source.FILE, T0, message).file("/var/log/app.log").build();
    }

    @Test
    void shouldTakeJournalAndKernelPriorityErrAndBelowAsErrors() {
        assertTrue(classifier.isError(journal(3, "Failed to start rivet-worker.service.")));
        assertTrue(classifier.isError(Event.builder("h1", Source.KERNEL, T0, "Out of memory: Killed process 4242")
                .priority(0).build()));
        assertFalse(classifier.isError(journal(4, "ERROR in a warning-level record")));
        assertFalse(classifier.isError(journal(6, "Started rivet-worker.service.")));
    }

    @Test
    void shouldJudgeFileLinesByTheirLevelWord() {
        assertTrue(classifier.isError(file("2026-02-08 09:37:12 ERROR Failed to create environment")));
        assertTrue(classifier.isError(file("[Sun Dec 04 04:47:44 2005] [error] mod_jk child workerEnv in error state 6")));
        assertTrue(classifier.isError(file("level=fatal msg=\"cannot bind\"")));
        assertTrue(classifier.isError(file("CRITICAL: disk full")));
        assertFalse(classifier.isError(file("2026-02-08 09:37:12 INFO instruction cache parity error corrected")));
        assertFalse(classifier.isError(file("2026-02-08 09:37:12 INFO 0 ERRORS found")));
    }

    @Test
    void shouldTakeTheLastLineOfATracebackNotItsFirst() {
        assertTrue(classifier.isError(file("ModuleNotFoundError: No module named 'asyncpg'")));
        assertTrue(classifier.isError(file("java.lang.IllegalStateException: closed")));
        assertFalse(classifier.isError(file("Traceback (most recent call last):")));
        assertFalse(classifier.isError(file("  File \"/srv/rivet/worker.py\", line 3, in <module>")));
    }

    @Test
    void shouldJudgeJournalLinesWithoutPriorityByText() {
        assertTrue(classifier.isError(journal(null, "RuntimeError: No available ports for new environment")));
        assertFalse(classifier.isError(journal(null, "worker started")));
    }

    @Test
    void shouldNeverTakeShipperObservationsAsErrors() {
        assertFalse(classifier.isError(Event.builder("h1", Source.SHIPPER, T0, "ERROR heartbeat")
                .identifier("heartbeat").build()));
    }
}
