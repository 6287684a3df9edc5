package dev.vigil.analyzer.signature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class HeaderStripperTest {

    private final HeaderStripper stripper = new HeaderStripper();

    @Test
    void shouldDropIsoTimestampAndLevel() {
        assertEquals("Failed to create environment: boom",
                stripper.strip("2026-02-08 09:37:12 ERROR Failed to create environment: boom"));
        assertEquals("Send worker leaving thread",
                stripper.strip("2015-07-29 19:04:29,071 - WARN Send worker leaving thread"));
    }

    @Test
    void shouldDropTheThreadInBracketsAndTheLoggerAfterTheLevel() {
        assertEquals("Created MRAppMaster",
                stripper.strip("2015-10-18 18:01:47,978 INFO [RMCommunicator Allocator] "
                        + "org.apache.hadoop.mapreduce.v2.app.MRAppMaster: Created MRAppMaster"));
        assertEquals("Notification time out: 3200", stripper.strip("2015-07-29 17:41:44,747 - INFO  "
                + "[QuorumPeer[myid=1]/0:0:0:0:0:0:0:0:2181:FastLeaderElection@774] - Notification time out: 3200"));
    }

    @Test
    void shouldDropBracketedDateAndLevel() {
        assertEquals("workerEnv.init() ok /etc/httpd/conf/workers2.properties",
                stripper.strip("[Sun Dec 04 04:47:44 2005] [notice] workerEnv.init() ok /etc/httpd/conf/workers2.properties"));
    }

    @Test
    void shouldDropSyslogHostAndProgram() {
        assertEquals("Invalid user webmaster from 173.234.31.186",
                stripper.strip("Dec 10 06:55:46 LabSZ sshd[24200]: Invalid user webmaster from 173.234.31.186"));
    }

    @Test
    void shouldKeepALineThatDoesNotStartWithATime() {
        assertEquals("worker 3 started at 10:00", stripper.strip("worker 3 started at 10:00"));
    }

    /** Real lines of common layouts (app-log-headers/lines.tsv, sources in SOURCES beside it). */
    static Stream<Arguments> layouts() throws IOException {
        List<Arguments> out = new ArrayList<>();
        try (InputStream in = HeaderStripperTest.class.getResourceAsStream("/app-log-headers/lines.tsv")) {
            assertNotNull(in, "app-log-headers/lines.tsv on the test class path");
            for (String row : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (row.isBlank() || row.startsWith("#")) {
                    continue;
                }
                String[] f = row.split("\t");
                out.add(Arguments.of(f[0], f[1], f[2], f[3].equals("-") ? null : f[3]));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("layouts")
    void shouldStartTheMessageAfterTheHeaderAndKeepTheLevel(String layout, String line, String message, String level) {
        assertEquals(new HeaderStripper.Stripped(message, level), stripper.parse(line));
    }

    /**
     * .NET's console logger writes {@code fail: Category[EventId]} and the message on the indented
     * line under it; the file reader joins the two into one event (C9Glax/tranga#504,
     * microsoft/aspire#1654). Its single-line form keeps both on one line.
     */
    @Test
    void shouldStartADotnetConsoleRecordAtItsIndentedMessage() {
        assertEquals(new HeaderStripper.Stripped("Connection id \"0HNH30RGF5AKV\", Request id \"0HNH30RGF5AKV:00000001\": "
                        + "An unhandled exception was thrown by the application.", "FAIL"),
                stripper.parse("fail: Microsoft.AspNetCore.Server.Kestrel[13]\n      Connection id \"0HNH30RGF5AKV\", "
                        + "Request id \"0HNH30RGF5AKV:00000001\": An unhandled exception was thrown by the application."));
        String reconciler = "the state of the Service may not reflect the real world   {\"Service\": \"/prometheus\", "
                + "\"FinishedPID\": 52160, \"error\": \"could not schedule reconciliation for Service whose proxy process has finished\"}";
        assertEquals(new HeaderStripper.Stripped(reconciler, "FAIL"),
                stripper.parse("fail: Aspire.Hosting.Dcp.dcpctrl.ServiceReconciler[0]\n      " + reconciler));
        assertEquals(3, stripper.parse("fail: Aspire.Hosting.Dcp.dcpctrl.ServiceReconciler[0]\n      " + reconciler).priority());
        assertEquals(new HeaderStripper.Stripped("Retrying 00:00:06.2240000: Broker unreachable: admin@localhost:5672/", "WARN"),
                stripper.parse("warn: MassTransit[0]\n      Retrying 00:00:06.2240000: Broker unreachable: admin@localhost:5672/"));
    }

    @Test
    void shouldKeepALowerCaseWordThatIsNoDotnetHeader() {
        // "fail:" is a .NET level only before a category with its event id in brackets
        assertEquals(new HeaderStripper.Stripped("fail: could not open file", null), stripper.parse("fail: could not open file"));
    }

    @Test
    void shouldGiveTheLevelAsASyslogPriority() {
        assertEquals(3, stripper.parse("2023-03-15 22:04:04,307 ERROR nodemanager.NodeManager: Error starting NodeManager").priority());
        assertEquals(2, stripper.parse("18/05/20 13:17:53 FATAL resourcemanager.ResourceManager: Error starting ResourceManager").priority());
        assertEquals(4, stripper.parse("WARNING:root:A shot across the bows").priority());
        assertEquals(5, stripper.parse("2012/10/14 18:56:41 [notice] 2761#0: using inherited sockets from \"6;\"").priority());
        assertEquals(7, stripper.parse("16:06:09.046 [main] DEBUG chapters.configuration.Foo - Did it again!").priority());
        assertEquals(2, stripper.parse("[11:04:35 FTL] Host terminated unexpectedly!").priority());
        assertEquals(4, stripper.parse("[14:53:49 WRN] [RabbitMQ.Client.IConnection] 'TestDomain Publish' connection shutdown").priority());
        assertEquals(null, stripper.parse("worker 3 started at 10:00").priority());
    }

    @Test
    void shouldKeepALevelWordThatIsPartOfTheMessage() {
        assertEquals(new HeaderStripper.Stripped("Failed to create environment: ValueError: boom", "ERROR"),
                stripper.parse("2026-02-08 09:04:45 ERROR Failed to create environment: ValueError: boom"));
        assertEquals(new HeaderStripper.Stripped("error: could not open file", null),
                stripper.parse("error: could not open file"));
        assertEquals(new HeaderStripper.Stripped("ERROR 404 page not found", null),
                stripper.parse("ERROR 404 page not found"));
    }

    /**
     * Rails 6's DebugExceptions logs an error as one FATAL record of many lines, and
     * ActiveSupport::TaggedLogging puts the request's tags before each of them (thaim/sample-rails,
     * gem-lograge/README.md, Rails 6.0.1): the tags are no part of the message, on any of its lines.
     */
    @Test
    void shouldDropTheRequestTagsOnEveryLineOfATaggedRailsRecord() {
        String tag = "[b7d1e681-c943-4663-9c2a-a70fbff9d00d]";
        String record = "F, [2019-12-11T08:21:24.470738 #6653] FATAL -- : " + tag + "\n"
                + tag + " ActiveRecord::RecordNotFound (Couldn't find User with 'id'=2):\n"
                + tag + "\n"
                + tag + " app/controllers/users_controller.rb:67:in `set_user'";
        assertEquals(new HeaderStripper.Stripped("\nActiveRecord::RecordNotFound (Couldn't find User with 'id'=2):\n\n"
                + "app/controllers/users_controller.rb:67:in `set_user'", "FATAL"), stripper.parse(record));
    }

    /**
     * zap's console encoder writes its fields tab-separated: time, level, the logger's name when it has
     * one, the caller, the message, then the context as JSON (uber-go/zap
     * zapcore/console_encoder_test.go; the Splunk OTel Collector chart's docs/troubleshooting.md;
     * wyy-go/wlog's README, whose wrapper writes the message into the JSON). The name and the caller
     * are header, as a log4j logger name is.
     */
    @Test
    void shouldStartAZapConsoleLineAfterItsNameAndCaller() {
        assertEquals(new HeaderStripper.Stripped("hello", "INFO"), stripper.parse("0\tinfo\tmain\tfoo.go:42\thello"));
        assertEquals(new HeaderStripper.Stripped("Dropping data because sending_queue is full. Try increasing queue_size.\t"
                        + "{\"kind\": \"exporter\", \"name\": \"sapm\", \"dropped_items\": 1348}", "ERROR"),
                stripper.parse("2021-11-12T00:22:38.087Z\terror\texporterhelper/queued_retry.go:190\tDropping data because "
                        + "sending_queue is full. Try increasing queue_size.\t{\"kind\": \"exporter\", \"name\": \"sapm\", \"dropped_items\": 1348}"));
        HeaderStripper.Stripped dpanic = stripper.parse("2023-02-21 02:04:21.062\tdpanic\tproject\texample/main.go:36\t"
                + "{\"msg\": \"DPanic\", \"field_fn_key1\": \"field_fn_value1\"}");
        assertEquals(new HeaderStripper.Stripped("{\"msg\": \"DPanic\", \"field_fn_key1\": \"field_fn_value1\"}", "DPANIC"), dpanic);
        // zap's DPanicLevel: "particularly important errors", above error and below panic
        assertEquals(2, dpanic.priority());
    }
}
