package dev.pacesetter.platform.api.security;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Whiteboard service: the {@link Permission}s a module declares. The kernel lists them for administrators (who
 * choose which roles and which users hold each) while the bundle is active. Permissions a module only requires on
 * routes are known from the routes too; declare them here as well so they exist before the first route is served
 * and so that those checked only in handlers are listed.
 *
 * <p>Every id must start with the declaring bundle's module id and a dot; a provider that breaks this is refused and
 * the module reports why.
 *
 * @since 1.3
 */
@ConsumerType
public interface PermissionProvider {

    List<Permission> permissions();
}
