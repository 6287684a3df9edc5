package dev.vigil.patterns.redact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.google.re2j.Pattern;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One test per secret shape, each with the look-alikes that must stay. The secrets are fakes in
 * the real formats (AWS's documented example key, jwt.io's example token, made-up GitHub and
 * Slack tokens of the right length).
 */
class RedactorTest {
    private static final Redactor R = Redactor.defaults();
    private static final String JWT = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9"
            + ".eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ"
            + ".SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";

    /** A caller whose own scan names more rules than the text's triggers do gets what {@link Redactor#redact} gives. */
    @ParameterizedTest
    @ValueSource(strings = {
        "connecting to postgres://app:Sup3r-S3cret@db.internal:5432/orders",
        "login user=bob password=hunter2 ok",
        "Authorization: Basic YWxhZGRpbjpvcGVuc2VzYW1l",
        "listening on http://0.0.0.0:8080/",
        "Bearer token expired",
        "no secret here at all",
        ""})
    void shouldRedactATextWithTheRulesACallersScanNamesAsRedactDoes(String line) {
        java.util.BitSet every = new java.util.BitSet();
        every.set(0, R.ruleCount());
        assertEquals(R.redact(line), R.redactDue(line, every));
        Redactor withRegex = Redactor.of(List.of(RedactRule.of("ids", Pattern.compile("bob|here"), "***")), Set.of());
        assertEquals(withRegex.redact(line), withRegex.redactDue(line, new java.util.BitSet()));
    }

    @Test
    void shouldNameTheRulesEachTriggerIsFor() {
        List<String> names = R.ruleNames();
        assertEquals(Set.of(names.indexOf("url-credentials")), R.rulesByTrigger().get("://").stream().boxed()
                .collect(java.util.stream.Collectors.toSet()));
        assertEquals(Set.of(names.indexOf("key-value")), R.rulesByTrigger().get("password").stream().boxed()
                .collect(java.util.stream.Collectors.toSet()));
        assertEquals(null, Redactor.of(List.of(RedactRule.of("ids", Pattern.compile("bob"), "***")), Set.of())
                .rulesByTrigger());
    }

    @Test
    void shouldMaskThePasswordOfAUrlAndKeepUserAndHost() {
        assertEquals("connecting to postgres://app:***@db.internal:5432/orders",
                R.redact("connecting to postgres://app:Sup3r-S3cret@db.internal:5432/orders"));
        assertEquals("broker amqps://guest:***@mq:5671/ up", R.redact("broker amqps://guest:guest123@mq:5671/ up"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "GET https://example.org:8443/path?q=1 200",
        "listening on http://0.0.0.0:8080/",
        "mailto:ops@example.org and user@host:22",
        "ssh://git@github.com/org/repo.git"})
    void shouldKeepUrlsWithoutAPassword(String line) {
        assertEquals(line, R.redact(line));
    }

    @Test
    void shouldMaskAuthorizationHeadersBearerAndBasic() {
        assertEquals("request headers: Authorization: Bearer *** Accept: */*",
                R.redact("request headers: Authorization: Bearer " + JWT + " Accept: */*"));
        assertEquals("Authorization: Basic ***", R.redact("Authorization: Basic YWxhZGRpbjpvcGVuc2VzYW1l"));
        assertEquals("{\"authorization\": \"Bearer ***\"}", R.redact("{\"authorization\": \"Bearer abc123def456ghi\"}"));
        assertEquals("retrying with bearer ***", R.redact("retrying with bearer 0123456789abcdefXYZ"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"authorization failed for user alice", "Bearer token expired", "OAuth bearer flow selected"})
    void shouldKeepAuthorizationInProse(String line) {
        assertEquals(line, R.redact(line));
    }

    @Test
    void shouldMaskValuesAfterSecretKeysAndKeepTheKeys() {
        assertEquals("login user=bob password=*** ok", R.redact("login user=bob password=hunter2 ok"));
        assertEquals("DB_PASSWORD=*** MYSQL_ROOT_PASSWORD=***", R.redact("DB_PASSWORD=p@ss MYSQL_ROOT_PASSWORD=r00t!"));
        assertEquals("passwd: ***", R.redact("passwd: topsecret"));
        assertEquals("{\"user\":\"bob\",\"password\":\"***\",\"n\":1}",
                R.redact("{\"user\":\"bob\",\"password\":\"hunter2 with spaces\",\"n\":1}"));
        assertEquals("client_secret='***' api_key=*** apikey: ***",
                R.redact("client_secret='a b c' api_key=AbC123 apikey: zz9"));
        assertEquals("GET /cb?code=1&access_token=***&state=2", R.redact("GET /cb?code=1&access_token=ya29.a0AfH6&state=2"));
        assertEquals("aws_secret_access_key = ***",
                R.redact("aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"));
        assertEquals("\"SecretAccessKey\": \"***\"", R.redact("\"SecretAccessKey\": \"wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\""));
        assertEquals("db_pwd=***", R.redact("db_pwd=letmein"));
    }

    /**
     * Lines made of key-value pairs (every key, in any case, after a prefix, quoted or not) among
     * words that hold keys or parts of them without a separator after: every value after a key is
     * masked, nothing else changes, whichever keys share a part and however many a line holds.
     */
    @Test
    void shouldMaskTheValueAfterEveryKeyAmongWordsThatHoldKeysWithoutAValue() {
        java.util.Random random = new java.util.Random(53);
        List<String> prefixes = List.of("", "db_", "aws_secret_", "X-", "client.", "my");
        List<String> words = List.of("passage", "tokens", "api", "private", "credentials_file", "pwd", "the", "access",
                "secretary", "password_reset_count", "token", "passwd", "keys", "ok");
        for (int round = 0; round < 3000; round++) {
            StringBuilder line = new StringBuilder();
            StringBuilder expected = new StringBuilder();
            for (int part = 0, parts = 1 + random.nextInt(6); part < parts; part++) {
                String sep = part == 0 ? "" : " ";
                if (random.nextInt(3) == 0) {
                    String w = words.get(random.nextInt(words.size()));
                    line.append(sep).append(w);
                    expected.append(sep).append(w);
                    continue;
                }
                String key = KeyValueSecrets.KEYS.get(random.nextInt(KeyValueSecrets.KEYS.size()));
                StringBuilder name = new StringBuilder(prefixes.get(random.nextInt(prefixes.size())));
                for (char c : key.toCharArray()) {
                    name.append(random.nextBoolean() ? Character.toUpperCase(c) : c);
                }
                String assign = List.of("=", ": ", " = ", ":").get(random.nextInt(4));
                String value = Long.toString(random.nextLong() & Long.MAX_VALUE, 36);
                boolean quoted = random.nextBoolean();
                String q = quoted ? "\"" : "";
                line.append(sep).append(q).append(name).append(q).append(assign).append(q).append(value).append(q);
                expected.append(sep).append(q).append(name).append(q).append(assign).append(q).append(RedactRule.MASK).append(q);
            }
            assertEquals(expected.toString(), R.redact(line.toString()), line.toString());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // a count or setting named after a secret is not one: only names ending in the key count
        "password_reset_count=3 token_count=5 secret_rotation_days=90",
        // sshd says "password" in prose
        "Failed password for invalid user admin from 203.0.113.7 port 52144 ssh2",
        // sudo's PWD is the working directory
        "alice : TTY=pts/0 ; PWD=/home/alice ; USER=root ; COMMAND=/usr/bin/true",
        "token bucket refilled, 10 tokens left"})
    void shouldKeepLookAlikesOfSecretKeys(String line) {
        assertEquals(line, R.redact(line));
    }

    @Test
    void shouldMaskAJwtAnywhere() {
        assertEquals("session *** issued", R.redact("session " + JWT + " issued"));
    }

    @Test
    void shouldKeepBase64ThatIsNotAJwt() {
        String line = "cert eyJ0eXAi truncated; id=abc.def.ghi";
        assertEquals(line, R.redact(line));
    }

    @Test
    void shouldMaskAwsAccessKeyIds() {
        assertEquals("using key *** for s3", R.redact("using key AKIAIOSFODNN7EXAMPLE for s3"));
        assertEquals("\"AccessKeyId\": \"***\"", R.redact("\"AccessKeyId\": \"ASIAIOSFODNN7EXAMPLE\""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"AKIA is a prefix", "ASIAN-PACIFIC region", "xAKIAIOSFODNN7EXAMPLEx"})
    void shouldKeepWordsThatStartLikeAwsKeys(String line) {
        assertEquals(line, R.redact(line));
    }

    @Test
    void shouldMaskGithubTokensOfEveryKind() {
        for (String prefix : List.of("ghp_", "gho_", "ghs_", "ghu_", "ghr_")) {
            assertEquals("token *** used", R.redact("token " + prefix + "16C7e42F292c6912E7710c838347Ae178B4a rest".replace(" rest", " used")));
        }
        assertEquals("***", R.redact("github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOP"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ghp_short", "see the ghost_protocol flag", "github_pat_ is the prefix"})
    void shouldKeepShortGithubLookAlikes(String line) {
        assertEquals(line, R.redact(line));
    }

    @Test
    void shouldMaskSlackTokens() {
        assertEquals("slack client *** ready", R.redact("slack client xoxb-1234567890-0987654321-AbCdEfGhIjKlMnOp ready"));
        assertEquals("***", R.redact("xoxp-1111111111-2222222222-abcdefabcdef"));
    }

    @Test
    void shouldKeepSlackLookAlikes() {
        assertEquals("xoxo-hugs and xoxb-", R.redact("xoxo-hugs and xoxb-"));
    }

    @Test
    void shouldMaskAPrivateKeyBlockWholeAndOneCutAfterItsBegin() {
        String block = "loaded -----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA0Z3VS5JJcds3xfn\n/ygWyF8PbnGy0AHB\n"
                + "-----END RSA PRIVATE KEY----- from disk";
        assertEquals("loaded -----BEGIN RSA PRIVATE KEY----- *** -----END RSA PRIVATE KEY----- from disk", R.redact(block));
        assertEquals("-----BEGIN OPENSSH PRIVATE KEY----- ***",
                R.redact("-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmU"));
    }

    @Test
    void shouldKeepPublicKeysAndCertificates() {
        String line = "-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqh\n-----END PUBLIC KEY-----";
        assertEquals(line, R.redact(line));
    }

    @Test
    void shouldGiveLinesDifferingOnlyInTheirSecretTheSameText() {
        assertEquals(R.redact("auth ok token=abc123"), R.redact("auth ok token=zzz999"));
    }

    @Test
    void shouldAddReplaceAndSwitchOffRules() {
        RedactRule card = RedactRule.of("card-number", Pattern.compile("\\b\\d{4}-\\d{4}-\\d{4}-\\d{4}\\b"), "[card]");
        Redactor custom = Redactor.of(List.of(card), Set.of("jwt"));
        assertEquals("paid with [card] session " + JWT, custom.redact("paid with 4111-1111-1111-1111 session " + JWT));
        assertEquals("password=***", custom.redact("password=x"));
    }

    @Test
    void shouldLeaveNullAndEmptyAlone() {
        assertEquals(null, R.redact(null));
        assertEquals("", R.redact(""));
    }

    @Test
    void shouldReturnALineWithoutAnyRuleTriggerAsItIs() {
        String line = "2026-11-20 00:00:00 INFO Handled request method=GET path=/api/v1/environments/42 status=200";
        assertSame(line, R.redact(line));
        String beyondAscii = "caf\u00e9 ferm\u00e9 \u2014 nothing secret";
        assertSame(beyondAscii, R.redact(beyondAscii));
    }

    @Test
    void shouldReturnALineWhoseTriggersHoldNoSecretAsItIs() {
        String url = "2026-11-20 00:00:00 WARNING Slow response from upstream http://10.0.3.7:8080/health took 812 ms";
        assertSame(url, R.redact(url));
        String tokenCount = "refreshed token_count=5 via https://auth.example.com/oauth";
        assertSame(tokenCount, R.redact(tokenCount));
    }

    @Test
    void shouldFindTriggersInAnyCase() {
        assertEquals("DB_PASSWORD=*** host=db", R.redact("DB_PASSWORD=hunter2 host=db"));
        assertEquals("Authorization: BEARER ***", R.redact("Authorization: BEARER abcdefgh12345678"));
        assertEquals("POSTGRES://app:***@db/x", R.redact("POSTGRES://app:pw@db/x"));
    }

    @Test
    void shouldRunEveryTriggeredRuleAfterAnEarlierOneChangedTheLine() {
        assertEquals("retry postgres://app:***@db/x with Authorization: Bearer *** password=*** " + "***",
                R.redact("retry postgres://app:pw@db/x with Authorization: Bearer abcdefgh12345678 password=hunter2 "
                        + JWT));
    }

    @Test
    void shouldRunARuleWithoutTriggersOnEveryLine() {
        RedactRule ticket = RedactRule.of("ticket", Pattern.compile("TICKET-\\d+"), "TICKET-***");
        Redactor custom = Redactor.of(List.of(ticket), Set.of());
        assertEquals("see TICKET-*** for it", custom.redact("see TICKET-4711 for it"));
    }
}
