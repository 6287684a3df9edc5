package dev.vigil.shippers.file;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class LineTimestampParserTest {
    private static final Instant NOW = Instant.parse("2026-03-14T12:00:00Z");
    private final LineTimestampParser parser = new LineTimestampParser(ZoneId.of("UTC"));

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "2024-01-01T12:00:00Z INFO started|2024-01-01T12:00:00Z",
            "2024-01-01T12:00:00.123+02:00 started|2024-01-01T10:00:00.123Z",
            "2024-01-01 12:00:00,123 ERROR x|2024-01-01T12:00:00.123Z",
            "INFO: 2024-01-01 12:00:00 started|2024-01-01T12:00:00Z",
            "Mar 14 02:11:07 web-1 rivet[42]: boom|2026-03-14T02:11:07Z",
            "127.0.0.1 - - [14/Mar/2024:02:11:07 +0100] \"GET / HTTP/1.1\" 200|2024-03-14T01:11:07Z",
            "INFO:     14/Mar/2024 02:11:07 request|2024-03-14T02:11:07Z",
            "1710382267 worker ready|2024-03-14T02:11:07Z",
            "1710382267.5 worker ready|2024-03-14T02:11:07.500Z",
            "1710382267123 worker ready|2024-03-14T02:11:07.123Z",
    })
    void shouldParseStampFromLine(String line, String expected) {
        assertEquals(Optional.of(Instant.parse(expected)), parser.parse(line, NOW));
    }

    /** Real lines, one per form of {@link StampForms}; each line's source is given beside it. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // nginx error log: https://github.com/weibocom/nginx-upsync-module/issues/324
            "2024/08/15 14:30:50 [error] 3838#0: send() failed (111: Connection refused)|2024-08-15T14:30:50Z",
            // log4j yy/MM/dd (Spark 2.x): https://github.com/jaegertracing/spark-dependencies/issues/106
            "21/02/03 08:18:39 ERROR TaskSetManager: Task 3 in stage 1.0 failed 1 times; aborting job|2021-02-03T08:18:39Z",
            // Tomcat 9 catalina.out: https://github.com/OHDSI/WebAPI/issues/1525
            "24-Apr-2020 17:13:21.264 SEVERE [main] org.apache.catalina.startup.HostConfig.deployWAR Error deploying web application archive [/usr/local/Cellar/tomcat/9.0.34/libexec/webapps/WebAPI.war]|2020-04-24T17:13:21.264Z",
            // Redis 5.0.5: https://github.com/kstyrc/embedded-redis/pull/111
            "73261:M 23 May 2019 17:40:38.542 * Ready to accept connections|2019-05-23T17:40:38.542Z",
            // Redis 7.2.1: https://github.com/stvp/tempredis/pull/3
            "15 Oct 2023 12:04:54.895 * DB loaded from disk: 0.000 seconds|2023-10-15T12:04:54.895Z",
            // Redis 4.0.1, no year: https://github.com/typester/Test-RedisServer/issues/6
            "18565:M 17 Aug 14:28:47.860 * Ready to accept connections|2025-08-17T14:28:47.860Z",
            // Apache 2.2 error log: https://github.com/D3lph1/L-Shop/issues/38
            "[Fri Aug 04 18:02:07 2017] [error] [client 98.189.170.40] File does not exist: /var/www/mysql|2017-08-04T18:02:07Z",
            // klog (ingress controller): https://github.com/nginx/kubernetes-ingress/issues/41
            "I1013 21:03:35.436652       1 nginx.go:240] Writing NGINX conf to /etc/nginx/nginx.conf|2025-10-13T21:03:35.436652Z",
            // CockroachDB v19.2, klog's letter with yymmdd: https://github.com/cockroachdb/cockroach/issues/45929
            "E200307 22:50:49.448979 23194560 storage/replica_range_lease.go:292  [n1,s1,r40822/6:/System/tsd/cr.store.compacto…] heartbeat failed on epoch increment|2020-03-07T22:50:49.448979Z",
            // java.util.logging (Tomcat 7): https://github.com/IMS-MAXIMS/openMAXIMS/issues/28
            "Aug 11, 2016 2:01:03 PM org.apache.catalina.core.ApplicationContext log|2016-08-11T14:01:03Z",
    })
    void shouldParseTheStampFormsOfCommonServers(String line, String expected) {
        assertEquals(Optional.of(Instant.parse(expected)), parser.parse(line, NOW));
    }

    /**
     * Real lines of the forms made of digits alone ({@link LeadingStamps}), of IBM's and of the
     * audit log; each line's source is given beside it. Those without a year take the year that
     * does not put them more than a day after {@link #NOW}.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // Android logcat threadtime, no year: logpai/loghub Android/Android_2k.log (374038f), line 1
            "03-17 16:13:38.811  1702  2395 D WindowManager: printFreezingDisplayLogsopening app wtoken = AppWindowToken{9f4ef63 token=Token{a64f992 ActivityRecord{de9231d u0 com.tencent.qt.qtl/.activity.info.NewsDetailXmlActivity t761}}}, allDrawn= false, startingDisplayed =  false, startingMoved =  false, isRelaunching =  false|2025-03-17T16:13:38.811Z",
            // yyMMdd HHmmss (Hadoop 0.18 HDFS): loghub HDFS_v1 HDFS.log line 1 (Xu et al., SOSP 2009; https://zenodo.org/records/8196385)
            "081109 203518 143 INFO dfs.DataNode$DataXceiver: Receiving block blk_-1608999687919862906 src: /10.250.19.102:54106 dest: /10.250.19.102:50010|2008-11-09T20:35:18Z",
            // yyMMdd HH:mm:ss and its space-padded hour (MySQL 5.5, MariaDB 10.0): https://github.com/roots/bedrock/issues/158
            "150315 23:20:01 [Note] /usr/sbin/mysqld: ready for connections.|2015-03-15T23:20:01Z",
            "150319  1:46:59 [Note] InnoDB: Using mutexes to ref count buffer pool pages|2015-03-19T01:46:59Z",
            // yyyy-MM-dd with a space-padded hour (MariaDB 10.1+): https://github.com/nextcloud/docker/issues/673
            "2019-03-11  9:40:31 0 [Note] InnoDB: Using Linux native AIO|2019-03-11T09:40:31Z",
            // pid:yyyyMMdd:HHmmss.SSS (Zabbix server and agent): https://github.com/zabbix/zabbix-docker/issues/130
            "'   148:20170824:163424.556 Starting Zabbix Server. Zabbix 3.4.0 (revision 71467).'|2017-08-24T16:34:24.556Z",
            // [MM.dd HH:mm:ss], no year (Proxifier): logpai/loghub Proxifier/Proxifier_2k.log (bc5be36), line 1
            "[10.30 16:49:06] chrome.exe - proxy.cse.cuhk.edu.hk:5070 open through proxy proxy.cse.cuhk.edu.hk:5070 HTTPS|2025-10-30T16:49:06Z",
            // epoch seconds in brackets (Nagios): https://github.com/DataDog/dd-agent/issues/732
            "[1385142792] SERVICE ALERT: zencoder70.xxx;check_nrpe_check_swap;OK;HARD;2;SWAP OK - 34% (1245 of 3668 MB) free|2013-11-22T17:53:12Z",
            // epoch seconds and milliseconds (squid's access log): https://github.com/netdata/netdata/issues/2235
            "1495973309.909   1064 10.4.23.199 TCP_MISS/200 1958 GET http://www.ecb.europa.eu/stats/eurofxref/eurofxref-daily.xml - HIER_DIRECT/23.78.126.5 text/xml|2017-05-28T12:08:29.909Z",
            // IBM yyyy-MM-dd-HH.mm.ss.ffffff and its offset in minutes (DB2's db2diag.log):
            // https://www.ibm.com/docs/en/db2/11.5?topic=files-interpreting-diagnostic-log-file-entries
            "2007-05-18-14.20.46.973000-240 I27204F655 LEVEL: Info|2007-05-18T18:20:46.973Z",
            // a tag, epoch seconds and their day (Thunderbird, a CFDR supercomputer log): logpai/loghub
            // Thunderbird/Thunderbird_2k.log (374038f), line 1; the local "Nov 9 12:01:01" after it has no zone
            "- 1131566461 2005.11.09 dn228 Nov 9 12:01:01 dn228/dn228 crond(pam_unix)[2915]: session closed for user root|2005-11-09T20:01:01Z",
            // the audit log's epoch: https://github.com/gardenlinux/gardenlinux/issues/1211
            "type=AVC msg=audit(1661772101.107:170): avc:  denied  { setattr } for  pid=452 comm=\"login\" name=\"root\" dev=\"tmpfs\" ino=974 scontext=system_u:system_r:local_login_t:s0 tcontext=system_u:object_r:var_run_t:s0 tclass=file permissive=0|2022-08-29T11:21:41.107Z",
    })
    void shouldParseTheDigitFormsOfRealLogs(String line, String expected) {
        assertEquals(Optional.of(Instant.parse(expected)), parser.parse(line, NOW));
    }

    /**
     * Forms the parser read before, checked on real lines of the servers that write them; each
     * line's source is given beside it. The configured zone is Berlin's: a stamp that names its
     * zone is read in that zone.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // Windows CBS, a comma after the seconds: logpai/loghub Windows/Windows_2k.log (bc5be36)
            "2016-09-28 04:30:30, Info                  CBS    Starting TrustedInstaller initialization.|2016-09-28T02:30:30Z",
            // PostgreSQL's default log_line_prefix names the zone: https://github.com/biocommons/uta/issues/235
            "2021-10-03 11:52:43.305 UTC [1] LOG:  database system is ready to accept connections|2021-10-03T11:52:43.305Z",
            // MySQL 5.7: https://github.com/nextcloud-snap/nextcloud-snap/issues/1609
            "2021-01-15T07:36:38.454846Z 0 [Note] InnoDB: Starting shutdown...|2021-01-15T07:36:38.454846Z",
            // MongoDB 4.4 structured log: https://github.com/bitnami/charts/issues/8594
            "{\"t\":{\"$date\":\"2022-03-03T15:07:27.687+00:00\"},\"s\":\"I\",  \"c\":\"NETWORK\",  \"id\":22943,   \"ctx\":\"listener\",\"msg\":\"Connection accepted\",\"attr\":{\"remote\":\"127.0.0.1:60324\",\"connectionId\":65,\"connectionCount\":1}}|2022-03-03T15:07:27.687Z",
            // HAProxy's accept date, with milliseconds and no zone: https://pastebin.com/jLvbtXnk
            "Mar 26 11:37:21 localhost haproxy[14836]: 192.168.30.102:36969 [26/Mar/2019:11:37:21.576] localhost web1/web1 0/0/0/1/1 302 196 - - ---- 1/1/0/1/0 0/0 \"GET / HTTP/1.1\"|2019-03-26T10:37:21.576Z",
            // RFC 5424, section 6.5, example 3
            "<165>1 2003-10-11T22:14:15.003Z mymachine.example.com evntslog - ID47 [exampleSDID@32473 iut=\"3\" eventSource=\"Application\" eventID=\"1011\"] BOMAn application event log entry...|2003-10-11T22:14:15.003Z",
            // MariaDB's entrypoint names the offset: https://github.com/appwrite/appwrite/issues/3157
            "2022-04-21 16:18:51+00:00 [Note] [Entrypoint]: MariaDB upgrade not required|2022-04-21T16:18:51Z",
    })
    void shouldReadTheStampsOfServersThatNameTheirZone(String line, String expected) {
        LineTimestampParser berlin = new LineTimestampParser(ZoneId.of("Europe/Berlin"));

        assertEquals(Optional.of(Instant.parse(expected)), berlin.parse(line, NOW));
    }

    /** US and European numeric dates: the order the head of the file proves, else log4j's. */
    @Test
    void shouldReadSlashedDatesInTheOrderTheHeadOfTheFileProves() {
        // a first field over 12 is no month, and the year is the field that stays the same: dd/MM/yy
        List<String> european = List.of("03/04/24 10:00:00 INFO start", "25/04/24 10:00:01 INFO next");
        // a middle field over 12 is no month: MM/dd/yy
        List<String> american = List.of("03/04/24 10:00:00 INFO start", "04/25/24 10:00:01 INFO next");
        // nothing proves another order: log4j's yy/MM/dd
        List<String> log4j = List.of("24/03/04 10:00:00 INFO start", "24/03/05 10:00:01 INFO next");

        assertEquals(DateOrder.DAY_MONTH_YEAR, DateOrder.of(european));
        assertEquals(DateOrder.MONTH_DAY_YEAR, DateOrder.of(american));
        assertEquals(DateOrder.YEAR_MONTH_DAY, DateOrder.of(log4j));
        assertEquals(Optional.of(Instant.parse("2024-04-03T10:00:00Z")),
                LineTimestampParser.forHead(ZoneId.of("UTC"), european).parse(european.get(0), NOW));
        assertEquals(Optional.of(Instant.parse("2024-03-04T10:00:00Z")),
                LineTimestampParser.forHead(ZoneId.of("UTC"), american).parse(american.get(0), NOW));
        assertEquals(Optional.of(Instant.parse("2024-03-04T10:00:00Z")),
                LineTimestampParser.forHead(ZoneId.of("UTC"), log4j).parse(log4j.get(0), NOW));
        // a four-digit year last: never log4j's order; the US one unless a first field over 12 proves otherwise
        // (ausearch -i: https://github.com/fedora-selinux/selinux-policy/pull/3120)
        assertEquals(Optional.of(Instant.parse("2026-03-26T18:49:09.621Z")),
                parser.parse("type=SYSCALL msg=audit(03/26/2026 18:49:09.621:439) : arch=x86_64 syscall=openat success=yes exit=5 "
                        + "a0=AT_FDCWD a1=0x7ffcd3c0a01b a2=O_RDONLY a3=0x0 items=1 ppid=3417 pid=4268 auid=zpytela uid=root gid=root "
                        + "euid=root suid=root fsuid=root egid=root sgid=root fsgid=root tty=pts3 ses=3 comm=auditctl "
                        + "exe=/usr/bin/auditctl subj=staff_u:sysadm_r:auditctl_t:s0-s0:c0.c1023 key=(null)", NOW));
    }

    /** A file whose lines hold epoch seconds in one word after others: the head tells which word. */
    @Test
    void shouldReadTheEpochWordTheHeadOfTheFileShows() {
        // HPC cluster log: logpai/loghub HPC/HPC_2k.log (374038f), lines 1-3 (the log writes a quote as \042)
        List<String> hpc = List.of(
                "134681 node-246 unix.hw state_change.unavailable 1077804742 1 Component State Change: Component "
                        + "\\042SCSI-WWID:01000010:6005-08b4-0001-00c6-0006-3000-003d-0000\\042 is in the unavailable state (HWID=1973)",
                "350766 node-109 unix.hw state_change.unavailable 1084680778 1 Component State Change: Component "
                        + "\\042alt0\\042 is in the unavailable state (HWID=3180)",
                "344518 node-246 unix.hw state_change.unavailable 1084270955 1 Component State Change: Component "
                        + "\\042alt0\\042 is in the unavailable state (HWID=5089)");
        LineTimestampParser file = LineTimestampParser.forHead(ZoneId.of("UTC"), hpc);

        assertEquals(Optional.of(Instant.parse("2004-02-26T14:12:22Z")), file.parse(hpc.get(0), NOW));
        assertEquals(Optional.of(Instant.parse("2004-05-16T04:12:58Z")), file.parse(hpc.get(1), NOW));
        // one line alone does not tell a time from a count
        assertEquals(Optional.empty(), parser.parse(hpc.get(1), NOW));
        // nor does a head whose numbers are years apart
        List<String> counts = List.of("a 1077804742 b", "a 1184680778 b", "a 1284270955 b");
        assertEquals(Optional.empty(), LineTimestampParser.forHead(ZoneId.of("UTC"), counts).parse(counts.get(0), NOW));
    }

    /** A number that only looks like a stamp is none: a count, a pid, an id. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "0000000042 requests served",
            "9999999999 bytes",
            "1710382267: not an epoch with a colon",
            "123456 654321 rows copied",
            "99999999-12:00:00 x",
            "[12345] worker started",
            // a tag and a number that is no epoch of the day after it
            "- 1131566461 2019.11.09 dn228 Nov 9 12:01:01 counted",
    })
    void shouldTakeNoNumberThatIsNotAPlausibleStampForOne(String line) {
        assertEquals(Optional.empty(), parser.parse(line, NOW));
    }

    @Test
    void shouldGiveAStampWithoutYearTheYearThatDoesNotPutItAhead() {
        Instant march = Instant.parse("2026-03-14T12:00:00Z");

        assertEquals(Optional.of(Instant.parse("2026-03-13T21:03:35.436652Z")),
                parser.parse("I0313 21:03:35.436652       1 nginx.go:240] Writing NGINX conf to /etc/nginx/nginx.conf", march));
    }

    @Test
    void shouldTakePreviousYearForSyslogStampInTheFuture() {
        Instant newYear = Instant.parse("2027-01-01T00:00:10Z");

        assertEquals(Optional.of(Instant.parse("2026-12-31T23:59:59Z")), parser.parse("Dec 31 23:59:59 host x", newYear));
    }

    @Test
    void shouldFindNothingInLineWithoutStamp() {
        assertEquals(Optional.empty(), parser.parse("Traceback (most recent call last):", NOW));
    }
}
