package dev.vigil.analyzer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator.ExecutionStatus;
import ch.qos.logback.core.ConsoleAppender;
import org.junit.jupiter.api.Test;

class LoggingSetupTest {
    @Test
    void shouldLogToStderrWithVigilAtInfoAndKafkaQuiet() {
        LoggerContext context = new LoggerContext();

        LoggingSetup.apply(context);

        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        ConsoleAppender<?> stderr = (ConsoleAppender<?>) root.getAppender("STDERR");
        assertEquals("System.err", stderr.getTarget());
        assertEquals(Level.WARN, root.getLevel());
        assertEquals(Level.INFO, context.getLogger("dev.vigil.shippers.Shipper").getEffectiveLevel());
        assertEquals(Level.WARN, context.getLogger("org.apache.kafka.clients.producer.KafkaProducer").getEffectiveLevel());
        assertEquals(Level.ERROR, context.getLogger("org.apache.kafka.clients.NetworkClient").getEffectiveLevel());
        assertEquals(Level.WARN, context.getLogger("com.example").getEffectiveLevel());
    }

    @Test
    void shouldLeaveConfigurationToATestFileOnTheClassPath() {
        // the broker's test jar puts a logback-test.xml on this module's test class path
        assertEquals(ExecutionStatus.INVOKE_NEXT_IF_ANY, new LoggingSetup().configure(new LoggerContext()));
    }
}
