package dev.vigil.analyzer.sink;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * POSTs JSON to an HTTP service and sorts its failures for the {@link SinkRunner}: 2xx is
 * accepted; 5xx, 408, 429, timeouts and connection errors are retryable; any other status is
 * permanent (the service refused the content).
 */
public final class HttpDelivery {
    /** Longest a service may take to answer one request, by default. */
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final int MAX_BODY_IN_MESSAGE = 300;

    private final HttpClient client;
    private final Duration timeout;

    public HttpDelivery() {
        this(REQUEST_TIMEOUT);
    }

    /** Connecting and each answer may take up to {@code timeout}; longer is a retryable failure. */
    public HttpDelivery(Duration timeout) {
        this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.timeout = timeout;
    }

    /** POSTs {@code body} as JSON with extra {@code headers}; returns when the service answered 2xx. */
    public void postJson(URI uri, byte[] body, Map<String, String> headers) throws SinkException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", "vigil")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        HttpResponse<String> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw SinkException.retryable("POST " + uri + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw SinkException.retryable("interrupted while posting to " + uri, e);
        }
        int status = response.statusCode();
        if (status / 100 == 2) {
            return;
        }
        String message = "POST " + uri + " answered HTTP " + status + ": " + shorten(response.body());
        if (status >= 500 || status == 408 || status == 429) {
            throw SinkException.retryable(message, null);
        }
        throw SinkException.permanent(message);
    }

    private static String shorten(String body) {
        String oneLine = body == null ? "" : body.strip().replaceAll("\\s+", " ");
        return oneLine.length() <= MAX_BODY_IN_MESSAGE ? oneLine : oneLine.substring(0, MAX_BODY_IN_MESSAGE) + "…";
    }
}
