package dev.pacesetter.leads.internal.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.pacesetter.leads.api.BudgetStatus;
import dev.pacesetter.leads.api.DecisionRole;
import dev.pacesetter.leads.api.Intent;
import dev.pacesetter.leads.internal.domain.LeadInput;
import dev.pacesetter.leads.internal.domain.Normalizer;
import dev.pacesetter.leads.internal.importing.ImportColumns.Column;
import dev.pacesetter.platform.api.i18n.Language;
import dev.pacesetter.platform.api.i18n.TestTexts;

class ImportColumnsTest {

    private static final ImportRowMapper.Lookups LOOKUPS = new ImportRowMapper.Lookups() {
        private final Map<String, Long> channels = Map.of("trade show", 7L, "7", 7L);
        private final Map<String, Long> users = Map.of("rep1", 11L, "11", 11L);

        @Override
        public Optional<Long> channel(String idOrName) {
            return Optional.ofNullable(channels.get(Normalizer.nameKey(idOrName)));
        }

        @Override
        public Optional<Long> user(String idOrUsername) {
            return Optional.ofNullable(users.get(idOrUsername));
        }
    };

    @Test
    void headerNamesIgnoreCaseSpacingAndUnderscores() {
        ImportColumns columns = ImportColumns.of(List.of("Person Name", "E-MAIL", "phone", "budget_amount", "BudgetCurrency", "ownerId")).columns();
        assertNotNull(columns);
        assertTrue(columns.has(Column.PERSON_NAME) && columns.has(Column.EMAIL) && columns.has(Column.BUDGET_AMOUNT) && columns.has(Column.OWNER));
        assertEquals("x@y.cn", columns.value(List.of("Li", " x@y.cn ", "", "1", "CNY", "rep1"), Column.EMAIL));
        assertNull(columns.value(List.of("Li", "x@y.cn", "  ", "1", "CNY", "rep1"), Column.PHONE), "blank is absent");
    }

    @Test
    void unknownRepeatedAndMissingColumnsAreNamed() {
        ImportColumns.Result result = ImportColumns.of(List.of("personName", "emial", "personname", "fax"));
        assertNull(result.columns());
        String all = TestTexts.render(ImportColumns.together(result.problems()), Language.EN);
        assertTrue(all.contains("emial") && all.contains("fax"), all);
        assertTrue(all.contains("given twice"), all);
        assertTrue(all.contains("email/phone"), all);
        String chinese = TestTexts.render(ImportColumns.together(result.problems()), Language.ZH_CN);
        assertTrue(chinese.contains("未知的列：emial, fax") && chinese.contains("重复的列"), chinese);
        assertTrue(ImportColumns.of(List.of("phone")).problems().toString().contains("personName"));
    }

    @Test
    void mapsARowWithEnumsTagsBudgetChannelAndOwner() throws Exception {
        ImportColumns columns = ImportColumns.of(List.of("externalId", "personName", "phone", "channel", "tags", "intent", "budgetStatus",
                "budgetAmount", "budgetCurrency", "decisionRole", "owner")).columns();
        ImportRowMapper mapper = new ImportRowMapper(columns, LOOKUPS);
        ImportRowMapper.Mapped mapped = mapper.map(List.of("crm-1", "张伟", "'+86 138 0013 8000", "Trade  Show", "high intent; budget confirmed|vip",
                "high", "confirmed", "120000.00", "cny", "decision maker", "rep1"));
        assertEquals(List.of(), mapped.problems());
        LeadInput in = mapped.input();
        assertEquals("+86 138 0013 8000", in.phone(), "the export's formula guard is undone");
        assertEquals(7L, in.channelId());
        assertEquals(List.of("high intent", "budget confirmed", "vip"), in.tags());
        assertEquals(Intent.HIGH, in.intent());
        assertEquals(BudgetStatus.CONFIRMED, in.budgetStatus());
        assertEquals(DecisionRole.DECISION_MAKER, in.decisionRole());
        assertEquals(new BigDecimal("120000.00"), in.budget().amount());
        assertEquals("CNY", in.budget().currency());
        assertEquals(11L, in.ownerId());
    }

    @Test
    void rowProblemsNameTheCsvColumn() throws Exception {
        ImportColumns columns = ImportColumns.of(List.of("personName", "email", "channel", "intent", "budgetAmount", "budgetCurrency", "owner"))
                .columns();
        ImportRowMapper mapper = new ImportRowMapper(columns, LOOKUPS);
        ImportRowMapper.Mapped bad = mapper.map(List.of("", "not-an-email", "Billboard", "scorching", "-5", "CNY", "nobody"));
        assertNull(bad.input());
        List<String> fields = bad.problems().stream().map(p -> p.field()).toList();
        assertTrue(fields.containsAll(List.of("personName", "email", "channel", "intent", "owner")), fields.toString());
        assertEquals(List.of("row"), mapper.map(List.of("only", "two")).problems().stream().map(p -> p.field()).toList());
        assertEquals(List.of("budgetAmount"), mapper.map(List.of("X", "x@y.cn", "", "", "12k", "", "")).problems().stream().map(p -> p.field()).toList());
        assertEquals(List.of("budgetAmount"), mapper.map(List.of("X", "x@y.cn", "", "", "-5", "CNY", "")).problems().stream().map(p -> p.field()).toList());
    }
}
