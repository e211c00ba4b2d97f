package dev.pacesetter.kernel.internal.identity;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

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

/**
 * Regions and teams. Every signed-in user may read the organisation chart; administrators change it.
 * A change of managers changes who sees what, so the token cache forgets every caller at once.
 */
public final class OrganisationRoutes implements RouteProvider {

    private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{1,39}");

    /** Body of {@code POST /regions}. */
    public record NewRegion(String code, String name, Long managerId) {
    }

    /**
     * Body of {@code PUT /regions/{id}}: the code is the region's stable key, so it may be sent (as it was read) but not
     * changed; a name left out keeps the name; the manager is replaced (left out or null: no regional manager).
     */
    public record RegionUpdate(String code, String name, Long managerId) {
    }

    /** Body of {@code POST /teams} and {@code PUT /teams/{id}}. */
    public record TeamInput(Long regionId, String name, Long managerId) {
    }

    private final ModuleDatabase db;
    private final TokenAuthenticator authenticator;
    private final OrgEvents events;

    OrganisationRoutes(ModuleDatabase db, TokenAuthenticator authenticator, OrgEvents events) {
        this.events = events;
        this.db = db;
        this.authenticator = authenticator;
    }

    @Override
    public List<Route> routes() {
        return List.of(
                Route.get("/regions", request -> Reply.ok(Map.of("items", db.inTransaction(OrganisationStore::regions))))
                        .returnsItems(OrganisationStore.Region.class).summary("Every region"),
                Route.get("/regions/{id}", request -> Reply.ok(region(request.pathId("id")))).returns(OrganisationStore.Region.class),
                Route.post("/regions", this::createRegion).body(NewRegion.class).returns(OrganisationStore.Region.class).roles(Role.ADMIN).summary("Create a region (code, name, regional manager)"),
                Route.put("/regions/{id}", this::updateRegion).body(RegionUpdate.class).returns(OrganisationStore.Region.class).roles(Role.ADMIN).summary("Rename a region or change its manager"),
                Route.get("/teams", request -> Reply.ok(Map.of("items",
                        db.inTransaction(c -> OrganisationStore.teams(c, regionFilter(request))))))
                        .query("regionId", Long.class, "Only teams of this region").returnsItems(OrganisationStore.Team.class).summary("Every team; ?regionId= filters"),
                Route.get("/teams/{id}", request -> Reply.ok(team(request.pathId("id")))).returns(OrganisationStore.Team.class),
                Route.post("/teams", this::createTeam).body(TeamInput.class).returns(OrganisationStore.Team.class).roles(Role.ADMIN).summary("Create a team in a region, with its manager"),
                Route.put("/teams/{id}", this::updateTeam).body(TeamInput.class).returns(OrganisationStore.Team.class).roles(Role.ADMIN).summary("Rename a team, move it or change its manager"));
    }

    private Reply createRegion(ApiRequest request) {
        NewRegion input = request.body(NewRegion.class);
        new Validation()
                .require(input.code() != null && CODE.matcher(input.code()).matches(), "code",
                        Message.of("field.region_code"))
                .require(validName(input.name()), "name", Message.of("field.required.max_length", 100))
                .orThrow();
        OrganisationStore.Region created = db.inTransaction(c -> {
            if (OrganisationStore.regionByCode(c, input.code()).isPresent()) {
                throw ApiException.conflict("region_exists", Message.of("error.region_exists", input.code()), Map.of("field", "code"));
            }
            requireManager(c, input.managerId());
            long id = OrganisationStore.insertRegion(c, input.code(), input.name().trim(), input.managerId());
            OrganisationStore.Region region = OrganisationStore.region(c, id).orElseThrow();
            db.audit(c, AuditRecord.of(request, "regions", id, "create").after(region));
            return region;
        });
        authenticator.forgetAll();
        return Reply.created("/api/v1/regions/" + created.id(), created);
    }

    private Reply updateRegion(ApiRequest request) {
        long id = request.pathId("id");
        RegionUpdate input = request.body(RegionUpdate.class);
        new Validation().require(input.name() == null || validName(input.name()), "name", Message.of("field.name.keep", 1, 100))
                .orThrow();
        OrganisationStore.Region updated = db.inTransaction(c -> {
            OrganisationStore.Region before = OrganisationStore.region(c, id).orElseThrow(() -> ApiException.notFound(Message.of("error.region.not_found", id)));
            if (input.code() != null && !input.code().equals(before.code())) {
                throw ApiException.invalidFields(List.of(new FieldError("code", Message.of("field.region_code.fixed", before.code()))));
            }
            requireManager(c, input.managerId());
            OrganisationStore.updateRegion(c, id, input.name() == null ? before.name() : input.name().trim(), input.managerId());
            OrganisationStore.Region after = OrganisationStore.region(c, id).orElseThrow();
            db.audit(c, AuditRecord.of(request, "regions", id, "update").before(before).after(after));
            return after;
        });
        authenticator.forgetAll();
        return Reply.ok(updated);
    }

    private Reply createTeam(ApiRequest request) {
        TeamInput input = validTeam(request.body(TeamInput.class));
        OrganisationStore.Team created = db.inTransaction(c -> {
            checkTeam(c, input, 0);
            long id = OrganisationStore.insertTeam(c, input.regionId(), input.name().trim(), input.managerId());
            OrganisationStore.Team team = OrganisationStore.team(c, id).orElseThrow();
            db.audit(c, AuditRecord.of(request, "teams", id, "create").after(team));
            return team;
        });
        authenticator.forgetAll();
        return Reply.created("/api/v1/teams/" + created.id(), created);
    }

    private Reply updateTeam(ApiRequest request) {
        long id = request.pathId("id");
        TeamInput input = validTeam(request.body(TeamInput.class));
        OrganisationStore.Team updated = db.inTransaction(c -> {
            OrganisationStore.Team before = OrganisationStore.team(c, id).orElseThrow(() -> ApiException.notFound(Message.of("error.team.not_found", id)));
            checkTeam(c, input, id);
            OrganisationStore.updateTeam(c, id, input.regionId(), input.name().trim(), input.managerId());
            OrganisationStore.Team after = OrganisationStore.team(c, id).orElseThrow();
            db.audit(c, AuditRecord.of(request, "teams", id, "update").before(before).after(after));
            if (after.regionId() != before.regionId()) {
                events.membersMoved(c, id, before.regionId());
            }
            if (!java.util.Objects.equals(before.managerId(), after.managerId())) {
                events.teamManagerChanged(c, new dev.pacesetter.platform.api.org.Team(after.id(), after.name(), after.regionId(), after.managerId()),
                        before.managerId());
            }
            return after;
        });
        authenticator.forgetAll();
        return Reply.ok(updated);
    }

    private static TeamInput validTeam(TeamInput input) {
        new Validation()
                .require(input.regionId() != null, "regionId", Message.of("field.required"))
                .require(validName(input.name()), "name", Message.of("field.required.max_length", 100))
                .orThrow();
        return input;
    }

    private static void checkTeam(Connection c, TeamInput input, long teamId) throws SQLException {
        if (OrganisationStore.region(c, input.regionId()).isEmpty()) {
            throw ApiException.invalidFields(List.of(new FieldError("regionId", Message.of("field.region.unknown", input.regionId()))));
        }
        if (OrganisationStore.teamNameTaken(c, input.regionId(), input.name().trim(), teamId)) {
            throw ApiException.conflict("team_exists", Message.of("error.team_exists", input.name().trim()), Map.of("field", "name"));
        }
        requireManager(c, input.managerId());
    }

    private static void requireManager(Connection c, Long managerId) throws SQLException {
        if (managerId != null && !OrganisationStore.isActiveManager(c, managerId)) {
            throw ApiException.invalidFields(List.of(new FieldError("managerId",
                    Message.of("field.manager"))));
        }
    }

    private OrganisationStore.Region region(long id) {
        return db.inTransaction(c -> OrganisationStore.region(c, id)).orElseThrow(() -> ApiException.notFound(Message.of("error.region.not_found", id)));
    }

    private OrganisationStore.Team team(long id) {
        return db.inTransaction(c -> OrganisationStore.team(c, id)).orElseThrow(() -> ApiException.notFound(Message.of("error.team.not_found", id)));
    }

    private static Optional<Long> regionFilter(ApiRequest request) {
        return request.queryParam("regionId").map(value -> {
            try {
                return Long.parseLong(value);
            } catch (NumberFormatException e) {
                throw ApiException.invalidFields(List.of(new FieldError("regionId", Message.of("field.region_id"))));
            }
        });
    }

    private static boolean validName(String name) {
        return name != null && !name.isBlank() && name.trim().length() <= 100;
    }
}
