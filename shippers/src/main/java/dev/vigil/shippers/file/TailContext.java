package dev.vigil.shippers.file;

import dev.vigil.shippers.produce.EventShipper;
import dev.vigil.shippers.produce.SourceMetrics;
import dev.vigil.shippers.syslog.SyslogLineParser;
import java.time.Clock;
import java.util.Objects;

/** What every tailed file of one tailer shares. */
record TailContext(String host, FileTailConfig config, EventShipper shipper, SourceMetrics metrics, Clock clock,
        SyslogLineParser syslog) {
    TailContext {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(shipper, "shipper");
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(syslog, "syslog");
    }
}
