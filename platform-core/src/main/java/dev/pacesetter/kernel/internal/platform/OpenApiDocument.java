package dev.pacesetter.kernel.internal.platform;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.pacesetter.kernel.internal.gateway.ServedRoute;
import dev.pacesetter.platform.api.Role;
import dev.pacesetter.platform.api.http.HttpMethod;
import dev.pacesetter.platform.api.http.Route;

/** Builds an OpenAPI 3.1 description of the routes served at this moment, plugins' included. */
final class OpenApiDocument {

    private static final Pattern PARAMETER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9_]*)}");

    private OpenApiDocument() {
    }

    static Map<String, Object> of(List<ServedRoute> served, String version) {
        JsonSchemas schemas = new JsonSchemas();
        schemas.define("Error", errorSchema());
        Map<String, Object> paths = new java.util.TreeMap<>();
        List<ServedRoute> sorted = new ArrayList<>(served);
        sorted.sort(Comparator.comparing((ServedRoute s) -> s.route().path()).thenComparing(s -> s.route().method()));
        for (ServedRoute s : sorted) {
            Route route = s.route();
            @SuppressWarnings("unchecked")
            Map<String, Object> item = (Map<String, Object>) paths.computeIfAbsent("/api/v1" + route.path(), k -> new LinkedHashMap<>());
            item.put(route.method().name().toLowerCase(Locale.ROOT), operation(s, schemas));
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("openapi", "3.1.0");
        doc.put("info", Map.of("title", "Pacesetter API", "version", version,
                "description", "Routes of every module running now. Errors share the shape {\"error\":{\"code\",\"message\",\"details\",\"correlationId\"}} (schema Error)."
                        + " Decimals are JSON strings such as \"1200.50\"; times are ISO-8601 strings."));
        doc.put("paths", paths);
        Map<String, Object> components = new LinkedHashMap<>();
        components.put("schemas", schemas.components());
        components.put("securitySchemes", Map.of("bearer", Map.of("type", "http", "scheme", "bearer")));
        doc.put("components", components);
        return doc;
    }

    /** {@code {"error":{"code","message","details","correlationId"}}}, as the gateway renders every failure. */
    static Map<String, Object> errorSchema() {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("type", "object");
        inner.put("properties", Map.of(
                "code", Map.of("type", "string", "description", "Stable machine-readable code, e.g. validation_failed"),
                "message", Map.of("type", "string", "description", "Human-readable message in the caller's language"),
                "details", Map.of("type", "object", "description", "Code-specific details, e.g. the invalid fields"),
                "correlationId", Map.of("type", "string", "description", "Identifies the request in the server's logs")));
        inner.put("required", List.of("code", "message"));
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("type", "object");
        error.put("properties", Map.of("error", inner));
        error.put("required", List.of("error"));
        return error;
    }

    private static Map<String, Object> operation(ServedRoute s, JsonSchemas schemas) {
        Route route = s.route();
        Map<String, Object> op = new LinkedHashMap<>();
        op.put("tags", List.of(s.moduleId()));
        if (!route.summary().isEmpty()) {
            op.put("summary", route.summary());
        }
        op.put("operationId", s.moduleId() + "_" + route.method().name().toLowerCase(Locale.ROOT)
                + route.path().replaceAll("[^A-Za-z0-9]+", "_"));
        List<Map<String, Object>> parameters = new ArrayList<>();
        Matcher m = PARAMETER.matcher(route.path());
        boolean pathParameters = false;
        while (m.find()) {
            pathParameters = true;
            String name = m.group(1);
            Map<String, Object> schema = name.equals("id") || name.endsWith("Id")
                    ? Map.of("type", "integer", "format", "int64") : Map.of("type", "string");
            parameters.add(Map.of("name", name, "in", "path", "required", true, "schema", schema));
        }
        for (Route.QueryParameter query : route.queryParameters()) {
            Map<String, Object> parameter = new LinkedHashMap<>();
            parameter.put("name", query.name());
            parameter.put("in", "query");
            parameter.put("required", false);
            if (!query.description().isEmpty()) {
                parameter.put("description", query.description());
            }
            parameter.put("schema", schemas.schema(query.type()));
            parameters.add(parameter);
        }
        if (!parameters.isEmpty()) {
            op.put("parameters", parameters);
        }
        boolean body = route.method().carriesBody() && !route.takesNoBody();
        if (body && route.consumes().isEmpty()) {
            Map<String, Object> schema = route.bodyType().<Map<String, Object>>map(schemas::schema).orElse(Map.of("type", "object"));
            op.put("requestBody", Map.of("required", true, "content", Map.of("application/json", Map.of("schema", schema))));
        } else if (body) {
            Map<String, Object> content = new java.util.LinkedHashMap<>();
            route.consumes().forEach(type -> content.put(type, Map.of("schema", Map.of("type", "string", "format", "binary"))));
            op.put("requestBody", Map.of("required", true, "content", content));
        }
        op.put("security", route.isPublic() ? List.of() : List.of(Map.of("bearer", List.of())));
        if (!route.isPublic()) {
            if (route.permission().isPresent()) {
                // the permission's default roles (and administrators, who always hold it); administrators may choose others
                op.put("x-permission", route.permission().get().id());
                java.util.Set<Role> holders = java.util.EnumSet.of(Role.ADMIN);
                holders.addAll(route.permission().get().defaultRoles());
                op.put("x-roles", holders.stream().map(Role::name).sorted().toList());
            } else {
                op.put("x-roles", route.roles().isEmpty() ? List.of("any") : route.roles().stream().map(Role::name).sorted().toList());
            }
        }
        Map<String, Object> responses = new LinkedHashMap<>();
        Map<String, Object> success = route.returnType().<Map<String, Object>>map(schemas::schema).orElse(Map.of("type", "object"));
        if (route.returnsItemList()) {
            success = itemList(success, route.queryParameters().stream().map(Route.QueryParameter::name).toList());
        }
        responses.put("200", json("Success", success));
        if (route.method() == HttpMethod.POST) {
            responses.put("201", json("Created (with a Location header), for a POST that creates a resource", success));
        }
        if (body || !route.queryParameters().isEmpty() || pathParameters) {
            responses.put("400", error("Malformed or invalid request (validation_failed names the fields)"));
        }
        if (!route.isPublic()) {
            responses.put("401", error("Missing, invalid or expired bearer token"));
            responses.put("403", error("The caller's roles (or permissions) do not allow this"));
        }
        if (pathParameters) {
            responses.put("404", error("No such resource"));
        }
        if (route.method() != HttpMethod.GET) {
            responses.put("409", error("Conflicts with the resource's current state"));
        }
        responses.put("503", error("The module is busy or not running; retry later"));
        responses.put("default", error("Any other error, in the shared error shape"));
        op.put("responses", responses);
        return op;
    }

    private static Map<String, Object> error(String description) {
        return json(description, JsonSchemas.ref("Error"));
    }

    private static Map<String, Object> json(String description, Map<String, Object> schema) {
        return Map.of("description", description, "content", Map.of("application/json", Map.of("schema", schema)));
    }

    /**
     * {@code {"items": [item…]}}, with the cursor of a route that pages by keyset: {@code nextAfter} for one that takes
     * {@code after}, {@code nextBefore} for one that takes {@code before} (null on the last page).
     */
    private static Map<String, Object> itemList(Map<String, Object> item, List<String> queryParameters) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("items", Map.of("type", "array", "items", item));
        for (String cursor : List.of("after", "before")) {
            if (queryParameters.contains(cursor)) {
                String name = "next" + Character.toUpperCase(cursor.charAt(0)) + cursor.substring(1);
                // OpenAPI 3.1 says null with a type list ("nullable" is 3.0's word, which 3.1 ignores)
                properties.put(name, Map.of("type", List.of("string", "null"), "description", "pass it as ?" + cursor + "= for the next page; null on the last"));
            }
        }
        return Map.of("type", "object", "required", List.of("items"), "properties", properties);
    }
}
