package dev.pacesetter.kernel.internal.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    void datesOutsideTheYears1900To9999AreRefusedOnTheirField() {
        for (String when : List.of("+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z", "+10000-01-01T00:00:00Z",
                "1899-12-31T23:59:59Z", "0000-01-01T00:00:00Z")) {
            ApiException e = assertThrows(ApiException.class, () -> read("{\"closesAt\":\"" + when + "\"}"), when);
            assertEquals("validation_failed", e.code(), when);
            assertEquals("closesAt", onlyField(e).field());
            assertEquals("field.temporal", onlyField(e).text().key(), "said in the caller's language: years 1900 to 9999");
        }
        assertEquals(Instant.parse("9999-12-31T23:59:59Z"), read("{\"closesAt\":\"9999-12-31T23:59:59Z\"}").closesAt());
        assertEquals(Instant.parse("1900-01-01T00:00:00Z"), read("{\"closesAt\":\"1900-01-01T00:00:00Z\"}").closesAt());
    }

    record Dated(java.time.LocalDate day, java.time.OffsetDateTime at) {
    }

    @Test
    void localDatesAndOffsetTimesAreBoundedToo() {
        assertThrows(ApiException.class, () -> json.read("{\"day\":\"+20000-01-01\"}".getBytes(StandardCharsets.UTF_8), Dated.class));
        assertThrows(ApiException.class, () -> json.read("{\"at\":\"+999999999-12-31T23:59:59+08:00\"}".getBytes(StandardCharsets.UTF_8),
                Dated.class));
        assertEquals(java.time.LocalDate.of(2026, 3, 1), json.read("{\"day\":\"2026-03-01\"}".getBytes(StandardCharsets.UTF_8), Dated.class).day());
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
