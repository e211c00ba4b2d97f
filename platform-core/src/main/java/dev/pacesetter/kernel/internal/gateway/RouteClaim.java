package dev.pacesetter.kernel.internal.gateway;

import java.util.List;
import java.util.Set;

import dev.pacesetter.platform.api.http.Route;

/**
 * What one module asks the route table for.
 *
 * @param moduleId the claiming module
 * @param order claim order: the lower claims first and keeps a contested resource
 * @param routes the routes its providers currently offer
 * @param reserved resources it owned before and is expected to own again (it is updating)
 * @param serving whether its routes may be called now; if not, its resources answer 503
 * @param failure why the module failed, if it did: its resources then answer 503 module_failed rather than "retry soon"
 * @param settling serving, but some of its components have not registered yet: a path of its resources that no route
 *        matches yet answers 503 (retry soon), not 404, since the route that will serve it may be on its way
 */
record RouteClaim(String moduleId, long order, List<Route> routes, Set<String> reserved, boolean serving, String failure, boolean settling) {
}
