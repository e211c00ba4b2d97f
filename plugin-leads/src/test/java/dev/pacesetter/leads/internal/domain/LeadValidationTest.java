package dev.pacesetter.leads.internal.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.pacesetter.platform.api.http.FieldError;
import dev.pacesetter.platform.api.money.Money;

class LeadValidationTest {

    private static LeadInput lead(String name, String phone, String email, Money budget) {
        return new LeadInput(null, name, null, phone, email, null, null, null, null, budget, null, null, null);
    }

    private static List<String> fields(LeadInput in) {
        return LeadValidation.problems(in).stream().map(FieldError::field).toList();
    }

    @Test
    void aLeadNeedsANameAndAWayToReachIt() {
        assertTrue(fields(lead("Zhang Wei", "13800138000", null, null)).isEmpty());
        assertTrue(fields(lead("Zhang Wei", null, "zw@example.com", null)).isEmpty());
        assertEquals(List.of("personName", "email"), fields(lead(" ", null, null, null)));
    }

    @Test
    void fullWidthContactDetailsAreAccepted() {
        assertTrue(fields(lead("李娜", "＋８６　１３９－００００－１１１１", "ｌｉ＠ｅｘａｍｐｌｅ．ｃｎ", null)).isEmpty());
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        List<String> problems = fields(lead("X", "call me", "no-at-sign", new Money(new BigDecimal("-3"), "CNY")));
        assertEquals(List.of("email", "phone", "budget"), problems);
    }
}
