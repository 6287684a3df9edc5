package dev.vigil.analyzer.cli;

import dev.vigil.broker.VigilTopics;
import dev.vigil.patterns.library.PatternLoader;
import dev.vigil.patterns.library.PatternFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code vigil patterns push}: lints and tests pattern files, then publishes them for hot reload. */
@Command(name = "push", mixinStandardHelpOptions = true,
        header = "Lint and test pattern files with the standard library, then publish them to vigil.patterns; "
                + "running analyzers reload them without a restart.",
        footer = "A set with errors or failing tests is refused and nothing is published (exit code 1); "
                + "every error and failed test is printed. `vigil patterns withdraw NAME` takes a file back.")
final class PatternsPushCommand implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(PatternsPushCommand.class);

    @Spec
    CommandSpec spec;

    @Mixin
    KafkaOptions kafka;

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "Pattern files or folders of *.vigil files.")
    List<Path> paths;

    @Option(names = "--replace-library",
            description = "Publish a file named like a standard library file (kernel.vigil, …), which replaces "
                    + "that file's detections on every analyzer. Without it such a file is refused.")
    boolean replaceLibrary;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Map<String, String> byName = new LinkedHashMap<>();
        Map<String, String> byPath = new LinkedHashMap<>();
        try {
            PatternFiles.read(paths).forEach((p, text) -> {
                byName.put(p.getFileName().toString(), text);
                byPath.put(p.toString(), text);
            });
        } catch (IOException e) {
            err.println("vigil: error: " + e.getMessage());
            return 2;
        }
        List<String> replacing = byName.keySet().stream().filter(PatternLoader.libraryFileNames()::contains).toList();
        if (!replacing.isEmpty() && !replaceLibrary) {
            err.println("vigil: error: refused: " + String.join(", ", replacing) + " would replace the standard library's "
                    + "file of that name and its detections; rename the file, or pass --replace-library to replace it; "
                    + "nothing was published");
            return 1;
        }
        if (!replacing.isEmpty()) {
            log.warn("Replacing standard library files files={}", replacing);
        }
                // the same set and tests as `vigil patterns test --library`, fixture files read
        PatternLoader.Result loaded = PatternLoader.withLibraryTested(byPath);
        if (loaded.hasErrors()) {
            out.print(loaded.render());
            out.flush();
            err.println("vigil: error: refused: the pattern files have errors (above); nothing was published");
            return 1;
        }
        long failed = PatternTests.run(loaded.patterns(), out);
        if (failed > 0) {
            err.println("vigil: error: refused: " + failed + " test(s) failed (above); nothing was published");
            return 1;
        }
        Map<String, byte[]> records = new LinkedHashMap<>();
        byName.forEach((name, text) -> records.put(name, text.getBytes(StandardCharsets.UTF_8)));
        send(kafka, records, replaceLibrary);
        out.println("published " + byName.size() + " file(s) to " + VigilTopics.PATTERNS + ": " + String.join(", ", byName.keySet()));
        out.flush();
        return 0;
    }

    /** Writes each file name's record to the pattern topic (a null value withdraws the file), acknowledged by every replica. */
    static void send(KafkaOptions kafka, Map<String, byte[]> records) throws Exception {
        send(kafka, records, false);
    }

    /**
     * As {@link #send(KafkaOptions, Map)}; {@code replaceLibrary} marks every record with the header
     * analyzers require before a file replaces the library file of its name.
     */
    static void send(KafkaOptions kafka, Map<String, byte[]> records, boolean replaceLibrary) throws Exception {
        KafkaCluster cluster = KafkaCluster.existing(kafka);
        Map<String, Object> props = new HashMap<>(cluster.clientProperties());
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            for (Map.Entry<String, byte[]> r : records.entrySet()) {
                ProducerRecord<String, byte[]> record = new ProducerRecord<>(VigilTopics.PATTERNS, r.getKey(), r.getValue());
                if (replaceLibrary) {
                    record.headers().add(PatternFiles.REPLACE_LIBRARY_HEADER, "true".getBytes(StandardCharsets.UTF_8));
                }
                producer.send(record).get(30, TimeUnit.SECONDS);
            }
        }
    }
}
