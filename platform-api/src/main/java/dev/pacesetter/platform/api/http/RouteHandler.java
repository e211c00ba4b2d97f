package dev.pacesetter.platform.api.http;

/**
 * Handles one request to a route.
 *
 * <p>Called on a gateway worker thread, possibly concurrently: implementations must be thread-safe.
 * Throw {@link ApiException} for anything the caller did wrong; any other exception becomes a
 * {@code 500 internal_error} whose details the client never sees (it is logged with the request's
 * correlation id).
 */
@FunctionalInterface
public interface RouteHandler {

    Reply handle(ApiRequest request) throws Exception;
}
