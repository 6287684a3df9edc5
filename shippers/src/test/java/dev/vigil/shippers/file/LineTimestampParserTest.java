package dev.vigil.shippers.file;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneId;
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
            // java.util.logging (Tomcat 7): https://github.com/IMS-MAXIMS/openMAXIMS/issues/28
            "Aug 11, 2016 2:01:03 PM org.apache.catalina.core.ApplicationContext log|2016-08-11T14:01:03Z",
    })
    void shouldParseTheStampFormsOfCommonServers(String line, String expected) {
        assertEquals(Optional.of(Instant.parse(expected)), parser.parse(line, NOW));
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
