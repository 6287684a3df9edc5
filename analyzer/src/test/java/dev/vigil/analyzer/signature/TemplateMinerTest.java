package dev.vigil.analyzer.signature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TemplateMinerTest {

    private final TemplateMiner miner = new TemplateMiner(MinerConfig.defaults());

    private void addAll(TemplateMiner m, String... messages) {
        for (String message : messages) {
            m.add(message);
        }
    }

    private static TemplateCount counted(String template, long count) {
        return new TemplateCount(Signature.of(template), count);
    }

    @Test
    void shouldDeriveSignatureIdFromTemplateTextOnly() {
        // the first 16 hex characters of SHA-256("abc"), as sha256sum prints them
        assertEquals("ba7816bf8f01cfea", SignatureIds.of("abc"));
        Signature here = new TemplateMiner(MinerConfig.defaults()).add("Connection closed by 10.0.0.1 port 22");
        Signature there = new TemplateMiner(MinerConfig.defaults()).add("Connection closed by 10.9.8.7 port 2222");
        assertEquals(here, there);
        assertEquals(Signature.of("Connection closed by <*> port <*>"), here);
    }

    @Test
    void shouldMatchARepeatedMessageToTheSameTemplate() {
        addAll(miner, "worker started", "worker started", "worker started");
        assertEquals(List.of(counted("worker started", 3)), miner.templates());
    }

    @Test
    void shouldKeepAWordWithTwoValuesAsPartOfTwoTemplates() {
        addAll(miner, "onReceive action: SCREEN_ON", "onReceive action: SCREEN_OFF",
                "onReceive action: SCREEN_ON", "onReceive action: SCREEN_OFF");
        assertEquals(List.of(counted("onReceive action: SCREEN_OFF", 2), counted("onReceive action: SCREEN_ON", 2)),
                miner.templates());
    }

    @Test
    void shouldGeneraliseWhenThePositionShowsAThirdValue() {
        addAll(miner, "Invalid user admin from 1.2.3.4", "Invalid user oracle from 1.2.3.5");
        Signature third = miner.add("Invalid user guest from 1.2.3.6");
        assertEquals(Signature.of("Invalid user <*> from <*>"), third);
        assertEquals(List.of(counted("Invalid user <*> from <*>", 3)), miner.templates());
    }

    @Test
    void shouldGiveJsonLinesThatDifferInWordValuesOneTemplate() {
        // the line is slog's JSONHandler output (pkg.go.dev/log/slog); user names and ids vary around it
        addAll(miner,
                "{\"time\":\"2024-03-18T11:29:23.00000000+00:00\",\"level\":\"ERROR\",\"msg\":\"request failed\",\"user\":\"alice\",\"trace\":\"abcdef\"}",
                "{\"time\":\"2024-03-18T11:29:24.00000000+00:00\",\"level\":\"ERROR\",\"msg\":\"request failed\",\"user\":\"bob\",\"trace\":\"fedcba\"}",
                "{\"time\":\"2024-03-18T11:29:25.00000000+00:00\",\"level\":\"ERROR\",\"msg\":\"request failed\",\"user\":\"carol\",\"trace\":\"aaaaaa\"}");
        assertEquals(List.of(counted(
                "{\"time\":\"<*>:<*>:<*>:<*>\", \"level\":\"ERROR\", \"msg\":\"request failed\", <*>", 3)), miner.templates());
    }

    @Test
    void shouldKeepLogfmtLinesWithOtherMessagesOrLevelsApart() {
        // logrus's TextFormatter line (sirupsen/logrus README) beside the same keys with other text
        addAll(miner,
                "time=\"2015-03-26T01:27:38-04:00\" level=debug msg=\"Started observing beach\" animal=walrus number=8",
                "time=\"2015-03-26T01:27:39-04:00\" level=debug msg=\"Started observing beach\" animal=orca number=9",
                "time=\"2015-03-26T01:27:40-04:00\" level=error msg=\"Failed to reach the beach\" animal=walrus number=8");
        assertEquals(List.of(
                counted("time=<*> level=debug msg=\"Started observing beach\" animal=<*> number=<*>", 2),
                counted("time=<*> level=error msg=\"Failed to reach the beach\" animal=<*> number=<*>", 1)), miner.templates());
    }

    @Test
    void shouldAliasTheOldIdsOfAGeneralisedTemplateToTheNewOne() {
        Signature admin = miner.add("Invalid user admin from 1.2.3.4");
        Signature oracle = miner.add("Invalid user oracle from 1.2.3.5");
        Signature general = miner.add("Invalid user guest from 1.2.3.6");
        assertNotEquals(admin.id(), general.id());
        assertEquals(general.id(), miner.currentId(admin.id()));
        assertEquals(general.id(), miner.currentId(oracle.id()));
        assertEquals(general.id(), miner.currentId(general.id()));
    }

    @Test
    void shouldTellTheFormerIdsOfTheTemplateALineLandsInSoCountsUnderThemCanBeFolded() {
        Signature admin = miner.add("Invalid user admin from 1.2.3.4");
        assertEquals(List.of(), miner.lastFormerIds(), "a template that never generalised had no other id");
        Signature oracle = miner.add("Invalid user oracle from 1.2.3.5");
        miner.add("Invalid user guest from 1.2.3.6");
        assertEquals(Set.of(admin.id(), oracle.id()), Set.copyOf(miner.lastFormerIds()));
        miner.add("Invalid user root from 1.2.3.7");
        assertEquals(Set.of(admin.id(), oracle.id()), Set.copyOf(miner.lastFormerIds()),
                "every later line of the template tells them too: other hosts counted under them");

        TemplateMiner restored = StoredMiner.roundTrip(miner);
        restored.add("Invalid user nobody from 1.2.3.8");
        assertEquals(Set.of(admin.id(), oracle.id()), Set.copyOf(restored.lastFormerIds()), "rebuilt from the aliases");
    }

    @Test
    void shouldFoldSpecificTemplatesIntoAGeneralOneThatCoversThem() {
        // "test9" is masked, so the second line already has <*> where the first has "webmaster"
        Signature webmaster = miner.add("Invalid user webmaster from 173.234.31.186");
        Signature masked = miner.add("Invalid user test9 from 52.80.34.196");
        assertEquals(List.of(counted("Invalid user <*> from <*>", 2)), miner.templates());
        assertEquals(masked.id(), miner.currentId(webmaster.id()));
    }

    @Test
    void shouldNotMatchLinesOfDifferentTokenCounts() {
        addAll(miner, "Failed password for root from 1.2.3.4 port 22 ssh2",
                "Failed password for invalid user bob from 1.2.3.4 port 22 ssh2");
        assertEquals(2, miner.templateCount());
    }

    @Test
    void shouldFileLeadingTokensBeyondMaxChildrenUnderOneSharedBranch() {
        MinerConfig d = MinerConfig.defaults();
        TemplateMiner narrow = new TemplateMiner(new MinerConfig(d.maxTemplates(), d.similarityThreshold(),
                d.leadingTokens(), 2, d.distinctValuesToGeneralise(), d.maxAliases()));
        // "alpha" and "beta" get a branch each; the other first words share the <*> branch,
        // where three distinct values make the first position a parameter
        addAll(narrow, "alpha stopped", "beta stopped", "gamma stopped", "delta stopped", "epsilon stopped");
        assertEquals(List.of(counted("<*> stopped", 3), counted("alpha stopped", 1), counted("beta stopped", 1)),
                narrow.templates());
    }

    @Test
    void shouldEvictTheLeastRecentlySeenTemplateBeyondTheBound() {
        TemplateMiner small = new TemplateMiner(MinerConfig.defaults().withMaxTemplates(2));
        addAll(small, "alpha started", "beta started now", "alpha started", "gamma stopped here too");
        assertEquals(List.of(counted("alpha started", 2), counted("gamma stopped here too", 1)), small.templates());
    }

    @Test
    void shouldGiveOneMaskedSignaturePerAssignerErrorOfSeed002() {
        // seed 002: the assigner failed with the same three errors, each time with other names and numbers
        HeaderStripper header = new HeaderStripper();
        String[] log = {
            "2026-02-08 09:04:45 ERROR Failed to get environment info: Expecting value: line 1 column 1 (char 0)",
            "2026-02-08 09:04:45 ERROR Failed to create environment: ValueError: Environment 'reading-ui-improvement' already exists",
            "2026-02-08 09:37:12 ERROR Failed to create environment: RuntimeError: No available ports for new environment",
            "2026-02-08 10:05:22 ERROR Failed to create environment: ValueError: Environment 'math-ui-improvement' already exists",
            "2026-02-08 10:31:07 ERROR Failed to get environment info: Expecting value: line 3 column 17 (char 42)",
            "2026-02-08 10:48:59 ERROR Failed to create environment: RuntimeError: No available ports for new environment",
            "2026-02-08 11:02:13 ERROR Failed to create environment: ValueError: Environment 'ui_improvement-1770573925' already exists",
        };
        for (String line : log) {
            miner.add(header.strip(line));
        }
        assertEquals(List.of(
                new TemplateCount(new Signature("a22a7905e10258c6",
                        "Failed to create environment: ValueError: Environment <*> already exists"), 3),
                new TemplateCount(new Signature("aa8fc40d6708d788",
                        "Failed to create environment: RuntimeError: No available ports for new environment"), 2),
                new TemplateCount(new Signature("6522e013536e6277",
                        "Failed to get environment info: Expecting value: line <*> column <*> (char <*>)"), 2)),
                miner.templates());
    }

    @Test
    void shouldMineOnWithTheSameTemplatesIdsAndAliasesAfterRestore() {
        Signature admin = miner.add("Invalid user admin from 1.2.3.4");
        addAll(miner, "Invalid user oracle from 1.2.3.5", "Invalid user guest from 1.2.3.6",
                "onReceive action: SCREEN_ON", "onReceive action: SCREEN_OFF");
        TemplateMiner restored = StoredMiner.roundTrip(miner);
        assertEquals(miner.templates(), restored.templates());
        assertEquals(Signature.of("Invalid user <*> from <*>"), restored.add("Invalid user root from 9.9.9.9"));
        assertEquals(Signature.of("onReceive action: SCREEN_ON"), restored.add("onReceive action: SCREEN_ON"));
        assertEquals(Signature.of("Invalid user <*> from <*>").id(), restored.currentId(admin.id()));
    }

    @Test
    void shouldGiveAValueThatIsSometimesAWordTheSignatureOfTheShorterTemplate() {
        String masked = "reverse mapping checking getaddrinfo for <*> failed - POSSIBLE BREAK-IN ATTEMPT!";
        addAll(miner, "reverse mapping checking getaddrinfo for 187-141-1-1.example.mx [187.141.1.1] failed - POSSIBLE BREAK-IN ATTEMPT!",
                "reverse mapping checking getaddrinfo for 195-154-2-2.example.eu [195.154.2.2] failed - POSSIBLE BREAK-IN ATTEMPT!");
        // a host name without digits is a word beside the masked address: one token more
        Signature named = miner.add("reverse mapping checking getaddrinfo for ns.example.com [173.234.31.186] failed - POSSIBLE BREAK-IN ATTEMPT!");
        assertEquals(Signature.of(masked), named);
        assertEquals(List.of(counted(masked, 3)), miner.templates());
    }

    @Test
    void shouldFoldALongerTemplateIntoAShorterOneMinedLaterThatSpansIt() {
        // the longer form comes first and generalises the word before the address
        Signature first = miner.add("lookup for ns.alpha.com [10.0.0.1] failed");
        addAll(miner, "lookup for ns.beta.com [10.0.0.2] failed", "lookup for ns.gamma.com [10.0.0.3] failed");
        assertEquals(List.of(counted("lookup for <*> failed", 3)), miner.templates());
        // the shorter form (a masked host) then lands in the same template
        assertEquals(Signature.of("lookup for <*> failed"), miner.add("lookup for 10-0-0-4.example.net [10.0.0.4] failed"));
        assertEquals(Signature.of("lookup for <*> failed").id(), miner.currentId(first.id()));
        assertEquals(List.of(counted("lookup for <*> failed", 4)), miner.templates());
    }

    @Test
    void shouldMakeAVaryingLeadingWordAParameterAcrossLeaves() {
        Signature first = miner.add("alice logged out after inactivity on the console");
        addAll(miner, "bob logged out after inactivity on the console", "carol logged out after inactivity on the console",
                "erin logged out after inactivity on the console");
        // four leading words could be verbs: still four templates
        assertEquals(4, miner.templateCount());
        miner.add("frank logged out after inactivity on the console");
        String general = "<*> logged out after inactivity on the console";
        assertEquals(List.of(counted(general, 5)), miner.templates());
        assertEquals(Signature.of(general).id(), miner.currentId(first.id()));
        // a leading word the tree has a branch for still finds the general template
        assertEquals(Signature.of(general), miner.add("alice logged out after inactivity on the console"));
        assertEquals(Signature.of(general), miner.add("dave logged out after inactivity on the console"));
    }

    @Test
    void shouldKeepAFewLeadingVerbsWithTheSameRestApart() {
        addAll(miner, "Starting the billing service now", "Stopping the billing service now",
                "Restarting the billing service now", "Starting the billing service now");
        assertEquals(List.of(counted("Starting the billing service now", 2), counted("Restarting the billing service now", 1),
                counted("Stopping the billing service now", 1)), miner.templates());
    }

    @Test
    void shouldNotLetATemplateOfFewWordsTakeInLongerLines() {
        addAll(miner, "core.1 <*>", "error 17", "error 18 at 0x1f", "error 19 at 0x2f");
        assertEquals(List.of(counted("error <*> at <*>", 2), counted("<*>", 1), counted("error <*>", 1)),
                miner.templates());
    }

    @Test
    void shouldForgetTheTokensOfEvictedTemplatesOnceTheyPileUp() {
        // compaction is allowed above 1,000 tokens, and needed once they are 8 times the live ones
        TemplateMiner small = new TemplateMiner(MinerConfig.defaults().withMaxTemplates(10), 1_000);
        // 1,500 distinct one-word messages: each is a template of its own, evicted soon after
        for (int i = 0; i < 1_500; i++) {
            small.add(word(i));
        }
        // word 999 made it 1,001 tokens: compacted to <*> and the 10 live words; then 500 more came
        assertEquals(1 + 10 + 500, small.dictionarySize());
        assertEquals(10, small.templateCount());
        assertEquals(Signature.of(word(1_499)), small.add(word(1_499)));
        assertEquals(counted(word(1_499), 2), small.templates().get(0));
    }

    /** A letters-only word per number, so masking leaves it alone. */
    private static String word(int n) {
        StringBuilder w = new StringBuilder("w");
        for (int k = n; k > 0; k /= 26) {
            w.append((char) ('a' + k % 26));
        }
        return w.toString();
    }
}
