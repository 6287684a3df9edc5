"""Cases of the real-world corpus for containers killed on a Kubernetes node: containerd's TaskOOM event
(the OOM killer killed a process in a container's memory cgroup), and kubelet's probe kills in the wordings
the liveness cases of cases_k8s_eviction.py do not cover (the startup probe, and the Killing event before
about 1.16). generate.py writes them with the others; every quoted line is verbatim from the source its
SOURCES entry names. A journal line is the MESSAGE after journalctl's "host containerd[pid]: " prefix."""


def register_k8s_oom(g):
    case, expect, journal, text, syslog, daemon = (g["case"], g["expect"], g["journal"], g["text"], g["syslog"],
                                                   g["daemon"])

    no_container_oom = [{"type": "container_oom_killed"}, {"type": "oom_kill"}]
    no_liveness = [{"type": "liveness_kill"}]

    # ============================== containerd's TaskOOM event ==============================
    case("docker", "containerd-2019-taskoom-events-repeated",
         "containerd of March 2019 on a Kubernetes node (the CRI plugin's 'TaskOOM event &TaskOOM{ContainerID:…,}', "
         "gogo/protobuf's form without the XXX_unrecognized member later releases print): the events of two "
         "containers logged again and again within milliseconds, the node's pods stuck terminating. One incident "
         "per container, each counting its events.",
         "https://github.com/containerd/containerd/issues/3138 (the containerd journal in the issue's description, "
         "Mar 2019; the spam's first four lines, as journalctl prints them)",
         host="apvrp22581",
         must=[expect("container_oom_killed", pattern="containerd_task_oom", subject="container af134047d061",
                      count=(2, 2), summary=["killed a process of container af134047d061"]),
               expect("container_oom_killed", pattern="containerd_task_oom", subject="container ba8aca7a374f",
                      count=(2, 2))])(
        syslog("containerd.journal", [
            'Mar 28 12:22:02 apvrp22581 containerd[6489]: time="2019-03-28T12:22:02.843493956-05:00" level=info msg="TaskOOM event &TaskOOM{ContainerID:af134047d061f40b4ed78434de3ed8e292ff017a0e86b216e689e883ab450b30,}"',
            'Mar 28 12:22:02 apvrp22581 containerd[6489]: time="2019-03-28T12:22:02.844276342-05:00" level=info msg="TaskOOM event &TaskOOM{ContainerID:ba8aca7a374f6d7d4c6af8d51c1d83da5f15a9493e6c381adb3c2bd546ebfde1,}"',
            'Mar 28 12:22:02 apvrp22581 containerd[6489]: time="2019-03-28T12:22:02.844303113-05:00" level=info msg="TaskOOM event &TaskOOM{ContainerID:af134047d061f40b4ed78434de3ed8e292ff017a0e86b216e689e883ab450b30,}"',
            'Mar 28 12:22:02 apvrp22581 containerd[6489]: time="2019-03-28T12:22:02.845209833-05:00" level=info msg="TaskOOM event &TaskOOM{ContainerID:ba8aca7a374f6d7d4c6af8d51c1d83da5f15a9493e6c381adb3c2bd546ebfde1,}"']))

    case("docker", "containerd-1.7-taskoom-event-text-form",
         "containerd 1.7 in Kubernetes' node e2e OOM test on Ubuntu: the event in the Go protobuf text form, "
         "'TaskOOM event container_id:\\\"…\\\"', then the pod's sandbox stopped a second later (the id is the "
         "sandbox's, containerd 1.7 routing the event to the pod: the issue's point). One OOM kill in that "
         "container (or pod), named by its id.",
         "https://github.com/containerd/containerd/issues/8893 (journal of the ci-containerd-node-e2e-1-7 job's "
         "node, quoted in a comment, Sep 2023)",
         host="tmp-node-e2e-b9a730eb-ubuntu-gke-2204-1-24-v20220623",
         must=[expect("container_oom_killed", pattern="containerd_task_oom", subject="container 4bcba7fc4369",
                      count=(1, 1))])(
        journal("tmp-node-e2e-b9a730eb-ubuntu-gke-2204-1-24-v20220623", [
            (0.0, daemon("containerd", 1472, "containerd.service", 'time="2023-09-01T19:12:33.012922721Z" level=info msg="TaskOOM event container_id:\\"4bcba7fc4369fee4d7d2e6263b58fce52cfc928c6a31cfac4d43c838708991ce\\""')),
            (1.7, daemon("containerd", 1472, "containerd.service", 'time="2023-09-01T19:12:34.733787645Z" level=info msg="StopPodSandbox for \\"4bcba7fc4369fee4d7d2e6263b58fce52cfc928c6a31cfac4d43c838708991ce\\""'))]))

    case("docker", "negative-containerd-1.2-stop-taskexit-143",
         "containerd 1.2's CRI plugin stopping a container: 'StopContainer … with timeout 10 (s)', 'Stop container … "
         "with signal terminated', then its TaskExit event with ExitStatus:143 (SIGTERM). A container that ends "
         "when it is told to is no OOM kill; TaskExit is containerd's event for every container that ends.",
         "https://github.com/containerd/containerd/issues/2744 (containerd's log in a comment, Dec 2018; the first "
         "three lines, before the stop times out)",
         negative=True, must_not=no_container_oom)(
        text("containerd.log", "/var/log/containerd.log", [
            'INFO[2018-12-03T21:09:13.471760732Z] StopContainer for "99a97d5c709457dfd4b281869e7c40b15dcc6d86617628210b90c5054c9b6c33" with timeout 10 (s)',
            'INFO[2018-12-03T21:09:13.480194210Z] Stop container "99a97d5c709457dfd4b281869e7c40b15dcc6d86617628210b90c5054c9b6c33" with signal terminated',
            'INFO[2018-12-03T21:09:13.541933086Z] TaskExit event &TaskExit{ContainerID:99a97d5c709457dfd4b281869e7c40b15dcc6d86617628210b90c5054c9b6c33,ID:99a97d5c709457dfd4b281869e7c40b15dcc6d86617628210b90c5054c9b6c33,Pid:3602,ExitStatus:143,ExitedAt:2018-12-03 21:09:13.487617708 +0000 UTC,}']))

    case("docker", "negative-containerd-kill-after-grace-period",
         "containerd (2019, runc v2 shim) stopping a container that ignores SIGTERM: 'StopContainer … with timeout "
         "30 (s)', 'Stop container … with signal terminated', 30 s later the wait times out and 'Kill container' "
         "sends SIGKILL, the exit code 137 that an OOM kill also gives. A stop that took the force is no OOM kill.",
         "https://github.com/containerd/containerd/issues/3177 (containerd's log in the description, Apr 2019; the "
         "first four lines, before the kill is retried)",
         negative=True, must_not=no_container_oom)(
        text("containerd.log", "/var/log/containerd.log", [
            'time="2019-04-04T19:00:38.820964256Z" level=info msg="StopContainer for \\"0c88fdd8abb9d3896544a8a2c453767845c1f6e5eede276cdff6c5c3f302d69d\\" with timeout 30 (s)"',
            'time="2019-04-04T19:00:38.845300164Z" level=info msg="Stop container \\"0c88fdd8abb9d3896544a8a2c453767845c1f6e5eede276cdff6c5c3f302d69d\\" with signal terminated"',
            'time="2019-04-04T19:01:08.860084368Z" level=error msg="An error occurs during waiting for container \\"0c88fdd8abb9d3896544a8a2c453767845c1f6e5eede276cdff6c5c3f302d69d\\" to be stopped" error="wait container \\"0c88fdd8abb9d3896544a8a2c453767845c1f6e5eede276cdff6c5c3f302d69d\\" stop timeout"',
            'time="2019-04-04T19:01:08.860143562Z" level=info msg="Kill container \\"0c88fdd8abb9d3896544a8a2c453767845c1f6e5eede276cdff6c5c3f302d69d\\""']))

    # ============================== probe kills kubelet_liveness_kill did not read ==============================
    case("kubelet", "rke2-1.26-describe-startup-probe-kill",
         "`kubectl describe` of an RKE2 v1.26.7 kube-apiserver pod whose startup probe (kubectl get --raw=/livez) "
         "times out again and again: 'Startup probe failed: command … timed out' (x22, x24), then 'Killing  "
         "Container kube-apiserver failed startup probe, will be restarted' and the sandbox re-created. One probe "
         "kill of container kube-apiserver, the startup probe named.",
         "https://github.com/rancher/rancher/issues/42505 (kubectl describe pod in the description, Aug 2023; the "
         "event rows from the first Unhealthy on, the last, cut mid-word, left out)",
         must=[expect("liveness_kill", pattern="kubelet_liveness_kill", subject="kube-apiserver", count=(1, 1),
                      summary=["kubelet killed container kube-apiserver because its startup probe failed"])])(
        text("describe.txt", "/tmp/describe.txt", [
            '  Warning  Unhealthy       58m (x22 over 62m)    kubelet  Startup probe failed: command "kubectl get --server=https://localhost:6443/ --client-certificate=/var/lib/rancher/rke2/server/tls/client-kube-apiserver.crt --client-key=/var/lib/rancher/rke2/server/tls/client-kube-apiserver.key --certificate-authority=/var/lib/rancher/rke2/server/tls/server-ca.crt --raw=/livez" timed out',
            '  Warning  Unhealthy       53m (x24 over 57m)    kubelet  Startup probe failed: command "kubectl get --server=https://localhost:6443/ --client-certificate=/var/lib/rancher/rke2/server/tls/client-kube-apiserver.crt --client-key=/var/lib/rancher/rke2/server/tls/client-kube-apiserver.key --certificate-authority=/var/lib/rancher/rke2/server/tls/server-ca.crt --raw=/livez" timed out',
            '  Normal   Killing         53m                   kubelet  Container kube-apiserver failed startup probe, will be restarted',
            '  Normal   SandboxChanged  52m                   kubelet  Pod sandbox changed, it will be killed and re-created.',
            '  Normal   Pulled          52m                   kubelet  Container image "index.docker.io/rancher/hardened-kubernetes:v1.26.7-rke2r1-build20230719" already present on machine']))

    case("kubelet", "pre-1.16-eks-describe-killing-container-with-id",
         "`kubectl describe` on EKS (Nov 2018, kubelet before 1.16) of a Node.js pod sent SIGUSR1, which stops "
         "answering its HTTP liveness probe: 'Liveness probe failed: … Client.Timeout exceeded' (x3), then the "
         "Killing event in its old wording, 'Killing container with id docker://liveness:Container failed liveness "
         "probe.. Container will be killed and recreated.', and the image pulled again. One liveness kill of "
         "container liveness.",
         "https://github.com/aws-samples/eks-workshop/blob/0b8aadca7b3dafc2b787bf836e103af846ae9eb4/content/healthchecks/livenessprobe.md "
         "(the workshop's describe output after the signal, from aws-samples/eks-workshop#131, Nov 2018)",
         host="ip-192-168-18-63.ec2.internal",
         must=[expect("liveness_kill", pattern="kubelet_liveness_kill", subject="liveness", count=(1, 1),
                      summary=["kubelet killed container liveness because its liveness probe failed"])])(
        text("describe.txt", "/tmp/describe.txt", [
            "Events:",
            "  Type     Reason                 Age                From                                    Message",
            "  ----     ------                 ----               ----                                    -------",
            "  Normal   Scheduled              1m                 default-scheduler                       Successfully assigned liveness-app to ip-192-168-18-63.ec2.internal",
            '  Normal   SuccessfulMountVolume  1m                 kubelet, ip-192-168-18-63.ec2.internal  MountVolume.SetUp succeeded for volume "default-token-8bmt2"',
            "  Warning  Unhealthy              30s (x3 over 40s)  kubelet, ip-192-168-18-63.ec2.internal  Liveness probe failed: Get http://192.168.13.176:3000/health: net/http: request canceled (Client.Timeout exceeded while awaiting headers)",
            '  Normal   Pulling                0s (x2 over 1m)    kubelet, ip-192-168-18-63.ec2.internal  pulling image "brentley/ecsdemo-nodejs"',
            '  Normal   Pulled                 0s (x2 over 1m)    kubelet, ip-192-168-18-63.ec2.internal  Successfully pulled image "brentley/ecsdemo-nodejs"',
            "  Normal   Created                0s (x2 over 1m)    kubelet, ip-192-168-18-63.ec2.internal  Created container",
            "  Normal   Started                0s (x2 over 1m)    kubelet, ip-192-168-18-63.ec2.internal  Started container",
            "  Normal   Killing                0s                 kubelet, ip-192-168-18-63.ec2.internal  Killing container with id docker://liveness:Container failed liveness probe.. Container will be killed and recreated."]))

    case("kubelet", "negative-1.11-killing-container-need-to-kill-pod",
         "kubelet 1.11.6 (Docker 17.03) killing the containers of a pod being deleted: the Killing event in the "
         "wording before 1.16 with 'Need to kill Pod' as its reason. A deletion, not a probe kill.",
         "https://github.com/kubernetes/kubernetes/issues/91094 (the pod's events in the description, May 2020; "
         "the container's name is xxx in the issue)",
         negative=True, must_not=no_liveness)(
        text("events.txt", "/tmp/events.txt", ["Killing container with id docker://xxx:Need to kill Pod"]))
