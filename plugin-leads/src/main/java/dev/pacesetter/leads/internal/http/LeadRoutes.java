package dev.pacesetter.leads.internal.http;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import dev.pacesetter.leads.internal.LeadsSettings;
import dev.pacesetter.leads.internal.domain.LeadFields;
import dev.pacesetter.leads.internal.domain.LeadInput;
import dev.pacesetter.leads.internal.domain.LeadRoles;
import dev.pacesetter.leads.internal.domain.LeadValidation;
import dev.pacesetter.leads.internal.domain.LeadView;
import dev.pacesetter.leads.internal.domain.Normalizer;
import dev.pacesetter.leads.internal.intake.LeadCreation;
import dev.pacesetter.leads.internal.store.Jdbc;
import dev.pacesetter.leads.internal.store.LeadQuery;
import dev.pacesetter.leads.internal.store.LeadReader;
import dev.pacesetter.platform.api.Role;
import dev.pacesetter.platform.api.audit.AuditRecord;
import dev.pacesetter.platform.api.db.ModuleDatabase;
import dev.pacesetter.platform.api.db.Sql;
import dev.pacesetter.platform.api.http.ApiException;
import dev.pacesetter.platform.api.http.ApiRequest;
import dev.pacesetter.platform.api.http.Reply;
import dev.pacesetter.platform.api.http.Route;
import dev.pacesetter.platform.api.http.RouteProvider;
import dev.pacesetter.platform.api.security.Caller;
import dev.pacesetter.platform.api.security.RowScope;
import dev.pacesetter.platform.api.i18n.Message;
import dev.pacesetter.platform.api.i18n.Messages;
import dev.pacesetter.platform.api.time.PlatformClock;

/** Lead intake over REST and reading leads: {@code /api/v1/leads}, one lead, its history. */
@Component(service = RouteProvider.class)
public final class LeadRoutes implements RouteProvider {

    private final ModuleDatabase db;
    private final LeadCreation creation;
    private final Clock clock;
    /** Web-form submissions per caller: the route is reachable by any integrator token, so it must not be a cheap oracle. */
    private final RateLimiter webForms;
    private final Messages messages;

    @Activate
    public LeadRoutes(@Reference ModuleDatabase db, @Reference LeadCreation creation,
            @Reference LeadsSettings settings, @Reference Messages messages, @Reference PlatformClock time) {
        this.clock = time.clock();
        this.messages = messages;
        this.db = db;
        this.creation = creation;
        this.webForms = new RateLimiter(settings.webFormLimit(), LeadsSettings.WEBFORM_CALLERS, clock);
    }

    @Override
    public List<Route> routes() {
        return List.of(
                Route.post("/leads", this::create).body(LeadFields.LeadBody.class).returns(LeadView.class).query("allowDuplicate", Boolean.class, "true: create even if a lead with this phone or email exists").roles(Role.ADMIN, Role.MANAGER, Role.REP, Role.MARKETING, Role.INTEGRATOR)
                        .summary("Create a lead: graded, assigned (to you, the owner you name, or by assignment rules) and given its follow-ups;"
                                + " 409 on a duplicate e-mail or phone unless ?allowDuplicate=true, or on an external id seen before"),
                Route.post("/leads/web-form", this::webForm).body(LeadFields.LeadBody.class).roles(Role.INTEGRATOR, Role.MARKETING, Role.ADMIN)
                        .summary("Intake from a marketing web form (API token): owner by assignment rules; a submission with the externalId,"
                                + " e-mail or phone of an existing lead creates none. Answers 202 {status: received} either way, with the lead's id"
                                + " only if you may read it; rate-limited per caller (429 with Retry-After)"),
                LeadQuery.declare(Route.get("/leads", this::list)).returnsItems(LeadView.class).roles(LeadRoles.readers())
                        .summary("Leads you may see, filtered (status, grade, ownerId, channelId, tag, regionId, touched, q, createdFrom, createdTo),"
                                + " sorted (sort=-createdAt|createdAt|grade|-grade) and paged (limit, after)"),
                Route.get("/leads/{id}", request -> Reply.ok(texts(request).lead(load(request)))).returns(LeadView.class).roles(LeadRoles.readers())
                        .summary("One lead with its grade and why"),
                Route.get("/leads/{id}/history", this::history).roles(LeadRoles.readers())
                        .summary("What happened to a lead: assignments, regrades, status changes, oldest first"));
    }

    private Reply create(ApiRequest request) {
        LeadFields.Read read = LeadFields.input(request.body(LeadFields.LeadBody.class));
        LeadInput input = read.input();
        Caller caller = request.caller().orElseThrow();
        boolean allowDuplicate = request.queryParam("allowDuplicate").map(Boolean::parseBoolean).orElse(false);
        LeadView created = db.inTransaction(c -> {
            LeadView lead = creation.createOne(c, caller, input, read.problems(), allowDuplicate, clock.instant(), "api");
            db.audit(c, AuditRecord.of(request, "leads", lead.id(), "create").after(lead));
            return lead;
        });
        return Reply.created("/api/v1/leads/" + created.id(), texts(request).lead(created));
    }

    /**
     * A form submission answers the same whether it made a lead or matched one: {@code 202 {"status":"received"}}, with
     * {@code id} only when the caller may read that lead. Returning the existing lead (as this route once did) let any
     * integrator token look up the name, phone, owner and grade behind an e-mail address of any region.
     */
    private Reply webForm(ApiRequest request) {
        Caller caller = request.caller().orElseThrow();
        java.util.Optional<java.time.Duration> wait = webForms.acquire(caller.userId());
        if (wait.isPresent()) {
            long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
            throw new ApiException(429, "too_many_requests", Message.of("error.web-form.rate-limited", webForms.perMinute(), seconds), Map.of("retryAfterSeconds", seconds));
        }
        LeadFields.Read read = LeadFields.input(request.body(LeadFields.LeadBody.class));
        LeadInput input = read.input();
        if (input.ownerId() != null) {
            throw ApiException.invalidFields(List.of(new dev.pacesetter.platform.api.http.FieldError("ownerId",
                    Message.of("field.web-form.owner"))));
        }
        // fields first, without the database: a bad submission learns nothing about stored leads either
        List<dev.pacesetter.platform.api.http.FieldError> problems = new java.util.ArrayList<>(read.problems());
        problems.addAll(LeadValidation.problems(input));
        if (!problems.isEmpty()) {
            throw ApiException.invalidFields(problems);
        }
        Long leadId = db.inTransaction(c -> {
            // a repeat (same external id, e-mail or phone) stores nothing: checked before the owner is chosen, so that
            // a repeat answers alike whether or not an assignment rule would match it
            if (input.externalId() != null && !input.externalId().isBlank()) {
                java.util.Optional<Long> existing = LeadCreation.byExternalId(c, input.externalId().strip());
                if (existing.isPresent()) {
                    return existing.get();
                }
            }
            List<Long> repeats = LeadCreation.duplicatesOf(c, Normalizer.emailKey(input.email()).orElse(null),
                    creation.phoneKeys().key(input.phone()).orElse(null));
            if (!repeats.isEmpty()) {
                return repeats.get(0);
            }
            LeadView lead = creation.createOne(c, caller, input, List.of(), false, clock.instant(), "web-form");
            db.audit(c, AuditRecord.of(request, "leads", lead.id(), "create").after(lead));
            return lead.id();
        });
        boolean visible = db.inTransaction(c -> !LeadCreation.visibleTo(c, caller, List.of(leadId)).isEmpty());
        Map<String, Object> receipt = new LinkedHashMap<>();
        receipt.put("status", "received");
        if (visible) {
            receipt.put("id", leadId);
        }
        return Reply.accepted(receipt);
    }

    private Reply list(ApiRequest request) {
        LeadQuery query = LeadQuery.parse(request);
        Caller caller = request.caller().orElseThrow();
        List<LeadView> page = db.inTransaction(c -> LeadReader.page(c, query, caller.scope()));
        Map<String, Object> body = new LinkedHashMap<>();
        boolean more = page.size() > query.limit();
        List<LeadView> items = more ? page.subList(0, query.limit()) : page;
        GradeTexts texts = texts(request);
        body.put("items", items.stream().map(texts::lead).toList());
        body.put("nextAfter", more ? query.cursorAfter(items.get(items.size() - 1)).encode() : null);
        return Reply.ok(body);
    }

    private GradeTexts texts(ApiRequest request) {
        return new GradeTexts(messages, request.language());
    }

    private LeadView load(ApiRequest request) {
        long id = request.pathId("id");
        Caller caller = request.caller().orElseThrow();
        return db.inTransaction(c -> LeadReader.find(c, id, caller.scope()))
                .orElseThrow(() -> ApiException.notFound(Message.of("error.lead.not-found", id)));
    }

    private Reply history(ApiRequest request) {
        LeadView lead = load(request);
        List<Map<String, Object>> entries = db.inTransaction(c -> {
            List<Map<String, Object>> rows = new ArrayList<>();
            try (PreparedStatement ps = Sql.of("SELECT happened_at, by_user, from_owner, to_owner, reason FROM leads_assignment WHERE lead_id = ?"
                    + " ORDER BY id", lead.id()).prepare(c); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("at", Jdbc.instant(rs, "happened_at"));
                    row.put("kind", "ASSIGNED");
                    row.put("byUserId", rs.getObject("by_user", Long.class));
                    row.put("from", rs.getObject("from_owner", Long.class));
                    row.put("to", rs.getLong("to_owner"));
                    row.put("note", HistoryNotes.render(messages, rs.getString("reason"), request.language()));
                    rows.add(row);
                }
            }
            for (Map<String, Object> change : changes(c, lead.id())) {
                change.put("note", HistoryNotes.render(messages, (String) change.get("note"), request.language()));
                rows.add(change);
            }
            rows.sort((a, b) -> ((java.time.Instant) a.get("at")).compareTo((java.time.Instant) b.get("at")));
            return rows;
        });
        return Reply.ok(Map.of("leadId", lead.id(), "items", entries));
    }

    private static List<Map<String, Object>> changes(Connection c, long leadId) throws SQLException {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (PreparedStatement ps = Sql.of("SELECT happened_at, by_user, kind, from_value, to_value, note FROM leads_history WHERE lead_id = ?"
                + " ORDER BY id", leadId).prepare(c); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("at", Jdbc.instant(rs, "happened_at"));
                row.put("kind", rs.getString("kind"));
                row.put("byUserId", rs.getObject("by_user", Long.class));
                row.put("from", rs.getString("from_value"));
                row.put("to", rs.getString("to_value"));
                row.put("note", rs.getString("note"));
                rows.add(row);
            }
        }
        return rows;
    }
}
