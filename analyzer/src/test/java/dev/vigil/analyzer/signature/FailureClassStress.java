package dev.vigil.analyzer.signature;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Synthetic labelled lines, one template per class of input that breaks a token-count tree: a
 * value spanning a varying number of tokens, a value glued to punctuation, a variable leading
 * word, a date inside the message, a quoted value with spaces. They test the mechanisms, not a
 * log: the words are made up, the shapes are the ones the classes name.
 */
final class FailureClassStress {

    /** One line and the template it was made from. */
    record Labelled(String line, String template) {
    }

    private static final String[] USERS = {"alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi",
        "ivan", "judy", "mallory", "niaj", "olivia", "peggy", "rupert", "sybil", "trent", "victor", "walter"};
    private static final String[] HOSTS = {"proxy.example.org", "www.example.com", "mail.example.net",
        "cdn.static.example.io", "api.example.co.uk", "ns1.example.org", "files.example.edu"};
    private static final String[] WORDS = {"nightly", "backup", "report", "sync", "index", "cleanup", "export"};

    private FailureClassStress() {
    }

    /** {@code lines} lines drawn at random from the templates, reproducibly for one seed. */
    static List<Labelled> lines(long seed, int lines) {
        Random r = new Random(seed);
        List<Labelled> out = new ArrayList<>(lines);
        for (int i = 0; i < lines; i++) {
            out.add(line(r, r.nextInt(9)));
        }
        return out;
    }

    private static Labelled line(Random r, int template) {
        return switch (template) {
            case 0 -> new Labelled(pick(r, HOSTS) + ":" + port(r) + " close, " + size(r) + " sent, " + size(r)
                    + " received, lifetime " + duration(r), "close");
            case 1 -> new Labelled(pick(r, HOSTS) + ":" + port(r) + " open through proxy " + pick(r, HOSTS) + ":"
                    + port(r) + " " + (r.nextBoolean() ? "HTTPS" : "SOCKS5"), "open");
            case 2 -> new Labelled(pick(r, USERS) + " logged out after " + r.nextInt(500) + " "
                    + (r.nextBoolean() ? "minutes" : "sec") + " of inactivity", "logout");
            case 3 -> new Labelled("connection from " + ip(r) + " (" + ip(r) + ") at " + date(r), "connection");
            case 4 -> new Labelled("acquire lock=" + r.nextInt(1_000_000) + ", flags=0x" + r.nextInt(16) + ", tag=\""
                    + phrase(r) + "\", name=" + pick(r, WORDS) + ", uid=" + (10_000 + r.nextInt(90)), "acquire");
            case 5 -> new Labelled("Started job '" + phrase(r) + "' for " + pick(r, USERS) + "@" + pick(r, HOSTS),
                    "job");
            case 6 -> new Labelled("reverse mapping checking getaddrinfo for " + reverseName(r) + " [" + ip(r)
                    + "] failed - POSSIBLE BREAK-IN ATTEMPT!", "reverse");
            case 7 -> new Labelled("members " + list(r) + " joined group " + r.nextInt(40), "members");
            default -> new Labelled("request took " + duration(r) + " (port:" + port(r) + ", pid=" + r.nextInt(40000)
                    + ")", "took");
        };
    }

    private static String pick(Random r, String[] values) {
        return values[r.nextInt(values.length)];
    }

    private static int port(Random r) {
        return 1 + r.nextInt(65_535);
    }

    private static String ip(Random r) {
        return (1 + r.nextInt(223)) + "." + r.nextInt(256) + "." + r.nextInt(256) + "." + (1 + r.nextInt(254));
    }

    private static String size(Random r) {
        int bytes = r.nextInt(100_000);
        return bytes < 1024 ? bytes + " bytes" : bytes + " bytes (" + (bytes / 1024) + "." + r.nextInt(10) + " KB)";
    }

    private static String duration(Random r) {
        return switch (r.nextInt(4)) {
            case 0 -> "<1 sec";
            case 1 -> String.format("%02d:%02d", r.nextInt(60), r.nextInt(60));
            case 2 -> String.format("%02d:%02d:%02d", r.nextInt(24), r.nextInt(60), r.nextInt(60));
            default -> r.nextInt(900) + " ms";
        };
    }

    private static String date(Random r) {
        String[] days = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
        String[] months = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
        return String.format("%s %s %d %02d:%02d:%02d %d", pick(r, days), pick(r, months), 1 + r.nextInt(28),
                r.nextInt(24), r.nextInt(60), r.nextInt(60), 2000 + r.nextInt(25));
    }

    private static String phrase(Random r) {
        StringBuilder p = new StringBuilder(pick(r, WORDS));
        for (int i = r.nextInt(3); i > 0; i--) {
            p.append(' ').append(pick(r, WORDS));
        }
        return p.toString();
    }

    private static String reverseName(Random r) {
        return r.nextBoolean() ? "ns." + pick(r, WORDS) + ".example.com"
                : r.nextInt(255) + "-" + r.nextInt(255) + "-" + r.nextInt(255) + ".dsl.example.net";
    }

    private static String list(Random r) {
        StringBuilder l = new StringBuilder("[");
        for (int i = 0, n = 1 + r.nextInt(4); i < n; i++) {
            l.append(i > 0 ? ", " : "").append(r.nextInt(100));
        }
        return l.append(']').toString();
    }
}
