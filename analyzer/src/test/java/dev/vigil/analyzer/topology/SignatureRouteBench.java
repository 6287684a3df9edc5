package dev.vigil.analyzer.topology;

import dev.vigil.analyzer.engine.MinedSignature;
import dev.vigil.analyzer.signature.MinerConfig;
import dev.vigil.analyzer.signature.Signature;
import dev.vigil.analyzer.signature.TemplateMiner;
import dev.vigil.patterns.compile.PatternSet;
import dev.vigil.analyzer.bench.AppLogEvents;
import dev.vigil.patterns.event.Event;
import dev.vigil.patterns.library.PatternLoader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * The CPU Vigil's own code spends on the signature route, per signed event, stage by stage, in
 * one thread (no broker, no Kafka Streams): the intake's signing request (the prefilter's scan,
 * which the intake makes anyway, taken off), the miner's decode, mining and signed copy, and the
 * signed copy's decode. Thread CPU; the least of the warm rounds is given, as the steadiest figure
 * on a shared machine.
 *
 * <p>Usage: {@code SignatureRouteBench APP_LOG [ROUNDS]} (16 hosts, file events, as the live bench).
 */
public final class SignatureRouteBench {
    private static final int HOSTS = 16;
    /** Lines between two saves of the miner: about a commit's worth on the live bench. */
    private static final int LINES_PER_COMMIT = 1500;

    private SignatureRouteBench() {}

    public static void main(String[] args) throws Exception {
        PatternSet set = PatternLoader.loadLibrary().patterns();
        List<Event> events = events(Files.readAllLines(Path.of(args[0])));
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        SignatureMiner.Requests requests = new SignatureMiner.Requests();
        List<byte[]> made = new ArrayList<>();
        for (Event e : events) {
            SignatureMiner.Request r = requests.of(set, e);
            if (r != null) {
                made.add(record(r));
            }
        }
        List<byte[]> signed = new ArrayList<>();
        mine(made, signed);
        int n = made.size();
        System.out.printf("%,d events, %,d signed; ns per signed event, least of %d rounds (last round)%n", events.size(), n, rounds);
        System.out.println("| stage | ns per signed event | last round |");
        System.out.println("|---|---:|---:|");
        List<Event> signing = new ArrayList<>();
        List<Event> others = new ArrayList<>();
        SignatureMiner.Requests sort = new SignatureMiner.Requests();
        for (Event e : events) {
            (sort.of(set, e) != null ? signing : others).add(e);
        }
        // the intake has scanned the event before it asks (its redaction needs the scan): the scan
        // alone is timed too and taken off
        intake("intake, an event no signature pattern counts (ns per such event)", set, others, rounds);
        intake("intake, a signed event: choice, cut, header, shape, request", set, signing, rounds);
        report("miner: decode, mine, signed copy, a save per commit", n, rounds, () -> mine(made, new ArrayList<>()));
        report("engine side: signed copy decoded", n, rounds, () -> {
            long c = 0;
            for (byte[] s : signed) {
                c += InternalSerdes.readSigned(s).get(0).event().message().length();
            }
            return c;
        });
    }

    private static void intake(String name, PatternSet set, List<Event> events, int rounds) {
        long scan = quiet(rounds, () -> {
            long c = 0;
            for (Event e : events) {
                c += set.candidates(e).size();
            }
            return c;
        });
        long asked = quiet(rounds, () -> {
            SignatureMiner.Requests requests = new SignatureMiner.Requests();
            long c = 0;
            for (Event e : events) {
                c += set.candidates(e).size();
                SignatureMiner.Request r = requests.of(set, e);
                c += r == null ? 0 : record(r).length;
            }
            return c;
        });
        System.out.printf("| %s | %.0f | |%n", name, (asked - scan) / (double) events.size());
    }

    /** The record of {@code request} alone. */
    private static byte[] record(SignatureMiner.Request request) {
        InternalSerdes.Batch batch = InternalSerdes.requests();
        request.writeTo(batch);
        return batch.toBytes();
    }

    private static long mine(List<byte[]> requests, List<byte[]> out) {
        TemplateMiner miner = new TemplateMiner(MinerConfig.defaults());
        long c = 0;
        int lines = 0;
        for (byte[] r : requests) {
            InternalSerdes.SigningRequest request = InternalSerdes.readRequests(r).get(0);
            Signature s = miner.add(request.minedText());
            InternalSerdes.Batch copy = InternalSerdes.signedCopies();
            InternalSerdes.addSigned(copy, request, new MinedSignature(s.id(), s.template(), miner.lastFormerIds(), request.patterns()));
            byte[] signed = copy.toBytes();
            out.add(signed);
            c += signed.length;
            if (++lines % LINES_PER_COMMIT == 0) {
                c += miner.drainChanges().templates().size();
            }
        }
        return c;
    }

    private static List<Event> events(List<String> lines) {
        return AppLogEvents.of(lines, HOSTS, "/var/log/app.log");
    }

    private static long report(String name, int signed, int rounds, LongSupplier pass) {
        long[] last = new long[1];
        long best = quiet(rounds, pass, last);
        System.out.printf("| %s | %.0f | %.0f |%n", name, best / (double) signed, last[0] / (double) signed);
        return best;
    }

    private static long quiet(int rounds, LongSupplier pass) {
        return quiet(rounds, pass, new long[1]);
    }

    /** The least thread CPU ns of the rounds after the first; {@code last[0]} the last round's. */
    private static long quiet(int rounds, LongSupplier pass, long[] last) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long best = Long.MAX_VALUE;
        long sink = 0;
        for (int r = 0; r < rounds; r++) {
            long start = mx.getCurrentThreadCpuTime();
            sink += pass.getAsLong();
            long cpu = mx.getCurrentThreadCpuTime() - start;
            last[0] = cpu;
            if (r > 0) {
                best = Math.min(best, cpu);
            }
        }
        if (sink == 42) {
            System.out.print(""); // keeps the passes' results alive
        }
        return best == Long.MAX_VALUE ? last[0] : best;
    }
}
