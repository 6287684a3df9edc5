package dev.vigil.shippers;

import java.util.List;

/** A shipper config file with problems; the message lists every one as {@code file:line: message}. */
public class ConfigFileException extends Exception {
    private static final long serialVersionUID = 1L;
    private final List<String> problems;

    public ConfigFileException(List<String> problems) {
        super(String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    /** Each problem, as {@code file:line: message}. */
    public List<String> problems() {
        return problems;
    }
}
