package dev.pacesetter.platform.api.http;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import dev.pacesetter.platform.api.Role;
import dev.pacesetter.platform.api.security.Permission;

/**
 * One REST endpoint: method, path template, who may call it, and its handler.
 *
 * <p>The path is relative to {@code /api/v1} and starts with the top-level resource, e.g.
 * {@code /leads/{id}/touches}. Segments are literals ({@code [A-Za-z0-9._-]+}) or parameters
 * ({@code {name}}); the first segment is always a literal, and a literal segment wins over a
 * parameter when both match. Immutable; the {@code with…} methods return copies.
 *
 * <p>By default a route needs an authenticated caller with any role; {@link #roles(Role...)} or
 * {@link #requires(Permission)} narrows that and {@link #publicAccess()} opens it to anonymous callers.
 */
public final class Route {

    private static final Pattern LITERAL = Pattern.compile("[A-Za-z0-9._-]+");
    private static final Pattern PARAMETER = Pattern.compile("\\{[A-Za-z][A-Za-z0-9_]*}");

    private final HttpMethod method;
    private final String path;
    private final Set<Role> roles;
    private final boolean publicAccess;
    private final String summary;
    private final RouteHandler handler;
    private final Set<String> consumes;
    private final long maxBodyBytes;
    private final boolean bodiless;
    private final boolean heavy;
    private final Class<?> bodyType;
    private final Class<?> returnType;
    private final List<QueryParameter> queryParameters;
    private final Permission permission;
    private final boolean itemsReply;

    /**
     * A query parameter a route reads, as declared with {@link Route#query(String, String)}; shown in the API
     * description. {@code type} is the Java type of its value ({@code String.class}, {@code Long.class},
     * {@code Boolean.class}, an enum, {@code java.time.LocalDate.class}, …).
     *
     * @since 1.8
     */
    public record QueryParameter(String name, String description, Class<?> type) {
        public QueryParameter {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(type, "type");
            if (name.isBlank()) {
                throw new IllegalArgumentException("query parameter name is blank");
            }
        }
    }

    private Route(HttpMethod method, String path, Set<Role> roles, boolean publicAccess, String summary,
            RouteHandler handler, Set<String> consumes, long maxBodyBytes, boolean bodiless, boolean heavy) {
        this(method, path, roles, publicAccess, summary, handler, consumes, maxBodyBytes, bodiless, heavy, null, null, List.of(), null, false);
    }

    private Route(HttpMethod method, String path, Set<Role> roles, boolean publicAccess, String summary,
            RouteHandler handler, Set<String> consumes, long maxBodyBytes, boolean bodiless, boolean heavy,
            Class<?> bodyType, Class<?> returnType, List<QueryParameter> queryParameters, Permission permission, boolean itemsReply) {
        this.method = Objects.requireNonNull(method, "method");
        this.path = validPath(path);
        this.roles = Set.copyOf(roles);
        this.publicAccess = publicAccess;
        this.summary = summary;
        this.handler = Objects.requireNonNull(handler, "handler");
        this.consumes = Set.copyOf(consumes);
        this.maxBodyBytes = maxBodyBytes;
        this.bodiless = bodiless;
        this.heavy = heavy;
        this.bodyType = bodyType;
        this.returnType = returnType;
        this.queryParameters = List.copyOf(queryParameters);
        this.permission = permission;
        this.itemsReply = itemsReply;
    }

    public static Route of(HttpMethod method, String path, RouteHandler handler) {
        return new Route(method, path, EnumSet.noneOf(Role.class), false, "", handler, Set.of(), 0, false, false);
    }

    public static Route get(String path, RouteHandler handler) {
        return of(HttpMethod.GET, path, handler);
    }

    public static Route post(String path, RouteHandler handler) {
        return of(HttpMethod.POST, path, handler);
    }

    public static Route put(String path, RouteHandler handler) {
        return of(HttpMethod.PUT, path, handler);
    }

    public static Route patch(String path, RouteHandler handler) {
        return of(HttpMethod.PATCH, path, handler);
    }

    public static Route delete(String path, RouteHandler handler) {
        return of(HttpMethod.DELETE, path, handler);
    }

    /** A copy that only callers holding at least one of {@code allowed} may call. */
    public Route roles(Role... allowed) {
        Set<Role> set = EnumSet.noneOf(Role.class);
        set.addAll(Set.of(allowed));
        return new Route(method, path, set, false, summary, handler, consumes, maxBodyBytes, bodiless, heavy, bodyType, returnType, queryParameters, null, itemsReply);
    }

    /**
     * A copy that only callers holding {@code required} may call (administrators always hold it); replaces any
     * {@link #roles(Role...)}. Which roles and users hold it is the administrators' choice, starting from the
     * permission's default roles.
     *
     * @since 1.9
     */
    public Route requires(Permission required) {
        return new Route(method, path, Set.of(), false, summary, handler, consumes, maxBodyBytes, bodiless, heavy, bodyType, returnType,
                queryParameters, Objects.requireNonNull(required, "permission"), itemsReply);
    }

    /** The permission a caller needs ({@link #requires(Permission)}), if the route needs one rather than roles. @since 1.9 */
    public Optional<Permission> permission() {
        return Optional.ofNullable(permission);
    }

    /** A copy that anonymous callers may call (health checks, sign-in, public intake forms). */
    public Route publicAccess() {
        return new Route(method, path, Set.of(), true, summary, handler, consumes, maxBodyBytes, bodiless, heavy, bodyType, returnType, queryParameters, null, itemsReply);
    }

    /** A copy with a one-line description, shown in the API description. */
    public Route summary(String text) {
        return new Route(method, path, roles, publicAccess, Objects.requireNonNull(text, "summary"), handler, consumes, maxBodyBytes, bodiless, heavy, bodyType, returnType, queryParameters, permission, itemsReply);
    }

    /**
     * A copy that takes a raw body of one of {@code mediaTypes} (e.g. {@code application/java-archive})
     * instead of JSON; the handler reads it with {@link ApiRequest#bodyStream()}. Other types get 415.
     */
    public Route consumes(String... mediaTypes) {
        if (mediaTypes.length == 0) {
            throw new IllegalArgumentException("name at least one media type");
        }
        Set<String> types = new java.util.LinkedHashSet<>();
        for (String type : mediaTypes) {
            types.add(type.trim().toLowerCase(java.util.Locale.ROOT));
        }
        return new Route(method, path, roles, publicAccess, summary, handler, types, maxBodyBytes, bodiless, heavy, bodyType, returnType, queryParameters, permission, itemsReply);
    }

    /** A copy whose body may be up to {@code bytes} long instead of the gateway's configured limit. */
    public Route maxBodyBytes(long bytes) {
        if (bytes <= 0) {
            throw new IllegalArgumentException("body limit must be positive: " + bytes);
        }
        return new Route(method, path, roles, publicAccess, summary, handler, consumes, bytes, bodiless, heavy, bodyType, returnType, queryParameters, permission, itemsReply);
    }

    /**
     * A copy that takes no request body: the gateway refuses a non-empty one with {@code 400 unexpected_body}
     * before the handler runs, so a client never believes data it sent (e.g. {@code [null,null]} or a
     * misspelt reason) was read. For actions such as {@code POST /things/{id}/archive}.
     */
    public Route withoutBody() {
        return new Route(method, path, roles, publicAccess, summary, handler, consumes, maxBodyBytes, true, heavy, bodyType, returnType, queryParameters, permission, itemsReply);
    }

    /**
     * A copy marked heavy: each call keeps a core and a connection busy for long (an export of every record, a
     * report over months). The gateway runs fewer heavy calls of one module at once than light ones
     * ({@code pacesetter.module.max.heavy.requests}: one fewer than the node's cores, at least one), so a burst of
     * exports waits or gets {@code 503 module_busy} while the module's other routes and other modules stay fast.
     *
     * @since 1.7
     */
    public Route heavy() {
        return new Route(method, path, roles, publicAccess, summary, handler, consumes, maxBodyBytes, bodiless, true, bodyType, returnType, queryParameters, permission, itemsReply);
    }

    /**
     * A copy that declares the JSON request body the handler reads ({@code request.body(type)}), so the API
     * description shows its schema. Documentation only: binding still happens in the handler.
     *
     * @since 1.8
     */
    public Route body(Class<?> type) {
        return new Route(method, path, roles, publicAccess, summary, handler, consumes, maxBodyBytes, bodiless, heavy,
                Objects.requireNonNull(type, "type"), returnType, queryParameters, permission, itemsReply);
    }

    /**
     * A copy that declares the type of the success response's JSON body ({@code Reply.ok(value)} /
     * {@code Reply.created(location, value)}), so the API description shows its schema. Documentation only.
     *
     * @since 1.8
     */
    public Route returns(Class<?> type) {
        return new Route(method, path, roles, publicAccess, summary, handler, consumes, maxBodyBytes, bodiless, heavy,
                bodyType, Objects.requireNonNull(type, "type"), queryParameters, permission, false);
    }

    /**
     * A copy that declares a list reply, {@code {"items": [ … ]}} with elements of {@code itemType}, plus the paging
     * cursor the route documents ({@code nextAfter} or {@code nextBefore}) when it pages, so the API description
     * shows its schema. Documentation only.
     *
     * @since 1.9
     */
    public Route returnsItems(Class<?> itemType) {
        return new Route(method, path, roles, publicAccess, summary, handler, consumes, maxBodyBytes, bodiless, heavy,
                bodyType, Objects.requireNonNull(itemType, "itemType"), queryParameters, permission, true);
    }

    /** Whether the declared {@link #returnType()} is the type of the elements of an {@code items} list ({@link #returnsItems}). @since 1.9 */
    public boolean returnsItemList() {
        return itemsReply;
    }

    /**
     * A copy that declares a string query parameter the handler reads ({@code request.queryParam(name)}).
     *
     * @since 1.8
     */
    public Route query(String name, String description) {
        return query(name, String.class, description);
    }

    /**
     * A copy that declares a query parameter of {@code type} the handler reads; e.g.
     * {@code query("limit", Integer.class, "page size")}. Documentation only.
     *
     * @since 1.8
     */
    public Route query(String name, Class<?> type, String description) {
        List<QueryParameter> list = new ArrayList<>(queryParameters);
        list.removeIf(q -> q.name().equals(name));
        list.add(new QueryParameter(name, description, type));
        return new Route(method, path, roles, publicAccess, summary, handler, consumes, maxBodyBytes, bodiless, heavy,
                bodyType, returnType, list, permission, itemsReply);
    }

    /** The declared JSON request body type ({@link #body(Class)}), if any. @since 1.8 */
    public Optional<Class<?>> bodyType() {
        return Optional.ofNullable(bodyType);
    }

    /** The declared success response body type ({@link #returns(Class)}), if any. @since 1.8 */
    public Optional<Class<?>> returnType() {
        return Optional.ofNullable(returnType);
    }

    /** The declared query parameters, in declaration order. @since 1.8 */
    public List<QueryParameter> queryParameters() {
        return queryParameters;
    }

    /** Whether this route is {@link #heavy()}. */
    public boolean isHeavy() {
        return heavy;
    }

    /** Whether this route refuses a request body ({@link #withoutBody()}). */
    public boolean takesNoBody() {
        return bodiless;
    }

    /** Raw media types this route accepts; empty means JSON. */
    public Set<String> consumes() {
        return consumes;
    }

    /** This route's body limit in bytes, or 0 for the gateway's configured limit. */
    public long maxBodyBytes() {
        return maxBodyBytes;
    }

    public HttpMethod method() {
        return method;
    }

    public String path() {
        return path;
    }

    /** The first path segment: the resource the owning module claims. */
    public String resource() {
        int next = path.indexOf('/', 1);
        return next < 0 ? path.substring(1) : path.substring(1, next);
    }

    /** Roles allowed to call; empty means any authenticated caller (or anyone, if public). */
    public Set<Role> roles() {
        return roles;
    }

    public boolean isPublic() {
        return publicAccess;
    }

    public String summary() {
        return summary;
    }

    public RouteHandler handler() {
        return handler;
    }

    @Override
    public String toString() {
        return method + " " + path;
    }

    private static String validPath(String path) {
        Objects.requireNonNull(path, "path");
        if (!path.startsWith("/") || path.length() < 2 || path.endsWith("/")) {
            throw new IllegalArgumentException("route path '" + path + "' must look like /resource[/…] without a trailing slash");
        }
        String[] segments = path.substring(1).split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            boolean literal = LITERAL.matcher(segment).matches();
            if (!literal && (i == 0 || !PARAMETER.matcher(segment).matches())) {
                throw new IllegalArgumentException("route path '" + path + "': segment '" + segment + "' is neither a literal"
                        + (i == 0 ? " (the first segment must be)" : " nor a {parameter}"));
            }
        }
        return path;
    }
}
