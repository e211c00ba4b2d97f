package dev.pacesetter.kernel.internal.time;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.pacesetter.platform.api.Role;
import dev.pacesetter.platform.api.audit.AuditRecord;
import dev.pacesetter.platform.api.db.ModuleDatabase;
import dev.pacesetter.platform.api.http.ApiException;
import dev.pacesetter.platform.api.http.ApiRequest;
import dev.pacesetter.platform.api.http.FieldError;
import dev.pacesetter.platform.api.http.Reply;
import dev.pacesetter.platform.api.http.Route;
import dev.pacesetter.platform.api.http.RouteProvider;
import dev.pacesetter.platform.api.i18n.Message;

/**
 * {@code GET /api/v1/clock}: the server's time and business day, for anyone signed in. {@code POST /api/v1/clock/advance}:
 * an administrator moves an adjustable clock forward ({@code by} a duration or {@code to} a later time); audited, and kept
 * across restarts.
 */
public final class ClockRoutes implements RouteProvider {

    /** More than a year at once is a typo, not a test step. */
    static final Duration MAX_STEP = Duration.ofDays(400);

    private final KernelClock clock;
    private final ModuleDatabase db;

    public ClockRoutes(KernelClock clock, ModuleDatabase db) {
        this.clock = clock;
        this.db = db;
    }

    /** What {@code POST /clock/advance} accepts: exactly one of an ISO-8601 duration and an ISO-8601 time with offset. */
    public record Advance(String by, String to) {
    }

    @Override
    public List<Route> routes() {
        return List.of(
                Route.get("/clock", request -> Reply.ok(view(Duration.ZERO)))
                        .summary("The server's time, the business time zone and today's date there; whether the clock is adjustable"),
                Route.post("/clock/advance", this::advance).body(Advance.class).roles(Role.ADMIN)
                        .summary("Moves an adjustable clock forward (tests, demos, training): {\"by\":\"PT24H\"} or {\"to\":\"2026-12-01T02:00:00+08:00\"};"
                                + " 409 clock_not_adjustable unless the server runs with pacesetter.clock.adjustable=true"));
    }

    private Reply advance(ApiRequest request) {
        if (!clock.adjustable()) {
            throw ApiException.conflict("clock_not_adjustable", Message.of("error.clock_not_adjustable"), null);
        }
        Advance body = request.body(Advance.class);
        Duration step = step(body, clock.now());
        Map<String, Object> before = view(Duration.ZERO);
        Map<String, Object> after = view(step);
        // kept first, moved after: a move that could not be kept does not happen
        db.inTransaction(c -> {
            ClockStore.save(c, clock.offset().plus(step), clock.now());
            db.audit(c, AuditRecord.of(request, "clock", null, "advance").before(before).after(after));
            return null;
        });
        clock.advance(step);
        return Reply.ok(view(Duration.ZERO));
    }

    static Duration step(Advance body, Instant now) {
        List<FieldError> problems = new ArrayList<>();
        Duration step = null;
        if ((body.by() == null) == (body.to() == null)) {
            problems.add(new FieldError("by", Message.of("field.clock.by_or_to")));
        } else if (body.by() != null) {
            try {
                step = Duration.parse(body.by());
            } catch (DateTimeParseException e) {
                problems.add(new FieldError("by", Message.of("field.clock.duration")));
            }
        } else {
            try {
                step = Duration.between(now, OffsetDateTime.parse(body.to()).toInstant());
            } catch (DateTimeParseException e) {
                problems.add(new FieldError("to", Message.of("field.instant")));
            }
        }
        if (step != null && (step.isNegative() || step.compareTo(MAX_STEP) > 0)) {
            problems.add(new FieldError(body.by() != null ? "by" : "to", Message.of("field.clock.forward", MAX_STEP.toDays())));
        }
        if (!problems.isEmpty()) {
            throw ApiException.invalidFields(problems);
        }
        return step;
    }

    /** The clock as it is, or as it will be once moved by {@code step}. */
    private Map<String, Object> view(Duration step) {
        Instant now = clock.now().plus(step);
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("now", now.toString());
        view.put("businessZone", clock.businessZone().getId());
        view.put("today", java.time.LocalDate.ofInstant(now, clock.businessZone()).toString());
        view.put("adjustable", clock.adjustable());
        view.put("advancedBy", clock.offset().plus(step).toString());
        return view;
    }
}
