package dev.vigil.shippers;

import dev.vigil.shippers.file.FileInput;
import dev.vigil.shippers.file.FileTailConfig;
import dev.vigil.shippers.journald.JournaldSourceConfig;
import dev.vigil.shippers.kmsg.KmsgSourceConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * A shipper in a process of its own, for tests that kill it with SIGKILL.
 * Arguments: state folder, bootstrap servers, topic, log file, journal file.
 */
public final class ShipperProcessMain {
    private ShipperProcessMain() {}

    public static void main(String[] args) throws Exception {
        ShipperConfig config = ShipperConfig.defaults("web-1", Path.of(args[0]), args[1])
                .withTopics(args[2], args[2] + "-dead")
                .withKmsg(KmsgSourceConfig.disabled())
                .withJournald(new JournaldSourceConfig(true, Path.of("/usr/bin/journalctl"), null,
                        List.of(Path.of(args[4]))))
                .withFiles(FileTailConfig.defaults(List.of(new FileInput(args[3], false))));
        Shipper shipper = new Shipper(config, Clock.systemUTC());
        shipper.start();
        new CountDownLatch(1).await();
    }
}
