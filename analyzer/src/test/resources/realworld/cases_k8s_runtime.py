"""Cases of the real-world corpus for what container runtimes and Kubernetes say of a container the OOM
killer killed, and of a crash loop, in the forms the other k8s cases do not cover: `kubectl get pods`' STATUS
column (OOMKilled, CrashLoopBackOff, before and since RESTARTS showed "(… ago)"), `kubectl describe`'s
terminated state, Docker's oom event (`docker events`, the events API's JSON) and containerd's TaskOOM event
in the gogo/protobuf form with XXX_unrecognized (containerd 1.3 to 1.6). generate.py writes them with the
others; every quoted line is verbatim from the source its SOURCES entry names (a markdown code block's
indentation aside)."""


def register_k8s_runtime(g):
    case, expect, text, syslog = g["case"], g["expect"], g["text"], g["syslog"]

    no_oom = [{"type": "container_oom_killed"}, {"type": "oom_kill"}]
    no_crash_loop_or_oom = [{"type": "restart_burst"}, {"type": "container_oom_killed"}]

    # ============================== kubectl get pods: the STATUS column ==============================
    case("kubelet", "1.1-kubectl-get-po-crashloopbackoff-rows",
         "`kubectl get po` of Kubernetes 1.1 (GKE, Nov 2015): two elasticsearch pods in CrashLoopBackOff with 25 "
         "restarts, two frontend pods Running. The STATUS column is kubelet's back-off state: one crash loop per "
         "pod that shows it, none for the running ones.",
         "https://github.com/kubernetes/kubernetes/issues/17460 (the listing in the description, Nov 2015)",
         must=[expect("restart_burst", pattern="kubelet_crash_loop", subject="elasticsearch-attiy",
                      summary=["after 25 restart(s)"]),
               expect("restart_burst", pattern="kubelet_crash_loop", subject="elasticsearch-lkl4i")],
         must_not=[{"type": "container_oom_killed"}])(
        text("pods.txt", "/tmp/pods.txt", [
            "NAME                  READY     STATUS             RESTARTS   AGE",
            "elasticsearch-attiy   0/1       CrashLoopBackOff   25         1h",
            "elasticsearch-lkl4i   0/1       CrashLoopBackOff   25         1h",
            "frontend-81lqv        1/1       Running            0          1h",
            "frontend-ddanc        1/1       Running            0          1h"]))

    case("kubelet", "kind-kubectl-get-pods-crashloopbackoff-restarts-ago",
         "`kubectl get pods` on kind (May 2025): a deployment whose command names a missing file, the pod in "
         "CrashLoopBackOff with RESTARTS '6 (2m16s ago)', the form kubectl prints since about 1.22. One crash "
         "loop of the pod.",
         "https://github.com/git-tux/kubernetes-troubleshooting-zero-to-hero/blob/1845d4d9a7ad481fbda2493996ce1da115456b33/docs/02-CrashLoopBackOff.md ("
         "the 01-wrong-cmd-crashloop exercise)",
         must=[expect("restart_burst", pattern="kubelet_crash_loop", subject="crashloop-example-5c6cdc7d47-7jg6b",
                      summary=["after 6 restart(s)"])])(
        text("pods.txt", "/tmp/pods.txt", [
            "NAME                                 READY   STATUS             RESTARTS        AGE",
            "crashloop-example-5c6cdc7d47-7jg6b   0/1     CrashLoopBackOff   6 (2m16s ago)   8m28s"]))

    case("kubelet", "negative-kubectl-get-pods-running-after-restarts",
         "`kubectl get pods` on kind (May 2025): the pod Running with RESTARTS '7 (7m5s ago)' (it had been "
         "OOM-killed, which the listing does not say), and the fixed pod Running with none. A Running row is "
         "no crash loop and no OOM kill, whatever its restart count.",
         "https://github.com/git-tux/kubernetes-troubleshooting-zero-to-hero/blob/1845d4d9a7ad481fbda2493996ce1da115456b33/docs/02-CrashLoopBackOff.md ("
         "the 01 and 03 exercises)",
         negative=True, must_not=no_crash_loop_or_oom)(
        text("pods.txt", "/tmp/pods.txt", [
            "NAME                                 READY   STATUS    RESTARTS       AGE",
            "crashloop-example-7f99469c89-z7vj6   1/1     Running   7 (7m5s ago)   19m",
            "NAME                                 READY   STATUS    RESTARTS   AGE",
            "crashloop-example-79b94bf8c4-hc2cm   1/1     Running   0          52s"]))

    case("kubelet", "1.7-docs-kubectl-get-pod-oomkilled-then-running",
         "Kubernetes' own task page (June 2017, kubectl of 1.7): memory-demo-2, whose stress process allocates "
         "past its 100Mi limit, shown OOMKilled with 1 restart, then Running again after its second restart. "
         "One OOM kill of the pod's container.",
         "https://github.com/kubernetes/website/blob/0189ae0f6bf2a79ff2e4bfd5f9ec0da98d64c5d2/content/en/docs/tasks/"
         "configure-pod-container/assign-memory-resource.md (the 'Exceed a Container's memory limit' section, June 2017)",
         must=[expect("container_oom_killed", pattern="kubelet_container_oom_killed", subject="pod memory-demo-2",
                      count=(1, 1), summary=["after 1 restart(s)"])])(
        text("pod.txt", "/tmp/pod.txt", [
            "NAME            READY     STATUS      RESTARTS   AGE",
            "memory-demo-2   0/1       OOMKilled   1          37s",
            "NAME            READY     STATUS    RESTARTS   AGE",
            "memory-demo-2   1/1       Running   2          40s"]))

    case("kubelet", "kubectl-get-pods-oomkilled-restarts-ago",
         "`kubectl get pods` of a tax-tribunals application (Jan 2024): STATUS OOMKilled with RESTARTS "
         "'4 (57s ago)'. One OOM kill of the pod's container.",
         "https://github.com/hmcts/cnp-flux-config/pull/28772 (the listing in the description, Jan 2024)",
         must=[expect("container_oom_killed", pattern="kubelet_container_oom_killed",
                      subject="pod tax-tribunals-application-base-74464f6b98-2kj6g", summary=["after 4 restart(s)"])])(
        text("pods.txt", "/tmp/pods.txt", [
            "NAME                                                 READY   STATUS      RESTARTS      AGE",
            "tax-tribunals-application-base-74464f6b98-2kj6g      0/1     OOMKilled   4 (57s ago)   2m40s"]))

    case("kubelet", "kubectl-get-pods-watch-oomkilled-among-running",
         "A pod watched in a console's pod list (kubectl get pods -w rows, 2022): Running 2/2 with 218 restarts, "
         "then 1/2 OOMKilled, then NotReady with 219. One OOM kill of the pod; the Running and NotReady rows "
         "around it are none.",
         "https://github.com/mantech-accordion/accordion-training.github.io/blob/1c9deae60382d7c3b594a37dd7e462c7950de053/"
         "docs/troubleshoot/7_oom_killed.md (the pod list it shows, 2022)",
         must=[expect("container_oom_killed", pattern="kubelet_container_oom_killed",
                      subject="pod scouter-server-68bc9b95f6-smfhp", count=(1, 1))],
         must_not=[{"type": "restart_burst"}])(
        text("pods.txt", "/tmp/pods.txt", [
            "scouter-server-68bc9b95f6-smfhp      2/2     Running       218        14d",
            "scouter-server-68bc9b95f6-smfhp      1/2     OOMKilled     218        14d",
            "scouter-server-68bc9b95f6-smfhp      1/2     NotReady      219        14d"]))

    # ============================== kubectl describe: the container's terminated state ==============================
    case("kubelet", "kind-describe-last-state-oomkilled",
         "`kubectl describe pod` on kind (containerd, May 2025) of a container whose limit is 25Mi: State "
         "Running, Last State Terminated with Reason OOMKilled and Exit Code 137, Restart Count 65. One OOM "
         "kill of container crashlooplearning, its exit code named.",
         "https://github.com/git-tux/kubernetes-troubleshooting-zero-to-hero/blob/1845d4d9a7ad481fbda2493996ce1da115456b33/docs/02-CrashLoopBackOff.md ("
         "the 03-out-of-memory-crashloop exercise; the Containers section as the document shows it)",
         must=[expect("container_oom_killed", pattern="kubelet_container_oom_killed",
                      subject="container crashlooplearning", summary=["(exit code 137)"])])(
        text("describe.txt", "/tmp/describe.txt", [
            "Containers:",
            "  crashlooplearning:",
            "    Container ID:   containerd://dd60a1690c7b7c5f20fc584d335b4d4719d5816823dae148147fc6c7735f3c14",
            "    Image:          abhishekf5/crashlooptest:v2",
            "    Image ID:       docker.io/abhishekf5/crashlooptest@sha256:48cf69ef51bbc9ea42944afbabbe011aff6f0fd9e9fdd12f6b84a987ca3e4fe3",
            "    Port:           8000/TCP",
            "    Host Port:      0/TCP",
            "    State:          Running",
            "      Started:      Sat, 17 May 2025 09:46:04 +0300",
            "    Last State:     Terminated",
            "      Reason:       OOMKilled",
            "      Exit Code:    137",
            "      Started:      Sat, 17 May 2025 09:04:36 +0300",
            "      Finished:     Sat, 17 May 2025 09:45:58 +0300",
            "    Ready:          True",
            "    Restart Count:  65"]))

    case("kubelet", "kind-describe-init-container-terminated-oomkilled",
         "`kubectl describe pods` on kind (Feb 2024) of a Spacelift run pod whose init container is killed at "
         "once: Status Failed, the init container's State Terminated with Reason OOMKilled and Exit Code 137 "
         "(no Last State: it stays down). One OOM kill of container init.",
         "https://github.com/spacelift-io/user-documentation/blob/003c86d2a9f7e193f4a3e1f3f27390ad0ef588f0/docs/concepts/"
         "worker-pools/kubernetes-workers.md (Troubleshooting; the describe output from its Name line to the init container's Finished "
         "line, the `kubectl get pods` row above it left out)",
         host="kind-control-plane",
         must=[expect("container_oom_killed", pattern="kubelet_container_oom_killed", subject="container init",
                      count=(1, 1), summary=["(exit code 137)"])])(
        text("describe.txt", "/tmp/describe.txt", [
            "Name:             01hps85j6srg37dg6fgnrzghmm-preparing-2",
            "Namespace:        default",
            "Priority:         0",
            "Service Account:  default",
            "Node:             kind-control-plane/172.18.0.2",
            "Start Time:       Fri, 16 Feb 2024 15:22:17 +0000",
            "Labels:           workers.spacelift.io/run-id=01HPS85J6SRG37DG6FGNRZGHMM",
            "                  workers.spacelift.io/worker=01HPS7FRV3JJWWVJ1P9RQ7JN2N",
            "Annotations:      <none>",
            "Status:           Failed",
            "IP:               10.244.0.14",
            "IPs:",
            "  IP:           10.244.0.14",
            "Controlled By:  Worker/local-pool-01hps7frv3jjwwvj1p9rq7jn2n",
            "Init Containers:",
            "  init:",
            "    Container ID:  containerd://567f505a638e0b42e23d275a5a1b75f40ac6b706490ada9ea7901219b54e43c8",
            "    Image:         public.ecr.aws/spacelift-dev/launcher:2ff3b7ad1d532ca51b5b2c54ded40ad19669d379",
            "    Image ID:      public.ecr.aws/spacelift-dev/launcher@sha256:baa99ca405f5c42cc16b5e93b5faa9467c8431c048f814e9623bdfee0bef8c4d",
            "    Port:          <none>",
            "    Host Port:     <none>",
            "    Command:",
            "      /usr/bin/spacelift-launcher",
            "    Args:",
            "      init",
            "    State:          Terminated",
            "      Reason:       OOMKilled",
            "      Exit Code:    137",
            "      Started:      Fri, 16 Feb 2024 15:22:17 +0000",
            "      Finished:     Fri, 16 Feb 2024 15:22:17 +0000"]))

    case("kubelet", "negative-describe-running-no-restarts",
         "`kubectl describe pod` on kind (May 2025) of the same container after its limit was raised: State "
         "Running, Ready True, Restart Count 0. No OOM kill.",
         "https://github.com/git-tux/kubernetes-troubleshooting-zero-to-hero/blob/1845d4d9a7ad481fbda2493996ce1da115456b33/docs/02-CrashLoopBackOff.md ("
         "the end of the 03 exercise)",
         negative=True, must_not=no_oom)(
        text("describe.txt", "/tmp/describe.txt", [
            "    State:          Running",
            "      Started:      Sat, 17 May 2025 10:06:40 +0300",
            "    Ready:          True",
            "    Restart Count:  0"]))

    # ============================== Docker's oom event ==============================
    case("docker", "docker-events-container-oom",
         "`docker events` while a container with --memory=400m allocates past it (Nov 2022): 'container oom <id> "
         "(image=oom_checker, name=oom_checker)'. dockerd writes no journal line of it; the event is its only "
         "word. One OOM kill in that container, named by id and name.",
         "https://github.com/chrisguest75/docker_examples/blob/cf39f485b6f665b8dc4ea9c747dcd7afbbfb47d3/14_out_of_memory/"
         "README.md (the events the README shows, Nov 2022)",
         must=[expect("container_oom_killed", pattern="docker_container_oom", subject="container 68801ac6fef5",
                      count=(1, 1), summary=["container 68801ac6fef5 (oom_checker)"])])(
        text("events.txt", "/tmp/docker-events.txt", [
            "2022-11-11T18:09:20.269340406Z container oom 68801ac6fef5af345372c254466ef633b4846cc88e7d6ddf28a8f58c30a9736d (image=oom_checker, name=oom_checker)"]))

    case("docker", "1.9-events-api-json-status-oom",
         "Docker 1.9's events API (curl /events, Dec 2015) while a container with -m 64M allocates memory: "
         "create, attach, start, then {\"status\":\"oom\",…} 15 s later. One OOM kill in that container.",
         "https://github.com/moby/moby/issues/18470 (the event stream in the description, Dec 2015; its die "
         "event, cut short in the source, left out)",
         must=[expect("container_oom_killed", pattern="docker_container_oom", subject="container 36eb96d6c134",
                      count=(1, 1))])(
        text("events.json", "/tmp/docker-events.json", [
            '{"status":"create","id":"36eb96d6c134895854e77f65ac47955b6ee08eb62bceee37cc605157f1c9482b","from":"9e0d5e071a2b","time":1449497856,"timeNano":1449497856620037149}',
            '{"status":"attach","id":"36eb96d6c134895854e77f65ac47955b6ee08eb62bceee37cc605157f1c9482b","from":"9e0d5e071a2b","time":1449497856,"timeNano":1449497856670112786}',
            '{"status":"start","id":"36eb96d6c134895854e77f65ac47955b6ee08eb62bceee37cc605157f1c9482b","from":"9e0d5e071a2b","time":1449497856,"timeNano":1449497856984903035}',
            '{"status":"oom","id":"36eb96d6c134895854e77f65ac47955b6ee08eb62bceee37cc605157f1c9482b","from":"9e0d5e071a2b","time":1449497871,"timeNano":1449497871593721048}']))

    case("docker", "negative-docker-events-stop-timeout-sigkill-137",
         "`docker events` of Docker's own reference: a container stopped normally ('kill … signal=15', 'die … "
         "exitCode=143', 'stop'), and one that ignores SIGTERM, killed 10 s later ('kill … signal=9', 'die … "
         "exitCode=137', 'stop'). Exit code 137 is any SIGKILL: a stop that took the force is no OOM kill.",
         "https://github.com/docker/cli/blob/0dd07f0bfd6aad3df4eadf70ecd7a29bc234729a/docs/reference/commandline/"
         "system_events.md (the 'Filter events by criteria' examples)",
         negative=True, must_not=no_oom)(
        text("events.txt", "/tmp/docker-events.txt", [
            "2017-01-05T00:43:00.139719934+08:00 container start 0fdb...ff37 (image=alpine:latest, name=test)",
            "2017-01-05T00:43:09.259951086+08:00 container kill 0fdb...ff37 (image=alpine:latest, name=test, signal=15)",
            "2017-01-05T00:43:09.270102715+08:00 container die 0fdb...ff37 (exitCode=143, image=alpine:latest, name=test)",
            "2017-01-05T00:43:09.312556440+08:00 container stop 0fdb...ff37 (image=alpine:latest, name=test)",
            "2017-01-05T00:41:55.784240236+08:00 container create d9cd...4d70 (image=alpine, name=happy_meitner)",
            "2017-01-05T00:41:55.913156783+08:00 container start d9cd...4d70 (image=alpine, name=happy_meitner)",
            "2017-01-05T00:42:01.106875249+08:00 container kill d9cd...4d70 (image=alpine, name=happy_meitner, signal=15)",
            "2017-01-05T00:42:11.111934041+08:00 container kill d9cd...4d70 (image=alpine, name=happy_meitner, signal=9)",
            "2017-01-05T00:42:11.119578204+08:00 container die d9cd...4d70 (exitCode=137, image=alpine, name=happy_meitner)",
            "2017-01-05T00:42:11.173276611+08:00 container stop d9cd...4d70 (image=alpine, name=happy_meitner)"]))

    # ============================== containerd's TaskOOM with XXX_unrecognized ==============================
    case("docker", "containerd-1.6-taskoom-xxx-unrecognized-messages",
         "A Kubernetes node's /var/log/messages (Mar 2022, containerd of the 1.3 to 1.6 releases whose gogo/protobuf "
         "struct form prints XXX_unrecognized): 'containerd: … msg=\"TaskOOM event &TaskOOM{ContainerID:…,"
         "XXX_unrecognized:[],}\"' beside the kernel's 'VM Thread invoked oom-killer' (grep -i OOM, so no "
         "'Killed process' line). One OOM kill in that container.",
         "https://github.com/mantech-accordion/accordion-training.github.io/blob/1c9deae60382d7c3b594a37dd7e462c7950de053/"
         "docs/troubleshoot/7_oom_killed.md (the first five lines of its grep, the repeat under a masked host name left out)",
         host="acc-jejupass03",
         must=[expect("container_oom_killed", pattern="containerd_task_oom", subject="container 0527c6dd14e5",
                      count=(1, 1))])(
        syslog("messages", [
            'Mar 15 09:22:41 acc-jejupass03 containerd: time="2022-03-15T09:22:41.553168162+09:00" level=info msg="TaskOOM event &TaskOOM{ContainerID:0527c6dd14e504ab8c406806e0ce182aec604a0dbeeefc4e94e1ee3550dda3db,XXX_unrecognized:[],}"',
            "Mar 15 09:22:41 acc-jejupass03 kernel: VM Thread invoked oom-killer: gfp_mask=0xd0, order=0, oom_score_adj=984",
            "Mar 15 09:22:41 acc-jejupass03 kernel: [<ffffffffaadbfd74>] oom_kill_process+0x254/0x3e0",
            "Mar 15 09:22:41 acc-jejupass03 kernel: [<ffffffffaae3c666>] mem_cgroup_oom_synchronize+0x546/0x570",
            "Mar 15 09:22:41 acc-jejupass03 kernel: [ pid ]   uid  tgid total_vm      rss nr_ptes swapents oom_score_adj name"]))
