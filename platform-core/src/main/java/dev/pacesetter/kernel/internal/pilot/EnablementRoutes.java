package dev.pacesetter.kernel.internal.pilot;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.pacesetter.kernel.internal.modules.ModuleRegistry;
import dev.pacesetter.platform.api.Role;
import dev.pacesetter.platform.api.audit.AuditRecord;
import dev.pacesetter.platform.api.db.ModuleDatabase;
import dev.pacesetter.platform.api.http.ApiException;
import dev.pacesetter.platform.api.http.ApiRequest;
import dev.pacesetter.platform.api.http.FieldError;
import dev.pacesetter.platform.api.http.Reply;
import dev.pacesetter.platform.api.http.Route;
import dev.pacesetter.platform.api.http.RouteProvider;
import dev.pacesetter.platform.api.pilot.EnabledRegions;
import dev.pacesetter.platform.api.i18n.Message;

/** {@code PUT /api/v1/modules/{module}/enablement}: administrators switch a module on region by region. */
public final class EnablementRoutes implements RouteProvider {

    /** Body: {@code {"regions":"all"}} or {@code {"regions":["south-china", …]}}. */
    public record EnablementInput(Object regions) {
    }

    private final PilotEnablement enablement;
    private final ModuleDatabase platformDb;
    private final ModuleRegistry modules;

    public EnablementRoutes(PilotEnablement enablement, ModuleDatabase platformDb, ModuleRegistry modules) {
        this.enablement = enablement;
        this.platformDb = platformDb;
        this.modules = modules;
    }

    @Override
    public List<Route> routes() {
        return List.of(
                Route.get("/modules/{module}/enablement", request -> Reply.ok(view(knownModule(request)))),
                Route.put("/modules/{module}/enablement", this::change).body(EnablementInput.class).roles(Role.ADMIN)
                        .summary("Switch a module on for all regions or a list of region codes; takes effect at once"));
    }

    private Reply change(ApiRequest request) {
        String moduleId = knownModule(request);
        if (ModuleRegistry.PLATFORM.equals(moduleId)) {
            throw ApiException.conflict("platform_always_on", Message.of("error.platform_always_on"), null);
        }
        EnablementInput input = request.body(EnablementInput.class);
        Map<String, Object> before = view(moduleId);
        platformDb.inTransaction(c -> {
            EnabledRegions regions = parse(input.regions(), EnablementStore.regionIdsByCode(c));
            enablement.replace(c, moduleId, regions);
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("module", moduleId);
            after.put("enabledRegions", regions.isAll() ? "all" : input.regions());
            platformDb.audit(c, AuditRecord.of(request, "modules", moduleId, "enablement").before(before).after(after));
            return null;
        });
        enablement.reload();
        return Reply.ok(view(moduleId));
    }

    private Map<String, Object> view(String moduleId) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("module", moduleId);
        view.put("enabledRegions", enablement.describe(moduleId));
        return view;
    }

    private String knownModule(ApiRequest request) {
        String id = request.pathParam("module");
        if (modules.record(id).isEmpty()) {
            throw ApiException.notFound(Message.of("error.module.not_found", id));
        }
        return id;
    }

    private static EnabledRegions parse(Object regions, Map<String, Long> idsByCode) {
        if ("all".equals(regions)) {
            return EnabledRegions.all();
        }
        if (!(regions instanceof List<?> codes)) {
            throw invalid(Message.of("field.regions"));
        }
        Set<Long> ids = new HashSet<>();
        List<String> unknown = new ArrayList<>();
        for (Object code : codes) {
            Long id = code instanceof String text ? idsByCode.get(text) : null;
            if (id == null) {
                unknown.add(String.valueOf(code));
            } else {
                ids.add(id);
            }
        }
        if (!unknown.isEmpty()) {
            throw invalid(Message.of("field.regions.unknown", String.join(", ", unknown)));
        }
        return EnabledRegions.only(ids);
    }

    private static ApiException invalid(Message message) {
        return ApiException.invalidFields(List.of(new FieldError("regions", message)));
    }
}
