package dev.pacesetter.leads.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void anAmountIsKeptWithTheCurrencysMinorUnitsAndNeverRoundedSilently() {
        assertNull(new Money(new BigDecimal("12000"), "CNY").problem());
        assertEquals(new BigDecimal("12000.00"), new Money(new BigDecimal("12000"), "CNY").scaled());
        assertEquals(new BigDecimal("500"), new Money(new BigDecimal("500"), "JPY").scaled(), "yen has no minor unit");
        assertEquals("amount has more than 2 decimals for CNY", new Money(new BigDecimal("1.005"), "CNY").problem());
        assertEquals("amount has more than 0 decimals for JPY", new Money(new BigDecimal("1.5"), "JPY").problem());
        assertNull(new Money(new BigDecimal("1.500"), "CNY").problem(), "trailing zeros are not extra precision");
    }

    @Test
    void negativeUnknownAndMissingPartsAreRefusedWithAReason() {
        assertEquals("amount must not be negative", new Money(new BigDecimal("-1"), "CNY").problem());
        assertEquals("currency 'RMB' is not an ISO 4217 code", new Money(BigDecimal.ONE, "RMB").problem());
        assertEquals("currency is required (an ISO 4217 code such as CNY)", new Money(BigDecimal.ONE, null).problem());
        assertEquals("amount is required", new Money(null, "CNY").problem());
        assertEquals("amount is too large", new Money(new BigDecimal("1e20"), "CNY").problem());
    }
}
