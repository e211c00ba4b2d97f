/**
 * Who is calling: the authenticated {@link dev.pacesetter.platform.api.security.Caller} the gateway
 * hands every non-public route.
 */
@Export
@Version("1.2.0")
package dev.pacesetter.platform.api.security;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
