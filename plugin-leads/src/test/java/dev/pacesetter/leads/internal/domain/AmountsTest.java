package dev.pacesetter.leads.internal.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import dev.pacesetter.platform.api.i18n.Language;
import dev.pacesetter.platform.api.i18n.TestTexts;

class AmountsTest {

    private static BigDecimal value(String text) throws Amounts.NotAnAmount {
        return Amounts.parse(text).value();
    }

    @Test
    void chineseUnitsAreExactMultiples() throws Exception {
        assertEquals(new BigDecimal("1470000"), value("147万"));
        assertEquals(new BigDecimal("120000000"), value("1.2亿"));
        assertEquals(new BigDecimal("12345"), value("1.2345万"), "exact, no binary float in between");
        assertEquals(new BigDecimal("5000"), value("0.5万"));
        assertEquals(new BigDecimal("1470000"), value("147 万元"));
        assertEquals(new BigDecimal("1000000000000"), value("1万亿"));
    }

    @Test
    void groupingFullWidthAndCurrencySignsAreRead() throws Exception {
        assertEquals(new BigDecimal("12000"), value("12,000"));
        assertEquals(new BigDecimal("1234567.89"), value("1,234,567.89"));
        assertEquals(new BigDecimal("12000"), value("１２０００"));
        assertEquals(new BigDecimal("12000"), value("１２，０００"));
        Amounts.Amount yuan = Amounts.parse("¥12,000.50");
        assertEquals(new BigDecimal("12000.50"), yuan.value());
        assertEquals("CNY", yuan.currencyHint());
        assertEquals("CNY", Amounts.parse("￥１２０００").currencyHint(), "the full-width yen sign too");
        assertEquals("CNY", Amounts.parse("12000元").currencyHint());
        assertNull(Amounts.parse("120000.00").currencyHint());
        assertEquals("CNY", Amounts.parse("147万").currencyHint(), "万 and 亿 are written for yuan");
        assertEquals("CNY", Amounts.parse("1.2亿").currencyHint());
        assertEquals(new BigDecimal("120000.00"), value("120000.00"));
    }

    @Test
    void garbageAndNegativesAreRefusedWithAMessage() {
        for (String bad : new String[] {"lots", "12,00", "1,2,3", "12.000.5", "万", "1.2亿万", "12e5", "", "0x10", "12 000 000 000 000 000 000 000 000 000 000 000 000"}) {
            assertThrows(Amounts.NotAnAmount.class, () -> Amounts.parse(bad), bad);
        }
        Amounts.NotAnAmount negative = assertThrows(Amounts.NotAnAmount.class, () -> Amounts.parse("-5"));
        assertTrue(negative.getMessage().contains("negative"), negative.getMessage());
        assertThrows(Amounts.NotAnAmount.class, () -> Amounts.parse("¥-5"));
        Amounts.NotAnAmount garbage = assertThrows(Amounts.NotAnAmount.class, () -> Amounts.parse("lots"));
        assertTrue(TestTexts.render(garbage.text(), Language.EN).contains("147万"), "says what is expected: " + garbage.getMessage());
        assertEquals("“lots”不是可识别的金额，请写成 120000.00、12,000、147万、1.2亿 或 ¥12,000.50", TestTexts.render(garbage.text(), Language.ZH_CN));
    }
}
