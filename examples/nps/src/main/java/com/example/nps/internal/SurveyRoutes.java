package com.example.nps.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.example.nps.api.SurveyAnswered;
import dev.pacesetter.platform.api.Role;
import dev.pacesetter.platform.api.audit.AuditRecord;
import dev.pacesetter.platform.api.db.ModuleDatabase;
import dev.pacesetter.platform.api.db.Sql;
import dev.pacesetter.platform.api.events.EventPublisher;
import dev.pacesetter.platform.api.events.OutgoingEvent;
import dev.pacesetter.platform.api.http.ApiRequest;
import dev.pacesetter.platform.api.http.Reply;
import dev.pacesetter.platform.api.http.Route;
import dev.pacesetter.platform.api.http.RouteProvider;
import dev.pacesetter.platform.api.http.Validation;
import dev.pacesetter.platform.api.i18n.Message;
import dev.pacesetter.platform.api.org.Organisation;
import dev.pacesetter.platform.api.schedule.Deadline;
import dev.pacesetter.platform.api.schedule.Deadlines;
import dev.pacesetter.platform.api.security.Caller;
import dev.pacesetter.platform.api.security.RowScope;
import dev.pacesetter.platform.api.time.PlatformClock;

/**
 * {@code /api/v1/nps/surveys}: reps record what customers answered; everyone reads the surveys in their scope
 * and the score ({@code /api/v1/nps/score}). A detractor gets a call-back deadline 24 hours later.
 */
@Component(service = RouteProvider.class)
public final class SurveyRoutes implements RouteProvider {

    static final Duration CALL_BACK_WITHIN = Duration.ofHours(24);

    /** Body of {@code POST /nps/surveys}. */
    public record NewSurvey(String customer, Integer score) {
    }

    /** A survey as clients read it. */
    public record Survey(long id, long ownerId, String customer, int score, String category, Instant answeredAt) {
    }

    private final ModuleDatabase db;
    private final EventPublisher events;
    private final Deadlines deadlines;
    private final Organisation organisation;
    private final Clock clock;

    @Activate
    public SurveyRoutes(@Reference ModuleDatabase db, @Reference EventPublisher events, @Reference Deadlines deadlines,
            @Reference Organisation organisation, @Reference PlatformClock time) {
        this.db = db;
        this.events = events;
        this.deadlines = deadlines;
        this.organisation = organisation;
        this.clock = time.clock();
    }

    @Override
    public List<Route> routes() {
        return List.of(
                Route.post("/nps/surveys", this::create).roles(Role.REP, Role.MANAGER).body(NewSurvey.class).returns(Survey.class)
                        .summary("Record a customer's answer (score 0-10); a detractor gets a call-back deadline"),
                Route.get("/nps/surveys", this::list).summary("The surveys in your scope, newest first"),
                Route.get("/nps/score", this::score).summary("The Net Promoter Score of the surveys in your scope"));
    }

    private Reply create(ApiRequest request) {
        NewSurvey input = request.body(NewSurvey.class);
        new Validation()
                .require(input.customer() != null && !input.customer().isBlank() && input.customer().strip().length() <= 100, "customer",
                        Message.of("field.nps.customer"))
                .require(input.score() != null && input.score() >= 0 && input.score() <= 10, "score", Message.of("field.nps.score"))
                .orThrow();
        Caller caller = request.caller().orElseThrow();
        Instant now = clock.instant();
        Nps.Category category = Nps.categoryOf(input.score());
        Survey created = db.inTransaction(c -> {
            long id = insert(c, caller.userId(), input.customer().strip(), input.score(), now);
            Survey survey = new Survey(id, caller.userId(), input.customer().strip(), input.score(), category.name(), now);
            db.audit(c, AuditRecord.of(request, "nps", id, "create").after(survey));
            events.publish(c, OutgoingEvent.of(SurveyAnswered.TOPIC, id,
                    new SurveyAnswered(id, caller.userId(), survey.customer(), survey.score(), survey.category(), now)));
            if (category == Nps.Category.DETRACTOR) {
                Deadline callBack = Deadline.of(DetractorCallBack.KIND, id, now.plus(CALL_BACK_WITHIN));
                Long region = organisation.person(c, caller.userId()).map(p -> p.regionId()).orElse(null);
                deadlines.schedule(c, region == null ? callBack : callBack.inRegion(region));
            }
            return survey;
        });
        return Reply.created("/api/v1/nps/surveys/" + created.id(), created);
    }

    private Reply list(ApiRequest request) {
        RowScope scope = request.caller().orElseThrow().scope();
        return Reply.ok(Map.of("items", db.inTransaction(c -> surveys(c, scope))));
    }

    private Reply score(ApiRequest request) {
        RowScope scope = request.caller().orElseThrow().scope();
        List<Survey> surveys = db.inTransaction(c -> surveys(c, scope));
        BigDecimal nps = Nps.of(surveys.stream().map(Survey::score).toList());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("answers", surveys.size());
        body.put("nps", nps);
        return Reply.ok(body);
    }

    private static long insert(Connection c, long ownerId, String customer, int score, Instant at) throws SQLException {
        return Sql.of("INSERT INTO nps_survey (owner_id, customer, score, answered_at) VALUES (?, ?, ?, ?)", ownerId, customer, score, at)
                .insertReturningKey(c, "id");
    }

    static List<Survey> surveys(Connection c, RowScope scope) throws SQLException {
        List<Survey> found = new ArrayList<>();
        Sql query = Sql.of("SELECT s.id, s.owner_id, s.customer, s.score, s.answered_at FROM nps_survey s WHERE 1 = 1")
                .and(scope.ownedBy("s.owner_id")).append("ORDER BY s.id DESC FETCH FIRST 500 ROWS ONLY");
        try (PreparedStatement ps = query.prepare(c); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                int score = rs.getInt(4);
                found.add(new Survey(rs.getLong(1), rs.getLong(2), rs.getString(3), score, Nps.categoryOf(score).name(),
                        rs.getTimestamp(5).toInstant()));
            }
        }
        return found;
    }
}
