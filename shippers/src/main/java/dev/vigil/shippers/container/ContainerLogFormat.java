package dev.vigil.shippers.container;

/** The log files container runtimes write, each line one record of a container's output. */
public enum ContainerLogFormat {
    /** Kubernetes' CRI format (containerd, CRI-O): {@code 2016-10-06T00:17:09.669794202Z stderr F text}. */
    CRI("cri") {
        @Override
        public ContainerRecord parse(String line) {
            return CriLogLine.parse(line);
        }
    },
    /** Docker's json-file driver: {@code {"log":"text\n","stream":"stderr","time":"…"}}. */
    DOCKER_JSON("docker-json") {
        @Override
        public ContainerRecord parse(String line) {
            return DockerJsonLogLine.parse(line);
        }
    };

    private final String spelling;

    ContainerLogFormat(String spelling) {
        this.spelling = spelling;
    }

    /** The record {@code line} holds, or null when it is not one of this format. */
    public abstract ContainerRecord parse(String line);

    /** The format whose record {@code firstLine} is, or null when it is neither. */
    public static ContainerLogFormat detect(String firstLine) {
        for (ContainerLogFormat f : values()) {
            if (f.parse(firstLine) != null) {
                return f;
            }
        }
        return null;
    }

    /** How configuration and the command line spell it: {@code cri}, {@code docker-json}. */
    @Override
    public String toString() {
        return spelling;
    }
}
