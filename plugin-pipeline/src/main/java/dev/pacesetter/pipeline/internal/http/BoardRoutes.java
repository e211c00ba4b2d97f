package dev.pacesetter.pipeline.internal.http;

import java.util.List;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import dev.pacesetter.pipeline.internal.store.BoardTotals;
import dev.pacesetter.platform.api.db.ModuleDatabase;
import dev.pacesetter.platform.api.db.Sql;
import dev.pacesetter.platform.api.http.ApiRequest;
import dev.pacesetter.platform.api.http.Reply;
import dev.pacesetter.platform.api.http.Route;
import dev.pacesetter.platform.api.http.RouteProvider;
import dev.pacesetter.platform.api.http.Validation;
import dev.pacesetter.platform.api.security.Caller;

/**
 * The pipeline board ({@code GET /api/v1/pipeline/board}): open opportunities per stage with their count and
 * amounts per currency, for what the caller may see — optionally one team's or one owner's.
 */
@Component(service = RouteProvider.class)
public final class BoardRoutes implements RouteProvider {

    private final ModuleDatabase db;

    /** The board: one column per stage. */
    public record Board(List<BoardTotals.Column> stages) {
    }

    @Activate
    public BoardRoutes(@Reference ModuleDatabase db) {
        this.db = db;
    }

    @Override
    public List<Route> routes() {
        return List.of(Route.get("/pipeline/board", this::board).returns(Board.class).query("teamId", Long.class, "Only this team's opportunities").query("ownerId", Long.class, "Only this owner's opportunities").roles(AccountRoutes.WORKERS)
                .summary("Open opportunities per stage with count and totals per currency; teamId or ownerId narrow it, within what you may see"));
    }

    private Reply board(ApiRequest request) {
        Validation v = new Validation();
        Optional<Long> team = v.longParam(request, "teamId");
        Optional<Long> owner = v.longParam(request, "ownerId");
        v.orThrow();
        Caller caller = request.caller().orElseThrow();
        Sql owners = caller.scope().ownedBy("b.owner_id");
        if (team.isPresent()) {
            owners = owners.and(Sql.of("b.owner_id IN (SELECT u.id FROM org_user_v1 u WHERE u.team_id = ?)", team.get()));
        }
        if (owner.isPresent()) {
            owners = owners.and(Sql.of("b.owner_id = ?", owner.get()));
        }
        Sql condition = owners;
        return Reply.ok(new Board(db.inTransaction(c -> BoardTotals.board(c, condition))));
    }
}
