package dev.vigil.analyzer.cli;

import dev.vigil.broker.BrokerCredentials;
import dev.vigil.broker.VigilPrincipal;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import picocli.CommandLine.Option;

/**
 * How to reach Kafka: a cluster named by {@code --bootstrap-servers}, else Vigil's own broker on
 * 127.0.0.1 ({@code vigil run} starts it; every other command connects to it).
 */
final class KafkaOptions {
    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT[,…]",
            description = "Kafka cluster to use. Without it: Vigil's own broker on 127.0.0.1:--kafka-port, which "
                    + "'vigil run' starts and the other commands connect to.")
    String bootstrapServers;

    @Option(names = "--kafka-port", paramLabel = "PORT", defaultValue = "9092",
            description = "Port of Vigil's own broker on 127.0.0.1 when no --bootstrap-servers is given; its controller "
                    + "listens 10000 above (default: ${DEFAULT-VALUE}).")
    int kafkaPort;

    @Option(names = "--kafka-config", paramLabel = "FILE",
            description = "Kafka client properties (security.protocol, sasl.*, ssl.*…) passed to every client "
                    + "(default with Vigil's own broker: the login of the command's user in <data-dir>/kafka/credentials).")
    Path kafkaConfig;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Vigil's data folder: 'vigil run' keeps its broker's data and logins there, the analyzer its "
                    + "state, the shipper its read positions (default: $XDG_DATA_HOME/vigil or ~/.local/share/vigil).")
    Path dataDir;

    /** The data folder: the option, else the user's XDG data dir. */
    Path dataDir() {
        if (dataDir != null) {
            return dataDir;
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".local", "share");
        return base.resolve("vigil");
    }

    /** True when Vigil must start its own broker. */
    boolean embedded() {
        return bootstrapServers == null || bootstrapServers.isBlank();
    }

    /** The embedded broker's data folder. */
    Path brokerDataDir() {
        return dataDir().resolve("kafka");
    }

    /**
     * The properties of a client acting as {@code principal}: the {@code --kafka-config} file when
     * given; else, for the embedded broker, that principal's login from the data folder (none when
     * the broker there runs without authentication); else none.
     */
    Map<String, String> clientProperties(VigilPrincipal principal) {
        if (kafkaConfig == null) {
            return embedded() ? BrokerCredentials.clientPropertiesIn(brokerDataDir(), principal).orElse(Map.of()) : Map.of();
        }
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(kafkaConfig)) {
            p.load(in);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read --kafka-config " + kafkaConfig + ": " + e.getMessage(), e);
        }
        Map<String, String> out = new TreeMap<>();
        p.stringPropertyNames().forEach(k -> out.put(k, p.getProperty(k)));
        out.remove(BrokerCredentials.PASSWORD_KEY); // a credentials file given as --kafka-config
        return out;
    }
}
