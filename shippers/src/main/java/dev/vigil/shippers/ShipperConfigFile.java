package dev.vigil.shippers;

import dev.vigil.shippers.file.FileFormat;
import dev.vigil.shippers.file.FileInput;
import dev.vigil.shippers.file.FileSelection;
import dev.vigil.shippers.file.FileTailConfig;
import dev.vigil.shippers.file.MultilinePattern;
import dev.vigil.shippers.filter.DropRule;
import dev.vigil.shippers.filter.FilterConfig;
import dev.vigil.shippers.filter.Levels;
import dev.vigil.shippers.filter.NameGlob;
import dev.vigil.shippers.filter.RateLimit;
import dev.vigil.shippers.journald.JournalFilter;
import dev.vigil.shippers.journald.JournaldSourceConfig;
import dev.vigil.shippers.kmsg.KmsgSourceConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the shipper's config file: one {@code key = value} per line, {@code #} starts a comment,
 * {@code file} and {@code journald.file} may repeat, {@code kafka.*} keys are passed to the producer.
 * Every problem is reported at once as {@code path:line: message}, unknown keys with a
 * did-you-mean. Values in the file replace those of the base config (defaults or flags).
 *
 * <pre>
 * host = web-1
 * bootstrap_servers = kafka-1:9092,kafka-2:9092
 * state_dir = /var/lib/vigil-shipper
 * heartbeat_interval = 10s
 * file = /var/log/rivet/*.log
 * file = /var/log/nginx/access.log multiline=off
 * file = /var/log/syslog format=syslog
 * file.partial_timeout = 5s
 * file.follow_symlinks = false
 * file = /var/log/gateway/*.log multiline.start=^\d{4}- multiline.max_lines=200
 * file.exclude = /var/log/rivet/*.gz
 * file.ignore_older = 2d
 * file.max_open_files = 512
 * drop = source=journald unit=systemd-tmpfiles-*.service
 * rate_limit = 1000/1s burst=5000
 * journald.units = nginx.service, rivet-*.service
 * journald.max_priority = info
 * journald.match = _TRANSPORT=journal
 * journald.current_boot = true
 * journald.exclude_units = user@*.service
 * journald.enabled = true
 * journald.first_start = 1h
 * kmsg.device = /dev/kmsg
 * kmsg.first_start = 1h
 * kafka.security.protocol = SSL
 * </pre>
 */
public final class ShipperConfigFile {
    /** Every key the file accepts besides {@code kafka.*}. */
    public static final Set<String> KEYS = new TreeSet<>(List.of("host", "state_dir", "bootstrap_servers",
            "events_topic", "deadletter_topic", "heartbeat_interval", "checkpoint_interval", "max_in_flight_records",
            "max_in_flight_bytes", "journald.enabled", "journald.journalctl", "journald.directory", "journald.file",
            "journald.first_start",
            "kmsg.enabled", "kmsg.device", "kmsg.first_start", "file", "file.poll_interval", "file.partial_timeout",
            "file.multiline_timeout", "file.forget_after", "file.max_line_bytes", "file.zone",
            "file.follow_symlinks", "file.exclude", "file.ignore_older", "file.max_open_files",
            "drop", "rate_limit", "journald.units", "journald.exclude_units", "journald.max_priority", "journald.match",
            "journald.current_boot"));
    /** Keys that may repeat, each line adding one value. */
    private static final Set<String> REPEATED = Set.of("drop", "journald.match", "file.exclude");
    /** Options of a {@code file =} line that give the file its own multiline rule. */
    private static final List<String> MULTILINE_OPTIONS = List.of("multiline.start", "multiline.continue",
            "multiline.max_lines", "multiline.max_bytes", "multiline.timeout");
    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h|d)");
    private static final Pattern LINE = Pattern.compile("\\s*([A-Za-z0-9_.-]+)\\s*=\\s*(.*?)\\s*");

    private final Path path;
    private final List<String> problems = new ArrayList<>();
    private final Map<String, String> values = new LinkedHashMap<>();
    private final Map<String, Integer> lineOf = new LinkedHashMap<>();
    private final List<FileInput> files = new ArrayList<>();
    private final List<Path> journalFiles = new ArrayList<>();
    private final Map<String, String> kafka = new LinkedHashMap<>();
    private final Map<String, List<Map.Entry<Integer, String>>> repeated = new LinkedHashMap<>();

    private ShipperConfigFile(Path path) {
        this.path = path;
    }

    /** Reads {@code path} over {@code base}; throws with every problem found. */
    public static ShipperConfig load(Path path, ShipperConfig base) throws IOException, ConfigFileException {
        ShipperConfigFile f = new ShipperConfigFile(path);
        List<String> lines = Files.readAllLines(path, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            f.readLine(i + 1, lines.get(i));
        }
        ShipperConfig config = f.apply(base);
        if (!f.problems.isEmpty()) {
            throw new ConfigFileException(f.problems);
        }
        return config;
    }

    private void readLine(int number, String raw) {
        String line = raw.replaceFirst("(^|\\s)#.*$", "");
        if (line.isBlank()) {
            return;
        }
        Matcher m = LINE.matcher(line);
        if (!m.matches()) {
            problem(number, "expected 'key = value', got '" + raw.trim() + "'");
            return;
        }
        String key = m.group(1);
        String value = m.group(2);
        if (key.startsWith("kafka.") && key.length() > "kafka.".length()) {
            kafka.put(key.substring("kafka.".length()), value);
        } else if (!KEYS.contains(key)) {
            problem(number, "unknown key '" + key + "'" + suggestion(key));
        } else if (key.equals("file")) {
            fileInput(number, value);
        } else if (key.equals("journald.file")) {
            journalFiles.add(Path.of(value));
        } else if (REPEATED.contains(key)) {
            repeated.computeIfAbsent(key, k -> new ArrayList<>()).add(Map.entry(number, value));
        } else if (values.containsKey(key)) {
            problem(number, "'" + key + "' is already set on line " + lineOf.get(key));
        } else {
            values.put(key, value);
            lineOf.put(key, number);
        }
    }

    private void fileInput(int number, String value) {
        try {
            files.add(parseFileInput(value));
        } catch (IllegalArgumentException e) {
            problem(number, e.getMessage());
        }
    }

    /**
     * A {@code file =} value as the file and {@code --file} write it: an absolute path or glob, then
     * options {@code multiline=on|off}, {@code format=auto|syslog|text|cri|docker-json} and the file's
     * own multiline rule ({@code multiline.start=RE2} or {@code multiline.continue=RE2}, {@code multiline.max_lines=N},
     * {@code multiline.max_bytes=N}, {@code multiline.timeout=D}; patterns hold no spaces: write {@code \\s}).
     */
    public static FileInput parseFileInput(String value) {
        String[] parts = value.trim().split("\\s+");
        boolean multiline = true;
        FileFormat format = FileFormat.AUTO;
        Map<String, String> rule = new LinkedHashMap<>();
        for (int i = 1; i < parts.length; i++) {
            int eq = parts[i].indexOf('=');
            String option = eq < 0 ? parts[i] : parts[i].substring(0, eq);
            switch (parts[i]) {
                case "multiline=on" -> multiline = true;
                case "multiline=off" -> multiline = false;
                default -> {
                    if (option.equals("format")) {
                        format = FileFormat.parse(parts[i].substring(eq + 1));
                        continue;
                    }
                    if (!MULTILINE_OPTIONS.contains(option)) {
                        throw new IllegalArgumentException("unknown file option '" + parts[i] + "', expected "
                                + "multiline=on, multiline=off, format=" + FileFormat.SPELLINGS.replace(", ", "|") + ", "
                                + String.join("=, ", MULTILINE_OPTIONS) + "=");
                    }
                    rule.put(option, parts[i].substring(eq + 1));
                }
            }
        }
        if (!parts[0].startsWith("/")) {
            throw new IllegalArgumentException("file glob must be absolute, got '" + parts[0] + "'");
        }
        return new FileInput(parts[0], multiline, format, rule.isEmpty() ? null : multilinePattern(rule));
    }

    /** The rule of a {@code file =} line's {@code multiline.*} options (patterns RE2, no spaces: use \\s). */
    private static MultilinePattern multilinePattern(Map<String, String> o) {
        String start = o.get("multiline.start");
        String cont = o.get("multiline.continue");
        return new MultilinePattern(start == null ? null : MultilinePattern.compile("multiline.start", start),
                cont == null ? null : MultilinePattern.compile("multiline.continue", cont),
                o.containsKey("multiline.max_lines") ? (int) positive("multiline.max_lines", o.get("multiline.max_lines"))
                        : MultilinePattern.DEFAULT_MAX_LINES,
                o.containsKey("multiline.max_bytes") ? (int) positive("multiline.max_bytes", o.get("multiline.max_bytes"))
                        : Integer.MAX_VALUE,
                o.containsKey("multiline.timeout") ? parseDuration("multiline.timeout", o.get("multiline.timeout")) : null);
    }

    private ShipperConfig apply(ShipperConfig base) {
        Map<String, String> overrides = new LinkedHashMap<>(base.kafkaOverrides());
        overrides.putAll(kafka);
        FileTailConfig f = base.files();
        FileTailConfig fileConfig = new FileTailConfig(files.isEmpty() ? f.inputs() : files,
                get("file.poll_interval", ShipperConfigFile::parseDuration, f.pollInterval()),
                get("file.partial_timeout", ShipperConfigFile::parseDuration, f.partialTimeout()),
                get("file.multiline_timeout", ShipperConfigFile::parseDuration, f.multilineTimeout()),
                get("file.forget_after", ShipperConfigFile::parseDuration, f.forgetAfter()),
                get("file.max_line_bytes", this::positiveInt, f.maxLineBytes()),
                get("file.zone", this::zone, f.zone()),
                get("file.follow_symlinks", this::bool, f.followSymlinks()),
                new FileSelection(each("file.exclude", (n, v) -> absolute(n, v), f.selection().excludes()),
                        get("file.ignore_older", ShipperConfigFile::parseDuration, f.selection().ignoreOlder()),
                        get("file.max_open_files", this::positiveInt, f.selection().maxOpenFiles())));
        JournaldSourceConfig j = base.journald();
        if (values.containsKey("journald.directory") && !journalFiles.isEmpty()) {
            problem(lineOf.get("journald.directory"), "'journald.directory' and 'journald.file' are exclusive: "
                    + "read a folder of journals or a list of files");
        }
        Path directory = get("journald.directory", (n, v) -> Path.of(v), j.directory());
        boolean otherJournal = values.containsKey("journald.directory") || !journalFiles.isEmpty();
        Duration lookBack = get("journald.first_start", ShipperConfigFile::parseLookBack,
                otherJournal ? null : j.firstStartLookBack());
        JournaldSourceConfig journald = new JournaldSourceConfig(get("journald.enabled", this::bool, j.enabled()),
                get("journald.journalctl", (n, v) -> Path.of(v), j.journalctl()),
                journalFiles.isEmpty() ? directory : null, journalFiles.isEmpty() ? j.files() : journalFiles, lookBack,
                journalFilter(j.filter()));
        KmsgSourceConfig k = base.kmsg();
        KmsgSourceConfig kmsg = new KmsgSourceConfig(get("kmsg.enabled", this::bool, k.enabled()),
                get("kmsg.device", (n, v) -> Path.of(v), k.device()), k.proc(),
                get("kmsg.first_start", ShipperConfigFile::parseLookBack, k.firstStartLookBack()));
        try {
            return new ShipperConfig(get("host", (n, v) -> v, base.host()),
                    get("state_dir", (n, v) -> Path.of(v), base.stateDir()),
                    get("bootstrap_servers", (n, v) -> v, base.bootstrapServers()), overrides,
                    get("events_topic", (n, v) -> v, base.eventsTopic()),
                    get("deadletter_topic", (n, v) -> v, base.deadLetterTopic()), journald, kmsg, fileConfig,
                    get("heartbeat_interval", ShipperConfigFile::parseDuration, base.heartbeatInterval()),
                    get("checkpoint_interval", ShipperConfigFile::parseDuration, base.checkpointInterval()),
                    get("max_in_flight_records", this::positiveInt, base.maxInFlightRecords()),
                    get("max_in_flight_bytes", this::positiveLong, base.maxInFlightBytes()),
                    base.shutdownTimeout(), filter(base.filter()));
        } catch (IllegalArgumentException e) {
            problems.add(path + ": " + e.getMessage());
            return base;
        }
    }

    private JournalFilter journalFilter(JournalFilter base) {
        return base.or(new JournalFilter(get("journald.units", (n, v) -> list(v), List.of()),
                get("journald.exclude_units", (n, v) -> list(v).stream().map(NameGlob::new).toList(), List.of()),
                get("journald.max_priority", (n, v) -> Levels.parse(v), null),
                each("journald.match", (n, v) -> JournalFilter.match(v), List.of()),
                get("journald.current_boot", this::bool, false)));
    }

    private FilterConfig filter(FilterConfig base) {
        List<DropRule> drops = each("drop", (n, v) -> DropRule.parse(v), List.of());
        RateLimit limit = get("rate_limit", (n, v) -> RateLimit.parse(v), base.rateLimit());
        List<DropRule> all = new ArrayList<>(base.drops());
        all.addAll(drops);
        return new FilterConfig(all, limit);
    }

    private static List<String> list(String v) {
        return java.util.Arrays.stream(v.split(",")).map(String::trim).filter(x -> !x.isEmpty()).toList();
    }

    private static String absolute(String key, String v) {
        if (!v.startsWith("/")) {
            throw new IllegalArgumentException("'" + key + "' needs an absolute glob, got '" + v + "'");
        }
        return v;
    }

    /** The values of a repeated key, each parsed, or {@code otherwise} when the key is absent. */
    private <T> List<T> each(String key, BiFunction<String, String, T> parse, List<T> otherwise) {
        List<Map.Entry<Integer, String>> vs = repeated.get(key);
        if (vs == null) {
            return otherwise;
        }
        List<T> out = new ArrayList<>();
        for (Map.Entry<Integer, String> v : vs) {
            try {
                out.add(parse.apply(key, v.getValue()));
            } catch (IllegalArgumentException e) {
                problem(v.getKey(), e.getMessage());
            }
        }
        return out;
    }

    private <T> T get(String key, BiFunction<String, String, T> parse, T otherwise) {
        String v = values.get(key);
        if (v == null) {
            return otherwise;
        }
        try {
            return parse.apply(key, v);
        } catch (IllegalArgumentException e) {
            problem(lineOf.get(key), e.getMessage());
            return otherwise;
        }
    }

    /**
     * A first-start look-back as the file and the command line write it: {@code all} (null, the
     * whole journal) or a duration such as {@code 30m}, {@code 1h}, {@code 2d}.
     */
    public static Duration parseLookBack(String key, String v) {
        return v.equals("all") ? null : parseDuration(key, v);
    }

    /** A duration as the file and the command line write it: 250ms, 10s, 5m, 1h, 2d. */
    public static Duration parseDuration(String key, String v) {
        Matcher m = DURATION.matcher(v);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + key + "' needs a duration like 250ms, 10s, 5m, 1h or 1d, got '" + v + "'");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
    }

    private int positiveInt(String key, String v) {
        long n = positiveLong(key, v);
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("'" + key + "' is at most " + Integer.MAX_VALUE + ", got '" + v + "'");
        }
        return (int) n;
    }

    private long positiveLong(String key, String v) {
        return positive(key, v);
    }

    private static long positive(String key, String v) {
        try {
            long n = Long.parseLong(v);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below with the key
        }
        throw new IllegalArgumentException("'" + key + "' needs a positive whole number, got '" + v + "'");
    }

    private boolean bool(String key, String v) {
        return switch (v) {
            case "true", "on", "yes" -> true;
            case "false", "off", "no" -> false;
            default -> throw new IllegalArgumentException("'" + key + "' needs true or false, got '" + v + "'");
        };
    }

    private ZoneId zone(String key, String v) {
        try {
            return ZoneId.of(v);
        } catch (java.time.DateTimeException e) {
            throw new IllegalArgumentException("'" + key + "' needs a zone like UTC or Europe/Paris, got '" + v + "'");
        }
    }

    private void problem(int line, String message) {
        problems.add(path + ":" + line + ": " + message);
    }

    private static String suggestion(String key) {
        return KEYS.stream().min(Comparator.comparingInt(k -> distance(k, key)))
                .filter(k -> distance(k, key) <= Math.max(2, key.length() / 4))
                .map(k -> "; did you mean '" + k + "'?").orElse("");
    }

    /** Levenshtein distance. */
    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
