package dev.vigil.analyzer.signature;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MaskingTokenizerTest {

    private final MaskingTokenizer tokenizer = new MaskingTokenizer();

    private List<String> tokens(String message) {
        tokenizer.tokenise(message);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < tokenizer.count(); i++) {
            out.add(tokenizer.text(i));
        }
        return out;
    }

    @Test
    void shouldMaskNumbersHexIdsAndAddressesAsWholeSegments() {
        assertEquals(List.of("<*>", "on", "<*>", "from", "<*>", "id", "<*>", "uuid", "<*>"),
                tokens("blk_-6952295868487656571 on core.42 from 10.251.73.220:50010 id 0x1f uuid "
                        + "550e8400-e29b-41d4-a716-446655440000"));
    }

    @Test
    void shouldMaskKeyValueValuesButKeepEmptyOnes() {
        assertEquals(List.of("logname=", "uid=<*>", "tty=<*>", "(uid=<*>)", "HiSyncOption{syncAction=<*>,"),
                tokens("logname= uid=0 tty=ssh (uid=0) HiSyncOption{syncAction=2,"));
    }

    @Test
    void shouldSplitAJsonObjectLineIntoItsMembersKeepingTheKeys() {
        // slog's JSONHandler (pkg.go.dev/log/slog): members are tokens, keys words, values masked by their own rules
        assertEquals(List.of("{\"time\":\"<*>:<*>:<*>:<*>\",", "\"level\":\"INFO\",", "\"msg\":\"hello\",", "\"count\":<*>}"),
                tokens("{\"time\":\"2022-11-08T15:28:26.000000000-05:00\",\"level\":\"INFO\",\"msg\":\"hello\",\"count\":3}"));
    }

    @Test
    void shouldSplitJsonMembersOnlyAtTheirCommasNotInsideAMessage() {
        assertEquals(List.of("{\"msg\":\"a,", "b", "c\",", "\"n\":<*>}"), tokens("{\"msg\":\"a, b c\",\"n\":1}"));
    }

    @Test
    void shouldMaskAJsonMembersFreeTextValueWholeUnlessItIsTheMessage() {
        // Nextcloud 13 (github.com/nextcloud/nextcloudpi issue 571): the same error from two clients; the user
        // agent's words, as many as the browser wrote, made the two lines templates of different lengths
        String firefox = "{\"reqId\":\"W1M8A38AAQEAABeHtdgAAABG\",\"level\":2,\"time\":\"2018-07-21T13:58:28+00:00\","
                + "\"remoteAddr\":\"122.228.10.51\",\"user\":\"--\",\"app\":\"core\",\"method\":\"GET\",\"url\":\"\\/\","
                + "\"message\":\"Trusted domain error. \\\"122.228.10.51\\\" tried to access using "
                + "\\\"79-75-136-237.dynamic.dsl.as9105.com\\\" as host.\",\"userAgent\":\"Mozilla\\/5.0 (Macintosh; Intel Mac "
                + "OS X 10.11; rv:47.0) Gecko\\/20100101 Firefox\\/47.0\",\"version\":\"13.0.4.0\"}";
        String none = "{\"reqId\":\"W1NODn8AAQEAABeHttoAAABT\",\"level\":2,\"time\":\"2018-07-21T15:15:27+00:00\","
                + "\"remoteAddr\":\"184.105.139.67\",\"user\":\"--\",\"app\":\"core\",\"method\":\"GET\",\"url\":\"\\/\","
                + "\"message\":\"Trusted domain error. \\\"184.105.139.67\\\" tried to access using \\\"79.75.136.237\\\" as host.\","
                + "\"userAgent\":\"--\",\"version\":\"13.0.4.0\"}";
        List<String> tokens = tokens(firefox);
        assertEquals("\"userAgent\":\"<*>\",", tokens.get(tokens.size() - 2));
        assertEquals(tokens.size(), tokens(none).size());
        // the message's words stay words, as in a line without a user agent
        assertEquals(List.of("\"message\":\"Trusted", "domain", "error."), tokens.subList(8, 11));
    }

    @Test
    void shouldMaskAJsonLinesHttpHeadersObjectWhole() {
        // Caddy 2 (github.com/TracecatHQ/tracecat issue 1331): the same upstream error twice; Go writes the
        // request's headers in a new order each time, so the two lines' tokens never lined up
        String first = "{\"level\":\"error\",\"ts\":1754633393.458146,\"logger\":\"http.log.error\",\"msg\":\"dial tcp "
                + "172.21.0.6:8000: connect: connection refused\",\"request\":{\"remote_ip\":\"5*.2**.2*.1*\",\"remote_port\":"
                + "\"52069\",\"client_ip\":\"5*.2**.2*.1*\",\"proto\":\"HTTP/1.1\",\"method\":\"GET\",\"host\":\"1**.2**.3**.4**\","
                + "\"uri\":\"/api//info\",\"headers\":{\"Connection\":[\"keep-alive\"],\"User-Agent\":[\"Mozilla/5.0 "
                + "Chrome/138.0.0.0 \"],\"Accept\":[\"*/*\"],\"Referer\":[\"http://1**.2**.3**.4**/sign-in\"],\"Accept-Encoding\":"
                + "[\"gzip, deflate\"],\"Accept-Language\":[\"zh-CN,zh;q=0.9\"]}},\"duration\":0.000669913,\"status\":502,"
                + "\"err_id\":\"c0wkic63c\",\"err_trace\":\"reverseproxy.statusError (reverseproxy.go:1269)\"}";
        String second = "{\"level\":\"error\",\"ts\":1754633394.4741046,\"logger\":\"http.log.error\",\"msg\":\"dial tcp "
                + "172.21.0.6:8000: connect: connection refused\",\"request\":{\"remote_ip\":\"5*.2**.2*.1*\",\"remote_port\":"
                + "\"52069\",\"client_ip\":\"5*.2**.2*.1*\",\"proto\":\"HTTP/1.1\",\"method\":\"GET\",\"host\":\"1**.2**.3**.4**\","
                + "\"uri\":\"/api//info\",\"headers\":{\"Referer\":[\"http://1**.2**.3**.4**/sign-in\"],\"Accept-Encoding\":"
                + "[\"gzip, deflate\"],\"Accept-Language\":[\"zh-CN,zh;q=0.9\"],\"Connection\":[\"keep-alive\"],\"User-Agent\":"
                + "[\"Mozilla/5.0 Chrome/138.0.0.0 \"],\"Accept\":[\"*/*\"]}},\"duration\":0.000754581,\"status\":502,"
                + "\"err_id\":\"bhh42gxpf\",\"err_trace\":\"reverseproxy.statusError (reverseproxy.go:1269)\"}";
        assertEquals(tokens(first), tokens(second));
        assertEquals(true, tokens(first).contains("\"headers\":<*>},"));
    }

    @Test
    void shouldKeepTheTextOfALogfmtLinesMessageLevelAndErrorAsWords() {
        // logrus's TextFormatter (sirupsen/logrus README): msg and level are the line's text, animal and number its parameters
        assertEquals(List.of("time=<*>", "level=debug", "msg=\"Started", "observing", "beach\"", "animal=<*>", "number=<*>"),
                tokens("time=\"2015-03-26T01:27:38-04:00\" level=debug msg=\"Started observing beach\" animal=walrus number=8"));
    }

    @Test
    void shouldMaskQuotedValuesEvenAcrossSpaces() {
        assertEquals(List.of("Environment", "<*>", "already", "exists", "<*>:"),
                tokens("Environment 'reading-ui-improvement' already exists 'a b c', \"key\":"));
    }

    @Test
    void shouldKeepAQuotedMessageAfterTheLinesHeaderAsWords() {
        // klog's structured form: the message is quoted after the header (kubelet, github.com/kubernetes/kubernetes
        // issue 130855); masked as a value, every line with the same keys was one template
        assertEquals(List.of("<*>", "\"Skipping", "pod", "synchronization\"", "err=\"[container", "runtime", "status", "check",
                        "may", "not", "have", "completed", "yet,", "PLEG", "is", "not", "healthy:", "pleg", "has", "yet", "to", "be",
                        "successful]\""),
                tokens("E0317 06:29:32.834597 1413880 kubelet.go:2345] \"Skipping pod synchronization\" err=\"[container runtime "
                        + "status check may not have completed yet, PLEG is not healthy: pleg has yet to be successful]\""));
        assertEquals(List.of("\"Error", "syncing", "pod,", "skipping\"", "pod=<*>"),
                tokens("\"Error syncing pod, skipping\" pod=\"kube-system/coredns-1\""));
        // one quoted word, or a quoted phrase after the message's first word, is a value as before
        assertEquals(List.of("<*>", "not", "found"), tokens("\"config.yaml\" not found"));
        assertEquals(List.of("Environment", "<*>", "exists"), tokens("Environment 'a b' exists"));
    }

    @Test
    void shouldMaskPathsAndUrlsKeepingTheirTrailingColon() {
        assertEquals(List.of("<*>:", "No", "such", "file", "<*>"),
                tokens("/var/log/app.log: No such file http://example.com:8080/x, ./run.sh"));
    }

    @Test
    void shouldMaskSizeAndTimeUnitsAfterNumbers() {
        assertEquals(List.of("size", "<*>,", "took", "<*>"),
                tokens("size 12.3 KB, took 35 ms (900 B)"));
    }

    @Test
    void shouldGiveOneTokenToAValueWhateverNumberOfTokensItSpans() {
        assertEquals(tokens("lifetime 00:02:15"), tokens("lifetime <1 sec"));
        assertEquals(List.of("close,", "<*>", "sent,", "<*>", "received"),
                tokens("close, 1190 bytes (1.16 KB) sent, 745 bytes received"));
        assertEquals(tokens("close, 0 bytes sent, 0 bytes received"),
                tokens("close, 1190 bytes (1.16 KB) sent, 745 bytes received"));
        assertEquals(List.of("members", "<*>", "joined"), tokens("members [1, 2, 3] joined"));
    }

    @Test
    void shouldCloseABracketThatAWordOpened() {
        assertEquals(List.of("Expecting", "value:", "line", "<*>", "(char", "<*>)"),
                tokens("Expecting value: line 3 (char 42)"));
        assertEquals(List.of("timeout", "(attempt", "<*>),", "retrying"), tokens("timeout (attempt 2), retrying"));
    }

    @Test
    void shouldMaskADateInsideTheMessageAsOneValue() {
        assertEquals(List.of("connection", "from", "<*>", "at", "<*>"),
                tokens("connection from 10.0.0.1 (10.0.0.1) at Sun Jun 19 23:20:05 2005"));
        assertEquals(List.of("tag=<*>,", "uid=<*>"), tokens("tag=\"View Lock\", uid=10037"));
        assertEquals(List.of("Sunday", "backup", "done"), tokens("Sunday backup done"));
    }

    @Test
    void shouldMaskADottedHostWithItsPortAsOneValue() {
        assertEquals(List.of("<*>", "open", "through", "proxy", "<*>", "HTTPS"),
                tokens("proxy.example.org:5070 open through proxy www.example.com:443 HTTPS"));
        assertEquals(List.of("port:<*>", "(pid=<*>)"), tokens("port:5070 (pid=31)"));
    }

    @Test
    void shouldCutDottedPaddingFromTheValueItPads() {
        assertEquals(List.of("depth.........<*>", "icbi....<*>"), tokens("depth.........7 icbi....0x1"));
    }

    @Test
    void shouldKeepWordsWithoutDigitsAndCollapseWhitespace() {
        assertEquals(List.of("Connection", "closed", "by", "peer", "[preauth]"),
                tokens("  Connection\tclosed   by peer [preauth] "));
    }
}
