package dev.vigil.analyzer.cli;

import dev.vigil.analyzer.demo.DemoPlayer;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;

/** Tells how far a demo play is: a line at each tenth of the events, with the time left. */
final class DemoProgress {
    private final DemoPlayer.Timeline timeline;
    private final double speed;
    private final PrintWriter err;
    private final long started = System.nanoTime();
    private long played;
    private int tenthsShown;

    DemoProgress(DemoPlayer.Timeline timeline, double speed, PrintWriter err) {
        this.timeline = timeline;
        this.speed = speed;
        this.err = err;
    }

    void played() {
        played++;
        int tenths = (int) (played * 10 / timeline.events());
        if (tenths > tenthsShown && tenths < 10) {
            tenthsShown = tenths;
            Duration left = timeline.playTime(speed).minusNanos(System.nanoTime() - started);
            err.printf(Locale.ROOT, "vigil: demo %d%% (%d of %d events), about %s left%n",
                    tenths * 10, played, timeline.events(), DemoCommand.readable(left));
            err.flush();
        }
    }
}
