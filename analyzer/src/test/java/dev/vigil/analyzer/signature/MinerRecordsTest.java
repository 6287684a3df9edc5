package dev.vigil.analyzer.signature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class MinerRecordsTest {

    /** Most bytes one stored template may take: a template comes from a message of at most 4,096 characters. */
    private static final int RECORD_BOUND = 64 * 1024;

    /** A word of letters only (the tokenizer masks any word with a digit), unique for {@code i}. */
    private static String word(int i, char tag) {
        StringBuilder w = new StringBuilder().append(tag);
        for (int n = i; n > 0; n /= 26) {
            w.append((char) ('a' + n % 26));
        }
        return w.toString();
    }

    /** Lines of twenty words (about as long as a log message) that share no word, so each one is a template of its own. */
    private static List<String> distinctLines(int count) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            StringBuilder line = new StringBuilder();
            for (char tag = 'a'; tag < 'u'; tag++) {
                line.append(word(i, tag)).append(' ');
            }
            lines.add(line.append("failed").toString());
        }
        return lines;
    }

    @Test
    void shouldRestoreAMinerOfTenThousandTemplatesWithEveryRecordUnderTheBound() {
        TemplateMiner miner = new TemplateMiner(MinerConfig.defaults());
        distinctLines(10_000).forEach(miner::add);
        // generalise one template, so aliases are stored too
        miner.add("Invalid user admin from 1.2.3.4");
        miner.add("Invalid user oracle from 1.2.3.5");
        miner.add("Invalid user guest from 1.2.3.6");
        // the bound (10,000) evicted the two oldest lines' templates, then the third line merged two into one
        assertEquals(MinerConfig.defaults().maxTemplates() - 1, miner.templateCount());

        StoredMiner store = new StoredMiner().save(miner);
        TemplateMiner restored = store.restore(MinerConfig.defaults());

        assertEquals(miner.templates(), restored.templates());
        int largest = store.largestRecordBytes();
        long total = store.records.values().stream().mapToLong(v -> v.length).sum();
        LoggerFactory.getLogger(MinerRecordsTest.class).info("Stored miner records={} largestBytes={} totalBytes={}",
                store.records.size(), largest, total);
        assertTrue(largest <= RECORD_BOUND, "largest record " + largest + " bytes");
        assertTrue(total > 1 << 20, "the whole miner as one value (" + total + " bytes) would outgrow a 1 MiB record");
        assertEquals(Signature.of("Invalid user <*> from <*>"), restored.add("Invalid user root from 9.9.9.9"));
    }

    @Test
    void shouldWriteOnlyTheTemplateALineChangedSinceTheLastSave() {
        TemplateMiner miner = new TemplateMiner(MinerConfig.defaults());
        distinctLines(100).forEach(miner::add);
        new StoredMiner().save(miner);

        miner.add(distinctLines(3).get(2));

        MinerChanges changes = miner.drainChanges();
        assertEquals(1, changes.templates().size());
        assertEquals(distinctLines(3).get(2), changes.templates().get(0).template());
        assertEquals(2, changes.templates().get(0).count());
        assertTrue(miner.drainChanges().isEmpty(), "nothing changed since");
    }

    @Test
    void shouldDeleteTheRecordOfAnEvictedTemplateAndRestoreInRecencyOrder() {
        MinerConfig two = MinerConfig.defaults().withMaxTemplates(2);
        TemplateMiner miner = new TemplateMiner(two);
        StoredMiner store = new StoredMiner();
        miner.add("alpha started");
        miner.add("beta started now");
        store.save(miner);
        miner.add("alpha started"); // beta is now the least recently seen
        store.save(miner);

        TemplateMiner restored = store.restore(two);
        restored.add("gamma stopped here too");
        assertEquals(List.of("alpha started", "gamma stopped here too"),
                restored.templates().stream().map(t -> t.signature().template()).sorted().toList());
        store.save(restored);
        assertEquals(2, store.records.keySet().stream().filter(k -> k.startsWith(MinerRecords.TEMPLATE_PREFIX)).count(),
                "the evicted template's record is deleted");
    }

    @Test
    void shouldRefuseARecordOfANewerFormatNamingItsKey() {
        MinerRecords.Reader reader = new MinerRecords.Reader();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> reader.accept("t/7", new byte[] {2, 0, 0}));
        assertEquals("miner record key=t/7 has format version 2, this Vigil reads 1", e.getMessage());
    }

    @Test
    void shouldRestoreTheSameMinerWhenEveryLineIsSavedAsItComes() {
        TemplateMiner miner = new TemplateMiner(MinerConfig.defaults());
        StoredMiner store = new StoredMiner();
        Signature general = null;
        for (String user : List.of("alice", "bob", "carol", "dave")) {
            general = miner.add("ERROR login for user " + user + " failed: account locked");
            store.save(miner);
        }
        TemplateMiner restored = store.restore(MinerConfig.defaults());

        assertEquals(miner.templates(), restored.templates());
        assertEquals(general, restored.add("ERROR login for user erin failed: account locked"));
    }
}
