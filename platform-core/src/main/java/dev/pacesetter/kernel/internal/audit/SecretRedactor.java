package dev.pacesetter.kernel.internal.audit;

import java.util.Iterator;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * Blanks every field whose name looks like a secret, at any depth, so that a plugin that hands the
 * audit trail a whole record cannot leak a password, token or key into it.
 */
final class SecretRedactor {

    static final TextNode REDACTED = TextNode.valueOf("[redacted]");
    private static final Pattern SECRET = Pattern.compile("(?i).*(password|passwd|secret|token|hash|digest|credential|apikey|api_key|private).*");

    private SecretRedactor() {
    }

    static boolean isSecret(String fieldName) {
        return SECRET.matcher(fieldName).matches();
    }

    /** Redacts in place and returns {@code node}. */
    static JsonNode redact(JsonNode node) {
        if (node instanceof ObjectNode object) {
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (isSecret(field.getKey())) {
                    if (!field.getValue().isNull()) {
                        field.setValue(REDACTED);
                    }
                } else {
                    redact(field.getValue());
                }
            }
        } else if (node != null && node.isArray()) {
            node.forEach(SecretRedactor::redact);
        }
        return node;
    }
}
