package dev.vigil.broker;

/** The broker's client port is taken by another process. */
public class PortInUseException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public PortInUseException(int port, Throwable cause) {
        super("port " + port + " on 127.0.0.1 is already in use; choose another with --kafka-port, "
                + "or point Vigil at that cluster with --bootstrap-servers", cause);
    }
}
