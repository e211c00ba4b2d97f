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
import dev.pacesetter.platform.api.http.Route;

/** Builds an OpenAPI 3.1 description of the routes served at this moment, plugins' included. */
final class OpenApiDocument {

    private static final Pattern PARAMETER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9_]*)}");

    private OpenApiDocument() {
    }

    static Map<String, Object> of(List<ServedRoute> served, String version) {
        Map<String, Object> paths = new java.util.TreeMap<>();
        List<ServedRoute> sorted = new ArrayList<>(served);
        sorted.sort(Comparator.comparing((ServedRoute s) -> s.route().path()).thenComparing(s -> s.route().method()));
        for (ServedRoute s : sorted) {
            Route route = s.route();
            @SuppressWarnings("unchecked")
            Map<String, Object> item = (Map<String, Object>) paths.computeIfAbsent("/api/v1" + route.path(), k -> new LinkedHashMap<>());
            item.put(route.method().name().toLowerCase(Locale.ROOT), operation(s));
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("openapi", "3.1.0");
        doc.put("info", Map.of("title", "Pacesetter API", "version", version,
                "description", "Routes of every module running now. Errors share the shape {\"error\":{\"code\",\"message\",\"details\",\"correlationId\"}}."));
        doc.put("paths", paths);
        doc.put("components", Map.of("securitySchemes", Map.of("bearer", Map.of("type", "http", "scheme", "bearer"))));
        return doc;
    }

    private static Map<String, Object> operation(ServedRoute s) {
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
        while (m.find()) {
            parameters.add(Map.of("name", m.group(1), "in", "path", "required", true, "schema", Map.of("type", "string")));
        }
        if (!parameters.isEmpty()) {
            op.put("parameters", parameters);
        }
        if (route.method().carriesBody() && route.consumes().isEmpty()) {
            op.put("requestBody", Map.of("required", true, "content", Map.of("application/json", Map.of("schema", Map.of("type", "object")))));
        } else if (route.method().carriesBody()) {
            Map<String, Object> content = new java.util.LinkedHashMap<>();
            route.consumes().forEach(type -> content.put(type, Map.of("schema", Map.of("type", "string", "format", "binary"))));
            op.put("requestBody", Map.of("required", true, "content", content));
        }
        op.put("security", route.isPublic() ? List.of() : List.of(Map.of("bearer", List.of())));
        if (!route.isPublic()) {
            op.put("x-roles", route.roles().isEmpty() ? List.of("any") : route.roles().stream().map(Role::name).sorted().toList());
        }
        op.put("responses", Map.of("default", Map.of("description", "JSON body; see the error shape for 4xx/5xx")));
        return op;
    }
}
