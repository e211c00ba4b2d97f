package dev.pacesetter.kernel.internal.db;

import java.util.List;

import dev.pacesetter.kernel.internal.modules.ModuleRecord;
import dev.pacesetter.kernel.internal.modules.ModuleRegistry;
import dev.pacesetter.kernel.internal.modules.ModuleStatus;
import dev.pacesetter.kernel.internal.modules.ModuleStatusReporter;
import dev.pacesetter.platform.api.Role;
import dev.pacesetter.platform.api.audit.AuditRecord;
import dev.pacesetter.platform.api.db.ModuleDatabase;
import dev.pacesetter.platform.api.http.ApiException;
import dev.pacesetter.platform.api.http.ApiRequest;
import dev.pacesetter.platform.api.http.Reply;
import dev.pacesetter.platform.api.http.Route;
import dev.pacesetter.platform.api.http.RouteProvider;
import dev.pacesetter.platform.api.i18n.Message;

/**
 * {@code POST /api/v1/modules/{module}/migrations/repair}: after a failed migration (and, on H2, after undoing what the
 * failed script left behind and deploying the corrected one), an administrator repairs the module's migration history
 * and has its migrations run again. 202 with the module's status; audited.
 */
public final class MigrationRepairRoutes implements RouteProvider {

    private final SchemaMigrator migrator;
    private final ModuleRegistry modules;
    private final ModuleStatusReporter reporter;
    private final ModuleDatabase platformDb;

    public MigrationRepairRoutes(SchemaMigrator migrator, ModuleRegistry modules, ModuleStatusReporter reporter, ModuleDatabase platformDb) {
        this.migrator = migrator;
        this.modules = modules;
        this.reporter = reporter;
        this.platformDb = platformDb;
    }

    @Override
    public List<Route> routes() {
        return List.of(Route.post("/modules/{module}/migrations/repair", this::repair).roles(Role.ADMIN).withoutBody().returns(ModuleStatus.class)
                .summary("Repair a module whose schema migration failed: drop the failed rows of its migration history, accept the"
                        + " scripts' checksums as they are, and migrate again (202; follow GET /api/v1/modules/{module})"));
    }

    private Reply repair(ApiRequest request) {
        String id = request.pathParam("module");
        ModuleRecord record = modules.record(id)
                .orElseThrow(() -> ApiException.notFound(Message.of("error.module.not_found", id)));
        switch (migrator.repair(id)) {
            case NOT_STARTED -> throw ApiException.conflict("module_not_started", Message.of("error.repair.not_started", id), null);
            case NOT_FAILED -> throw ApiException.conflict("migrations_not_failed", Message.of("error.repair.not_failed", id), null);
            case STARTED -> {
                platformDb.inTransaction(c -> {
                    platformDb.audit(c, AuditRecord.of(request, "modules", id, "repair-migrations"));
                    return null;
                });
            }
        }
        return Reply.accepted(reporter.statusOf(record));
    }
}
