package dev.vigil.patterns.lang;

import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.Token;

/**
 * Parses pattern files into the AST. Nothing is printed: ANTLR's console listeners are removed
 * and every problem becomes a {@link Diagnostic}. A syntax error hides the rest of its pattern
 * block (ANTLR's recovery would report the same typo several times), and a block with a syntax
 * error is left out of the AST so later passes do not report what follows from it.
 */
public final class PatternParser {
    private PatternParser() {}

    /** The outcome of parsing one file: the patterns that parsed and every problem found. */
    public record Result(PatternFile file, List<Diagnostic> diagnostics) {
        public Result {
            diagnostics = List.copyOf(diagnostics);
        }

        public boolean hasErrors() {
            return Diagnostic.anyError(diagnostics);
        }
    }

    /** Parses {@code text}; {@code path} is only used in diagnostics. */
    public static Result parse(String path, String text) {
        SyntaxErrorCollector collector = new SyntaxErrorCollector(path);
        VigilLexer lexer = new VigilLexer(CharStreams.fromString(text, path));
        lexer.removeErrorListeners();
        lexer.addErrorListener(collector);
        CommonTokenStream tokens = new CommonTokenStream(lexer);
        VigilParser parser = new VigilParser(tokens);
        parser.removeErrorListeners();
        parser.addErrorListener(collector);
        VigilParser.FileContext tree;
        try {
            tree = parser.file();
        } catch (StackOverflowError e) {
            Diagnostic tooDeep = Diagnostic.error(path, new Pos(1, 1), "syntax", "conditions nested too deeply to parse",
                    "split the condition into simpler parts");
            return new Result(new PatternFile(path, text, List.of()), List.of(tooDeep));
        }
        Blocks blocks = Blocks.of(tokens);
        List<Diagnostic> diagnostics = new ArrayList<>(firstErrorPerBlock(collector.errors(), blocks));
        AstBuilder builder = new AstBuilder(path, tokens);
        List<PatternDecl> patterns = new ArrayList<>();
        for (VigilParser.PatternContext p : tree.pattern()) {
            int block = blocks.indexOf(p.start.getLine());
            boolean broken = diagnostics.stream().anyMatch(d -> blocks.indexOf(d.line()) == block);
            if (!broken) {
                patterns.add(builder.pattern(p));
            }
        }
        List<RedactDecl> redactions = new ArrayList<>();
        for (VigilParser.RedactionContext r : tree.redaction()) {
            if (r.exception == null && diagnostics.stream().noneMatch(d -> d.line() == r.start.getLine())) {
                redactions.add(builder.redaction(r));
            }
        }
        diagnostics.addAll(builder.diagnostics());
        diagnostics.sort(Diagnostic.BY_POSITION);
        return new Result(new PatternFile(path, text, patterns, redactions), diagnostics);
    }

    private static List<Diagnostic> firstErrorPerBlock(List<Diagnostic> errors, Blocks blocks) {
        List<Diagnostic> kept = new ArrayList<>();
        int lastBlock = Integer.MIN_VALUE;
        for (Diagnostic d : errors) {
            int block = blocks.indexOf(d.line());
            if (block != lastBlock) {
                kept.add(d);
                lastBlock = block;
            }
        }
        return kept;
    }

    /** The first lines of the top-level {@code pattern} blocks, found from the tokens alone. */
    private record Blocks(List<Integer> startLines) {
        static Blocks of(CommonTokenStream tokens) {
            tokens.fill();
            List<Integer> starts = new ArrayList<>();
            int depth = 0;
            for (Token t : tokens.getTokens()) {
                String s = t.getText();
                if (s.equals("{")) {
                    depth++;
                } else if (s.equals("}")) {
                    depth = Math.max(0, depth - 1);
                } else if (depth == 0 && "'pattern'".equals(VigilLexer.VOCABULARY.getLiteralName(t.getType()))) {
                    starts.add(t.getLine());
                }
            }
            return new Blocks(starts);
        }

        /** -1 before the first block, else the index of the block the line falls in. */
        int indexOf(int line) {
            int index = -1;
            for (int i = 0; i < startLines.size() && startLines.get(i) <= line; i++) {
                index = i;
            }
            return index;
        }
    }
}
