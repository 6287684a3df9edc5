package dev.vigil.analyzer.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import org.slf4j.LoggerFactory;

/** Switches logging to verbose; the quiet defaults are set by {@link LoggingSetup}. */
final class LogLevels {
    private LogLevels() {}

    static void verbose() {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext ctx)) {
            return;
        }
        ctx.getLogger("dev.vigil").setLevel(Level.DEBUG);
        for (String kafka : new String[] {"org.apache.kafka", "kafka", "state.change.logger",
                "org.apache.kafka.controller.QuorumController", "org.apache.kafka.clients.NetworkClient"}) {
            ctx.getLogger(kafka).setLevel(Level.INFO);
        }
        ctx.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(Level.INFO);
    }
}
