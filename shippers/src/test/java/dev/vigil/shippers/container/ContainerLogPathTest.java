package dev.vigil.shippers.container;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Paths as kubelet and Docker lay them out (pod and namespace names from kubeedge/sedna#320's kb pod). */
class ContainerLogPathTest {
    private static final String ID = "2c3ffc34a91dda2d472b74708fad7cbc6fd9caabda5c2565fb417294298bb027";

    @Test
    void shouldNamePodNamespaceAndContainerOfAKubeletLogAndItsRotations() {
        Map<String, String> expected = Map.of("namespace", "sedna", "pod", "kb-6d4f9c7b8-x2l5q",
                "pod_uid", "dce8feb5-7afd-4625-9ee1-ff8d65ebaf5c", "container", "kb", "restart", "3");
        String dir = "/var/log/pods/sedna_kb-6d4f9c7b8-x2l5q_dce8feb5-7afd-4625-9ee1-ff8d65ebaf5c/kb/";
        assertEquals(expected, ContainerLogPath.fields(dir + "3.log"));
        assertEquals(expected, ContainerLogPath.fields(dir + "3.log.20220609-101500"));
        assertEquals(expected, ContainerLogPath.fields(dir + "3.log.20220609-101500.gz"));
    }

    @Test
    void shouldNameThemFromTheLinkInVarLogContainers() {
        assertEquals(Map.of("namespace", "pcoe", "pod", "srl-worker-deployment-6bcdd46d5d-klkbw", "container", "srl-worker",
                        "container_id", ID),
                ContainerLogPath.fields("/var/log/containers/srl-worker-deployment-6bcdd46d5d-klkbw_pcoe_srl-worker-" + ID + ".log"));
    }

    @Test
    void shouldNameTheContainerOfADockerLogAndNothingOfOtherPaths() {
        assertEquals(Map.of("container_id", ID), ContainerLogPath.fields("/var/lib/docker/containers/" + ID + "/" + ID + "-json.log"));
        assertEquals(Map.of("container_id", ID), ContainerLogPath.fields("/var/lib/docker/containers/" + ID + "/" + ID + "-json.log.1"));
        assertEquals(Map.of(), ContainerLogPath.fields("/var/log/app/worker.log"));
        assertEquals(Map.of(), ContainerLogPath.fields("/srv/pods/notes.log"));
    }
}
