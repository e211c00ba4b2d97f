package dev.pacesetter.kernel.internal.gateway;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.pacesetter.platform.api.http.HttpMethod;
import dev.pacesetter.platform.api.http.Route;

/**
 * An immutable snapshot of every served route, indexed by top-level resource. The gateway swaps whole
 * tables atomically, so a request sees either the old table or the new one, never a mix.
 */
final class RouteTable {

    static final RouteTable EMPTY = new RouteTable(Map.of(), Map.of(), Map.of());

    /** One served route, with its template parsed once. */
    record Entry(String moduleId, Route route, PathTemplate template) {
    }

    private final Map<String, List<Entry>> byResource;
    private final Map<String, RouteLookup> unavailable;
    private final Map<String, RouteLookup> settling;

    /**
     * @param byResource entries per resource, most specific template first
     * @param unavailable resources whose owning module is in transition or failed, mapped to the answer for them
     * @param settling resources of a module that serves but still registers routes, mapped to the answer for a path
     *        none of its routes matches yet
     */
    RouteTable(Map<String, List<Entry>> byResource, Map<String, RouteLookup> unavailable, Map<String, RouteLookup> settling) {
        this.byResource = Map.copyOf(byResource);
        this.unavailable = Map.copyOf(unavailable);
        this.settling = Map.copyOf(settling);
    }

    /**
     * @param method the request method as sent (may be one no route can have, such as {@code HEAD})
     * @param segments decoded path segments after {@code /api/v1}
     */
    RouteLookup lookup(String method, List<String> segments) {
        if (segments.isEmpty()) {
            return new RouteLookup.NotFound();
        }
        String resource = segments.get(0);
        RouteLookup closed = unavailable.get(resource);
        if (closed != null) {
            return closed;
        }
        List<Entry> entries = byResource.get(resource);
        if (entries == null) {
            return settling.getOrDefault(resource, new RouteLookup.NotFound());
        }
        Set<HttpMethod> allowed = null;
        String owner = null;
        String path = null;
        for (Entry entry : entries) {
            Map<String, String> params = entry.template().match(segments);
            if (params == null) {
                continue;
            }
            if (entry.route().method().name().equals(method)) {
                return new RouteLookup.Found(entry.moduleId(), entry.route(), entry.template(), params);
            }
            if (allowed == null) {
                allowed = EnumSet.noneOf(HttpMethod.class);
                owner = entry.moduleId();
                path = entry.template().shape(); // the most specific path that matches: Allow names its methods only
            }
            if (entry.template().shape().equals(path)) {
                allowed.add(entry.route().method());
            }
        }
        RouteLookup coming = settling.get(resource);
        if (coming != null) {
            return coming; // the route for this path or method may be the next one its module registers
        }
        return allowed == null ? new RouteLookup.NotFound() : new RouteLookup.WrongMethod(owner, allowed);
    }

    /** Every served route, for the API description. */
    List<Entry> entries() {
        return byResource.values().stream().flatMap(List::stream).toList();
    }
}
