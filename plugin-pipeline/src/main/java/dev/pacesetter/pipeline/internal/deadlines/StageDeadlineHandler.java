package dev.pacesetter.pipeline.internal.deadlines;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import dev.pacesetter.pipeline.api.DeadlineMissed;
import dev.pacesetter.pipeline.api.PipelineTopics;
import dev.pacesetter.pipeline.api.Stage;
import dev.pacesetter.pipeline.internal.domain.StageDeadlinePolicy;
import dev.pacesetter.pipeline.internal.domain.StoredText;
import dev.pacesetter.pipeline.internal.store.OpportunityStore;
import dev.pacesetter.pipeline.internal.store.Tasks;
import dev.pacesetter.pipeline.internal.store.StageDeadlinePolicyStore;
import dev.pacesetter.platform.api.db.Sql;
import dev.pacesetter.platform.api.events.EventPublisher;
import dev.pacesetter.platform.api.events.OutgoingEvent;
import dev.pacesetter.platform.api.notify.Notification;
import dev.pacesetter.platform.api.notify.Notifier;
import dev.pacesetter.platform.api.notify.Severity;
import dev.pacesetter.platform.api.schedule.DeadlineHandler;
import dev.pacesetter.platform.api.schedule.FiredDeadline;
import dev.pacesetter.platform.api.security.RowScope;
import dev.pacesetter.platform.api.time.PlatformClock;
import dev.pacesetter.platform.api.i18n.Language;
import dev.pacesetter.platform.api.i18n.Message;
import dev.pacesetter.platform.api.i18n.Messages;

/**
 * A stage deadline passed without customer feedback: a customer-care task for the owner, a notification, and
 * {@code pipeline/opportunity.deadline-missed} — all in the firing transaction, so exactly once.
 */
@Component(service = DeadlineHandler.class)
public final class StageDeadlineHandler implements DeadlineHandler {

    private final Notifier notifier;
    private final EventPublisher events;
    private final Messages messages;
    private final Clock clock;

    @Activate
    public StageDeadlineHandler(@Reference Notifier notifier, @Reference EventPublisher events, @Reference Messages messages,
            @Reference PlatformClock time) {
        this.clock = time.clock();
        this.notifier = notifier;
        this.events = events;
        this.messages = messages;
    }

    @Override
    public String kind() {
        return StageDeadlinePolicy.KIND;
    }

    @Override
    public void fire(Connection c, FiredDeadline deadline) throws Exception {
        long id = Long.parseLong(deadline.key());
        StageDeadlinePolicy.Due due = deadline.data(StageDeadlinePolicy.Due.class);
        Optional<OpportunityStore.Opportunity> found = OpportunityStore.find(c, id, RowScope.all(0), true, clock.instant());
        if (found.isEmpty() || found.get().stage() != Stage.valueOf(due.stage())) {
            return; // moved on meanwhile: leaving the stage cancels the deadline, this covers a race with it
        }
        OpportunityStore.Opportunity o = found.get();
        Object rule = StageDeadlinePolicyStore.of(c, o.stage()).map(p -> StoredText.of(p.rule())).orElse(Message.of("rule.stage-deadline"));
        String account = accountName(c, o.accountId());
        Message title = Message.of("task.customer-care.title", account, o.name());
        Tasks.open(c, clock.instant(), o.ownerId(), o.accountId(), o.id(), Tasks.Source.DEADLINE, title, deadline.dueAt(), null);
        Notification alert = Notification.to(o.ownerId(), "pipeline.stage-deadline", Severity.WARNING, title)
                .body(Message.of("notify.stage-deadline.body", Message.of("stage." + o.stage().name()), due.since().toString()))
                .link("/opportunities/" + o.id());
        notifier.notify(c, rule instanceof Message m ? alert.rule(m) : alert.rule((String) rule));
        // the event is for programs: its rule in the installation's first language
        String ruleText = rule instanceof Message m ? messages.render(m, Language.ZH_CN) : (String) rule;
        OutgoingEvent event = OutgoingEvent.of(PipelineTopics.DEADLINE_MISSED, o.id(), new DeadlineMissed(o.id(), o.ownerId(), o.stage(),
                deadline.dueAt(), ruleText));
        events.publish(c, o.regionId() == null ? event : event.inRegion(o.regionId()));
    }

    private static String accountName(Connection c, long accountId) throws java.sql.SQLException {
        try (PreparedStatement ps = Sql.of("SELECT name FROM pipeline_account WHERE id = ?", accountId).prepare(c);
                java.sql.ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getString(1) : "account " + accountId;
        }
    }
}
