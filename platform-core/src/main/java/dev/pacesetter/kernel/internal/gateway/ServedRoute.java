package dev.pacesetter.kernel.internal.gateway;

import dev.pacesetter.platform.api.http.Route;

/**
 * A route the gateway serves right now, and the module that owns it.
 *
 * @param moduleId owning module
 * @param route the route as the module declared it
 */
public record ServedRoute(String moduleId, Route route) {
}
