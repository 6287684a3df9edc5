package dev.vigil.analyzer.replay;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code systemctl status} output, as it is pasted before the journal lines it ends with: a header
 * ({@code ● foo.service - Description}; {@code ○} inactive, {@code ×} failed, {@code *} on a
 * terminal without UTF-8; pasted into an issue, the symbol is sometimes lost and the header starts
 * with the unit, its description still after it) and the unit's properties, up to the blank line before the journal's
 * lines. Replay reads the journal lines and passes over the block; its {@code Active: … since Sat
 * 2018-11-17 22:09:12 +07} gives the year the stamps of the journal lines after it leave out.
 */
final class StatusBlock {
    private static final String UNIT = "\\S+\\.(?:service|socket|timer|mount|automount|swap|target|path|slice|scope|device)";
    private static final Pattern HEADER = Pattern.compile("^[●○×*↻] " + UNIT + "(?: - .*)?$");
    /** A header without its symbol: only with the description, which a journal or syslog line never starts with. */
    private static final Pattern BARE_HEADER = Pattern.compile("^" + UNIT + " - .*$");
    private static final Pattern SINCE = Pattern.compile(
            "^\\s*Active: .* since \\w{3} (\\d{4})-(\\d{2})-(\\d{2}) (\\d{2}):(\\d{2}):(\\d{2})");

    private StatusBlock() {}

    /** True when {@code line} starts a block. */
    static boolean isHeader(String line) {
        return line.length() > 2 && (line.charAt(1) == ' ' ? HEADER.matcher(line).matches() : BARE_HEADER.matcher(line).matches());
    }

    /**
     * The rest of a block whose header was just read.
     *
     * @param next the line after the block (blank, or null at the end)
     * @param since when the unit last changed state ({@code Active: … since …}), null when the block does not say
     */
    record Skipped(LineSource.Line next, Instant since) {}

    /** Reads past the rest of a block whose header was just read. */
    static Skipped skip(LineSource lines) throws IOException {
        Instant since = null;
        LineSource.Line l;
        while ((l = lines.next()) != null && !l.text().isBlank() && !isHeader(l.text())) {
            Matcher m = SINCE.matcher(l.text());
            if (m.find()) {
                since = LocalDateTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                        Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)), Integer.parseInt(m.group(6)))
                        .toInstant(ZoneOffset.UTC);
            }
        }
        return new Skipped(l, since);
    }
}
