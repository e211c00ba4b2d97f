package dev.pacesetter.leads.internal.http;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import dev.pacesetter.leads.api.BudgetStatus;
import dev.pacesetter.leads.api.DecisionRole;
import dev.pacesetter.leads.api.Grade;
import dev.pacesetter.leads.api.Intent;
import dev.pacesetter.leads.internal.domain.GradingRule;
import dev.pacesetter.leads.internal.domain.GradingRules;
import dev.pacesetter.leads.internal.domain.LeadRoles;
import dev.pacesetter.leads.internal.store.GradingRulesStore;
import dev.pacesetter.platform.api.Role;
import dev.pacesetter.platform.api.audit.AuditRecord;
import dev.pacesetter.platform.api.db.DataAccessException;
import dev.pacesetter.platform.api.db.ModuleDatabase;
import dev.pacesetter.platform.api.db.Sql;
import dev.pacesetter.platform.api.http.ApiException;
import dev.pacesetter.platform.api.http.ApiRequest;
import dev.pacesetter.platform.api.http.Reply;
import dev.pacesetter.platform.api.http.Route;
import dev.pacesetter.platform.api.http.RouteProvider;
import dev.pacesetter.platform.api.i18n.Message;
import dev.pacesetter.platform.api.i18n.Messages;
import dev.pacesetter.platform.api.time.PlatformClock;

/**
 * The grading rule sets: {@code /api/v1/grading-rules}. Each change stores a new version; leads keep the version that
 * graded them (it is in their explanation) until their grading inputs are edited, when the version in force grades
 * them again.
 */
@Component(service = RouteProvider.class)
public final class GradingRuleRoutes implements RouteProvider {

    /** Body of PUT: the rules in order (the first that matches decides) and the grade when none does. */
    public record RulesInput(List<GradingRule> rules, Grade fallback) {
    }

    /** One rule as the API shows it, with its conditions in words. */
    public record RuleView(String name, Grade grade, Intent minIntent, BudgetStatus minBudget, DecisionRole minDecision, Integer minTotal,
            String conditions) {
        static RuleView of(GradingRule r) {
            return new RuleView(r.name(), r.grade(), r.minIntent(), r.minBudget(), r.minDecision(), r.minTotal(), r.describe());
        }
    }

    /** One version: who made it when (null for the built-in defaults, version 1). */
    public record VersionInfo(int version, Long createdBy, Instant createdAt, boolean current) {
    }

    /** A rule set as the API shows it. */
    public record RulesView(int version, boolean current, List<RuleView> rules, Grade fallback, Long createdBy, Instant createdAt) {
    }

    /** The rule set in force with every version, as {@code GET /grading-rules} shows it. */
    public record CurrentRules(int version, boolean current, List<RuleView> rules, Grade fallback, Long createdBy, Instant createdAt,
            List<VersionInfo> versions) {
    }

    private final ModuleDatabase db;
    private final Clock clock;

    private final Messages messages;

    @Activate
    public GradingRuleRoutes(@Reference ModuleDatabase db, @Reference Messages messages, @Reference PlatformClock time) {
        this.clock = time.clock();
        this.messages = messages;
        this.db = db;
    }

    @Override
    public List<Route> routes() {
        return List.of(
                Route.get("/grading-rules", this::current).returns(CurrentRules.class).roles(LeadRoles.readers())
                        .summary("The grading rules in force (first match wins, else the fallback) and every version"),
                Route.get("/grading-rules/{version}", this::version).returns(RulesView.class).roles(LeadRoles.readers())
                        .summary("One version of the grading rules, as leads graded by it name it"),
                Route.put("/grading-rules", this::replace).body(RulesInput.class).returns(RulesView.class).roles(Role.ADMIN, Role.MANAGER)
                        .summary("Store a new version of the grading rules {rules:[{name, grade, minIntent, minBudget, minDecision, minTotal}],"
                                + " fallback}; new and edited leads are graded by it"));
    }

    private Reply current(ApiRequest request) {
        return Reply.ok(db.inTransaction(c -> {
            GradingRules rules = GradingRulesStore.current(c);
            List<VersionInfo> versions = versions(c, rules.version());
            RulesView view = translated(view(c, rules, rules.version(), versions), rules, request);
            return new CurrentRules(view.version(), view.current(), view.rules(), view.fallback(), view.createdBy(), view.createdAt(), versions);
        }));
    }

    private Reply version(ApiRequest request) {
        long wanted = request.pathId("version");
        return Reply.ok(db.inTransaction(c -> {
            GradingRules rules = wanted > Integer.MAX_VALUE ? null : GradingRulesStore.version(c, (int) wanted);
            if (rules == null) {
                throw ApiException.notFound(Message.of("error.grading-rules.not-found", wanted));
            }
            int current = GradingRulesStore.current(c).version();
            return translated(view(c, rules, current, versions(c, current)), rules, request);
        }));
    }

    private Reply replace(ApiRequest request) {
        RulesInput input = request.body(RulesInput.class);
        GradingRules proposed = new GradingRules(0, input.rules() == null ? List.of() : input.rules(), input.fallback());
        var problems = proposed.problems();
        if (!problems.isEmpty()) {
            throw ApiException.invalidFields(problems);
        }
        long userId = request.caller().orElseThrow().userId();
        List<GradingRule> cleaned = proposed.rules().stream().map(r -> new GradingRule(r.name().strip(), r.grade(), r.minIntent(), r.minBudget(),
                r.minDecision(), r.minTotal())).toList();
        try {
            return Reply.ok(db.inTransaction(c -> {
                GradingRules before = GradingRulesStore.current(c);
                GradingRules saved = GradingRulesStore.save(c, new GradingRules(0, cleaned, proposed.fallback()), userId, clock.instant());
                List<VersionInfo> versions = versions(c, saved.version());
                RulesView after = view(c, saved, saved.version(), versions);
                db.audit(c, AuditRecord.of(request, "grading-rules", saved.version(), "create")
                        .before(view(c, before, saved.version(), versions)).after(after));
                return translated(after, saved, request);
            }));
        } catch (DataAccessException e) {
            if (e.getCause() instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23")) {
                throw ApiException.conflict("rules_changed", Message.of("error.grading-rules.changed"), null);
            }
            throw e;
        }
    }

    /** The view with the shipped rules' names and every rule's conditions in the reader's language. */
    private RulesView translated(RulesView view, GradingRules rules, ApiRequest request) {
        GradeTexts texts = new GradeTexts(messages, request.language());
        List<RuleView> translated = new ArrayList<>();
        for (int i = 0; i < view.rules().size(); i++) {
            translated.add(texts.view(view.rules().get(i), rules.rules().get(i)));
        }
        return new RulesView(view.version(), view.current(), translated, view.fallback(), view.createdBy(), view.createdAt());
    }

    private static RulesView view(Connection c, GradingRules rules, int current, List<VersionInfo> versions) {
        VersionInfo info = versions.stream().filter(v -> v.version() == rules.version()).findFirst()
                .orElse(new VersionInfo(rules.version(), null, null, rules.version() == current));
        return new RulesView(rules.version(), rules.version() == current, rules.rules().stream().map(RuleView::of).toList(), rules.fallback(),
                info.createdBy(), info.createdAt());
    }

    /** Every version, newest first; version 1 is the built-in defaults unless stored. */
    static List<VersionInfo> versions(Connection c, int current) throws SQLException {
        List<VersionInfo> versions = new ArrayList<>();
        boolean first = false;
        try (PreparedStatement ps = Sql.of("SELECT version, created_by, created_at FROM leads_grading_rules ORDER BY version DESC").prepare(c);
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                int version = rs.getInt(1);
                first |= version == 1;
                versions.add(new VersionInfo(version, rs.getObject(2, Long.class), rs.getTimestamp(3).toInstant(), version == current));
            }
        }
        if (!first) {
            versions.add(new VersionInfo(1, null, null, current == 1));
        }
        return versions;
    }
}
