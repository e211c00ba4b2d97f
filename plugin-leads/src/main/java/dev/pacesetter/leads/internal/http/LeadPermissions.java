package dev.pacesetter.leads.internal.http;

import java.util.List;

import org.osgi.service.component.annotations.Component;

import dev.pacesetter.platform.api.Role;
import dev.pacesetter.platform.api.security.Permission;
import dev.pacesetter.platform.api.security.PermissionProvider;

/** What the leads module lets administrators grant beyond roles. */
@Component(service = PermissionProvider.class)
public final class LeadPermissions implements PermissionProvider {

    /** Import leads from CSV files and read one's imports; a team's data person may be a rep granted it by name. */
    static final Permission IMPORT = Permission.of("leads.import", Role.MANAGER, Role.MARKETING);

    @Override
    public List<Permission> permissions() {
        return List.of(IMPORT);
    }
}
