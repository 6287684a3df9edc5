package dev.vigil.analyzer.topology;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.analyzer.engine.MinedSignature;
import dev.vigil.patterns.event.Event;
import dev.vigil.patterns.event.EventJson;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Formats of the signature route's internal (repartition) topics, in one versioned envelope: a
 * signing request carries to the miner that owns a message's shape what mining needs (the mined
 * text: the message after its header) and the rest of the event as opaque bytes; the signed copy
 * carries back the signature and the same parts, which the miner never decodes. The message
 * travels once, as its header and its mined text. Both name the signature patterns the event
 * matched, so it is not matched again on return.
 *
 * <p>A record holds one or more of them ({@link Batch}): the requests of one shape, or the signed
 * copies for one host, gathered until a commit ({@link RouteBatches}). Kafka Streams and the
 * broker pay for each record (its send, its fetch, its trip through the task), and at thousands
 * of error lines a second the route's records cost more than their mining.
 *
 * <p>Layout: format version (byte, {@value #FORMAT}), kind ({@code 'R'} one request, {@code 'Q'}
 * requests, {@code 'S'} one signed copy, {@code 'T'} signed copies), then the entries back to
 * back to the end of the record. A request holds the host and the pattern names, a signed copy
 * the pattern names, the signature id, template and former ids; both go on with the message's
 * header, its mined text, whether the two make the message (a byte), and the rest of the event
 * ({@link EventBytes}, which also gives the encoding of strings and counts). A record of one
 * entry is written with the kind of one, which a Vigil from before batches reads too. Records an
 * older Vigil wrote (event JSON, and for a signed copy a newline and the signature as JSON) are
 * read too, naming no pattern. Bytes that are none of these throw
 * {@link IllegalArgumentException}, for the route to dead-letter.
 */
final class InternalSerdes {
    static final byte FORMAT = 1;
    private static final byte REQUEST = 'R';
    private static final byte REQUESTS = 'Q';
    private static final byte SIGNED = 'S';
    private static final byte SIGNED_COPIES = 'T';
    /** The first byte of the event JSON older Vigil versions wrote: never a format version. */
    private static final byte JSON_OBJECT = '{';
    private static final byte NEWLINE = '\n';
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private InternalSerdes() {}

    /**
     * A request to sign an event's message.
     *
     * @param patterns the signature patterns the event matched
     * @param head the message before its mined text (its header; empty when all of it is mined),
     *     or the whole message when the mined text is not its end
     * @param minedText what the miner mines
     * @param tail whether the message is {@code head} and {@code minedText}, rather than {@code head} alone
     * @param event the rest of the event as {@link EventBytes}, passed through the miner untouched
     */
    record SigningRequest(String host, List<String> patterns, String head, String minedText, boolean tail, byte[] event) {
        SigningRequest {
            Objects.requireNonNull(host, "host");
            patterns = List.copyOf(patterns);
            Objects.requireNonNull(head, "head");
            Objects.requireNonNull(minedText, "minedText");
        }

        /** A request for {@code event}, whose message ends with {@code minedText} when a header was cut off. */
        static SigningRequest of(Event event, List<String> patterns, String minedText) {
            String message = event.message();
            // the mined text is the end of the message unless the header parser rewrote it: then both go whole
            boolean tail = message.endsWith(minedText);
            String head = tail ? message.substring(0, message.length() - minedText.length()) : message;
            return new SigningRequest(event.host(), patterns, head, minedText, tail, eventBytes(event));
        }
    }

    /** One record of entries of one kind, written as they are added; its bytes name the kind of one or of many. */
    static final class Batch {
        private final byte one;
        private final byte many;
        private final RouteBytes.Writer out = new RouteBytes.Writer(1024);
        private int count;

        private Batch(byte one, byte many) {
            this.one = one;
            this.many = many;
            out.writeByte(FORMAT);
            out.writeByte(one);
        }

        /** Bytes written so far. */
        int size() {
            return out.size();
        }

        /** The record. */
        byte[] toBytes() {
            out.setByte(1, count > 1 ? many : one);
            return out.toByteArray();
        }

        private RouteBytes.Writer next() {
            count++;
            return out;
        }
    }

    /** A record of signing requests. */
    static Batch requests() {
        return new Batch(REQUEST, REQUESTS);
    }

    /** A record of signed copies. */
    static Batch signedCopies() {
        return new Batch(SIGNED, SIGNED_COPIES);
    }

    /** Adds to {@code batch}, one of {@link #requests()}, the request to sign {@code event}. */
    static void addRequest(Batch batch, Event event, List<String> patterns, String minedText) {
        SigningRequest r = SigningRequest.of(event, patterns, minedText);
        RouteBytes.Writer out = batch.next();
        EventBytes.writeString(out, r.host());
        EventBytes.writeStrings(out, r.patterns());
        writeParts(out, r);
    }

    /** The requests of a record; one for a record an older Vigil wrote. */
    static List<SigningRequest> readRequests(byte[] bytes) {
        if (isLegacy(bytes)) {
            Event e = EventJson.parse(bytes);
            return List.of(SigningRequest.of(e, List.of(), SignatureMiner.minedText(e)));
        }
        return entries(bytes, REQUEST, REQUESTS, "signing request", in -> new SigningRequest(EventBytes.readString(in),
                EventBytes.readStrings(in), EventBytes.readString(in), EventBytes.readString(in), in.readBoolean(),
                readEventBytes(in)));
    }

    /** Adds to {@code batch}, one of {@link #signedCopies()}, the signed copy of {@code request}'s event: its bytes are copied, not decoded. */
    static void addSigned(Batch batch, SigningRequest request, MinedSignature signature) {
        RouteBytes.Writer out = batch.next();
        EventBytes.writeStrings(out, signature.patterns());
        EventBytes.writeString(out, signature.id());
        EventBytes.writeString(out, signature.template());
        EventBytes.writeStrings(out, signature.replaces());
        writeParts(out, request);
    }

    /** The signed copies of a record, in the order they were added. */
    static List<EngineInput> readSigned(byte[] bytes) {
        if (isLegacy(bytes)) {
            return List.of(readLegacySigned(bytes));
        }
        return entries(bytes, SIGNED, SIGNED_COPIES, "signed event", InternalSerdes::readSignedCopy);
    }

    /** Reads one entry of a record where {@code in} stands. */
    private interface Entry<T> {
        T read(RouteBytes.Reader in) throws IOException;
    }

    /**
     * The entries of a record of kind {@code one} (exactly one entry) or {@code many} (entries to its
     * end), read by {@code entry}; a record of another format or kind, or cut short, throws
     * {@link IllegalArgumentException} naming {@code what}.
     */
    private static <T> List<T> entries(byte[] bytes, byte one, byte many, String what, Entry<T> entry) {
        try {
            RouteBytes.Reader in = open(bytes, one, many);
            List<T> entries = new ArrayList<>(bytes[1] == one ? 1 : 16);
            do {
                entries.add(entry.read(in));
            } while (bytes[1] == many && in.available() > 0);
            return entries;
        } catch (IOException | RuntimeException e) {
            throw unreadable(what, bytes, e);
        }
    }

    private static EngineInput readSignedCopy(RouteBytes.Reader in) throws IOException {
        List<String> patterns = EventBytes.readStrings(in);
        MinedSignature signature = new MinedSignature(EventBytes.readString(in), EventBytes.readString(in),
                EventBytes.readStrings(in), patterns);
        String head = EventBytes.readString(in);
        String minedText = EventBytes.readString(in);
        String message = in.readBoolean() ? head + minedText : head;
        int length = eventLength(in);
        // the event is read where it lies in the record, not copied out first
        RouteBytes.Reader event = new RouteBytes.Reader(in.array(), in.skip(length), length);
        return new EngineInput(EventBytes.read(event, message), signature);
    }

    private static boolean isLegacy(byte[] bytes) {
        return bytes.length > 0 && bytes[0] == JSON_OBJECT;
    }

    private static EngineInput readLegacySigned(byte[] bytes) {
        int split = 0;
        while (split < bytes.length && bytes[split] != NEWLINE) {
            split++;
        }
        Event event = EventJson.parse(Arrays.copyOf(bytes, split));
        if (split >= bytes.length) {
            return EngineInput.unsigned(event);
        }
        try {
            MinedSignature signature = MAPPER.readValue(bytes, split + 1, bytes.length - split - 1, MinedSignature.class);
            return new EngineInput(event, signature);
        } catch (IOException e) {
            throw new IllegalArgumentException("unreadable signature of event id=" + event.id() + ": " + e.getMessage(), e);
        }
    }

    private static void writeParts(RouteBytes.Writer out, SigningRequest request) {
        byte[] event = request.event();
        EventBytes.writeString(out, request.head());
        EventBytes.writeString(out, request.minedText());
        out.writeBoolean(request.tail());
        EventBytes.writeCount(out, event.length);
        out.write(event);
    }

    private static byte[] eventBytes(Event e) {
        RouteBytes.Writer out = new RouteBytes.Writer(256);
        EventBytes.write(e, out);
        return out.toByteArray();
    }

    private static RouteBytes.Reader open(byte[] bytes, byte one, byte many) {
        if (bytes.length < 2 || bytes[0] != FORMAT) {
            throw new IllegalArgumentException("format version " + (bytes.length == 0 ? "none" : String.valueOf(bytes[0]))
                    + ", this Vigil reads " + FORMAT);
        }
        if (bytes[1] != one && bytes[1] != many) {
            throw new IllegalArgumentException("record kind '" + (char) bytes[1] + "', expected '" + (char) one + "' or '"
                    + (char) many + "'");
        }
        return new RouteBytes.Reader(bytes, 2, bytes.length - 2);
    }

    private static byte[] readEventBytes(RouteBytes.Reader in) throws IOException {
        int length = eventLength(in);
        int at = in.skip(length);
        return Arrays.copyOfRange(in.array(), at, at + length);
    }

    private static int eventLength(RouteBytes.Reader in) throws IOException {
        int length = EventBytes.readCount(in);
        if (length < 0 || length > in.available()) {
            throw new IOException("an event of " + length + " bytes in a record of " + in.available() + " more");
        }
        return length;
    }

    private static IllegalArgumentException unreadable(String what, byte[] bytes, Exception e) {
        return new IllegalArgumentException("unreadable " + what + " (" + bytes.length + " bytes): " + e.getMessage(), e);
    }
}
