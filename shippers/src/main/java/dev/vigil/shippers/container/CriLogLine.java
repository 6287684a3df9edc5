package dev.vigil.shippers.container;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * The CRI log format kubelet reads and containerd and CRI-O write to
 * {@code /var/log/pods/<namespace>_<pod>_<uid>/<container>/<restart>.log}:
 * {@code <RFC 3339 nano time> <stdout|stderr> <tags> <content>}, the tags {@code P} (partial: the
 * line goes on in the stream's next record) or {@code F} (full), then optional {@code :}-separated
 * ones. As in kubernetes {@code pkg/kubelet/kuberuntime/logs/logs.go} ({@code parseCRILog}) and the
 * CRI container logging design ({@code kubernetes/design-proposals-archive
 * node/kubelet-cri-logging.md}). Unlike kubelet, a record with nothing after its tag and no space
 * (CRI-O's empty line as some tools show it) is read as an empty line.
 */
final class CriLogLine {
    private CriLogLine() {}

    /** The record of {@code line}, or null when it is not a CRI record. */
    static ContainerRecord parse(String line) {
        // cheap rejection first: every CRI record starts with the year's digits
        if (line.length() < 28 || !Character.isDigit(line.charAt(0)) || line.charAt(4) != '-') {
            return null;
        }
        int timeEnd = line.indexOf(' ');
        if (timeEnd < 0) {
            return null;
        }
        int streamEnd = line.indexOf(' ', timeEnd + 1);
        if (streamEnd < 0) {
            return null;
        }
        String stream = line.substring(timeEnd + 1, streamEnd);
        if (!stream.equals("stdout") && !stream.equals("stderr")) {
            return null;
        }
        int tagsEnd = line.indexOf(' ', streamEnd + 1);
        String tags = tagsEnd < 0 ? line.substring(streamEnd + 1) : line.substring(streamEnd + 1, tagsEnd);
        int colon = tags.indexOf(':');
        String first = colon < 0 ? tags : tags.substring(0, colon);
        if (!first.equals("P") && !first.equals("F")) {
            return null;
        }
        Instant time = time(line.substring(0, timeEnd));
        if (time == null) {
            return null;
        }
        String content = tagsEnd < 0 ? "" : line.substring(tagsEnd + 1);
        return new ContainerRecord(time, stream, first.equals("P"), content, Map.of());
    }

    /** RFC 3339 with up to nine digits of fraction and {@code Z} or an offset (CRI-O writes the host's). */
    static Instant time(String text) {
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeException e) {
            return null;
        }
    }
}
