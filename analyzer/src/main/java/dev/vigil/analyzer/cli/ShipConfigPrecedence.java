package dev.vigil.analyzer.cli;

import dev.vigil.shippers.ShipperConfig;
import dev.vigil.shippers.file.FileSelection;
import dev.vigil.shippers.file.FileTailConfig;
import dev.vigil.shippers.filter.FilterConfig;
import java.util.function.Predicate;

/**
 * {@code vigil ship}'s order of settings: a flag given on the command line or in a {@code VIGIL_*}
 * variable wins over the config file, the file over the built-in defaults.
 */
final class ShipConfigPrecedence {
    private ShipConfigPrecedence() {}

    /**
     * {@code file} (the config file read over {@code flags}) with every setting whose flag was
     * {@code given} put back to its value in {@code flags}.
     */
    static ShipperConfig flagsOver(ShipperConfig file, ShipperConfig flags, Predicate<String> given) {
        String host = given.test("--host") ? flags.host() : file.host();
        var stateDir = given.test("--state-dir") || given.test("--data-dir") ? flags.stateDir() : file.stateDir();
        String bootstrap = given.test("--bootstrap-servers") || given.test("--kafka-port")
                ? flags.bootstrapServers() : file.bootstrapServers();
        var journald = given.test("--no-journald") || given.test("--journal-directory") || given.test("--first-start")
                ? flags.journald() : file.journald();
        var kmsg = given.test("--no-kmsg") || given.test("--first-start") ? flags.kmsg() : file.kmsg();
        if (given.test("--journal-unit") || given.test("--journal-exclude-unit") || given.test("--journal-priority")
                || given.test("--journal-match") || given.test("--journal-current-boot")) {
            journald = journald.withFilter(file.journald().filter().or(flags.journald().filter()));
        }
        FileTailConfig f = file.files();
        if (given.test("--file") || given.test("--no-multiline")) {
            f = f.withInputs(flags.files().inputs());
        }
        if (given.test("--follow-symlinks")) {
            f = f.withFollowSymlinks(flags.files().followSymlinks());
        }
        FileSelection fs = f.selection();
        FileSelection ff = flags.files().selection();
        f = f.withSelection(new FileSelection(given.test("--exclude") ? ff.excludes() : fs.excludes(),
                given.test("--ignore-older") ? ff.ignoreOlder() : fs.ignoreOlder(),
                given.test("--max-open-files") ? ff.maxOpenFiles() : fs.maxOpenFiles()));
        FilterConfig filter = new FilterConfig(given.test("--drop") ? flags.filter().drops() : file.filter().drops(),
                given.test("--rate-limit") ? flags.filter().rateLimit() : file.filter().rateLimit());
        return new ShipperConfig(host, stateDir, bootstrap, file.kafkaOverrides(), file.eventsTopic(), file.deadLetterTopic(),
                journald, kmsg, f, file.heartbeatInterval(), file.checkpointInterval(), file.maxInFlightRecords(),
                file.maxInFlightBytes(), file.shutdownTimeout(), filter);
    }
}
