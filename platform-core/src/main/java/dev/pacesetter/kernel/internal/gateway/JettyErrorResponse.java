package dev.pacesetter.kernel.internal.gateway;

import java.nio.ByteBuffer;
import java.util.Map;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import dev.pacesetter.kernel.internal.json.JsonCodec;
import dev.pacesetter.platform.api.i18n.Message;

/**
 * Errors Jetty answers itself, before a request reaches the gateway — a malformed request line or URI
 * (400), headers too large (431), a request line too long (414) — in the API's one JSON error shape with
 * the security headers, instead of Jetty's HTML page. Jetty's own message is not passed on: it may echo
 * request bytes, and the client only needs the code.
 */
final class JettyErrorResponse extends ErrorHandler {

    private final JsonCodec json;
    private final ErrorTexts texts;

    JettyErrorResponse(JsonCodec json, ErrorTexts texts) {
        this.json = json;
        this.texts = texts;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause, Callback callback) {
        SecurityHeaders.apply((name, value) -> response.getHeaders().put(name, value));
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        Map<String, Object> details = Map.of("status", code);
        if (code == 503) { // Jetty answers 503 itself only once its graceful stop has begun, after the gateway's drain
            response.getHeaders().put(HttpHeader.RETRY_AFTER, ApiDispatcher.RESTART_RETRY_SECONDS);
            details = Map.of("status", code, "retryAfterSeconds", ApiDispatcher.RESTART_RETRY_SECONDS);
        }
        byte[] body = json.write(ErrorBody.of(codeOf(code),
                texts.kernel(request.getHeaders().get(HttpHeader.ACCEPT_LANGUAGE), messageOf(code)), details, null));
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
            case 503 -> "shutting_down";
            default -> status >= 500 ? "internal_error" : "bad_request";
        };
    }

    private static Message messageOf(int status) {
        return switch (status) {
            case 400, 414, 431, 413 -> Message.of("error.jetty." + status);
            case 503 -> Message.of("error.shutting_down");
            default -> status >= 500 ? Message.of("error.jetty.server") : Message.of("error.jetty.other", status);
        };
    }
}
