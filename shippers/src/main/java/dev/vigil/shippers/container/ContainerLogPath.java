package dev.vigil.shippers.container;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a container log file's path tells of its container, for the fields of its events (so a
 * pattern can {@code group by pod}). kubelet's layout (kubernetes {@code pkg/kubelet/kuberuntime/helpers.go}
 * {@code BuildContainerLogsDirectory}, {@code pkg/kubelet/kuberuntime/kuberuntime_container.go}
 * {@code legacyLogSymlink}) and Docker's:
 * <ul>
 *   <li>{@code /var/log/pods/<namespace>_<pod>_<uid>/<container>/<restart>.log}, rotated to
 *       {@code <restart>.log.<stamp>} (gzipped after the first);</li>
 *   <li>{@code /var/log/containers/<pod>_<namespace>_<container>-<container id>.log}, links to the above;</li>
 *   <li>{@code /var/lib/docker/containers/<id>/<id>-json.log}, rotated to {@code -json.log.1}.</li>
 * </ul>
 * Namespace and pod names are DNS names, so they hold no {@code _} and the split is exact.
 */
public final class ContainerLogPath {
    private static final Pattern POD_LOG = Pattern.compile(
            "/pods/([^/_]+)_([^/_]+)_([^/_]+)/([^/]+)/(\\d+)\\.log(?:\\.[^/]*)?$");
    private static final Pattern CONTAINER_LINK = Pattern.compile(
            "/containers/([^/_]+)_([^/_]+)_([^/]+)-([0-9a-f]{64})\\.log$");
    private static final Pattern DOCKER_LOG = Pattern.compile("/containers/([0-9a-f]{64})/\\1-json\\.log(?:\\.\\d+)?$");

    private ContainerLogPath() {}

    /**
     * {@code namespace}, {@code pod}, {@code pod_uid}, {@code container}, {@code restart} and
     * {@code container_id}, those the path names; empty when it has none of the shapes above.
     */
    public static Map<String, String> fields(String path) {
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher m;
        if ((m = POD_LOG.matcher(path)).find()) {
            fields.put("namespace", m.group(1));
            fields.put("pod", m.group(2));
            fields.put("pod_uid", m.group(3));
            fields.put("container", m.group(4));
            fields.put("restart", m.group(5));
        } else if ((m = CONTAINER_LINK.matcher(path)).find()) {
            fields.put("namespace", m.group(2));
            fields.put("pod", m.group(1));
            fields.put("container", m.group(3));
            fields.put("container_id", m.group(4));
        } else if ((m = DOCKER_LOG.matcher(path)).find()) {
            fields.put("container_id", m.group(1));
        }
        return fields;
    }
}
