package dev.vigil.analyzer.topology;

import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.internals.InternalProcessorContext;
import org.apache.kafka.streams.processor.internals.ProcessorNode;
import org.apache.kafka.streams.processor.internals.ProcessorRecordContext;

/**
 * Forwards a processor's records from its commit hook ({@link CommitHookStore}), where no record
 * is being processed, as Kafka Streams' caching stores forward what they flush at the same
 * moment: the context is told which node forwards (the one that was initialised with it) and
 * which input record the output stands for (the last one this processor remembered). The
 * Processor API has no step before a commit, so this leans on Kafka Streams' internal context, as
 * {@code CommitHookStore} leans on its store wrappers; a context that is not one (a test's mock)
 * forwards as it is.
 */
final class CommitForwarder {
    private final ProcessorContext<String, Object> context;
    private final InternalProcessorContext<String, Object> internal;
    private final ProcessorNode<?, ?, ?, ?> node;
    private ProcessorRecordContext last;

    /** For the processor being initialised with {@code context}: call it from {@code init}. */
    CommitForwarder(ProcessorContext<String, Object> context) {
        this.context = context;
        this.internal = context instanceof InternalProcessorContext<String, Object> i ? i : null;
        this.node = internal == null ? null : internal.currentNode();
    }

    /** Remembers the input record being processed: what is forwarded at the commit stands for it. */
    void remember() {
        if (internal != null) {
            last = internal.recordContext();
        }
    }

    /** Forwards {@code record} to the child {@code child}, from processing or from the commit hook. */
    void forward(Record<String, Object> record, String child) {
        if (internal == null || internal.currentNode() == node) {
            context.forward(record, child);
            return;
        }
        ProcessorNode<?, ?, ?, ?> previousNode = internal.currentNode();
        ProcessorRecordContext previousRecord = internal.recordContext();
        internal.setCurrentNode(node);
        if (last != null) {
            internal.setRecordContext(last);
        }
        try {
            context.forward(record, child);
        } finally {
            internal.setCurrentNode(previousNode);
            internal.setRecordContext(previousRecord);
        }
    }
}
