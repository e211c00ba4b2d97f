package dev.pacesetter.kernel.internal.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class SecretRedactorTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void blanksSecretLookingFieldsAtAnyDepthAndKeepsTheRest() throws Exception {
        JsonNode record = json.readTree("""
                {"name":"crm","apiToken":"psa_abc","owner":{"passwordHash":"pbkdf2$x","displayName":"Li"},
                 "webhooks":[{"url":"https://x","signingSecret":"s3cr3t"}],"clientSecret":null}""");
        String redacted = SecretRedactor.redact(record).toString();
        assertEquals("{\"name\":\"crm\",\"apiToken\":\"[redacted]\",\"owner\":{\"passwordHash\":\"[redacted]\",\"displayName\":\"Li\"},"
                + "\"webhooks\":[{\"url\":\"https://x\",\"signingSecret\":\"[redacted]\"}],\"clientSecret\":null}", redacted);
    }
}
