package dev.pacesetter.leads.internal.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.pacesetter.leads.api.BudgetStatus;
import dev.pacesetter.leads.api.DecisionRole;
import dev.pacesetter.leads.api.Intent;
import dev.pacesetter.leads.api.LeadStatus;
import dev.pacesetter.platform.api.i18n.Message;

class LeadVocabularyTest {

    @Test
    void chineseWordsAndEnglishCodesNameTheSameValues() {
        assertEquals(Optional.of(Intent.HIGH), LeadVocabulary.parse(Intent.class, "高"));
        assertEquals(Optional.of(Intent.MEDIUM), LeadVocabulary.parse(Intent.class, " 中 "));
        assertEquals(Optional.of(Intent.LOW), LeadVocabulary.parse(Intent.class, "低"));
        assertEquals(Optional.of(Intent.HIGH), LeadVocabulary.parse(Intent.class, "high"));
        assertEquals(Optional.of(DecisionRole.DECISION_MAKER), LeadVocabulary.parse(DecisionRole.class, "决策人"));
        assertEquals(Optional.of(DecisionRole.DECISION_MAKER), LeadVocabulary.parse(DecisionRole.class, "decision maker"));
        assertEquals(Optional.of(DecisionRole.INFLUENCER), LeadVocabulary.parse(DecisionRole.class, "影响者"));
        assertEquals(Optional.of(DecisionRole.UNKNOWN), LeadVocabulary.parse(DecisionRole.class, "未知"));
        assertEquals(Optional.of(BudgetStatus.CONFIRMED), LeadVocabulary.parse(BudgetStatus.class, "已确认"));
        assertEquals(Optional.of(BudgetStatus.UNCONFIRMED), LeadVocabulary.parse(BudgetStatus.class, "未确认"));
        assertEquals(Optional.of(BudgetStatus.NONE), LeadVocabulary.parse(BudgetStatus.class, "无"));
        assertEquals(Optional.of(LeadStatus.CONTACTED), LeadVocabulary.parse(LeadStatus.class, "已联系"));
        assertEquals(Optional.of(TouchKind.CALL), LeadVocabulary.parse(TouchKind.class, "电话"));
        assertEquals(Optional.of(TouchOutcome.REACHED), LeadVocabulary.parse(TouchOutcome.class, "接通"));
        assertEquals(Optional.of(ChannelKind.TRADE_SHOW), LeadVocabulary.parse(ChannelKind.class, "展会"));
    }

    @Test
    void aWordOfAnotherEnumOrGarbageNamesNothing() {
        assertTrue(LeadVocabulary.parse(Intent.class, "决策人").isEmpty());
        assertTrue(LeadVocabulary.parse(Intent.class, "SCORCHING").isEmpty());
        assertTrue(LeadVocabulary.parse(Intent.class, " ").isEmpty());
        assertEquals(Message.of("field.not-one-of.or", "SCORCHING", "LOW, MEDIUM, HIGH", "低, 中, 高"), LeadVocabulary.notOneOf(Intent.class, "SCORCHING"));
    }
}
