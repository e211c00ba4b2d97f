package dev.pacesetter.kernel.internal.gateway;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dev.pacesetter.platform.api.http.Route;

/**
 * Turns the modules' claims into a {@link RouteTable}, refusing every claim that would make the table
 * ambiguous. Pure function of its input, so the same set of bundles always yields the same table.
 */
final class RouteTableBuilder {

    /** The table, the resources each accepted module owns, and why each refused module was refused. */
    record Result(RouteTable table, Map<String, Set<String>> owned, Map<String, String> refusals) {
    }

    private RouteTableBuilder() {
    }

    static Result build(List<RouteClaim> claims) {
        List<RouteClaim> ordered = new ArrayList<>(claims);
        ordered.sort(Comparator.comparingLong(RouteClaim::order).thenComparing(RouteClaim::moduleId));

        Map<String, String> ownerOf = new HashMap<>();
        Map<String, List<RouteTable.Entry>> byResource = new HashMap<>();
        Map<String, RouteLookup> unavailable = new HashMap<>();
        Map<String, RouteLookup> settling = new HashMap<>();
        Map<String, Set<String>> owned = new LinkedHashMap<>();
        Map<String, String> refusals = new LinkedHashMap<>();

        for (RouteClaim claim : ordered) {
            Set<String> resources = new TreeSet<>(claim.reserved());
            claim.routes().forEach(r -> resources.add(r.resource()));
            String refusal = refusal(claim, resources, ownerOf);
            if (refusal != null) {
                refusals.put(claim.moduleId(), refusal);
                continue;
            }
            resources.forEach(resource -> ownerOf.put(resource, claim.moduleId()));
            owned.put(claim.moduleId(), Set.copyOf(resources));
            if (!claim.serving()) {
                RouteLookup closed = claim.failure() != null ? new RouteLookup.Failed(claim.moduleId(), claim.failure())
                        : new RouteLookup.Unavailable(claim.moduleId());
                resources.forEach(resource -> unavailable.put(resource, closed));
                continue;
            }
            for (Route route : claim.routes()) {
                byResource.computeIfAbsent(route.resource(), k -> new ArrayList<>())
                        .add(new RouteTable.Entry(claim.moduleId(), route, PathTemplate.parse(route.path())));
            }
            if (claim.settling()) {
                RouteLookup coming = new RouteLookup.Unavailable(claim.moduleId());
                resources.forEach(resource -> settling.put(resource, coming));
            }
        }
        byResource.values().forEach(entries -> entries.sort(Comparator.comparing(RouteTable.Entry::template)));
        return new Result(new RouteTable(byResource, unavailable, settling), owned, refusals);
    }

    private static String refusal(RouteClaim claim, Set<String> resources, Map<String, String> ownerOf) {
        for (String resource : resources) {
            String owner = ownerOf.get(resource);
            if (owner != null) {
                return "claims /api/v1/" + resource + ", which module '" + owner + "' owns; none of its routes are served";
            }
        }
        Set<String> seen = new LinkedHashSet<>();
        for (Route route : claim.routes()) {
            String key = route.method() + " " + PathTemplate.parse(route.path()).shape();
            if (!seen.add(key)) {
                return "declares " + route.method() + " " + route.path() + " more than once (or ambiguously); none of its routes are served";
            }
        }
        return null;
    }
}
