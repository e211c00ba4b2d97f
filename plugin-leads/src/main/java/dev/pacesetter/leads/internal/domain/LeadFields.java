package dev.pacesetter.leads.internal.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.pacesetter.leads.api.BudgetStatus;
import dev.pacesetter.leads.api.DecisionRole;
import dev.pacesetter.leads.api.Intent;
import dev.pacesetter.platform.api.http.FieldError;
import dev.pacesetter.platform.api.i18n.Message;
import dev.pacesetter.platform.api.money.Money;

/**
 * Reads the fields clients send as text — the grading enums (English codes or Chinese words) and budget amounts
 * ({@code 147万}, {@code ¥12,000.50}) — collecting every problem instead of stopping at the first, so a client
 * learns all that is wrong with a lead in one answer. Used by the REST bodies and each CSV row.
 */
public final class LeadFields {

    /** The JSON form of a budget: {@code {"amount":"147万","currency":"CNY"}}; the amount may be a number or text. */
    public record BudgetBody(Object amount, String currency) {
    }

    /** A lead as POST /leads and the web form take it: enums and the amount as text, read by {@link #input}. */
    public record LeadBody(String externalId, String personName, String company, String phone, String email, Long channelId, List<String> tags,
            String intent, String budgetStatus, BudgetBody budget, String decisionRole, Long ownerId, String territory) {
    }

    /** What was read, and what could not be: the input holds null where a field could not be read. */
    public record Read(LeadInput input, List<FieldError> problems) {
    }

    private final List<FieldError> problems = new ArrayList<>();

    /** Reads a REST body. */
    public static Read input(LeadBody body) {
        LeadFields fields = new LeadFields();
        Intent intent = fields.enumValue("intent", Intent.class, body.intent());
        BudgetStatus status = fields.enumValue("budgetStatus", BudgetStatus.class, body.budgetStatus());
        DecisionRole role = fields.enumValue("decisionRole", DecisionRole.class, body.decisionRole());
        Money budget = body.budget() == null ? null : fields.money("budget", body.budget().amount(), body.budget().currency());
        LeadInput input = new LeadInput(body.externalId(), body.personName(), body.company(), body.phone(), body.email(), body.channelId(),
                body.tags(), intent, inferredStatus(status, budget), budget, role, body.ownerId(), body.territory());
        return new Read(input, List.copyOf(fields.problems));
    }

    public List<FieldError> problems() {
        return problems;
    }

    /** The value {@code raw} names, or null if it is absent; a problem for {@code field} if it names none. */
    public <E extends Enum<E>> E enumValue(String field, Class<E> type, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        return LeadVocabulary.parse(type, raw).orElseGet(() -> {
            problems.add(new FieldError(field, LeadVocabulary.notOneOf(type, raw.strip())));
            return null;
        });
    }

    /**
     * An amount with its currency; the currency defaults to the one the amount's text names (¥, 元 → CNY). Null with a
     * problem for {@code field} if the amount cannot be read; currency problems are left to {@link Money#problem()}.
     */
    public Money money(String field, Object amount, String currency) {
        if (amount == null) {
            return new Money(null, upper(currency));
        }
        Amounts.Amount read;
        try {
            read = amount instanceof BigDecimal decimal ? new Amounts.Amount(decimal, null)
                    : amount instanceof Number number ? new Amounts.Amount(new BigDecimal(number.toString()), null)
                    : amount instanceof String text ? Amounts.parse(text) : null;
        } catch (Amounts.NotAnAmount e) {
            problems.add(new FieldError(field, e.text()));
            return null;
        }
        if (read == null) {
            problems.add(new FieldError(field, Message.of("field.amount.type")));
            return null;
        }
        String code = currency == null || currency.isBlank() ? read.currencyHint() : upper(currency);
        return new Money(read.value(), code);
    }

    private static String upper(String currency) {
        return currency == null ? null : Normalizer.nfkc(currency).strip().toUpperCase(Locale.ROOT);
    }

    /**
     * A budget amount above zero given without a budget status means the budget is known: CONFIRMED, rather than
     * the default NONE, which would grade a lead with a stated budget as having none. An explicit status is kept.
     */
    public static BudgetStatus inferredStatus(BudgetStatus given, Money budget) {
        if (given == null && budget != null && budget.amount() != null && budget.amount().signum() > 0) {
            return BudgetStatus.CONFIRMED;
        }
        return given;
    }
}
