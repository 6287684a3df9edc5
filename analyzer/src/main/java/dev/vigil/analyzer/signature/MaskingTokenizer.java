package dev.vigil.analyzer.signature;

import static dev.vigil.analyzer.signature.CharClasses.CLASSES;
import static dev.vigil.analyzer.signature.CharClasses.DATE_PREFIXES;
import static dev.vigil.analyzer.signature.CharClasses.DIGIT;
import static dev.vigil.analyzer.signature.CharClasses.MAYBE_STOP;
import static dev.vigil.analyzer.signature.CharClasses.PUNCTUATION;
import static dev.vigil.analyzer.signature.CharClasses.SPACE;
import static dev.vigil.analyzer.signature.CharClasses.VALUE_END;
import static dev.vigil.analyzer.signature.CharClasses.closingQuote;
import static dev.vigil.analyzer.signature.CharClasses.hasSpace;
import static dev.vigil.analyzer.signature.CharClasses.isDateName;
import static dev.vigil.analyzer.signature.CharClasses.isDotRun;
import static dev.vigil.analyzer.signature.CharClasses.isPath;
import static dev.vigil.analyzer.signature.CharClasses.isPunctuation;
import static dev.vigil.analyzer.signature.CharClasses.isSpace;
import static dev.vigil.analyzer.signature.CharClasses.isTextKey;
import static dev.vigil.analyzer.signature.CharClasses.isTrailingPunctuation;
import static dev.vigil.analyzer.signature.CharClasses.isUnitAfterNumber;
import static dev.vigil.analyzer.signature.CharClasses.isUrlScheme;
import static dev.vigil.analyzer.signature.CharClasses.mayStartUnit;
import static dev.vigil.analyzer.signature.CharClasses.nextStartsDate;
import static dev.vigil.analyzer.signature.CharClasses.tokenEnd;

import dev.vigil.shippers.file.StructuredLineTime;
import java.util.Arrays;

/**
 * Splits a message into whitespace-separated tokens and masks their variable parts with
 * {@code <*>}, in one hand-written pass over the characters (no regular expressions).
 *
 * <p>The masking rules, applied to each token:
 * <ul>
 *   <li>a path or URL (starts with {@code /}, {@code ./}, {@code ../} or {@code ~/}, or holds
 *       {@code ://}) becomes {@code <*>}, keeping a trailing {@code :} or {@code ,};</li>
 *   <li>a size or short time unit after a masked number ({@code 3.1 KB}, {@code 20 ms}) becomes
 *       {@code <*>} too, so that {@code 900 B} and {@code 1.2 KB} give one template;</li>
 *   <li>a quoted value ({@code 'name'}, {@code "a b"}, even across spaces) becomes {@code '<*>'},
 *       but a quoted phrase before any word of the line is its message (klog) and stays words;</li>
 *   <li>the value after {@code =}, up to the next comma, semicolon or closing bracket, becomes
 *       {@code <*>}, so {@code uid=0)} gives {@code uid=<*>)}; an empty value ({@code logname=})
 *       stays, and a logfmt {@code msg=}, {@code level=} or {@code err=} value is text, as words;</li>
 *   <li>the token is cut into segments at punctuation (colon, comma, semicolon, brackets and
 *       braces, angle brackets, {@code @ # | /}, quotes, runs of two or more dots), and every
 *       segment holding a digit becomes {@code <*>}: numbers, hex, uuids, IPs and ports,
 *       durations ({@code 30s}), sizes, dates, ids such as {@code blk_-42} or {@code core.7}.</li>
 * </ul>
 * Words without digits stay as they are; the miner decides from the data whether they vary. A
 * whole JSON object line is also cut after each member ({@code ,"}) and its keys kept, so a member
 * ({@code "user":"alice",}) is a token that may vary like a word, not part of one long token;
 * {@link JsonMembers} masks a free-text value and a headers object whole.
 *
 * <p>One instance reuses its buffers from line to line and is not thread-safe.
 */
final class MaskingTokenizer {

    static final String WILDCARD = "<*>";

    private char[] input = new char[256];
    private char[] chars = new char[256];
    private int length;
    private int[] starts = new int[32];
    private int[] ends = new int[32];
    private int count;
    private int tokenStart;
    /** Off while splitting a stored template, whose tokens are kept exactly as they were. */
    private boolean joinParameters;
    private boolean jsonMembers;
    /** Brackets opened by the words (not the values) of the line so far and not closed yet. */
    private int openBrackets;
    /** The token being written holds a {@code <*>}. */
    private boolean tokenWildcard;
    /** The token being written holds a segment copied as it is (a word). */
    private boolean tokenWord;
    /** {@link #openBrackets} once the token being written is closed, if it is kept as it is. */
    private int tokenDepth;

    /** Tokenises and masks one message; the result stays readable until the next call. */
    void tokenise(CharSequence message) {
        length = 0;
        count = 0;
        joinParameters = true;
        openBrackets = 0;
        jsonMembers = message instanceof String text && StructuredLineTime.isJsonObject(text);
        int n = message.length();
        if (input.length < n) {
            input = new char[Math.max(n, 2 * input.length)];
        }
        // masking writes at most 3 chars ("<*>") per input char, plus one space per token
        if (chars.length < 4 * n + 8) {
            chars = new char[4 * n + 8];
        }
        if (message instanceof String text) {
            text.getChars(0, n, input, 0);
        } else {
            for (int i = 0; i < n; i++) {
                input[i] = message.charAt(i);
            }
        }
        int i = 0;
        while (i < n) {
            if (isSpace(input[i])) {
                i++;
                continue;
            }
            i = scanToken(input, i, n);
        }
    }

    /** Tokenises a template text already in masked form (tokens separated by spaces). */
    void splitTemplate(CharSequence template) {
        length = 0;
        count = 0;
        joinParameters = false;
        int n = template.length();
        if (chars.length < n + 8) {
            chars = new char[n + 8];
        }
        int i = 0;
        while (i < n) {
            if (template.charAt(i) == ' ') {
                i++;
                continue;
            }
            beginToken();
            while (i < n && template.charAt(i) != ' ') {
                append(template.charAt(i++));
            }
            endToken();
        }
    }

    int count() { return count; }

    int start(int token) { return starts[token]; }

    int end(int token) { return ends[token]; }

    /** Hash of one token, as {@link TokenDictionary#hashOf} computes it. */
    int hash(int token) {
        return TokenDictionary.hashOf(chars, starts[token], ends[token]);
    }

    /** Length of the masked line: the tokens joined by single spaces, from index 0 of {@link #chars()}. */
    int maskedLength() {
        return length;
    }

    /** 64-bit hash of the masked line. */
    long maskedHash() {
        return TokenDictionary.lineHash(chars, length);
    }

    char[] chars() { return chars; }

    String text(int token) {
        return new String(chars, starts[token], ends[token] - starts[token]);
    }

    /** The token being written holds a word copied as it is (a JSON member's key). */
    void markWord() { tokenWord = true; }

    private boolean endsWithWildcard(int token) {
        int end = ends[token];
        return end - starts[token] >= 3 && chars[end - 3] == '<' && chars[end - 2] == '*' && chars[end - 1] == '>';
    }

    /** Masks the token starting at {@code from} in one pass; returns where it ends. */
    private int scanToken(char[] s, int from, int n) {
        beginToken();
        char first = s[from];
        int close = first == '\'' || first == '"' ? closingQuote(s, from, n) : -1;
        int to;
        int member = jsonMembers && first == '"' ? JsonMembers.mask(this, s, from, n) : -1;
        if (member >= 0) {
            to = member;
        } else if (close > 0 && !(jsonMembers && close + 1 < n && s[close + 1] == ':') && !isQuotedMessage(s, from, close)) {
            append(first);
            appendWildcard();
            append(first);
            to = maskSegments(s, close + 1, n);
        } else if (isPath(s, from, n)) {
            to = tokenEnd(s, from, n);
            appendWildcard();
            appendTrailingPunctuation(s, from, to);
        } else if (count > 0 && mayStartUnit(first) && endsWithWildcard(count - 1)
                && isUnitAfterNumber(s, from, to = tokenEnd(s, from, n))) {
            appendWildcard();
            appendTrailingPunctuation(s, from, to);
        } else if (first >= 'A' && first <= 'Z' && from + 3 <= n && DATE_PREFIXES.contains(s, from, 3)
                && isDateWord(s, from, to = tokenEnd(s, from, n), n)) {
            appendWildcard();
            appendTrailingPunctuation(s, from, to);
        } else {
            to = maskSegments(s, from, n);
        }
        endToken();
        return to;
    }

    /**
     * A quoted phrase before any word of the line (after its header's values, if any) is the
     * message itself, as klog's structured form writes it ({@code E0317 … kubelet.go:2345] "Skipping
     * pod synchronization" err="…"}): its words are text, not one value.
     */
    private boolean isQuotedMessage(char[] s, int from, int close) {
        return (count == 0 || count == 1 && isParameter(0)) && hasSpace(s, from + 1, close);
    }

    /**
     * A day or month name that is part of a date ({@code Sun Jun 19 23:20:05 2005},
     * {@code Jul 1}): followed by a number or a month name, or after a masked value.
     */
    private boolean isDateWord(char[] s, int from, int to, int n) {
        return isDateName(s, from, to) && ((count > 0 && endsWithWildcard(count - 1)) || nextStartsDate(s, to, n));
    }

    /** Keeps the {@code :} or {@code ,} that ends a masked path or unit ({@code /a/b: reason}). */
    private void appendTrailingPunctuation(char[] s, int from, int to) {
        int p = to;
        while (p > from + 1 && isTrailingPunctuation(s[p - 1])) {
            p--;
        }
        for (int j = p; j < to; j++) {
            append(s[j]);
        }
    }

    /** Masks segments from {@code from} to the end of the token; returns where the token ends. */
    int maskSegments(char[] s, int from, int n) {
        int i = from;
        while (i < n) {
            char c = s[i];
            if (isSpace(c)) {
                break;
            }
            if (c == ',' && jsonMembers && i + 1 < n && s[i + 1] == '"') {
                append(c);
                return i + 1;
            }
            if (c == ':' && isUrlScheme(s, i, n)) {
                int to = tokenEnd(s, i, n);
                length = tokenStart;
                tokenWord = false;
                tokenDepth = openBrackets;
                appendWildcard();
                appendTrailingPunctuation(s, i, to);
                return to;
            } else if (c == '=') {
                append(c);
                i = isTextKey(s, from, i) ? i + 1 : maskValue(s, i + 1, n);
            } else if (isPunctuation(c) || (c == '.' && isDotRun(s, i, n))) {
                if (c == '(' || c == '[' || c == '{') {
                    tokenDepth++;
                } else if ((c == ')' || c == ']' || c == '}') && tokenDepth > 0) {
                    tokenDepth--;
                }
                append(c);
                i++;
            } else {
                i = maskSegment(s, i, n);
            }
        }
        return i;
    }

    /** Masks a key=value value (from just after the '='); returns where the value ends. */
    private int maskValue(char[] s, int from, int n) {
        int close = from < n && (s[from] == '"' || s[from] == '\'') ? closingQuote(s, from, n) : -1;
        if (close > 0) {
            // a quoted value may hold spaces: tag="View Lock" is one value, as tag=x is
            appendWildcard();
            return close + 1;
        }
        int end = from;
        while (end < n && (CLASSES[s[end]] & (VALUE_END | SPACE)) == 0) {
            end++;
        }
        if (end > from) {
            appendWildcard();
        }
        return end;
    }

    /** Copies a segment, or writes {@code <*>} instead when it holds a digit. */
    private int maskSegment(char[] s, int from, int n) {
        char[] out = chars;
        int written = length;
        boolean digit = false;
        int dots = 0;
        int end = from;
        while (end < n) {
            char c = s[end];
            int cls = CLASSES[c];
            if ((cls & (PUNCTUATION | SPACE | MAYBE_STOP)) != 0) {
                if ((cls & (PUNCTUATION | SPACE)) != 0 || c == '=' || isDotRun(s, end, n)) {
                    break;
                }
                if (c == '.' && end > from && end + 1 < n && Character.isLetterOrDigit(s[end + 1])) {
                    dots++;
                }
            }
            digit |= (cls & DIGIT) != 0;
            out[written++] = c;
            end++;
        }
        // host:port with a dotted host name (proxy.example.org:5070) is one value, not a word
        if (digit || (dots > 0 && end + 1 < n && s[end] == ':' && (CLASSES[s[end + 1]] & DIGIT) != 0)) {
            appendWildcard();
        } else {
            // the '*' of a <*> already in the message is a parameter, not a word
            boolean star = written - length == 1 && out[length] == '*' && length > tokenStart && out[length - 1] == '<';
            tokenWildcard |= star;
            tokenWord |= !star;
            length = written;
        }
        return end;
    }

    private void beginToken() {
        if (count == starts.length) {
            starts = Arrays.copyOf(starts, count * 2);
            ends = Arrays.copyOf(ends, count * 2);
        }
        if (count > 0) {
            append(' ');
        }
        tokenStart = length;
        tokenWildcard = false;
        tokenWord = false;
        tokenDepth = openBrackets;
    }

    /**
     * Closes the token just written. A token that is all parameter ({@code <*>} with nothing but
     * punctuation around it: {@code (<*>)}, {@code <*>:<*>}, {@code '<*>'}) is written as one
     * {@code <*>}, keeping a trailing {@code :}, {@code ,} or {@code ;} that punctuates the
     * sentence and a closing bracket that a word of the line opened, and it joins the token before it when that one is a parameter too: a value that
     * spans a varying number of tokens ({@code <1 sec} against {@code 00:02:15}, {@code 451 bytes}
     * against {@code 1190 bytes (1.16 KB)}, lists) then gives the same tokens.
     */
    private void endToken() {
        if (joinParameters && tokenWildcard && !tokenWord) {
            int end = length;
            char punctuation = chars[end - 1];
            boolean punctuated = punctuation == ':' || punctuation == ',' || punctuation == ';';
            if (punctuated) {
                end--;
            }
            // a bracket that a word of the message opened is closed again: (char <*>)
            char closing = chars[end - 1];
            boolean closes = openBrackets > 0 && (closing == ')' || closing == ']' || closing == '}');
            if (closes) {
                openBrackets--;
            } else if (count > 0 && isParameter(count - 1)) {
                // drop this token and the space before it; the one before takes its punctuation
                tokenStart = starts[count - 1];
                count--;
            }
            length = tokenStart;
            appendWildcard();
            if (closes) {
                append(closing);
            }
            if (punctuated) {
                append(punctuation);
            }
        } else {
            openBrackets = tokenDepth;
        }
        starts[count] = tokenStart;
        ends[count] = length;
        count++;
    }

    /** {@code <*>}, maybe with a trailing {@code :}, {@code ,} or {@code ;}. */
    private boolean isParameter(int token) {
        int from = starts[token];
        int len = ends[token] - from;
        return (len == 3 || len == 4) && chars[from] == '<' && chars[from + 1] == '*' && chars[from + 2] == '>';
    }

    void appendWildcard() {
        tokenWildcard = true;
        chars[length] = '<';
        chars[length + 1] = '*';
        chars[length + 2] = '>';
        length += 3;
    }

    /** Capacity is ensured once per line, by {@link #tokenise} and {@link #splitTemplate}. */
    void append(char c) {
        chars[length++] = c;
    }
}
