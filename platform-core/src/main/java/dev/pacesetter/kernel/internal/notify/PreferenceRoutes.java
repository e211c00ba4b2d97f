package dev.pacesetter.kernel.internal.notify;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import dev.pacesetter.kernel.internal.config.MailConfig;
import dev.pacesetter.platform.api.audit.AuditRecord;
import dev.pacesetter.platform.api.db.ModuleDatabase;
import dev.pacesetter.platform.api.db.Sql;
import dev.pacesetter.platform.api.http.ApiException;
import dev.pacesetter.platform.api.http.ApiRequest;
import dev.pacesetter.platform.api.http.FieldError;
import dev.pacesetter.platform.api.http.Reply;
import dev.pacesetter.platform.api.http.Route;
import dev.pacesetter.platform.api.http.RouteProvider;
import dev.pacesetter.platform.api.http.Validation;
import dev.pacesetter.platform.api.notify.Notification;
import dev.pacesetter.platform.api.notify.Severity;
import dev.pacesetter.platform.api.i18n.Message;

/**
 * Each user's own delivery preferences: per notification kind, or for every kind ({@code *}), the
 * inbox, e-mail or both. Nobody reads or changes another user's; the path names a kind, never a user.
 */
public final class PreferenceRoutes implements RouteProvider {

    /** Body of {@code PUT /notification-preferences/{kind}}. */
    public record PreferenceInput(String channel) {
    }

    private final ModuleDatabase db;
    private final Clock clock;
    private final Channel platformDefault;
    private final boolean mailOn;

    public PreferenceRoutes(ModuleDatabase db, Clock clock, MailConfig mail) {
        this.db = db;
        this.clock = clock;
        this.platformDefault = Channel.parse(mail.defaultChannel()).orElseThrow();
        this.mailOn = mail.configured();
    }

    @Override
    public List<Route> routes() {
        return List.of(
                Route.get("/notification-preferences", this::list)
                        .summary("My delivery preferences: my default and each kind I chose for or have received, with the channel that applies"),
                Route.put("/notification-preferences/{kind}", this::put).body(PreferenceInput.class)
                        .summary("Choose how I am told of a kind of notification (or * for every kind): {\"channel\":\"INBOX|EMAIL|BOTH\"}"),
                Route.delete("/notification-preferences/{kind}", this::reset)
                        .summary("Forget my choice for a kind (or *): the default applies again"));
    }

    private Reply list(ApiRequest request) {
        long user = request.caller().orElseThrow().userId();
        return Reply.ok(db.inTransaction(c -> {
            Map<String, Channel> chosen = PreferenceStore.chosen(c, user);
            Optional<Channel> userDefault = Optional.ofNullable(chosen.get(PreferenceStore.ANY_KIND));
            TreeSet<String> kinds = new TreeSet<>(PreferenceStore.receivedKinds(c, user));
            kinds.addAll(chosen.keySet());
            kinds.remove(PreferenceStore.ANY_KIND);
            List<Map<String, Object>> items = new ArrayList<>();
            for (String kind : kinds) {
                Optional<Channel> forKind = Optional.ofNullable(chosen.get(kind));
                items.add(item(kind, forKind.or(() -> userDefault).orElse(platformDefault), forKind.isPresent()));
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("default", item(PreferenceStore.ANY_KIND, userDefault.orElse(platformDefault), userDefault.isPresent()));
            body.put("items", items);
            body.put("email", email(c, user));
            body.put("emailEnabled", mailOn);
            return body;
        }));
    }

    private Reply put(ApiRequest request) {
        long user = request.caller().orElseThrow().userId();
        String kind = request.pathParam("kind");
        PreferenceInput input = request.body(PreferenceInput.class);
        Optional<Channel> channel = Channel.parse(input.channel());
        new Validation()
                .require(validKind(kind), "kind", Message.of("field.notification_kind"))
                .require(channel.isPresent(), "channel", Message.of("field.one_of", "INBOX, EMAIL, BOTH"))
                .orThrow();
        Map<String, Object> after = item(kind, channel.get(), true);
        db.inTransaction(c -> {
            Optional<Channel> before = PreferenceStore.put(c, user, kind, channel.get(), clock.instant());
            if (!before.equals(channel)) {
                db.audit(c, AuditRecord.of(request, "notification-preferences", user + "/" + kind, before.isPresent() ? "update" : "create")
                        .before(before.map(b -> item(kind, b, true)).orElse(null)).after(after));
            }
            return null;
        });
        return Reply.ok(after);
    }

    private Reply reset(ApiRequest request) {
        long user = request.caller().orElseThrow().userId();
        String kind = request.pathParam("kind");
        if (!validKind(kind)) {
            throw ApiException.invalidFields(List.of(new FieldError("kind", Message.of("field.notification_kind"))));
        }
        db.inTransaction(c -> {
            Optional<Channel> before = PreferenceStore.remove(c, user, kind);
            if (before.isPresent()) {
                db.audit(c, AuditRecord.of(request, "notification-preferences", user + "/" + kind, "delete").before(item(kind, before.get(), true)));
            }
            return null;
        });
        return Reply.noContent(); // also when there was no choice to forget: the default applies either way
    }

    /** Valid exactly when a plugin could raise a notification of this kind: the platform API's own check decides. */
    static boolean validKind(String kind) {
        if (PreferenceStore.ANY_KIND.equals(kind)) {
            return true;
        }
        if (kind == null || kind.length() > 100) {
            return false;
        }
        try {
            Notification.to(0, kind, Severity.INFO, "kind check");
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static Map<String, Object> item(String kind, Channel channel, boolean chosen) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("kind", kind);
        item.put("channel", channel.name());
        item.put("chosen", chosen);
        return item;
    }

    private static String email(java.sql.Connection c, long user) throws java.sql.SQLException {
        try (PreparedStatement ps = Sql.of("SELECT email FROM platform_user WHERE id = ?", user).prepare(c); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
