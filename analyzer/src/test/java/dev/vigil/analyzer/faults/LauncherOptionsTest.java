package dev.vigil.analyzer.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class LauncherOptionsTest {
    @Test
    void shouldTakeTheOptionsBeforeTheJarAndLeaveOutClassDataSharing() throws IOException {
        List<String> options = LauncherOptions.parse("java -Xms64m -Xmx512m -XX:+UseSerialGC -XX:MaxInlineLevel=3"
                + " -XX:SharedArchiveFile=/r/analyzer/target/vigil-analyze.jsa -Xlog:cds=off -jar /r/analyzer/target/vigil.jar"
                + " analyze --help");
        assertEquals(List.of("-Xms64m", "-Xmx512m", "-XX:+UseSerialGC", "-XX:MaxInlineLevel=3"), options);
    }

    @Test
    void shouldTakeTheOptionsOfTheJavaOfJavaHome() throws IOException {
        // with JAVA_HOME set the launcher prints that Java's path, not "java"
        List<String> options = LauncherOptions.parse("/usr/lib/jvm/temurin-25-jdk-amd64/bin/java -Xms64m -XX:+UseSerialGC"
                + " -jar /r/analyzer/target/vigil.jar analyze --help");
        assertEquals(List.of("-Xms64m", "-XX:+UseSerialGC"), options);
    }

    @Test
    void shouldRefuseALineThatIsNotAJavaCommand() {
        IOException e = assertThrows(IOException.class, () -> LauncherOptions.parse("vigil: building…"));
        assertEquals("not a java -jar command: 'vigil: building…'", e.getMessage());
    }

}
