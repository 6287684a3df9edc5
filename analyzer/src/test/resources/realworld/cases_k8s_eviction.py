"""Cases of the real-world corpus for the two other ways kubelet ends a service: evicting pods from a
node short of memory or disk (its eviction manager), and killing a container whose liveness probe
failed. generate.py writes them with the others; every quoted line is verbatim from the source its
SOURCES entry names. kubelet's journal lines are its MESSAGE after journalctl's "host kubelet[pid]: "
prefix, at the offsets the source's stamps give."""


def register_k8s_eviction(g):
    case, expect, journal, text, daemon = g["case"], g["expect"], g["journal"], g["text"], g["daemon"]

    def kubelet_journal(host, pid, timed_lines, ident="kubelet", unit="kubelet.service"):
        """timed_lines: (seconds after the first line, MESSAGE) as the source's stamps space them."""
        return journal(host, [(at, daemon(ident, pid, unit, line, "6")) for at, line in timed_lines])

    no_liveness = [{"type": "liveness_kill"}]
    no_eviction = [{"type": "pod_eviction"}]

    # ============================== liveness probe kills ==============================
    case("kubelet", "aks-journal-liveness-kill-at-v2",
         "AKS node (2025), kubelet at -v=2 or more (its V(2) lines are there), journalctl -u kubelet while the busybox liveness-exec "
         "example deletes its health file: prober.go's 'Probe failed' three times 5 s apart, 'SyncLoop (probe)' "
         "unhealthy, then kuberuntime_manager.go's 'Message for Container of pod' with containerMessage=\"Container "
         "liveness failed liveness probe, will be restarted\" and the kill with a 30 s grace period; the container "
         "dies and starts again 31 s later. One liveness kill of liveness-exec/liveness.",
         "https://github.com/VijayRod/demo/blob/main/container-storage/logs/k8s-pod.md (journalctl -u kubelet on "
         "AKS, May 2025; the lines of the liveness-exec pod from its first failed probe on)",
         host="aks-nodepool1-29985679-vmss00000A",
         must=[expect("liveness_kill", pattern="kubelet_liveness_kill", subject="liveness-exec/liveness",
                      count=(1, 1), summary=["container liveness of pod liveness-exec"])],
         must_not=no_eviction)(
        kubelet_journal("aks-nodepool1-29985679-vmss00000A", 4052, [
            (0.0, 'I0516 18:34:39.885628    4052 prober.go:107] "Probe failed" probeType="Liveness" pod="default/liveness-exec" podUID="93e17ecc-ab55-461a-b526-29248d2554ad" containerName="liveness" probeResult="failure" output=<'),
            (5.0, 'I0516 18:34:44.887534    4052 prober.go:107] "Probe failed" probeType="Liveness" pod="default/liveness-exec" podUID="93e17ecc-ab55-461a-b526-29248d2554ad" containerName="liveness" probeResult="failure" output=<'),
            (10.0, 'I0516 18:34:49.885197    4052 prober.go:107] "Probe failed" probeType="Liveness" pod="default/liveness-exec" podUID="93e17ecc-ab55-461a-b526-29248d2554ad" containerName="liveness" probeResult="failure" output=<'),
            (10.0, 'I0516 18:34:49.885264    4052 kubelet.go:2528] "SyncLoop (probe)" probe="liveness" status="unhealthy" pod="default/liveness-exec"'),
            (10.0, 'I0516 18:34:49.885576    4052 kuberuntime_manager.go:1027] "Message for Container of pod" containerName="liveness" containerStatusID={"Type":"containerd","ID":"05657a9c673d612aedd955a65136ccca36b82ba987831de7844cdc0238f1d707"} pod="default/liveness-exec" containerMessage="Container liveness failed liveness probe, will be restarted"'),
            (10.0, 'I0516 18:34:49.885621    4052 kuberuntime_container.go:808] "Killing container with a grace period" pod="default/liveness-exec" podUID="93e17ecc-ab55-461a-b526-29248d2554ad" containerName="liveness" containerID="containerd://05657a9c673d612aedd955a65136ccca36b82ba987831de7844cdc0238f1d707" gracePeriod=30'),
            (41.0, 'I0516 18:35:20.075426    4052 kubelet.go:2439] "SyncLoop (PLEG): event for pod" pod="default/liveness-exec" event={"ID":"93e17ecc-ab55-461a-b526-29248d2554ad","Type":"ContainerDied","Data":"05657a9c673d612aedd955a65136ccca36b82ba987831de7844cdc0238f1d707"}'),
            (42.0, 'I0516 18:35:21.078268    4052 kubelet.go:2439] "SyncLoop (PLEG): event for pod" pod="default/liveness-exec" event={"ID":"93e17ecc-ab55-461a-b526-29248d2554ad","Type":"ContainerStarted","Data":"c6f825e51b97cba5742a8a857c789ed287ecd4bec7775e92473559d56026ef09"}')]))

    case("kubelet", "1.29-kubectl-describe-liveness-http-killed-three-times",
         "`kubectl describe pod` of the agnhost liveness-http example on AKS, which answers 500 after 10 s: the "
         "Killing row 'Container liveness failed liveness probe, will be restarted (x3 over 52s)' beside "
         "Unhealthy's 'Liveness probe failed: HTTP probe failed with statuscode: 500' (x9). The describe rows "
         "name the container, not the pod: one liveness kill of container liveness.",
         "https://github.com/VijayRod/demo/blob/main/container-storage/logs/k8s-pod.md (kubectl describe "
         "pod/liveness-http, kube-probe/1.29, Sep 2024; the four event rows the page quotes)",
         must=[expect("liveness_kill", pattern="kubelet_liveness_kill", subject="liveness",
                      summary=["kubelet killed container liveness because its liveness probe failed"])])(
        text("describe.txt", "/tmp/describe.txt", [
            "  Normal   Started    13s (x4 over 70s)  kubelet            Started container liveness",
            "  Warning  Unhealthy  13s (x9 over 58s)  kubelet            Liveness probe failed: HTTP probe failed with statuscode: 500",
            "  Normal   Killing    13s (x3 over 52s)  kubelet            Container liveness failed liveness probe, will be restarted",
            "  Normal   Pulled     13s (x3 over 50s)  kubelet            Container image \"registry.k8s.io/e2e-test-images/agnhost:2.40\" already present on machine"]))

    case("kubelet", "kubectl-get-events-custom-columns-liveness-kill",
         "`kubectl get events --watch -o custom-columns=TIME:.lastTimestamp,REASON:.reason,MSG:.message` for the "
         "inspektor-gadget pod on a loaded node: its liveness probe times out three times ('Liveness probe "
         "failed: ' with nothing after it), then 'Killing  Container gadget failed liveness probe, will be "
         "restarted' and the image is pulled again. One liveness kill of container gadget.",
         "https://github.com/inspektor-gadget/inspektor-gadget/pull/187 (the pull request's description, Jul "
         "2021; the table's last row, cut after its first two digits, left out)",
         host="blanquicet",
         must=[expect("liveness_kill", pattern="kubelet_liveness_kill", subject="gadget", count=(1, 1))])(
        text("events.txt", "/tmp/events.txt", [
            "TIME                   REASON      MSG",
            "<nil>                  Scheduled   Successfully assigned kube-system/gadget-nzg7r to blanquicet",
            "2021-07-01T13:53:17Z   Pulling     Pulling image \"docker.io/blanquicet/gadget:issue-liveness\"",
            "2021-07-01T13:53:20Z   Pulled      Successfully pulled image \"docker.io/blanquicet/gadget:issue-liveness\" in 3.244215468s",
            "2021-07-01T13:53:22Z   Created     Created container gadget",
            "2021-07-01T13:53:23Z   Started     Started container gadget",
            "2021-07-01T13:58:33Z   Unhealthy   Liveness probe failed: ",
            "2021-07-01T13:58:49Z   Unhealthy   Liveness probe failed: ",
            "2021-07-01T13:58:59Z   Unhealthy   Liveness probe failed: ",
            "2021-07-01T13:58:59Z   Killing     Container gadget failed liveness probe, will be restarted",
            "2021-07-01T13:59:09Z   Pulling     Pulling image \"docker.io/blanquicet/gadget:issue-liveness\"",
            "2021-07-01T13:59:15Z   Pulled      Successfully pulled image \"docker.io/blanquicet/gadget:issue-liveness\" in 5.710371319s"]))

    case("kubelet", "negative-liveness-probe-failing-without-restarts",
         "calico 3.12 nodes whose liveness and readiness probes time out now and then for 39 days while every "
         "calico-node pod runs 1/1 with no restarts: single failed probes that the next probe clears, never "
         "failureThreshold in a row, so kubelet kills nothing. No liveness kill.",
         "https://github.com/projectcalico/calico/issues/3420 (`kubectl describe pod calico-node | grep failed`, "
         "Apr 2020; the fourth row, cut mid-line, left out)",
         host="w4r008", negative=True, must_not=no_liveness)(
        text("describe.txt", "/tmp/describe.txt", [
            "  Warning  Unhealthy  50m (x789 over 39d)  kubelet, w4r008  Liveness probe failed: calico/node is not ready: Felix is not live: Get http://localhost:9099/liveness: net/http: request canceled while waiting for connection (Client.Timeout exceeded while awaiting headers)",
            "  Warning  Unhealthy  25m (x725 over 38d)  kubelet, w4r008  Readiness probe failed: calico/node is not ready: felix is not ready: Get http://localhost:9099/readiness: net/http: request canceled while waiting for connection (Client.Timeout exceeded while awaiting headers)",
            "  Warning  Unhealthy  6m17s (x723 over 39d)  kubelet, 0r002  Liveness probe failed: calico/node is not ready: Felix is not live: Get http://localhost:9099/liveness: net/http: request canceled while waiting for connection (Client.Timeout exceeded while awaiting headers)"]))

    case("kubelet", "negative-readiness-probe-failing",
         "calico 3.4 on Kubernetes: a new calico-node pod's readiness probe fails seven times in a minute "
         "(it probes the gateway's address instead of localhost). A failing readiness probe takes the pod out of "
         "its Services; kubelet kills nothing. No liveness kill.",
         "https://github.com/projectcalico/calico/issues/2880 (kubectl describe pod, Sep 2019; the Events table "
         "as the issue prints it, single-spaced)",
         host="ip-100-100-76-193.corp.pri", negative=True, must_not=no_liveness)(
        text("describe.txt", "/tmp/describe.txt", [
            "Events:",
            "Type Reason Age From Message",
            "Normal Scheduled 69s default-scheduler Successfully assigned kube-system/calico-node-zrtxw to ip-100-100-76-193.corp.pri",
            "Normal Pulled 68s kubelet, ip-100-100-76-193.corp.pri Container image \"quay.io/calico/cni:v3.4.0\" already present on machine",
            "Normal Created 68s kubelet, ip-100-100-76-193.corp.pri Created container install-cni",
            "Normal Started 68s kubelet, ip-100-100-76-193.corp.pri Started container install-cni",
            "Normal Pulled 66s kubelet, ip-100-100-76-193.corp.pri Container image \"quay.io/calico/node:v3.4.0\" already present on machine",
            "Normal Created 66s kubelet, ip-100-100-76-193.corp.pri Created container calico-node",
            "Normal Started 66s kubelet, ip-100-100-76-193.corp.pri Started container calico-node",
            "Warning Unhealthy 2s (x7 over 62s) kubelet, ip-100-100-76-193.corp.pri Readiness probe failed: calico/node is not ready: felix is not ready: Get http://localhost:9099/readiness: dial tcp IGW:9099: connect: connection refused"]))

    # ============================== evictions under node pressure ==============================
    case("kubelet", "1.4-journal-must-evict-memory-pod-evicted",
         "kubelet 1.4's eviction manager in the journal during a node e2e memory-eviction test: 'no resources are "
         "starved', then 'attempting to reclaim memory', 'must evict pod(s) to reclaim memory', the ranking, "
         "'pod guaranteed-cn933_…(uid) evicted successfully' 2 s later, and 'no resources are starved' again. One "
         "eviction of memory on the node, naming the pod.",
         "https://github.com/kubernetes/kubernetes/pull/31939 (journalctl -u kubelet in a comment, Sep 2016; the "
         "last line, cut after 'Se', left out)",
         host="localhost.localdomain",
         must=[expect("pod_eviction", pattern="kubelet_pod_eviction", subject="memory on localhost.localdomain",
                      count=(1, 1), summary=["to reclaim memory", "the last guaranteed-cn933"])],
         must_not=no_liveness)(
        kubelet_journal("localhost.localdomain", 18530, [
            (0.0, "I0902 15:20:02.917855   18530 eviction_manager.go:216] eviction manager: no resources are starved"),
            (10.0, "W0902 15:20:12.963510   18530 eviction_manager.go:223] eviction manager: attempting to reclaim memory"),
            (10.0, "I0902 15:20:12.963531   18530 eviction_manager.go:237] eviction manager: must evict pod(s) to reclaim memory"),
            (10.0, "I0902 15:20:12.963548   18530 eviction_manager.go:256] eviction manager: pods ranked for eviction: guaranteed-cn933_e2e-tests-eviction-test-simple-rkrca(33a5f9aa-7142-11e6-a2e9-28d2444e470d)"),
            (12.0, "I0902 15:20:14.747890   18530 eviction_manager.go:280] eviction manager: pod guaranteed-cn933_e2e-tests-eviction-test-simple-rkrca(33a5f9aa-7142-11e6-a2e9-28d2444e470d) evicted successfully"),
            (22.0, "I0902 15:20:24.777956   18530 eviction_manager.go:216] eviction manager: no resources are starved"),
            (32.0, "I0902 15:20:34.865967   18530 eviction_manager.go:216] eviction manager: no resources are starved")]))

    case("kubelet", "1.13-pods-evicted-waiting-for-cleanup",
         "kubelet 1.13 on minikube evicts kube-proxy: 'eviction manager: pods kube-proxy-kfs8p_kube-system(uid) "
         "evicted, waiting for pod to be cleaned up', the wording of 1.7 to 1.19. One eviction naming the pod; "
         "the line names no resource.",
         "https://github.com/kubernetes/minikube/blob/master/pkg/minikube/logs/logs_test.go (the line minikube's "
         "log scan is tested with, from kubernetes/minikube#3611, Feb 2019; its klog header cut before the file "
         "name as minikube quotes it)",
         host="minikube",
         must=[expect("pod_eviction", pattern="kubelet_pod_eviction", subject="minikube",
                      summary=["the last kube-proxy-kfs8p"])])(
        kubelet_journal("minikube", 3344, [
            (0.0, "eviction_manager.go:187] eviction manager: pods kube-proxy-kfs8p_kube-system(27fd6b4b-33cf-11e9-ae1d-00155d4b0144) evicted, waiting for pod to be cleaned up")]))

    case("kubelet", "structured-journal-pod-evicted-successfully",
         "A 2025 kubelet under ephemeral-storage pressure (soft eviction), structured logging: 'Eviction manager: "
         "pods ranked for eviction' pods=[…] then 'Eviction manager: pod is evicted successfully' "
         "pod=\"sre/infras-logstash-d484d57fc-rkx95\". One eviction naming the pod.",
         "https://github.com/kubernetes/kubernetes/issues/132001 (journalctl of the kubelet, May 2025; the third "
         "line, cut after its stamp, left out)",
         host="192-168-250-5",
         must=[expect("pod_eviction", pattern="kubelet_pod_eviction", count=(1, 1),
                      summary=["the last infras-logstash-d484d57fc-rkx95"])])(
        kubelet_journal("192-168-250-5", 2269385, [
            (0.0, 'I0528 16:05:50.514706 2269385 eviction_manager.go:405] "Eviction manager: pods ranked for eviction" pods=["sre/infras-logstash-d484d57fc-rkx95","sre/admin-api-server-847868d7b-7sqdm","scrm/portal-h5-7c46694b8f-bkz95"]'),
            (4.0, 'I0528 16:05:54.802914 2269385 eviction_manager.go:627] "Eviction manager: pod is evicted successfully" pod="sre/infras-logstash-d484d57fc-rkx95"')]))

    case("kubelet", "pod-status-evicted-ephemeral-storage-threshold",
         "The same evicted pod's status read with `kubectl get pod -o jsonpath` (name, reason, message, "
         "tab-separated): 'Evicted  The node was low on resource: ephemeral-storage. Threshold quantity: 30Gi, "
         "available: 24094024Ki. Container infras-logstash was using 2456Ki, request is 0, …'. One eviction "
         "of ephemeral-storage.",
         "https://github.com/kubernetes/kubernetes/issues/132001 (May 2025)",
         host="192-168-250-5",
         must=[expect("pod_eviction", pattern="kubelet_pod_eviction", subject="ephemeral-storage on 192-168-250-5",
                      summary=["to reclaim ephemeral-storage"])])(
        text("pod-status.txt", "/tmp/pod-status.txt", [
            "infras-logstash-d484d57fc-rkx95\t\tEvicted\t\tThe node was low on resource: ephemeral-storage. Threshold quantity: 30Gi, available: 24094024Ki. Container infras-logstash was using 2456Ki, request is 0, has larger consumption of ephemeral-storage. "]))

    case("kubelet", "pre-1.11-pod-status-evicted-nodefs",
         "Prow's test pods (Kubernetes of Sep 2017, before 1.11) evicted again and again, the reason and message of one as the "
         "maintainer pasted them: 'Evicted\t\tThe node was low on resource: nodefs.', the resource named by its "
         "eviction signal before 1.11 renamed it ephemeral-storage. One eviction of nodefs.",
         "https://github.com/kubernetes/test-infra/pull/4580 (a comment, Sep 2017; the tab-separated columns "
         "inside the comment's code span)",
         host="prow-node",
         must=[expect("pod_eviction", pattern="kubelet_pod_eviction", subject="nodefs on prow-node",
                      summary=["to reclaim nodefs"])])(
        text("pods.txt", "/tmp/pods.txt", ["Evicted\t\tThe node was low on resource: nodefs."]))

    case("kubelet", "describe-evicted-ephemeral-storage-stopping-container",
         "`kubectl describe pod` of a calico-node evicted for ephemeral-storage (Kubernetes 1.18 era, 'kubelet, "
         "mgt04' in From): 'Killing  Stopping container calico-node' and 'Evicted  The node was low on resource: "
         "ephemeral-storage. Container calico-node was using 92Ki, which exceeds its request of 0.' One eviction; "
         "the Killing row of the eviction is no liveness kill.",
         "https://github.com/kubernetes/kubernetes/issues/91600 (May 2020)",
         host="mgt04",
         must=[expect("pod_eviction", pattern="kubelet_pod_eviction", subject="ephemeral-storage on mgt04")],
         must_not=no_liveness)(
        text("describe.txt", "/tmp/describe.txt", [
            "Events:",
            "  Type     Reason          Age                From               Message",
            "  ----     ------          ----               ----               -------",
            "  Normal   Created         18m (x2 over 18m)  kubelet, mgt04     Created container calico-node",
            "  Normal   Started         18m (x2 over 18m)  kubelet, mgt04     Started container calico-node",
            "  Normal   Killing         18m (x2 over 18m)  kubelet, mgt04     Stopping container calico-node",
            "  Warning  Evicted         18m                kubelet, mgt04     The node was low on resource: ephemeral-storage. Container calico-node was using 92Ki, which exceeds its request of 0."]))

    case("kubelet", "describe-pod-status-evicted-memory",
         "`kubectl describe` of a pgpool pod evicted for memory (2021): 'Status: Failed', 'Reason: Evicted', "
         "'Message: The node was low on resource: memory. Container treetracker-pgpool was using 1275700Ki, which "
         "e' (the issue wrapped the rest of the message to the next line). One eviction of memory.",
         "https://github.com/Greenstand/treetracker-infrastructure/issues/49 (Aug 2021; the header of the "
         "describe output down to the wrapped message)",
         host="cloud-services-node-pool-8ld4g",
         must=[expect("pod_eviction", pattern="kubelet_pod_eviction", subject="memory on cloud-services-node-pool-8ld4g")])(
        text("describe.txt", "/tmp/describe.txt", [
            "Name:           treetracker-pgpool-598947fd8f-vzvkq",
            "Namespace:      pgpool",
            "Priority:       0",
            "Node:           cloud-services-node-pool-8ld4g/",
            "Start Time:     Sat, 21 Aug 2021 10:38:36 +0800",
            "Labels:         app=treetracker-pgpool",
            "                pod-template-hash=598947fd8f",
            "Annotations:    <none>",
            "Status:         Failed",
            "Reason:         Evicted",
            "Message:        The node was low on resource: memory. Container treetracker-pgpool was using 1275700Ki, which e"]))

    case("kubelet", "1.3-e2e-event-low-on-compute-resources",
         "Kubernetes 1.3/1.4's Evicted event named no resource: 'Evicted: The node was low on compute resources.', "
         "here as a node e2e run logs the events of its cadvisor pod. One eviction; the event names no resource.",
         "https://github.com/kubernetes/kubernetes/issues/31397 (the e2e log quoted in the issue, Aug 2016)",
         host="tmp-node-e2e-f170f56a-e2e-node-ubuntu-trusty-docker10-v1-image",
         must=[expect("pod_eviction", pattern="kubelet_pod_eviction", summary=["kubelet evicted 1 pod(s)"])])(
        text("e2e.log", "/tmp/e2e.log", [
            "09:01:32 Aug 24 15:46:06.501: INFO: At 2016-08-24 15:46:06 +0000 UTC - event for cadvisor: {kubelet tmp-node-e2e-f170f56a-e2e-node-ubuntu-trusty-docker10-v1-image} Evicted: The node was low on compute resources."]))

    case("kubelet", "negative-must-evict-only-critical-static-pods",
         "kubelet 1.14 on minikube out of ephemeral-storage: it deletes unused containers and images, decides it "
         "'must evict pod(s) to reclaim ephemeral-storage', and ranks only the control plane's static pods, which "
         "it never evicts (the next line, cut in the source, is 'cannot evict a critical stat…'). Nothing is "
         "evicted: no eviction incident.",
         "https://github.com/kubernetes/minikube/issues/4084 (journalctl -u kubelet in `minikube logs`, Apr 2019; "
         "the lines before the cut one)",
         host="Ahmadreza", negative=True, must_not=no_eviction)(
        kubelet_journal("Ahmadreza", 14260, [
            (0.0, "W0412 09:28:14.744599   14260 eviction_manager.go:333] eviction manager: attempting to reclaim ephemeral-storage"),
            (0.0, "I0412 09:28:14.744640   14260 container_gc.go:85] attempting to delete unused containers"),
            (0.012, "I0412 09:28:14.756764   14260 image_gc_manager.go:317] attempting to delete unused images"),
            (0.025, "I0412 09:28:14.769517   14260 eviction_manager.go:344] eviction manager: must evict pod(s) to reclaim ephemeral-storage"),
            (0.025, "I0412 09:28:14.769630   14260 eviction_manager.go:362] eviction manager: pods ranked for eviction: kube-scheduler-minikube_kube-system(58272442e226c838b193bbba4c44091e), kube-apiserver-minikube_kube-system(bed9378230899740b9b543ba67fc6aba), kube-controller-manager-minikube_kube-system(bdfb77c730b28423d94cceb95c2f9b79), etcd-minikube_kube-system(9b3117e6b116da497f1c7069f2976961)")]))

    case("kubelet", "negative-attempting-to-reclaim-imagefs",
         "An OpenShift host whose kubelet logs through dockerd-current: 'eviction manager: attempting to reclaim "
         "imagefs', then deleting unused containers and images, the node-level reclaim kubelet tries before it "
         "evicts anyone. No eviction.",
         "https://github.com/fusor/catasb/pull/201 (journalctl -e quoted in the pull request, Jan 2018)",
         host="speed3", negative=True, must_not=no_eviction)(
        kubelet_journal("speed3", 21270, [
            (0.0, "W0110 14:41:08.646423   23589 eviction_manager.go:332] eviction manager: attempting to reclaim imagefs"),
            (0.0, "I0110 14:41:08.646459   23589 helpers.go:1070] eviction manager: attempting to delete unused containers"),
            (0.005, "I0110 14:41:08.651090   23589 helpers.go:1080] eviction manager: attempting to delete unused images")],
            ident="dockerd-current", unit="docker.service"))

    case("kubelet", "negative-admission-refused-under-pressure",
         "kubelet 1.9.1 refusing to admit a new pod while the node has MemoryPressure: "
         "'Failed to admit pod … - node has conditions: [MemoryPressure]', and 'attempting to reclaim memory'. "
         "A pod that never started is not an evicted one: no eviction.",
         "https://github.com/kubernetes/kubernetes/issues/58541 (journalctl, kubelet 1.9.1, Jan 2018; the first two "
         "lines, the third cut mid-word)",
         host="o1.home", negative=True, must_not=no_eviction)(
        kubelet_journal("o1.home", 32406, [
            (0.0, "W0120 00:20:07.544864   32406 eviction_manager.go:142] Failed to admit pod kube-proxy-bbrr6_kube-system(860629c4-fd5e-11e7-880c-6c626d3ed96f) - node has conditions: [MemoryPressure]"),
            (0.2, "W0120 00:20:07.726836   32406 eviction_manager.go:332] eviction manager: attempting to reclaim memory")]))
