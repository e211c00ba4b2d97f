package dev.pacesetter.leads.internal.intake;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.pacesetter.leads.internal.domain.AssignmentRule;
import dev.pacesetter.leads.internal.domain.GradingRules;
import dev.pacesetter.leads.internal.domain.LeadInput;
import dev.pacesetter.leads.internal.domain.LeadValidation;
import dev.pacesetter.leads.internal.domain.NewLead;
import dev.pacesetter.leads.internal.domain.Normalizer;
import dev.pacesetter.leads.internal.domain.Owner;
import dev.pacesetter.leads.internal.domain.OwnerCheck;
import dev.pacesetter.leads.internal.domain.PhoneKeys;
import dev.pacesetter.leads.internal.store.LeadReferences;
import dev.pacesetter.leads.internal.store.OwnerStore;
import dev.pacesetter.leads.internal.store.RoundRobin;
import dev.pacesetter.platform.api.Role;
import dev.pacesetter.platform.api.http.FieldError;
import dev.pacesetter.platform.api.security.Caller;
import dev.pacesetter.platform.api.i18n.Message;

/**
 * Turns lead inputs into {@link NewLead}s inside one transaction: validation, references, grading and the
 * owner (the caller, an explicit owner in the caller's scope, or an assignment rule's team in turn). Used for
 * one lead (REST, web form) and for every row of an import alike.
 */
public final class Intake {

    /** The outcome for one input: a lead to insert, or why not. */
    public record Prepared(NewLead lead, List<FieldError> problems) {
        public boolean ok() {
            return lead != null;
        }
    }

    private final Connection connection;
    private final Caller caller;
    private final GradingRules grading;
    private final LeadReferences references;
    private final List<AssignmentRule> rules;
    private final PhoneKeys phoneKeys;
    private final Map<Long, RoundRobin> turns = new HashMap<>();
    private final Map<Long, Optional<Owner>> owners = new HashMap<>();

    public Intake(Connection connection, Caller caller, GradingRules grading, LeadReferences references, List<AssignmentRule> rules,
            PhoneKeys phoneKeys) {
        this.connection = connection;
        this.caller = caller;
        this.grading = grading;
        this.references = references;
        this.rules = rules;
        this.phoneKeys = phoneKeys;
    }

    public PhoneKeys phoneKeys() {
        return phoneKeys;
    }

    public GradingRules grading() {
        return grading;
    }

    public Prepared prepare(LeadInput in) throws SQLException {
        return prepare(in, List.of());
    }

    /**
     * @param earlier problems found while reading the input (an enum or amount that names nothing), reported with the
     *        rest so that a client hears of every problem at once
     */
    public Prepared prepare(LeadInput in, List<FieldError> earlier) throws SQLException {
        List<FieldError> problems = new ArrayList<>(earlier);
        problems.addAll(LeadValidation.problems(in));
        problems.addAll(references.problems(in));
        if (!problems.isEmpty()) {
            return new Prepared(null, problems);
        }
        Owner owner;
        String reason;
        if (in.ownerId() != null) {
            Optional<FieldError> refused = ownerRefused(in.ownerId());
            if (refused.isPresent()) {
                return new Prepared(null, List.of(refused.get()));
            }
            owner = owner(in.ownerId()).orElseThrow();
            reason = owner.id() == caller.userId() ? "created by its owner" : "owner chosen by " + caller.username();
        } else if (caller.hasRole(Role.REP) && !caller.hasRole(Role.MANAGER) && !caller.hasRole(Role.ADMIN)) {
            owner = owner(caller.userId()).orElseThrow();
            reason = "created by its owner";
        } else {
            Optional<AssignmentRule> rule = rules.stream().filter(r -> r.matches(caller.regionId().orElse(null), in.territory(), in.channelId()))
                    .findFirst();
            Optional<Long> next = Optional.empty();
            if (rule.isPresent()) {
                next = turn(rule.get().teamId()).next();
                if (next.isEmpty()) {
                    return new Prepared(null, List.of(new FieldError("ownerId", Message.of("field.owner.team-empty", rule.get().id(), rule.get().teamId()))));
                }
            } else if (caller.teamId().isPresent() && (caller.hasRole(Role.MANAGER) || caller.hasRole(Role.ADMIN))) {
                next = Optional.of(caller.userId());
            }
            if (next.isEmpty()) {
                return new Prepared(null, List.of(new FieldError("ownerId",
                        Message.of("field.owner.no-rule"))));
            }
            owner = owner(next.get()).orElseThrow();
            reason = rule.map(r -> "round-robin by " + r.describe()).orElse("created by its owner");
        }
        return new Prepared(new NewLead(in, Normalizer.emailKey(in.email()).orElse(null), phoneKeys.key(in.phone()).orElse(null),
                Normalizer.companyKey(in.company()).orElse(null), grading.grade(in.gradingInputs()), owner, reason, references.tagIds(in)), List.of());
    }

    /** Why the caller may not give this lead to {@code ownerId}, if they may not. */
    public Optional<FieldError> ownerRefused(long ownerId) throws SQLException {
        return OwnerCheck.refusal(caller, ownerId, owner(ownerId));
    }

    /** Saves whose turn it is in each team that got leads; call before committing. */
    public void finish() throws SQLException {
        for (RoundRobin turn : turns.values()) {
            turn.save(connection);
        }
    }

    private RoundRobin turn(long teamId) throws SQLException {
        RoundRobin turn = turns.get(teamId);
        if (turn == null) {
            turn = RoundRobin.lock(connection, teamId);
            turns.put(teamId, turn);
        }
        return turn;
    }

    private Optional<Owner> owner(long userId) throws SQLException {
        Optional<Owner> owner = owners.get(userId);
        if (owner == null) {
            owner = OwnerStore.find(connection, userId);
            owners.put(userId, owner);
        }
        return owner;
    }
}
