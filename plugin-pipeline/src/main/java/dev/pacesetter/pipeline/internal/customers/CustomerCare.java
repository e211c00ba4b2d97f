package dev.pacesetter.pipeline.internal.customers;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.pacesetter.pipeline.api.HealthDropped;
import dev.pacesetter.pipeline.api.PipelineTopics;
import dev.pacesetter.pipeline.api.Tier;
import dev.pacesetter.pipeline.api.TierChanged;
import dev.pacesetter.pipeline.internal.domain.HealthScoring;
import dev.pacesetter.pipeline.internal.domain.HealthTransition;
import dev.pacesetter.pipeline.internal.domain.TierPlaybook;
import dev.pacesetter.pipeline.internal.domain.TierThresholds;
import dev.pacesetter.pipeline.internal.domain.Tiering;
import dev.pacesetter.pipeline.internal.store.Jdbc;
import dev.pacesetter.pipeline.internal.store.OrderStore;
import dev.pacesetter.pipeline.internal.store.Tasks;
import dev.pacesetter.pipeline.internal.store.HealthSettingsStore;
import dev.pacesetter.pipeline.internal.store.TierPlaybookStore;
import dev.pacesetter.pipeline.internal.store.TierThresholdsStore;
import dev.pacesetter.platform.api.audit.AuditRecord;
import dev.pacesetter.platform.api.db.ModuleDatabase;
import dev.pacesetter.platform.api.db.Sql;
import dev.pacesetter.platform.api.events.EventPublisher;
import dev.pacesetter.platform.api.events.OutgoingEvent;
import dev.pacesetter.platform.api.notify.Notification;
import dev.pacesetter.platform.api.notify.Notifier;
import dev.pacesetter.platform.api.notify.Severity;
import dev.pacesetter.platform.api.pilot.EnabledRegions;
import dev.pacesetter.platform.api.i18n.Message;

/**
 * Keeps an account's tier and health up to date, on the caller's connection and under a lock on the account
 * row: a new tier is written with its history, published, and its playbook opens a task for the owner; a drop
 * of health below the threshold opens one retention task, alerts the owner and is published — once per drop.
 * Called after every new order, after activities, when a playbook task is done, and by the nightly job.
 */
public final class CustomerCare {

    /** What a recomputation changed. */
    public record Outcome(boolean tierChanged, boolean healthDropped) {
    }

    /** An account as tiering and health need it. */
    public record Customer(long id, String name, long ownerId, Long regionId, Tier tier, Instant createdAt) {
    }

    private final ModuleDatabase db;
    private final EventPublisher events;
    private final Notifier notifier;
    private final Clock clock;

    public CustomerCare(ModuleDatabase db, EventPublisher events, Notifier notifier, Clock clock) {
        this.db = db;
        this.events = events;
        this.notifier = notifier;
        this.clock = clock;
    }

    /** Recomputes tier and health of one account; nothing if it does not exist. */
    public Outcome recompute(Connection c, long accountId) throws SQLException {
        Optional<Customer> found = lock(c, accountId);
        if (found.isEmpty()) {
            return new Outcome(false, false);
        }
        Customer customer = found.get();
        Clock now = Clock.fixed(clock.instant(), ZoneOffset.UTC);
        TierThresholds thresholds = TierThresholdsStore.load(c);
        List<Tiering.OrderFact> orders = OrderStore.facts(c, accountId, thresholds.currency());
        Tiering.Assessment tier = new Tiering(thresholds, now).assess(orders);
        boolean changed = tier.tier() != customer.tier();
        if (changed) {
            changeTier(c, customer, tier, now.instant());
            customer = new Customer(customer.id(), customer.name(), customer.ownerId(), customer.regionId(), tier.tier(), customer.createdAt());
        }
        ensurePlaybookTask(c, customer, now.instant());
        HealthScoring.Health health = new HealthScoring(HealthSettingsStore.load(c), now).score(signals(c, customer, orders));
        boolean dropped = watch(c, customer, health, now.instant());
        return new Outcome(changed, dropped);
    }

    /** The account's tier as its orders make it now (without writing anything). */
    public Tiering.Assessment tier(Connection c, long accountId) throws SQLException {
        TierThresholds thresholds = TierThresholdsStore.load(c);
        return new Tiering(thresholds, clock).assess(OrderStore.facts(c, accountId, thresholds.currency()));
    }

    /** The account's health as it is now (without writing anything). */
    public HealthScoring.Health health(Connection c, Customer customer) throws SQLException {
        List<Tiering.OrderFact> orders = OrderStore.facts(c, customer.id(), TierThresholdsStore.load(c).currency());
        return new HealthScoring(HealthSettingsStore.load(c), clock).score(signals(c, customer, orders));
    }

    /** After a playbook task is done: the next one, if the account is still in a tier with an active playbook. */
    public void playbookTaskDone(Connection c, long accountId) throws SQLException {
        Optional<Customer> customer = lock(c, accountId);
        if (customer.isPresent()) {
            ensurePlaybookTask(c, customer.get(), clock.instant());
        }
    }

    /** The accounts the nightly job looks at: those in regions where the module is on. */
    static List<Long> accountsIn(Connection c, EnabledRegions regions) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement ps = Sql.of("SELECT a.id FROM pipeline_account a").where(regions.regionIn("a.region_id")).append("ORDER BY a.id")
                .prepare(c); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        return ids;
    }

    public static Optional<Customer> find(Connection c, long accountId, boolean lock) throws SQLException {
        Sql sql = Sql.of("SELECT id, name, owner_id, region_id, tier, created_at FROM pipeline_account WHERE id = ?", accountId);
        try (PreparedStatement ps = (lock ? sql.append("FOR UPDATE") : sql).prepare(c); ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return Optional.empty();
            }
            String tier = rs.getString(5);
            return Optional.of(new Customer(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getObject(4, Long.class),
                    tier == null ? null : Tier.valueOf(tier), Jdbc.instant(rs, "created_at")));
        }
    }

    private static Optional<Customer> lock(Connection c, long accountId) throws SQLException {
        return find(c, accountId, true);
    }

    private void changeTier(Connection c, Customer customer, Tiering.Assessment tier, Instant now) throws SQLException {
        try (PreparedStatement ps = Sql.of("UPDATE pipeline_account SET tier = ?, tier_changed_at = ?, updated_at = ?, version = version + 1"
                + " WHERE id = ?", tier.tier().name(), now, now, customer.id()).prepare(c)) {
            ps.executeUpdate();
        }
        String reason = tier.reason().length() > 500 ? tier.reason().substring(0, 500) : tier.reason();
        try (PreparedStatement ps = Sql.of("INSERT INTO pipeline_tier_change (account_id, from_tier, to_tier, reason, changed_at) VALUES (?, ?, ?, ?, ?)",
                customer.id(), customer.tier() == null ? null : customer.tier().name(), tier.tier().name(), reason, now).prepare(c)) {
            ps.executeUpdate();
        }
        // the old tier's playbook no longer applies
        try (PreparedStatement ps = Sql.of("UPDATE pipeline_task SET status = 'CANCELLED', closed_at = ? WHERE account_id = ? AND source = ?"
                + " AND status IN ('OPEN', 'SNOOZED')", now, customer.id(), Tasks.Source.PLAYBOOK.name()).prepare(c)) {
            ps.executeUpdate();
        }
        Tiering.Metrics m = tier.metrics();
        publish(c, customer, PipelineTopics.TIER_CHANGED, new TierChanged(customer.id(), customer.ownerId(), customer.tier(), tier.tier(), m.spend(),
                m.currency(), m.ordersPerQuarter(), m.repurchaseCycleDays(), m.daysSinceLastOrder(), reason, now));
        db.audit(c, AuditRecord.bySystem("accounts", customer.id(), "tier").before(Map.of("tier", String.valueOf(customer.tier())))
                .after(Map.of("tier", tier.tier().name(), "reason", reason)));
    }

    /** One open task per account for its tier's active playbook; the next one keeps the cadence of the last. */
    private void ensurePlaybookTask(Connection c, Customer customer, Instant now) throws SQLException {
        if (customer.tier() == null) {
            return;
        }
        Optional<TierPlaybook> playbook = TierPlaybookStore.active(c, customer.tier());
        if (playbook.isEmpty()) {
            return;
        }
        Instant lastDue = null;
        try (PreparedStatement ps = Sql.of("SELECT status, due_at, playbook_tier FROM pipeline_task WHERE account_id = ? AND source = ? ORDER BY id DESC",
                customer.id(), Tasks.Source.PLAYBOOK.name()).prepare(c); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String status = rs.getString(1);
                if (status.equals("OPEN") || status.equals("SNOOZED")) {
                    return;
                }
                if (lastDue == null && customer.tier().name().equals(rs.getString(3)) && status.equals("DONE")) {
                    lastDue = Jdbc.instant(rs, "due_at");
                }
            }
        }
        Instant due = lastDue == null ? playbook.get().plus(now) : playbook.get().nextDue(lastDue, now);
        Tasks.open(c, now, customer.ownerId(), customer.id(), null, Tasks.Source.PLAYBOOK, playbook.get().title(customer.name()), due, customer.tier());
    }

    private static HealthScoring.Signals signals(Connection c, Customer customer, List<Tiering.OrderFact> orders) throws SQLException {
        try (PreparedStatement ps = Sql.of("SELECT MAX(happened_at) AS last_contact_at, MAX(CASE WHEN competitor_contact THEN happened_at END)"
                + " AS last_competitor_contact_at FROM pipeline_activity WHERE account_id = ?", customer.id()).prepare(c); ResultSet rs = ps.executeQuery()) {
            rs.next();
            Instant last = Jdbc.instant(rs, "last_contact_at");
            return new HealthScoring.Signals(last == null ? customer.createdAt() : last, Jdbc.instant(rs, "last_competitor_contact_at"), orders);
        }
    }

    /** Stores the score; alerts when it drops below the threshold and was not below already. */
    private boolean watch(Connection c, Customer customer, HealthScoring.Health health, Instant now) throws SQLException {
        Boolean wasBelow = null;
        try (PreparedStatement ps = Sql.of("SELECT below FROM pipeline_account_health WHERE account_id = ?", customer.id()).prepare(c);
                ResultSet rs = ps.executeQuery()) {
            if (rs.next()) {
                wasBelow = rs.getBoolean(1);
            }
        }
        HealthTransition transition = HealthTransition.of(Boolean.TRUE.equals(wasBelow), health.below());
        Long taskId = transition.alerts() ? alert(c, customer, health, now) : null;
        if (wasBelow == null) {
            try (PreparedStatement ps = Sql.of("INSERT INTO pipeline_account_health (account_id, score, below, computed_at, dropped_at, retention_task_id)"
                    + " VALUES (?, ?, ?, ?, ?, ?)", customer.id(), health.score(), health.below(), now, taskId == null ? null : now, taskId).prepare(c)) {
                ps.executeUpdate();
            }
        } else {
            Sql update = transition.alerts()
                    ? Sql.of("UPDATE pipeline_account_health SET score = ?, below = ?, computed_at = ?, dropped_at = ?, retention_task_id = ?"
                            + " WHERE account_id = ?", health.score(), true, now, now, taskId, customer.id())
                    : Sql.of("UPDATE pipeline_account_health SET score = ?, below = ?, computed_at = ? WHERE account_id = ?", health.score(),
                            health.below(), now, customer.id());
            try (PreparedStatement ps = update.prepare(c)) {
                ps.executeUpdate();
            }
        }
        return transition.alerts();
    }

    private long alert(Connection c, Customer customer, HealthScoring.Health health, Instant now) throws SQLException {
        String action = HealthScoring.retentionAction(health);
        Message title = Message.of("task.retention.title", Message.of(action.equals(HealthScoring.EXCLUSIVE_OFFER) ? "health.action.exclusive-offer"
                : "health.action.tailored-plan"), customer.name(), health.score(), health.threshold());
        int dueDays = HealthSettingsStore.load(c).retentionDueDays();
        long taskId = Tasks.open(c, now, customer.ownerId(), customer.id(), null, Tasks.Source.HEALTH, title, now.plus(Duration.ofDays(dueDays)), null);
        Message why = null;
        for (HealthScoring.Factor f : health.factors()) {
            Message line = Message.of("health.factor", Message.of("health.factor." + f.factor()), f.points(), f.max(), f.detail());
            why = why == null ? line : Message.of("health.factors.and", why, line);
        }
        notifier.notify(c, Notification.to(customer.ownerId(), "pipeline.health-dropped", Severity.RED, title)
                .body(Message.of("notify.health-dropped.body", why)).link("/accounts/" + customer.id())
                .rule(Message.of("rule.health-below", health.threshold())));
        publish(c, customer, PipelineTopics.HEALTH_DROPPED, new HealthDropped(customer.id(), customer.ownerId(), health.score(), health.threshold(),
                action, taskId, now));
        return taskId;
    }

    private void publish(Connection c, Customer customer, String topic, Object payload) {
        OutgoingEvent event = OutgoingEvent.of(topic, customer.id(), payload);
        events.publish(c, customer.regionId() == null ? event : event.inRegion(customer.regionId()));
    }
}
