package dev.vigil.patterns.redact;

import com.google.re2j.Pattern;
import java.util.List;

/**
 * The redactions Vigil applies unless a pattern file switches one off ({@code redact NAME off}).
 * They live in code, not in a library file, so that losing or replacing a pattern file never
 * turns them off silently.
 *
 * <p>Where a value follows a key, the key stays and only the value becomes {@value RedactRule#MASK}:
 * {@code password=***} still says what was there, and two lines differing only in their secret
 * share one signature. A key counts when a name ends in it ({@code db_password=}, {@code
 * aws_secret_access_key=}); a name that merely contains it does not ({@code password_reset_count=3},
 * {@code token_count=5} are kept), nor does the word in prose ({@code Failed password for root}).
 * A bare {@code PWD=} is the working directory sudo logs, so only {@code x_pwd=}-style names count.
 */
public final class BuiltInRedactions {
    private static final String M = RedactRule.MASK;

    private BuiltInRedactions() {}

    /** The built-in rules, in the order they run. */
    public static List<RedactRule> rules() {
        return RULES;
    }

    private static final List<RedactRule> RULES = List.of(
            // -----BEGIN RSA PRIVATE KEY----- … -----END RSA PRIVATE KEY-----, or, when the END was cut off,
            // all key text to the end of the event (a masked block starts with "*", so it is not masked twice)
            rule("private-key", List.of("private key"),
                    part("-----BEGIN ([A-Z0-9 ]*)PRIVATE KEY-----(?s:.*?)-----END [A-Z0-9 ]*PRIVATE KEY-----",
                            "-----BEGIN $1PRIVATE KEY----- " + M + " -----END $1PRIVATE KEY-----"),
                    part("-----BEGIN ([A-Z0-9 ]*)PRIVATE KEY-----\\s+[A-Za-z0-9+/=](?s:.*)", "-----BEGIN $1PRIVATE KEY----- " + M)),
            // postgres://app:s3cret@db:5432/x -> postgres://app:***@db:5432/x
            new RedactRule("url-credentials", List.of(new UrlPasswords()), List.of()),
            // Authorization: Bearer <token>, Authorization: Basic <base64>, and a bare "Bearer <token>"
            rule("authorization", List.of("authorization", "bearer"),
                    part("(?i)(\\b(?:proxy-)?authorization[\"']?[ \\t]*[:=][ \\t]*[\"']?(?:(?:bearer|basic|token|digest|negotiate)\\s+)?)"
                            + "[^\\s\"',;]+", "$1" + M),
                    part("(?i)(\\bbearer\\s+)[A-Za-z0-9._~+/=-]{8,}", "$1" + M)),
            // password=x, "password": "x", secret: x, api_key=x, aws_secret_access_key = x
            new RedactRule("key-value", List.of(new KeyValueSecrets()), List.of()),
            // header.payload.signature, each part base64url; the header and payload are JSON objects ("eyJ")
            rule("jwt", List.of("eyj"),
                    part("\\beyJ[A-Za-z0-9_-]{4,}\\.eyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]*", M)),
            // AWS access key ids: long-term (AKIA) and temporary (ASIA)
            rule("aws-access-key-id", List.of("akia", "asia"),
                    part("\\b(?:AKIA|ASIA)[A-Z0-9]{16}\\b", M)),
            // GitHub tokens: personal (ghp_), OAuth (gho_), app (ghs_, ghu_), refresh (ghr_), fine-grained
            rule("github-token", List.of("ghp_", "gho_", "ghs_", "ghu_", "ghr_", "github_pat_"),
                    part("\\b(?:gh[pousr]_[A-Za-z0-9]{36,255}|github_pat_[A-Za-z0-9_]{22,255})\\b", M)),
            // Slack tokens: bot, user, app, refresh, legacy
            rule("slack-token", List.of("xox"),
                    part("\\bxox[abprs]-[A-Za-z0-9-]{10,}", M)));

    private static RedactRule rule(String name, List<String> hints, RedactRule.Part... parts) {
        return new RedactRule(name, List.of(parts), hints);
    }

    private static RedactRule.Part part(String regex, String replacement) {
        return new RedactRule.RegexPart(Pattern.compile(regex), replacement);
    }
}
