package dev.pacesetter.kernel.internal.webhooks;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

/**
 * Makes one attempt: checks the target against the SSRF rule again (its DNS may have changed since it
 * was saved), then POSTs the body with the signature headers. Redirects are not followed (a 3xx is a
 * failure: following it would reach a URL nobody checked); the response body is never read.
 */
final class WebhookSender {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private final TargetGuard guard;
    private final Clock clock;
    private final String userAgent;
    private final HttpClient client;

    WebhookSender(TargetGuard guard, Clock clock, String userAgent) {
        this.guard = guard;
        this.clock = clock;
        this.userAgent = userAgent;
        this.client = HttpClient.newBuilder()
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    AttemptOutcome send(DueDelivery delivery) {
        long began = System.nanoTime();
        URI target;
        try {
            target = guard.check(delivery.url());
        } catch (TargetRefused refused) {
            return new AttemptOutcome(null, "target refused: " + refused.getMessage(), elapsed(began));
        }
        byte[] body = delivery.body().getBytes(StandardCharsets.UTF_8);
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(target)
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .header("User-Agent", userAgent)
                .header(WebhookSignature.EVENT_ID, delivery.eventId())
                .header(WebhookSignature.TOPIC, delivery.topic())
                .header(WebhookSignature.DELIVERY_ID, Long.toString(delivery.id()))
                .header(WebhookSignature.ATTEMPT, Integer.toString(delivery.totalAttempts() + 1))
                .header(WebhookSignature.TIMESTAMP, Long.toString(timestamp))
                .header(WebhookSignature.SIGNATURE, WebhookSignature.sign(delivery.secret(), timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        try {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            response.body().close(); // unread: a receiver's answer is not ours to keep, and may be endless
            int status = response.statusCode();
            String error = status >= 200 && status < 300 ? null : "HTTP " + status + (status >= 300 && status < 400 ? " (redirects are not followed)" : "");
            return new AttemptOutcome(status, error, elapsed(began));
        } catch (HttpTimeoutException e) {
            return new AttemptOutcome(null, "timed out: " + e.getMessage(), elapsed(began));
        } catch (IOException e) {
            return new AttemptOutcome(null, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()), elapsed(began));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new AttemptOutcome(null, "interrupted: the node is stopping", elapsed(began));
        }
    }

    private static long elapsed(long began) {
        return (System.nanoTime() - began) / 1_000_000;
    }
}
