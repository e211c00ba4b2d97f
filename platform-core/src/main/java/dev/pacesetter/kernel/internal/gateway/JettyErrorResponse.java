package dev.pacesetter.kernel.internal.gateway;

import java.nio.ByteBuffer;
import java.util.Map;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors Jetty answers itself, before a request reaches the gateway — a malformed request line or URI
 * (400), headers too large (431), a request line too long (414) — in the API's one JSON error shape with
 * the security headers, instead of Jetty's HTML page. Jetty's own message is not passed on: it may echo
 * request bytes, and the client only needs the code.
 */
final class JettyErrorResponse extends ErrorHandler {

    private final JsonCodec json;

    JettyErrorResponse(JsonCodec json) {
        this.json = json;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause, Callback callback) {
        SecurityHeaders.apply((name, value) -> response.getHeaders().put(name, value));
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        byte[] body = json.write(ErrorBody.of(codeOf(code), messageOf(code), Map.of("status", code), null));
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    static String codeOf(int status) {
        return switch (status) {
            case 400 -> "bad_request";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 408 -> "request_timeout";
            case 413 -> "payload_too_large";
            case 414 -> "uri_too_long";
            case 415 -> "unsupported_media_type";
            case 431 -> "headers_too_large";
            case 501 -> "not_implemented";
            case 503 -> "unavailable";
            default -> status >= 500 ? "internal_error" : "bad_request";
        };
    }

    private static String messageOf(int status) {
        return switch (status) {
            case 400 -> "The request is malformed (request line, URI or headers) and was not handled.";
            case 414 -> "The request URI is too long.";
            case 431 -> "The request headers are too large.";
            case 413 -> "The request body is too large.";
            default -> status >= 500 ? "The server could not handle the request." : "The request was not handled (HTTP " + status + ").";
        };
    }
}
