package dev.pacesetter.leads.internal.http;

import java.sql.Connection;
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

import dev.pacesetter.leads.internal.domain.Normalizer;
import dev.pacesetter.leads.internal.store.Jdbc;
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

/**
 * The shared tag vocabulary marketing maintains and sales filters on: {@code /api/v1/lead-tags}. Names are
 * unique regardless of case, width and spacing ("High intent" and "ｈｉｇｈ　intent" are one tag).
 */
@Component(service = RouteProvider.class)
public final class TagRoutes implements RouteProvider {

    /** Body of POST and PUT. */
    public record TagInput(String name, String description) {
    }

    /** As the API shows it, with how many leads carry it. */
    public record Tag(long id, String name, String description, long leads, Instant createdAt) {
    }

    private final ModuleDatabase db;
    private final Clock clock;

    @Activate
    public TagRoutes(@Reference ModuleDatabase db, @Reference PlatformClock time) {
        this.clock = time.clock();
        this.db = db;
    }

    @Override
    public List<Route> routes() {
        return List.of(
                Route.get("/lead-tags", request -> Reply.ok(Map.of("items", db.inTransaction(TagRoutes::all)))).returnsItems(Tag.class)
                        .roles(Role.ADMIN, Role.MANAGER, Role.REP, Role.MARKETING, Role.INTEGRATOR).summary("The tag vocabulary, by name"),
                Route.post("/lead-tags", this::create).body(TagInput.class).returns(Tag.class).roles(Role.ADMIN, Role.MARKETING).summary("Add a tag (409 if the name exists)"),
                Route.put("/lead-tags/{id}", this::rename).body(TagInput.class).returns(Tag.class).roles(Role.ADMIN, Role.MARKETING).summary("Rename a tag or change its description"),
                Route.delete("/lead-tags/{id}", this::delete).withoutBody().roles(Role.ADMIN, Role.MARKETING)
                        .summary("Remove a tag no lead carries (409 with the count otherwise)"));
    }

    private Reply create(ApiRequest request) {
        TagInput input = validated(request.body(TagInput.class));
        Tag created = db.inTransaction(c -> {
            refuseTakenName(c, input.name(), null);
            long id = (Sql.of("INSERT INTO leads_tag (name, name_key, description, created_at) VALUES (?, ?, ?, ?)",
                    input.name().strip(), Normalizer.nameKey(input.name()), Jdbc.blankToNull(input.description()), clock.instant())).insertReturningKey(c, "id");
            Tag tag = find(c, id).orElseThrow();
            db.audit(c, AuditRecord.of(request, "lead-tags", id, "create").after(tag));
            return tag;
        });
        return Reply.created("/api/v1/lead-tags/" + created.id(), created);
    }

    private Reply rename(ApiRequest request) {
        long id = request.pathId("id");
        TagInput input = validated(request.body(TagInput.class));
        return Reply.ok(db.inTransaction(c -> {
            Tag before = find(c, id).orElseThrow(() -> ApiException.notFound(Message.of("error.tag.not-found", id)));
            refuseTakenName(c, input.name(), id);
            try (PreparedStatement ps = Sql.of("UPDATE leads_tag SET name = ?, name_key = ?, description = ? WHERE id = ?", input.name().strip(),
                    Normalizer.nameKey(input.name()), Jdbc.blankToNull(input.description()), id).prepare(c)) {
                ps.executeUpdate();
            }
            Tag after = find(c, id).orElseThrow();
            db.audit(c, AuditRecord.of(request, "lead-tags", id, "update").before(before).after(after));
            return after;
        }));
    }

    private Reply delete(ApiRequest request) {
        long id = request.pathId("id");
        db.inTransaction(c -> {
            Tag tag = find(c, id).orElseThrow(() -> ApiException.notFound(Message.of("error.tag.not-found", id)));
            if (tag.leads() > 0) {
                throw ApiException.conflict("tag_in_use", tag.leads() + " lead(s) carry tag '" + tag.name() + "'; remove it from them first.",
                        Map.of("leads", tag.leads()));
            }
            try (PreparedStatement ps = Sql.of("DELETE FROM leads_tag WHERE id = ?", id).prepare(c)) {
                ps.executeUpdate();
            }
            db.audit(c, AuditRecord.of(request, "lead-tags", id, "delete").before(tag));
            return null;
        });
        return Reply.noContent();
    }

    private static TagInput validated(TagInput input) {
        Validation v = new Validation();
        v.require(input.name() != null && !input.name().isBlank() && input.name().strip().length() <= 60, "name", Message.of("field.length_range", 1, 60));
        v.require(input.description() == null || input.description().length() <= 300, "description", Message.of("field.max_length", 300));
        v.orThrow();
        return input;
    }

    private static void refuseTakenName(Connection c, String name, Long except) throws SQLException {
        try (PreparedStatement ps = Sql.of("SELECT id FROM leads_tag WHERE name_key = ?", Normalizer.nameKey(name)).prepare(c);
                ResultSet rs = ps.executeQuery()) {
            if (rs.next() && (except == null || rs.getLong(1) != except)) {
                throw ApiException.conflict("tag_exists", Message.of("error.tag-exists", name.strip()), Map.of("tagId", rs.getLong(1)));
            }
        }
    }

    private static final String SELECT = "SELECT t.id, t.name, t.description, t.created_at,"
            + " (SELECT COUNT(*) FROM leads_lead_tag lt WHERE lt.tag_id = t.id) FROM leads_tag t";

    private static List<Tag> all(Connection c) throws SQLException {
        List<Tag> tags = new ArrayList<>();
        try (PreparedStatement ps = Sql.of(SELECT + " ORDER BY t.name_key").prepare(c); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                tags.add(row(rs));
            }
        }
        return tags;
    }

    private static Optional<Tag> find(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = Sql.of(SELECT + " WHERE t.id = ?", id).prepare(c); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(row(rs)) : Optional.empty();
        }
    }

    private static Tag row(ResultSet rs) throws SQLException {
        return new Tag(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(5), rs.getTimestamp(4).toInstant());
    }
}
