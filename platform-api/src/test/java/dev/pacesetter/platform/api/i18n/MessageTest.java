package dev.pacesetter.platform.api.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

class MessageTest {

    @Test
    void aMessageSurvivesBeingStoredAsJson() {
        Message message = Message.of("lead.sla.body", "王芳 \"A\"\n", 24, new BigDecimal("1.50"), true,
                Message.of("grade.A"), 3_000_000_000L);
        Message back = Message.fromJson(message.toJson());
        assertEquals(message, back);
        assertEquals(List.of("王芳 \"A\"\n", 24L, new BigDecimal("1.50"), true, Message.of("grade.A"), 3_000_000_000L), back.args());
    }

    @Test
    void wholeDecimalsStayDecimals() {
        assertEquals(Message.of("k", new BigDecimal("2")), Message.fromJson(Message.of("k", new BigDecimal("2")).toJson()));
        assertEquals(new BigDecimal("2.5"), Message.fromJson(Message.of("k", 2.5d).toJson()).args().get(0));
    }

    @Test
    void nullArgumentsAreEmptyTexts() {
        assertEquals(List.of(""), Message.of("k", (Object) null).args());
    }

    @Test
    void otherArgumentTypesAreRefusedWhenTheMessageIsMade() {
        assertThrows(IllegalArgumentException.class, () -> Message.of("k", new Object()));
        assertThrows(IllegalArgumentException.class, () -> Message.of("bad key"));
    }

    @Test
    void malformedJsonIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Message.fromJson("{\"args\":[]}"));
        assertThrows(IllegalArgumentException.class, () -> Message.fromJson("{\"key\":\"k\",\"args\":[}"));
        assertThrows(IllegalArgumentException.class, () -> Message.fromJson("{\"key\":\"k\"} x"));
    }

    @Test
    void escapedUnicodeIsRead() {
        assertEquals(Message.of("k", "线索"), Message.fromJson("{ \"key\" : \"k\", \"args\" : [ \"\\u7ebf\\u7d22\" ] }"));
    }
}
