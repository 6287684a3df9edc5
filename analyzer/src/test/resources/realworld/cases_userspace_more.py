"""More userspace cases of the real-world corpus (systemd, kubelet, containers, supervisors, servers
and application logs of other versions). generate.py writes them with the others; every quoted line
is verbatim from the source its SOURCES entry names."""


def register_userspace_more(g):
    dmesg_verbatim = g["dmesg_verbatim"]
    case, expect = g["case"], g["expect"]
    text, syslog, cri, journal = g["text"], g["syslog"], g["cri"], g["journal"]
    daemon, pid1, docker_json = g["daemon"], g["pid1"], g["docker_json"]

    # ============================== php-fpm: pool children killed by signals ==============================
    case("php-fpm", "7.x-sigkill-respawn-loop-macos-homebrew",
         "php-fpm's master respawns pool children that are SIGKILLed a millisecond after they start: the "
         "log filled to 192 GB with 'child N exited on signal 9 (SIGKILL)' and 'child N started', one restart "
         "loop of the pool.",
         "https://github.com/valet-sh/valet-sh/issues/135 (/usr/local/var/log/php-fpm.log, Apr 2021; the "
         "excerpt's last line, cut mid-word, left out)",
         must=[expect("restart_burst", pattern="php_fpm_child_restart_burst", subject="php-fpm pool www", count=(7, 7),
                      summary=["replaced 7 children of pool www", "signal 9 SIGKILL"])],
         must_not=[{"type": "error_signature"}])(
        text("php-fpm.log", "/usr/local/var/log/php-fpm.log", [
            "[07-Apr-2021 12:06:02] WARNING: [pool www] child 94930 exited on signal 9 (SIGKILL) after 0.000895 seconds from start",
            "[07-Apr-2021 12:06:02] NOTICE: [pool www] child 94932 started",
            "[07-Apr-2021 12:06:02] WARNING: [pool www] child 94931 exited on signal 9 (SIGKILL) after 0.000842 seconds from start",
            "[07-Apr-2021 12:06:02] NOTICE: [pool www] child 94933 started",
            "[07-Apr-2021 12:06:02] WARNING: [pool www] child 94932 exited on signal 9 (SIGKILL) after 0.000858 seconds from start",
            "[07-Apr-2021 12:06:02] NOTICE: [pool www] child 94934 started",
            "[07-Apr-2021 12:06:02] WARNING: [pool www] child 94933 exited on signal 9 (SIGKILL) after 0.000850 seconds from start",
            "[07-Apr-2021 12:06:02] NOTICE: [pool www] child 94935 started",
            "[07-Apr-2021 12:06:02] WARNING: [pool www] child 94934 exited on signal 9 (SIGKILL) after 0.000833 seconds from start",
            "[07-Apr-2021 12:06:02] NOTICE: [pool www] child 94936 started",
            "[07-Apr-2021 12:06:02] WARNING: [pool www] child 94935 exited on signal 9 (SIGKILL) after 0.000868 seconds from start",
            "[07-Apr-2021 12:06:02] NOTICE: [pool www] child 94937 started",
            "[07-Apr-2021 12:06:02] WARNING: [pool www] child 94936 exited on signal 9 (SIGKILL) after 0.000928 seconds from start"]))

    case("php-fpm", "8.x-child-sigkilled-every-two-seconds",
         "A Drupal site's php-fpm pool: a child SIGKILLed about 12 s after it starts, one every two seconds, "
         "until the service fails.",
         "https://github.com/php/php-src/issues/15161 (PHP-FPM log of an EC2 worker, Jul 2024; the pool name "
         "'xxxxxx' as the reporter masked it, the excerpt's last line, cut mid-word, left out)",
         must=[expect("restart_burst", pattern="php_fpm_child_restart_burst", subject="php-fpm pool xxxxxx", count=(5, 5),
                      summary=["replaced 5 children", "signal 9 SIGKILL"])])(
        text("php-fpm.log", "/var/log/php-fpm/www-error.log", [
            "[25-Jul-2024 23:45:38] WARNING: [pool xxxxxx] child 33944 exited on signal 9 (SIGKILL) after 12.011399 seconds from start",
            "[25-Jul-2024 23:45:40] WARNING: [pool xxxxxx] child 33953 exited on signal 9 (SIGKILL) after 12.010867 seconds from start",
            "[25-Jul-2024 23:45:42] WARNING: [pool xxxxxx] child 33968 exited on signal 9 (SIGKILL) after 12.009866 seconds from start",
            "[25-Jul-2024 23:45:44] WARNING: [pool xxxxxx] child 33979 exited on signal 9 (SIGKILL) after 12.009435 seconds from start",
            "[25-Jul-2024 23:45:46] WARNING: [pool xxxxxx] child 33988 exited on signal 9 (SIGKILL) after 12.007592 seconds from start"]))

    case("php-fpm", "7.3-children-segfault-plesk",
         "PHP 7.3.1 on Plesk: children of one pool die on SIGSEGV every 15-40 minutes (502s in nginx); a "
         "'said into stderr' warning and configuration tests between are not deaths.",
         "https://github.com/Newcomer1989/TSN-Ranksystem/issues/572 (php-fpm error log, Dec 2018; from the "
         "first line to the configuration test after the fourth crash)",
         must=[expect("restart_burst", pattern="php_fpm_child_restart_burst", subject="php-fpm pool rank.mightful-noobs.de",
                      count=(4, 4), summary=["replaced 4 children", "signal 11 SIGSEGV"])])(
        text("php7.3-fpm.log", "/var/www/vhosts/system/rank.mightful-noobs.de/logs/php-fpm_error.log", [
            "[30-Dec-2018 06:32:15] NOTICE: error log file re-opened",
            "[30-Dec-2018 13:43:39] WARNING: [pool mightful-noobs.de] child 2138 said into stderr: \" \"",
            "[30-Dec-2018 15:09:04] WARNING: [pool rank.mightful-noobs.de] child 22612 exited on signal 11 (SIGSEGV) after 7.109208 seconds from start",
            "[30-Dec-2018 15:09:04] NOTICE: [pool rank.mightful-noobs.de] child 22998 started",
            "[30-Dec-2018 15:34:24] WARNING: [pool rank.mightful-noobs.de] child 29366 exited on signal 11 (SIGSEGV) after 10.504658 seconds from start",
            "[30-Dec-2018 15:34:24] NOTICE: [pool rank.mightful-noobs.de] child 29371 started",
            "[30-Dec-2018 15:47:58] WARNING: [pool rank.mightful-noobs.de] child 355 exited on signal 11 (SIGSEGV) after 10.220254 seconds from start",
            "[30-Dec-2018 15:47:58] NOTICE: [pool rank.mightful-noobs.de] child 357 started",
            "[30-Dec-2018 16:29:40] WARNING: [pool rank.mightful-noobs.de] child 10393 exited on signal 11 (SIGSEGV) after 17.135037 seconds from start",
            "[30-Dec-2018 16:29:40] NOTICE: [pool rank.mightful-noobs.de] child 10401 started",
            "[30-Dec-2018 16:32:27] NOTICE: configuration file /opt/plesk/php/7.3/etc/php-fpm.conf test is successful"]))

    case("php-fpm", "negative-one-child-killed-then-restarts",
         "A Friendica host: one php-fpm child SIGKILLed after 9.6 hours, then the service reloaded and restarted "
         "by hand ('Terminating ...', 'exiting, bye-bye!'): one lost request, not a loop.",
         "https://github.com/friendica/friendica/issues/10916 (php7.3-fpm log, Oct 2021; the blank lines after "
         "each configuration test left out)",
         negative=True)(
        text("php7.3-fpm.log", "/var/log/php7.3-fpm.log", [
            "[25-Oct-2021 03:35:44] NOTICE: configuration file /etc/php/7.3/fpm/php-fpm.conf test is successful",
            "[25-Oct-2021 07:10:51] NOTICE: configuration file /etc/php/7.3/fpm/php-fpm.conf test is successful",
            "[25-Oct-2021 13:14:08] WARNING: [pool friendica] child 24227 exited on signal 9 (SIGKILL) after 34708.373523 seconds from start",
            "[25-Oct-2021 13:14:08] NOTICE: [pool friendica] child 16369 started",
            "[25-Oct-2021 13:15:53] NOTICE: configuration file /etc/php/7.3/fpm/php-fpm.conf test is successful",
            "[25-Oct-2021 13:18:43] NOTICE: configuration file /etc/php/7.3/fpm/php-fpm.conf test is successful",
            "[25-Oct-2021 13:18:52] NOTICE: configuration file /etc/php/7.3/fpm/php-fpm.conf test is successful",
            "[25-Oct-2021 13:18:54] NOTICE: Terminating ...",
            "[25-Oct-2021 13:18:56] NOTICE: exiting, bye-bye!",
            "[25-Oct-2021 13:18:57] NOTICE: fpm is running, pid 19184",
            "[25-Oct-2021 13:18:59] NOTICE: ready to handle connections",
            "[25-Oct-2021 13:18:59] NOTICE: systemd monitor interval set to 10000ms"]))

    case("php-fpm", "negative-8.2-one-child-sigkilled-at-scale-down-cri",
         "PHP 8.2.12 in Kubernetes (dynamic pool): one child SIGKILLed while the pool scaled down, in the "
         "container's CRI log: one child, not a loop.",
         "https://github.com/php/php-src/issues/12626 (the container log line as the report quotes it, Nov 2023)",
         negative=True)(
        g["container_file"]("php-fpm.log", "/var/log/pods/default_web-0_0f1e2d3c/php-fpm/0.log", "cri", [
            "2023-11-06T21:09:49.65381919Z stderr F [06-Nov-2023 21:09:49] WARNING: [pool www] child 132 exited on signal 9 (SIGKILL) after 214.882381 seconds from start"]))

    # ============================== MongoDB: fatal assertions ==============================
    def container_output(container_id, stream, lines):
        """A container's output lines in its Docker json-file log, a tenth of a millisecond apart."""
        log = "/var/lib/docker/containers/%s/%s-json.log" % (container_id, container_id)
        return docker_json("%s-json.log" % container_id, log, [(i * 0.0001, stream, line) for i, line in enumerate(lines)])

    mongo44_id = "7a1c3e5f9b2d4f6a8c0e1b3d5f7a9c2e4b6d8f0a1c3e5b7d9f2a4c6e8b0d1f3a"
    case("app-crash", "mongodb-4.4-json-fatal-assertion-bind-mount",
         "mongo 4.4 in Docker on a bind-mounted data directory: WiredTiger cannot start, the JSON log says "
         "'Fatal assertion' (msgid 28559) and '***aborting after fassert() failure', then 'Got signal: 6 "
         "(Aborted).': one server death.",
         "https://github.com/docker-library/mongo/issues/430 (mongo 4.4 container output, Oct 2020; wrapped in "
         "Docker json-file records as moby daemon/logger/jsonfilelog writes them)",
         must=[expect("app_panic", pattern="mongodb_fatal_assertion", subject="mongod",
                      summary=["fatal assertion (id 28559)", "wiredtiger_util.cpp line 64"])])(
        container_output(mongo44_id, "stdout", [
            "{\"t\":{\"$date\":\"2020-10-27T13:00:06.013+00:00\"},\"s\":\"W\",  \"c\":\"STORAGE\",  \"id\":22347,   \"ctx\":\"initandlisten\",\"msg\":\"Failed to start up WiredTiger under any compatibility version. This may be due to an unsupported upgrade or downgrade.\"}",
            "{\"t\":{\"$date\":\"2020-10-27T13:00:06.013+00:00\"},\"s\":\"F\",  \"c\":\"-\",        \"id\":23089,   \"ctx\":\"initandlisten\",\"msg\":\"Fatal assertion\",\"attr\":{\"msgid\":28559,\"file\":\"src/mongo/db/storage/wiredtiger/wiredtiger_util.cpp\",\"line\":64}}",
            "{\"t\":{\"$date\":\"2020-10-27T13:00:06.013+00:00\"},\"s\":\"F\",  \"c\":\"-\",        \"id\":23090,   \"ctx\":\"initandlisten\",\"msg\":\"\\n\\n***aborting after fassert() failure\\n\\n\"}",
            "{\"t\":{\"$date\":\"2020-10-27T13:00:06.013+00:00\"},\"s\":\"F\",  \"c\":\"CONTROL\",  \"id\":4757800, \"ctx\":\"initandlisten\",\"msg\":\"Writing fatal message\",\"attr\":{\"message\":\"Got signal: 6 (Aborted).\\n\"}}"]))

    case("app-crash", "mongodb-5.0-json-fatal-assertion-forked-mongod",
         "MongoDB 5.0 started with --fork: WiredTiger 'Terminating.' (1: Operation not permitted), 'Fatal assertion' "
         "msgid 28595 and the aborting line, then the parent's 'child process failed, exited with 14'.",
         "https://github.com/RCOSDP/LAaaS-docker/issues/27 (mongod output of a restarting container, Nov 2021)",
         must=[expect("app_panic", pattern="mongodb_fatal_assertion", subject="mongod",
                      summary=["(id 28595)", "wiredtiger_kv_engine.cpp line 690"])])(
        text("mongod.log", "/var/log/mongodb/mongod.log", [
            "{\"t\":{\"$date\":\"2021-11-15T03:31:24.719+00:00\"},\"s\":\"F\",  \"c\":\"STORAGE\",  \"id\":28595,   \"ctx\":\"initandlisten\",\"msg\":\"Terminating.\",\"attr\":{\"reason\":\"1: Operation not permitted\"}}",
            "{\"t\":{\"$date\":\"2021-11-15T03:31:24.719+00:00\"},\"s\":\"F\",  \"c\":\"-\",        \"id\":23091,   \"ctx\":\"initandlisten\",\"msg\":\"Fatal assertion\",\"attr\":{\"msgid\":28595,\"file\":\"src/mongo/db/storage/wiredtiger/wiredtiger_kv_engine.cpp\",\"line\":690}}",
            "{\"t\":{\"$date\":\"2021-11-15T03:31:24.719+00:00\"},\"s\":\"F\",  \"c\":\"-\",        \"id\":23092,   \"ctx\":\"initandlisten\",\"msg\":\"\\n\\n***aborting after fassert() failure\\n\\n\"}"]))

    case("app-crash", "tokumx-2.4-aborting-after-fassert-text-log",
         "TokuMX (MongoDB 2.4 code) cannot start after a mongodump: '***aborting after fassert() failure' on a line of "
         "its own, then 'Got signal: 6 (Aborted).' and the backtrace.",
         "https://github.com/Tokutek/mongo/issues/986 (tokumx log, Mar 2014; the blank lines around the aborting line "
         "and the backtrace after the first frames left out)",
         must=[expect("app_panic", pattern="mongodb_fatal_assertion", subject="mongod", summary=["mongod aborted on a fatal assertion"])])(
        text("tokumx.log", "/var/log/tokumx/tokumx.log", [
            "Mon Mar  3 00:11:12.129 [initandlisten] ",
            "***aborting after fassert() failure",
            "Mon Mar  3 00:11:12.129 Got signal: 6 (Aborted).",
            "Mon Mar  3 00:11:12.132 Backtrace:",
            "0xc23be6 0x6ab282 0x7f9281cc84a0 0x7f9281cc8425 0x7f9281ccbb8b 0xc1a6cc    0x77f41c 0x77fb0c 0x6b2837 0x6b34bf 0x6985cf 0x7f9281cb376d 0x6aae09 ",
            "/usr/bin/mongod(_ZN5mongo15printStackTraceERSo+0x26) [0xc23be6]",
            "/usr/bin/mongod(_ZN5mongo10abruptQuitEi+0x102) [0x6ab282]"]))

    # ============================== systemd of other versions ==============================
    case("systemd", "215-start-request-repeated-refusing-to-start",
         "Debian 8 (systemd 215) on a Cubieboard: gogs exits with status 1, is restarted, and systemd gives up with "
         "'gogs.service start request repeated too quickly, refusing to start.', the wording of systemd before 219.",
         "https://github.com/YunoHost-Apps/gogs_ynh_old/issues/44 (the journal lines of 'systemctl status gogs.service', "
         "Aug 2016; the status header above them left out)",
         must=[expect("unit_start_limit", pattern="systemd_start_limit_hit", subject="gogs.service",
                      summary=["restarted too quickly"])])(
        syslog("messages", [
            "Aug 30 23:17:43 cubieboard2 systemd[1]: gogs.service: main process exited, code=exited, status=1/FAILURE",
            "Aug 30 23:17:43 cubieboard2 systemd[1]: Unit gogs.service entered failed state.",
            "Aug 30 23:17:43 cubieboard2 systemd[1]: gogs.service holdoff time over, scheduling restart.",
            "Aug 30 23:17:43 cubieboard2 systemd[1]: Stopping Gogs (Go Git Service)...",
            "Aug 30 23:17:43 cubieboard2 systemd[1]: Starting Gogs (Go Git Service)...",
            "Aug 30 23:17:43 cubieboard2 systemd[1]: gogs.service start request repeated too quickly, refusing to start.",
            "Aug 30 23:17:43 cubieboard2 systemd[1]: Failed to start Gogs (Go Git Service).",
            "Aug 30 23:17:43 cubieboard2 systemd[1]: Unit gogs.service entered failed state."]))

    # ============================== SONiC's /var/log/syslog ==============================
    case("supervisord", "negative-sonic-202411-teamd-container-stops-cleanly",
         "SONiC 202411's syslog (the year before the month, the severity after the host): the teamd container's "
         "supervisord stops its programs, each '(exit status 0)', and the daemons say they are exiting: a stop, "
         "not a crash.",
         "https://github.com/sonic-net/sonic-buildimage/issues/22044 (/var/log/syslog of a TD4 switch, Dec 2024; the "
         "excerpt's last line, cut mid-message, left out)",
         negative=True)(
        syslog("syslog", [
            "2024 Dec 17 12:16:41.235476 sonic INFO teamd#supervisord 2024-12-17 12:16:41,235 INFO waiting for supervisor-proc-exit-listener, rsyslogd, teammgrd, teamsyncd, tlm_teamd to die",
            "2024 Dec 17 12:16:42.236508 sonic NOTICE teamd#tlm_teamd: :- main: Exiting",
            "2024 Dec 17 12:16:42.237622 sonic INFO teamd#supervisord 2024-12-17 12:16:42,237 INFO stopped: tlm_teamd (exit status 0)",
            "2024 Dec 17 12:16:43.238960 sonic NOTICE teamd#teamsyncd: :- cleanTeamSync: Cleaning up LAG teamd resources ...",
            "2024 Dec 17 12:16:43.238960 sonic NOTICE teamd#teamsyncd: :- main: Received SIGTERM Exiting",
            "2024 Dec 17 12:16:43.240204 sonic INFO teamd#supervisord 2024-12-17 12:16:43,239 INFO stopped: teamsyncd (exit status 0)",
            "2024 Dec 17 12:16:44.241346 sonic NOTICE teamd#teammgrd: :- cleanTeamProcesses: Cleaning up LAGs during shutdown...",
            "2024 Dec 17 12:16:44.241346 sonic NOTICE teamd#teammgrd: :- cleanTeamProcesses: LAGs cleanup is done",
            "2024 Dec 17 12:16:44.241346 sonic NOTICE teamd#teammgrd: :- main: Exiting",
            "2024 Dec 17 12:16:44.241586 sonic INFO teamd#supervisord 2024-12-17 12:16:44,241 INFO waiting for supervisor-proc-exit-listener, rsyslogd, teammgrd to die",
            "2024 Dec 17 12:16:44.242508 sonic INFO teamd#supervisord 2024-12-17 12:16:44,242 INFO stopped: teammgrd (exit status 0)"]))

    case("systemd", "no-hostname-start-request-repeated",
         "A journal pasted without its host column (journalctl --no-hostname): ananicy.service hits its start limit "
         "and fails; the tag right after the stamp is systemd[1], not a host.",
         "https://github.com/nefelim4ag/Ananicy/pull/161 (journal lines in the pull request, Jun 2019; each line, "
         "wrapped by the mail client after 'too', 'result' and 'NICe', joined again)",
         host="ananicy-host",
         must=[expect("unit_start_limit", pattern="systemd_start_limit_hit", subject="ananicy.service")])(
        syslog("journal.txt", [
            "Jun 30 13:25:13 systemd[1]: ananicy.service: Start request repeated too quickly.",
            "Jun 30 13:25:13 systemd[1]: ananicy.service: Failed with result 'exit-code'.",
            "Jun 30 13:25:13 systemd[1]: Failed to start Ananicy - ANother Auto NICe daemon."]))

    # ============================== HAProxy ==============================
    case("haproxy", "3.1-backends-have-no-server-available",
         "HAProxy 3.1 in the haproxytech Kubernetes ingress: after a reload the servers of pod backends go down and "
         "HAProxy says '[ALERT] … backend '…' has no server available!' for one backend after another: each of "
         "them is down.",
         "https://github.com/haproxytech/kubernetes-ingress/issues/699 (ingress controller container output, Feb 2025; "
         "the excerpt's last line, cut mid-name, left out)",
         must=[expect("backend_down", pattern="haproxy_backend_down", subject="dev_task-pod-4bb217e3-testing_out-port"),
               expect("backend_down", pattern="haproxy_backend_down", subject="dev_task-pod-d41e5a1f-testing_out-port")],
         must_not=[{"type": "error_signature"}])(
        text("ingress.log", "/var/log/haproxy-ingress/ingress.log", [
            "[WARNING]  (123) : Proxy healthz stopped (cumulated conns: FE: 79, BE: 0).",
            "[WARNING]  (123) : Proxy https stopped (cumulated conns: FE: 7, BE: 0).",
            "[WARNING]  (123) : Proxy stats stopped (cumulated conns: FE: 0, BE: 0).",
            "[WARNING]  (123) : Proxy http stopped (cumulated conns: FE: 0, BE: 0).",
            "[WARNING]  (123) : Proxy default_default-local-service_http stopped (cumulated conns: FE: 0, BE: 4).",
            "[WARNING]  (123) : Proxy default_prometheus_http stopped (cumulated conns: FE: 0, BE: 0).",
            "[NOTICE]   (69) : haproxy version is 3.1.2-cda631a",
            "[WARNING]  (69) : Former worker (123) exited with code 0 (Exit)",
            "2025/02/07 14:34:39 INFO    controller/controller.go:207 [transactionID=ea03cb05-6cfb-4937-b5b6-4c34c35b84cd] HAProxy reloaded",
            "[WARNING]  (190) : Server dev_task-pod-4bb217e3-testing_out-port/SRV_1 is going DOWN for maintenance. 0 active and 0 backup servers left. 0 sessions active, 0 requeued, 0 remaining in queue.",
            "[ALERT]    (190) : backend 'dev_task-pod-4bb217e3-testing_out-port' has no server available!",
            "[WARNING]  (190) : Server dev_task-pod-d41e5a1f-testing_out-port/SRV_1 is going DOWN for maintenance. 0 active and 0 backup servers left. 0 sessions active, 0 requeued, 0 remaining in queue.",
            "[ALERT]    (190) : backend 'dev_task-pod-d41e5a1f-testing_out-port' has no server available!"]))

    # ============================== Docker ==============================
    case("docker", "negative-20.10-stop-timeout-using-the-force",
         "dockerd on a Kubernetes master: containers that ignore SIGTERM are killed at the end of their stop timeout "
         "('failed to exit within 30 seconds of signal 15 - using the force', then 'trying direct SIGKILL'), some of "
         "them twice: stops that took the force, not crashes, restarts or memory kills.",
         "https://github.com/deckhouse/deckhouse/issues/336 (journalctl -u docker of kube-master-3, Nov 2021; the "
         "excerpt's last line, cut mid-stamp, left out)",
         negative=True)(
        syslog("docker.journal", [
            "-- Logs begin at Wed 2021-11-17 13:38:23 MSK, end at Tue 2021-11-30 16:48:18 MSK. --",
            "Nov 30 14:47:42 kube-master-3 dockerd[1359]: time=\"2021-11-30T14:47:42.822824726+03:00\" level=info msg=\"Container 7873876b33108c21164fff75a98946706d915628e30c5c9e4c562ee55805233c failed to exit within 30 seconds of signal 15 - using the force\"",
            "Nov 30 14:47:52 kube-master-3 dockerd[1359]: time=\"2021-11-30T14:47:52.847599458+03:00\" level=info msg=\"Container 7873876b3310 failed to exit within 10 seconds of kill - trying direct SIGKILL\"",
            "Nov 30 14:48:23 kube-master-3 dockerd[1359]: time=\"2021-11-30T14:48:23.828300156+03:00\" level=info msg=\"Container bc3a649c8e675773e60974082a1a36fa8d85a8898cc651209e6d3c60658ce725 failed to exit within 30 seconds of signal 15 - using the force\"",
            "Nov 30 14:48:24 kube-master-3 dockerd[1359]: time=\"2021-11-30T14:48:24.819824278+03:00\" level=info msg=\"Container 7873876b33108c21164fff75a98946706d915628e30c5c9e4c562ee55805233c failed to exit within 30 seconds of signal 15 - using the force\"",
            "Nov 30 14:48:33 kube-master-3 dockerd[1359]: time=\"2021-11-30T14:48:33.859144684+03:00\" level=info msg=\"Container bc3a649c8e67 failed to exit within 10 seconds of kill - trying direct SIGKILL\""]))

    # ============================== the JVM's own death ==============================
    jama_id = "9f8e7d6c5b4a39281706f5e4d3c2b1a09f8e7d6c5b4a39281706f5e4d3c2b1a0"
    case("app-crash", "jvm-11-sigsegv-in-c2-compiler-docker",
         "OpenJDK 11.0.3 in a Tomcat container: the JVM's own banner, '# A fatal error has been detected by the Java "
         "Runtime Environment:' and '#  SIGSEGV (0xb) at pc=…, pid=1, tid=97' in the C2 compiler; then a second fault "
         "while it writes the report, which is the same death.",
         "https://github.com/adoptium/temurin-build/issues/1545 (container output of a Jama application, Feb 2020; "
         "wrapped in Docker json-file records as moby daemon/logger/jsonfilelog writes them)",
         must=[expect("app_panic", pattern="jvm_fatal_error", subject="java", summary=["the JVM died on SIGSEGV (pid 1)"])])(
        container_output(jama_id, "stdout", [
            "#",
            "# A fatal error has been detected by the Java Runtime Environment:",
            "#",
            "#  SIGSEGV (0xb) at pc=0x00007fcf68a140b1, pid=1, tid=97",
            "#",
            "# JRE version: OpenJDK Runtime Environment (11.0.3+7) (build 11.0.3+7)",
            "# Java VM: OpenJDK 64-Bit Server VM (11.0.3+7, mixed mode, tiered, compressed oops, g1 gc, linux-amd64)",
            "# Problematic frame:",
            "# V  [libjvm.so+0xaa30b1]  PhaseIdealLoop::build_loop_late_post(Node*)+0x171",
            "#",
            "# Core dump will be written. Default location: /usr/local/tomcat/bin/core.1",
            "#",
            "# An error report file with more information is saved as:",
            "# /usr/local/tomcat/bin/hs_err_pid1.log",
            "#",
            "# Compiler replay data is saved as:",
            "# /usr/local/tomcat/bin/replay_pid1.log",
            "#",
            "# If you would like to submit a bug report, please visit:",
            "#   https://github.com/AdoptOpenJDK/openjdk-build/issues",
            "#",
            "",
            "[error occurred during error reporting (), id 0xb, SIGSEGV (0xb) at pc=0x00007fcf69425a47]"]))

    case("app-crash", "jvm-8-sigsegv-banner-twice-jdownloader",
         "JDownloader on OpenJDK 8 (IcedTea) in Docker: its own log lines, then the JVM's SIGSEGV banner, printed twice "
         "because the report file cannot be written ('Can not save log file, dump to screen..'): one death, one incident.",
         "https://github.com/PlusMinus0/headless-jd2-docker/issues/29 (container output, Nov 2018; from the last "
         "JDownloader lines to the second 'JRE version' line)",
         must=[expect("app_panic", pattern="jvm_fatal_error", subject="java", summary=["SIGSEGV (pid 12)"])])(
        text("jd2.log", "/opt/JDownloader/logs/jd2.log", [
            "7047|Log.L.log 11/25/18 11:08:03 AM - FINER [ org.appwork.loggingv3.LogV3(finer) ] -> Read Config(File): /opt/JDownloader/cfg/org.jdownloader.extensions.extraction.ExtractionExtension.passwordlist.json",
            "7047|Log.L.log 11/25/18 11:08:03 AM - FINER [ org.appwork.loggingv3.LogV3(finer) ] -> Read Config(File): /opt/JDownloader/cfg/org.jdownloader.extensions.extraction.ExtractionExtension.deepextractionblacklistpatterns.json",
            "#",
            "# A fatal error has been detected by the Java Runtime Environment:",
            "#",
            "#  SIGSEGV (0xb) at pc=0x0000000000091c66, pid=12, tid=0x00007f80c5348ae8",
            "#",
            "# JRE version: OpenJDK Runtime Environment (8.0_181-b13) (build 1.8.0_181-b13)",
            "# Java VM: OpenJDK 64-Bit Server VM (25.181-b13 mixed mode linux-amd64 compressed oops)",
            "# Derivative: IcedTea 3.9.0",
            "# Distribution: Custom build (Tue Oct 23 11:27:22 UTC 2018)",
            "# Problematic frame:",
            "# C  0x0000000000091c66",
            "#",
            "# Core dump written. Default location: //core or core.12",
            "#",
            "# Can not save log file, dump to screen..",
            "#",
            "# A fatal error has been detected by the Java Runtime Environment:",
            "#",
            "#  SIGSEGV (0xb) at pc=0x0000000000091c66, pid=12, tid=0x00007f80c5348ae8",
            "#",
            "# JRE version: OpenJDK Runtime Environment (8.0_181-b13) (build 1.8.0_181-b13)"]))

    jenkins_id = "1a3c5e7a9c1e3a5c7e9a1c3e5a7c9e1a3c5e7a9c1e3a5c7e9a1c3e5a7c9e1a3c"
    case("app-crash", "jvm-native-mmap-failed-jenkins-alpine",
         "Jenkins (lts-alpine) cannot even start its JVM: os::commit_memory fails, and the JVM says '# There is "
         "insufficient memory for the Java Runtime Environment to continue.' and '# Native memory allocation (mmap) "
         "failed to map 2555904 bytes …': the JVM died for want of native memory.",
         "https://github.com/jenkinsci/docker/issues/670 (docker run output of jenkins/jenkins:lts-alpine, Apr 2018; "
         "wrapped in Docker json-file records as moby daemon/logger/jsonfilelog writes them)",
         must=[expect("app_panic", pattern="jvm_fatal_error", subject="java",
                      summary=["Native memory allocation (mmap) failed to map 2555904 bytes"])])(
        container_output(jenkins_id, "stdout", [
            "OpenJDK 64-Bit Server VM warning: INFO: os::commit_memory(0x000079373d9c8000, 2555904, 1) failed; error='Operation not permitted' (errno=1)",
            "#",
            "# There is insufficient memory for the Java Runtime Environment to continue.",
            "# Native memory allocation (mmap) failed to map 2555904 bytes for committing reserved memory.",
            "# An error report file with more information is saved as:",
            "# /tmp/hs_err_pid5.log"]))

    case("app-crash", "jvm-cannot-create-gc-thread-akhq",
         "AKHQ 0.22.0's image: 'java -version' fails, pthread_create refused (EPERM), and the JVM says it has "
         "insufficient memory: 'Cannot create worker GC thread. Out of system resources.'",
         "https://github.com/tchiotludo/akhq/issues/1199 (shell in the akhq:0.22.0 container, Sep 2022; the prompt "
         "and the command before the output left out)",
         must=[expect("app_panic", pattern="jvm_fatal_error", subject="java",
                      summary=["Cannot create worker GC thread"])])(
        text("java.log", "/app/java.log", [
            "[0.003s][warning][os,thread] Failed to start thread \"GC Thread#0\" - pthread_create failed (EPERM) for attributes: stacksize: 1024k, guardsize: 4k, detached.",
            "#",
            "# There is insufficient memory for the Java Runtime Environment to continue.",
            "# Cannot create worker GC thread. Out of system resources.",
            "# An error report file with more information is saved as:",
            "# /app/hs_err_pid10.log"]))

    case("app-crash", "negative-jvm-deprecated-option-warning",
         "Elasticsearch 6.7 on OpenJDK 12 starting: the JVM warns that UseConcMarkSweepGC is deprecated, then the node "
         "starts: a warning, no JVM death.",
         "https://github.com/rancher/rancher/issues/21004 (elasticsearch-client container output, Jun 2019; the "
         "excerpt's first lines, the long JVM arguments line left out)",
         negative=True)(
        text("es.log", "/var/log/elasticsearch/es.log", [
            "OpenJDK 64-Bit Server VM warning: Option UseConcMarkSweepGC was deprecated in version 9.0 and will likely be removed in a future release. ",
            "[2019-06-20T06:22:57,059][INFO ][o.e.e.NodeEnvironment    ] [elasticsearch-client-6f87bf98bf-hc6mk] using [1] data paths, mounts [[/ (overlay)]], net usable_space [1017.4gb], net total_space [1.5tb], types [overlay] ",
            "[2019-06-20T06:22:57,062][INFO ][o.e.e.NodeEnvironment    ] [elasticsearch-client-6f87bf98bf-hc6mk] heap size [503.6mb], compressed ordinary object pointers [true] ",
            "[2019-06-20T06:22:57,066][INFO ][o.e.n.Node               ] [elasticsearch-client-6f87bf98bf-hc6mk] node name [elasticsearch-client-6f87bf98bf-hc6mk], node ID [qQdHtCmpSuiMWCC4Yyg5Hg] ",
            "[2019-06-20T06:22:57,067][INFO ][o.e.n.Node               ] [elasticsearch-client-6f87bf98bf-hc6mk] version[6.7.0], pid[1], build[oss/docker/8453f77/2019-03-21T15:32:29.844721Z], OS[Linux/4.18.17-041817-generic/amd64], JVM[Oracle Corporation/OpenJDK 64-Bit Server VM/12/12+33] "]))

    # ============================== systemd-coredump ==============================
    case("systemd", "257-coredump-of-journald-in-dmesg",
         "Arch, systemd 257.5: journald crashes after a resume, so systemd-coredump writes to the kernel's ring: "
         "'systemd-coredump[7888]: Process 334 (systemd-journal) of user 0 dumped core.', where the dump went, and "
         "the stack trace: one crash of systemd-journal.",
         "https://github.com/systemd/systemd/issues/37325 (dmesg, May 2025; the stack trace after its sixth frame, "
         "cut mid-name in the excerpt, left out)",
         must=[expect("process_killed", pattern="systemd_coredump", subject="systemd-journal",
                      summary=["(pid 334, user 0) crashed and dumped core"])])(
        dmesg_verbatim([
            "[ 9287.734430] systemd-coredump[7888]: Process 334 (systemd-journal) of user 0 dumped core.",
            "[ 9287.734440] systemd-coredump[7888]: Coredump diverted to /var/lib/systemd/coredump/core.systemd-journal.0.fce92e23f13844328c554edaf0845804.334.1746188381000000.zst",
            "[ 9287.734445] systemd-coredump[7888]: Stack trace of thread 334:",
            "[ 9287.734448] systemd-coredump[7888]: #0  0x000073c605eabbe2 n/a (libc.so.6 + 0x9dbe2)",
            "[ 9287.734451] systemd-coredump[7888]: #1  0x000073c605e9fe33 n/a (libc.so.6 + 0x91e33)",
            "[ 9287.734454] systemd-coredump[7888]: #2  0x000073c605e9fe74 n/a (libc.so.6 + 0x91e74)",
            "[ 9287.734458] systemd-coredump[7888]: #3  0x000073c605f27d85 epoll_wait (libc.so.6 + 0x119d85)",
            "[ 9287.734461] systemd-coredump[7888]: #4  0x000073c6062a18a0 sd_event_wait (libsystemd-shared-257.5-2.so + 0x2a18a0)"]))

    case("systemd", "257-coredump-journalctl-link-marker",
         "journalctl of systemd 257 shows systemd-networkd's crash as '[🡕] Process 4145 (systemd-network) of user 192 "
         "dumped core.', the marker of the entry's documentation link before the message.",
         "https://github.com/systemd/systemd/pull/35484 (journalctl -u systemd-networkd.service -p2 -n1, Dec 2024)",
         host="H",
         must=[expect("process_killed", pattern="systemd_coredump", subject="systemd-network",
                      summary=["(pid 4145, user 192) crashed and dumped core"])])(
        syslog("journal.txt", [
            "Dec 06 05:39:55 H systemd-coredump[4187]: [🡕] Process 4145 (systemd-network) of user 192 dumped core."]))

    case("haproxy", "2.x-last-servers-down-two-backends",
         "HAProxy 2.x in the haproxytech ingress: health checks find the servers of a TCP service refused one by one; "
         "when a backend's last server goes ('0 active and 0 backup servers left') HAProxy alerts that it has no "
         "server available: two backends down, while a third still has a server.",
         "https://github.com/haproxytech/kubernetes-ingress/issues/479 (ingress controller output, 2022; the excerpt's "
         "last line, cut after 'reason:', left out)",
         must=[expect("backend_down", pattern="haproxy_backend_down", subject="solacescalable_default-default-8443-pub_8443"),
               expect("backend_down", pattern="haproxy_backend_down", subject="solacescalable_default-default-8883-pub_8883")],
         must_not=[expect("backend_down", subject="solacescalable_default-default-9000-pub_9000")])(
        text("ingress.log", "/var/log/haproxy-ingress/ingress.log", [
            "[WARNING]  (301) : Server solacescalable_default-default-8443-pub_8443/SRV_2 is DOWN, reason: Layer4 connection problem, info: \"Connection refused\", check duration: 0ms. 0 active and 0 backup servers left. 0 sessions active, 0 requeued, 0 remaining in queue.",
            "[ALERT]    (301) : backend 'solacescalable_default-default-8443-pub_8443' has no server available!",
            "[WARNING]  (301) : Server solacescalable_default-default-8883-pub_8883/SRV_1 is DOWN, reason: Layer4 connection problem, info: \"Connection refused\", check duration: 0ms. 1 active and 0 backup servers left. 0 sessions active, 0 requeued, 0 remaining in queue.",
            "[WARNING]  (301) : Server solacescalable_default-default-8883-pub_8883/SRV_2 is DOWN, reason: Layer4 connection problem, info: \"Connection refused\", check duration: 0ms. 0 active and 0 backup servers left. 0 sessions active, 0 requeued, 0 remaining in queue.",
            "[ALERT]    (301) : backend 'solacescalable_default-default-8883-pub_8883' has no server available!",
            "[WARNING]  (301) : Server solacescalable_default-default-9000-pub_9000/SRV_1 is DOWN, reason: Layer4 connection problem, info: \"Connection refused\", check duration: 0ms. 1 active and 0 backup servers left. 0 sessions active, 0 requeued, 0 remaining in queue."]))

    # ============================== journalctl under other locales ==============================
    case("systemd", "232-french-locale-start-request-repeated",
         "Raspbian stretch (systemd 232) with a French locale: journalctl names the month 'déc.'; ebusd fails at boot, "
         "is restarted once and hits its start limit.",
         "https://github.com/john30/ebusd/issues/229 (journalctl output, Dec 2018)",
         host="lingerie",
         must=[expect("unit_start_limit", pattern="systemd_start_limit_hit", subject="ebusd.service")])(
        syslog("journal.txt", [
            "déc. 11 08:29:20 lingerie systemd[1]: ebusd.service: Failed with result 'exit-code'.",
            "déc. 11 08:29:21 lingerie systemd[1]: ebusd.service: Service hold-off time over, scheduling restart.",
            "déc. 11 08:29:21 lingerie systemd[1]: Stopped ebusd, the daemon for communication with eBUS heating systems..",
            "déc. 11 08:29:21 lingerie systemd[1]: ebusd.service: Start request repeated too quickly.",
            "déc. 11 08:29:21 lingerie systemd[1]: Failed to start ebusd, the daemon for communication with eBUS heating systems..",
            "déc. 11 08:29:21 lingerie systemd[1]: ebusd.service: Unit entered failed state.",
            "déc. 11 08:29:21 lingerie systemd[1]: ebusd.service: Failed with result 'exit-code'."]))

    case("systemd", "portuguese-locale-restart-counter-then-start-limit",
         "A Brazilian locale ('dez' for December): bitcoind's fifth scheduled restart, then 'Start request repeated too "
         "quickly.' and the unit's failure, as systemctl status shows the journal.",
         "https://github.com/bitcoin/bitcoin/issues/26718 (the journal lines of 'systemctl status bitcoind', Dec 2022; "
         "the status header above them left out)",
         host="nakamoto",
         must=[expect("unit_start_limit", pattern="systemd_start_limit_hit", subject="bitcoind.service")])(
        syslog("journal.txt", [
            "dez 17 17:48:09 nakamoto systemd[1]: bitcoind.service: Scheduled restart job, restart counter is at 5.",
            "dez 17 17:48:09 nakamoto systemd[1]: Stopped Bitcoin daemon.",
            "dez 17 17:48:09 nakamoto systemd[1]: bitcoind.service: Start request repeated too quickly.",
            "dez 17 17:48:09 nakamoto systemd[1]: bitcoind.service: Failed with result 'exit-code'.",
            "dez 17 17:48:09 nakamoto systemd[1]: Failed to start Bitcoin daemon."]))

    # ============================== Redis persistence ==============================
    case("app-crash", "redis-4-cannot-save-fork-enomem-syslog",
         "Harbor's Redis 4.0.10 logging through syslog: every save after '1 changes in 900 seconds' fails with "
         "'# Can't save in background: fork: Cannot allocate memory' (Redis's warning level), until the container is "
         "restarted: Redis cannot persist, and refuses writes.",
         "https://github.com/goharbor/harbor/issues/12753 (redis.log of Harbor's syslog container, Aug 2020; from the "
         "first failure to the restart banner's version line)",
         host="172.18.0.1",
         must=[expect("error_signature", pattern="redis_save_failing", subject="redis", count=(3, 3),
                      summary=["fork: Cannot allocate memory"])])(
        syslog("redis.log", [
            "Aug 28 05:55:31 172.18.0.1 redis[12232]: 8:M 28 Aug 05:55:31.086 # Can't save in background: fork: Cannot allocate memory",
            "Aug 28 05:55:37 172.18.0.1 redis[12232]: 8:M 28 Aug 05:55:37.008 * 1 changes in 900 seconds. Saving...",
            "Aug 28 05:55:37 172.18.0.1 redis[12232]: 8:M 28 Aug 05:55:37.008 # Can't save in background: fork: Cannot allocate memory",
            "Aug 28 05:55:43 172.18.0.1 redis[12232]: 8:M 28 Aug 05:55:43.029 * 1 changes in 900 seconds. Saving...",
            "Aug 28 05:55:43 172.18.0.1 redis[12232]: 8:M 28 Aug 05:55:43.029 # Can't save in background: fork: Cannot allocate memory",
            "Aug 28 05:55:47 172.18.0.1 redis[12232]: sudo: kill(8, SIGTERM): Operation not permitted",
            "Aug 28 05:55:49 172.18.0.1 redis[12232]: 8:M 28 Aug 05:55:49.049 * 1 changes in 900 seconds. Saving...",
            "Aug 28 05:55:49 172.18.0.1 redis[12232]: 8:M 28 Aug 05:55:49.436 * Background saving started by pid 2807",
            "Aug 28 05:57:19 172.18.0.1 redis[12232]: 8:C 28 Aug 05:57:19.519 # oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo",
            "Aug 28 05:57:19 172.18.0.1 redis[12232]: 8:C 28 Aug 05:57:19.520 # Redis version=4.0.10, bits=64, commit=00000000, modified=0, pid=8, just started"]))

    # ============================== s6 / s6-overlay ==============================
    ztncui_id = "4e6f8a0c2e4a6c8e0a2c4e6a8c0e2a4c6e8a0c2e4a6c8e0a2c4e6a8c0e2a4c6e"
    case("s6", "overlay-3-oneshot-cannot-start-armbian",
         "ztncui-aio on Armbian (s6-overlay 3): the oneshot 'entryinit' times out talking to s6-sudod and s6-rc says it "
         "is 'unable to start service entryinit: command exited 111'.",
         "https://github.com/kmahyyg/ztncui-aio/issues/30 (docker logs of the container, Jan 2024; wrapped in Docker "
         "json-file records as moby daemon/logger/jsonfilelog writes them)",
         must=[expect("unit_failed", pattern="s6_service_failed", subject="entryinit", summary=["command exited 111"])])(
        container_output(ztncui_id, "stderr", [
            "s6-rc: info: service s6rc-oneshot-runner: starting",
            "s6-rc: info: service s6rc-oneshot-runner successfully started",
            "s6-rc: info: service fix-attrs: starting",
            "s6-rc: info: service entryinit: starting",
            "s6-rc: info: service fix-attrs successfully started",
            "s6-rc: info: service legacy-cont-init: starting",
            "s6-rc: info: service legacy-cont-init successfully started",
            "s6-sudoc: fatal: unable to get exit status from server: Operation timed out",
            "s6-rc: warning: unable to start service entryinit: command exited 111"]))

    sonarr_id = "8c0e2a4c6e8a0c2e4a6c8e0a2c4e6a8c0e2a4c6e8a0c2e4a6c8e0a2c4e6a8c0e"
    case("s6", "2.x-supervise-cannot-exec-run-sonarr",
         "linuxserver/sonarr on CentOS 7 (s6 2.x): s6-supervise's child cannot exec the run script ('Permission "
         "denied') and s6-supervise says it will try again in 10 seconds: sonarr never starts.",
         "https://github.com/linuxserver/docker-sonarr/issues/19 (container output, Aug 2016; wrapped in Docker "
         "json-file records as moby daemon/logger/jsonfilelog writes them)",
         must=[expect("unit_failed", pattern="s6_service_failed", subject="sonarr", summary=["s6 cannot start sonarr"])])(
        container_output(sonarr_id, "stderr", [
            "s6-supervise (child): fatal: unable to exec run: Permission denied",
            "s6-supervise sonarr: warning: unable to spawn ./run - waiting 10 seconds"]))

    s6_ok_id = "2c4e6a8c0e2a4c6e8a0c2e4a6c8e0a2c4e6a8c0e2a4c6e8a0c2e4a6c8e0a2c4e"
    case("s6", "negative-overlay-3-services-started",
         "An s6-overlay 3.0 container bringing its services up: each oneshot starts and is 'successfully started'.",
         "https://github.com/just-containers/s6-overlay/issues/384 (container output, Jan 2022; wrapped in Docker "
         "json-file records as moby daemon/logger/jsonfilelog writes them)",
         negative=True)(
        container_output(s6_ok_id, "stderr", [
            "s6-rc: info: service s6rc-oneshot-runner: starting",
            "s6-rc: info: service s6rc-oneshot-runner successfully started",
            "s6-rc: info: service fix-attrs: starting",
            "s6-rc: info: service 10-adduser: starting",
            "s6-rc: info: service 10-adduser successfully started",
            "s6-rc: info: service fix-attrs successfully started",
            "s6-rc: info: service legacy-cont-init: starting",
            "s6-rc: info: service legacy-cont-init successfully started",
            "s6-rc: info: service legacy-services: starting",
            "s6-rc: info: service legacy-services successfully started"]))

    # ============================== Puma ==============================
    case("wsgi", "puma-2.11-every-worker-timed-out",
         "Puma 2.11.1 (Ruby 2.2.1) in cluster mode after a deploy: the eight workers load their Gemfile and never "
         "check in, and the master terminates all eight as timed out.",
         "https://github.com/puma/puma/issues/671 (puma error log, Mar 2015)",
         must=[expect("restart_burst", pattern="puma_worker_restart_burst", subject="puma", count=(8, 8),
                      summary=["puma killed 8 hung workers"])])(
        text("puma_error.log", "/usr/local/apps/rails/shared/log/puma_error.log", [
            "[13143] + Gemfile in context: /usr/local/apps/rails/releases/20150313232146/Gemfile",
            "[13150] + Gemfile in context: /usr/local/apps/rails/releases/20150313232146/Gemfile",
            "[13146] + Gemfile in context: /usr/local/apps/rails/releases/20150313232146/Gemfile",
            "[13155] + Gemfile in context: /usr/local/apps/rails/releases/20150313232146/Gemfile",
            "[13165] + Gemfile in context: /usr/local/apps/rails/releases/20150313232146/Gemfile",
            "[13159] + Gemfile in context: /usr/local/apps/rails/releases/20150313232146/Gemfile",
            "[13168] + Gemfile in context: /usr/local/apps/rails/releases/20150313232146/Gemfile",
            "[13162] + Gemfile in context: /usr/local/apps/rails/releases/20150313232146/Gemfile",
            "[21147] ! Terminating timed out worker: 13143",
            "[21147] ! Terminating timed out worker: 13146",
            "[21147] ! Terminating timed out worker: 13150",
            "[21147] ! Terminating timed out worker: 13155",
            "[21147] ! Terminating timed out worker: 13159",
            "[21147] ! Terminating timed out worker: 13162",
            "[21147] ! Terminating timed out worker: 13165",
            "[21147] ! Terminating timed out worker: 13168"]))

    # ============================== Node: other wordings and prefixes ==============================
    case("app-crash", "node-20-reached-heap-limit-native-stack",
         "Node 20's last words when the heap is full: 'FATAL ERROR: Reached heap limit Allocation failed - JavaScript "
         "heap out of memory', then its 'Native stack trace' header and the frames.",
         "https://github.com/website-local/mdn-local/issues/1144 (the crawler's output, Mar 2025; the stack after its "
         "third frame left out)",
         must=[expect("app_panic", pattern="node_heap_out_of_memory", subject="node",
                      summary=["Reached heap limit Allocation failed - JavaScript heap out of memory"])])(
        text("mdn-local.log", "/var/log/mdn-local/crawler.log", [
            "<--- JS stacktrace --->",
            "",
            "FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory",
            "----- Native stack trace -----",
            "",
            " 1: 0xb8d11b node::OOMErrorHandler(char const*, v8::OOMDetails const&) [node]",
            " 2: 0xf01b70 v8::Utils::ReportOOMFailure(v8::internal::Isolate*, char const*, v8::OOMDetails const&) [node]",
            " 3: 0xf01e57 v8::internal::V8::FatalProcessOutOfMemory(v8::internal::Isolate*, char const*, v8::OOMDetails const&) [node]"]))

    case("app-crash", "node-heap-out-of-memory-pm2-logs-prefix",
         "pm2 logs of a Node app: each line behind PM2's '3|muon-nod | ' prefix, 'FATAL ERROR: Ineffective "
         "mark-compacts near heap limit …' and the native stack.",
         "https://github.com/muon-protocol/muon-node-js/issues/68 (pm2 logs output, Apr 2023; the frames after the "
         "fourth left out)",
         must=[expect("app_panic", pattern="node_heap_out_of_memory", subject="node",
                      summary=["Ineffective mark-compacts near heap limit"])])(
        text("pm2-logs.txt", "/root/.pm2/logs/muon-node-js-cluster-out.log", [
            "3|muon-nod | FATAL ERROR: Ineffective mark-compacts near heap limit Allocation failed - JavaScript heap out of memory",
            "3|muon-nod |  1: 0xb09980 node::Abort() [node]",
            "3|muon-nod |  2: 0xa1c235 node::FatalError(char const*, char const*) [node]",
            "3|muon-nod |  3: 0xcf784e v8::Utils::ReportOOMFailure(v8::internal::Isolate*, char const*, bool) [node]",
            "3|muon-nod |  4: 0xcf7bc7 v8::internal::V8::FatalProcessOutOfMemory(v8::internal::Isolate*, char const*, bool) [node]"]))

    # ============================== systemctl status pastes ==============================
    case("systemd", "systemctl-status-failed-start-limit-hit-suse",
         "systemctl status of a failed unit on openSUSE (the '×' of a failed unit, systemd >= 249): the status block, "
         "then the journal's last lines: the fifth scheduled restart and 'Start request repeated too quickly.'",
         "https://github.com/henrygd/beszel/pull/311 (systemctl status beszel-hub, Dec 2024; the shell prompt line left out)",
         host="luna",
         must=[expect("unit_start_limit", pattern="systemd_start_limit_hit", subject="beszel-hub.service")])(
        syslog("status.txt", [
            "× beszel-hub.service - Beszel Hub Service",
            "     Loaded: loaded (/etc/systemd/system/beszel-hub.service; enabled; preset: disabled)",
            "     Active: failed (Result: start-limit-hit) since Tue 2024-12-03 21:35:01 CST; 2s ago",
            "   Duration: 42ms",
            "    Process: 13519 ExecStart=/opt/beszel/beszel serve --http 0.0.0.0:10002 (code=exited, status=0/SUCCESS)",
            "   Main PID: 13519 (code=exited, status=0/SUCCESS)",
            "        CPU: 18ms",
            "",
            "Dec 03 21:35:01 luna systemd[1]: beszel-hub.service: Scheduled restart job, restart counter is at 5.",
            "Dec 03 21:35:01 luna systemd[1]: beszel-hub.service: Start request repeated too quickly.",
            "Dec 03 21:35:01 luna systemd[1]: beszel-hub.service: Failed with result 'start-limit-hit'.",
            "Dec 03 21:35:01 luna systemd[1]: Failed to start Beszel Hub Service."]))

    case("systemd", "systemctl-status-header-without-its-dot",
         "systemctl status of xapsd as pasted into an issue, the status dot lost: 'xapsd.service - Apple Push "
         "Notification Service' and its fields, then the journal: the fifth restart and the start limit.",
         "https://github.com/freswa/dovecot-xaps-daemon/issues/40 (systemctl status xapsd, Sep 2024)",
         host="server",
         must=[expect("unit_start_limit", pattern="systemd_start_limit_hit", subject="xapsd.service")])(
        syslog("status.txt", [
            "xapsd.service - Apple Push Notification Service",
            "     Loaded: loaded (/etc/systemd/system/xapsd.service; enabled; vendor preset: enabled)",
            "     Active: failed (Result: exit-code) since Mon 2024-09-16 14:01:23 CST; 26min ago",
            "    Process: 611 ExecStart=/usr/bin/xapsd (code=exited, status=1/FAILURE)",
            "   Main PID: 611 (code=exited, status=1/FAILURE)",
            "        CPU: 628ms",
            "",
            "Sep 16 14:01:23 server systemd[1]: xapsd.service: Scheduled restart job, restart counter is at 5.",
            "Sep 16 14:01:23 server systemd[1]: Stopped Apple Push Notification Service.",
            "Sep 16 14:01:23 server systemd[1]: xapsd.service: Start request repeated too quickly.",
            "Sep 16 14:01:23 server systemd[1]: xapsd.service: Failed with result 'exit-code'.",
            "Sep 16 14:01:23 server systemd[1]: Failed to start Apple Push Notification Service."]))
