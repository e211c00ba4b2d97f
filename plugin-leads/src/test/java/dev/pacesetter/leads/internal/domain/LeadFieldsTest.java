package dev.pacesetter.leads.internal.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.pacesetter.leads.api.BudgetStatus;
import dev.pacesetter.leads.api.DecisionRole;
import dev.pacesetter.leads.api.Intent;
import dev.pacesetter.platform.api.http.FieldError;
import dev.pacesetter.platform.api.money.Money;
import dev.pacesetter.platform.api.i18n.Language;
import dev.pacesetter.platform.api.i18n.TestTexts;

class LeadFieldsTest {

    private static LeadFields.LeadBody body(String intent, String budgetStatus, LeadFields.BudgetBody budget, String decisionRole) {
        return new LeadFields.LeadBody(null, "Zhang Wei", null, "13844342806", null, null, null, intent, budgetStatus, budget, decisionRole, null, null);
    }

    @Test
    void everyBadEnumAndAmountIsReportedNotOnlyTheFirst() {
        LeadFields.Read read = LeadFields.input(body("SCORCHING", "maybe", new LeadFields.BudgetBody("lots", "CNY"), "boss"));
        assertEquals(List.of("intent", "budgetStatus", "decisionRole", "budget"), read.problems().stream().map(FieldError::field).toList());
        assertTrue(TestTexts.render(read.problems().get(3).text(), Language.EN).contains("'lots' is not an amount"), read.problems().toString());
        assertEquals("“SCORCHING”不是可选的值，请填写以下之一：LOW, MEDIUM, HIGH（或中文：低, 中, 高）", TestTexts.render(read.problems().get(0).text(), Language.ZH_CN));
    }

    @Test
    void chineseValuesAndChineseAmountsAreRead() {
        LeadFields.Read read = LeadFields.input(body("高", "已确认", new LeadFields.BudgetBody("147万", "CNY"), "决策人"));
        assertTrue(read.problems().isEmpty(), read.problems().toString());
        assertEquals(Intent.HIGH, read.input().intent());
        assertEquals(BudgetStatus.CONFIRMED, read.input().budgetStatus());
        assertEquals(DecisionRole.DECISION_MAKER, read.input().decisionRole());
        assertEquals(new Money(new BigDecimal("1470000"), "CNY"), read.input().budget());
        Money yuan = LeadFields.input(body(null, null, new LeadFields.BudgetBody("¥12,000.50", null), null)).input().budget();
        assertEquals(new Money(new BigDecimal("12000.50"), "CNY"), yuan, "¥ names the currency when none is given");
        Money number = LeadFields.input(body(null, null, new LeadFields.BudgetBody(new BigDecimal("120000.00"), "cny"), null)).input().budget();
        assertEquals(new Money(new BigDecimal("120000.00"), "CNY"), number, "JSON numbers are still accepted");
    }

    @Test
    void aBudgetAmountWithoutAStatusIsAConfirmedBudgetNotNone() {
        LeadFields.Read read = LeadFields.input(body("HIGH", null, new LeadFields.BudgetBody("50000", "CNY"), "DECISION_MAKER"));
        assertEquals(BudgetStatus.CONFIRMED, read.input().budgetStatus());
        assertEquals(BudgetStatus.UNCONFIRMED, LeadFields.input(body(null, "UNCONFIRMED", new LeadFields.BudgetBody("50000", "CNY"), null))
                .input().budgetStatus(), "an explicit status stands");
        assertNull(LeadFields.input(body(null, null, new LeadFields.BudgetBody("0", "CNY"), null)).input().budgetStatus(), "zero is no budget");
        assertNull(LeadFields.input(body(null, null, null, null)).input().budgetStatus());
        assertEquals(GradingRules.plan().grade(read.input().gradingInputs()).grade(), dev.pacesetter.leads.api.Grade.A);
    }
}
