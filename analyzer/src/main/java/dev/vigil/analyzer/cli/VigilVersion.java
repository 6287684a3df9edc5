package dev.vigil.analyzer.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar manifest, or "development build" when run from classes. */
final class VigilVersion implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = VigilVersion.class.getPackage().getImplementationVersion();
        return new String[] {"vigil " + (v == null ? "development build" : v)};
    }
}
