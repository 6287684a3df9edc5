"""Cases of services that die of an exhausted resource: a full filesystem (ENOSPC) and no file
descriptor left (EMFILE/ENFILE). generate.py writes them with the others; every quoted line is
verbatim from the source its SOURCES entry names."""


def register_resources(g):
    case, expect = g["case"], g["expect"]
    text, syslog, dmesg_text = g["text"], g["syslog"], g["dmesg_text"]

    # ============================== disk full ==============================
    case("disk-full", "postgres-12-autovacuum-and-stats-collector",
         "PostgreSQL (Postgres.app) on a full disk: autovacuum cannot extend a table's visibility map and the "
         "statistics collector cannot write, close or open its temporary files, all within a second: one "
         "disk_full of the server's log, updated by every failure, and no error signature of the same lines.",
         "https://github.com/PostgresApp/PostgresApp/issues/566 (the server's log in a comment, Apr 2020; the "
         "excerpt's last line, cut mid-stamp, left out)",
         must=[expect("disk_full", pattern="no_space_left_on_device", subject="/var/log/postgresql/postgresql-12-main.log",
                      count=(7, 7), summary=["cannot write: no space left on device"])],
         must_not=[{"type": "error_signature", "summary_contains": ["No space left on device"]}])(
        text("postgresql.log", "/var/log/postgresql/postgresql-12-main.log", [
            "2020-04-21 01:38:58.138 CST [7790] ERROR:  could not extend file \"base/25546/25595_vm\": No space left on device",
            "2020-04-21 01:38:58.138 CST [7790] HINT:  Check free disk space.",
            "2020-04-21 01:38:58.138 CST [7790] CONTEXT:  automatic vacuum of table \"mimic.mimiciii.chartevents_6\"",
            "2020-04-21 01:38:58.351 CST [1629] LOG:  could not write temporary statistics file \"pg_stat_tmp/db_25546.tmp\": No space left on device",
            "2020-04-21 01:38:58.533 CST [7811] LOG:  using stale statistics instead of current ones because stats collector is not responding",
            "2020-04-21 01:38:58.587 CST [1629] LOG:  could not close temporary statistics file \"pg_stat_tmp/db_0.tmp\": No space left on device",
            "2020-04-21 01:38:58.646 CST [7811] ERROR:  could not extend file \"base/25546/25599_vm\": No space left on device",
            "2020-04-21 01:38:58.646 CST [7811] HINT:  Check free disk space.",
            "2020-04-21 01:38:58.646 CST [7811] CONTEXT:  automatic vacuum of table \"mimic.mimiciii.chartevents_7\"",
            "2020-04-21 01:38:58.715 CST [1629] LOG:  could not close temporary statistics file \"pg_stat_tmp/global.tmp\": No space left on device",
            "2020-04-21 01:38:58.980 CST [1629] LOG:  could not write temporary statistics file \"pg_stat_tmp/db_25546.tmp\": No space left on device",
            "2020-04-21 01:38:59.245 CST [1629] LOG:  could not open temporary statistics file \"pg_stat_tmp/db_0.tmp\": No space left on device"]))

    case("disk-full", "postgres-16-lock-file-pgdata-full",
         "PostgreSQL in a Kubernetes pod whose /pgdata volume is 100% used cannot rewrite its lock file "
         "postmaster.pid and stops (FATAL): a full disk, named with the file it could not write.",
         "https://github.com/holos-run/holos/issues/97 (zitadel's Crunchy Postgres pod, Apr 2024)",
         must=[expect("disk_full", pattern="no_space_left_on_device", subject="/pgdata/pg16/log/postgresql.log",
                      summary=["no space left on device (postmaster.pid)"])])(
        text("postgresql.log", "/pgdata/pg16/log/postgresql.log", [
            "2024-04-03 17:02:47.173 UTC [202508] FATAL:  could not write lock file \"postmaster.pid\": No space left on device"]))

    case("disk-full", "synapse-postgres-retries-in-syslog",
         "Synapse's database transactions fail because PostgreSQL cannot extend a table on a full disk; the "
         "container's lines reach the host's syslog through the journal (program 'journal'), one per retry: "
         "one disk_full of that program.",
         "https://github.com/matrix-org/synapse/issues/10594 (CentOS syslog, Aug 2021; the excerpt's last line, "
         "cut mid-line, left out)",
         must=[expect("disk_full", pattern="no_space_left_on_device", subject="journal", count=(5, 5),
                      summary=["(base/27495/28487)"])])(
        syslog("messages", [
            "Aug 13 11:44:00 xxxxx journal: matrix-synapse synapse.storage.txn - 561 - WARNING - PUT-10865 - [TXN OPERROR] {update_presence-c513} could not extend file \"base/27495/28487\": No space left on device#012HINT:  Check free disk space.#012 0/5",
            "Aug 13 11:44:00 xxxxx journal: matrix-synapse synapse.storage.txn - 561 - WARNING - PUT-10865 - [TXN OPERROR] {update_presence-c513} could not extend file \"base/27495/28487\": No space left on device#012HINT:  Check free disk space.#012 1/5",
            "Aug 13 11:44:00 xxxxx journal: matrix-synapse synapse.storage.txn - 561 - WARNING - PUT-10865 - [TXN OPERROR] {update_presence-c513} could not extend file \"base/27495/28487\": No space left on device#012HINT:  Check free disk space.#012 2/5",
            "Aug 13 11:44:00 xxxxx journal: matrix-synapse synapse.storage.txn - 561 - WARNING - PUT-10865 - [TXN OPERROR] {update_presence-c513} could not extend file \"base/27495/28487\": No space left on device#012HINT:  Check free disk space.#012 3/5",
            "Aug 13 11:44:00 xxxxx journal: matrix-synapse synapse.storage.txn - 561 - WARNING - PUT-10865 - [TXN OPERROR] {update_presence-c513} could not extend file \"base/27495/28487\": No space left on device#012HINT:  Check free disk space.#012 4/5"]))

    case("disk-full", "elasticsearch-6-low-watermark-is-not-full",
         "Elasticsearch 6 logs every 30 s that its low disk watermark is exceeded (11% free): new replicas go "
         "elsewhere, writes still succeed. A disk filling up, not a full one.",
         "https://github.com/StamusNetworks/Clear-NDR-ISO/issues/205 (SELKS' elasticsearch.log, Nov 2019; the "
         "excerpt's last line, cut mid-path, left out)",
         must_not=[{"type": "disk_full"}], negative=True)(
        text("elasticsearch.log", "/var/log/elasticsearch/elasticsearch.log", [
            "[2019-11-28T08:06:02,386][INFO ][o.e.c.r.a.DiskThresholdMonitor] [68TOH-O] low disk watermark [85%] exceeded on [68TOH-OZS6KUpqAUj1-Cqg][68TOH-O][/var/lib/elasticsearch/nodes/0] free: 2.2gb[11.3%], replicas will not be assigned to this node",
            "[2019-11-28T08:06:32,411][INFO ][o.e.c.r.a.DiskThresholdMonitor] [68TOH-O] low disk watermark [85%] exceeded on [68TOH-OZS6KUpqAUj1-Cqg][68TOH-O][/var/lib/elasticsearch/nodes/0] free: 2.2gb[11.3%], replicas will not be assigned to this node",
            "[2019-11-28T08:07:02,426][INFO ][o.e.c.r.a.DiskThresholdMonitor] [68TOH-O] low disk watermark [85%] exceeded on [68TOH-OZS6KUpqAUj1-Cqg][68TOH-O][/var/lib/elasticsearch/nodes/0] free: 2.2gb[11.3%], replicas will not be assigned to this node",
            "[2019-11-28T08:07:32,442][INFO ][o.e.c.r.a.DiskThresholdMonitor] [68TOH-O] low disk watermark [85%] exceeded on [68TOH-OZS6KUpqAUj1-Cqg][68TOH-O][/var/lib/elasticsearch/nodes/0] free: 2.2gb[11.2%], replicas will not be assigned to this node",
            "[2019-11-28T08:08:02,461][INFO ][o.e.c.r.a.DiskThresholdMonitor] [68TOH-O] low disk watermark [85%] exceeded on [68TOH-OZS6KUpqAUj1-Cqg][68TOH-O][/var/lib/elasticsearch/nodes/0] free: 2.2gb[11.2%], replicas will not be assigned to this node"]))

    case("disk-full", "mysql-8-cannot-start-ibtmp1-full-disk",
         "MySQL 8 (the Nextcloud snap) restarts on a disk its binary logs filled: InnoDB cannot grow its "
         "temporary tablespace ./ibtmp1 ('Operating system error number 28', 'No space left on device'), the data "
         "dictionary fails to initialize and the server aborts. One disk_full of the error log, naming the file.",
         "https://github.com/nextcloud-snap/nextcloud-snap/issues/1925 (mysql error log in the issue, Nov 2021; "
         "the lines of one start, the excerpt's last line, cut mid-stamp, left out)",
         must=[expect("disk_full", pattern="no_space_left_on_device", subject="/var/snap/nextcloud/current/logs/mysql_errors.log",
                      count=(2, 2), summary=["no space left on device (./ibtmp1)"])])(
        text("mysql_errors.log", "/var/snap/nextcloud/current/logs/mysql_errors.log", [
            "2021-11-08T15:47:31.519528Z 1 [Warning] [MY-012637] [InnoDB] 1048576 bytes should have been written. Only 1011712 bytes written. Retrying for the remaining bytes.",
            "2021-11-08T15:47:31.519963Z 1 [Warning] [MY-012638] [InnoDB] Retry attempts for writing partial data failed.",
            "2021-11-08T15:47:31.520283Z 1 [ERROR] [MY-012639] [InnoDB] Write to file ./ibtmp1 failed at offset 1048576, 1048576 bytes should have been written, only 1011712 were written. Operating system error number 28. Check that your OS and file system support files of this size. Check also that the disk is not full or a disk quota exceeded.",
            "2021-11-08T15:47:31.520601Z 1 [ERROR] [MY-012640] [InnoDB] Error number 28 means 'No space left on device'",
            "2021-11-08T15:47:31.521235Z 1 [ERROR] [MY-012267] [InnoDB] Could not set the file size of './ibtmp1'. Probably out of disk space",
            "2021-11-08T15:47:31.521571Z 1 [ERROR] [MY-012926] [InnoDB] Unable to create the shared innodb_temporary.",
            "2021-11-08T15:47:31.521921Z 1 [ERROR] [MY-012930] [InnoDB] Plugin initialization aborted with error Generic error.",
            "2021-11-08T15:47:31.569375Z 1 [ERROR] [MY-010334] [Server] Failed to initialize DD Storage Engine",
            "2021-11-08T15:47:31.570750Z 0 [ERROR] [MY-010020] [Server] Data Dictionary initialization failed.",
            "2021-11-08T15:47:31.572042Z 0 [ERROR] [MY-010119] [Server] Aborting"]))

    case("disk-full", "dockerd-1.12-cannot-save-key-file",
         "The Docker daemon of a Moby VM (experimental 1.12 build) cannot start: writing its key file fails with "
         "'no space left on device', at every one of three starts (level=fatal). One disk_full of docker.log.",
         "https://github.com/linuxkit/linuxkit/issues/348 (tail /var/log/docker.log, Jul 2016)",
         must=[expect("disk_full", pattern="no_space_left_on_device", subject="/var/log/docker.log", count=(3, 3),
                      summary=["no space left on device (/etc/docker/.tmp-key.json357604861)"])])(
        text("docker.log", "/var/log/docker.log", [
            "time=\"2016-07-25T13:10:17.240700272Z\" level=info msg=\"[graphdriver] using prior storage driver \\\"aufs\\\"\" ",
            "time=\"2016-07-25T13:10:17.367342471Z\" level=fatal msg=\"Error starting daemon: Error saving key file: write /etc/docker/.tmp-key.json989539736: no space left on device\" ",
            "time=\"2016-07-25T13:19:54Z\" level=warning msg=\"Running experimental build\" ",
            "time=\"2016-07-25T13:19:54.418764282Z\" level=info msg=\"New containerd process, pid: 1152\" ",
            "time=\"2016-07-25T13:19:54.445571304Z\" level=info msg=\"[graphdriver] using prior storage driver \\\"aufs\\\"\" ",
            "time=\"2016-07-25T13:19:54.568082310Z\" level=fatal msg=\"Error starting daemon: Error saving key file: write /etc/docker/.tmp-key.json773005279: no space left on device\" ",
            "time=\"2016-07-25T13:26:05Z\" level=warning msg=\"Running experimental build\" ",
            "time=\"2016-07-25T13:26:05.401389781Z\" level=info msg=\"New containerd process, pid: 1151\" ",
            "time=\"2016-07-25T13:26:05.443592390Z\" level=info msg=\"[graphdriver] using prior storage driver \\\"aufs\\\"\" ",
            "time=\"2016-07-25T13:26:05.556757871Z\" level=fatal msg=\"Error starting daemon: Error saving key file: write /etc/docker/.tmp-key.json357604861: no space left on device\" "]))

    case("disk-full", "4.1-ext4-delayed-allocation-error-28-syslog",
         "Linux 4.1.5: wget fills an ext4 filesystem; writeback of data already accepted fails with error 28 "
         "(ENOSPC), 'This should not happen!! Data will be lost', then ext4's block accounting dump. One disk_full "
         "of the device sda5, in the kernel's lines of a syslog file.",
         "https://linuxlists.cc/l/5/linux-ext4/permalink/%3C20150813082307.GA32614%40aepfle.de%3E (linux-ext4 "
         "mailing list, Olaf Hering, 'ext4 errors with full filesystem', Aug 2015)",
         must=[expect("disk_full", pattern="kernel_ext4_delalloc_enospc", subject="sda5",
                      summary=["ext4 on sda5 is full"])])(
        syslog("messages", [
            "Aug 13 10:13:35 probook.fritz.box kernel: EXT4-fs (sda5): Delayed block allocation failed for inode 15695873 at logical offset 1942120 with max blocks 221 with error 28",
            "Aug 13 10:13:49 probook.fritz.box kernel: EXT4-fs (sda5): This should not happen!! Data will be lost",
            "Aug 13 10:14:06 probook.fritz.box kernel: EXT4-fs (sda5): Total free blocks count 0",
            "Aug 13 10:14:06 probook.fritz.box kernel: EXT4-fs (sda5): Free/Dirty block details",
            "Aug 13 10:14:07 probook.fritz.box kernel: EXT4-fs (sda5): free_blocks=0",
            "Aug 13 10:14:07 probook.fritz.box kernel: EXT4-fs (sda5): dirty_blocks=221",
            "Aug 13 10:14:07 probook.fritz.box kernel: EXT4-fs (sda5): Block reservation details",
            "Aug 13 10:14:08 probook.fritz.box kernel: EXT4-fs (sda5): i_reserved_data_blocks=221"]))

    case("disk-full", "kubelet-inotify-watches-used-up",
         "The kubelet's cAdvisor cannot watch a new pod's cgroup: inotify_add_watch fails with ENOSPC, 'no space "
         "left on device', because fs.inotify.max_user_watches (8192) is used up. No disk is full.",
         "https://github.com/google/cadvisor/issues/1581 (journalctl -u kubelet in a comment, Aug 2018)",
         must_not=[{"type": "disk_full"}])(
        syslog("journal.txt", [
            "Aug 13 12:48:05 psit-multinode-minion-1 kubelet[81153]: W0813 12:48:05.682241   81153 raw.go:87] Error while processing event (\"/sys/fs/cgroup/cpuset/kubepods/burstable/podd405e4ff-9aab-11e8-aaea-70695a988249/485ae7dc7e34b76666815053f75a705d03ca2c0ee3ba2d2edbb6fa4128ec7810\": 0x40000100 == IN_CREATE|IN_ISDIR): inotify_add_watch /sys/fs/cgroup/cpuset/kubepods/burstable/podd405e4ff-9aab-11e8-aaea-70695a988249/485ae7dc7e34b76666815053f75a705d03ca2c0ee3ba2d2edbb6fa4128ec7810: no space left on device"]))

    # ============================== file descriptors exhausted ==============================
    case("fd-exhaustion", "nginx-1.2-accept4-too-many-open-files",
         "nginx 1.2.5 (with the TCP proxy module) stops accepting connections: both workers log 'accept4() "
         "failed (24: Too many open files)' seven times in two seconds, then the upstream module's own errors. "
         "One fd_exhausted of the error log; the accept4 lines are its alone, not an error signature as well.",
         "https://github.com/yaoweibin/nginx_tcp_proxy_module/issues/60 (nginx error log on Ubuntu 12.04, Dec 2012)",
         must=[expect("fd_exhausted", pattern="too_many_open_files", subject="/var/log/nginx/error.log", count=(7, 7),
                      summary=["ran out of file descriptors", "accept4 failed"])],
         must_not=[{"type": "error_signature", "summary_contains": ["Too many open files"]}])(
        text("error.log", "/var/log/nginx/error.log", [
            "2012/12/11 11:35:26 [crit] 2657#0: accept4() failed (24: Too many open files)",
            "2012/12/11 11:35:26 [crit] 2658#0: accept4() failed (24: Too many open files)",
            "2012/12/11 11:35:26 [crit] 2658#0: accept4() failed (24: Too many open files)",
            "2012/12/11 11:35:28 [crit] 2657#0: accept4() failed (24: Too many open files)",
            "2012/12/11 11:35:28 [crit] 2657#0: accept4() failed (24: Too many open files)",
            "2012/12/11 11:35:28 [crit] 2658#0: accept4() failed (24: Too many open files)",
            "2012/12/11 11:35:28 [crit] 2658#0: accept4() failed (24: Too many open files)",
            "2012/12/11 11:35:29 [error] 19566#0: *1 upstream servers are busy or encounter error! while connecting to upstream, client: 195.159.164.228, server: 0.0.0.0:80",
            "2012/12/11 11:35:30 [error] 19566#0: *3 upstream servers are busy or encounter error! while connecting to upstream, client: 123.49.59.22, server: 0.0.0.0:80",
            "2012/12/11 11:35:30 [error] 19566#0: *4 upstream servers are busy or encounter error! while connecting to upstream, client: 123.49.59.22, server: 0.0.0.0:80"]))

    case("fd-exhaustion", "go-bee-accept-loop-in-journal",
         "Swarm's bee node (Go, logrus) runs out of descriptors under systemd: net/http's accept loop retries "
         "every second and libp2p cannot even read the routing table; journalctl shows both. One fd_exhausted "
         "of the program bee.",
         "https://github.com/ethersphere/bee/issues/2006 (journalctl of bee 1.0, Jun 2021; the excerpt's last "
         "line, cut mid-message, left out)",
         must=[expect("fd_exhausted", pattern="too_many_open_files", subject="bee", count=(7, 7),
                      summary=["bee ran out of file descriptors"])])(
        syslog("journal.txt", [
            "Jun 05 19:57:30 bee1 bee[26160]: time=\"2021-06-05T19:57:30Z\" level=error msg=\"http: Accept error: accept tcp 127.0.0.1:1635: accept4: too many open files; retrying in 1s\"",
            "Jun 05 19:57:31 bee1 bee[26160]: time=\"2021-06-05T19:57:31Z\" level=error msg=\"http: Accept error: accept tcp 127.0.0.1:1635: accept4: too many open files; retrying in 1s\"",
            "Jun 05 19:57:31 bee1 bee[26160]: 2021-06-05T19:57:31.795Z        ERROR        basichost        failed to resolve local interface addresses        {\"error\": \"route ip+net: netlinkrib: too many open files\"}",
            "Jun 05 19:57:31 bee1 bee[26160]: 2021-06-05T19:57:31.912Z        ERROR        basichost        failed to resolve local interface addresses        {\"error\": \"route ip+net: netlinkrib: too many open files\"}",
            "Jun 05 19:57:32 bee1 bee[26160]: time=\"2021-06-05T19:57:32Z\" level=error msg=\"http: Accept error: accept tcp 127.0.0.1:1635: accept4: too many open files; retrying in 1s\"",
            "Jun 05 19:57:33 bee1 bee[26160]: time=\"2021-06-05T19:57:33Z\" level=error msg=\"http: Accept error: accept tcp 127.0.0.1:1635: accept4: too many open files; retrying in 1s\"",
            "Jun 05 19:57:34 bee1 bee[26160]: time=\"2021-06-05T19:57:34Z\" level=error msg=\"http: Accept error: accept tcp 127.0.0.1:1635: accept4: too many open files; retrying in 1s\""]))

    case("fd-exhaustion", "tomcat-6-socket-accept-failed",
         "Tomcat 6's blocking connector cannot accept: 'Socket accept failed' (Chinese locale, 严重 = SEVERE) "
         "and java.net.SocketException: Too many open files with its stack, again and again in catalina.out.",
         "https://github.com/psi-probe/psi-probe/issues/203 (Tomcat 6.0.20, Java 1.6, CentOS 5.4, Mar 2011; the "
         "excerpt's second stack, cut after its first frame, kept to that frame)",
         must=[expect("fd_exhausted", pattern="too_many_open_files", subject="/usr/local/tomcat/logs/catalina.out",
                      summary=["ran out of file descriptors"])])(
        text("catalina.out", "/usr/local/tomcat/logs/catalina.out", [
            "2011-3-16 14:17:30 org.apache.tomcat.util.net.JIoEndpoint$Acceptor run",
            "严重: Socket accept failed",
            "java.net.SocketException: Too many open files",
            "        at java.net.PlainSocketImpl.socketAccept(Native Method)",
            "        at java.net.PlainSocketImpl.accept(PlainSocketImpl.java:408)",
            "        at java.net.ServerSocket.implAccept(ServerSocket.java:462)",
            "        at java.net.ServerSocket.accept(ServerSocket.java:430)",
            "        at org.apache.tomcat.util.net.DefaultServerSocketFactory.acceptSocket(DefaultServerSocketFactory.java:61)",
            "        at org.apache.tomcat.util.net.JIoEndpoint$Acceptor.run(JIoEndpoint.java:317)",
            "        at java.lang.Thread.run(Thread.java:662)",
            "2011-3-16 14:17:30 org.apache.tomcat.util.net.JIoEndpoint$Acceptor run",
            "严重: Socket accept failed",
            "java.net.SocketException: Too many open files",
            "        at java.net.PlainSocketImpl.socketAccept(Native Method)"]))

    case("fd-exhaustion", "kernel-file-max-limit-reached-dmesg-T",
         "The kernel's table of open files is full on a GPU node: 'VFS: file-max limit 1000000 reached' in "
         "dmesg -T; sudo then fails with 'Too many open files in system'. One fd_exhausted of the host.",
         "https://github.com/leptonai/gpud/pull/224 (the pull request's description, Dec 2024)",
         must=[expect("fd_exhausted", pattern="kernel_file_max_reached", subject="file-max",
                      summary=["file-max limit 1000000 reached"])])(
        dmesg_text([
            "[Sun Dec  1 14:54:40 2024] VFS: file-max limit 1000000 reached"]))

    case("fd-exhaustion", "node-0.10-accept-emfile-forever-log",
         "A Node 0.10 chat server (socket.io, run by forever) cannot accept connections: 'warn: error raised: "
         "Error: accept EMFILE' fills 100 MB of forever.log and the app stops answering until forever restarts it. "
         "One fd_exhausted of the log, the call named.",
         "https://github.com/cfdp/opeka/issues/39 (forever.log, May 2014)",
         must=[expect("fd_exhausted", pattern="too_many_open_files", subject="/root/.forever/opeka.log", count=(4, 4),
                      summary=["accept failed"])])(
        text("forever.log", "/root/.forever/opeka.log", [
            "2014-05-20T16:41:26.325Z - info: Regular user disconnected. CPIyp4FSWt-et93Vuzrx",
            "2014-05-20T16:41:26.326Z - info: Logout: User chat start:  23343394",
            "2014-05-20T16:41:26.326Z - info: Logout: User chat end:  23343401",
            "warn: client not handshaken client should reconnect",
            "warn: client not handshaken client should reconnect",
            "warn: websocket parser error: no handler for opcode 10",
            "warn: error raised: Error: accept EMFILE",
            "warn: error raised: Error: accept EMFILE",
            "warn: error raised: Error: accept EMFILE",
            "warn: error raised: Error: accept EMFILE"]))

    case("fd-exhaustion", "elasticsearch-2-descriptor-limit-warning",
         "Elasticsearch 2.4 warns at start that its descriptor limit (65535) is below what it wants (65536): a "
         "limit, no descriptor has run out.",
         "https://github.com/elastic/elasticsearch/issues/20508 (Elasticsearch 2.4, Sep 2016)",
         must_not=[{"type": "fd_exhausted"}], negative=True)(
        text("elasticsearch.log", "/var/log/elasticsearch/elasticsearch.log", [
            "[2016-09-15 08:52:04,867][WARN ][env                      ] [my-node] max file descriptors [65535] for elasticsearch process likely too low, consider increasing to at least [65536]"]))
