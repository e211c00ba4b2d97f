package dev.pacesetter.platform.api.money;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

class MoneyTest {

    private static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    @Test
    void aSplitAddsUpToTheWholeToTheCent() {
        List<Money> thirds = new Money(d("100.00"), "CNY").allocate(List.of(BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE));
        assertEquals(List.of(d("33.34"), d("33.33"), d("33.33")), thirds.stream().map(Money::amount).toList());
        List<Money> pool = new Money(d("10000.01"), "CNY").allocate(List.of(d("0.5"), d("0.3"), d("0.2")));
        assertEquals(List.of(d("5000.01"), d("3000.00"), d("2000.00")), pool.stream().map(Money::amount).toList());
        assertEquals(d("10000.01"), pool.stream().map(Money::amount).reduce(BigDecimal.ZERO, BigDecimal::add));
        List<Money> yen = new Money(d("1000"), "JPY").allocate(List.of(d("1"), d("2"), d("4")));
        assertEquals(List.of(d("143"), d("286"), d("571")), yen.stream().map(Money::amount).toList());
    }

    @Test
    void leftoverCentsGoToThePartsThatLostMostToRounding() {
        List<Money> parts = new Money(d("0.05"), "CNY").allocate(List.of(d("0.30"), d("0.36"), d("0.34")));
        assertEquals(List.of(d("0.01"), d("0.02"), d("0.02")), parts.stream().map(Money::amount).toList());
    }

    @Test
    void anAmountIsKeptWithTheCurrencysMinorUnitsAndNeverRoundedSilently() {
        assertEquals(d("12000.00"), new Money(d("12000"), "CNY").scaled());
        assertEquals(d("500"), new Money(d("500"), "JPY").scaled(), "yen has no minor unit");
        assertEquals("amount has more than 0 decimals for JPY", new Money(d("1.5"), "JPY").problem());
        assertNull(new Money(d("1.500"), "CNY").problem(), "trailing zeros are not extra precision");
        assertEquals("amount must not be negative", new Money(d("-1"), "CNY").problem());
        assertEquals("currency is required (an ISO 4217 code such as CNY)", new Money(BigDecimal.ONE, null).problem());
        assertEquals("amount is required", new Money(null, "CNY").problem());
        assertEquals("amount is too large", new Money(d("1e20"), "CNY").problem());
    }

    @Test
    void badWeightsAndAmountsAreRefused() {
        Money m = new Money(d("1.00"), "CNY");
        assertThrows(IllegalArgumentException.class, () -> m.allocate(List.of(BigDecimal.ZERO)));
        assertThrows(IllegalArgumentException.class, () -> m.allocate(List.of(d("-1"), d("2"))));
        assertNull(m.problem());
        assertEquals("amount has more than 2 decimals for CNY", new Money(d("1.001"), "CNY").problem());
        assertEquals("currency 'RMB' is not an ISO 4217 code", new Money(d("1"), "RMB").problem());
    }
}
