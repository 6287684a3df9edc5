"""Cases of the real-world corpus for servers and runtimes that report their own deaths: PostgreSQL,
MySQL/MariaDB, Redis, nginx, gunicorn, uWSGI, PM2, and the JVM, Node and Go runtimes. generate.py
writes them with the others; every quoted line is verbatim from the source its SOURCES entry names
(where a source's terminal or compose prefix wrapped a line, the SOURCES entry says what was undone)."""


def register_servers(g):
    case, expect, journal, text = g["case"], g["expect"], g["journal"], g["text"]
    docker_json, daemon, user_manager, syslog = g["docker_json"], g["daemon"], g["user_manager"], g["syslog"]
    dmesg_text = g["dmesg_text"]

    def container_output(container_id, stream, lines):
        """A container's output lines in its Docker json-file log, a tenth of a millisecond apart."""
        log = "/var/lib/docker/containers/%s/%s-json.log" % (container_id, container_id)
        return docker_json("%s-json.log" % container_id, log, [(i * 0.0001, stream, line) for i, line in enumerate(lines)])

    # ============================== PostgreSQL (postmaster) ==============================
    pg_log = "/var/lib/postgresql/data/log/postgresql.log"
    case("postgres", "13-backend-killed-by-signal-9",
         "The postmaster reports a backend killed by SIGKILL (the container's memory limit) and resets every "
         "connection: one kill of a server process, and the database goes through crash recovery.",
         "https://github.com/docker-library/postgres/issues/809 (docker-compose output of the postgres container, "
         "Jan 2021; the 'postgres_1  | ' prefix of compose removed, and the last line, wrapped by the terminal "
         "after 'shared me', joined again)",
         must=[expect("process_killed", pattern="postgres_child_terminated", subject="postgres",
                      summary=["server process (pid 315) was terminated by signal 9: Killed",
                               "reset every connection"])])(
        text("postgresql.log", pg_log, [
            "2021-01-18 21:19:30.017 UTC [1] LOG:  server process (PID 315) was terminated by signal 9: Killed",
            "2021-01-18 21:19:30.017 UTC [1] DETAIL:  Failed process was running: SET default_transaction_isolation TO DEFAULT",
            "2021-01-18 21:19:30.017 UTC [1] LOG:  terminating any other active server processes",
            "2021-01-18 21:19:30.018 UTC [16816] WARNING:  terminating connection because of crash of another server process",
            "2021-01-18 21:19:30.018 UTC [16816] DETAIL:  The postmaster has commanded this server process to roll back "
            "the current transaction and exit, because another server process exited abnormally and possibly corrupted shared memory."]))

    case("postgres", "12-recovery-mode-rejects-connections",
         "After a backend crash the postmaster is in recovery: every new connection is refused with "
         "'FATAL:  the database system is in recovery mode', the same error again and again.",
         "https://github.com/CrunchyData/postgres-operator/issues/1671 (PostgreSQL 12 log, ccp_monitoring, Jun 2020)",
         must=[expect("error_signature", pattern="app_error_signature", subject=pg_log, count=(2, 2),
                      summary=["the database system is in recovery mode"])])(
        text("postgresql.log", pg_log, [
            "2020-06-29 07:36:20.435 UTC [34986] LOG:  terminating any other active server processes",
            "2020-06-29 07:36:20.435 UTC [23154] WARNING:  terminating connection because of crash of another server process",
            "2020-06-29 07:36:20.435 UTC [23154] DETAIL:  The postmaster has commanded this server process to roll back the current transaction and exit, because another server process exited abnormally and possibly corrupted shared memory.",
            "2020-06-29 07:36:20.435 UTC [23154] HINT:  In a moment you should be able to reconnect to the database and repeat your command.",
            "2020-06-29 07:36:20.437 UTC [104623] FATAL:  the database system is in recovery mode",
            "2020-06-29 07:36:20.438 UTC [34986] LOG:  archiver process (PID 23150) exited with exit code 1",
            "2020-06-29 07:36:20.438 UTC [23149] WARNING:  terminating connection because of crash of another server process",
            "2020-06-29 07:36:20.438 UTC [23149] DETAIL:  The postmaster has commanded this server process to roll back the current transaction and exit, because another server process exited abnormally and possibly corrupted shared memory.",
            "2020-06-29 07:36:20.438 UTC [23149] HINT:  In a moment you should be able to reconnect to the database and repeat your command.",
            "2020-06-29 07:36:20.439 UTC [104624] FATAL:  the database system is in recovery mode",
            "2020-06-29 07:36:20.440 UTC [34986] LOG:  all server processes terminated; reinitializing"]))

    case("postgres", "negative-fast-shutdown",
         "A clean fast shutdown (docker stop): the logical replication launcher 'exited with exit code 1' "
         "is how PostgreSQL 10+ stops it, nothing was killed.",
         "https://github.com/skylines-project/skylines/issues/2482 (docker-compose output of the db container, "
         "PostgreSQL, Oct 2021; the 'db_1        | ' prefix and the pg_ctl progress dots removed)",
         negative=True, must_not=[{"type": "process_killed"}])(
        text("postgresql.log", pg_log, [
            "2021-10-28 07:33:06.592 UTC [62] LOG:  received fast shutdown request",
            "2021-10-28 07:33:06.682 UTC [62] LOG:  aborting any active transactions",
            "2021-10-28 07:33:06.684 UTC [62] LOG:  worker process: logical replication launcher (PID 69) exited with exit code 1",
            "2021-10-28 07:33:06.684 UTC [64] LOG:  shutting down",
            "2021-10-28 07:33:07.628 UTC [62] LOG:  database system is shut down"]))

    # ============================== MySQL / MariaDB, Redis: crash reports ==============================
    mysql_crash = [
        "210226 15:49:51 [ERROR] mysqld got signal 11 ;",
        "This could be because you hit a bug. It is also possible that this binary",
        "or one of the libraries it was linked against is corrupt, improperly built,",
        "or misconfigured. This error can also be caused by malfunctioning hardware."]
    case("app-crash", "mariadb-10.5-got-signal-11-journald",
         "MariaDB 10.5 in Docker with the journald log driver: 'mysqld got signal 11 ;' and its bug-report "
         "preamble, each line its own journal entry.",
         "https://github.com/matomo-org/matomo/issues/17279 (journal of docker/matomo_u03980ef286m_db_1, MariaDB 10.5.9, Feb 2021)",
         host="fizban",
         must=[expect("app_panic", pattern="server_crash_report", subject="mysqld", summary=["mysqld crashed", "signal 11"])])(
        journal("fizban", [(i * 0.001, daemon("docker/matomo_u03980ef286m_db_1", 1965, "docker.service", line, "3" if i == 0 else "6"))
                           for i, line in enumerate(mysql_crash)]))

    redis_id = "5460ce72093cadb1c49331f54c7cc7c0d041174f668aeda157efc199e6938fe0"
    case("app-crash", "redis-5.0.5-crashed-by-signal-11",
         "Redis 5.0.5 in Docker (json-file log): the bug report's first lines, 'Redis 5.0.5 crashed by signal: 11'.",
         "https://github.com/redis/redis/issues/11851 (redis:5.0.5 container output, Feb 2023; wrapped in Docker "
         "json-file records as moby daemon/logger/jsonfilelog writes them)",
         must=[expect("app_panic", pattern="server_crash_report", subject="Redis", summary=["Redis crashed", "signal 11"])])(
        container_output(redis_id, "stdout", [
            "",
            "=== REDIS BUG REPORT START: Cut & paste starting from here ===",
            "7:M 26 Feb 2023 13:42:15.741 # Redis 5.0.5 crashed by signal: 11",
            "7:M 26 Feb 2023 13:42:15.741 # Crashed running the instruction at: 0x5560f7ae987c",
            "7:M 26 Feb 2023 13:42:15.741 # Accessing address: 0x2000",
            "7:M 26 Feb 2023 13:42:15.741 # Failed assertion: <no assertion failed> (<no file>:0)"]))

    case("app-crash", "negative-redis-overcommit-warning-at-start",
         "Redis 7.4 starting: '# WARNING Memory overcommit must be enabled! … may fail under low memory condition' "
         "is advice at start, not a failure.",
         "https://github.com/toeverything/AFFiNE/issues/8106 (redis container output, Redis 7.4.0, Sep 2024)",
         negative=True)(
        text("redis.log", "/var/log/redis/redis-server.log", [
            "1:C 03 Sep 2024 06:50:02.713 # WARNING Memory overcommit must be enabled! Without it, a background save or replication may fail under low memory condition. Being disabled, it can also cause failures without low memory condition, see https://github.com/jemalloc/jemalloc/issues/1328. To fix this issue add 'vm.overcommit_memory = 1' to /etc/sysctl.conf and then reboot or run the command 'sysctl vm.overcommit_memory=1' for this to take effect.",
            "1:C 03 Sep 2024 06:50:02.713 * oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo",
            "1:C 03 Sep 2024 06:50:02.713 * Redis version=7.4.0, bits=64, commit=00000000, modified=0, pid=1, just started",
            "1:C 03 Sep 2024 06:50:02.713 # Warning: no config file specified, using the default config. In order to specify a config file use redis-server /path/to/redis.conf",
            "1:M 03 Sep 2024 06:50:02.714 * monotonic clock: POSIX clock_gettime",
            "1:M 03 Sep 2024 06:50:02.715 * Running mode=standalone, port=6379.",
            "1:M 03 Sep 2024 06:50:02.715 # WARNING: The TCP backlog setting of 511 cannot be enforced because /proc/sys/net/core/somaxconn is set to the lower value of 128.",
            "1:M 03 Sep 2024 06:50:02.715 * Server initialized",
            "1:M 03 Sep 2024 06:50:02.716 * Loading RDB produced by version 7.4.0",
            "1:M 03 Sep 2024 06:50:02.716 * RDB age 35 seconds",
            "1:M 03 Sep 2024 06:50:02.716 * RDB memory usage when created 0.93 Mb"]))

    # ============================== runtimes: JVM, Node, Go ==============================
    case("app-crash", "elasticsearch-6-fatal-outofmemoryerror",
         "Elasticsearch 6: the uncaught-exception handler logs 'fatal error in thread [...], exiting' and the "
         "next line is the error itself, 'java.lang.OutOfMemoryError: Java heap space': one JVM death, no "
         "'Exception in thread \"…\"' line.",
         "https://github.com/elastic/elasticsearch/issues/28062 (Elasticsearch log, Dec 2017)",
         must=[expect("app_exception", pattern="java_out_of_memory", subject="java.lang.OutOfMemoryError",
                      summary=["Java heap space"])])(
        text("es.log", "/var/log/elasticsearch/dhproc.log", [
            "[2017-12-30T10:27:45,760][ERROR][o.e.b.ElasticsearchUncaughtExceptionHandler] [dhproc2-2] fatal error in thread [Thread-684115], exiting",
            "java.lang.OutOfMemoryError: Java heap space"]))

    case("app-crash", "negative-jvm-arguments-heap-dump-on-oom",
         "Elasticsearch logs its JVM arguments at start; '-XX:+HeapDumpOnOutOfMemoryError' is a flag, not an error.",
         "https://github.com/elastic/elasticsearch/pull/24451 (Elasticsearch 6.0.0-alpha1 start-up log, May 2017)",
         negative=True)(
        text("es.log", "/var/log/elasticsearch/es.log", [
            "[2017-05-02T21:00:17,225][INFO ][o.e.n.Node               ] JVM arguments [-Xms2g, -Xmx2g, -XX:+UseConcMarkSweepGC, -XX:CMSInitiatingOccupancyFraction=75, -XX:+UseCMSInitiatingOccupancyOnly, -XX:+DisableExplicitGC, -XX:+AlwaysPreTouch, -Xss1m, -Djava.awt.headless=true, -Dfile.encoding=UTF-8, -Djna.nosys=true, -XX:-OmitStackTraceInFastThrow, -Djdk.io.permissionsUseCanonicalPath=true, -Dio.netty.noUnsafe=true, -Dio.netty.noKeySetOptimization=true, -Dio.netty.recycler.maxCapacityPerThread=0, -Dlog4j.shutdownHookEnabled=false, -Dlog4j2.disable.jmx=true, -Dlog4j.skipJansi=true, -XX:+HeapDumpOnOutOfMemoryError, -Des.path.home=/Users/jason/elasticsearch/elasticsearch-6.0.0-alpha1-SNAPSHOT]"]))

    case("app-crash", "jvm-oom-banner-cloud-foundry",
         "A JVM on Cloud Foundry: the '# java.lang.OutOfMemoryError: Java heap space' banner the JVM prints "
         "before it runs -XX:OnOutOfMemoryError (here the buildpack's killjava.sh), behind the platform's prefix.",
         "https://github.com/cloudfoundry/java-buildpack/issues/79 (cf logs of the app, Aug 2014)",
         must=[expect("app_exception", pattern="java_out_of_memory", subject="java.lang.OutOfMemoryError",
                      summary=["Java heap space"])])(
        text("app.log", "/var/vcap/sys/log/app.log", [
            "2014-08-06T12:04:46.40+0100 [App/0]   OUT # java.lang.OutOfMemoryError: Java heap space",
            "2014-08-06T12:04:46.40+0100 [App/0]   OUT # -XX:OnOutOfMemoryError=\"/home/vcap/app/.java-buildpack/open_jdk_jre/bin/killjava.sh\"",
            "2014-08-06T12:04:46.40+0100 [App/0]   OUT #   Executing /bin/sh -c \"/home/vcap/app/.java-buildpack/open_jdk_jre/bin/killjava.sh\"..."]))

    mariadb_id = "3c5e7a9b1d2f4a6c8e0b2d4f6a8c0e2b4d6f8a0c2e4b6d8f0a2c4e6b8d0f2a4c"
    case("app-crash", "bash-reports-mysqld-bootstrap-killed",
         "MariaDB's mysql_install_db in a container: bash reports its bootstrap mysqld 'Killed' (the memory "
         "limit), then the install fails: one process killed, named by the script that ran it.",
         "https://github.com/metal3-io/ironic-image/issues/112 (the mariadb container's output on Minikube, Oct 2019; "
         "wrapped in Docker json-file records as moby daemon/logger/jsonfilelog writes them)",
         must=[expect("process_killed", pattern="shell_child_killed", subject="/usr/bin/mysql_install_db",
                      summary=["(pid 35) died: Killed", "mysqld_bootstrap"])])(
        container_output(mariadb_id, "stdout", [
            "Installing MariaDB/MySQL system tables in '/var/lib/mysql' ...",
            "/usr/bin/mysql_install_db: line 469:    35 Killed                  \"$mysqld_bootstrap\" $defaults $defaults_group_suffix \"$mysqld_opt\" --bootstrap $silent_startup \"--basedir=$basedir\" \"--datadir=$ldata\" --log-warnings=0 --enforce-storage-engine=\"\" \"--plugin-dir=${plugindir}\" $args --max_allowed_packet=8M --net_buffer_length=16K",
            "",
            "Installation of system tables failed!  Examine the logs in",
            "/var/log/mariadb/mariadb.log or /var/lib/mysql for more information."]))

    case("app-crash", "node-heap-out-of-memory-pm2-daemon",
         "Node (the PM2 God daemon, v5.3.1): V8's last GCs, then 'FATAL ERROR: Ineffective mark-compacts near heap "
         "limit Allocation failed - JavaScript heap out of memory' and the native stack.",
         "https://github.com/Unitech/pm2/issues/5802 (PM2 daemon output as the report quotes it, Apr 2024)",
         must=[expect("app_panic", pattern="node_heap_out_of_memory", subject="node",
                      summary=["JavaScript heap out of memory", "Ineffective mark-compacts near heap limit"])])(
        text("pm2.log", "/root/.pm2/pm2.log", [
            "<--- Last few GCs --->",
            "",
            "[2159:0x664d350]  1328199 ms: Mark-Compact 4059.5 (4136.7) -> 4053.2 (4137.0) MB, 2555.0 / 0.0 ms  (average mu = 0.084, current mu = 0.020) task; scavenge might not succeed",
            "[2159:0x664d350]  1330700 ms: Mark-Compact 4059.8 (4137.0) -> 4053.4 (4137.2) MB, 2457.5 / 0.0 ms  (average mu = 0.052, current mu = 0.017) task; scavenge might not succeed",
            "",
            "<--- JS stacktrace --->",
            "",
            "FATAL ERROR: Ineffective mark-compacts near heap limit Allocation failed - JavaScript heap out of memory",
            " 1: 0xbc8560 node::Abort() [PM2 v5.3.1: God Daemon (/home/root/.pm2)]",
            " 2: 0xadc6b0  [PM2 v5.3.1: God Daemon (/home/root/.pm2)]"]))

    case("app-crash", "node-0.x-process-out-of-memory-twice",
         "Node 0.x under PM2 (2016): 'FATAL ERROR: CALL_AND_RETRY_LAST Allocation failed - process out of memory' "
         "twice, 33 minutes apart, PM2 restarting the app after each SIGABRT: two crashes, two incidents.",
         "https://github.com/Unitech/pm2/issues/1877 (~/.pm2/pm2.log, Jan 2016)",
         must=[expect("app_panic", pattern="node_heap_out_of_memory", subject="node", count=(2, 2), incidents=(2, 2),
                      summary=["process out of memory"])])(
        text("pm2.log", "/root/.pm2/pm2.log", [
            "2016-01-07 08:50:47: App name:appsales-v5-background-processor id:18 online",
            "FATAL ERROR: CALL_AND_RETRY_LAST Allocation failed - process out of memory",
            "2016-01-07 09:17:21: App name:appsales-v5-api id:15 disconnected",
            "2016-01-07 09:17:21: App name:appsales-v5-api id:15 exited with code SIGABRT",
            "2016-01-07 09:17:21: Starting execution sequence in -cluster mode- for app name:appsales-v5-api id:15",
            "2016-01-07 09:17:21: App name:appsales-v5-api id:15 online",
            "FATAL ERROR: CALL_AND_RETRY_LAST Allocation failed - process out of memory",
            "2016-01-07 09:23:52: App name:appsales-v5-api id:14 disconnected",
            "2016-01-07 09:23:52: App name:appsales-v5-api id:14 exited with code SIGABRT",
            "2016-01-07 09:23:52: Starting execution sequence in -cluster mode- for app name:appsales-v5-api id:14",
            "2016-01-07 09:23:52: App name:appsales-v5-api id:14 online"]))

    factomd_id = "0b2c4d6e8f0a1b3c5d7e9f1a2b4c6d8e0f1a3b5c7d9e1f2a4b6c8d0e2f3a5b7c"
    case("app-crash", "go-runtime-out-of-memory-container",
         "A Go daemon (factomd) in Docker dies with 'fatal error: runtime: out of memory' and its runtime stack; "
         "the container log has no process name, yet the incident must name what died.",
         "https://github.com/FactomProject/factomd/pull/65 (factomd output, Go 1.7, Dec 2016; wrapped in Docker "
         "json-file records as moby daemon/logger/jsonfilelog writes them)",
         must=[expect("app_panic", pattern="go_panic_in_log", subject="/var/lib/docker/containers/%s/%s-json.log" % (factomd_id, factomd_id),
                      summary=["runtime: out of memory"])],
         must_not=[{"type": "app_panic", "subject": "unknown"}])(
        container_output(factomd_id, "stderr", [
            "fatal error: runtime: out of memory",
            "",
            "runtime stack:",
            "runtime.throw(0xa9c2e9, 0x16)",
            "\t/usr/local/go/src/runtime/panic.go:566 +0x95",
            "runtime.sysMap(0xc49d7c0000, 0x11ee0000, 0xc485f9c000, 0xefb058)",
            "\t/usr/local/go/src/runtime/mem_linux.go:219 +0x1d0"]))

    # ============================== nginx ==============================
    case("nginx", "worker-exited-on-signal-11-for-hours",
         "nginx with the RTMP module: the master reports a worker dying of SIGSEGV every few minutes for two hours.",
         "https://github.com/arut/nginx-rtmp-module/issues/470 (nginx error.log, Sep 2014)",
         must=[expect("error_signature", subject="/var/log/nginx/error.log", count=(9, 9), summary=["9 times since 2014-09-15T11:34:24Z", "exited on signal"])])(
        text("error.log", "/var/log/nginx/error.log", [
            "2014/09/15 11:34:24 [alert] 27#0: worker process 28 exited on signal 11",
            "2014/09/15 11:44:28 [alert] 27#0: worker process 21539 exited on signal 11",
            "2014/09/15 12:34:48 [alert] 27#0: worker process 9652 exited on signal 11",
            "2014/09/15 12:44:53 [alert] 27#0: worker process 15638 exited on signal 11",
            "2014/09/15 12:49:20 [alert] 27#0: worker process 32588 exited on signal 11",
            "2014/09/15 12:53:49 [alert] 27#0: worker process 4974 exited on signal 11",
            "2014/09/15 13:12:06 [alert] 27#0: worker process 10578 exited on signal 11",
            "2014/09/15 13:28:17 [alert] 27#0: worker process 2807 exited on signal 11",
            "2014/09/15 13:35:06 [alert] 27#0: worker process 30753 exited on signal 11"]))

    # ============================== gunicorn, uWSGI ==============================
    gun = "/var/log/gunicorn/error.log"
    case("wsgi", "gunicorn-20-worker-sigkill-perhaps-out-of-memory",
         "gunicorn 20.0.4 in a 256 MB container: each worker is SIGKILLed while loading, the arbiter boots another; "
         "a worker restart loop.",
         "https://github.com/benoitc/gunicorn/pull/2419 (gunicorn output in the pull request's test, Sep 2020)",
         must=[expect("restart_burst", pattern="gunicorn_worker_restart_burst", subject="gunicorn", count=(3, 3),
                      summary=["SIGKILL", "Perhaps out of memory?"])])(
        text("error.log", gun, [
            "[2020-09-12 05:37:48 +0000] [18] [INFO] Starting gunicorn 20.0.4",
            "[2020-09-12 05:37:48 +0000] [18] [INFO] Listening at: http://127.0.0.1:8000 (18)",
            "[2020-09-12 05:37:48 +0000] [18] [INFO] Using worker: sync",
            "[2020-09-12 05:37:48 +0000] [21] [INFO] Booting worker with pid: 21",
            "eating memory",
            "[2020-09-12 05:37:52 +0000] [18] [ERROR] Worker (pid:21) was sent SIGKILL! Perhaps out of memory?",
            "[2020-09-12 05:37:52 +0000] [22] [INFO] Booting worker with pid: 22",
            "eating memory",
            "[2020-09-12 05:37:55 +0000] [18] [ERROR] Worker (pid:22) was sent SIGKILL! Perhaps out of memory?",
            "[2020-09-12 05:37:55 +0000] [23] [INFO] Booting worker with pid: 23",
            "eating memory",
            "[2020-09-12 05:37:58 +0000] [18] [ERROR] Worker (pid:23) was sent SIGKILL! Perhaps out of memory?"]))

    case("wsgi", "gunicorn-21-worker-timeout-loop",
         "gunicorn 21.2 with uvicorn workers: each worker times out 30 s after it boots, is killed and replaced.",
         "https://github.com/mlflow/mlflow/issues/10855 (captured stderr of a CI run, Jan 2024; the lines the CI "
         "runner garbled into 'Error: 1-19 …' left out)",
         must=[expect("restart_burst", pattern="gunicorn_worker_restart_burst", subject="gunicorn", count=(4, 4),
                      summary=["WORKER TIMEOUT"])])(
        text("error.log", gun, [
            "[2024-01-19 00:48:01 +0000] [2973] [INFO] Starting gunicorn 21.2.0",
            "[2024-01-19 00:48:01 +0000] [2973] [INFO] Listening at: http://127.0.0.1:37481/ (2973)",
            "[2024-01-19 00:48:01 +0000] [2973] [INFO] Using worker: uvicorn.workers.UvicornWorker",
            "[2024-01-19 00:48:01 +0000] [2976] [INFO] Booting worker with pid: 2976",
            "[2024-01-19 00:48:01 +0000] [2977] [INFO] Booting worker with pid: 2977",
            "[2024-01-19 00:48:31 +0000] [2973] [CRITICAL] WORKER TIMEOUT (pid:2976)",
            "[2024-01-19 00:48:31 +0000] [2973] [CRITICAL] WORKER TIMEOUT (pid:2977)",
            "[2024-01-19 00:48:32 +0000] [3004] [INFO] Booting worker with pid: 3004",
            "[2024-01-19 00:48:32 +0000] [3005] [INFO] Booting worker with pid: 3005",
            "[2024-01-19 00:49:02 +0000] [2973] [CRITICAL] WORKER TIMEOUT (pid:3004)",
            "[2024-01-19 00:49:02 +0000] [2973] [CRITICAL] WORKER TIMEOUT (pid:3005)"]))

    case("wsgi", "negative-gunicorn-start",
         "gunicorn starting its workers: nothing is wrong.",
         "https://github.com/mlflow/mlflow/issues/10855 (captured stderr of a CI run, Jan 2024)\n"
         "https://github.com/benoitc/gunicorn/pull/2419 (gunicorn output, Sep 2020)",
         negative=True)(
        text("error.log", gun, [
            "[2024-01-19 00:48:01 +0000] [2973] [INFO] Starting gunicorn 21.2.0",
            "[2024-01-19 00:48:01 +0000] [2973] [INFO] Listening at: http://127.0.0.1:37481/ (2973)",
            "[2024-01-19 00:48:01 +0000] [2973] [INFO] Using worker: uvicorn.workers.UvicornWorker",
            "[2024-01-19 00:48:01 +0000] [2976] [INFO] Booting worker with pid: 2976",
            "[2024-01-19 00:48:01 +0000] [2977] [INFO] Booting worker with pid: 2977"]))

    def uwsgi(host, lines, every):
        return journal(host, [(i * every, daemon("uwsgi", 3590, "awx-web.service", line)) for i, line in enumerate(lines)])

    awx_cycle = [
        "DAMN ! worker 3 (pid: 3611) died, killed by signal 9 :( trying respawn ...",
        "Respawned uWSGI worker 3 (new pid: 3629)",
        "mounting awx.wsgi:application on /",
        "WSGI app 0 (mountpoint='/') ready in 87 seconds on interpreter 0x2030780 pid: 3614 (default app)",
        "DAMN ! worker 2 (pid: 3614) died, killed by signal 9 :( trying respawn ...",
        "Respawned uWSGI worker 2 (new pid: 3632)",
        "mounting awx.wsgi:application on /"]
    case("wsgi", "uwsgi-2.0-workers-killed-and-respawned",
         "uWSGI in AWX: workers killed by signal 9 and respawned 'over and over again' (the issue's words); "
         "the quoted cycle repeated once as the log goes on.",
         "https://github.com/ansible/awx-operator/issues/1336 (awx-web container output, Apr 2023)",
         host="awx-web",
         must=[expect("restart_burst", pattern="uwsgi_worker_restart_burst", subject="uwsgi", count=(4, 4),
                      summary=["killed by signal 9"])])(
        uwsgi("awx-web", awx_cycle * 2, 8.0))

    case("wsgi", "negative-uwsgi-one-worker-killed-by-hand",
         "An operator kills one stuck uWSGI worker with kill -KILL to get a backtrace; the master respawns it once.",
         "https://github.com/unbit/uwsgi/issues/2286 (uWSGI output under Docker, Feb 2021)",
         host="flask", negative=True)(
        uwsgi("flask", ["DAMN ! worker 1 (pid: 8) died, killed by signal 9 :( trying respawn ...",
                        "Respawned uWSGI worker 1 (new pid: 32)"], 0.01))

    # ============================== PM2 ==============================
    case("pm2", "4.x-app-exits-and-restarts-until-errored",
         "PM2 4: an app exits at once each time PM2 starts it, five restarts in two seconds (PM2 stops it as "
         "'errored' after 16).",
         "https://github.com/aaPanel/aaPanel/issues/12 (PM2 error log, Oct 2019)",
         must=[expect("restart_burst", pattern="pm2_restart_burst", subject="testpp", count=(5, 5),
                      summary=["last exit code 1", "via SIGINT"])])(
        text("pm2.log", "/root/.pm2/pm2.log", [
            "2019-10-26T10:35:44: PM2 log: App [testpp:0] starting in -fork mode-",
            "2019-10-26T10:35:44: PM2 log: App [testpp:0] online",
            "2019-10-26T10:35:45: PM2 log: App [testpp:0] exited with code [1] via signal [SIGINT]",
            "2019-10-26T10:35:45: PM2 log: App [testpp:0] starting in -fork mode-",
            "2019-10-26T10:35:45: PM2 log: App [testpp:0] online",
            "2019-10-26T10:35:45: PM2 log: App [testpp:0] exited with code [1] via signal [SIGINT]",
            "2019-10-26T10:35:45: PM2 log: App [testpp:0] starting in -fork mode-",
            "2019-10-26T10:35:45: PM2 log: App [testpp:0] online",
            "2019-10-26T10:35:45: PM2 log: App [testpp:0] exited with code [1] via signal [SIGINT]",
            "2019-10-26T10:35:45: PM2 log: App [testpp:0] starting in -fork mode-",
            "2019-10-26T10:35:45: PM2 log: App [testpp:0] online",
            "2019-10-26T10:35:45: PM2 log: App [testpp:0] exited with code [1] via signal [SIGINT]",
            "2019-10-26T10:35:45: PM2 log: App [testpp:0] starting in -fork mode-",
            "2019-10-26T10:35:45: PM2 log: App [testpp:0] online",
            "2019-10-26T10:35:45: PM2 log: App [testpp:0] exited with code [1] via signal [SIGINT]"]))

    case("pm2", "2.x-app-exits-with-code-0-again-and-again",
         "PM2 2.x (older wording): 'App [jsApp] with id [0] and pid [N], exited with code [0] via signal [SIGINT]' "
         "then 'Starting execution sequence', three times in a second.",
         "https://github.com/Unitech/pm2/issues/3490 (pm2 log, Feb 2018; the interleaved console echo lines "
         "'12:49:01 PM2        | …' left out)",
         must=[expect("restart_burst", pattern="pm2_restart_burst", subject="jsApp", count=(3, 3))])(
        text("pm2.log", "/root/.pm2/pm2.log", [
            "[2018-02-23 12:49:01] PM2 log: App name:jsApp id:0 online",
            "[2018-02-23 12:49:02] PM2 log: App [jsApp] with id [0] and pid [2988], exited with code [0] via signal [SIGINT]",
            "[2018-02-23 12:49:02] PM2 log: Starting execution sequence in -fork mode- for app name:jsApp id:0",
            "[2018-02-23 12:49:02] PM2 log: App name:jsApp id:0 online",
            "[2018-02-23 12:49:02] PM2 log: App [jsApp] with id [0] and pid [1252], exited with code [0] via signal [SIGINT]",
            "[2018-02-23 12:49:02] PM2 log: Starting execution sequence in -fork mode- for app name:jsApp id:0",
            "[2018-02-23 12:49:02] PM2 log: App name:jsApp id:0 online",
            "[2018-02-23 12:49:02] PM2 log: App [jsApp] with id [0] and pid [3184], exited with code [0] via signal [SIGINT]"]))

    case("pm2", "negative-max-memory-restart-once",
         "PM2 5 restarting a cluster worker once because it passed --max-memory-restart: a planned restart, "
         "the old instance exits once.",
         "https://github.com/Unitech/pm2/issues/5191 (pm2 log, Sep 2021)",
         negative=True, must_not=[{"type": "restart_burst"}, {"type": "oom_kill"}])(
        text("pm2.log", "/root/.pm2/pm2.log", [
            "2021-09-30T11:59:08: PM2 log: [PM2][WORKER] Process 2 restarted because it exceeds --max-memory-restart value (current_memory=5274296320 max_memory_limit=5242880000 [octets])",
            "2021-09-30T11:59:08: PM2 log: App [service_name:2] starting in -cluster mode-",
            "2021-09-30T11:59:08: PM2 log: App [service_name:2] online",
            "2021-09-30T11:59:11: PM2 log: Stopping app:service_name id:_old_2",
            "2021-09-30T11:59:11: PM2 log: pid=57600 msg=failed to kill - retrying in 100ms",
            "2021-09-30T11:59:11: PM2 log: pid=57600 msg=failed to kill - retrying in 100ms",
            "2021-09-30T11:59:11: PM2 log: pid=57600 msg=failed to kill - retrying in 100ms",
            "2021-09-30T11:59:11: PM2 log: App name:service_name id:_old_2 disconnected",
            "2021-09-30T11:59:11: PM2 log: App [service_name:_old_2] exited with code [0] via signal [SIGINT]",
            "2021-09-30T11:59:11: PM2 log: pid=57600 msg=process killed"]))

    # ============================== systemd --user: the start limit ends a loop ==============================
    case("systemd", "user-unit-start-limit-after-fifth-restart",
         "A user unit with RestartSec=100ms: the fifth restart, then 'Start request repeated too quickly.' and the failure.",
         "https://github.com/sharpbracket/redshift/pull/844 (journalctl --user, Arch Linux, Oct 2021)",
         host="pavilion-arch",
         must=[expect("unit_start_limit", subject="redshift.service")])(
        journal("pavilion-arch", [
            (0.0, user_manager(473, 1000, "redshift.service", "redshift.service: Scheduled restart job, restart counter is at 5.")),
            (0.001, user_manager(473, 1000, "redshift.service", "Stopped Redshift display colour temperature adjustment.")),
            (0.002, user_manager(473, 1000, "redshift.service", "redshift.service: Start request repeated too quickly.", "4")),
            (0.003, user_manager(473, 1000, "redshift.service", "redshift.service: Failed with result 'exit-code'.", "4")),
            (0.004, user_manager(473, 1000, "redshift.service", "Failed to start Redshift display colour temperature adjustment.", "3"))]))

    # ============================== syslog files ==============================
    case("systemd-oom", "debian-syslog-unit-killed-by-oom-killer",
         "Debian (daemon.log): systemd says a process of bitnami.service was killed by the OOM killer; the "
         "unit's own script then stops its services. Read from a syslog file, not a journal export.",
         "https://github.com/bitnami/vms/issues/1417 (daemon.log excerpt, AWS t3a.medium, Feb 2024)",
         host="ip-172-31-28-30",
         must=[expect("unit_oom_killed", pattern="systemd_unit_oom_killed", subject="bitnami.service")])(
        syslog("daemon.log", [
            "Feb 20 10:48:23 ip-172-31-28-30 dhclient[489]: XMT: Solicit on ens5, interval 127850ms.",
            "Feb 20 10:50:30 ip-172-31-28-30 dhclient[489]: XMT: Solicit on ens5, interval 116700ms.",
            "Feb 20 10:52:27 ip-172-31-28-30 dhclient[489]: XMT: Solicit on ens5, interval 120690ms.",
            "Feb 20 10:53:56 ip-172-31-28-30 systemd[1]: bitnami.service: A process of this unit has been killed by the OOM killer.",
            "Feb 20 10:53:57 ip-172-31-28-30 bitnami[2015]: 2024-02-20T10:53:57.681Z - info: Saving configuration info to disk",
            "Feb 20 10:53:58 ip-172-31-28-30 bitnami[2015]: 2024-02-20T10:53:58.930Z - info: Stop monitoring services from gonit",
            "Feb 20 10:53:59 ip-172-31-28-30 bitnami[2015]: 2024-02-20T10:53:59.020Z - info: Performing service stop operation for php"]))

    case("systemd-oom", "negative-syslog-stop-timeout-sigkill",
         "systemd SIGKILLing a snap's mysqld processes because its stop timed out: systemd's own kill at stop, "
         "not the OOM killer.",
         "https://github.com/nextcloud-snap/nextcloud-snap/issues/1836 (syslog, Sep 2021)",
         host="dried-nextcloud", negative=True, must_not=[{"type": "oom_kill"}, {"type": "unit_oom_killed"}])(
        syslog("syslog", [
            "Sep 09 14:23:36 dried-nextcloud systemd[1]: Stopped Service for snap application nextcloud.mysql.",
            "Sep 09 14:23:36 dried-nextcloud systemd[1]: Started Service for snap application nextcloud.mysql.",
            "Sep 09 14:23:36 dried-nextcloud nextcloud.mysql[7339]: Starting MySQL",
            "Sep 09 14:23:38 dried-nextcloud nextcloud.mysql[7339]: .. *",
            "Sep 09 14:41:21 dried-nextcloud nextcloud.mysql[9752]:  * MySQL server PID file could not be found!",
            "Sep 09 14:41:51 dried-nextcloud systemd[1]: snap.nextcloud.mysql.service: State 'stop-sigterm' timed out. Killing.",
            "Sep 09 14:41:51 dried-nextcloud systemd[1]: snap.nextcloud.mysql.service: Killing process 7359 (mysqld_safe) with signal SIGKILL.",
            "Sep 09 14:41:51 dried-nextcloud systemd[1]: snap.nextcloud.mysql.service: Killing process 9769 (mysqld) with signal SIGKILL.",
            "Sep 09 14:41:51 dried-nextcloud systemd[1]: snap.nextcloud.mysql.service: Killing process 9838 (mysqld) with signal SIGKILL.",
            "Sep 09 14:41:51 dried-nextcloud systemd[1]: snap.nextcloud.mysql.service: Killing process 9839 (mysqld) with signal SIGKILL.",
            "Sep 09 14:41:51 dried-nextcloud systemd[1]: snap.nextcloud.mysql.service: Killing process 9840 (mysqld) with signal SIGKILL.",
            "Sep 09 14:41:51 dried-nextcloud systemd[1]: snap.nextcloud.mysql.service: Killing process 9841 (mysqld) with signal SIGKILL."]))

    case("kernel-oom", "2.6.32-syslog-messages-killed-process",
         "CentOS 6 (2.6.32-573): the kernel's kill line as /var/log/messages holds it, syslog stamp, host and "
         "'kernel: [secs]' before the RHEL 6 'Killed process N, UID U, (comm)' form.",
         "https://github.com/cPanelSSP/SSP/issues/76 (grep -i killed /var/log/messages, CentOS 6.7, Mar 2016)",
         host="server1",
         must=[expect("oom_kill", subject="mysqld", pattern="kernel_oom_kill", summary=["pid 11726", "anon-rss 2539268 kB"])])(
        syslog("messages", [
            "Mar  2 17:35:10 server1 kernel: [2858609.598568] Killed process 11726, UID 498, (mysqld) total-vm:7823732kB, anon-rss:2539268kB, file-rss:768kB"]))

    case("kernel-oom", "3.10-dmesg-T-kubepods-memcg-kill",
         "CentOS 7 (3.10.0-327) Kubernetes node, `dmesg -T`: a pod's memory cgroup stats and task list, then "
         "'Memory cgroup out of memory: Kill process 24572 (java)' and the kill of pid 28438: one kill of java.",
         "https://github.com/kubernetes/kubernetes/issues/56891 (dmesg -T on the node, Dec 2017)",
         must=[expect("oom_kill", subject="java", pattern="kernel_oom_kill", summary=["pid 28438", "anon-rss 466160 kB"])])(
        dmesg_text([
            "[Thu Dec  7 00:05:14 2017] Memory cgroup stats for /kubepods/pod95387fa4-da9c-11e7-9d36-5254b24cbf5e/6895a3e13439535852d3184ac2aadd26d7363cc035f171545ec7d4ce74073b0b: cache:32KB rss:524188KB rss_huge:370688KB mapped_file:0KB swap:524356KB inactive_anon:267804KB active_anon:256384KB inactive_file:12KB active_file:4KB unevictable:0KB",
            "[Thu Dec  7 00:05:15 2017] [ pid ]   uid  tgid total_vm      rss nr_ptes swapents oom_score_adj name",
            "[Thu Dec  7 00:05:15 2017] [28438]     0 28438  5063909   119961    1661   136409          -998 java",
            "[Thu Dec  7 00:05:15 2017] Memory cgroup out of memory: Kill process 24572 (java) score 0 or sacrifice child",
            "[Thu Dec  7 00:05:15 2017] Killed process 28438 (java) total-vm:20255636kB, anon-rss:466160kB, file-rss:13684kB"]))

    # ============================== kubelet through syslog and kubectl ==============================
    case("kubelet", "1.13-syslog-messages-back-off",
         "kubelet 1.13 on CentOS 7 as /var/log/messages holds it ('kubelet:' with no pid): the same back-off "
         "line every 11-15 s, one incident.",
         "https://github.com/vmware-tanzu/kubeapps/issues/933 (/var/log/messages, Jan 2019)",
         host="bms-k8s-node-188-64",
         must=[expect("restart_burst", pattern="kubelet_crash_loop", subject="apprepo-sync-stable-1547906400-k8xb7/sync",
                      count=(3, 3), summary=["back-off 2m40s"])])(
        syslog("messages", [
            'Jan 19 22:05:%s bms-k8s-node-188-64 kubelet: E0119 22:05:%s   20081 pod_workers.go:186] Error syncing pod '
            '8342124b-1bf2-11e9-a9ee-f8bc124413fc ("apprepo-sync-stable-1547906400-k8xb7_kubeapps(8342124b-1bf2-11e9-a9ee-f8bc124413fc)"), '
            'skipping: failed to "StartContainer" for "sync" with CrashLoopBackOff: "Back-off 2m40s restarting failed container=sync '
            'pod=apprepo-sync-stable-1547906400-k8xb7_kubeapps(8342124b-1bf2-11e9-a9ee-f8bc124413fc)"' % (s, f)
            for s, f in [("08", "08.823485"), ("19", "19.823381"), ("34", "34.823413")]]))

    case("kubelet", "1.5-kubectl-get-events-failed-sync",
         "`oc get events` / `kubectl get events` of Kubernetes 1.5 (OpenShift 1.5) saved to a file: ages instead of "
         "stamps, the kubelet's FailedSync with 'Back-off 40s' then 'Back-off 1m20s restarting failed container=…'.",
         "https://github.com/openshift/origin/issues/7824 (oc get events, Apr 2017; the blank lines between rows left out)",
         must=[expect("restart_burst", pattern="kubelet_crash_loop", subject="postgresql-1-t199e/postgresql",
                      summary=["back-off 1m20s"])])(
        text("events.txt", "/tmp/events.txt", [
            '18m       19m       4         postgresql-1-t199e   Pod                                     Warning   FailedSync   {kubelet node238.localnet.net}   Error syncing pod, skipping: failed to "StartContainer" for "postgresql" with CrashLoopBackOff: "Back-off 40s restarting failed container=postgresql pod=postgresql-1-t199e_test2(5e7b1fd3-1a01-11e7-8237-005056b6143a)"',
            '18m       18m       1         postgresql-1-t199e   Pod       spec.containers{postgresql}   Normal    Created      {kubelet node238.localnet.net}   Created container with docker id a8acbe218e6b; Security:[seccomp=unconfined]',
            '18m       18m       1         postgresql-1-t199e   Pod       spec.containers{postgresql}   Normal    Started      {kubelet node238.localnet.net}   Started container with docker id a8acbe218e6b',
            '16m       18m       7         postgresql-1-t199e   Pod                                     Warning   FailedSync   {kubelet node238.localnet.net}   Error syncing pod, skipping: failed to "StartContainer" for "postgresql" with CrashLoopBackOff: "Back-off 1m20s restarting failed container=postgresql pod=postgresql-1-t199e_test2(5e7b1fd3-1a01-11e7-8237-005056b6143a)"']))
