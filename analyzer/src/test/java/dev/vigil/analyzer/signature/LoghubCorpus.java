package dev.vigil.analyzer.signature;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The labelled Loghub-2k samples in {@code shared/eval/loghub-2k}, read in place: the data is
 * licensed for research only and never copied into the repository.
 */
final class LoghubCorpus {

    /** One dataset with its header layout (the log-parser benchmark's {@code log_format}). */
    enum Dataset {
        APACHE("Apache", "\\[<Time>\\] \\[<Level>\\] <Content>"),
        BGL("BGL", "<Label> <Timestamp> <Date> <Node> <Time> <NodeRepeat> <Type> <Component> <Level> <Content>"),
        HDFS("HDFS", "<Date> <Time> <Pid> <Level> <Component>: <Content>"),
        HADOOP("Hadoop", "<Date> <Time> <Level> \\[<Process>\\] <Component>: <Content>"),
        HEALTH_APP("HealthApp", "<Time>\\|<Component>\\|<Pid>\\|<Content>"),
        OPEN_SSH("OpenSSH", "<Date> <Day> <Time> <Component> sshd\\[<Pid>\\]: <Content>"),
        SPARK("Spark", "<Date> <Time> <Level> <Component>: <Content>"),
        ZOOKEEPER("Zookeeper", "<Date> <Time> - <Level>  \\[<Node>:<Component>@<Id>\\] - <Content>");

        final String dirName;
        final LogFormat format;

        Dataset(String dirName, String logFormat) {
            this.dirName = dirName;
            this.format = LogFormat.parse(logFormat);
        }
    }

    static final String MISSING = "Loghub-2k samples not found: expected shared/eval/loghub-2k in "
            + "an ancestor of the working directory or beside it (../shared/eval/loghub-2k)";

    private final Path root;

    private LoghubCorpus(Path root) {
        this.root = root;
    }

    /** Walks up from the working directory to the first {@code shared/eval/loghub-2k} in reach. */
    static Optional<LoghubCorpus> locate() {
        for (Path dir = Paths.get(System.getProperty("user.dir")).toAbsolutePath(); dir != null;
                dir = dir.getParent()) {
            for (Path candidate : List.of(dir.resolve("shared/eval/loghub-2k"),
                    dir.resolve("../shared/eval/loghub-2k").normalize())) {
                if (Files.isDirectory(candidate.resolve("HDFS"))) {
                    return Optional.of(new LoghubCorpus(candidate));
                }
            }
        }
        return Optional.empty();
    }

    /** A leave-out score's report: {@code title}, then one line per dataset, tuning and held-out apart. */
    static StringBuilder leaveOutReport(String title, List<?> tuning, List<?> heldOut) {
        StringBuilder report = new StringBuilder(title);
        report.append("\n tuning datasets:");
        tuning.forEach(s -> report.append("\n  ").append(s));
        report.append("\n held-out datasets:");
        heldOut.forEach(s -> report.append("\n  ").append(s));
        return report;
    }

    Path root() {
        return root;
    }

    List<String> rawLines(Dataset d) throws IOException {
        return Files.readAllLines(root.resolve(d.dirName).resolve(d.dirName + "_2k.log"), StandardCharsets.UTF_8);
    }

    /** Ground-truth {@code EventTemplate} of every line, in line order. */
    List<String> truthTemplates(Dataset d) throws IOException {
        return column(d, "EventTemplate");
    }

    /** The message of every line as the ground truth cuts it ({@code Content}), in line order. */
    List<String> contents(Dataset d) throws IOException {
        return column(d, LogFormat.CONTENT);
    }

    /** The ground-truth {@code Level} of every line, in line order; empty for a dataset without one. */
    List<String> levels(Dataset d) throws IOException {
        String header = Files.readAllLines(root.resolve(d.dirName).resolve(d.dirName + "_2k.log_structured.csv"),
                StandardCharsets.UTF_8).get(0);
        return List.of(header.split(",")).contains("Level") ? column(d, "Level") : List.of();
    }

    /** The ground-truth column {@code name} of every line, in line order. */
    List<String> column(Dataset d, String name) throws IOException {
        String csv = Files.readString(root.resolve(d.dirName).resolve(d.dirName + "_2k.log_structured.csv"),
                StandardCharsets.UTF_8);
        List<List<String>> rows = parseCsv(csv);
        int column = rows.get(0).indexOf(name);
        List<String> out = new ArrayList<>(rows.size() - 1);
        for (List<String> row : rows.subList(1, rows.size())) {
            out.add(row.get(column));
        }
        return out;
    }

    /** RFC 4180: comma-separated, double-quoted fields with {@code ""} for a quote. */
    static List<List<String>> parseCsv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else if (c != '\r') {
                field.append(c);
            }
        }
        if (field.length() > 0 || !row.isEmpty()) {
            row.add(field.toString());
            rows.add(row);
        }
        return rows;
    }
}
