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
    void shouldDateEveryTextLineAndWriteOneJsonObjectPerLineOnRequest() throws Exception {
        LoggerContext context = new LoggerContext();
        LoggingSetup.apply(context);
        ch.qos.logback.classic.spi.LoggingEvent event = new ch.qos.logback.classic.spi.LoggingEvent("x",
                context.getLogger("dev.vigil.shippers.Shipper"), Level.INFO, "Shipper started host={}", null,
                new Object[] {"web-1"});
        event.setTimeStamp(java.time.Instant.parse("2026-02-08T21:41:48.120Z").toEpochMilli());
        event.setThreadName("main");

        String text = new String(encoder(context).encode(event), java.nio.charset.StandardCharsets.UTF_8);
        LoggingSetup.useJson(context);
        String json = new String(encoder(context).encode(event), java.nio.charset.StandardCharsets.UTF_8);

        assertEquals(true, text.matches("2026-02-0[89] \\d\\d:\\d\\d:48\\.120 INFO  Shipper - Shipper started host=web-1\\R"), text);
        assertEquals("{\"ts\":\"2026-02-08T21:41:48.120Z\",\"level\":\"INFO\",\"logger\":\"dev.vigil.shippers.Shipper\","
                + "\"thread\":\"main\",\"message\":\"Shipper started host=web-1\"}\n", json);
    }

    @SuppressWarnings("unchecked")
    private static ch.qos.logback.core.encoder.Encoder<ch.qos.logback.classic.spi.ILoggingEvent> encoder(LoggerContext context) {
        return ((ConsoleAppender<ch.qos.logback.classic.spi.ILoggingEvent>) context.getLogger(Logger.ROOT_LOGGER_NAME)
                .getAppender("STDERR")).getEncoder();
    }

    @Test
    void shouldLeaveConfigurationToATestFileOnTheClassPath() {
        // the broker's test jar puts a logback-test.xml on this module's test class path
        assertEquals(ExecutionStatus.INVOKE_NEXT_IF_ANY, new LoggingSetup().configure(new LoggerContext()));
    }
}
