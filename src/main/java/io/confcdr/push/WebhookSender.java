package io.confcdr.push;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;

/**
 * POSTs a delivery. Redirects are not followed (a 3xx is a failure, so a receiver cannot bounce confcdr to
 * another host); connecting and the answer's status line each have a time limit; the response body is not
 * read at all (well under the 64 KiB bound): only the status decides.
 */
final class WebhookSender {

    private final HttpClient client;
    private final Duration requestTimeout;

    WebhookSender(Duration connectTimeout, Duration requestTimeout) {
        this.client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(connectTimeout)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        this.requestTimeout = requestTimeout;
    }

    SendOutcome send(String url, Map<String, String> headers, byte[] body) {
        long started = System.nanoTime();
        try {
            var request = HttpRequest.newBuilder(URI.create(url))
                    .timeout(requestTimeout)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body));
            headers.forEach(request::header);
            HttpResponse<InputStream> response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            // Only the status decides; the body is closed unread, so a receiver streaming an endless body
            // holds neither memory nor the delivery.
            try (InputStream ignored = response.body()) {
                // closed at once
            } catch (IOException ignored) {
                // The status has already arrived.
            }
            return new SendOutcome.Answered(response.statusCode(), millisSince(started));
        } catch (HttpTimeoutException e) {
            return new SendOutcome.NoAnswer("no answer within " + requestTimeout.toMillis() + " ms", millisSince(started));
        } catch (IOException e) {
            return new SendOutcome.NoAnswer(describe(e), millisSince(started));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new SendOutcome.NoAnswer("interrupted: confcdr is shutting down", millisSince(started));
        } catch (IllegalArgumentException e) {
            return new SendOutcome.NoAnswer("invalid URL", millisSince(started));
        }
    }

    private static String describe(IOException e) {
        String type = e.getClass().getSimpleName();
        return e.getMessage() == null ? type : type + ": " + e.getMessage();
    }

    private static long millisSince(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}
