package dev.pacesetter.kernel.internal.mail;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dev.pacesetter.platform.api.Role;
import dev.pacesetter.platform.api.audit.AuditRecord;
import dev.pacesetter.platform.api.db.ModuleDatabase;
import dev.pacesetter.platform.api.http.ApiException;
import dev.pacesetter.platform.api.http.ApiRequest;
import dev.pacesetter.platform.api.http.FieldError;
import dev.pacesetter.platform.api.http.Reply;
import dev.pacesetter.platform.api.http.Route;
import dev.pacesetter.platform.api.http.RouteProvider;
import dev.pacesetter.platform.api.http.Validation;
import dev.pacesetter.platform.api.i18n.Message;

/** Operators watch the e-mail outbox: whether SMTP is configured, what waits, what was given up on, and queue a parked mail again. */
public final class MailRoutes implements RouteProvider {

    private final MailDelivery delivery;
    private final ModuleDatabase db;
    private final Clock clock;

    public MailRoutes(MailDelivery delivery, ModuleDatabase db, Clock clock) {
        this.delivery = delivery;
        this.db = db;
        this.clock = clock;
    }

    @Override
    public List<Route> routes() {
        return List.of(
                Route.get("/mail/outbox", this::outbox).query("state", MailOutbox.State.class, "Only mails in this state").query("limit", Integer.class, "Page size").roles(Role.ADMIN)
                        .summary("E-mails newest first (?state=QUEUED|SENT|PARKED, ?limit=), counts per state, and whether SMTP is configured"),
                Route.post("/mail/outbox/{id}/retry", this::retry).withoutBody().roles(Role.ADMIN)
                        .summary("Queue a parked e-mail again, due now, with its attempts reset"));
    }

    private Reply outbox(ApiRequest request) {
        Optional<MailOutbox.State> state = request.queryParam("state").map(MailRoutes::state);
        int limit = limit(request);
        Map<String, Object> smtp = new LinkedHashMap<>();
        smtp.put("configured", delivery.configured());
        smtp.put("host", delivery.config().smtpHost().orElse(null));
        smtp.put("port", delivery.config().smtpPort());
        smtp.put("maxAttempts", delivery.config().maxAttempts());
        return Reply.ok(db.inTransaction(c -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("smtp", smtp);
            body.put("counts", MailOutbox.counts(c));
            body.put("items", MailOutbox.list(c, state, limit));
            return body;
        }));
    }

    private Reply retry(ApiRequest request) {
        long id = request.pathId("id");
        boolean queued = db.inTransaction(c -> {
            if (!MailOutbox.requeue(c, id, clock.instant())) {
                return false;
            }
            db.audit(c, AuditRecord.of(request, "mail", id, "retry").after(Map.of("state", MailOutbox.State.QUEUED.name())));
            db.afterCommit(c, delivery::wake);
            return true;
        });
        if (!queued) {
            throw ApiException.notFound(Message.of("error.mail.not_found", id));
        }
        return Reply.ok(Map.of("id", id, "state", MailOutbox.State.QUEUED.name()));
    }

    private static MailOutbox.State state(String text) {
        try {
            return MailOutbox.State.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidFields(List.of(new FieldError("state", Message.of("field.one_of", "QUEUED, SENT, PARKED"))));
        }
    }

    private static int limit(ApiRequest request) {
        Validation validation = new Validation();
        int limit = validation.intParam(request, "limit", 50, 1, 500);
        validation.orThrow();
        return limit;
    }
}
