package dev.pacesetter.kernel.internal.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.pacesetter.kernel.internal.json.JsonCodec;
import dev.pacesetter.platform.api.http.ApiException;
import dev.pacesetter.platform.api.http.ApiRequest;
import dev.pacesetter.platform.api.http.HttpMethod;
import dev.pacesetter.platform.api.i18n.Language;
import dev.pacesetter.platform.api.i18n.Message;
import dev.pacesetter.platform.api.security.Caller;
import io.javalin.http.Context;

/** {@link ApiRequest} over a Javalin context; lives for one call to a route handler. */
final class GatewayRequest implements ApiRequest {

    private final Context ctx;
    private final RouteLookup.Found match;
    private final String correlationId;
    private final JsonCodec json;
    private final long bodyLimit;
    private final Optional<Caller> caller;
    private final Language language;

    GatewayRequest(Context ctx, RouteLookup.Found match, String correlationId, JsonCodec json, long bodyLimit, Optional<Caller> caller,
            Language language) {
        this.language = language;
        this.caller = caller;
        this.ctx = ctx;
        this.match = match;
        this.correlationId = correlationId;
        this.json = json;
        this.bodyLimit = bodyLimit;
    }

    @Override
    public HttpMethod method() {
        return match.route().method();
    }

    @Override
    public String path() {
        return ctx.path();
    }

    @Override
    public String pathParam(String name) {
        String value = match.pathParams().get(name);
        if (value == null) {
            throw new IllegalArgumentException("route " + match.route() + " declares no path parameter {" + name + "}");
        }
        return value;
    }

    @Override
    public long pathId(String name) {
        String value = pathParam(name);
        try {
            long id = Long.parseLong(value);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // not an id: answered below exactly like an id that does not exist
        }
        throw ApiException.notFound(Message.of("error.not_an_id", ctx.path(), value));
    }

    @Override
    public Optional<String> queryParam(String name) {
        return Optional.ofNullable(ctx.queryParam(name));
    }

    @Override
    public List<String> queryParams(String name) {
        return ctx.queryParams(name);
    }

    @Override
    public Optional<String> header(String name) {
        return Optional.ofNullable(ctx.header(name));
    }

    @Override
    public <T> T body(Class<T> type) {
        return json.read(readBody(), type);
    }

    @Override
    public InputStream bodyStream() {
        try {
            return new LimitedInputStream(ctx.req().getInputStream(), bodyLimit);
        } catch (IOException e) {
            throw ApiException.badRequest("unreadable_body", Message.of("error.unreadable_body"));
        }
    }

    @Override
    public Optional<String> contentType() {
        return Optional.ofNullable(ApiDispatcher.mediaType(ctx.header("Content-Type")));
    }

    @Override
    public Optional<Caller> caller() {
        return caller;
    }

    @Override
    public Language language() {
        return language;
    }

    @Override
    public String clientAddress() {
        return ctx.req().getRemoteAddr();
    }

    @Override
    public String correlationId() {
        return correlationId;
    }

    /** Reads at most the configured limit, so a chunked body without Content-Length cannot exhaust memory. */
    private byte[] readBody() {
        try (InputStream in = ctx.req().getInputStream()) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, bodyLimit + 1));
            if (bytes.length > bodyLimit) {
                throw new ApiException(413, "payload_too_large", Message.of("error.payload_too_large", bodyLimit), Map.of("limitBytes", bodyLimit));
            }
            if (bytes.length == 0) {
                throw ApiException.badRequest("missing_body", Message.of("error.missing_body"));
            }
            return bytes;
        } catch (IOException e) {
            throw ApiException.badRequest("unreadable_body", Message.of("error.unreadable_body.incomplete"));
        }
    }
}
