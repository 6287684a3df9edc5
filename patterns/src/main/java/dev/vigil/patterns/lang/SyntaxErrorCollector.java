package dev.vigil.patterns.lang;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.NoViableAltException;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.Vocabulary;
import org.antlr.v4.runtime.misc.IntervalSet;

/**
 * Replaces ANTLR's console listener: records each syntax error as a {@link Diagnostic} with
 * a message in the user's words ("unexpected 'treshold'") and a did-you-mean hint built from
 * the tokens the parser expected.
 */
final class SyntaxErrorCollector extends BaseErrorListener {
    private static final int MAX_LISTED = 8;
    private static final Pattern WORD = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");
    private static final String A_NAME = "a name";
    private static final Set<String> CONNECTIVES = Set.of("and", "or", "not", "where");

    private final String path;
    private final List<Diagnostic> errors = new ArrayList<>();

    SyntaxErrorCollector(String path) {
        this.path = path;
    }

    List<Diagnostic> errors() {
        return List.copyOf(errors);
    }

    @Override
    public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line,
                            int charPositionInLine, String msg, RecognitionException e) {
        Pos pos = new Pos(Math.max(line, 1), charPositionInLine + 1);
        if (!(recognizer instanceof Parser parser) || !(offendingSymbol instanceof Token token)) {
            errors.add(Diagnostic.error(path, pos, "syntax", msg, ""));
            return;
        }
        Set<String> expected = expectedWords(parser);
        if (token.getType() == Token.EOF) {
            errors.add(Diagnostic.error(path, pos, "syntax", "unexpected end of file",
                    "a closing '}' may be missing; expected " + listing(expected)));
            return;
        }
        if (e instanceof NoViableAltException noViable && danglingConnective(parser, noViable.getStartToken())) {
            return;
        }
        String text = token.getText();
        errors.add(Diagnostic.error(path, pos, "syntax", "unexpected '" + text + "'", hint(text, expected)));
    }

    /** A lone quote or slash is an unclosed literal; a word may be a misspelt keyword. */
    private static String hint(String text, Set<String> expected) {
        switch (text) {
            case "'":
                return "strings are in double quotes, e.g. \"text\"";
            case "\"":
                return "the string is not closed on this line";
            case "/":
                return "the regex is not closed with '/' on this line";
            default:
                break;
        }
        if (WORD.matcher(text).matches()) {
            Optional<String> near = Suggestions.closest(text, expected.stream().map(SyntaxErrorCollector::unquote).toList());
            if (near.isPresent()) {
                return "did you mean '" + near.get() + "'?";
            }
        }
        return "expected " + listing(expected);
    }

    /**
     * {@code where a == "x" and} at the end of a line makes the parser read the next clause as
     * the rest of the condition; the mistake is the dangling word, so point there.
     */
    private boolean danglingConnective(Parser parser, Token start) {
        if (start == null || start.getTokenIndex() < 1) {
            return false;
        }
        Token before = parser.getInputStream().get(start.getTokenIndex() - 1);
        if (!CONNECTIVES.contains(before.getText()) || before.getLine() >= start.getLine()) {
            return false;
        }
        errors.add(Diagnostic.error(path, new Pos(before.getLine(), before.getCharPositionInLine() + 1), "syntax",
                "'" + before.getText() + "' ends the line with no condition after it",
                "finish the condition, or remove '" + before.getText() + "'"));
        return true;
    }

    private static Set<String> expectedWords(Parser parser) {
        IntervalSet set = parser.getExpectedTokens();
        Vocabulary vocabulary = parser.getVocabulary();
        Set<String> words = new TreeSet<>();
        for (int type : set.toList()) {
            words.add(describe(vocabulary, type));
        }
        if (words.contains(A_NAME)) {
            // a keyword that may also be a name adds nothing to "a name"
            words.removeIf(w -> w.startsWith("'") && WORD.matcher(unquote(w)).matches());
        }
        return words;
    }

    private static String describe(Vocabulary vocabulary, int type) {
        if (type == Token.EOF) {
            return "end of file";
        }
        String literal = vocabulary.getLiteralName(type);
        if (literal != null) {
            return literal;
        }
        return switch (vocabulary.getSymbolicName(type)) {
            case "DURATION" -> "a duration like 10m";
            case "INT" -> "a number";
            case "IDENT" -> A_NAME;
            case "STRING" -> "a \"string\"";
            case "REGEX" -> "a /regex/";
            default -> vocabulary.getDisplayName(type);
        };
    }

    private static String unquote(String word) {
        return word.startsWith("'") && word.endsWith("'") ? word.substring(1, word.length() - 1) : word;
    }

    private static String listing(Set<String> expected) {
        if (expected.size() > MAX_LISTED) {
            return "one of " + String.join(", ", expected.stream().limit(MAX_LISTED).toList()) + ", …";
        }
        return expected.size() == 1 ? expected.iterator().next() : "one of " + String.join(", ", expected);
    }
}
