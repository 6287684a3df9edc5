package dev.vigil.analyzer.signature;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/** Kafka serde of {@link TemplateMinerState}, for a changelogged state store; see {@link MinerStateCodec}. */
public final class MinerStateSerde implements Serde<TemplateMinerState> {

    @Override
    public Serializer<TemplateMinerState> serializer() {
        return (topic, state) -> state == null ? null : MinerStateCodec.encode(state);
    }

    @Override
    public Deserializer<TemplateMinerState> deserializer() {
        return (topic, data) -> {
            if (data == null) {
                return null;
            }
            try {
                return MinerStateCodec.decode(data);
            } catch (IllegalArgumentException e) {
                throw new SerializationException("topic=" + topic + ": " + e.getMessage(), e);
            }
        };
    }
}
