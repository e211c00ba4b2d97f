package dev.pacesetter.pipeline.internal.leads;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import dev.pacesetter.leads.api.LeadConverted;
import dev.pacesetter.leads.api.LeadTopics;
import dev.pacesetter.pipeline.api.OpportunityCreated;
import dev.pacesetter.pipeline.api.PipelineTopics;
import dev.pacesetter.pipeline.api.Stage;
import dev.pacesetter.pipeline.internal.store.AccountStore;
import dev.pacesetter.pipeline.internal.store.OpportunityStore;
import dev.pacesetter.pipeline.internal.store.Owners;
import dev.pacesetter.pipeline.internal.deadlines.StageDeadlines;
import dev.pacesetter.platform.api.db.ModuleDatabase;
import dev.pacesetter.platform.api.db.Sql;
import dev.pacesetter.platform.api.events.DeliveredEvent;
import dev.pacesetter.platform.api.events.EventPublisher;
import dev.pacesetter.platform.api.events.EventSubscriber;
import dev.pacesetter.platform.api.events.OutgoingEvent;
import dev.pacesetter.platform.api.money.Money;
import dev.pacesetter.platform.api.schedule.Deadlines;
import dev.pacesetter.platform.api.time.PlatformClock;

/**
 * Turns a converted lead ({@code leads/lead.converted}) into an account with its contact and an opportunity in
 * the first stage, once: the lead id is unique on both, so a redelivered event changes nothing. Needs the leads
 * module's api package; without the leads plugin this component stays inactive and the rest of the pipeline works.
 */
@Component(service = EventSubscriber.class)
public final class LeadConversionSubscriber implements EventSubscriber {

    /** The currency of an opportunity whose lead named no amount (its amount is then 0). */
    static final String DEFAULT_CURRENCY = "CNY";

    private final ModuleDatabase db;
    private final EventPublisher events;
    private final Deadlines deadlines;
    private final Clock clock;

    @Activate
    public LeadConversionSubscriber(@Reference ModuleDatabase db, @Reference EventPublisher events,
            @Reference Deadlines deadlines, @Reference PlatformClock time) {
        this.clock = time.clock();
        this.db = db;
        this.events = events;
        this.deadlines = deadlines;
    }

    @Override
    public String name() {
        return "pipeline.accounts-from-leads";
    }

    @Override
    public Set<String> topics() {
        return Set.of(LeadTopics.CONVERTED);
    }

    @Override
    public void handle(DeliveredEvent event) {
        LeadConverted lead = event.payload(LeadConverted.class);
        Instant now = clock.instant();
        db.inTransaction(c -> {
            try (PreparedStatement ps = Sql.of("SELECT id FROM pipeline_opportunity WHERE source_lead_id = ?", lead.leadId()).prepare(c);
                    ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return null; // delivered before: the account and opportunity exist
                }
            }
            Optional<Owners.Owner> owner = Owners.find(c, lead.ownerId());
            if (owner.isEmpty()) {
                // retried, then parked where administrators see it: better than an account nobody owns
                throw new IllegalStateException("lead " + lead.leadId() + " names owner " + lead.ownerId() + ", who does not exist");
            }
            long account = AccountStore.insert(c, lead.accountName(), owner.get(), lead.leadId(), now);
            AccountStore.insertContact(c, account, lead.contactName(), null, lead.email(), lead.phone(), now);
            Money amount = lead.amount() != null ? new Money(lead.amount(), lead.currency()) : new Money(BigDecimal.ZERO, DEFAULT_CURRENCY);
            long id = OpportunityStore.insert(c, new OpportunityStore.NewOpportunity(account, lead.opportunityName(), owner.get(), amount, null, null,
                    null, lead.leadId()), null, now);
            StageDeadlines.track(c, deadlines, id, owner.get().regionId(), Stage.FIRST_CONTACT, now);
            OutgoingEvent created = OutgoingEvent.of(PipelineTopics.OPPORTUNITY_CREATED, id, new OpportunityCreated(id, account, owner.get().id(),
                    amount.scaled(), amount.currency(), lead.leadId()));
            events.publish(c, owner.get().regionId() == null ? created : created.inRegion(owner.get().regionId()));
            return null;
        });
    }
}
