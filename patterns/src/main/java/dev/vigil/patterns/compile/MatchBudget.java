package dev.vigil.patterns.compile;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The per-event match budget of one regex: it reads at most the first {@code maxChars}
 * characters of a field, fewer for a large regex ({@link #charsFor}). RE2/J is linear, but at
 * its program's size for every character: one regex of a thousand instructions on a line of a
 * megabyte would hold a stream thread for seconds, per event. A match in the part read is found as on the whole field; the event, its
 * evidence and {@code contains} tests keep the whole text. Each cut is counted; the first one of
 * each regex is logged.
 */
public final class MatchBudget {
    /** Characters of a field a regex reads unless {@value #MAX_CHARS_PROPERTY} says otherwise. */
    public static final int DEFAULT_MAX_CHARS = 64 * 1024;
    /** JVM system property overriding {@link #DEFAULT_MAX_CHARS}. */
    public static final String MAX_CHARS_PROPERTY = "vigil.regex.max-chars";

    /**
     * Ends a part cut from a longer field, so {@code $} does not match where the text goes on: a
     * noncharacter, which no log line holds.
     */
    static final char CUT_MARK = '\uFFFF';

    private static final Logger log = LoggerFactory.getLogger(MatchBudget.class);
    private static final LongAdder CUTS = new LongAdder();

    private final int maxChars;
    private final String regex;
    private final AtomicBoolean warned = new AtomicBoolean();

    /** @param regex names the regex in the WARN: pattern, file and position */
    MatchBudget(int maxChars, String regex) {
        this.maxChars = maxChars;
        this.regex = regex;
    }

    /**
     * Instruction steps one regex may spend on one field, as a multiple of the characters read:
     * a regex of up to this many instructions reads the full {@code maxChars}.
     */
    static final int STEPS_PER_CHAR = 64;
    /** A large regex still reads this much, enough for the longest counted repetition RE2 allows. */
    static final int MIN_CHARS = 1024;

    /**
     * The characters a regex of {@code programSize} instructions reads: {@code maxChars}, or
     * fewer for a large regex, whose cost is its size at every character (RE2/J runs each
     * instruction that can match at each position).
     */
    static int charsFor(int maxChars, long programSize) {
        long steps = (long) maxChars * STEPS_PER_CHAR;
        long chars = steps / Math.max(1, programSize);
        return (int) Math.max(Math.min(MIN_CHARS, maxChars), Math.min(maxChars, chars));
    }

    /** The configured characters per field: {@value #MAX_CHARS_PROPERTY}, else the default. */
    static int configuredMaxChars() {
        Integer configured = Integer.getInteger(MAX_CHARS_PROPERTY);
        return configured == null || configured < 1 ? DEFAULT_MAX_CHARS : configured;
    }

    /** The part of {@code text} the regex reads: all of it, or its first {@code maxChars} characters and {@link #CUT_MARK}. */
    String part(String text) {
        if (text.length() <= maxChars) {
            return text;
        }
        CUTS.increment();
        if (warned.compareAndSet(false, true)) {
            log.warn("Regex reads only the start of a long field; later matches are not seen {} maxChars={} length={}"
                    + " (logged once per regex; see {})", regex, maxChars, text.length(), MAX_CHARS_PROPERTY);
        }
        int end = Character.isHighSurrogate(text.charAt(maxChars - 1)) ? maxChars - 1 : maxChars;
        return text.substring(0, end) + CUT_MARK;
    }

    /** How many times, since start, a regex read only the start of a field. */
    public static long cuts() {
        return CUTS.sum();
    }
}
