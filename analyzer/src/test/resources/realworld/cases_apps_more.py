"""More application-log cases of the real-world corpus: programs' own logs in the formats real
services write (levels in brackets, klog, logfmt, JSON, Rails, .NET, log4j, …) whose repeated errors
must make one signature and whose one-off errors must not. generate.py writes them with the others;
every quoted line is verbatim from the source its SOURCES entry names."""


def register_apps_more(g):
    case, expect, text = g["case"], g["expect"], g["text"]

    # ============================== MongoDB: the severity letter of its text (3.0-4.2) and JSON (4.4+) logs ==============================
    mongo_log = "/var/log/mongodb/mongod.log"
    case("app-log", "mongodb-4.2-text-ssl-peer-validation-failed",
         "MongoDB 4.2 (text log, severity letters padded to two): every client's TLS handshake fails the same way, "
         "'E  NETWORK  [connN] SSL peer certificate validation failed'; between them, info lines about the same connections. "
         "The E lines, each of another connection, are one signature.",
         "https://github.com/mongodb/mongodb-kubernetes-operator/issues/1058 (mongod log, MongoDB 4.2 in the community operator, Jul 2022)",
         must=[expect("error_signature", pattern="app_error_signature", subject=mongo_log, count=(2, 2),
                      summary=["SSL peer certificate validation failed: unsupported certificate purpose"])])(
        text("mongod.log", mongo_log, [
            "2022-07-27T09:25:44.992+0000 I  NETWORK  [conn25852] end connection 10.120.6.9:33914 (14 connections now open)",
            "2022-07-27T09:25:44.993+0000 I  NETWORK  [listener] connection accepted from 10.120.6.9:33918 #25855 (15 connections now open)",
            "2022-07-27T09:25:44.993+0000 E  NETWORK  [conn25854] SSL peer certificate validation failed: unsupported certificate purpose",
            "2022-07-27T09:25:44.994+0000 I  NETWORK  [conn25854] Error receiving request from client: SSLHandshakeFailed: SSL peer certificate validation failed: unsupported certificate purpose. Ending connection from 10.120.8.127:58220 (connection id: 25854)",
            "2022-07-27T09:25:44.994+0000 I  NETWORK  [conn25854] end connection 10.120.8.127:58220 (14 connections now open)",
            "2022-07-27T09:25:44.995+0000 I  NETWORK  [listener] connection accepted from 10.120.8.127:58224 #25856 (15 connections now open)",
            "2022-07-27T09:25:44.998+0000 E  NETWORK  [conn25855] SSL peer certificate validation failed: unsupported certificate purpose",
            "2022-07-27T09:25:44.998+0000 I  NETWORK  [conn25855] Error receiving request from client: SSLHandshakeFailed: SSL peer certificate validation failed: unsupported certificate purpose. Ending connection from 10.120.6.9:33918 (connection id: 25855)",
            "2022-07-27T09:25:44.998+0000 I  NETWORK  [conn25855] end connection 10.120.6.9:33918 (14 connections now open)"]))

    case("app-log", "negative-mongodb-4.0-text-ssl-only-info-lines",
         "Percona Server for MongoDB 4.0 (text log) refuses plain connections of a health check once a second: "
         "'I NETWORK … Error receiving request from client: SSLHandshakeFailed', at info. Lines at I say 'Error' "
         "in their text; their level is info, so no error signature.",
         "https://github.com/docker-library/official-images/pull/7291 (psmdb-40 container test output, Jan 2020)",
         negative=True)(
        text("mongod.log", mongo_log, [
            "2020-01-17T21:17:33.793+0000 I NETWORK  [conn5] Error receiving request from client: SSLHandshakeFailed: The server is configured to only allow SSL connections. Ending connection from 127.0.0.1:36504 (connection id: 5)",
            "2020-01-17T21:17:33.793+0000 I NETWORK  [conn5] end connection 127.0.0.1:36504 (0 connections now open)",
            "2020-01-17T21:17:34.833+0000 I NETWORK  [listener] connection accepted from 127.0.0.1:36506 #6 (1 connection now open)",
            "2020-01-17T21:17:34.834+0000 I NETWORK  [conn6] Error receiving request from client: SSLHandshakeFailed: The server is configured to only allow SSL connections. Ending connection from 127.0.0.1:36506 (connection id: 6)",
            "2020-01-17T21:17:34.834+0000 I NETWORK  [conn6] end connection 127.0.0.1:36506 (0 connections now open)",
            "2020-01-17T21:17:35.871+0000 I NETWORK  [listener] connection accepted from 127.0.0.1:36512 #7 (1 connection now open)",
            "2020-01-17T21:17:35.871+0000 I NETWORK  [conn7] Error receiving request from client: SSLHandshakeFailed: The server is configured to only allow SSL connections. Ending connection from 127.0.0.1:36512 (connection id: 7)",
            "2020-01-17T21:17:35.871+0000 I NETWORK  [conn7] end connection 127.0.0.1:36512 (0 connections now open)"]))

    case("app-log", "mongodb-json-wiredtiger-open-not-permitted",
         "MongoDB's JSON log (4.4+): WiredTiger cannot open its files on a bind mount, 'Operation not permitted' twice "
         "with an 'File exists' between; the severity is the letter in \"s\", and the two same errors are one signature.",
         "https://github.com/cve-search/CVE-Search-Docker/issues/37 (docker-compose output of the mongo container, Jul 2023; "
         "the compose prefix 'mongo_1       | ' removed)",
         must=[expect("error_signature", pattern="app_error_signature", subject=mongo_log, count=(2, 2),
                      summary=["WiredTiger error", "Operation not permitted"])])(
        text("mongod.log", mongo_log, [
            '{"t":{"$date":"2023-07-12T10:32:47.030+00:00"},"s":"E",  "c":"STORAGE",  "id":22435,   "ctx":"initandlisten","msg":"WiredTiger error","attr":{"error":1,"message":"[1689157967:30520][29:0x7f7a96f8bcc0], connection: __posix_open_file, 815: /data/db/WiredTiger.wt: handle-open: open: Operation not permitted"}}',
            '{"t":{"$date":"2023-07-12T10:32:47.046+00:00"},"s":"E",  "c":"STORAGE",  "id":22435,   "ctx":"initandlisten","msg":"WiredTiger error","attr":{"error":17,"message":"[1689157967:46047][29:0x7f7a96f8bcc0], connection: __posix_open_file, 815: /data/db/WiredTiger.wt: handle-open: open: File exists"}}',
            '{"t":{"$date":"2023-07-12T10:32:47.048+00:00"},"s":"I",  "c":"STORAGE",  "id":22430,   "ctx":"initandlisten","msg":"WiredTiger message","attr":{"message":"unexpected file WiredTiger.wt found, renamed to WiredTiger.wt.2"}}',
            '{"t":{"$date":"2023-07-12T10:32:47.049+00:00"},"s":"E",  "c":"STORAGE",  "id":22435,   "ctx":"initandlisten","msg":"WiredTiger error","attr":{"error":1,"message":"[1689157967:49852][29:0x7f7a96f8bcc0], connection: __posix_open_file, 815: /data/db/WiredTiger.wt: handle-open: open: Operation not permitted"}}']))

    case("app-log", "negative-mongodb-json-one-ssl-error-among-info",
         "MongoDB's JSON log: a client without a certificate is refused once at \"s\":\"E\"; the other lines about it, "
         "'Error receiving request from client', are at \"s\":\"I\". One error is no signature.",
         "https://github.com/docker-library/official-images/pull/16324 (mongo container test output, Feb 2024)",
         negative=True)(
        text("mongod.log", mongo_log, [
            '{"t":{"$date":"2024-02-28T23:00:28.316+00:00"},"s":"I",  "c":"NETWORK",  "id":22988,   "ctx":"conn4","msg":"Error receiving request from client. Ending connection from remote","attr":{"error":{"code":141,"codeName":"SSLHandshakeFailed","errmsg":"no SSL certificate provided by peer; connection rejected"},"remote":"172.27.0.7:41958","connectionId":4}}',
            '{"t":{"$date":"2024-02-28T23:00:28.316+00:00"},"s":"I",  "c":"NETWORK",  "id":22944,   "ctx":"conn4","msg":"Connection ended","attr":{"remote":"172.27.0.7:41958","connectionId":4,"connectionCount":0}}',
            '{"t":{"$date":"2024-02-28T23:00:30.917+00:00"},"s":"I",  "c":"NETWORK",  "id":22943,   "ctx":"listener","msg":"Connection accepted","attr":{"remote":"172.27.0.7:42100","connectionId":5,"connectionCount":1}}',
            '{"t":{"$date":"2024-02-28T23:00:30.923+00:00"},"s":"E",  "c":"NETWORK",  "id":23255,   "ctx":"conn5","msg":"No SSL certificate provided by peer; connection rejected"}',
            '{"t":{"$date":"2024-02-28T23:00:30.923+00:00"},"s":"I",  "c":"NETWORK",  "id":22988,   "ctx":"conn5","msg":"Error receiving request from client. Ending connection from remote","attr":{"error":{"code":141,"codeName":"SSLHandshakeFailed","errmsg":"no SSL certificate provided by peer; connection rejected"},"remote":"172.27.0.7:42100","connectionId":5}}']))

    # ============================== MySQL, Elasticsearch: bracketed levels ==============================
    case("app-log", "mysql-5.7-replica-cannot-connect-to-master",
         "MySQL 5.7 replica: the I/O thread cannot reach its master and retries every 10 s, '[ERROR] Slave I/O for channel '': "
         "error connecting to master … retries: N'; the retry count, the only change, is masked and the errors are one signature.",
         "https://github.com/bitpoke/mysql-operator/issues/158 (mysqld error log of a replica pod, Nov 2018)",
         must=[expect("error_signature", pattern="app_error_signature", subject="/var/log/mysql/error.log", count=(4, 4),
                      summary=["error connecting to master"])])(
        text("error.log", "/var/log/mysql/error.log", [
            "2018-11-22T13:41:52.299354Z 14 [Note] Slave SQL thread for channel '' initialized, starting replication in log 'FIRST' at position 0, relay log './ain-production-cluster-mysql-0-relay-bin.000001' position: 4",
            "2018-11-22T13:41:52.305689Z 13 [ERROR] Slave I/O for channel '': error connecting to master 'repl_lJARV@ain-production-cluster-mysql-2.ain-production-cluster-mysql-:3306' - retry-time: 10  retries: 1, Error_code: 2005",
            "2018-11-22T13:41:54.916952Z 0 [Note] InnoDB: Buffer pool(s) load completed at 181122 13:41:54",
            "2018-11-22T13:42:02.309328Z 13 [ERROR] Slave I/O for channel '': error connecting to master 'repl_lJARV@ain-production-cluster-mysql-2.ain-production-cluster-mysql-:3306' - retry-time: 10  retries: 2, Error_code: 2005",
            "2018-11-22T13:42:12.314640Z 13 [ERROR] Slave I/O for channel '': error connecting to master 'repl_lJARV@ain-production-cluster-mysql-2.ain-production-cluster-mysql-:3306' - retry-time: 10  retries: 3, Error_code: 2005",
            "2018-11-22T13:42:22.325270Z 13 [ERROR] Slave I/O for channel '': error connecting to master 'repl_lJARV@ain-production-cluster-mysql-2.ain-production-cluster-mysql-:3306' - retry-time: 10  retries: 4, Error_code: 2005"]))

    es_log = "/var/log/elasticsearch/dl1.log"
    case("app-log", "elasticsearch-6.2-node-stats-collector-timed-out",
         "Elasticsearch 6.2 (log4j2, '[stamp][LEVEL][logger] [node]'): the monitoring collector times out every 30-50 s "
         "for days before the node fails; one signature.",
         "https://github.com/elastic/elasticsearch/issues/32526 (Elasticsearch 6.2.3 data node log, Jul 2018; "
         "the backquote the issue put before the first line removed)",
         must=[expect("error_signature", pattern="app_error_signature", subject=es_log, count=(3, 3),
                      summary=["collector [node_stats] timed out when collecting data"])])(
        text("dl1.log", es_log, [
            "[2018-07-31T17:22:21,640][ERROR][o.e.x.m.c.n.NodeStatsCollector] [dl1-dn00141-d2] collector [node_stats] timed out when collecting data",
            "[2018-07-31T17:23:11,641][ERROR][o.e.x.m.c.n.NodeStatsCollector] [dl1-dn00141-d2] collector [node_stats] timed out when collecting data",
            "[2018-07-31T17:24:01,642][ERROR][o.e.x.m.c.n.NodeStatsCollector] [dl1-dn00141-d2] collector [node_stats] timed out when collecting data"]))

    # ============================== Nextcloud / ownCloud: JSON lines with levels 0-4 of their own ==============================
    nc_log = "/var/www/nextcloud/data/nextcloud.log"
    case("app-log", "nextcloud-15-json-level-3-unlink-errors",
         "Nextcloud 15's JSON log: PHP errors at its level 3 (error) from two clients' requests, one failed unlink each; "
         "request ids, addresses and the file's name vary, the error is one signature.",
         "https://github.com/nextcloud/nextcloudpi/issues/805 (nextcloud.log, Nextcloud 15.0.4, Feb 2019)",
         must=[expect("error_signature", pattern="app_error_signature", subject=nc_log, count=(2, 2),
                      summary=["No such file or directory"])])(
        text("nextcloud.log", nc_log, [
            r'{"reqId":"XGVQwH8AAQEAAH114-AAAACD","level":3,"time":"2019-02-14T11:28:01+00:00","remoteAddr":"124.235.138.17","user":"--","app":"PHP","method":"GET","url":"\/favicon.ico","message":"unlink(\/media\/USBdrive\/ncdata\/appdata_oc402fvgkjf4\/css\/firstrunwizard\/0d6d-ad18-firstrunwizard.css.deps): No such file or directory at \/var\/www\/nextcloud\/lib\/private\/Files\/Storage\/Local.php#227","userAgent":"Mozilla\/5.0 (Windows NT 10.0; WOW64; rv:45.0) Gecko\/20100101 Firefox\/45.0","version":"15.0.4.0"}',
            r'{"reqId":"XGVQwX8AAQEAAH10cEAAAAAO","level":3,"time":"2019-02-14T11:28:01+00:00","remoteAddr":"1.30.28.251","user":"--","app":"PHP","method":"GET","url":"\/favicon.ico","message":"unlink(\/media\/USBdrive\/ncdata\/appdata_oc402fvgkjf4\/css\/firstrunwizard\/0d6d-ad18-firstrunwizard.css.gzip): No such file or directory at \/var\/www\/nextcloud\/lib\/private\/Files\/Storage\/Local.php#227","userAgent":"Mozilla\/5.0 (Windows NT 10.0; WOW64; rv:45.0) Gecko\/20100101 Firefox\/45.0","version":"15.0.4.0"}']))

    case("app-log", "negative-owncloud-9-trusted-domain-warnings",
         "ownCloud 9's JSON log: a browser keeps reaching the server by a name not in trusted_domains, 'Trusted domain error' "
         "at level 2, which is ownCloud's warning (0 debug … 4 fatal), not syslog's critical: no error signature.",
         "https://github.com/owncloud/core/issues/26384 (owncloud.log, ownCloud 9, Oct 2016)",
         negative=True)(
        text("owncloud.log", "/var/www/owncloud/data/owncloud.log", [
            r'{"reqId":"A73YK1m5+r+32qmYuoAL","remoteAddr":"192.168.1.2","app":"core","message":"Trusted domain error. \"192.168.1.2\" tried to access using \"cloud.2rock.fr, cloud.2rock.fr\" as host.","level":2,"time":"2016-10-15T10:39:21+00:00","method":"GET","url":"\/index.php\/core\/js\/oc.js?v=bd3b8e5a219e2d382a91c83ed943ec10","user":"--"}',
            r'{"reqId":"bkrHd9qWGwchJmqgq0Ne","remoteAddr":"192.168.1.2","app":"core","message":"Trusted domain error. \"192.168.1.2\" tried to access using \"cloud.2rock.fr, cloud.2rock.fr\" as host.","level":2,"time":"2016-10-15T10:39:22+00:00","method":"GET","url":"\/status.php","user":"hub2rock"}',
            r'{"reqId":"4cpR8d09AxkPyXHojm8j","remoteAddr":"192.168.1.2","app":"core","message":"Trusted domain error. \"192.168.1.2\" tried to access using \"cloud.2rock.fr, cloud.2rock.fr\" as host.","level":2,"time":"2016-10-15T10:39:54+00:00","method":"GET","url":"\/status.php","user":"hub2rock"}',
            r'{"reqId":"+J\/3\/h4GAznDDOVCsKhY","remoteAddr":"192.168.1.2","app":"core","message":"Trusted domain error. \"192.168.1.2\" tried to access using \"cloud.2rock.fr, cloud.2rock.fr\" as host.","level":2,"time":"2016-10-15T10:40:24+00:00","method":"GET","url":"\/index.php\/settings\/admin?trustDomain=cloud.2rock.fr,%20cloud.2rock.fr","user":"--"}']))

    case("app-log", "negative-nextcloud-13-trusted-domain-scanners",
         "Nextcloud 13's JSON log: scanners reach the server by its address, 'Trusted domain error' at level 2 (warning) "
         "for hours; no error signature.",
         "https://github.com/nextcloud/nextcloudpi/issues/571 (nextcloud.log, Nextcloud 13.0.4, Jul 2018)",
         negative=True)(
        text("nextcloud.log", nc_log, [
            r'{"reqId":"W1L0Wn8AAQEAABeAH9oAAAAO","level":2,"time":"2018-07-21T08:52:43+00:00","remoteAddr":"18.206.202.155","user":"--","app":"core","method":"GET","url":"\/","message":"Trusted domain error. \"18.206.202.155\" tried to access using \"92.22.202.153\" as host.","userAgent":"Mozilla\/5.0 (Windows NT 6.2;en-US) AppleWebKit\/537.32.36 (KHTML, live Gecko) Chrome\/55.0.3032.92 Safari\/537.32","version":"13.0.4.0"}',
            r'{"reqId":"W1M8A38AAQEAABeHtdgAAABG","level":2,"time":"2018-07-21T13:58:28+00:00","remoteAddr":"122.228.10.51","user":"--","app":"core","method":"GET","url":"\/","message":"Trusted domain error. \"122.228.10.51\" tried to access using \"79-75-136-237.dynamic.dsl.as9105.com\" as host.","userAgent":"Mozilla\/5.0 (Macintosh; Intel Mac OS X 10.11; rv:47.0) Gecko\/20100101 Firefox\/47.0","version":"13.0.4.0"}',
            r'{"reqId":"W1NODn8AAQEAABeHttoAAABT","level":2,"time":"2018-07-21T15:15:27+00:00","remoteAddr":"184.105.139.67","user":"--","app":"core","method":"GET","url":"\/","message":"Trusted domain error. \"184.105.139.67\" tried to access using \"79.75.136.237\" as host.","userAgent":"--","version":"13.0.4.0"}']))

    # ============================== CockroachDB: klog's letter with a six-digit date ==============================
    crdb_log = "/cockroach/cockroach-data/logs/cockroach.log"
    case("app-log", "cockroachdb-19.2-heartbeat-failed-on-epoch-increment",
         "CockroachDB v19.2 (its log header 'E200307 22:50:49.448979', klog's letter with the year): range leases fail "
         "'heartbeat failed on epoch increment' for range after range, each after a 'slow heartbeat' warning; "
         "the errors, their range tags aside, are one signature, seen at the lines' own time.",
         "https://github.com/cockroachdb/cockroach/issues/45929 (cockroach.log of n1, Mar 2020; the last line, cut by the issue, left out)",
         must=[expect("error_signature", pattern="app_error_signature", subject=crdb_log, count=(4, 4),
                      summary=["4 times since 2020-03-07T22:50:49.448979Z", "heartbeat failed on epoch increment"])])(
        text("cockroach.log", crdb_log, [
            "W200307 22:50:49.448960 23194560 storage/node_liveness.go:523  [n1,s1,r40822/6:/System/tsd/cr.store.compacto…] slow heartbeat took 2.8s",
            "E200307 22:50:49.448979 23194560 storage/replica_range_lease.go:292  [n1,s1,r40822/6:/System/tsd/cr.store.compacto…] heartbeat failed on epoch increment",
            "W200307 22:50:49.449035 23195341 storage/node_liveness.go:523  [n1,s1,r243661/11:/System/tsd/cr.store.l{e…-i…}] slow heartbeat took 2.8s",
            "E200307 22:50:49.449051 23195341 storage/replica_range_lease.go:292  [n1,s1,r243661/11:/System/tsd/cr.store.l{e…-i…}] heartbeat failed on epoch increment",
            "W200307 22:50:49.449314 23195343 storage/node_liveness.go:523  [n1,s1,r61/9:/System/tsd/cr.store.queue.…] slow heartbeat took 2.8s",
            "E200307 22:50:49.449343 23195343 storage/replica_range_lease.go:292  [n1,s1,r61/9:/System/tsd/cr.store.queue.…] heartbeat failed on epoch increment",
            "W200307 22:50:49.449363 23195346 storage/node_liveness.go:523  [n1,s1,r40788/8:/System/tsd/cr.store.queue.…] slow heartbeat took 2.8s",
            "E200307 22:50:49.449381 23195346 storage/replica_range_lease.go:292  [n1,s1,r40788/8:/System/tsd/cr.store.queue.…] heartbeat failed on epoch increment",
            "W200307 22:50:49.449386 23194846 storage/node_liveness.go:523  [n1,s1,r138517/7:/System/tsd/cr.store.queue.gc…] slow heartbeat took 2.8s"]))

    # ============================== nginx, PHP: upstream and fatal errors ==============================
    case("nginx", "upstream-connection-refused-both-addresses",
         "nginx in front of a service not up yet: 'connect() failed (111: Connection refused) while connecting to upstream' "
         "for localhost's IPv6 then IPv4 address, a [warn] between; the two errors, the upstream address aside, are one signature.",
         "https://github.com/chaitin/SafeLine/issues/1207 (safeline-mgt container's nginx error log, Jul 2025; the compose "
         "prefix 'safeline-mgt       | ' removed)",
         must=[expect("error_signature", pattern="app_error_signature", subject="/var/log/nginx/error.log", count=(2, 2),
                      summary=["Connection refused) while connecting to upstream"])])(
        text("error.log", "/var/log/nginx/error.log", [
            "2025/07/15 19:14:29 [notice] 8#8: start worker process 25",
            '2025/07/15 19:14:29 [error] 10#10: *1 connect() failed (111: Connection refused) while connecting to upstream, client: 10.10.31.6, server: , request: "GET /inner/detector HTTP/1.1", upstream: "http://[::1]:8000/inner/detector", host: "safeline-mgt"',
            '2025/07/15 19:14:29 [warn] 10#10: *1 upstream server temporarily disabled while connecting to upstream, client: 10.10.31.6, server: , request: "GET /inner/detector HTTP/1.1", upstream: "http://[::1]:8000/inner/detector", host: "safeline-mgt"',
            '2025/07/15 19:14:29 [error] 10#10: *1 connect() failed (111: Connection refused) while connecting to upstream, client: 10.10.31.6, server: , request: "GET /inner/detector HTTP/1.1", upstream: "http://127.0.0.1:8000/inner/detector", host: "safeline-mgt"']))

    case("app-log", "php-error-log-memory-exhausted-twice",
         "PHP's own error_log ('[26-Apr-2023 16:28:16 UTC] PHP Fatal error:  …'): the worker runs out of its 3 GB "
         "memory_limit in the database layer twice within two hours, at different lines; one signature.",
         "https://github.com/friendica/friendica/issues/13023 (Friendica 2023.05 php error log, Apr 2023; each line, wrapped "
         "by the terminal with padding into three, joined again)",
         must=[expect("error_signature", pattern="app_error_signature", subject="/var/log/php/error.log", count=(2, 2),
                      summary=["PHP Fatal error", "Allowed memory size"])])(
        text("error.log", "/var/log/php/error.log", [
            "[26-Apr-2023 16:28:16 UTC] PHP Fatal error:  Allowed memory size of 3221225472 bytes exhausted (tried to allocate 8192 bytes) in /var/www/html/src/Database/Database.php on line 975",
            "[26-Apr-2023 18:12:30 UTC] PHP Fatal error:  Allowed memory size of 3221225472 bytes exhausted (tried to allocate 8192 bytes) in /var/www/html/src/Database/Database.php on line 1637"]))

    case("app-log", "apache-2.4-php7-fatal-error-in-two-files",
         "Apache 2.4 with mod_php ('[php7:error]'): one request exhausts PHP's memory in the logger, then again in the "
         "error handler writing that; the two fatal errors, file and line aside, are one signature.",
         "https://github.com/kimai/kimai/issues/229 (Apache error_log, CentOS 7, PHP 7.2.7, Jul 2018)",
         must=[expect("error_signature", pattern="app_error_signature", subject="/var/log/httpd/error_log", count=(2, 2),
                      summary=["Allowed memory size"])])(
        text("error_log", "/var/log/httpd/error_log", [
            "[Sun Jul 22 20:27:03.420528 2018] [php7:error] [pid 3916] [client 192.168.122.1:42726] PHP Fatal error:  Allowed memory size of 134217728 bytes exhausted (tried to allocate 20480 bytes) in /var/www/html/kimai2/vendor/monolog/monolog/src/Monolog/Handler/StreamHandler.php on line 107",
            "[Sun Jul 22 20:27:03.420762 2018] [php7:error] [pid 3916] [client 192.168.122.1:42726] PHP Fatal error:  Allowed memory size of 134217728 bytes exhausted (tried to allocate 20480 bytes) in /var/www/html/kimai2/vendor/symfony/debug/ErrorHandler.php on line 59"]))

    case("app-log", "negative-apache-2.2-one-php-fatal-error",
         "Apache 2.2's error log with one PHP fatal error of one big export: a one-off error is no signature.",
         "https://github.com/MISP/MISP/issues/543 (Apache error log of a MISP instance, Jun 2015; the client address is the issue's)",
         negative=True)(
        text("error_log", "/var/log/httpd/error_log", [
            "[Tue Jun 09 23:33:44 2015] [error] [client 1.2.3.4] PHP Fatal error:  Allowed memory size of 134217728 bytes exhausted (tried to allocate 46283535 bytes) in /var/www/MISP/app/Lib/Tools/XMLConverterTool.php on line 11"]))

    # ============================== Caddy 2: JSON error log with the request's headers ==============================
    case("app-json", "caddy-2-upstream-refused-headers-reordered",
         "Caddy 2's JSON error log: the reverse proxy's upstream refuses connections, the same error for the same request "
         "a second later; Go writes the request's headers in another order each time, which must not make two templates.",
         "https://github.com/TracecatHQ/tracecat/issues/1331 (caddy container output, Aug 2025; the compose prefix "
         "'caddy                 | ' removed; the addresses are starred as the reporter starred them)",
         must=[expect("error_signature", pattern="app_error_signature", subject="/var/log/caddy/error.log", count=(2, 2),
                      summary=["dial tcp", "connect: connection refused"])])(
        text("error.log", "/var/log/caddy/error.log", [
            '{"level":"error","ts":1754633393.458146,"logger":"http.log.error","msg":"dial tcp 172.21.0.6:8000: connect: connection refused","request":{"remote_ip":"5*.2**.2*.1*","remote_port":"52069","client_ip":"5*.2**.2*.1*","proto":"HTTP/1.1","method":"GET","host":"1**.2**.3**.4**","uri":"/api//info","headers":{"Connection":["keep-alive"],"User-Agent":["Mozilla/5.0 Chrome/138.0.0.0 "],"Accept":["*/*"],"Referer":["http://1**.2**.3**.4**/sign-in"],"Accept-Encoding":["gzip, deflate"],"Accept-Language":["zh-CN,zh;q=0.9"]}},"duration":0.000669913,"status":502,"err_id":"c0wkic63c","err_trace":"reverseproxy.statusError (reverseproxy.go:1269)"}',
            '{"level":"error","ts":1754633394.4741046,"logger":"http.log.error","msg":"dial tcp 172.21.0.6:8000: connect: connection refused","request":{"remote_ip":"5*.2**.2*.1*","remote_port":"52069","client_ip":"5*.2**.2*.1*","proto":"HTTP/1.1","method":"GET","host":"1**.2**.3**.4**","uri":"/api//info","headers":{"Referer":["http://1**.2**.3**.4**/sign-in"],"Accept-Encoding":["gzip, deflate"],"Accept-Language":["zh-CN,zh;q=0.9"],"Connection":["keep-alive"],"User-Agent":["Mozilla/5.0 Chrome/138.0.0.0 "],"Accept":["*/*"]}},"duration":0.000754581,"status":502,"err_id":"bhh42gxpf","err_trace":"reverseproxy.statusError (reverseproxy.go:1269)"}']))

    case("app-log", "owncloud-8-json-level-3-undefined-offset",
         "ownCloud 8's JSON log (\"reqId\" first, \"level\" after the message): a WebDAV client's requests hit the same PHP "
         "notice, logged at level 3 (error), several times a second; one signature.",
         "https://github.com/owncloud/core/issues/14223 (owncloud.log, ownCloud 8, Feb 2015; the fifth line, cut by the issue, left out)",
         must=[expect("error_signature", pattern="app_error_signature", subject="/var/www/owncloud/data/owncloud.log", count=(4, 4),
                      summary=["Undefined offset"])])(
        text("owncloud.log", "/var/www/owncloud/data/owncloud.log", [
            r'{"reqId":"023790a1326ad9c05a2619d9f5f94574","remoteAddr":"192.168.178.21","app":"PHP","message":"Undefined offset: 2 at \/mnt\/SSDSA2CT040G3\/rootfs\/var\/www\/owncloud\/3rdparty\/sabre\/dav\/lib\/Sabre\/DAV\/Client.php#560","level":3,"time":"2015-02-14T13:25:30+00:00"}',
            r'{"reqId":"023790a1326ad9c05a2619d9f5f94574","remoteAddr":"192.168.178.21","app":"PHP","message":"Undefined offset: 2 at \/mnt\/SSDSA2CT040G3\/rootfs\/var\/www\/owncloud\/3rdparty\/sabre\/dav\/lib\/Sabre\/DAV\/Client.php#560","level":3,"time":"2015-02-14T13:25:31+00:00"}',
            r'{"reqId":"023790a1326ad9c05a2619d9f5f94574","remoteAddr":"192.168.178.21","app":"PHP","message":"Undefined offset: 2 at \/mnt\/SSDSA2CT040G3\/rootfs\/var\/www\/owncloud\/3rdparty\/sabre\/dav\/lib\/Sabre\/DAV\/Client.php#560","level":3,"time":"2015-02-14T13:25:31+00:00"}',
            r'{"reqId":"023790a1326ad9c05a2619d9f5f94574","remoteAddr":"192.168.178.21","app":"PHP","message":"Undefined offset: 2 at \/mnt\/SSDSA2CT040G3\/rootfs\/var\/www\/owncloud\/3rdparty\/sabre\/dav\/lib\/Sabre\/DAV\/Client.php#560","level":3,"time":"2015-02-14T13:25:31+00:00"}']))

    # ============================== Kafka clients: warnings that say "Error" ==============================
    case("app-log", "negative-kafka-client-leader-not-available-warnings",
         "A Kafka producer (logback) asks for a new topic's metadata before it has a leader: 'WARN … Error while fetching "
         "metadata with correlation id N : {example=LEADER_NOT_AVAILABLE}' several times a second. The level is WARN, "
         "the 'Error' is the message's word: no error signature.",
         "https://github.com/alibaba/canal/issues/1444 (canal 1.1.3 log, Jan 2019)",
         negative=True)(
        text("canal.log", "/home/admin/canal-server/logs/canal/canal.log", [
            "2019-01-17 11:49:28.205 [kafka-producer-network-thread | producer-1] WARN  org.apache.kafka.clients.NetworkClient - [Producer clientId=producer-1] Error while fetching metadata with correlation id 1 : {example=LEADER_NOT_AVAILABLE}",
            "2019-01-17 11:49:28.205 [kafka-producer-network-thread | producer-1] WARN  org.apache.kafka.clients.NetworkClient - [Producer clientId=producer-1] Error while fetching metadata with correlation id 1 : {example=LEADER_NOT_AVAILABLE}",
            "2019-01-17 11:49:28.343 [kafka-producer-network-thread | producer-1] WARN  org.apache.kafka.clients.NetworkClient - [Producer clientId=producer-1] Error while fetching metadata with correlation id 3 : {example=LEADER_NOT_AVAILABLE}",
            "2019-01-17 11:49:28.343 [kafka-producer-network-thread | producer-1] WARN  org.apache.kafka.clients.NetworkClient - [Producer clientId=producer-1] Error while fetching metadata with correlation id 3 : {example=LEADER_NOT_AVAILABLE}",
            "2019-01-17 11:49:28.462 [kafka-producer-network-thread | producer-1] WARN  org.apache.kafka.clients.NetworkClient - [Producer clientId=producer-1] Error while fetching metadata with correlation id 4 : {example=LEADER_NOT_AVAILABLE}"]))

    case("app-log", "negative-kafka-0.9-client-unknown-offsets-topic-warnings",
         "Kafka Offset Monitor with the 0.9 client (log4j 'WARN  NetworkClient:582 - …'): its start, INFO lines, then "
         "'Error while fetching metadata … {__consumer_offsets=UNKNOWN}' warnings every few milliseconds; no error signature.",
         "https://github.com/Morningstar/kafka-offset-monitor/issues/21 (KafkaOffsetMonitor log, Kafka client 0.9.0.1, Mar 2018)",
         negative=True)(
        text("offset-monitor.log", "/var/log/kafka-offset-monitor/offset-monitor.log", [
            "2018-03-02 01:32:15 INFO  KafkaOffsetGetter$:68 - Created admin client: kafka.admin.AdminClient@6e3f7ab4",
            "2018-03-02 01:32:15 INFO  AppInfoParser:82 - Kafka version : 0.9.0.1",
            "2018-03-02 01:32:15 INFO  AppInfoParser:83 - Kafka commitId : 23c69d62a0cabf06",
            "2018-03-02 01:32:15 INFO  AppInfoParser:82 - Kafka version : 0.9.0.1",
            "2018-03-02 01:32:15 INFO  AppInfoParser:83 - Kafka commitId : 23c69d62a0cabf06",
            "2018-03-02 01:32:16 WARN  NetworkClient:582 - Error while fetching metadata with correlation id 3 : {__consumer_offsets=UNKNOWN}",
            "2018-03-02 01:32:16 WARN  NetworkClient:582 - Error while fetching metadata with correlation id 4 : {__consumer_offsets=UNKNOWN}",
            "2018-03-02 01:32:16 WARN  NetworkClient:582 - Error while fetching metadata with correlation id 5 : {__consumer_offsets=UNKNOWN}",
            "2018-03-02 01:32:16 WARN  NetworkClient:582 - Error while fetching metadata with correlation id 6 : {__consumer_offsets=UNKNOWN}",
            "2018-03-02 01:32:16 WARN  NetworkClient:582 - Error while fetching metadata with correlation id 7 : {__consumer_offsets=UNKNOWN}",
            "2018-03-02 01:32:16 WARN  NetworkClient:582 - Error while fetching metadata with correlation id 8 : {__consumer_offsets=UNKNOWN}",
            "2018-03-02 01:32:16 WARN  NetworkClient:582 - Error while fetching metadata with correlation id 9 : {__consumer_offsets=UNKNOWN}"]))

    # ============================== Celery: the level joined to the process, [stamp: ERROR/MainProcess] ==============================
    case("app-log", "celery-worker-broker-connection-retries",
         "A Celery worker cannot reach its RabbitMQ broker: '[stamp: ERROR/MainProcess] consumer: Cannot connect to "
         "amqp://…: timed out.' each retry, with its 'Trying again in N seconds... (k/100)' line; one signature. The "
         "level is read from the head's ERROR/MainProcess, split at the slash.",
         "https://github.com/GoldVelvet/YOLOv5-fastapi-celery-redis-rabbitmq/issues/6 (worker container output, Apr 2023; "
         "the compose prefix 'worker      | ' and the empty lines between retries removed; the fourth retry, cut by the "
         "page, left out)",
         must=[expect("error_signature", pattern="app_error_signature", subject="/var/log/celery/worker.log", count=(3, 3),
                      summary=["consumer: Cannot connect to", "timed out"])])(
        text("worker.log", "/var/log/celery/worker.log", [
            "[2023-04-20 16:03:08,078: ERROR/MainProcess] consumer: Cannot connect to amqp://guest:**@rabbitmq:5672//: timed out.",
            "Trying again in 22.00 seconds... (11/100)",
            "[2023-04-20 16:03:34,105: ERROR/MainProcess] consumer: Cannot connect to amqp://guest:**@rabbitmq:5672//: timed out.",
            "Trying again in 24.00 seconds... (12/100)",
            "[2023-04-20 16:04:02,128: ERROR/MainProcess] consumer: Cannot connect to amqp://guest:**@rabbitmq:5672//: timed out.",
            "Trying again in 26.00 seconds... (13/100)"]))
