package dev.pacesetter.kernel.internal.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.pacesetter.platform.api.http.ApiException;
import dev.pacesetter.platform.api.http.FieldError;
import dev.pacesetter.platform.api.i18n.Message;

class JsonCodecTest {

    enum Grade { A, B, C }

    record Member(String user, BigDecimal weight) {
    }

    record Deal(String name, BigDecimal amount, Grade grade, List<Member> members, Instant closesAt) {
    }

    private final JsonCodec json = new JsonCodec();

    private Deal read(String body) {
        return json.read(body.getBytes(StandardCharsets.UTF_8), Deal.class);
    }

    @SuppressWarnings("unchecked")
    private static FieldError onlyField(ApiException e) {
        List<FieldError> fields = (List<FieldError>) ((Map<String, Object>) e.details()).get("fields");
        assertEquals(1, fields.size());
        return fields.get(0);
    }

    @Test
    void bindsNumbersAsExactDecimalsAndDatesAsIso() {
        Deal deal = read("{\"name\":\"x\",\"amount\":1234.10,\"grade\":\"A\",\"closesAt\":\"2026-12-01T00:00:00Z\"}");
        assertEquals(new BigDecimal("1234.10"), deal.amount());
        assertEquals(Instant.parse("2026-12-01T00:00:00Z"), deal.closesAt());
    }

    @Test
    void brokenJsonIsMalformedWithItsPosition() {
        ApiException e = assertThrows(ApiException.class, () -> read("{\"name\": \"x\",,}"));
        assertEquals("malformed_json", e.code());
        assertEquals(Message.of("error.malformed_json.at", 1, 14), e.text().orElseThrow());
    }

    @Test
    void aNestedFieldOfTheWrongTypeIsNamedByItsPath() {
        ApiException e = assertThrows(ApiException.class, () -> read("{\"members\":[{\"user\":\"a\",\"weight\":0.5},{\"user\":\"b\",\"weight\":\"half\"}]}"));
        assertEquals(new FieldError("members[1].weight", Message.of("field.decimal")), onlyField(e));
    }

    @Test
    void anUnknownEnumValueListsTheAllowedOnes() {
        ApiException e = assertThrows(ApiException.class, () -> read("{\"grade\":\"D\"}"));
        assertEquals(new FieldError("grade", Message.of("field.one_of", "[A, B, C]")), onlyField(e));
    }

    @Test
    void decimalsAreTakenFromStringsExactlyButOtherTextIsRefused() {
        assertEquals(new BigDecimal("12.30"), read("{\"amount\":\"12.30\"}").amount());
        assertEquals("amount", onlyField(assertThrows(ApiException.class, () -> read("{\"amount\":\"12,30\"}"))).field());
        assertEquals("amount", onlyField(assertThrows(ApiException.class, () -> read("{\"amount\":\"1e9\"}"))).field());
    }

    @Test
    void aBodyThatIsNotAnObjectIsMalformed() {
        assertEquals("malformed_json", assertThrows(ApiException.class, () -> read("[1,2]")).code());
        assertEquals("missing_body", assertThrows(ApiException.class, () -> read("null")).code());
    }

    @Test
    void decimalsAreWrittenAsPlainStrings() {
        assertEquals("{\"v\":\"10000000\"}", new String(json.write(Map.of("v", new BigDecimal("1E+7"))), StandardCharsets.UTF_8));
    }
}
