package dev.vigil.analyzer.cli;

import dev.vigil.analyzer.signature.HeaderStripper;
import dev.vigil.analyzer.signature.LogFormat;
import dev.vigil.analyzer.signature.MinerConfig;
import dev.vigil.analyzer.signature.Signature;
import dev.vigil.analyzer.signature.TemplateCount;
import dev.vigil.analyzer.signature.TemplateMiner;
import dev.vigil.shippers.file.Compression;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code vigil signatures FILE…}: the message templates in logs, with their counts. */
@Command(name = "signatures",
        header = "Show the message templates in logs, with counts.",
        description = {
            "Mines the message templates (signatures) of the given log files, variable parts "
                    + "written <*>, and prints them most frequent first: count, signature id, template.",
            "Without --raw or --format, the header common layouts write before the message is "
                    + "stripped from each line first: time stamp, level, thread, pid and logger (log4j, "
                    + "logback, Python logging, uvicorn, gunicorn, Go, nginx and Apache logs), or a "
                    + "syslog host and program.",
            "A file that cannot be read is named and left out, the others mined; the exit status is then 2."},
        mixinStandardHelpOptions = true)
public final class SignaturesCommand implements Callable<Integer> {

    static final int EXIT_BAD_INPUT = 2;

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "log files; '-' reads standard input")
    private List<String> files = new ArrayList<>();

    @Option(names = "--raw", description = "take each line as the whole message (no header stripping)")
    private boolean raw;

    @Option(names = "--format", paramLabel = "LAYOUT",
            description = "line layout with a <Content> field, e.g. '<Date> <Time> <Level> <Component>: <Content>'")
    private String format;

    @Option(names = "--lines",
            description = "print one line per input line, in input order: signature id, TAB, template")
    private boolean lines;

    @Option(names = "--max-templates", paramLabel = "N", defaultValue = "10000",
            description = "most templates kept; the least recently seen is dropped beyond it (default: ${DEFAULT-VALUE})")
    private int maxTemplates;

    private final InputStream stdin;

    /** Reads {@code -} from the process's standard input. */
    public SignaturesCommand() {
        this(System.in);
    }

    /** Reads {@code -} from {@code stdin}. */
    public SignaturesCommand(InputStream stdin) {
        this.stdin = stdin;
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        UnaryOperator<String> message;
        try {
            message = messageExtractor();
        } catch (IllegalArgumentException e) {
            err.println("vigil signatures: " + e.getMessage());
            return EXIT_BAD_INPUT;
        }
        if (maxTemplates < 1) {
            err.println("vigil signatures: --max-templates must be at least 1, got " + maxTemplates);
            return EXIT_BAD_INPUT;
        }
        // a file that cannot be read costs only itself, as grep and cat go on past one
        List<String> readable = new ArrayList<>();
        for (String file : files) {
            String refused = file.equals("-") ? null : refused(Path.of(file));
            if (refused != null) {
                err.println("vigil signatures: cannot read " + file + ": " + refused);
            } else {
                readable.add(file);
            }
        }
        if (readable.isEmpty()) {
            return EXIT_BAD_INPUT;
        }
        TemplateMiner miner = new TemplateMiner(MinerConfig.defaults().withMaxTemplates(maxTemplates));
        List<Signature> perLine = new ArrayList<>();
        try {
            for (String file : readable) {
                mine(file, miner, message, perLine);
            }
        } catch (IOException e) {
            err.println("vigil signatures: " + e.getMessage());
            return EXIT_BAD_INPUT;
        }
        if (lines) {
            printLines(miner, perLine);
        } else {
            printTemplates(miner);
        }
        return readable.size() == files.size() ? 0 : EXIT_BAD_INPUT;
    }

    private UnaryOperator<String> messageExtractor() {
        if (raw && format != null) {
            throw new IllegalArgumentException("--raw and --format exclude each other: --raw takes "
                    + "the whole line as the message, --format cuts it out of the line");
        }
        if (raw) {
            return UnaryOperator.identity();
        }
        if (format != null) {
            LogFormat layout = LogFormat.parse(format);
            return line -> {
                String content = layout.content(line);
                return content == null ? line : content;
            };
        }
        HeaderStripper stripper = new HeaderStripper();
        return stripper::strip;
    }

    private void mine(String file, TemplateMiner miner, UnaryOperator<String> message, List<Signature> perLine)
            throws IOException {
        try (BufferedReader in = open(file)) {
            String line;
            while ((line = in.readLine()) != null) {
                String text = message.apply(line);
                Signature signature = text.isBlank() ? Signature.of("") : miner.add(text);
                if (lines) {
                    perLine.add(signature);
                }
            }
        } catch (IOException e) {
            throw new IOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Why {@code file} cannot be mined, or null when it can (plain text, or gzip read as its text). */
    private static String refused(Path file) {
        if (Files.isDirectory(file)) {
            return "it is a folder";
        }
        if (!Files.isReadable(file)) {
            return Files.exists(file) ? "permission denied" : "no such file";
        }
        try {
            Compression c = Compression.of(file);
            return c.readAsText() ? null
                    : "compressed with " + c.tool() + " (" + c.tool() + " -dc " + file + " | vigil signatures -)";
        } catch (IOException e) {
            return e.getMessage();
        }
    }

    private BufferedReader open(String file) throws IOException {
        InputStream in = file.equals("-") ? stdin : Compression.open(Path.of(file));
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }

    /** Ids are resolved at the end, so lines mined before a template generalised get its final id. */
    private void printLines(TemplateMiner miner, List<Signature> perLine) {
        PrintWriter out = spec.commandLine().getOut();
        Map<String, String> templateById = new HashMap<>();
        for (TemplateCount tc : miner.templates()) {
            templateById.put(tc.signature().id(), tc.signature().template());
        }
        for (Signature s : perLine) {
            String id = miner.currentId(s.id());
            String template = templateById.get(id);
            // an evicted template keeps the id and text it had when its line was mined
            out.print(template == null ? s.id() : id);
            out.print('\t');
            out.println(template == null ? s.template() : template);
        }
        out.flush();
    }

    private void printTemplates(TemplateMiner miner) {
        PrintWriter out = spec.commandLine().getOut();
        for (TemplateCount tc : miner.templates()) {
            out.printf("%7d  %s  %s%n", tc.count(), tc.signature().id(), tc.signature().template());
        }
        out.flush();
    }
}
