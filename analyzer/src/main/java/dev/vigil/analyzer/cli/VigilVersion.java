package dev.vigil.analyzer.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * Vigil's version: the POM's, which the build writes into {@code vigil/version.properties} and the
 * jar's manifest ({@code Implementation-Version}).
 */
final class VigilVersion implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"vigil " + version(), "Java " + System.getProperty("java.version") + " ("
                + System.getProperty("java.vm.name") + ")"};
    }

    /** The version, or "development build" when neither the resource nor the manifest says it. */
    static String version() {
        try (InputStream in = VigilVersion.class.getResourceAsStream("/vigil/version.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                String v = p.getProperty("version", "");
                if (!v.isBlank() && !v.startsWith("${")) {
                    return v;
                }
            }
        } catch (IOException e) {
            // fall through to the manifest
        }
        String manifest = VigilVersion.class.getPackage().getImplementationVersion();
        return manifest == null ? "development build" : manifest;
    }
}
