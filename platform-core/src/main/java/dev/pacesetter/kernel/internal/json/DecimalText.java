package dev.pacesetter.kernel.internal.json;

import java.io.IOException;
import java.math.BigDecimal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdScalarSerializer;

/**
 * Decimals (money) travel as JSON strings, {@code "120000.00"}: a JavaScript client would turn a JSON number
 * into a binary double and lose cents. Numbers are accepted on input too; any other text is refused.
 */
final class DecimalText {

    private DecimalText() {
    }

    static SimpleModule module() {
        SimpleModule module = new SimpleModule("decimal-text");
        module.addSerializer(BigDecimal.class, new StdScalarSerializer<>(BigDecimal.class) {
            @Override
            public void serialize(BigDecimal value, JsonGenerator out, SerializerProvider provider) throws IOException {
                out.writeString(value.toPlainString());
            }
        });
        module.addDeserializer(BigDecimal.class, new StdScalarDeserializer<>(BigDecimal.class) {
            @Override
            public BigDecimal deserialize(JsonParser in, DeserializationContext context) throws IOException {
                JsonToken token = in.currentToken();
                if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
                    return in.getDecimalValue();
                }
                if (token == JsonToken.VALUE_STRING) {
                    String text = in.getText().strip();
                    if (text.matches("-?\\d{1,30}(\\.\\d{1,20})?")) {
                        return new BigDecimal(text);
                    }
                }
                return (BigDecimal) context.handleUnexpectedToken(BigDecimal.class, in);
            }
        });
        return module;
    }
}
