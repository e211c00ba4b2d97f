package dev.pacesetter.platform.api.http;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

import dev.pacesetter.platform.api.i18n.Language;
import dev.pacesetter.platform.api.security.Caller;

/**
 * The request as a route handler sees it. Implemented by the gateway; valid only during the
 * call to {@link RouteHandler#handle(ApiRequest)}.
 */
@ProviderType
public interface ApiRequest {

    HttpMethod method();

    /** The request path, e.g. {@code /api/v1/leads/42}. */
    String path();

    /**
     * The value of a path parameter declared in the route template.
     *
     * @throws IllegalArgumentException if the template declares no such parameter (a programming error)
     */
    String pathParam(String name);

    /**
     * A path parameter read as a positive numeric id.
     *
     * @throws ApiException {@code 404 not_found} if it is not one: no record can have that id
     */
    long pathId(String name);

    /** The first value of a query parameter, if present. */
    Optional<String> queryParam(String name);

    /** All values of a query parameter, in request order; empty if absent. */
    List<String> queryParams(String name);

    /** A request header (case-insensitive name), if present. */
    Optional<String> header(String name);

    /**
     * Binds the JSON body to {@code type} (a record or bean; unknown fields are refused so that
     * a client cannot set what the route does not accept).
     *
     * @throws ApiException {@code 400 malformed_json} if the body is not JSON, or
     *         {@code 400 validation_failed} naming each field that is missing, unknown or of the wrong type
     */
    <T> T body(Class<T> type);

    /**
     * The raw body of a route that {@linkplain Route#consumes(String...) consumes} a non-JSON type, as
     * a stream that fails with {@code 413 payload_too_large} past the route's limit. Read it once.
     */
    java.io.InputStream bodyStream();

    /** The request's media type without parameters, lower case (e.g. {@code application/json}), if sent. */
    Optional<String> contentType();

    /**
     * The authenticated caller. Always present on routes that are not public (the gateway answers 401
     * before the handler runs otherwise); on public routes present only if the client sent a valid token.
     */
    Optional<Caller> caller();

    /**
     * The language to answer in: the caller's setting when signed in, otherwise the first language of the
     * {@code Accept-Language} header the product writes in, otherwise the installation's default.
     */
    default Language language() {
        return caller().map(Caller::language).orElse(Language.ZH_CN);
    }

    /** The client's network address (the direct peer; proxies are not trusted). */
    String clientAddress();

    /** The id that ties this request to its log lines; echoed in the {@code X-Request-Id} header. */
    String correlationId();
}
