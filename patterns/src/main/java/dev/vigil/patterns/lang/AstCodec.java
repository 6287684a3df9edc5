package dev.vigil.patterns.lang;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Parsed pattern files in a compact binary form, read back equal to what the parser made. The
 * standard library is parsed when Vigil is built and read in this form when it runs: parsing it
 * cold (ANTLR's lexer and prediction, interpreted, then compiled by the JIT) was a quarter of a
 * replay's start-up CPU; reading it back, about a hundredth of a second. Every record is written field
 * by field in declaration order, a reference behind a null flag, a list behind its size; a sealed
 * type's record behind a tag.
 */
public final class AstCodec {
    /** Written first; a stream of another version is refused, so a changed AST never reads stale bytes. */
    static final int VERSION = 4;

    private AstCodec() {}

    /** Writes {@code files} to {@code out}. */
    public static void write(List<PatternFile> files, DataOutput out) throws IOException {
        out.writeInt(VERSION);
        out.writeInt(files.size());
        for (PatternFile f : files) {
            new AstWriter(out).file(f);
        }
    }

    /** The files written by {@link #write}; an {@link IOException} for any other input. */
    public static List<PatternFile> read(DataInput in) throws IOException {
        int version = in.readInt();
        if (version != VERSION) {
            throw new IOException("parsed patterns of version " + version + ", expected " + VERSION);
        }
        int n = in.readInt();
        List<PatternFile> files = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            files.add(new AstReader(in).file());
        }
        return files;
    }
}
