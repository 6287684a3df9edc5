package dev.vigil.shippers.file;

/**
 * Tells a file of binary records from a text log by its first bytes: wtmp, btmp and lastlog sit
 * beside the logs of {@code /var/log}, and a glob or a shell's {@code /var/log/*} takes them in.
 * Read as text, such a file gives lines of garbage and a last "line" without a newline, which
 * looks like a log cut mid-sentence.
 */
public final class BinaryContent {
    /** How much of a file's start is looked at. */
    public static final int HEAD_BYTES = 4096;

    private BinaryContent() {}

    /**
     * True when more than one in twenty of the bytes other than NUL are control bytes no text holds
     * (tab, line ends, form feed and the escape of colours aside). NUL alone does not count: a log
     * whose writer kept its offset across a copytruncate starts with a hole of them, then text.
     */
    public static boolean looksBinary(byte[] head) {
        int other = 0;
        int control = 0;
        for (byte b : head) {
            if (b == 0) {
                continue;
            }
            other++;
            if ((b > 0 && b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' && b != 0x1b) || b == 0x7f) {
                control++;
            }
        }
        return other >= 16 && control * 20 > other;
    }
}
