package dev.pacesetter.kernel.internal.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How deliveries are signed: {@code Pacesetter-Signature: v1=<hex>}, the lower-case hex HMAC-SHA256 of
 * {@code <Pacesetter-Timestamp>.<body>} keyed with the webhook's secret (its UTF-8 bytes, prefix
 * included). Signing the timestamp with the body lets a receiver refuse replays of old deliveries.
 */
final class WebhookSignature {

    static final String EVENT_ID = "Pacesetter-Event-Id";
    static final String TOPIC = "Pacesetter-Topic";
    static final String DELIVERY_ID = "Pacesetter-Delivery-Id";
    static final String ATTEMPT = "Pacesetter-Attempt";
    static final String TIMESTAMP = "Pacesetter-Timestamp";
    static final String SIGNATURE = "Pacesetter-Signature";
    static final String SCHEME = "v1";
    static final String SECRET_PREFIX = "whsec_";

    private WebhookSignature() {
    }

    /** The header value for {@code body} sent at {@code epochSeconds}. */
    static String sign(String secret, long epochSeconds, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((epochSeconds + ".").getBytes(StandardCharsets.UTF_8));
            return SCHEME + "=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /** A new secret: 256 random bits, hex, with a recognisable prefix. */
    static String newSecret(SecureRandom random) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return SECRET_PREFIX + HexFormat.of().formatHex(bytes);
    }
}
