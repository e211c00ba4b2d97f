package dev.pacesetter.kernel.internal.gateway;

import java.util.Map;
import java.util.Set;

import dev.pacesetter.platform.api.http.HttpMethod;
import dev.pacesetter.platform.api.http.Route;

/** What the route table says about one request. */
sealed interface RouteLookup {

    /** A route answers: call it with these path parameters. */
    record Found(String moduleId, Route route, PathTemplate template, Map<String, String> pathParams) implements RouteLookup {
    }

    /** The path exists but not for this method (405 with {@code Allow}). */
    record WrongMethod(String moduleId, Set<HttpMethod> allowed) implements RouteLookup {
    }

    /** The resource belongs to a module that is starting, stopping or updating (503). */
    record Unavailable(String moduleId) implements RouteLookup {
    }

    /** The resource belongs to a module that failed (migration, activation): 503 until an administrator acts. */
    record Failed(String moduleId, String reason) implements RouteLookup {
    }

    /** Nothing here (404). */
    record NotFound() implements RouteLookup {
    }
}
