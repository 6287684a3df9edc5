"""Cases of databases that die in their own logs: PostgreSQL's postmaster resetting every connection
after a server process exited abnormally (an exit code, not a signal), MongoDB aborting on a failed
invariant, mysqld_safe restarting a mysqld that ended without a shutdown, and Elasticsearch's
uncaught-exception handler halting the node on an error that is no OutOfMemoryError; with the
look-alikes (a clean start after an unclean stop). generate.py writes them with the others; every quoted line is
verbatim from the source its SOURCES entry names."""


def register_db_runtime(g):
    case, expect, text = g["case"], g["expect"], g["text"]

    # ============================== PostgreSQL: a crash reset after an exit code ==============================
    pg_log = "/var/lib/postgresql/data/log/postgresql.log"
    case("postgres", "10-backend-exit-code-255-reset",
         "A backend exits with code 255 (no signal): the postmaster treats it as a crash, terminates every "
         "other server process and resets, as it does for a SIGKILL. One process_killed naming the exit.",
         "https://github.com/pgbackrest/pgbackrest/issues/419 (the postgres container's log, default log_line_prefix "
         "'%m [%p] ' of PostgreSQL 10, Oct 2017)",
         must=[expect("process_killed", pattern="postgres_child_terminated", subject="postgres",
                      summary=["server process (PID 58) exited with exit code 255", "reset every connection"])])(
        text("postgresql.log", pg_log, [
            "2017-10-05 20:43:39.904 CEST [1] LOG:  server process (PID 58) exited with exit code 255",
            "2017-10-05 20:43:39.904 CEST [1] LOG:  terminating any other active server processes",
            "2017-10-05 20:43:39.904 CEST [36] WARNING:  terminating connection because of crash of another server process",
            "2017-10-05 20:43:39.904 CEST [36] DETAIL:  The postmaster has commanded this server process to roll back the current transaction and exit, because another server process exited abnormally and possibly corrupted shared memory.",
            "2017-10-05 20:43:39.904 CEST [36] HINT:  In a moment you should be able to reconnect to the database and repeat your command."]))

    case("postgres", "16-checkpointer-fails-at-shutdown-abnormal",
         "An immediate shutdown's checkpoint fails (FATAL, pg_xact/0000 missing) and the checkpointer exits "
         "with code 1: the postmaster terminates the others and ends in 'abnormal database system shutdown'. "
         "One process_killed naming the checkpointer; the launcher's exit code 1 just before it is the shutdown's.",
         "https://github.com/cachix/devenv/pull/1146 (devenv's process-compose output of postgres, Apr 2024; the "
         "'[postgres       ] ' prefix of process-compose removed)",
         must=[expect("process_killed", pattern="postgres_child_terminated", subject="postgres",
                      summary=["checkpointer process (PID 477716) exited with exit code 1", "reset every connection"])])(
        text("postgresql.log", pg_log, [
            "2024-04-18 07:30:24.937 GMT [477581] LOG:  background worker \"logical replication launcher\" (PID 477721) exited with exit code 1",
            "2024-04-18 07:30:24.938 GMT [477716] LOG:  shutting down",
            "2024-04-18 07:30:24.941 GMT [477716] LOG:  checkpoint starting: shutdown immediate",
            "2024-04-18 07:30:24.954 GMT [477716] FATAL:  could not access status of transaction 0",
            "2024-04-18 07:30:24.954 GMT [477716] DETAIL:  Could not open file \"pg_xact/0000\": No such file or directory.",
            "2024-04-18 07:30:24.955 GMT [477581] LOG:  checkpointer process (PID 477716) exited with exit code 1",
            "2024-04-18 07:30:24.955 GMT [477581] LOG:  terminating any other active server processes",
            "2024-04-18 07:30:24.956 GMT [477581] LOG:  abnormal database system shutdown"]))

    # ============================== MongoDB: a failed invariant aborts mongod ==============================
    case("app-crash", "mongodb-3.x-text-invariant-failure-aborts",
         "mongod 3.x (mmapv1, UniFi's controller on FreeBSD) fails an invariant in a connection's thread and "
         "aborts: 'Invariant failure false src/… 207', '***aborting after invariant() failure', 'Got signal: 6'. "
         "One app_panic naming the source line.",
         "https://github.com/unofficial-unifi/unifi-pfsense/issues/156 (the controller's mongod.log, Sep 2019)",
         must=[expect("app_panic", pattern="mongodb_fatal_assertion", subject="mongod",
                      summary=["invariant", "src/mongo/db/storage/mmap_v1/mmap_v1_extent_manager.cpp line 207"])])(
        text("mongod.log", "/usr/local/UniFi/logs/mongod.log", [
            "2019-09-08T10:57:31.172+0300 I STORAGE  [conn5] _getOpenFile() invalid file index requested 1",
            "2019-09-08T10:57:31.172+0300 I -        [conn5] Invariant failure false src/mongo/db/storage/mmap_v1/mmap_v1_extent_manager.cpp 207",
            "2019-09-08T10:57:31.172+0300 I -        [conn5] ",
            "",
            "***aborting after invariant() failure",
            "",
            "2019-09-08T10:57:31.173+0300 F -        [conn5] Got signal: 6 (Abort trap)."]))

    case("app-crash", "mongodb-5.0-json-invariant-failure-aborts",
         "mongod 5.0.8's JSON log: {\"msg\":\"Invariant failure\",\"attr\":{\"expr\":…,\"file\":…,\"line\":…}} then "
         "'***aborting after invariant() failure' inside the next record's msg. One app_panic.",
         "https://github.com/typegoose/mongodb-memory-server/issues/727 (mongod 5.0.8's output, Jan 2023, as "
         "typegoose/mongodb-memory-server's packages/mongodb-memory-server-core/src/util/__tests__/MongoInstance.test.ts "
         "quotes it, 'actual line copied from mongod 5.0.8'; its two records, joined by a newline there, each a line "
         "of mongod's JSON log here)",
         must=[expect("app_panic", pattern="mongodb_fatal_assertion", subject="mongod",
                      summary=["invariant readTs", "src/mongo/db/read_concern_mongod.cpp line 529"])])(
        text("mongod.log", "/var/log/mongodb/mongod.log", [
            "{\"t\":{\"$date\":\"2023-01-05T13:55:59.493+00:00\"},\"s\":\"F\",  \"c\":\"-\",        \"id\":23079,   \"ctx\":\"conn13\",\"msg\":\"Invariant failure\",\"attr\":{\"expr\":\"readTs\",\"file\":\"src/mongo/db/read_concern_mongod.cpp\",\"line\":529}}",
            "{\"t\":{\"$date\":\"2023-01-05T13:55:59.493+00:00\"},\"s\":\"F\",  \"c\":\"-\",        \"id\":23080,   \"ctx\":\"conn13\",\"msg\":\"\\n\\n***aborting after invariant() failure\\n\\n\"}"]))

    # ============================== MySQL: mysqld_safe restarts a dead mysqld ==============================
    case("app-crash", "mysqld-safe-restarts-mysqld-killed-by-oom",
         "mysqld_safe finds mysqld gone without a shutdown (the kernel's OOM killer, the page shows from dmesg) "
         "and restarts it; InnoDB then runs crash recovery. mysqld wrote nothing as it died: mysqld_safe's "
         "'mysqld restarted' is the only line of the death. One restart_burst of mysqld.",
         "https://virtual-dba.com/blog/linux-oom-killer-terminated-mysqld-and-how-to-recover (MySQL error log, "
         "Jun 2025; the page's '. . .' between the restart and the recovery left out)",
         must=[expect("restart_burst", pattern="mysqld_safe_restart", subject="mysqld",
                      summary=["mysqld ended without a shutdown", "mysqld_safe restarted it"])])(
        text("mysqld.log", "/var/log/mysqld.log", [
            "250608 02:27:07 mysqld_safe Number of processes running now: 0",
            "250608 02:27:07 mysqld_safe mysqld restarted",
            "InnoDB: Starting crash recovery."]))

    case("app-crash", "negative-mysql-5.6-start-after-unclean-stop",
         "MySQL 5.6.12 started by mysqld_safe after an unclean stop: 'Database was not shutdown normally!', "
         "crash recovery, 'Crash recovery finished.' A start, not a restart by mysqld_safe: no restart_burst.",
         "https://www.cnblogs.com/momogua/p/8304419.html (mysql-error.log of a start, Sep 2016; cut to the "
         "lines of the start and the recovery, the blank lines the page puts between groups of lines left out)",
         negative=True, must_not=[{"type": "restart_burst"}])(
        text("mysql-error.log", "/data/mysqldata/3306/mysql-error.log", [
            "160928 15:17:19 mysqld_safe Starting mysqld daemon with databases from /data/mysqldata/3306/data",
            "2016-09-28 15:17:30 2719 [Note] Plugin 'FEDERATED' is disabled.",
            "2016-09-28 15:17:30 2719 [Note] InnoDB: The InnoDB memory heap is disabled",
            "2016-09-28 15:17:31 2719 [Note] InnoDB: The log sequence numbers 1626028 and 1626028 in ibdata files do not match the log sequence number 1626038 in the ib_logfiles!",
            "2016-09-28 15:17:31 2719 [Note] InnoDB: Database was not shutdown normally!",
            "2016-09-28 15:17:31 2719 [Note] InnoDB: Starting crash recovery.",
            "2016-09-28 15:17:31 2719 [Note] InnoDB: Reading tablespace information from the .ibd files...",
            "2016-09-28 15:17:32 2719 [Note] InnoDB: 5.6.12 started; log sequence number 1626038",
            "2016-09-28 15:17:32 2719 [Note] Recovering after a crash using /data/mysqldata/3306/binlog/mysql-bin",
            "2016-09-28 15:17:32 2719 [Note] Starting crash recovery...",
            "2016-09-28 15:17:32 2719 [Note] Crash recovery finished."]))

    # ============================== Elasticsearch: a fatal error halts the node ==============================
    case("app-crash", "elasticsearch-7.3-fatal-stackoverflowerror-in-main",
         "Elasticsearch 7.3 restarting after a node went down: parsing its state overflows the stack of the main "
         "thread, and ElasticsearchUncaughtExceptionHandler logs 'fatal error in thread [main], exiting' with "
         "'java.lang.StackOverflowError: null' on the next line: the node halts. One app_exception naming the error.",
         "https://github.com/elastic/elasticsearch/issues/93487 (Elasticsearch 7.3 log, Feb 2023; the trace cut "
         "after its first two frames)",
         must=[expect("app_exception", pattern="java_uncaught_exception", subject="java.lang.StackOverflowError",
                      summary=["thread main died", "java.lang.StackOverflowError"])])(
        text("es.log", "/var/log/elasticsearch/es-cluster.log", [
            "[2023-02-03T10:18:02,912][ERROR][o.e.b.ElasticsearchUncaughtExceptionHandler] [node-01] fatal error in thread [main], exiting",
            "java.lang.StackOverflowError: null",
            "\tat com.fasterxml.jackson.core.json.UTF8StreamJsonParser.addName(UTF8StreamJsonParser.java:2314) ~[jackson-core-2.8.11.jar:2.8.11]",
            "\tat com.fasterxml.jackson.core.json.UTF8StreamJsonParser.parseEscapedName(UTF8StreamJsonParser.java:2034) ~[jackson-core-2.8.11.jar:2.8.11]"]))
