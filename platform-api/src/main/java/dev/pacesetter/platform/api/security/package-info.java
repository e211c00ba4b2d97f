/**
 * Who is calling: the authenticated {@link dev.pacesetter.platform.api.security.Caller} the gateway
 * hands every non-public route, the {@link dev.pacesetter.platform.api.security.RowScope} of records they may see,
 * and the {@link dev.pacesetter.platform.api.security.Permission}s modules declare (with a
 * {@link dev.pacesetter.platform.api.security.PermissionProvider}) for administrators to grant to roles and users.
 */
@Export
@Version("1.3.0")
package dev.pacesetter.platform.api.security;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
