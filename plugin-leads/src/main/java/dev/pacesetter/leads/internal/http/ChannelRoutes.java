package dev.pacesetter.leads.internal.http;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import dev.pacesetter.leads.internal.domain.ChannelKind;
import dev.pacesetter.leads.internal.domain.CostPeriod;
import dev.pacesetter.leads.internal.domain.LeadFields;
import dev.pacesetter.leads.internal.domain.Normalizer;
import dev.pacesetter.platform.api.money.Money;
import dev.pacesetter.platform.api.Role;
import dev.pacesetter.platform.api.audit.AuditRecord;
import dev.pacesetter.platform.api.db.ModuleDatabase;
import dev.pacesetter.platform.api.db.Sql;
import dev.pacesetter.platform.api.http.ApiException;
import dev.pacesetter.platform.api.http.ApiRequest;
import dev.pacesetter.platform.api.http.Reply;
import dev.pacesetter.platform.api.http.Route;
import dev.pacesetter.platform.api.http.RouteProvider;
import dev.pacesetter.platform.api.http.Validation;
import dev.pacesetter.platform.api.i18n.Message;
import dev.pacesetter.platform.api.time.PlatformClock;

/** Where leads come from and what each channel costs per period: {@code /api/v1/channels}. */
@Component(service = RouteProvider.class)
public final class ChannelRoutes implements RouteProvider {

    /** Body of POST and PUT as sent: kind and period as codes or Chinese words ({@link dev.pacesetter.leads.internal.domain.LeadVocabulary}). */
    public record ChannelBody(String name, String kind, Money cost, String costPeriod, Boolean active) {
    }

    /** Body of POST and PUT, read. */
    record ChannelInput(String name, ChannelKind kind, Money cost, CostPeriod costPeriod, Boolean active) {
    }

    /** As the API shows it. */
    public record Channel(long id, String name, ChannelKind kind, Money cost, CostPeriod costPeriod, boolean active, Instant createdAt) {
    }

    private final ModuleDatabase db;
    private final Clock clock;

    @Activate
    public ChannelRoutes(@Reference ModuleDatabase db, @Reference PlatformClock time) {
        this.clock = time.clock();
        this.db = db;
    }

    @Override
    public List<Route> routes() {
        return List.of(
                Route.get("/channels", request -> Reply.ok(Map.of("items", db.inTransaction(c -> {
                    List<Channel> all = new ArrayList<>();
                    try (PreparedStatement ps = Sql.of("SELECT " + COLUMNS + " FROM leads_channel ORDER BY name_key").prepare(c);
                            ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            all.add(row(rs));
                        }
                    }
                    return all;
                })))).returnsItems(Channel.class).roles(Role.ADMIN, Role.MANAGER, Role.REP, Role.MARKETING, Role.INTEGRATOR).summary("Every lead channel, by name"),
                Route.get("/channels/{id}", request -> Reply.ok(db.inTransaction(c -> find(c, request.pathId("id")))
                        .orElseThrow(() -> ApiException.notFound(Message.of("error.channel.not-found", request.pathId("id"))))))
                        .returns(Channel.class).roles(Role.ADMIN, Role.MANAGER, Role.REP, Role.MARKETING, Role.INTEGRATOR).summary("One channel"),
                Route.post("/channels", this::create).body(ChannelBody.class).returns(Channel.class).roles(Role.ADMIN, Role.MARKETING)
                        .summary("Add a channel: name (unique), kind, optional cost with currency per period"),
                Route.put("/channels/{id}", this::update).body(ChannelBody.class).returns(Channel.class).roles(Role.ADMIN, Role.MARKETING)
                        .summary("Change a channel; active=false retires it (no new leads, history kept)"));
    }

    private static final String COLUMNS = "id, name, kind, cost_amount, cost_currency, cost_period, active, created_at";

    private Reply create(ApiRequest request) {
        ChannelInput input = validated(request.body(ChannelBody.class));
        Channel created = db.inTransaction(c -> {
            refuseTakenName(c, input.name(), null);
            long id = (Sql.of("INSERT INTO leads_channel (name, name_key, kind, cost_amount, cost_currency, cost_period,"
                    + " active, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", values(input, input.active() == null || input.active(), clock.instant()))).insertReturningKey(c, "id");
            Channel channel = find(c, id).orElseThrow();
            db.audit(c, AuditRecord.of(request, "channels", id, "create").after(channel));
            return channel;
        });
        return Reply.created("/api/v1/channels/" + created.id(), created);
    }

    private Reply update(ApiRequest request) {
        long id = request.pathId("id");
        ChannelInput input = validated(request.body(ChannelBody.class));
        return Reply.ok(db.inTransaction(c -> {
            Channel before = find(c, id).orElseThrow(() -> ApiException.notFound(Message.of("error.channel.not-found", id)));
            refuseTakenName(c, input.name(), id);
            try (PreparedStatement ps = Sql.of("UPDATE leads_channel SET name = ?, name_key = ?, kind = ?, cost_amount = ?,"
                    + " cost_currency = ?, cost_period = ?, active = ? WHERE id = ?", values(input, input.active() == null ? before.active()
                            : input.active(), id)).prepare(c)) {
                ps.executeUpdate();
            }
            Channel after = find(c, id).orElseThrow();
            db.audit(c, AuditRecord.of(request, "channels", id, "update").before(before).after(after));
            return after;
        }));
    }

    private static ChannelInput validated(ChannelBody body) {
        LeadFields fields = new LeadFields();
        ChannelInput input = new ChannelInput(body.name(), fields.enumValue("kind", ChannelKind.class, body.kind()), body.cost(),
                fields.enumValue("costPeriod", CostPeriod.class, body.costPeriod()), body.active());
        Validation v = new Validation();
        fields.problems().forEach(p -> v.require(false, p.field(), p.text()));
        v.require(input.name() != null && !input.name().isBlank() && input.name().strip().length() <= 100, "name", Message.of("field.length_range", 1, 100));
        v.require(input.kind() != null || body.kind() != null && !body.kind().isBlank(), "kind", Message.of("field.required.one-of", String.join(", ", java.util.Arrays.stream(ChannelKind.values()).map(Enum::name).toList())));
        if (input.cost() != null) {
            if (input.cost().problem() != null) {
                v.require(false, "cost", input.cost().problemText());
            }
            v.require(input.costPeriod() != null || body.costPeriod() != null && !body.costPeriod().isBlank(), "costPeriod", Message.of("field.cost-period"));
        }
        v.orThrow();
        return input;
    }

    private static void refuseTakenName(java.sql.Connection c, String name, Long except) throws SQLException {
        try (PreparedStatement ps = Sql.of("SELECT id FROM leads_channel WHERE name_key = ?", Normalizer.nameKey(name)).prepare(c);
                ResultSet rs = ps.executeQuery()) {
            if (rs.next() && (except == null || rs.getLong(1) != except)) {
                throw ApiException.conflict("channel_exists", Message.of("error.channel-exists", name.strip()), Map.of("channelId", rs.getLong(1)));
            }
        }
    }

    /** The name, name key, kind, cost (amount, currency, period) and {@code active} a create or an update stores, then {@code last}. */
    private static Object[] values(ChannelInput input, boolean active, Object last) {
        Money cost = input.cost();
        return new Object[] {input.name().strip(), Normalizer.nameKey(input.name()), input.kind().name(), cost == null ? null : cost.scaled(),
            cost == null ? null : cost.currency(), cost == null ? null : input.costPeriod().name(), active, last};
    }

    static Optional<Channel> find(java.sql.Connection c, long id) throws SQLException {
        try (PreparedStatement ps = Sql.of("SELECT " + COLUMNS + " FROM leads_channel WHERE id = ?", id).prepare(c); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(row(rs)) : Optional.empty();
        }
    }

    private static Channel row(ResultSet rs) throws SQLException {
        java.math.BigDecimal amount = rs.getBigDecimal("cost_amount");
        return new Channel(rs.getLong("id"), rs.getString("name"), ChannelKind.valueOf(rs.getString("kind")),
                amount == null ? null : new Money(amount, rs.getString("cost_currency").strip()),
                rs.getString("cost_period") == null ? null : CostPeriod.valueOf(rs.getString("cost_period")), rs.getBoolean("active"),
                rs.getTimestamp("created_at").toInstant());
    }
}
