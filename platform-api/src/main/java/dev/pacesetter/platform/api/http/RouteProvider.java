package dev.pacesetter.platform.api.http;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Whiteboard service through which a plugin contributes REST routes.
 *
 * <p>Register it with Declarative Services from a bundle that declares a
 * {@link dev.pacesetter.platform.api.PacesetterModule}. The gateway calls {@link #routes()} once
 * when the service appears and serves the routes until the service goes away; to change the
 * routes, re-register the service. A bundle may register several providers; together they must
 * not claim a top-level resource owned by another module.
 */
@ConsumerType
public interface RouteProvider {

    /** The routes to serve; called once per registration, must not return {@code null}. */
    List<Route> routes();
}
