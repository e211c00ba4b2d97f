package dev.pacesetter.kernel.internal.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    private static final byte[] BODY = "{\"id\":\"e1\",\"payload\":{\"n\":1}}".getBytes(StandardCharsets.UTF_8);

    @Test
    void signsTimestampDotBodyWithHmacSha256AsOpenSslDoes() {
        // printf '%s' '1700000000.{"id":"e1","payload":{"n":1}}' | openssl dgst -sha256 -hmac 'whsec_0123456789abcdef'
        assertEquals("v1=69ec1e916f7359e83927cb02066d4fc84a687124dc12d835c94e34099d81cb4a",
                WebhookSignature.sign("whsec_0123456789abcdef", 1_700_000_000L, BODY));
    }

    @Test
    void anotherTimestampSecretOrBodyGivesAnotherSignature() {
        String signature = WebhookSignature.sign("whsec_a", 1_700_000_000L, BODY);
        assertNotEquals(signature, WebhookSignature.sign("whsec_a", 1_700_000_001L, BODY), "a replayed body with a new timestamp");
        assertNotEquals(signature, WebhookSignature.sign("whsec_b", 1_700_000_000L, BODY));
        assertNotEquals(signature, WebhookSignature.sign("whsec_a", 1_700_000_000L, "{}".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void secretsAre256RandomBitsWithAPrefix() {
        SecureRandom random = new SecureRandom();
        String secret = WebhookSignature.newSecret(random);
        assertTrue(secret.matches("whsec_[0-9a-f]{64}"), secret);
        assertNotEquals(secret, WebhookSignature.newSecret(random));
    }
}
