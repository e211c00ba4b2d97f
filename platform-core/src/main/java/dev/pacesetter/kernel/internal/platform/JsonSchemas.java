package dev.pacesetter.kernel.internal.platform;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.Period;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * JSON Schema (as OpenAPI 3.1 uses it) for the Java types routes bind and reply with, the way the gateway's
 * JSON codec writes them: records become named {@code object} schemas under {@code components/schemas} and are
 * referenced with {@code $ref}; decimals are strings; dates are ISO-8601 strings; enums are strings with their
 * constants. A record's properties are the ones Jackson writes: its components (less {@code @JsonIgnore}d ones, under
 * their {@code @JsonProperty} name) and its bean getters ({@code getTotal()}, {@code isOpen()}).
 * A type that refers to itself (directly or through others) ends in a {@code $ref} to itself.
 * Not thread-safe: one instance per document.
 */
final class JsonSchemas {

    /** Decimals travel as strings, e.g. {@code "1200.50"}. */
    static final String DECIMAL_PATTERN = "^-?[0-9]+(\\.[0-9]+)?$";

    private final Map<String, Object> components = new TreeMap<>();
    private final Map<Class<?>, String> names = new HashMap<>();

    /** The schemas registered so far, by name, for {@code components/schemas}. */
    Map<String, Object> components() {
        return components;
    }

    /** Registers {@code schema} under {@code name} (e.g. the shared {@code Error}). */
    void define(String name, Map<String, Object> schema) {
        components.put(name, schema);
    }

    static Map<String, Object> ref(String name) {
        return Map.of("$ref", "#/components/schemas/" + name);
    }

    /** The schema of {@code type}: inline for scalars and containers, a {@code $ref} for records and enums. */
    Map<String, Object> schema(Type type) {
        if (type instanceof ParameterizedType parameterized) {
            Class<?> raw = (Class<?>) parameterized.getRawType();
            Type[] args = parameterized.getActualTypeArguments();
            if (Collection.class.isAssignableFrom(raw)) {
                return array(schema(args[0]), java.util.Set.class.isAssignableFrom(raw));
            }
            if (Map.class.isAssignableFrom(raw)) {
                return Map.of("type", "object", "additionalProperties", schema(args[1]));
            }
            if (raw == Optional.class) {
                return schema(args[0]);
            }
            return schema(raw);
        }
        if (type instanceof GenericArrayType array) {
            return array(schema(array.getGenericComponentType()), false);
        }
        if (type instanceof WildcardType wildcard) {
            Type[] upper = wildcard.getUpperBounds();
            return upper.length == 1 ? schema(upper[0]) : Map.of();
        }
        if (!(type instanceof Class<?> c)) {
            return Map.of(); // a type variable: anything
        }
        Map<String, Object> scalar = scalar(c);
        if (scalar != null) {
            return scalar;
        }
        if (c.isArray()) {
            return array(schema(c.getComponentType()), false);
        }
        if (Collection.class.isAssignableFrom(c)) {
            return array(Map.of(), false);
        }
        if (Map.class.isAssignableFrom(c)) {
            return Map.of("type", "object", "additionalProperties", Map.of());
        }
        if (c == Object.class || c.getName().startsWith("com.fasterxml.jackson.databind.")) {
            return Map.of(); // Object, JsonNode: any JSON value
        }
        if (c.isEnum() || c.isRecord()) {
            try {
                return ref(named(c));
            } catch (RuntimeException | LinkageError e) { // a plugin type we cannot inspect must not break the description
                names.remove(c);
                return Map.of("type", "object");
            }
        }
        return Map.of("type", "object");
    }

    private static Map<String, Object> array(Map<String, Object> items, boolean unique) {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "array");
        schema.put("items", items);
        if (unique) {
            schema.put("uniqueItems", true);
        }
        return schema;
    }

    /** The component name of a record or enum, registering its schema the first time. */
    private String named(Class<?> c) {
        String known = names.get(c);
        if (known != null) {
            return known;
        }
        String name = freeName(c);
        names.put(c, name);
        components.put(name, Map.of()); // reserves the name; a self-reference finds it in names
        Map<String, Object> schema = new LinkedHashMap<>();
        if (c.isEnum()) {
            schema.put("type", "string");
            List<String> values = new ArrayList<>();
            for (Object constant : c.getEnumConstants()) {
                values.add(((Enum<?>) constant).name());
            }
            schema.put("enum", values);
        } else {
            schema.put("type", "object");
            Map<String, Object> properties = new LinkedHashMap<>();
            List<String> required = new ArrayList<>();
            for (RecordComponent component : c.getRecordComponents()) {
                Method accessor = component.getAccessor();
                if (ignored(accessor)) {
                    continue;
                }
                String property = renamed(accessor, component.getName());
                properties.put(property, schema(component.getGenericType()));
                if (component.getType().isPrimitive()) {
                    required.add(property);
                }
            }
            // Jackson writes a record's bean getters too (a derived total, an isOpen()); a client must expect them
            for (Method method : c.getMethods()) {
                String property = getterProperty(method);
                if (property != null && !ignored(method)) {
                    properties.putIfAbsent(renamed(method, property), schema(method.getGenericReturnType()));
                }
            }
            schema.put("properties", properties);
            if (!required.isEmpty()) {
                schema.put("required", required);
            }
        }
        components.put(name, schema);
        return name;
    }

    private static boolean ignored(AnnotatedElement element) {
        JsonIgnore ignore = element.getAnnotation(JsonIgnore.class);
        return ignore != null && ignore.value();
    }

    private static String renamed(AnnotatedElement element, String name) {
        JsonProperty property = element.getAnnotation(JsonProperty.class);
        return property != null && !property.value().isEmpty() ? property.value() : name;
    }

    /**
     * The property Jackson makes of a public getter ({@code getFooBar()} → {@code fooBar}, {@code boolean isOpen()} →
     * {@code open}, a leading capital run lowered: {@code getURL()} → {@code url}), or null for any other method.
     */
    private static String getterProperty(Method method) {
        if (Modifier.isStatic(method.getModifiers()) || method.getParameterCount() > 0 || method.isSynthetic() || method.isBridge()
                || method.getDeclaringClass() == Object.class || method.getDeclaringClass() == Record.class) {
            return null;
        }
        String name = method.getName();
        String rest;
        if (name.startsWith("get") && name.length() > 3 && method.getReturnType() != void.class) {
            rest = name.substring(3);
        } else if (name.startsWith("is") && name.length() > 2 && method.getReturnType() == boolean.class) {
            rest = name.substring(2);
        } else {
            return null;
        }
        if (!Character.isUpperCase(rest.charAt(0))) {
            return null;
        }
        StringBuilder property = new StringBuilder(rest);
        for (int i = 0; i < property.length() && Character.isUpperCase(property.charAt(i)); i++) {
            property.setCharAt(i, Character.toLowerCase(property.charAt(i)));
        }
        return property.toString();
    }

    private String freeName(Class<?> c) {
        String name = c.getSimpleName().replaceAll("[^A-Za-z0-9_.-]", "_");
        if (!components.containsKey(name)) {
            return name;
        }
        StringBuilder qualified = new StringBuilder(name);
        for (Class<?> outer = c.getEnclosingClass(); outer != null; outer = outer.getEnclosingClass()) {
            qualified.insert(0, outer.getSimpleName());
        }
        String candidate = qualified.toString();
        for (int i = 2; components.containsKey(candidate); i++) {
            candidate = qualified + String.valueOf(i);
        }
        return candidate;
    }

    private static Map<String, Object> scalar(Class<?> c) {
        if (c == String.class || c == char.class || c == Character.class || c == java.util.Locale.class
                || c == java.time.ZoneId.class) {
            return Map.of("type", "string");
        }
        if (c == int.class || c == Integer.class || c == short.class || c == Short.class || c == byte.class || c == Byte.class) {
            return Map.of("type", "integer", "format", "int32");
        }
        if (c == long.class || c == Long.class) {
            return Map.of("type", "integer", "format", "int64");
        }
        if (c == BigInteger.class) {
            return Map.of("type", "integer");
        }
        if (c == boolean.class || c == Boolean.class) {
            return Map.of("type", "boolean");
        }
        if (c == double.class || c == Double.class || c == float.class || c == Float.class) {
            return Map.of("type", "number");
        }
        if (c == BigDecimal.class) {
            return Map.of("type", "string", "format", "decimal", "pattern", DECIMAL_PATTERN,
                    "description", "A decimal number written as a string, e.g. \"1200.50\"");
        }
        if (c == Instant.class || c == OffsetDateTime.class || c == ZonedDateTime.class) {
            return Map.of("type", "string", "format", "date-time");
        }
        if (c == LocalDateTime.class) {
            return Map.of("type", "string", "description", "A local date-time without offset, e.g. 2024-05-01T09:30:00");
        }
        if (c == LocalDate.class) {
            return Map.of("type", "string", "format", "date");
        }
        if (c == LocalTime.class) { // not format time: that one needs an offset
            return Map.of("type", "string", "description", "A local time of day, e.g. 09:30:00");
        }
        if (c == Duration.class || c == Period.class) {
            return Map.of("type", "string", "format", "duration");
        }
        if (c == OffsetTime.class) { // not format time either: Jackson leaves out zero seconds (09:30+08:00)
            return Map.of("type", "string", "description", "A time of day with its offset, e.g. 09:30+08:00");
        }
        if (c == YearMonth.class) {
            return Map.of("type", "string", "pattern", "^[0-9]{4}-[0-9]{2}$", "description", "A month, e.g. 2024-05");
        }
        if (c == MonthDay.class) {
            return Map.of("type", "string", "description", "A day of the year, e.g. --05-01");
        }
        if (c == Year.class) {
            return Map.of("type", "string", "pattern", "^[0-9]{4}$", "description", "A year, e.g. 2024");
        }
        if (c == ZoneOffset.class) {
            return Map.of("type", "string", "description", "An offset from UTC, e.g. +08:00");
        }
        if (c == UUID.class) {
            return Map.of("type", "string", "format", "uuid");
        }
        if (c == URI.class || c == java.net.URL.class) {
            return Map.of("type", "string", "format", "uri");
        }
        if (c == byte[].class) {
            return Map.of("type", "string", "contentEncoding", "base64");
        }
        return null;
    }
}
