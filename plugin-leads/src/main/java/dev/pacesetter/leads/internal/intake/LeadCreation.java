package dev.pacesetter.leads.internal.intake;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import dev.pacesetter.leads.api.LeadCreated;
import dev.pacesetter.leads.api.LeadTopics;
import dev.pacesetter.leads.internal.PhoneKeying;
import dev.pacesetter.leads.internal.domain.LeadInput;
import dev.pacesetter.leads.internal.domain.LeadRoles;
import dev.pacesetter.leads.internal.domain.LeadView;
import dev.pacesetter.leads.internal.domain.NewLead;
import dev.pacesetter.leads.internal.domain.PhoneKeys;
import dev.pacesetter.leads.internal.followup.FollowUps;
import dev.pacesetter.leads.internal.store.AssignmentRuleStore;
import dev.pacesetter.leads.internal.store.GradingRulesStore;
import dev.pacesetter.leads.internal.store.LeadReader;
import dev.pacesetter.leads.internal.store.LeadReferences;
import dev.pacesetter.leads.internal.store.LeadWriter;
import dev.pacesetter.platform.api.db.Sql;
import dev.pacesetter.platform.api.events.EventPublisher;
import dev.pacesetter.platform.api.events.OutgoingEvent;
import dev.pacesetter.platform.api.http.ApiException;
import dev.pacesetter.platform.api.security.Caller;
import dev.pacesetter.platform.api.i18n.Message;

/**
 * Creating leads, for every way they arrive: prepare ({@link Intake}), insert ({@link LeadWriter}), publish
 * {@code leads/lead.created}, all in the caller's transaction.
 */
@Component(service = LeadCreation.class)
public final class LeadCreation {

    private final EventPublisher events;
    private final FollowUps followUps;
    private final PhoneKeying phoneKeying;

    @Activate
    public LeadCreation(@Reference EventPublisher events, @Reference FollowUps followUps, @Reference PhoneKeying phoneKeying) {
        this.events = events;
        this.followUps = followUps;
        this.phoneKeying = phoneKeying;
    }

    /** The phone keys in force (E.164 in the configured default region). */
    public PhoneKeys phoneKeys() {
        return phoneKeying.keys();
    }

    /** Starts preparing leads for {@code caller} in this transaction (reads rules, vocabularies, assignment rules once). */
    public Intake intake(Connection c, Caller caller) throws SQLException {
        return new Intake(c, caller, GradingRulesStore.current(c), LeadReferences.load(c), AssignmentRuleStore.all(c), phoneKeying.keys());
    }

    /**
     * Creates one lead or refuses it: 400 with every field problem, 409 if its external id exists or (unless
     * {@code allowDuplicate}) a lead with the same e-mail or phone does.
     *
     * @param source how it arrived (api, web-form, import), carried by the created event
     */
    public LeadView createOne(Connection c, Caller caller, LeadInput input, boolean allowDuplicate, Instant now, String source) throws SQLException {
        return createOne(c, caller, input, List.of(), allowDuplicate, now, source);
    }

    /** As above, reporting {@code earlier} (problems found while reading the body) with the others. */
    public LeadView createOne(Connection c, Caller caller, LeadInput input, List<dev.pacesetter.platform.api.http.FieldError> earlier,
            boolean allowDuplicate, Instant now, String source) throws SQLException {
        Intake intake = intake(c, caller);
        Intake.Prepared prepared = intake.prepare(input, earlier);
        if (!prepared.ok()) {
            throw ApiException.invalidFields(prepared.problems());
        }
        NewLead lead = prepared.lead();
        if (input.externalId() != null) {
            Optional<Long> existing = byExternalId(c, input.externalId().strip());
            if (existing.isPresent()) {
                List<Long> visible = visibleTo(c, caller, List.of(existing.get()));
                throw ApiException.conflict("external_id_exists", Message.of("error.external-id-exists", input.externalId().strip()),
                        visible.isEmpty() ? Map.of() : Map.of("leadId", visible.get(0)));
            }
        }
        if (!allowDuplicate) {
            List<Long> duplicates = duplicatesOf(c, lead);
            if (!duplicates.isEmpty()) {
                // that a duplicate exists is the point of the answer; which lead it is only for those who may read it
                List<Long> visible = visibleTo(c, caller, duplicates);
                throw ApiException.conflict("duplicate_lead", visible.isEmpty() ? Message.of("error.duplicate-lead")
                        : Message.of("error.duplicate-lead.ids", visible.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(", "))),
                        Map.of("leadIds", visible));
            }
        }
        List<Long> ids = createAll(c, intake, List.of(lead), source, now);
        return LeadReader.find(c, ids.get(0), dev.pacesetter.platform.api.security.RowScope.all(caller.userId())).orElseThrow();
    }

    /**
     * Inserts prepared leads, gives each its first follow-up task and deadline ({@link FollowUps#scheduleNew}) and
     * publishes their events; saves the round-robin turns.
     */
    public List<Long> createAll(Connection c, Intake intake, List<NewLead> leads, String source, Instant now) throws SQLException {
        List<Long> ids = LeadWriter.insertAll(c, leads, now);
        followUps.scheduleNew(c, ids, leads, now);
        intake.finish();
        List<OutgoingEvent> created = new ArrayList<>(leads.size());
        for (int i = 0; i < leads.size(); i++) {
            NewLead lead = leads.get(i);
            OutgoingEvent event = OutgoingEvent.of(LeadTopics.CREATED, ids.get(i), new LeadCreated(ids.get(i), lead.owner().id(),
                    lead.owner().regionId(), lead.input().channelId(), lead.grade().grade(), source, now));
            created.add(lead.owner().regionId() == null ? event : event.inRegion(lead.owner().regionId()));
        }
        events.publishAll(c, created);
        return ids;
    }

    /** Those of {@code ids} that {@code caller} may read with {@code GET /leads/{id}} (role and scope), in order. */
    public static List<Long> visibleTo(Connection c, Caller caller, List<Long> ids) throws SQLException {
        List<Long> visible = new ArrayList<>();
        if (java.util.Arrays.stream(LeadRoles.readers()).noneMatch(caller::hasRole)) {
            return visible;
        }
        for (long id : ids) {
            if (LeadReader.find(c, id, caller.scope()).isPresent()) {
                visible.add(id);
            }
        }
        return visible;
    }

    public static Optional<Long> byExternalId(Connection c, String externalId) throws SQLException {
        try (PreparedStatement ps = Sql.of("SELECT id FROM leads_lead WHERE external_id = ?", externalId).prepare(c); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
        }
    }

    /** Leads with the same e-mail or phone key (any owner: a duplicate is one whoever owns it). */
    static List<Long> duplicatesOf(Connection c, NewLead lead) throws SQLException {
        return duplicatesOf(c, lead.emailKey(), lead.phoneKey());
    }

    /** Leads with this e-mail key or phone key (either may be null). */
    public static List<Long> duplicatesOf(Connection c, String emailKey, String phoneKey) throws SQLException {
        List<Long> ids = new ArrayList<>();
        if (emailKey == null && phoneKey == null) {
            return ids;
        }
        Sql same = emailKey == null ? Sql.of("phone_key = ?", phoneKey)
                : phoneKey == null ? Sql.of("email_key = ?", emailKey)
                : Sql.of("email_key = ?", emailKey).or(Sql.of("phone_key = ?", phoneKey));
        Sql sql = Sql.of("SELECT id FROM leads_lead WHERE 1 = 1").and(same).append("ORDER BY id FETCH FIRST 5 ROWS ONLY");
        try (PreparedStatement ps = sql.prepare(c); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        return ids;
    }
}
