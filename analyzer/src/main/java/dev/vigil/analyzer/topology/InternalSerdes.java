package dev.vigil.analyzer.topology;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.analyzer.engine.MinedSignature;
import dev.vigil.patterns.event.Event;
import dev.vigil.patterns.event.EventJson;
import java.io.IOException;
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
 * <p>Layout: format version (byte, {@value #FORMAT}), kind ({@code 'R'} request, {@code 'S'}
 * signed); a request then holds the host and the pattern names, a signed copy the pattern
 * names, the signature id, template and former ids; both go on with the message's header, its
 * mined text, whether the two make the message (a byte), and the rest of the event ({@link EventBytes}, which also gives the encoding of
 * strings and counts). Records an older Vigil wrote (event JSON, and for a signed copy a newline
 * and the signature as JSON) are read too, naming no pattern. Bytes that are neither throw
 * {@link IllegalArgumentException}, for the route to dead-letter.
 */
final class InternalSerdes {
    static final byte FORMAT = 1;
    private static final byte REQUEST = 'R';
    private static final byte SIGNED = 'S';
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

    static byte[] request(Event event, List<String> patterns, String minedText) {
        SigningRequest r = SigningRequest.of(event, patterns, minedText);
        return write(REQUEST, out -> {
            EventBytes.writeString(out, r.host());
            EventBytes.writeStrings(out, r.patterns());
        }, r);
    }

    static SigningRequest readRequest(byte[] bytes) {
        if (isLegacy(bytes)) {
            Event e = EventJson.parse(bytes);
            return SigningRequest.of(e, List.of(), SignatureMiner.minedText(e));
        }
        try {
            RouteBytes.Reader in = open(bytes, REQUEST);
            return new SigningRequest(EventBytes.readString(in), EventBytes.readStrings(in), EventBytes.readString(in),
                    EventBytes.readString(in), in.readBoolean(), readEventBytes(in));
        } catch (IOException | RuntimeException e) {
            throw unreadable("signing request", bytes, e);
        }
    }

    /** The signed copy of {@code request}'s event: its bytes are copied, not decoded. */
    static byte[] signed(SigningRequest request, MinedSignature signature) {
        return write(SIGNED, out -> {
            EventBytes.writeStrings(out, signature.patterns());
            EventBytes.writeString(out, signature.id());
            EventBytes.writeString(out, signature.template());
            EventBytes.writeStrings(out, signature.replaces());
        }, request);
    }

    static EngineInput readSigned(byte[] bytes) {
        if (isLegacy(bytes)) {
            return readLegacySigned(bytes);
        }
        try {
            RouteBytes.Reader in = open(bytes, SIGNED);
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
        } catch (IOException | RuntimeException e) {
            throw unreadable("signed event", bytes, e);
        }
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

    private interface Body {
        void writeTo(RouteBytes.Writer out);
    }

    private static byte[] write(byte kind, Body start, SigningRequest request) {
        byte[] event = request.event();
        RouteBytes.Writer out = new RouteBytes.Writer(event.length + 2 * (request.head().length() + request.minedText().length()) + 128);
        out.writeByte(FORMAT);
        out.writeByte(kind);
        start.writeTo(out);
        EventBytes.writeString(out, request.head());
        EventBytes.writeString(out, request.minedText());
        out.writeBoolean(request.tail());
        EventBytes.writeCount(out, event.length);
        out.write(event);
        return out.toByteArray();
    }

    private static byte[] eventBytes(Event e) {
        RouteBytes.Writer out = new RouteBytes.Writer(256);
        EventBytes.write(e, out);
        return out.toByteArray();
    }

    private static RouteBytes.Reader open(byte[] bytes, byte kind) {
        if (bytes.length < 2 || bytes[0] != FORMAT) {
            throw new IllegalArgumentException("format version " + (bytes.length == 0 ? "none" : String.valueOf(bytes[0]))
                    + ", this Vigil reads " + FORMAT);
        }
        if (bytes[1] != kind) {
            throw new IllegalArgumentException("record kind '" + (char) bytes[1] + "', expected '" + (char) kind + "'");
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
