/**
 * REST contributions: a plugin registers {@link dev.pacesetter.platform.api.http.RouteProvider}
 * services (whiteboard) and the kernel's gateway serves their routes under {@code /api/v1/}.
 *
 * <p>Handlers see a narrow request/response abstraction ({@link dev.pacesetter.platform.api.http.ApiRequest},
 * {@link dev.pacesetter.platform.api.http.Reply}) with JSON binding; they signal client errors by
 * throwing {@link dev.pacesetter.platform.api.http.ApiException}, which the gateway renders as
 * {@code {"error":{"code","message","details"}}}.
 */
@Export
@Version("1.9.0")
package dev.pacesetter.platform.api.http;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
