package dev.pacesetter.pipeline.internal.http;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import dev.pacesetter.pipeline.internal.domain.Conversation;
import dev.pacesetter.pipeline.internal.store.Jdbc;
import dev.pacesetter.pipeline.internal.store.OpportunityStore;
import dev.pacesetter.platform.api.audit.AuditRecord;
import dev.pacesetter.platform.api.db.ModuleDatabase;
import dev.pacesetter.platform.api.db.Sql;
import dev.pacesetter.platform.api.http.ApiException;
import dev.pacesetter.platform.api.http.ApiRequest;
import dev.pacesetter.platform.api.http.Reply;
import dev.pacesetter.platform.api.http.Route;
import dev.pacesetter.platform.api.http.RouteProvider;
import dev.pacesetter.platform.api.http.Validation;
import dev.pacesetter.platform.api.security.Caller;
import dev.pacesetter.platform.api.i18n.Message;
import dev.pacesetter.platform.api.time.PlatformClock;

/** The conversation model of an opportunity: {@code /api/v1/opportunities/{id}/conversation}. */
@Component(service = RouteProvider.class)
public final class ConversationRoutes implements RouteProvider {

    /** Body of PUT: the needs and the solution as they stand now (fields left out are cleared). */
    public record ConversationInput(Conversation.Needs needs, Conversation.Solution solution) {
    }

    /** Body of {@code POST …/objections}. */
    public record ObjectionInput(String objection, String libraryRef) {
    }

    /** Body of {@code POST …/objections/{objectionId}/resolve}. */
    public record Resolution(String resolution) {
    }

    private static final int TEXT = 1000;

    private final ModuleDatabase db;
    private final Clock clock;

    @Activate
    public ConversationRoutes(@Reference ModuleDatabase db, @Reference PlatformClock time) {
        this.clock = time.clock();
        this.db = db;
    }

    @Override
    public List<Route> routes() {
        return List.of(
                Route.get("/opportunities/{id}/conversation", request -> Reply.ok(read(request, false))).returns(Conversation.class).roles(AccountRoutes.READERS)
                        .summary("Needs (5W2H), solution match, objections and how complete the conversation is"),
                Route.put("/opportunities/{id}/conversation", this::save).body(ConversationInput.class).returns(Conversation.class).roles(AccountRoutes.WORKERS)
                        .summary("Record the needs discovered (what, why, who, when, where, how, howMuch) and the solution (valueStatement, quantifiedBenefit)"),
                Route.post("/opportunities/{id}/conversation/objections", this::raise).body(ObjectionInput.class).returns(Conversation.class).roles(AccountRoutes.WORKERS)
                        .summary("Record an objection the customer raised (libraryRef: an entry of the objection library)"),
                Route.post("/opportunities/{id}/conversation/objections/{objectionId}/resolve", this::resolve).body(Resolution.class).returns(Conversation.class).roles(AccountRoutes.WORKERS)
                        .summary("Record how an objection was handled"));
    }

    private Conversation read(ApiRequest request, boolean lock) {
        long id = request.pathId("id");
        Caller caller = request.caller().orElseThrow();
        return db.inTransaction(c -> {
            visible(c, id, caller, lock);
            return load(c, id);
        });
    }

    private Reply save(ApiRequest request) {
        long id = request.pathId("id");
        ConversationInput in = request.body(ConversationInput.class);
        Conversation.Needs needs = in.needs() == null ? Conversation.Needs.NONE : in.needs();
        Conversation.Solution solution = in.solution() == null ? Conversation.Solution.NONE : in.solution();
        Validation v = new Validation();
        String[] names = {"what", "why", "who", "when", "where", "how", "howMuch"};
        String[] answers = {needs.what(), needs.why(), needs.who(), needs.when(), needs.where(), needs.how(), needs.howMuch()};
        for (int i = 0; i < names.length; i++) {
            v.require(answers[i] == null || answers[i].length() <= TEXT, "needs." + names[i], Message.of("field.max-length", TEXT));
        }
        v.require(solution.valueStatement() == null || solution.valueStatement().length() <= TEXT, "solution.valueStatement",
                Message.of("field.max-length", TEXT));
        v.require(solution.quantifiedBenefit() == null || solution.quantifiedBenefit().length() <= 500, "solution.quantifiedBenefit",
                Message.of("field.max-length", 500));
        v.orThrow();
        Caller caller = request.caller().orElseThrow();
        Instant now = clock.instant();
        return Reply.ok(db.inTransaction(c -> {
            visible(c, id, caller, true);
            Conversation before = load(c, id);
            Object[] values = {Jdbc.blankToNull(needs.what()), Jdbc.blankToNull(needs.why()), Jdbc.blankToNull(needs.who()),
                    Jdbc.blankToNull(needs.when()), Jdbc.blankToNull(needs.where()), Jdbc.blankToNull(needs.how()), Jdbc.blankToNull(needs.howMuch()),
                    Jdbc.blankToNull(solution.valueStatement()), Jdbc.blankToNull(solution.quantifiedBenefit()), caller.userId(), now, id};
            try (PreparedStatement update = Sql.of("UPDATE pipeline_conversation SET need_what = ?, need_why = ?, need_who = ?, need_when = ?,"
                    + " need_where = ?, need_how = ?, need_how_much = ?, value_statement = ?, quantified_benefit = ?, updated_by = ?, updated_at = ?"
                    + " WHERE opportunity_id = ?", values).prepare(c)) {
                if (update.executeUpdate() == 0) {
                    try (PreparedStatement insert = Sql.of("INSERT INTO pipeline_conversation (need_what, need_why, need_who, need_when, need_where,"
                            + " need_how, need_how_much, value_statement, quantified_benefit, updated_by, updated_at, opportunity_id)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", values).prepare(c)) {
                        insert.executeUpdate();
                    }
                }
            }
            Conversation after = load(c, id);
            db.audit(c, AuditRecord.of(request, "conversations", id, "update").before(before).after(after));
            return after;
        }));
    }

    private Reply raise(ApiRequest request) {
        long id = request.pathId("id");
        ObjectionInput in = request.body(ObjectionInput.class);
        new Validation()
                .require(in.objection() != null && !in.objection().isBlank() && in.objection().length() <= TEXT, "objection",
                        Message.of("field.length", 1, TEXT))
                .require(in.libraryRef() == null || (!in.libraryRef().isBlank() && in.libraryRef().length() <= 100), "libraryRef", Message.of("field.length", 1, 100))
                .orThrow();
        Caller caller = request.caller().orElseThrow();
        Conversation after = db.inTransaction(c -> {
            visible(c, id, caller, true);
            long objectionId = (Sql.of("INSERT INTO pipeline_objection (opportunity_id, objection, library_ref, raised_by,"
                    + " raised_at) VALUES (?, ?, ?, ?, ?)", id, in.objection().strip(), Jdbc.blankToNull(in.libraryRef()), caller.userId(), clock.instant())).insertReturningKey(c, "id");
            Conversation conversation = load(c, id);
            db.audit(c, AuditRecord.of(request, "objections", objectionId, "raise").after(conversation.objections().stream()
                    .filter(o -> o.id() == objectionId).findFirst().orElseThrow()));
            return conversation;
        });
        return Reply.created("/api/v1/opportunities/" + id + "/conversation", after);
    }

    private Reply resolve(ApiRequest request) {
        long id = request.pathId("id");
        long objectionId = request.pathId("objectionId");
        Resolution in = request.body(Resolution.class);
        new Validation().require(in.resolution() != null && !in.resolution().isBlank() && in.resolution().length() <= TEXT, "resolution",
                Message.of("field.resolution", TEXT)).orThrow();
        Caller caller = request.caller().orElseThrow();
        return Reply.ok(db.inTransaction(c -> {
            visible(c, id, caller, true);
            Conversation.Objection objection = load(c, id).objections().stream().filter(o -> o.id() == objectionId).findFirst()
                    .orElseThrow(() -> ApiException.notFound(Message.of("error.objection.not-found", objectionId, id)));
            if (objection.resolved()) {
                throw ApiException.conflict("objection_resolved", Message.of("error.objection-resolved", objectionId, String.valueOf(objection.resolvedAt())),
                        Map.of("resolution", objection.resolution()));
            }
            try (PreparedStatement ps = Sql.of("UPDATE pipeline_objection SET resolution = ?, resolved_at = ? WHERE id = ?", in.resolution().strip(),
                    clock.instant(), objectionId).prepare(c)) {
                ps.executeUpdate();
            }
            Conversation after = load(c, id);
            db.audit(c, AuditRecord.of(request, "objections", objectionId, "resolve").before(objection)
                    .after(after.objections().stream().filter(o -> o.id() == objectionId).findFirst().orElseThrow()));
            return after;
        }));
    }

    private void visible(Connection c, long id, Caller caller, boolean lock) throws SQLException {
        OpportunityStore.find(c, id, caller.scope(), lock, clock.instant()).orElseThrow(() -> ApiException.notFound(Message.of("error.opportunity.not-found", id)));
    }

    static Conversation load(Connection c, long opportunityId) throws SQLException {
        Conversation.Needs needs = Conversation.Needs.NONE;
        Conversation.Solution solution = Conversation.Solution.NONE;
        try (PreparedStatement ps = Sql.of("SELECT need_what, need_why, need_who, need_when, need_where, need_how, need_how_much, value_statement,"
                + " quantified_benefit FROM pipeline_conversation WHERE opportunity_id = ?", opportunityId).prepare(c); ResultSet rs = ps.executeQuery()) {
            if (rs.next()) {
                needs = new Conversation.Needs(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                        rs.getString(7));
                solution = new Conversation.Solution(rs.getString(8), rs.getString(9));
            }
        }
        List<Conversation.Objection> objections = new ArrayList<>();
        try (PreparedStatement ps = Sql.of("SELECT id, objection, library_ref, raised_by, raised_at, resolution, resolved_at FROM pipeline_objection"
                + " WHERE opportunity_id = ? ORDER BY id", opportunityId).prepare(c); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                objections.add(new Conversation.Objection(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), Jdbc.instant(rs, "raised_at"),
                        rs.getString(6), Jdbc.instant(rs, "resolved_at")));
            }
        }
        return new Conversation(needs, solution, objections, Conversation.Completeness.of(needs, solution, objections));
    }
}
