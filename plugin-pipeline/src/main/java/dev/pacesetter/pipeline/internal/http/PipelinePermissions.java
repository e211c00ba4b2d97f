package dev.pacesetter.pipeline.internal.http;

import java.util.List;

import org.osgi.service.component.annotations.Component;

import dev.pacesetter.platform.api.Role;
import dev.pacesetter.platform.api.security.Permission;
import dev.pacesetter.platform.api.security.PermissionProvider;

/** What the pipeline module lets administrators grant beyond roles. */
@Component(service = PermissionProvider.class)
public final class PipelinePermissions implements PermissionProvider {

    /** Change the tier thresholds, the tier playbooks and the health settings every account is judged by. */
    static final Permission CONFIGURE_CUSTOMERS = Permission.of("pipeline.customers.configure", Role.MANAGER);

    /** Recompute every account's tier and health now (heavy: every account is read). */
    static final Permission RECOMPUTE_CUSTOMERS = Permission.of("pipeline.customers.recompute");

    @Override
    public List<Permission> permissions() {
        return List.of(CONFIGURE_CUSTOMERS, RECOMPUTE_CUSTOMERS);
    }
}
