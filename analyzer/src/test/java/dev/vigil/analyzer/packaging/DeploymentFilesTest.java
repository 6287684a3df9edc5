package dev.vigil.analyzer.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.vigil.analyzer.cli.VigilCommandAccess;
import dev.vigil.analyzer.sink.DebianTool;
import dev.vigil.broker.EmbeddedKafkaConfig;
import dev.vigil.broker.VigilTopics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml and the systemd units, validated by docker-compose itself and checked against
 * the embedded broker's defaults and Vigil's own command line: the same ports, partitions and
 * Kafka version, and only options the commands know.
 */
class DeploymentFilesTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static JsonNode compose;

    @BeforeAll
    static void renderCompose() throws Exception {
        Optional<Path> tool = DebianTool.find("docker-compose", "docker-compose");
        assumeTrue(tool.isPresent(), DebianTool.missing("docker-compose", "docker-compose"));
        Process p = new ProcessBuilder(tool.get().toString(), "-f", ROOT.resolve("docker-compose.yml").toString(), "config")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "docker-compose config finishes");
        assertEquals(0, p.exitValue(), "docker-compose config refused the file:\n" + out);
        compose = YAML.readTree(out);
    }

    @Test
    void kafkaShouldBeTheEmbeddedBrokersTwinOnOneKraftNode() throws IOException {
        JsonNode kafka = compose.get("services").get("kafka");
        Map<String, String> env = env(kafka);
        Matcher version = Pattern.compile("<kafka.version>([^<]+)</kafka.version>").matcher(Files.readString(ROOT.resolve("pom.xml")));
        assertTrue(version.find());

        assertEquals("apache/kafka:" + version.group(1), kafka.get("image").asText(), "the Kafka Vigil is built and tested with");
        assertEquals("broker,controller", env.get("KAFKA_PROCESS_ROLES"));
        int port = EmbeddedKafkaConfig.DEFAULT_PORT;
        assertTrue(env.get("KAFKA_LISTENERS").contains("EXTERNAL://:" + port), env.get("KAFKA_LISTENERS"));
        assertTrue(env.get("KAFKA_ADVERTISED_LISTENERS").contains("EXTERNAL://localhost:" + port));
        assertEquals("127.0.0.1:" + port + ":" + port + "/tcp", kafka.get("ports").get(0).asText(), "./vigil tail works from the host");
        assertTrue(env.get("KAFKA_LISTENERS").contains("CONTROLLER://:" + (port + 10000)), "the embedded controller's port");
        assertEquals(String.valueOf(VigilTopics.DEFAULT_EVENT_PARTITIONS), env.get("KAFKA_NUM_PARTITIONS"));
    }

    @Test
    void everyVigilServiceShouldRunACommandVigilAcceptsOnTheComposeKafka() {
        String internal = internalBootstrap();
        List<String> checked = new ArrayList<>();
        compose.get("services").fields().forEachRemaining(service -> {
            if (!service.getValue().path("image").asText().startsWith("vigil:")) {
                return;
            }
            List<String> args = new ArrayList<>();
            service.getValue().get("command").forEach(a -> args.add(a.asText()));
            VigilCommandAccess.parse(args.toArray(String[]::new)); // throws on an unknown option
            assertEquals(internal, args.get(args.indexOf("--bootstrap-servers") + 1), service.getKey());
            checked.add(args.get(0));
        });
        assertEquals(List.of("alertmanager", "analyze", "ship"), checked.stream().sorted().toList());
    }

    @Test
    void theBridgeShouldPostToTheComposeAlertmanager() {
        JsonNode bridge = compose.get("services").get("bridge");
        List<String> args = new ArrayList<>();
        bridge.get("command").forEach(a -> args.add(a.asText()));
        String published = compose.get("services").get("alertmanager").get("ports").get(0).asText(); // 127.0.0.1:9093:9093/tcp
        String containerPort = published.replaceAll(".*:(\\d+)/tcp$", "$1");

        assertEquals("http://alertmanager:" + containerPort, args.get(args.indexOf("--url") + 1));
        assertTrue(compose.get("services").get("shipper").get("devices").get(0).asText().equals("/dev/kmsg:/dev/kmsg:r"),
                "the kernel log, read-only");
        assertTrue(compose.get("services").get("shipper").get("volumes").toString().contains("/var/log/journal:ro"),
                "the host's journal, read-only");
    }

    @Test
    void systemdUnitsShouldRunCommandsVigilAcceptsWithTheMetricsPortsOfTheComposeFile() throws IOException {
        Map<String, String> composePorts = new HashMap<>();
        compose.get("services").fields().forEachRemaining(s -> {
            JsonNode cmd = s.getValue().get("command");
            if (s.getValue().path("image").asText().startsWith("vigil:")) {
                List<String> args = new ArrayList<>();
                cmd.forEach(a -> args.add(a.asText()));
                composePorts.put(args.get(0), args.get(args.indexOf("--metrics-port") + 1));
            }
        });
        for (String unit : List.of("vigil-analyzer.service", "vigil-alertmanager.service", "vigil-shipper.service")) {
            String text = Files.readString(ROOT.resolve("packaging").resolve(unit));
            Matcher exec = Pattern.compile("(?m)^ExecStart=/usr/local/bin/vigil (.+)$").matcher(text);
            assertTrue(exec.find(), unit);
            // the unit's variables with sample values, as systemd would expand them
            String line = exec.group(1).replaceAll("\\$\\{[A-Z_]+URL\\}", "http://localhost:9093")
                    .replaceAll("\\$\\{[A-Z_]+\\}", "x").replaceAll("\\$[A-Z_]+", "").trim();
            String[] args = line.split("\\s+");
            VigilCommandAccess.parse(args);
            int port = List.of(args).indexOf("--metrics-port");
            if (port >= 0) {
                assertEquals(composePorts.get(args[0]), args[port + 1], unit + " and docker-compose.yml agree");
            }
        }
    }

    private static String internalBootstrap() {
        String advertised = env(compose.get("services").get("kafka")).get("KAFKA_ADVERTISED_LISTENERS");
        return advertised.replaceAll(".*INTERNAL://([^,]+).*", "$1");
    }

    private static Map<String, String> env(JsonNode service) {
        Map<String, String> env = new HashMap<>();
        service.get("environment").fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
        return env;
    }
}
